using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;

namespace Verification.Numerics.Curvature;

/// <summary>
/// The objective of balles-thesis eq. (7.1), R(θ) = −Σ_n log p(y_n|f(x_n, θ)), for a model, a likelihood and a dataset,
/// with its per-sample pieces: the score s_n = ∇_θ log p(y_n|f(x_n, θ)) = J_nᵀ∇_f log p (eq. D.20) and the per-sample
/// Hessian ∇²_θ log p = J_nᵀ∇²_f log p J_n + Σ_m ∂_m log p·∇²f_n^(m). Every public method validates θ and the data.
/// </summary>
public sealed class LikelihoodProblem
{
    /// <summary>Binds a model, a likelihood and data, and checks that they fit together.</summary>
    /// <exception cref="ArgumentException">Dimensions disagree, or a label is outside the likelihood's support.</exception>
    public LikelihoodProblem(IModel model, ILikelihood likelihood, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(likelihood);
        ArgumentNullException.ThrowIfNull(data);
        if (model.OutputDimension != likelihood.OutputDimension)
            throw new ArgumentException(
                $"model has {model.OutputDimension} outputs but {likelihood.Name} needs {likelihood.OutputDimension}.", nameof(likelihood));
        Require.SameLength(model.InputDimension, data.InputDimension, nameof(data));
        for (int n = 0; n < data.Count; n++)
            likelihood.ValidateLabel(data.Labels[n], $"data.Labels[{n}]");
        Model = model;
        Likelihood = likelihood;
        Data = data;
    }

    /// <summary>f.</summary>
    public IModel Model { get; }

    /// <summary>p(y|f).</summary>
    public ILikelihood Likelihood { get; }

    /// <summary>(x_n, y_n).</summary>
    public Dataset Data { get; }

    /// <summary>d.</summary>
    public int Dimension => Model.ParameterDimension;

    /// <summary>N.</summary>
    public int Count => Data.Count;

    /// <summary>Throws unless θ has length d and finite entries.</summary>
    public Vector<double> CheckTheta(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(Dimension, theta.Count, nameof(theta));
        return theta;
    }

    private void CheckSample(int n)
    {
        if (n < 0 || n >= Count)
            throw new ArgumentException($"n must be in [0, {Count - 1}], got {n}.", nameof(n));
    }

    /// <summary>f_n = f(x_n, θ), validated against the likelihood's domain.</summary>
    public Vector<double> Output(int n, Vector<double> theta)
    {
        CheckSample(n);
        var f = Model.Output(Data.Inputs[n], CheckTheta(theta));
        Likelihood.ValidateOutput(f, $"f(x_{n}, θ)");
        return f;
    }

    /// <summary>J_n = J_θ f(x_n, θ).</summary>
    public Matrix<double> Jacobian(int n, Vector<double> theta)
    {
        CheckSample(n);
        return Model.Jacobian(Data.Inputs[n], CheckTheta(theta));
    }

    /// <summary>ℓ_n(θ) = −log p(y_n|f_n).</summary>
    public double SampleLoss(int n, Vector<double> theta) => -Likelihood.LogDensity(Data.Labels[n], Output(n, theta));

    /// <summary>∇_θ log p(y|f(x_n, θ)) for any label y in the support (eq. D.20).</summary>
    public Vector<double> Score(int n, Vector<double> theta, double y) =>
        Jacobian(n, theta).TransposeThisAndMultiply(Likelihood.Gradient(y, Output(n, theta)));

    /// <summary>∇²_θ log p(y|f(x_n, θ)) = J_nᵀ∇²_f log p J_n + Σ_m [∇_f log p]_m ∇²_θ f_n^(m), for any label y.</summary>
    public Matrix<double> LogDensityHessian(int n, Vector<double> theta, double y) => SampleCurvature(n, theta).LogDensityHessian(y);

    /// <summary>f_n, J_n and the ∇²_θ f_n^(m) at θ, computed once for evaluating several labels.</summary>
    private SampleTerms SampleCurvature(int n, Vector<double> theta)
    {
        var f = Output(n, theta);
        var j = Jacobian(n, theta);
        var hf = Enumerable.Range(0, Model.OutputDimension).Select(m => Model.OutputHessian(Data.Inputs[n], theta, m)).ToArray();
        return new SampleTerms(Likelihood, f, j, hf);
    }

