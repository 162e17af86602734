using TorchSharp;
using Verification.Numerics.Elmo;

namespace Verification.Tests.Properties;

public static partial class Tolerances
{

    /// <summary>
    /// Every tolerance the tensor-vs-reference agreement tests use (the comparer is the shared
    /// <see cref="AssertClose"/>). A comparison passes when
    /// |actual − expected| ≤ tolerance · scale, where the scale is stated per use (max(|a|, |b|) for quantities computed
    /// without cancellation, the same computation on absolute values where terms may cancel, a conditioning factor times
    /// a magnitude for spectral results).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Units. u is the unit roundoff of the working precision: <see cref="Float64Unit"/> = 2⁻⁵³ or <see cref="Float32Unit"/>
    /// = 2⁻²⁴ (half an ulp of 1). "ε" below is 2u (one ulp of 1). A chain of k operations each correctly rounded has
    /// relative error at most k·u to first order (Higham, Accuracy and Stability of Numerical Algorithms, §3.1: γ_k).
    /// </para>
    /// <para>
    /// Per-operation errors, valid on every device in <see cref="TestDevices"/> (CPU: libtorch's scalar and SLEEF
    /// vectorised kernels, ≤ 1 ulp; CUDA: the CUDA C Programming Guide's table of maximum ulp errors, PyTorch being built
    /// without fast-math) and for the double-precision reference (.NET and MathNet):
    /// +, −, ×, ÷, √ are correctly rounded (1u); <see cref="Hypot"/> ≤ 2 ulp in double and ≤ 3 ulp in float on CUDA
    /// (4u, 6u); <see cref="Transcendental"/> exp, log, log1p, tanh, erf ≤ 2 ulp (4u). Float32 rows round the inputs to
    /// float32 first and hand the reference those same values, so the input rounding is not part of any float32 bound;
    /// the reference's own float64 error is counted in 2⁻⁵³ next to the tensor's float32 error. So every float32 tolerance is
    /// the float64 derivation with the tensor's count in u₃₂ = 2⁻²⁴ instead of 2⁻⁵³: looser by 2²⁹, named by the same member
    /// with the dtype as argument.
    /// </para>
    /// </remarks>
    public static class Torch
    {
        /// <summary>2⁻⁵², the float64 relative ulp unit ε.</summary>
        public const double DoubleUlp = 2.220446049250313e-16;

        /// <summary>2⁻²³, the float32 relative ulp unit.</summary>
        public const double SingleUlp = 1.1920928955078125e-7;

        /// <summary>u = 2⁻⁵³, the float64 unit roundoff.</summary>
        public const double Float64Unit = DoubleUlp / 2;

        /// <summary>u = 2⁻²⁴, the float32 unit roundoff.</summary>
        public const double Float32Unit = SingleUlp / 2;

        /// <summary>The unit roundoff u of <paramref name="dtype"/> (float64 or float32).</summary>
        public static double Unit(torch.ScalarType dtype) => dtype switch
        {
            torch.ScalarType.Float64 => Float64Unit,
            torch.ScalarType.Float32 => Float32Unit,
            _ => throw new ArgumentException($"dtype must be Float64 or Float32, got {dtype}.", nameof(dtype)),
        };

        /// <summary>
        /// hypot's error in u of its precision: ≤ 2 ulp (CUDA hypot) in float64, ≤ 3 ulp (CUDA hypotf) in float32; glibc and
        /// SLEEF (the CPU kernels) are within 1 ulp, .NET's within 1 ulp.
        /// </summary>
        public static double Hypot(torch.ScalarType dtype) => dtype == torch.ScalarType.Float64 ? 4 : 6;

        /// <summary>exp, log, log1p, tanh, erf: ≤ 2 ulp = 4u on CUDA in both precisions (≤ 1 ulp on CPU and in .NET / MathNet).</summary>
        public const double Transcendental = 4;

        /// <summary>
        /// A bound for two chains computing the same quantity: k_tensor roundings in the working precision of
        /// <paramref name="dtype"/> plus k_reference roundings in float64, i.e. k_tensor·u + k_reference·2⁻⁵³.
        /// </summary>
        public static double Chains(double tensorRoundings, double referenceRoundings, torch.ScalarType dtype) =>
            tensorRoundings * Unit(dtype) + referenceRoundings * Float64Unit;

