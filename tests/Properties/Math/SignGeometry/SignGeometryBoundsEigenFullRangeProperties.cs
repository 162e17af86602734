using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// The eigenvalue-based quantities of balles-thesis §6.4.2 over the whole double range, where an exact reference exists:
/// ‖H‖₂ of a symmetric 2×2 H (|m| + √(m² − det), m = tr/2) and Prop. 6.4's ρ_diag⁻¹Σλ_i = tr·Σ|H_ij|/Σ|H_ii| of a
/// positive semidefinite 2×2 H, within the eigensolver's backward error the type's remarks state (each λ_i within
/// d·2^-52·‖H‖₂, Weyl); for diagonal H (exact eigenvectors e_i) all four of ‖H‖₂, Prop. 6.4, Prop. 6.5 (Σ|λ_i|‖v_i‖₁²)
/// and eq. (6.21) (max|λ_i|‖v_i‖₁/‖v_i‖∞) against their exact values, the last two also for H = [[a, b], [b, a]]
/// (eigenvectors (1, ±1)/√2, where the norms' square and quotient matter), and rejection beyond double.MaxValue.
/// </summary>
[Properties(MaxTest = 200)] // 2×2 and diagonal d ≤ 5: a 200-bit square root or a few sums a case
public class SignGeometryBoundsEigenFullRangeProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static Matrix<double> Symmetric2(double p, double q, double r) =>
        Matrix<double>.Build.DenseOfArray(new[,] { { p, q }, { q, r } });

    /// <summary>‖H‖₂ = |m| + √((p − r)²/4 + q²), m = (p + r)/2, enclosed with a 200-bit outward root.</summary>
    private static RationalInterval ExactNorm(double p, double q, double r)
    {
        var mean = (F(p) + F(r)) / 2;
        var root = RationalInterval.Exact((F(p) - F(r)) * (F(p) - F(r)) / 4 + F(q) * F(q)).Sqrt();
        return RationalInterval.Exact(Fraction.Abs(mean)) + root;
    }

    /// <summary>
    /// SpectralNorm of a symmetric 2×2 H with entries anywhere in the range. Tolerance: the remarks' backward error, each
    /// λ_i of H + E with ‖E‖₂ ≤ 2d·2^-52·‖H‖₂ (d = 2; the remarks' "about d·2^-52" with the order constant 2: with 1 this
    /// property fails at H = [[8.46732118705103e-211, −7.52625938330058e179], [−7.52625938330058e179,
    /// −3.7739624248215414e168]], an error of 2.07·2^-52·‖H‖₂), moves each eigenvalue by at most ‖E‖₂ (Weyl); scaling
    /// back rounds by ½·2^-1074 where the norm is subnormal. Beyond MaxValue by that much: rejected, naming h.
    /// </summary>
    [Property]
    public Property SpectralNorm_OfSymmetricTwoByTwo_IsWithinWeylsBound() => Prop.ForAll(
        FullRangeDoubles.SignedOrOneScale(3).ToArbitrary(), e =>
    {
        double p = e[0], q = e[1], r = e[2];
        var norm = ExactNorm(p, q, r);
        var bound = 2 * 2 * ExactDouble.Pow2(-52) * norm.Upper + Tiny;
        string at = $"H = [[{p:R}, {q:R}], [{q:R}, {r:R}]]";
        if (norm.Lower - bound >= ExactAgreement.OverflowThreshold)
            return ArgumentAssert.IsRejection(() => SignGeometryBounds.SpectralNorm(Symmetric2(p, q, r)), "h", "‖H‖₂").Label($"not rejected at {at}");
        if (norm.Upper + bound >= ExactAgreement.OverflowThreshold)
            return true.Label("within the bound of the overflow threshold");
        var computed = F(SignGeometryBounds.SpectralNorm(Symmetric2(p, q, r)));
        return (computed >= norm.Lower - bound && computed <= norm.Upper + bound).Label(
            $"‖H‖₂ = {ExactDouble.ToDouble(computed):R}, exact ≈ {norm.Midpoint:R} ± {ExactDouble.ToDouble(bound):R} at {at}");
    });

    /// <summary>
    /// Prop64Bound of a positive semidefinite 2×2 H (p, r ≥ 0 anywhere in the range, q = c·√p·√r with |c| &lt; 1), the
    /// proposition's setting, against tr(H)/ρ_diag exactly (Σλ_i = tr H). Tolerance: the computed Σλ̂ is within
    /// ε_S = 2δ + u(tr + 2δ) of tr (δ = 2d·2^-52·‖H‖₂ for each eigenvalue by Weyl, as in the SpectralNorm property, one rounding of the sum); RhoDiag's
    /// documented ρ̂ ∈ ρ(1 ± 6u) ± 2·2^-1074 (d = 2); then |S/ρ̂ − tr/ρ| ≤ ε_S/ρ̂ + tr·|ρ − ρ̂|/(ρρ̂), the quotient one
    /// rounding (u·(tr + ε_S)/ρ̂), scaling back ½·2^-1074. This tolerance was derived for the former eigenvalue form; the
    /// trace form now used lies within it, and is held to its own tighter bound by
    /// <see cref="Prop64Bound_OfAnySymmetricTwoByTwo_IsTraceOverAbsoluteTraceTimesTheEntrywiseSum"/>.
    /// </summary>
    [Property]
    public Property Prop64Bound_OfPositiveSemidefiniteTwoByTwo_IsWithinItsBound() => Prop.ForAll(
        (from p in FullRangeDoubles.NonNegative
         from r in FullRangeDoubles.NonNegative
         from c in Gen.Choose(-999, 999)
         select (p, r, q: c / 1000.0 * Math.Sqrt(p) * Math.Sqrt(r))).ToArbitrary(), x =>
    {
        string at = $"H = [[{x.p:R}, {x.q:R}], [{x.q:R}, {x.r:R}]]";
        if (x.p == 0 && x.r == 0)
            return ArgumentAssert.IsRejection(() => SignGeometryBounds.Prop64Bound(Symmetric2(x.p, x.q, x.r)), "h", "").Label($"zero H not rejected at {at}");
        var trace = F(x.p) + F(x.r);
        var rho = trace / (trace + 2 * Fraction.Abs(F(x.q)));
        var exact = trace / rho;
        var delta = 2 * 2 * ExactDouble.Pow2(-52) * ExactNorm(x.p, x.q, x.r).Upper;
        var epsilonS = 2 * delta + Unit * (trace + 2 * delta);
        var rhoLow = rho * (1 - 6 * Unit) - 2 * Tiny;
        var bound = epsilonS / rhoLow + trace * (6 * Unit * rho + 2 * Tiny) / (rho * rhoLow) + Unit * (trace + epsilonS) / rhoLow + Tiny;
        if (exact - bound >= ExactAgreement.OverflowThreshold)
            return ArgumentAssert.IsRejection(() => SignGeometryBounds.Prop64Bound(Symmetric2(x.p, x.q, x.r)), "h", "ρ_diag⁻¹·Σλ_i").Label($"not rejected at {at}");
        if (exact + bound >= ExactAgreement.OverflowThreshold)
            return true.Label("within the bound of the overflow threshold");
        var computed = F(SignGeometryBounds.Prop64Bound(Symmetric2(x.p, x.q, x.r)));
        var error = Fraction.Abs(computed - exact);
        return (error <= bound).Label(
            $"{ExactDouble.ToDouble(computed):R} vs exact {ExactDouble.ToDouble(exact):R}: error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R} at {at}");
    });

    /// <summary>
    /// Prop64Bound of any symmetric 2×2 H, indefinite included, with p, q and r independently anywhere in the range:
    /// ρ_diag⁻¹·Σλ_i = (p + r)·(|p| + 2|q| + |r|)/(|p| + |r|) exactly (Σλ_i = tr H), within the documented
    /// (d² + 2d + 1)·2^-53·Σ|H_ij| + 2^-1074 = 9u·(|p| + 2|q| + |r|) + 2^-1074; rejected naming h where the diagonal is zero
    /// (and, beyond the range, with the quantity). The eigenvalue form cancelled here and a diagonal that scaled to 0
    /// was rejected as zero.
    /// </summary>
    [Property]
    public Property Prop64Bound_OfAnySymmetricTwoByTwo_IsTraceOverAbsoluteTraceTimesTheEntrywiseSum() => Prop.ForAll(
        (from p in FullRangeDoubles.Signed from q in FullRangeDoubles.Signed from r in FullRangeDoubles.Signed select (p, q, r)).ToArbitrary(), x =>
    {
        string at = $"H = [[{x.p:R}, {x.q:R}], [{x.q:R}, {x.r:R}]]";
        var h = Symmetric2(x.p, x.q, x.r);
        if (x.p == 0 && x.r == 0)
            return ArgumentAssert.IsRejection(() => SignGeometryBounds.Prop64Bound(h), "h", "zero diagonal").Label($"zero diagonal not rejected at {at}");
        var all = Fraction.Abs(F(x.p)) + 2 * Fraction.Abs(F(x.q)) + Fraction.Abs(F(x.r));
        var exact = (F(x.p) + F(x.r)) * all / (Fraction.Abs(F(x.p)) + Fraction.Abs(F(x.r)));
        var bound = 9 * Unit * all + Tiny;
        return Check(() => SignGeometryBounds.Prop64Bound(h), exact, bound, "ρ_diag⁻¹·Σλ_i", at);
    });

    /// <summary>The case the census found by reading: ρ_diag ≈ 2^-2074 underflows, but the diagonal is not zero; the bound is 2^1001 (+ 2^-1073, far below its ulp).</summary>
    [Fact]
    public void Prop64Bound_WithADiagonalFarBelowTheOffDiagonal_IsNotRejected()
    {
        var h = Symmetric2(double.Epsilon, Math.ScaleB(1.0, 1000), double.Epsilon);
        Assert.Equal(Math.ScaleB(1.0, 1001), SignGeometryBounds.Prop64Bound(h));
        Assert.Equal(-Math.ScaleB(1.0, 1001), SignGeometryBounds.Prop64Bound(Symmetric2(-double.Epsilon, Math.ScaleB(1.0, 1000), -double.Epsilon)));
        Assert.Equal(0.0, SignGeometryBounds.Prop64Bound(Symmetric2(-double.Epsilon, Math.ScaleB(1.0, 1000), double.Epsilon)));
    }

    /// <summary>
    /// Diagonal H = diag(h_i), d ≤ 5, entries anywhere in the range: eigenvalues h_i and eigenvectors ±e_i
    /// (‖v‖₁ = ‖v‖∞ = 1), so ‖H‖₂ = eq. (6.21) = max|h_i|, Prop. 6.5 = Σ|h_i|, Prop. 6.4 = Σh_i (ρ_diag = 1). Tolerance:
    /// the scaling by 2^-s rounds an entry below 2^-1022 of the largest by ½·2^(s−1074), d of them; a sum of d terms
    /// γ_{d−1}·Σ|h_i| (Prop. 6.5, 6.4), times the norms' squares and the quotient (four roundings more, within γ_{d+4});
    /// scaling back ½·2^-1074.
    /// </summary>
    [Property]
    public Property DiagonalMatrices_GiveTheirExactBounds() => Prop.ForAll(
        (from d in Gen.Choose(1, 5)
         from h in FullRangeDoubles.SignedOrOneScale(d)
         select h).ToArbitrary(), h =>
    {
        int d = h.Length;
        var m = Matrix<double>.Build.DenseOfDiagonalArray(h);
        var magnitudes = h.Select(v => Fraction.Abs(F(v))).ToArray();
        var largest = magnitudes.Aggregate(Fraction.Zero, (a, b) => b > a ? b : a);
        var absSum = magnitudes.Aggregate(Fraction.Zero, (a, b) => a + b);
        var sum = h.Select(F).Aggregate(Fraction.Zero, (a, b) => a + b);
        string at = $"H = diag({string.Join(", ", h.Select(v => v.ToString("R")))})";
        if (largest.IsZero)
            return ArgumentAssert.IsRejection(() => SignGeometryBounds.Prop64Bound(m), "h", "").Label($"zero H not rejected by Prop64Bound at {at}")
                .And((SignGeometryBounds.SpectralNorm(m) == 0 && SignGeometryBounds.Prop65Bound(m) == 0 && SignGeometryBounds.Eq621LowerBound(m) == 0)
                    .Label($"bounds of the zero matrix not 0 at {at}"));
        int s = ExactDouble.FloorLog2(largest);
        var grid = d * ExactDouble.Pow2(s - 1074);
        var gamma = ExactAgreement.Gamma(d + 4);
        var maxBound = grid + Tiny; // max|h_i| itself is exact; only the smaller entries round
        var sumBound = gamma * (absSum + grid) + grid + Tiny;
        return Check(() => SignGeometryBounds.SpectralNorm(m), largest, maxBound, "‖H‖₂", at)
            .And(Check(() => SignGeometryBounds.Eq621LowerBound(m), largest, maxBound, "max_i |λ_i|·‖v_i‖₁/‖v_i‖∞", at))
            .And(Check(() => SignGeometryBounds.Prop65Bound(m), absSum, sumBound, "Σ|λ_i|·‖v_i‖₁²", at))
            .And(Check(() => SignGeometryBounds.Prop64Bound(m), sum, sumBound, "ρ_diag⁻¹·Σλ_i", at));
    });

    /// <summary>
    /// The non-diagonal family with known eigenvectors, H = [[a, b], [b, a]], b ≠ 0, |a| ≤ 512|b|, anywhere in the range:
    /// λ = a ± b with v = (1, ±1)/√2, so ‖v‖₁² = 2 and ‖v‖₁/‖v‖∞ = 2, and exactly Prop. 6.5 = 2(|a + b| + |a − b|) =
    /// 4·max(|a|, |b|) and eq. (6.21) = 2·max(|a + b|, |a − b|) = 2(|a| + |b|) (for diagonal H, where ‖v‖₁ = ‖v‖∞ = 1,
    /// dropping the square or the quotient of the norms changed nothing). Tolerance, with N = ‖H‖₂ = |a| + |b|: each λ̂
    /// within E = 2d·2^-52·N (the type's remarks, d = 2, constant 2 observed); the computed eigenvectors exact for H + E,
    /// so at an angle θ from v with sin θ ≤ E/(gap − 2E), gap = 2|b| ≥ 2N/513, hence sin θ, tan θ ≤ 2^-40; unit to
    /// d·2^-53. Then ‖v̂‖₁² = (1 + sin 2φ)(1 ± 2^-52)², within 2 sin²θ + 3·2^-52 of 2 relatively, and ‖v̂‖₁/‖v̂‖∞ =
    /// 2/(1 + tan θ) within 2 tan θ of 2, plus 2u for its rounding; the sums and products a few roundings more (8u·N);
    /// scaling back ½·2^-1074. Prop. 6.5: 4E + 4N(2 sin²θ + 3·2^-52) + 8u·N; eq. (6.21): 2E + 2N(2 tan θ + 2u) + 8u·N.
    /// </summary>
    [Property]
    public Property EqualDiagonalTwoByTwo_GivesTheEigenvectorBoundsExactly() => Prop.ForAll(
        (from b in FullRangeDoubles.Signed.Where(v => v != 0)
         from k in Gen.Choose(-512_000, 512_000)
         select (a: Math.Abs(b) <= double.MaxValue / 512 ? b * (k / 1000.0) : b * (k / 512_000.0), b)).ToArbitrary(), x =>
    {
        var (a, b) = x;
        string at = $"H = [[{a:R}, {b:R}], [{b:R}, {a:R}]]";
        var h = Symmetric2(a, b, a);
        Fraction fa = Fraction.Abs(F(a)), fb = Fraction.Abs(F(b));
        var n = fa + fb;
        var e = 2 * 2 * ExactDouble.Pow2(-52) * n;
        var angle = ExactDouble.Pow2(-40);
        var prop65 = 4 * (fa > fb ? fa : fb);
        var eq621 = 2 * n;
        var prop65Bound = 4 * e + 4 * n * (2 * angle * angle + 3 * ExactDouble.Pow2(-52)) + 8 * Unit * n + Tiny;
        var eq621Bound = 2 * e + 2 * n * (2 * angle + 2 * Unit) + 8 * Unit * n + Tiny;
        return Check(() => SignGeometryBounds.Prop65Bound(h), prop65, prop65Bound, "Σ|λ_i|·‖v_i‖₁²", at)
            .And(Check(() => SignGeometryBounds.Eq621LowerBound(h), eq621, eq621Bound, "max_i |λ_i|·‖v_i‖₁/‖v_i‖∞", at));
    });

    /// <summary>Within the bound of the exact value; rejected (naming h and the quantity) where it lies beyond the range by more.</summary>
    internal static Property Check(Func<double> compute, Fraction exact, Fraction bound, string quantity, string at)
    {
        var magnitude = Fraction.Abs(exact);
        if (magnitude - bound >= ExactAgreement.OverflowThreshold)
            return ArgumentAssert.IsRejection(() => compute(), "h", quantity).Label($"{quantity} not rejected at {at}");
        if (magnitude + bound >= ExactAgreement.OverflowThreshold)
            return true.Label("within the bound of the overflow threshold");
        double computed = compute();
        var error = Fraction.Abs(F(computed) - exact);
        return (error <= bound).Label(
            $"{quantity} = {computed:R} vs exact {ExactDouble.ToDouble(exact):R}: error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R} at {at}");
    }

    /// <summary>
    /// Found by the PSD property: H = [[p, q], [q, r]] with p = 1.000842968e-308, q = −0.499846169609563,
    /// r = 8.988465674e307. Scaled by 2^-1023 (r's binade) q becomes the subnormal −1.11e-308, p rounds to 0, and the
    /// symmetric eigensolver threw an IndexOutOfRangeException instead of returning. Exactly: λ_max = r + q²/r + …,
    /// whose nearest double is r (q²/r ≈ 2.8e-309 is far below ulp(r) = 2^971); its eigenvector is e₂ up to |q|/r, so
    /// eq. (6.21) and Prop. 6.5 are r·(1 + O(|q|/r)) + O(p) = r to the nearest double too; Prop. 6.4's
    /// tr·Σ|H_ij|/Σ|H_ii| = p + 2|q| + r rounds to r.
    /// </summary>
    [Fact]
    public void Bounds_WithAnEntryThatScalesToASubnormal_AreReturned()
    {
        double r = 8.988465674e307;
        var h = Symmetric2(1.000842968e-308, -0.499846169609563, r);
        Assert.Equal(r, SignGeometryBounds.SpectralNorm(h));
        Assert.Equal(r, SignGeometryBounds.Prop64Bound(h));
        Assert.Equal(r, SignGeometryBounds.Eq621LowerBound(h));
        Assert.Equal(r, SignGeometryBounds.Prop65Bound(h));
    }

    /// <summary>Hand-computed ends: diag(MaxValue, MaxValue) has ‖H‖₂ = MaxValue but Prop. 6.5's and 6.4's bounds 2·MaxValue (rejected); diag(2^-1074, 2^-1074) gives 2^-1073.</summary>
    [Fact]
    public void Bounds_AtTheEndsOfTheRange()
    {
        var top = Matrix<double>.Build.DenseOfDiagonalArray([double.MaxValue, double.MaxValue]);
        Assert.Equal(double.MaxValue, SignGeometryBounds.SpectralNorm(top));
        Assert.Equal(double.MaxValue, SignGeometryBounds.Eq621LowerBound(top));
        ArgumentAssert.Rejects(() => SignGeometryBounds.Prop65Bound(top), "h", "Σ|λ_i|·‖v_i‖₁² exceeds double.MaxValue");
        ArgumentAssert.Rejects(() => SignGeometryBounds.Prop64Bound(top), "h", "ρ_diag⁻¹·Σλ_i exceeds double.MaxValue");
        var bottom = Matrix<double>.Build.DenseOfDiagonalArray([double.Epsilon, double.Epsilon]);
        Assert.Equal(2 * double.Epsilon, SignGeometryBounds.Prop65Bound(bottom));
        Assert.Equal(2 * double.Epsilon, SignGeometryBounds.Prop64Bound(bottom));
        Assert.Equal(double.Epsilon, SignGeometryBounds.SpectralNorm(bottom));
        ArgumentAssert.Rejects(() => SignGeometryBounds.Prop64Bound(Symmetric2(0, 1, 0)), "h", "zero diagonal");
    }
}
