using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// p(y|f) = N(y; f, σ²) with fixed σ² (eq. D.8 for σ² = 1): identity link, f = σ²·(natural parameter), so a natural
/// parameterization in the sense of Prop. 7.1. log p = −(y − f)²/(2σ²) − ½log(2πσ²); ∇ = (y − f)/σ²; ∇² = −1/σ².
/// </summary>
public sealed class GaussianIdentity : LikelihoodBase
{
    /// <summary>N(y; f, σ²) with σ² = <paramref name="variance"/> &gt; 0.</summary>
    public GaussianIdentity(double variance = 1) => Variance = Require.Positive(variance, nameof(variance));

    /// <summary>σ².</summary>
    public double Variance { get; }

    /// <inheritdoc />
    public override string Name => Variance == 1 ? "gaussian-identity" : $"gaussian-identity(σ²={Require.Show(Variance)})";

    /// <inheritdoc />
    public override int OutputDimension => 1;

    /// <inheritdoc />
    public override bool IsNaturalParameterization => true;

    /// <inheritdoc />
    protected override void ValidateSupport(double y, string name)
    {
    }

    /// <inheritdoc />
    public override T LogDensity<T>(double y, T[] f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var r = T.Constant(y) - f[0];
        return -(r * r) / T.Constant(2 * Variance) - T.Constant(0.5 * Math.Log(2 * Math.PI * Variance));
    }

    /// <inheritdoc />
    protected override double LogDensityUnchecked(double y, Vector<double> f)
    {
        double r = y - f[0];
        return -r * r / (2 * Variance) - 0.5 * Math.Log(2 * Math.PI * Variance);
    }

    /// <inheritdoc />
    protected override Vector<double> GradientUnchecked(double y, Vector<double> f) => One((y - f[0]) / Variance);

    /// <inheritdoc />
    protected override Matrix<double> HessianUnchecked(double y, Vector<double> f) => Scalar(-1 / Variance);

    /// <inheritdoc />
    protected override ExpectationRule ExpectationUnchecked(Vector<double> f) => ExpectationRule.Gaussian(f[0], Variance);
}