    private sealed record SampleTerms(ILikelihood Likelihood, Vector<double> F, Matrix<double> J, Matrix<double>[] ModelHessians)
    {
        public Matrix<double> LogDensityHessian(double y)
        {
            var h = J.TransposeThisAndMultiply(Likelihood.Hessian(y, F) * J);
            var g = Likelihood.Gradient(y, F);
            for (int m = 0; m < g.Count; m++)
                if (g[m] != 0)
                    h += g[m] * ModelHessians[m];
            return Symmetrize(h);
        }
    }

    /// <summary>R(θ) = −Σ_n log p(y_n|f(x_n, θ)) (eq. 7.1).</summary>
    public double Risk(Vector<double> theta)
    {
        double r = 0;
        for (int n = 0; n < Count; n++)
            r += SampleLoss(n, theta);
        return r;
    }

    /// <summary>∇R(θ) = −Σ_n s_n.</summary>
    public Vector<double> RiskGradient(Vector<double> theta)
    {
        var g = Vector<double>.Build.Dense(Dimension);
        for (int n = 0; n < Count; n++)
            g -= Score(n, theta, Data.Labels[n]);
        return g;
    }

    /// <summary>
    /// ∇²R(θ) by hyper-dual forward mode on the composed R (no split, no chain rule written by hand): the reference Hessian
    /// against which eqs. (7.8), (7.9), (7.12) and (D.18) are checked.
    /// </summary>
    public Matrix<double> HessianForward(Vector<double> theta)
    {
        CheckTheta(theta);
        for (int n = 0; n < Count; n++)
            Output(n, theta);
        return ForwardDerivatives.Hessian(t =>
        {
            HyperDual r = HyperDual.Constant(0);
            for (int n = 0; n < Count; n++)
                r -= Likelihood.LogDensity(Data.Labels[n], Model.Output(Data.Inputs[n], t));
            return r;
        }, theta);
    }

    /// <summary>∇²R(θ) in closed form, −Σ_n ∇²_θ log p(y_n|f_n).</summary>
    public Matrix<double> Hessian(Vector<double> theta)
    {
        var h = Matrix<double>.Build.Dense(Dimension, Dimension);
        for (int n = 0; n < Count; n++)
            h -= LogDensityHessian(n, theta, Data.Labels[n]);
        return h;
    }

    /// <summary>
    /// G(θ) of the canonical split (7.13), a_n(b) = −log p(y_n|b), b_n = f(x_n, θ): −Σ_n J_nᵀ∇²_f log p(y_n|f_n)J_n (eq. 7.14).
    /// </summary>
    public Matrix<double> GeneralizedGaussNewton(Vector<double> theta)
    {
        var g = Matrix<double>.Build.Dense(Dimension, Dimension);
        for (int n = 0; n < Count; n++)
        {
            var j = Jacobian(n, theta);
            g -= j.TransposeThisAndMultiply(Likelihood.Hessian(Data.Labels[n], Output(n, theta)) * j);
        }
        return Symmetrize(g);
    }

    /// <summary>The residual term of eq. (7.9) for the canonical split: Σ_{n,m} [∇_b a_n]_m ∇²_θ f_n^(m) with ∇_b a_n = −∇_f log p.</summary>
    public Matrix<double> ResidualTerm(Vector<double> theta)
    {
        var r = Matrix<double>.Build.Dense(Dimension, Dimension);
        for (int n = 0; n < Count; n++)
        {
            var g = Likelihood.Gradient(Data.Labels[n], Output(n, theta));
            for (int m = 0; m < g.Count; m++)
                if (g[m] != 0)
                    r -= g[m] * Model.OutputHessian(Data.Inputs[n], theta, m);
        }
        return r;
    }

