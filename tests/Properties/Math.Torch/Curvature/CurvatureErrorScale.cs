using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch.Curvature;

/// <summary>
/// A first-order running-error bound for the curvature matrices (balles-thesis eqs. 7.2, 7.3, 7.14 and ∇²R) of one
/// <see cref="LikelihoodProblem"/>, when autograd (tensor side) and the closed forms (reference) evaluate them: every
/// entry is within <see cref="Tolerance"/>·scale, where the scale is the same matrix built from magnitudes instead of
/// values, so that cancellation in any sum is covered, and the tolerance is k·c·(u + u₆₄).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Magnitudes. |J| from the reference Jacobian (for the curved linear model |x| + |κ||θ|, whose sum cancels); the
/// likelihood's gradient and Hessian by their terms before cancellation (Gaussian (|y| + |f|)/σ², Bernoulli |y| + s,
/// softmax e_y + π and π_iδ_ij + π_iπ_j, Poisson y + e^f, the probability link's 1/(1 − f) with the cancellation
/// (1 + f)/(1 − f) of 1 − f, the mean–variance Gaussian's r replaced by |y| + |μ|), each widened by the change an error Δf
/// of the output causes (|∂(·)/∂f|·F, F = Σ|terms of f|); the Fisher's expectation weights likewise by
/// |∂ log w_k/∂f|·F. The matrices are then Σ_n |J_n|ᵀ(·)|J_n|, and ∇²R adds Σ_{n,m} |∂_m log p|·|∇²_θ f_m|.</item>
/// <item>k, the roundings along the longest chain from the data to an entry, per side: the first layer's (D + 1)-term sums,
/// for the MLP tanh (4u), 1 − t² (2u) and the (H + 1)-term second layer, the likelihood derivative (≤ 2 transcendental
/// functions and 2 more operations: 10u), the products Jᵀ·Λ·J (2M + 2) and the sums over the N samples and the K
/// expectation nodes.</item>
/// <item>c, the conditioning of the tanh layer (1 for the linear models): an error Δz of a hidden pre-activation reaches t
/// damped by 1 − t² but 1 − t² amplifies an error of t by 2t²/(1 − t²), so c = max_k (1 + t_k²)/(1 − t_k²) +
/// 2(D + 1)·max_k Z_k with Z_k = Σ_j|W1_kj x̃_j|.</item>
/// </list>
/// </remarks>
internal sealed class CurvatureErrorScale
{
    private readonly LikelihoodProblem problem;
    private readonly Vector<double> theta;
    private readonly Matrix<double>[] jacobianTerms;
    private readonly Vector<double>[] outputs;
    private readonly double[] outputMagnitude;
    private readonly double conditioning;
    private readonly int maxNodes;

    public CurvatureErrorScale(LikelihoodProblem problem, Vector<double> theta)
    {
        this.problem = problem;
        this.theta = theta;
        int count = problem.Count;
        jacobianTerms = new Matrix<double>[count];
        outputs = new Vector<double>[count];
        outputMagnitude = new double[count];
        conditioning = 1;
        maxNodes = 1;
        for (int n = 0; n < count; n++)
        {
            var x = problem.Data.Inputs[n];
            outputs[n] = problem.Output(n, theta);
            jacobianTerms[n] = JacobianTerms(problem.Model, x, theta, problem.Jacobian(n, theta));
            outputMagnitude[n] = OutputTerms(n).Max();
            if (problem.Model is TanhMlp mlp)
                conditioning = Math.Max(conditioning, TanhConditioning(mlp, x, theta));
            maxNodes = Math.Max(maxNodes, problem.Likelihood.Expectation(outputs[n]).Labels.Count);
        }
    }

    /// <summary>k·c, the rounding count times the conditioning (see remarks).</summary>
    public double Roundings
    {
        get
        {
            var m = problem.Model;
            int d = m.InputDimension, k = d + 1 + 10 + 2 * m.OutputDimension + 2 + problem.Count + maxNodes;
            if (m is TanhMlp mlp)
                k += 4 + 2 + mlp.Hidden + 1;
            return k * conditioning;
        }
    }

