using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// p(y|f) = N(y; f, σ²) with fixed σ² (eq. D.8 for σ² = 1): identity link, f = σ²·(natural parameter), so a natural
/// parameterization in the sense of Prop. 7.1. log p = −(y − f)²/(2σ²) − ½log(2πσ²); ∇ = (y − f)/σ²; ∇² = −1/σ².
/// </summary>
/// <remarks>
/// Range: every finite y, f and σ² &gt; 0 whose results are within ±double.MaxValue; a result beyond it is an
/// <see cref="ArgumentException"/> (e.g. log p for (y − f)²/(2σ²) &gt; double.MaxValue, ∇² for σ² &lt; 1/double.MaxValue, where
/// the curvature matrices take it as the factors P·Q of <see cref="LikelihoodBase.HessianFactorsWhereNeeded"/>).
/// log p is formed as −t² − ½log(2πσ²) with t = (y − f)/√(2σ²) (<see cref="GaussianTerms"/>), so no intermediate
/// overflows where the result does not. Accuracy: log p within 9u·t² + 11u·|½log(2πσ²)| + 2^-1074 absolute (t² within 7u
/// and ½log(2πσ²) within 10u, <see cref="GaussianTerms"/>, and the difference rounded once: 8u + 7u² and 11u + 10u²,
/// rounded up; the two terms may cancel, so no relative bound exists); ∇ within 2 ulp (halved where y − f overflows); ∇² correctly rounded.
/// </remarks>
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

    /// <summary>log p depends on y and μ = f₀ only through y − μ.</summary>
    internal override bool IsLocationFamily => true;

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
    protected override double LogDensityUnchecked(double y, Vector<double> f) =>
        -GaussianTerms.HalfSquareOver(y, f[0], Variance) - GaussianTerms.HalfLogTwoPiVariance(Variance);

    /// <inheritdoc />
    protected override Vector<double> GradientUnchecked(double y, Vector<double> f) => One(GaussianTerms.ResidualOver(y, f[0], Variance));

    /// <summary>
    /// (y − f)/σ² as the quotient of the mantissas of y − f and σ², rounded once (y and f halved where y − f overflows): within
    /// 2u relatively at every magnitude, where the double quotient is subnormal or 0 beyond σ²/|y − f| ≈ 2^1022.
    /// </summary>
    private protected override ScaledVector? GradientScaledUnchecked(double y, Vector<double> f)
    {
        var (m, e) = GaussianTerms.ResidualOverScaled(y, f[0], Variance);
        return new ScaledVector([m], [e]);
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianUnchecked(double y, Vector<double> f) => Scalar(-1 / Variance);

    /// <summary>
    /// ∇² = −1/σ² as P·Q with σ² = m·2^e (m ∈ [1, 2)): P = −(1/m)·2^⌈−e/2⌉ (1/m rounded once) and Q = 2^⌊−e/2⌋ (exact),
    /// both within [2^-513, 2^538] for every σ² &gt; 0, so that J·P·Q·J keeps its digits where −1/σ² is beyond the range
    /// (σ² below 1/double.MaxValue: the curvature matrices were rejected there though J²/σ² may be in range) or subnormal
    /// (σ² above 2^1022). P·Q is −1/σ² itself wherever that is a normal double.
    /// </summary>
    private protected override (Matrix<double> P, Matrix<double> Q)? HessianFactorsUnchecked(double y, Vector<double> f)
    {
        int e = Math.ILogB(Variance);
        double m = Math.ScaleB(Variance, -e);
        int low = (int)Math.Floor(-e / 2.0);
        return (Scalar(-Math.ScaleB(1 / m, -e - low)), Scalar(Math.ScaleB(1.0, low)));
    }

    /// <inheritdoc />
    protected override ExpectationRule ExpectationUnchecked(Vector<double> f) => ExpectationRule.Gaussian(f[0], Variance);
}
