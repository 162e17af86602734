using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// Control for Prop. 7.1 (not a natural parameterization): N(y; μ, v) with a learned variance, f = (μ, v), v &gt; 0
/// (the natural parameters would be (μ/v, −1/(2v))). log p = −(y − μ)²/(2v) − ½log(2πv);
/// ∇ = ((y − μ)/v, (y − μ)²/(2v²) − 1/(2v)); ∇² = [[−1/v, −(y − μ)/v²], [−(y − μ)/v², 1/(2v²) − (y − μ)²/v³]], which depends on y.
/// </summary>
/// <remarks>
/// Range: every finite y, μ and v &gt; 0 whose results are within ±double.MaxValue, else an <see cref="ArgumentException"/>.
/// Everything is formed from a = (y − μ)/v (halving y and μ where y − μ overflows) and 1/v: ∇ = (a, a·(a/2) − 1/(2v)),
/// ∇² = [[−1/v, −a/v], [−a/v, (1/(2v))/v − a·(a/v)]], and log p as for <see cref="GaussianIdentity"/>, so that no (y − μ)²,
/// v², v³ or a² over- or underflows on its own (the written form of ∇₂ gave ∞ at y − μ = 1e200, v = 1e150, where the exact
/// value is 5e99). The one exception: a term a²/2 or a·(a/v) beyond double.MaxValue while the difference is not (possible
/// only with 1/v of the same size, v &lt; 1e-308) is rejected. Accuracy: every entry within 8u of the sum of its terms'
/// magnitudes (|a|, (a² + 1/v)/2, 1/v, |a|/v, (1/(2v) + a²)/v), the same for log p as in <see cref="GaussianIdentity"/>;
/// terms of opposite sign may cancel, so no relative bound exists. The entries −a/v and (1/(2v))/v − a·(a/v) leave the normal
/// range from v ≈ 1.5e154 on (1/(2v²) is 0 beyond v ≈ 1e162) while JᵀHJ may not: the curvature matrices of
/// <see cref="LikelihoodProblem"/>, <see cref="Splits"/> and <see cref="CurvatureProblem{T}"/> then take ∇² as M·2^E
/// (HessianScaledWhereNeeded) where an entry is below 2^-1022, else through its factors P ⊙ Q (HessianFactors) where a
/// product of J with an entry may be.
/// </remarks>
public sealed class GaussianMeanVariance : LikelihoodBase
{
    /// <inheritdoc />
    public override string Name => "gaussian-mean-variance";

    /// <inheritdoc />
    public override int OutputDimension => 2;

    /// <summary>log p depends on y and μ = f₀ only through y − μ.</summary>
    internal override bool IsLocationFamily => true;

    /// <inheritdoc />
    public override bool IsNaturalParameterization => false;

    /// <inheritdoc />
    protected override void ValidateDomain(Vector<double> f, string name)
    {
        if (!(f[1] > 0))
            throw new ArgumentException($"{name}[1] (a variance) must be > 0, got {Require.Show(f[1])}.", name);
    }

    /// <inheritdoc />
    protected override void ValidateSupport(double y, string name)
    {
    }

    /// <inheritdoc />
    public override T LogDensity<T>(double y, T[] f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var r = T.Constant(y) - f[0];
        return -(r * r) / (T.Constant(2) * f[1]) - T.Constant(0.5) * T.Log(T.Constant(2 * Math.PI) * f[1]);
    }

    /// <inheritdoc />
    protected override double LogDensityUnchecked(double y, Vector<double> f) =>
        -GaussianTerms.HalfSquareOver(y, f[0], f[1]) - GaussianTerms.HalfLogTwoPiVariance(f[1]);

    /// <inheritdoc />
    protected override Vector<double> GradientUnchecked(double y, Vector<double> f)
    {
        double a = GaussianTerms.ResidualOver(y, f[0], f[1]), v = f[1];
        return Vector<double>.Build.DenseOfArray([a, a * (0.5 * a) - 0.5 / v]);
    }

