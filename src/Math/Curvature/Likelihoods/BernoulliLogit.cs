using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// p(y = 1|f) = σ(f) with the logit f as natural parameter (eq. D.33): log p = y·f − log(1 + eᶠ); ∇ = y − σ(f);
/// ∇² = −σ(f)(1 − σ(f)). Labels 0 and 1.
/// </summary>
public sealed class BernoulliLogit : LikelihoodBase
{
    /// <inheritdoc />
    public override string Name => "bernoulli-logit";

    /// <inheritdoc />
    public override int OutputDimension => 1;

    /// <inheritdoc />
    public override bool IsNaturalParameterization => true;

    /// <summary>σ(f) = 1/(1 + e^(−f)), evaluated without overflow.</summary>
    public static double Sigmoid(double f) => f >= 0 ? 1 / (1 + Math.Exp(-f)) : Math.Exp(f) / (1 + Math.Exp(f));

    /// <summary>log(1 + eᶠ) = max(f, 0) + log1p(e^(−|f|)).</summary>
    public static double Softplus(double f) => Math.Max(f, 0) + Math.Log(1 + Math.Exp(-Math.Abs(f)));

    /// <inheritdoc />
    protected override void ValidateSupport(double y, string name) => RequireIndex(y, 2, name);

    /// <inheritdoc />
    public override T LogDensity<T>(double y, T[] f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return T.Constant(y) * f[0] - LogSumExp.Of([T.Constant(0), f[0]]);
    }

    /// <inheritdoc />
    protected override double LogDensityUnchecked(double y, Vector<double> f) => y * f[0] - Softplus(f[0]);

    /// <inheritdoc />
    protected override Vector<double> GradientUnchecked(double y, Vector<double> f) => One(y - Sigmoid(f[0]));

    /// <inheritdoc />
    protected override Matrix<double> HessianUnchecked(double y, Vector<double> f)
    {
        double s = Sigmoid(f[0]);
        return Scalar(-s * (1 - s));
    }

    /// <inheritdoc />
    protected override ExpectationRule ExpectationUnchecked(Vector<double> f)
    {
        double s = Sigmoid(f[0]);
        return new ExpectationRule([0, 1], [Sigmoid(-f[0]), s], 0, "exact sum over {0, 1}");
    }
}