        /// <summary>
        /// ELMO step x* (eq. 7), relative to <see cref="MaxMagnitudeOrMinNormal"/>. The tensor splits λ, |g|, L exactly into
        /// mantissa·2^exponent and rounds 2·m_L·m_g, the scaled λ², their sum, √, the sum with |λ| (≤ 3.5u for S + |λ|) and one
        /// quotient (1u); the final power-of-two scaling is exact for a normal x* and adds half an ulp, ≤ u·MinNormal, for a
        /// subnormal one: (4.5 + 1)u, no transcendental functions. The reference is documented within
        /// <see cref="ElmoStepUlps"/> ulp = 2·ElmoStepUlps·u (ulp never below the subnormal spacing, 2u·MinNormal).
        /// </summary>
        public static double Step(torch.ScalarType dtype) => Chains(4.5 + 1, 2 * ElmoStepUlps, dtype);

        /// <summary>
        /// ELMO preconditioner eigenvalues φ (Lemma 3.2), relative to <see cref="MaxMagnitudeOrMinNormal"/>. The tensor forms
        /// S + |λ| as in <see cref="Step"/> (3.5u), then (2/sum)·2^-e (1u) or (sum/(m_L·m_g))·2^(e − e_L − e_g) (2u), plus the
        /// subnormal rounding (1u): (5.5 + 1)u. The reference is evaluated like ElmoStep.Step and documented within
        /// <see cref="ElmoStepUlps"/> ulp.
        /// </summary>
        public static double Factor(torch.ScalarType dtype) => Chains(5.5 + 1, 2 * ElmoStepUlps, dtype);

        /// <summary>
        /// Cubic models M, m (eqs. 3, 4), relative to T = |g·x| + |λ|/2·x² + L/6·|x|³. Both sides evaluate the Horner form
        /// x·(g + x·(λ/2 ± (L/6)|x|)); the cubic term passes through six roundings (L/6, ·|x|, ±, ·x, +g, ·x; λ/2 is exact),
        /// the others through fewer, so each side is within γ₆·T (Higham, Horner's bound): 6u per side. Relative to the
        /// result itself no bound exists, since the terms may cancel.
        /// </summary>
        public static double Cubic(torch.ScalarType dtype) => Chains(6, 6, dtype);

        /// <summary>
        /// For agreements whose scale is itself a derived first-order error bound (computed per entry from the reference's
        /// intermediate values, e.g. <see cref="Numerics.Torch.SpectralBound"/> and the AMOS drift bound): the bound is allowed twice over, to
        /// cover the dropped products of two errors, which relative to the bound are of the order of the bound itself
        /// (≤ 1e-6 in every case of the table).
        /// </summary>
        public const double FirstOrderBound = 2;

        /// <summary>
        /// Hessian, gradient and HVP by autograd vs a closed form, float64: 16 ulp of the magnitude of the terms (the
        /// backward passes round each product and sum once; no cancellation beyond the closed form's own).
        /// </summary>
        public const double AutogradFloat64 = 16 * DoubleUlp;

        /// <summary>
        /// The identity Δθ* = −Φ^ELMO·∇f (Lemma 3.2) within the tensor implementation, float64: 1e-12 of the largest |entry|.
        /// Both sides share one eigendecomposition, but Φ is formed explicitly, so Φ·∇f carries ~2n roundings of terms as large
        /// as max φ_i·‖∇f‖ while Δθ* may be as small as max φ_i·|g_i|: 12ε·245 ≈ 3e-13. Observed: ≤ 1.2e-14.
        /// </summary>
        public const double IdentityFloat64 = 1e-12;

        /// <summary>
        /// max(|a|, |b|, MinNormal) elementwise, MinNormal being the smallest positive normal number of <paramref name="dtype"/>
        /// (2^-1022 or 2^-126): the scale for quantities computed without cancellation over the whole range, where a subnormal
        /// result carries an absolute rounding error of half the subnormal spacing, u·MinNormal, rather than a relative one.
        /// </summary>
        public static double[] MaxMagnitudeOrMinNormal(double[] a, double[] b, torch.ScalarType dtype)
        {
            double minNormal = dtype == torch.ScalarType.Float64 ? 2.2250738585072014e-308 : 1.1754943508222875e-38;
            return a.Zip(b, (x, y) => Math.Max(Math.Max(Math.Abs(x), Math.Abs(y)), minNormal)).ToArray();
        }
    }
}
