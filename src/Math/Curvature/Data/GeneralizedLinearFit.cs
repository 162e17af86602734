using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;

namespace Verification.Numerics.Curvature.Data;

/// <summary>
/// The maximum-likelihood fit θ*_N and the curvature matrices at it for a scalar-output <see cref="LinearModel"/> with a
/// natural likelihood (the generalized linear models of Fig. 7.2), in a direct loop over the data: F = Σ_n w_n x̃_n x̃_nᵀ with
/// w_n = −∇²_f log p(y_n|f_n) (Prop. 7.1), F̃ = Σ_n (∇_f log p)² x̃_n x̃_nᵀ. It gives the same matrices as
/// <see cref="LikelihoodProblem"/> (a test checks this) without building per-sample MathNet objects, so sequences in N up to
/// 10⁴ samples stay cheap.
/// </summary>
public static class GeneralizedLinearFit
{
    /// <summary>θ*, F(θ*), F̃(θ*) and the Newton iterations used.</summary>
    public sealed record Fit(Vector<double> Theta, Matrix<double> Fisher, Matrix<double> EmpiricalFisher, double GradientNorm, int Iterations);

    /// <summary>
    /// Newton's method on R from θ = 0 (the Hessian is F for a linear model and a natural likelihood), until ‖∇R‖ ≤ 1e-12·N
    /// or 50 iterations. Least squares converges in one step.
    /// </summary>
    /// <remarks>
    /// Range: the sums are plain doubles (bit for bit what the figures and the Fig. 7.2 sequences were made with), so an
    /// entry of θ*, F or F̃ beyond ±double.MaxValue (or a NaN from one, e.g. F₀₀ = Σx² = ∞ at x = ±1e200 made the Newton
    /// solve return NaN) is an <see cref="ArgumentException"/>, never a returned ∞ or NaN. Accuracy of F and F̃: within
    /// (N + 3)·u·Σ_n|w_n x_i x_j| of the sums of the computed weights (first order); see <see cref="ScalarDerivatives"/>
    /// for the weights.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// Not a scalar linear model with a natural likelihood, dimensions disagree, or a result beyond ±double.MaxValue.
    /// </exception>
    public static Fit MaximumLikelihood(LinearModel model, ILikelihood likelihood, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(likelihood);
        ArgumentNullException.ThrowIfNull(data);
        if (model.OutputDimension != 1 || likelihood.OutputDimension != 1 || !likelihood.IsNaturalParameterization)
            throw new ArgumentException($"needs a scalar linear model and a natural scalar likelihood, got {model.Name}, {likelihood.Name}.", nameof(likelihood));
        Require.SameLength(model.InputDimension, data.InputDimension, nameof(data));
        var features = data.Inputs.Select(model.Features).ToArray();
        int d = model.ParameterDimension;
        var theta = Vector<double>.Build.Dense(d);
        Matrix<double> fisher = Matrix<double>.Build.Dense(d, d), ef = Matrix<double>.Build.Dense(d, d);
        double gnorm = double.PositiveInfinity;
        int iterations = 0;
        for (; iterations <= 50; iterations++)
        {
            var grad = Vector<double>.Build.Dense(d);
            var f = new double[d, d];
            var e = new double[d, d];
            var fv = Vector<double>.Build.Dense(1);
            var scalar = ScalarDerivatives(likelihood);
            for (int n = 0; n < data.Count; n++)
            {
                var x = features[n];
                double fn = 0;
                for (int j = 0; j < d; j++)
                    fn += theta[j] * x[j];
                double s, w;
                if (scalar is not null)
                    (s, w) = scalar(data.Labels[n], fn);
                else
                {
                    fv[0] = fn;
                    s = likelihood.Gradient(data.Labels[n], fv)[0];
                    w = -likelihood.Hessian(data.Labels[n], fv)[0, 0];
                }
                for (int i = 0; i < d; i++)
                {
                    grad[i] -= s * x[i];
                    for (int j = 0; j < d; j++)
                    {
                        f[i, j] += w * x[i] * x[j];
                        e[i, j] += s * s * x[i] * x[j];
                    }
                }
            }
            fisher = Matrix<double>.Build.DenseOfArray(f);
            ef = Matrix<double>.Build.DenseOfArray(e);
            gnorm = grad.L2Norm();
            if (gnorm <= 1e-12 * data.Count || iterations == 50)
                break;
            theta -= fisher.Solve(grad);
        }
        if (!theta.All(double.IsFinite) || !fisher.Enumerate().Concat(ef.Enumerate()).All(double.IsFinite) || double.IsNaN(gnorm))
            throw new ArgumentException(
                $"the fit of {likelihood.Name} leaves the double range on these data (θ*, F or F̃ has an entry beyond ±double.MaxValue or NaN).",
                nameof(data));
        return new Fit(theta, fisher, ef, gnorm, iterations);
    }

    /// <summary>
    /// (∂_f log p, −∂²_f log p) of the three scalar natural likelihoods without allocation (the same formulas as their
    /// Gradient/Hessian, which a test compares); null for any other likelihood, which then goes through its public methods.
    /// The arguments are (y, f); the caller validates them.
    /// <para>
    /// Accuracy: Gaussian and Poisson as their likelihoods (each within 1 ulp where finite, the Poisson score y − eᶠ within
    /// 6.3u relative as <see cref="PoissonLog"/>'s, bit for bit: the written y − eᶠ kept only eᶠ's absolute error near f = ln y,
    /// 1.125 for 1.185 at y = 1e15; (y − f)/σ² and eᶠ overflow to ±∞ beyond the range, which <see cref="MaximumLikelihood"/> rejects). The Bernoulli-logit pair is the likelihood's own
    /// (<see cref="BernoulliLogit"/>, bit for bit): y − σ(f) as σ(−f) for y = 1 and −σ(f) for y = 0, and σ(f)(1 − σ(f)) as
    /// σ(f)·σ(−f), within 3 and 7 ulp over every finite f (ulp never below 2^-1074). The written forms cancelled where σ(f)
    /// rounds near 1: 0 for f &gt; 37 where the exact values are ≈ e^{−f}, and about 3u·eᶠ relative error from f ≈ 1.
    /// </para>
    /// </summary>
    public static Func<double, double, (double, double)>? ScalarDerivatives(ILikelihood likelihood)
    {
        ArgumentNullException.ThrowIfNull(likelihood);
        return ScalarDerivativesOf(likelihood);
    }

    private static Func<double, double, (double, double)>? ScalarDerivativesOf(ILikelihood likelihood) => likelihood switch
    {
        GaussianIdentity g => (y, f) => ((y - f) / g.Variance, 1 / g.Variance),
        BernoulliLogit => (y, f) =>
        {
            double p = BernoulliLogit.Sigmoid(f), q = BernoulliLogit.Sigmoid(-f); // q = 1 − p without cancellation
            return (y == 1 ? q : -p, p * q);
        },
        PoissonLog => (y, f) =>
        {
            double l = Math.Exp(f);
            return (PoissonNearLabel.Score(y, f), l); // y − λ as −y·expm1(f − ln y) near f = ln y, as PoissonLog's gradient
        },
        _ => null,
    };
}