    /// <summary>The tolerance k·c·u in the tensor's dtype plus k·c·u₆₄ for the reference.</summary>
    public double Tolerance(ScalarType dtype) => Tolerances.Torch.Chains(Roundings, Roundings, dtype);

    /// <summary>|terms| of f(x_n, θ): Σ_j |θ_j x̃_j| per output (MLP: Σ_k |W2_mk t_k| + |b|).</summary>
    public double[] OutputTerms(int n)
    {
        var x = problem.Data.Inputs[n];
        switch (problem.Model)
        {
            case LinearModel lin:
                return Enumerable.Range(0, lin.OutputDimension).Select(m =>
                    Enumerable.Range(0, lin.InputDimension).Sum(j => Math.Abs(theta[m * lin.Width + j] * x[j]))
                    + (lin.Bias ? Math.Abs(theta[m * lin.Width + lin.InputDimension]) : 0)).ToArray();
            case CurvedLinearModel cl:
                return [Enumerable.Range(0, cl.InputDimension).Sum(j => Math.Abs(x[j] * theta[j]) + Math.Abs(cl.Curvature) / 2 * theta[j] * theta[j])];
            case TanhMlp mlp:
            {
                var t = Hidden(mlp, x, theta);
                int offset = mlp.Hidden * (mlp.InputDimension + 1);
                return Enumerable.Range(0, mlp.OutputDimension).Select(m =>
                    Enumerable.Range(0, mlp.Hidden).Sum(k => Math.Abs(theta[offset + m * (mlp.Hidden + 1) + k] * t[k]))
                    + Math.Abs(theta[offset + m * (mlp.Hidden + 1) + mlp.Hidden])).ToArray();
            }
            default:
                throw new ArgumentException($"no error model for {problem.Model.Name}.");
        }
    }

    /// <summary>The scale of log p(y_n|f_n): |terms| of the density plus |∂ log p/∂f|·F.</summary>
    public double LogDensityTerms(int n)
    {
        var f = outputs[n];
        double y = problem.Data.Labels[n];
        var g = GradientTerms(y, f, outputMagnitude[n]);
        double spread = g.Sum() * Math.Max(outputMagnitude[n], f.AbsoluteMaximum());
        return problem.Likelihood switch
        {
            GaussianIdentity gi => Math.Pow(Math.Abs(y) + Math.Abs(f[0]), 2) / (2 * gi.Variance) + Math.Abs(0.5 * Math.Log(2 * Math.PI * gi.Variance)) + spread,
            BernoulliLogit => Math.Abs(y * f[0]) + BernoulliLogit.Softplus(f[0]) + spread,
            CategoricalSoftmax => f.AbsoluteMaximum() * 2 + Math.Log(f.Count) + spread,
            PoissonLog => Math.Abs(y * f[0]) + Math.Exp(f[0]) + MathNet.Numerics.SpecialFunctions.GammaLn(y + 1) + spread,
            BernoulliProbability => Math.Abs(Math.Log(y == 1 ? f[0] : 1 - f[0])) + spread,
            GaussianMeanVariance => Math.Pow(Math.Abs(y) + Math.Abs(f[0]), 2) / (2 * f[1]) + Math.Abs(0.5 * Math.Log(2 * Math.PI * f[1])) + spread,
            _ => throw new ArgumentException($"no error model for {problem.Likelihood.Name}."),
        };
    }

    /// <summary>Scale of J_θ f(x_n, θ).</summary>
    public Matrix<double> Jacobian(int n) => jacobianTerms[n];

    /// <summary>Scale of G = −Σ_n J_nᵀ∇²_f log p J_n.</summary>
    public Matrix<double> GeneralizedGaussNewton()
    {
        var s = Zero();
        for (int n = 0; n < problem.Count; n++)
            s += Sandwich(n, HessianTerms(problem.Data.Labels[n], outputs[n], outputMagnitude[n]));
        return s;
    }

