using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// Second derivatives by forward mode where a first derivative is beyond the double range (issue 15, item 1). The ε₁ε₂
/// part takes a zero part times an overflowed part as exact, but where the zero is a derivative that underflowed the term
/// is lost. g(θ) = (cθ₀·8)·e^{kθ₁ − 1} with c = 2^1023 and k = 2^-1074, at θ = (2^-4, 0): g = 2^1022/e is finite,
/// ∂g/∂θ₀ = 8c/e ≈ 2.6e308 is beyond the range, ∂g/∂θ₁ = 2^1022·k/e underflows to 0, and the exact ∂²g/∂θ₀∂θ₁ =
/// 8c·k/e = 2^-48/e ≈ 1.3e-15 came out 0 in an all-finite Hessian (u'' = 0, so no ∞ on the diagonal showed the loss).
/// Such a Hessian is now rejected. Since gap 6 the evaluation itself stops earlier: the ε₁ part 8c, +∞ in doubles, meets
/// the factor e^-1 below 1, and +∞·e^-1 may be within the range (e^710·e^-1 ≈ 8.2e307), so the product is rejected; with
/// e^{kθ₁ + 1} instead (a factor e ≥ 1, ∂g/∂θ₀ = 8c·e stays +∞, correctly) the Hessian routes' own rejection is reached.
/// </summary>
public class ForwardDerivativesOverflowExamples
{
    private static readonly double[] Point = [Math.ScaleB(1.0, -4), 0.0];

    /// <summary>g(θ) = cθ₀·8·e^{kθ₁ + shift} (shift −1 as in the class summary).</summary>
    private static Func<HyperDual[], HyperDual> G(double c, double k, double shift = -1) =>
        t => HyperDual.Constant(c) * t[0] * HyperDual.Constant(8) * HyperDual.Exp(HyperDual.Constant(k) * t[1] + HyperDual.Constant(shift));

    private static Func<HyperDualReal<T>[], HyperDualReal<T>> G<T>(double c, double k, double shift = -1) where T : IReal<T> =>
        t => HyperDualReal<T>.Of(c) * t[0] * HyperDualReal<T>.Of(8) * HyperDualReal<T>.Exp(HyperDualReal<T>.Of(k) * t[1] + HyperDualReal<T>.Of(shift));

    private static readonly double C = Math.ScaleB(1.0, 1023), K = double.Epsilon;