    /// <summary>
    /// ∇ = (a, a·(a/2) − 1/(2v)) with a = (y − μ)/v as M·2^E (<see cref="GaussianTerms.ResidualOverScaled"/>) and ∇₂ one
    /// <see cref="ScaledSum"/> of the two terms: a within 2u, ∇₂ within 7u of (a² + 1/v)/2 (a's 2u twice, the square's
    /// rounding, the quotient's and the sum's), where the doubles fall below 2^-1022 beyond v ≈ 2^1022/|y − μ| and v ≈ 2^1021.
    /// </summary>
    private protected override ScaledVector? GradientScaledUnchecked(double y, Vector<double> f)
    {
        var (m, e) = GaussianTerms.ResidualOverScaled(y, f[0], f[1]);
        var dv = new ScaledSum();
        dv.AddTimesPowerOfTwo(2 * e - 1, 1, m, m);
        dv.AddTimesPowerOfTwo(-1, f[1], -1);
        var (mv, ev) = dv.Parts;
        return new ScaledVector([m, mv], [e, ev]);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Where a = (y − μ)/v is below 2^-1022 the cross entry −a/v is formed from a as M·2^E
    /// (<see cref="GaussianTerms.ResidualOverScaled"/>): the subnormal a had kept only the digits above 2^-1074 before 1/v
    /// scaled them back up (y = 0, μ = −1e-320, v = 1.055e-7: −r/v² ≈ −8.98e-307 came out 1.6e-11 relatively off). A
    /// subnormal a with y ≠ μ needs v &gt; 2^1022·|y − μ| ≥ 2^-52, so the term a·(a/v) of ∇²_vv stays below 2^-1992 and within
    /// that entry's bound.
    /// </remarks>
    protected override Matrix<double> HessianUnchecked(double y, Vector<double> f)
    {
        double a = GaussianTerms.ResidualOver(y, f[0], f[1]), v = f[1];
        double cross = CrossCurvature(y, f[0], v, a);
        return Matrix<double>.Build.DenseOfArray(new[,] { { -1 / v, cross }, { cross, 0.5 / v / v + a * cross } });
    }

    /// <summary>
    /// ∇²_μv = −(y − μ)/v² given a = <see cref="GaussianTerms.ResidualOver"/>(y, μ, v): −a/v, or where a is below 2^-1022
    /// −(M/v)·2^E from a = M·2^E (<see cref="GaussianTerms.ResidualOverScaled"/>), so that a subnormal a's lost digits are
    /// not scaled back up by 1/v. Within 3u (a's 2u and the quotient's), plus 2^-1074 where the result is subnormal.
    /// </summary>
    internal static double CrossCurvature(double y, double mean, double variance, double a) =>
        ResidualOverWhereSubnormal(y, mean, variance, a) is { } scaled
            ? Math.ScaleB(-scaled.Mantissa / variance, scaled.Exponent)
            : -a / variance;

    /// <summary>
    /// a = (y − μ)/v as M·2^E (<see cref="GaussianTerms.ResidualOverScaled"/>) where the double a is below 2^-1022 with
    /// y ≠ μ (subnormal, or rounded to 0), so that its lost digits are not scaled back up; null elsewhere and for
    /// non-finite inputs.
    /// </summary>
    private static (double Mantissa, int Exponent)? ResidualOverWhereSubnormal(double y, double mean, double variance, double a) =>
        Math.Abs(a) >= SubnormalFlush.SmallestNormal || y == mean || !double.IsFinite(y) || !double.IsFinite(mean) || !double.IsFinite(variance)
            ? null
            : GaussianTerms.ResidualOverScaled(y, mean, variance);

    /// <summary>
    /// ∇² with every entry as M·2^E (<see cref="LikelihoodBase.HessianScaledWhereNeeded"/> takes it where one falls below
    /// 2^-1022), from a = M_a·2^(E_a) (<see cref="GaussianTerms.ResidualOverScaled"/>, within 2u) and v = m_v·2^(k_v):
    /// −1/v = −(1/m_v)·2^(−k_v) within u; −a/v = −(M_a/m_v)·2^(E_a − k_v) within 3u; ∇²_vv = 1/(2v²) − a²/v one
    /// <see cref="ScaledSum"/> of (1/m_v)/m_v·2^(−1−2k_v) (2u) and −M_a·M_a/m_v·2^(2E_a − k_v) (6u), within 7u of
    /// 1/(2v²) + a²/v, with no absolute term. The factors P ⊙ Q could not carry this: where |a/v| &lt; 2^-2043 no pair of
    /// normal doubles holds −a/v (x = 1e300, y = −3e-40: Q_μv underflowed to 0 and G[0, 2] = r came out 0), and 1/(2v) and
    /// 1/v are subnormal beyond v = 2^1021 and 2^1022 (P_vv off by up to 2^-50.5 ≈ 5.7u relatively near double.MaxValue,
    /// beyond the 3u stated for it).
    /// </summary>
    private protected override ScaledMatrix? HessianScaledUnchecked(double y, Vector<double> f)
    {
        double v = f[1];
        var (m, e) = GaussianTerms.ResidualOverScaled(y, f[0], v);
        int kv = Math.ILogB(v);
        double mv = Math.ScaleB(v, -kv);
        var vv = new ScaledSum();
        vv.AddTimesPowerOfTwo(-1 - 2 * kv, mv, 1 / mv);
        vv.AddTimesPowerOfTwo(2 * e - kv, mv, -m, m);
        var cross = m == 0 ? (0.0, 0) : (-m / mv, e - kv);
        return ScaledMatrix.Of(new[,] { { (-1 / mv, -kv), cross }, { cross, vv.Parts } });
    }

    /// <summary>
    /// ∇² = P ⊙ Q with P = [[−1/v, −a], [−a, 1/(2v) − a·a]] and Q = [[1, 1/v], [1/v, 1/v]] (a = (y − μ)/v): the entries −a/v
    /// and (1/(2v) − a²)/v fall below 2^-1022 from v ≈ 1.5e154 on (1/(2v²) is 0 beyond v ≈ 1e162) while JᵀHJ, with J of the
    /// size of v, is a normal double (x = v = 1e200: E[−∇²_θ]_vv = x²/(2v²) = ½ came out 0). P's entries are within 3u of
    /// their exact values relative to 1/(2v) + a² (plus 2^-1074 where a·a is subnormal), Q's within u (4u where
    /// v &gt; 2^1022 and 1/v is subnormal). Where a is subnormal the cross entry −a/v is −M·2^-1021 times 2^(E+1021)/v
    /// from a = M·2^E (<see cref="GaussianTerms.ResidualOverScaled"/>): within 2u and 1u (plus 2^-1074 where that Q entry is
    /// subnormal, i.e. where |a/v| &lt; 2^-2043, where the curvature matrices take the scaled form above since stop 40:
    /// M·2^-1021 is the smallest split that keeps P normal; with 2^-1000, Q was
    /// subnormal from 2^-2022 on, x = v = 1e300, y = 2^-40: G[0, 2] = r about 2^-43 off); the subnormal −a had kept only its digits above 2^-1074. The same where a
    /// rounds to 0 with y ≠ μ (|a| &lt; 2^-1075): the guard a ≠ 0 had left P_μv = 0 there (x = v = 1e200, y = 1e-130: G[0, 2]
    /// = r = 1e-130 came out 0).
    /// </summary>
    private protected override (Matrix<double> P, Matrix<double> Q)? HessianFactorsUnchecked(double y, Vector<double> f)
    {
        double a = GaussianTerms.ResidualOver(y, f[0], f[1]), v = f[1], inv = 1 / v;
        double crossP = -a, crossQ = inv;
        // a subnormal a kept only its digits above 2^-1074, which J scaled back up: a = M·2^E as −M·2^-1021 and 2^(E+1021)/v
        if (ResidualOverWhereSubnormal(y, f[0], v, a) is { } scaled)
            (crossP, crossQ) = (-Math.ScaleB(scaled.Mantissa, -1021), Math.ScaleB(inv, scaled.Exponent + 1021));
        return (Matrix<double>.Build.DenseOfArray(new[,] { { -inv, crossP }, { crossP, 0.5 / v - a * a } }),
            Matrix<double>.Build.DenseOfArray(new[,] { { 1, crossQ }, { crossQ, inv } }));
    }

    /// <inheritdoc />
    protected override ExpectationRule ExpectationUnchecked(Vector<double> f) => ExpectationRule.Gaussian(f[0], f[1]);
}