    /// <summary>Scale of ∇²R: the GGN's plus Σ_n Σ_m |∂_m log p|·|∇²_θ f_m|.</summary>
    public Matrix<double> Hessian()
    {
        var s = GeneralizedGaussNewton();
        for (int n = 0; n < problem.Count; n++)
        {
            var g = GradientTerms(problem.Data.Labels[n], outputs[n], outputMagnitude[n]);
            for (int m = 0; m < g.Count; m++)
                s += g[m] * OutputHessianTerms(n, m);
        }
        return s;
    }

    /// <summary>Scale of F = Σ_n J_nᵀ(Σ_k w_k s_k s_kᵀ)J_n, the weights widened by their sensitivity to f.</summary>
    public Matrix<double> Fisher()
    {
        var s = Zero();
        for (int n = 0; n < problem.Count; n++)
        {
            var f = outputs[n];
            var rule = problem.Likelihood.Expectation(f);
            var inner = Matrix<double>.Build.Dense(f.Count, f.Count);
            for (int k = 0; k < rule.Labels.Count; k++)
            {
                var g = GradientTerms(rule.Labels[k], f, outputMagnitude[n]);
                double weight = rule.Weights[k] * (1 + WeightSensitivity(rule.Labels[k], f) * outputMagnitude[n]);
                inner += weight * g.OuterProduct(g);
            }
            s += Sandwich(n, inner);
        }
        return s;
    }

    /// <summary>Scale of F̃ = Σ_n s_n s_nᵀ, s_n = J_nᵀ∇_f log p.</summary>
    public Matrix<double> EmpiricalFisher()
    {
        var s = Zero();
        for (int n = 0; n < problem.Count; n++)
        {
            var score = jacobianTerms[n].TransposeThisAndMultiply(GradientTerms(problem.Data.Labels[n], outputs[n], outputMagnitude[n]));
            s += score.OuterProduct(score);
        }
        return s;
    }

    private Matrix<double> Zero() => Matrix<double>.Build.Dense(problem.Dimension, problem.Dimension);

    private Matrix<double> Sandwich(int n, Matrix<double> middle) => jacobianTerms[n].TransposeThisAndMultiply(middle * jacobianTerms[n]);

    private Matrix<double> OutputHessianTerms(int n, int m) => problem.Model.OutputHessian(problem.Data.Inputs[n], theta, m).PointwiseAbs();

    private static Matrix<double> JacobianTerms(IModel model, Vector<double> x, Vector<double> theta, Matrix<double> jacobian) => model switch
    {
        CurvedLinearModel cl => Matrix<double>.Build.Dense(1, cl.InputDimension, (_, j) => Math.Abs(x[j]) + Math.Abs(cl.Curvature * theta[j])),
        _ => jacobian.PointwiseAbs(),
    };

    private static double[] Hidden(TanhMlp mlp, Vector<double> x, Vector<double> theta)
    {
        int d = mlp.InputDimension;
        return Enumerable.Range(0, mlp.Hidden).Select(k =>
            Math.Tanh(Enumerable.Range(0, d + 1).Sum(j => theta[k * (d + 1) + j] * (j < d ? x[j] : 1)))).ToArray();
    }

    private static double TanhConditioning(TanhMlp mlp, Vector<double> x, Vector<double> theta)
    {
        int d = mlp.InputDimension;
        double worst = 1, spread = 0;
        var t = Hidden(mlp, x, theta);
        for (int k = 0; k < mlp.Hidden; k++)
        {
            worst = Math.Max(worst, (1 + t[k] * t[k]) / (1 - t[k] * t[k]));
            spread = Math.Max(spread, Enumerable.Range(0, d + 1).Sum(j => Math.Abs(theta[k * (d + 1) + j] * (j < d ? x[j] : 1))));
        }
        return worst + 2 * (d + 1) * spread;
    }