    /// <summary>
    /// With e^{kθ₁ + 1} the first derivative 8c·e ≈ 7.2e308·e is beyond the range and stays +∞ through the product (the
    /// factor e is at least 1), and both Hessian routes reject the evaluation for it. With e^{kθ₁ − 1} (the class summary's
    /// g) the product +∞·e^-1 is rejected first: this test expected the Hessian routes' rejection naming θ there, but the
    /// doubles (+∞, e^-1) no longer tell 8c/e ≈ 2.6e308, beyond the range, from e^710/e ≈ 8.2e307, within it (gap 6). The
    /// gradient is rejected the same way (since gap 5 it was rejected for its entry 1, ∂g/∂θ₁ = 2^1022·k/e ≈ 8.2e-17, which
    /// came out 0: the factor's ε₁ part k/e underflowed to 0 before it met 2^1022; the product now stops at entry 0).
    /// </summary>
    [Fact]
    public void Hessian_WithAFirstDerivativeBeyondTheRange_IsRejected()
    {
        AutoDiffRejectionExamples.RejectsOutOfRange(() => ForwardDerivatives.Hessian(G(C, K, 1), Vector<double>.Build.DenseOfArray(Point)),
            "theta", "one is ±∞");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => ForwardModeFormulas.Hessian(G<Float64>(C, K, 1), Point.Select(v => new Float64(v)).ToArray()),
            "x", "one is ±∞");
        const string shrunk = "a derivative part: a ±∞ here stands for an exact value beyond ±double.MaxValue";
        AutoDiffRejectionExamples.RejectsOutOfRange(() => ForwardDerivatives.Hessian(G(C, K), Vector<double>.Build.DenseOfArray(Point)), "b", shrunk);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => ForwardModeFormulas.Hessian(G<Float64>(C, K), Point.Select(v => new Float64(v)).ToArray()), "b", shrunk);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => ForwardDerivatives.Gradient(G(C, K), Vector<double>.Build.DenseOfArray(Point)), "b", shrunk);
    }

    /// <summary>
    /// The entry that was lost is not 0: rational intervals (no overflow, no underflow) enclose ∂²g/∂θ₀∂θ₁ = 2^-48/e, a
    /// positive value. Tolerance 1e-12 relative: the enclosure is far tighter, and 2^-48/Math.E carries one rounding.
    /// </summary>
    [Fact]
    public void TheLostEntry_IsPositive_InExactArithmetic()
    {
        var h = ForwardModeFormulas.Hessian(G<RationalInterval>(C, K), Point.Select(RationalInterval.Of).ToArray());
        Assert.True(h[0, 1].Lower > 0, $"enclosure {h[0, 1]} of the mixed derivative should exclude 0");
        double expected = Math.ScaleB(1.0, -48) / Math.E;
        double estimate = RationalInterval.Estimate(h[0, 1]);
        Assert.True(Math.Abs(estimate - expected) <= 1e-12 * expected, $"{estimate:R} against 2^-48/e = {expected:R}");
    }

    /// <summary>
    /// The same function with every part in range (c = 2^1019, so 8c/e ≈ 1.6e307, and k = 2^-500): computed, not
    /// rejected, with the mixed entry 8c·k/e = 2^522/e and ∂²g/∂θ₁² = 8cθ₀·k²/e = 2^18/e. Tolerance 8u relative: the
    /// part's documented (k + 2)·u for products of at most four factors, plus e^-1's own rounding.
    /// </summary>
    [Fact]
    public void Hessian_WithFirstDerivativesInRange_IsComputed()
    {
        double c = Math.ScaleB(1.0, 1019), k = Math.ScaleB(1.0, -500);
        var h = ForwardDerivatives.Hessian(G(c, k), Vector<double>.Build.DenseOfArray(Point));
        foreach (var (entry, expected, name) in new[] { (h[0, 1], Math.ScaleB(1.0, 522) / Math.E, "2^522/e"), (h[1, 1], Math.ScaleB(1.0, 18) / Math.E, "2^18/e") })
            Assert.True(Math.Abs(entry - expected) <= 8 * Math.ScaleB(expected, -53), $"{entry:R} against {name} = {expected:R}");
        Assert.Equal(0.0, h[0, 0]); // u'' = 0 and e^{kθ₁ − 1} does not depend on θ₀
        var x = ForwardModeFormulas.Hessian(G<Float64>(c, k), Point.Select(v => new Float64(v)).ToArray());
        Assert.Equal(h[0, 1], x[0, 1].Value);
        Assert.Equal(h[1, 1], x[1, 1].Value);
    }

    /// <summary>
    /// With k = 2^-1000 (the value this class used before gap 5's underflow bounds) every first derivative is finite, but
    /// ∂²g/∂θ₁² = 8cθ₀·k²/e = 2^-982/e ≈ 9.0e-297 came out 0: e^{kθ₁ − 1}'s ε₁ε₂ part k²/e = 2^-2000/e underflowed to 0
    /// before it met 8cθ₀ = 2^1018. The Hessian is now rejected in both hyper-dual routes, and rational intervals show the
    /// entry is not 0.
    /// </summary>
    [Fact]
    public void Hessian_WithASecondDerivativeLostToUnderflow_IsRejected()
    {
        double c = Math.ScaleB(1.0, 1019), k = Math.ScaleB(1.0, -1000);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => ForwardDerivatives.Hessian(G(c, k), Vector<double>.Build.DenseOfArray(Point)),
            "b", "the ε₁ε₂ part came out 0, but an earlier underflow");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => ForwardModeFormulas.Hessian(G<Float64>(c, k), Point.Select(v => new Float64(v)).ToArray()),
            "b", "the ε₁ε₂ part came out 0, but an earlier underflow");
        var exact = ForwardModeFormulas.Hessian(G<RationalInterval>(c, k), Point.Select(RationalInterval.Of).ToArray());
        double expected = Math.ScaleB(1.0, -982) / Math.E;
        Assert.True(Math.Abs(RationalInterval.Estimate(exact[1, 1]) - expected) <= 1e-12 * expected, $"{exact[1, 1]} against 2^-982/e");
    }
}