    /// <summary>
    /// F(θ) = Σ_n E_{y~p(·|f_n)}[s_n(y)s_n(y)ᵀ] (eq. 7.2), computed as Σ_n J_nᵀ(Σ_k w_k ∇_f log p(y_k)∇_f log p(y_k)ᵀ)J_n with the
    /// likelihood's <see cref="ExpectationRule"/> (exact, or with <see cref="FisherTailBound"/> for Poisson).
    /// </summary>
    public Matrix<double> Fisher(Vector<double> theta)
    {
        var fisher = Matrix<double>.Build.Dense(Dimension, Dimension);
        for (int n = 0; n < Count; n++)
        {
            var f = Output(n, theta);
            var rule = Likelihood.Expectation(f);
            var inner = Matrix<double>.Build.Dense(f.Count, f.Count);
            for (int k = 0; k < rule.Labels.Count; k++)
            {
                var s = Likelihood.Gradient(rule.Labels[k], f);
                inner += rule.Weights[k] * s.OuterProduct(s);
            }
            var j = Jacobian(n, theta);
            fisher += j.TransposeThisAndMultiply(inner * j);
        }
        return Symmetrize(fisher);
    }

    /// <summary>The second form of eq. (7.4), Σ_n E_{y~p(·|f_n)}[−∇²_θ log p(y|f_n)], with the same expectation rule.</summary>
    public Matrix<double> ExpectedNegativeHessian(Vector<double> theta)
    {
        var e = Matrix<double>.Build.Dense(Dimension, Dimension);
        for (int n = 0; n < Count; n++)
        {
            var terms = SampleCurvature(n, theta);
            var rule = Likelihood.Expectation(terms.F);
            for (int k = 0; k < rule.Labels.Count; k++)
                e -= rule.Weights[k] * terms.LogDensityHessian(rule.Labels[k]);
        }
        return Symmetrize(e);
    }

    /// <summary>
    /// Bound on the entrywise error of <see cref="Fisher"/> and <see cref="ExpectedNegativeHessian"/> from truncating the
    /// expectation: Σ_n TailBound_n·(‖J_n‖_F² + Σ_m ‖∇²f_n^(m)‖_F) (0 for exact rules).
    /// </summary>
    public double FisherTailBound(Vector<double> theta)
    {
        double total = 0;
        for (int n = 0; n < Count; n++)
        {
            var rule = Likelihood.Expectation(Output(n, theta));
            if (rule.TailBound == 0)
                continue;
            double jn = Jacobian(n, theta).FrobeniusNorm();
            double hn = Enumerable.Range(0, Model.OutputDimension).Sum(m => Model.OutputHessian(Data.Inputs[n], theta, m).FrobeniusNorm());
            total += rule.TailBound * (jn * jn + hn);
        }
        return total;
    }

    /// <summary>F̃(θ) = Σ_n s_n s_nᵀ at the training labels (eq. 7.3).</summary>
    public Matrix<double> EmpiricalFisher(Vector<double> theta)
    {
        var ef = Matrix<double>.Build.Dense(Dimension, Dimension);
        for (int n = 0; n < Count; n++)
        {
            var s = Score(n, theta, Data.Labels[n]);
            ef += s.OuterProduct(s);
        }
        return ef;
    }

    /// <summary>
    /// Σ(θ) = Cov[g(θ)] for g = −N s_n with n uniform on [N] (eq. 7.22), as the centered sum (1/N)Σ_n (g_n − ∇R)(g_n − ∇R)ᵀ
    /// (E[g] = ∇R): not through the identity being checked.
    /// </summary>
    public Matrix<double> GradientCovariance(Vector<double> theta)
    {
        var mean = RiskGradient(theta);
        var cov = Matrix<double>.Build.Dense(Dimension, Dimension);
        for (int n = 0; n < Count; n++)
        {
            var c = -Count * Score(n, theta, Data.Labels[n]) - mean;
            cov += c.OuterProduct(c);
        }
        return cov / Count;
    }

    /// <summary>(A + Aᵀ)/2: removes rounding asymmetry of products JᵀHJ.</summary>
    private static Matrix<double> Symmetrize(Matrix<double> a) => (a + a.Transpose()) / 2;
}