    /// <summary>|terms| of ∇_f log p(y|f), widened by |∇²_f log p|·F for an output error of relative size F.</summary>
    private Vector<double> GradientTerms(double y, Vector<double> f, double outputTerms)
    {
        var h = HessianMagnitude(y, f);
        var g = problem.Likelihood switch
        {
            GaussianIdentity gi => V((Math.Abs(y) + Math.Abs(f[0])) / gi.Variance),
            BernoulliLogit => V(Math.Abs(y) + BernoulliLogit.Sigmoid(f[0])),
            CategoricalSoftmax => Vector<double>.Build.DenseOfArray(Softmax(f).Select((p, i) => p + (i == (int)y ? 1 : 0)).ToArray()),
            PoissonLog => V(y + Math.Exp(f[0])),
            BernoulliProbability => V(y == 1 ? 1 / f[0] : (1 + f[0]) / ((1 - f[0]) * (1 - f[0]))),
            GaussianMeanVariance => V((Math.Abs(y) + Math.Abs(f[0])) / f[1], (Math.Pow(Math.Abs(y) + Math.Abs(f[0]), 2) / f[1] + 1) / (2 * f[1])),
            _ => throw new ArgumentException($"no error model for {problem.Likelihood.Name}."),
        };
        return g + h.RowSums() * outputTerms;
    }

    /// <summary>|terms| of ∇²_f log p(y|f), widened by |∂(∇²_f log p)/∂f|·F.</summary>
    private Matrix<double> HessianTerms(double y, Vector<double> f, double outputTerms)
    {
        var h = HessianMagnitude(y, f);
        double growth = problem.Likelihood switch
        {
            GaussianIdentity => 0,
            BernoulliLogit or PoissonLog => 1,
            CategoricalSoftmax => 2,
            BernoulliProbability => 2 / Math.Min(f[0], 1 - f[0]),
            GaussianMeanVariance => 2 * (1 + Math.Abs(y) + Math.Abs(f[0])) / f[1],
            _ => throw new ArgumentException($"no error model for {problem.Likelihood.Name}."),
        };
        return h * (1 + growth * outputTerms);
    }

    private Matrix<double> HessianMagnitude(double y, Vector<double> f) => problem.Likelihood switch
    {
        GaussianIdentity gi => M(1 / gi.Variance),
        BernoulliLogit => M(BernoulliLogit.Sigmoid(f[0]) * BernoulliLogit.Sigmoid(-f[0])),
        CategoricalSoftmax => SoftmaxHessianTerms(Softmax(f)),
        PoissonLog => M(Math.Exp(f[0])),
        BernoulliProbability => M(y == 1 ? 1 / (f[0] * f[0]) : 2 * (1 + f[0]) / Math.Pow(1 - f[0], 3)),
        GaussianMeanVariance => GaussianMeanVarianceHessianTerms(y, f),
        _ => throw new ArgumentException($"no error model for {problem.Likelihood.Name}."),
    };

    private double WeightSensitivity(double y, Vector<double> f) => problem.Likelihood switch
    {
        GaussianIdentity or GaussianMeanVariance => 1, // nodes move with f, weights fixed: the scores' change is in GradientTerms
        BernoulliLogit => 1,
        CategoricalSoftmax => 2,
        PoissonLog => Math.Abs(y) + Math.Exp(f[0]),
        BernoulliProbability => 1 / Math.Min(f[0], 1 - f[0]),
        _ => throw new ArgumentException($"no error model for {problem.Likelihood.Name}."),
    };

    private static Matrix<double> GaussianMeanVarianceHessianTerms(double y, Vector<double> f)
    {
        double r = Math.Abs(y) + Math.Abs(f[0]), v = f[1];
        return Matrix<double>.Build.DenseOfArray(new[,] { { 1 / v, r / (v * v) }, { r / (v * v), (0.5 + r * r / v) / (v * v) } });
    }

    private static Matrix<double> SoftmaxHessianTerms(double[] pi) =>
        Matrix<double>.Build.Dense(pi.Length, pi.Length, (i, j) => (i == j ? pi[i] : 0) + pi[i] * pi[j]);

    private static double[] Softmax(Vector<double> f)
    {
        double max = f.Maximum();
        var e = f.Select(x => Math.Exp(x - max)).ToArray();
        double sum = e.Sum();
        return e.Select(x => x / sum).ToArray();
    }

    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    private static Matrix<double> M(double value) => Matrix<double>.Build.Dense(1, 1, value);
}