/// <summary>
/// The same loss in <see cref="HessianJet{T}"/> over <see cref="Float64"/>, which gives gradient and Hessian in one
/// evaluation: 8c·x₀·e^{k·x₁ − 1} at x = (2^-4, 0) had gradient (+∞, 0) and the all-zero Hessian, exact ∂²/∂x₀∂x₁ = 2^-48/e.
/// Evaluate now rejects a Hessian beside an overflowed gradient entry; with every gradient entry finite it is given.
/// </summary>
public class HessianJetOverflowExamples
{
    private static HessianJet<Float64> G(HessianJet<Float64>[] x, double c, double k) =>
        HessianJet<Float64>.Of(c) * x[0] * HessianJet<Float64>.Of(8) * HessianJet<Float64>.Exp(HessianJet<Float64>.Of(k) * x[1] - HessianJet<Float64>.Of(1));

    private static readonly Float64[] Point = [new(Math.ScaleB(1.0, -4)), new(0)];

    /// <summary>
    /// The jet is not formed: its gradient entry 0, 8c = +∞ in doubles, meets the factor e^-1 below 1, which may bring it
    /// back within the range (gap 6: e^710·e^-1 ≈ 8.2e307 has the same doubles), and the product is rejected. This test
    /// expected the rejection of gap 5 (the gradient entry 1, 2^1022·k/e ≈ 8.2e-17, came out 0: the factor's gradient entry
    /// k/e underflowed to 0 before it met 2^1022), which the product reached first before gap 6; before gap 5, the jet
    /// carried that 0 and the lost Hessian entry beside its +∞ gradient entry 0, and Evaluate rejected for the ∞. With the
    /// factor e^{x₁ + 1} (k = 1: nothing underflows, and every term with the +∞ entry 8c has a factor of at least 1, so the
    /// gradient entry 8c·e and the Hessian entry ∂²/∂x₀∂x₁ = 8c·e stay +∞ correctly) Evaluate's own rejection of an
    /// overflowed gradient entry is reached. (With k = 2^-500 that Hessian entry, 8c·k·e ≈ 2^527.4, is within the range,
    /// and +∞·k·e is rejected in the product.)
    /// </summary>
    [Fact]
    public void HessianAlongAnOverflowedGradientEntry_IsRejected()
    {
        double c = Math.ScaleB(1.0, 1023), k = double.Epsilon;
        AutoDiffRejectionExamples.RejectsOutOfRange(() => HessianJet<Float64>.Evaluate(x => G(x, c, k), Point), "b",
            "a derivative part: a ±∞ here stands for an exact value beyond ±double.MaxValue");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => HessianJet<Float64>.Evaluate(
            x => HessianJet<Float64>.Of(c) * x[0] * HessianJet<Float64>.Of(8) * HessianJet<Float64>.Exp(x[1] + HessianJet<Float64>.Of(1)), Point),
            "x", "the gradient's entry 0 is Infinity");
    }

    /// <summary>
    /// c = 2^1019, k = 2^-500: every part in range, ∂²/∂x₀∂x₁ = 8c·k/e = 2^522/e and ∂²/∂x₁² = 2^18/e within 8u (as above).
    /// With k = 2^-1000 (before gap 5) the entry ∂²/∂x₁² = 2^-982/e came out 0 and is now rejected.
    /// </summary>
    [Fact]
    public void HessianWithAFiniteGradient_IsGiven()
    {
        var (_, gradient, hessian) = HessianJet<Float64>.Evaluate(x => G(x, Math.ScaleB(1.0, 1019), Math.ScaleB(1.0, -500)), Point);
        Assert.True(double.IsFinite(gradient[0].Value));
        foreach (var (entry, expected, name) in new[] { (hessian[0, 1].Value, Math.ScaleB(1.0, 522) / Math.E, "2^522/e"), (hessian[1, 1].Value, Math.ScaleB(1.0, 18) / Math.E, "2^18/e") })
            Assert.True(Math.Abs(entry - expected) <= 8 * Math.ScaleB(expected, -53), $"{entry:R} against {name} = {expected:R}");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => HessianJet<Float64>.Evaluate(x => G(x, Math.ScaleB(1.0, 1019), Math.ScaleB(1.0, -1000)), Point),
            "b", "the Hessian entry (1, 1) came out 0, but an earlier underflow");
    }
}

