using System.Globalization;
using Xunit.Sdk;

namespace Verification.Tests.Properties.Torch;

/// <summary>
/// Every tolerance the tensor-vs-reference agreement tests use, in one place. A comparison passes when
/// |actual − expected| ≤ tolerance · scale, where scale is stated per use (max(|a|, |b|) for positive quantities,
/// the sum of term magnitudes for sums that may cancel). "ulp" below means the relative unit 2⁻⁵² (float64) or
/// 2⁻²³ (float32), i.e. one to two units in the last place of the larger operand.
/// </summary>
internal static class TorchTolerances
{
    /// <summary>2⁻⁵², the float64 relative ulp unit.</summary>
    public const double DoubleUlp = 2.220446049250313e-16;

    /// <summary>2⁻²³, the float32 relative ulp unit.</summary>
    public const double SingleUlp = 1.1920928955078125e-7;

    /// <summary>
    /// ELMO step x* (eq. 7), float64 tensor vs <c>Elmo.Step</c>: 8 ulp of max(|a|, |b|). The tensor form rounds
    /// √(2L), √|g|, their product, hypot (≤ 1 ulp), one sum and one quotient: ≤ 7 half-ulps = 3.5 ulp, rounded up to 4,
    /// plus the reference's documented <see cref="Tolerances.ElmoStepUlps"/>. Observed: ≤ 2.2 ulp.
    /// </summary>
    public const double StepFloat64 = (4 + Tolerances.ElmoStepUlps) * DoubleUlp;

    /// <summary>
    /// ELMO step x* in float32 vs the float64 reference on the same (float32-representable) inputs: 8 float32 ulp of
    /// max(|a|, |b|); the float32 evaluation has the same ≤ 3.5 ulp error budget as above, in its own precision.
    /// Observed: ≤ 2.2 float32 ulp.
    /// </summary>
    public const double StepFloat32 = 8 * SingleUlp;

    /// <summary>
    /// Cubic models M, m (eqs. 3, 4), float64: 8 ulp of T = |g·x| + |λ|/2·x² + L/6·|x|³. Both sides evaluate the same
    /// Horner form x·(g + x·(λ/2 ± (L/6)|x|)), whose rounding error is at most γ₆·T ≈ 3 ulp·T each (Higham, Horner's
    /// bound, with one extra rounding for L/6); relative to the result itself no bound exists, since the terms may cancel.
    /// </summary>
    public const double CubicFloat64 = 8 * DoubleUlp;

    /// <summary>
    /// Cubic models in float32 vs the float64 reference: 8 float32 ulp of T, same reasoning as <see cref="CubicFloat64"/>.
    /// Observed: ≤ 2.1 float32 ulp (float64: bit-identical, the operation order being the same).
    /// </summary>
    public const double CubicFloat32 = 8 * SingleUlp;

    /// <summary>
    /// Φ^ELMO and Δθ* from eigendecompositions by two different solvers (LAPACK via libtorch, MathNet), float64:
    /// 1e-11 relative to the largest |entry|. The test matrices (<see cref="SpectralProblem"/>) have eigenvalue gaps and
    /// |λ_i| ≥ ‖H‖/12 and ‖∇f‖/|g_i| ≤ 100√n ≤ 245, so eigenvectors agree to ~nε‖H‖/gap ≈ 1e-14, which reaches φ_i and
    /// x*_i through |g_i| amplified by at most 245 (≈ 2e-12), and eigenvalues to a relative ~12nε, which φ_i, x*_i inherit
    /// (their relative sensitivity to λ is |dλ|/S ≤ |dλ|/|λ|). Observed: ≤ 7e-13 over 10,000 problems.
    /// </summary>
    public const double SpectralFloat64 = 1e-11;

    /// <summary>
    /// The identity Δθ* = −Φ^ELMO·∇f (Lemma 3.2) within the tensor implementation, float64: 1e-12 of the largest |entry|.
    /// Both sides share one eigendecomposition, but Φ is formed explicitly, so Φ·∇f carries ~2n roundings of terms as large
    /// as max φ_i·‖∇f‖ while Δθ* may be as small as max φ_i·|g_i|: 12ε·245 ≈ 3e-13. Observed: ≤ 1.2e-14.
    /// </summary>
    public const double IdentityFloat64 = 1e-12;

    /// <summary>
    /// Hessian, gradient and HVP by autograd vs a closed form, float64: 16 ulp of the magnitude of the terms (the
    /// backward passes round each product and sum once; no cancellation beyond the closed form's own).
    /// </summary>
    public const double AutogradFloat64 = 16 * DoubleUlp;

    /// <summary>
    /// Asserts |actual[i] − expected[i]| ≤ tolerance·scale[i] for all i; on failure reports the worst index, both
    /// values, their difference relative to the scale and the tolerance, and the input at that index.
    /// </summary>
    public static void AssertClose(
        string what, double[] expected, double[] actual, double[] scale, double tolerance, Func<int, string> input)
    {
        if (expected.Length != actual.Length || expected.Length != scale.Length)
            throw new XunitException($"{what}: length mismatch, expected {expected.Length}, actual {actual.Length}, scale {scale.Length}.");
        int worst = -1;
        double worstRatio = 1;
        for (int i = 0; i < expected.Length; i++)
        {
            // Equal values (including equal infinities and zeros) pass; NaN anywhere counts as an infinite miss.
            double ratio = actual[i] == expected[i] ? 0 : System.Math.Abs(actual[i] - expected[i]) / (tolerance * scale[i]);
            if (double.IsNaN(ratio))
                ratio = double.PositiveInfinity;
            if (ratio > worstRatio)
            {
                worst = i;
                worstRatio = ratio;
            }
        }
        if (worst >= 0)
            throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: worst index {worst} of {expected.Length}: expected {expected[worst]:R}, actual {actual[worst]:R}, " +
                $"|diff|/scale = {System.Math.Abs(actual[worst] - expected[worst]) / scale[worst]:R} " +
                $"(scale {scale[worst]:R}) > tolerance {tolerance:R}; input {input(worst)}"));
    }

    /// <summary>max(|a|, |b|) elementwise: the scale for positive quantities.</summary>
    public static double[] MaxMagnitude(double[] a, double[] b) =>
        a.Zip(b, (x, y) => System.Math.Max(System.Math.Abs(x), System.Math.Abs(y))).ToArray();

    /// <summary>A constant scale, for comparing entries of one matrix or vector against its largest entry.</summary>
    public static double[] Uniform(int length, double scale) => Enumerable.Repeat(scale, length).ToArray();
}