/// <summary>
/// A quotient by a value that has overflowed to ±∞, in both forward modes (issue 15, item 1): every power of 1/b rounded
/// to 0 and dropped the derivative parts. g(θ) = 2^1023/e^θ at θ = 710 gave (0, 0, 0, 0), where g = g' = g'' =
/// 2^1023·e^-710 ≈ 0.40; e^{2θ}/e^θ gave the value NaN. Such quotients are now rejected, and since gap 6 so is a non-zero
/// constant over a constant ±∞ (1/e^710 gave 0, exact 4.5e-309); 0 over it stays 0. The tanh of the curvature formulas divided by e^{2a} + 1, which overflowed for a &gt; 354.9:
/// its forward-mode derivative was 0 at a = 355 and is now 4e^-710/(1 + e^-710)², from a form without overflow.
/// </summary>
public class QuotientByOverflowedValueExamples
{
    private static readonly double Big = Math.ScaleB(1.0, 1023);

    [Fact]
    public void HyperDual_QuotientByAnOverflowedValue_IsRejected()
    {
        var theta = new HyperDual(710, 1, 1, 0);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDual.Constant(Big) / HyperDual.Exp(theta), "b", "overflowed to ±∞");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDual.Exp(HyperDual.Constant(2) * theta) / HyperDual.Exp(theta), "b", "overflowed to ±∞");
        // Constants: this test asserted 1/+∞ = 0 (the IEEE quotient), but +∞ stands for an exact value beyond the range, and
        // 1/e^710 ≈ 4.5e-309 is not 0 (gap 6); 0/+∞ is 0 whatever the divisor.
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDual.Constant(1) / HyperDual.Constant(double.PositiveInfinity), "b",
            "a ±∞ here stands for an exact value beyond ±double.MaxValue");
        Assert.Equal(0.0, (HyperDual.Constant(0) / HyperDual.Constant(double.PositiveInfinity)).Value);
    }

    [Fact]
    public void HessianJet_QuotientByAnOverflowedValue_IsRejected()
    {
        AutoDiffRejectionExamples.RejectsOutOfRange(() => HessianJet<Float64>.Evaluate(
            x => HessianJet<Float64>.Of(Big) / HessianJet<Float64>.Exp(x[0]), [new Float64(710)]), "b", "overflowed to ±∞");
    }

    /// <summary>
    /// d tanh(a)/da at a = 355 is sech² 355 = 4e^-710/(1 + e^-710)² ≈ 1.79e-308, a subnormal with about 51 significant bits.
    /// Tolerance 1e-10 relative: the reference exp(ln 4 − 710) carries the rounding of its argument, about 710·2^-53.
    /// </summary>
    [Fact]
    public void CurvatureTanh_InForwardMode_KeepsItsDerivativeWhereE2aOverflows()
    {
        var (value, gradient, _) = HessianJet<Float64>.Evaluate(x => Verification.Numerics.Curvature.CurvatureFormulas.Tanh(x[0]), [new Float64(355)]);
        Assert.Equal(1.0, value.Value);
        double expected = Math.Exp(Math.Log(4) - 710);
        Assert.True(Math.Abs(gradient[0].Value - expected) <= 1e-10 * expected, $"{gradient[0].Value:R} against 4e^-710 = {expected:R}");
        var mirrored = HessianJet<Float64>.Evaluate(x => Verification.Numerics.Curvature.CurvatureFormulas.Tanh(x[0]), [new Float64(-355)]);
        Assert.Equal(-1.0, mirrored.Value.Value);
        Assert.Equal(gradient[0].Value, mirrored.Gradient[0].Value); // tanh' is even
    }
}
