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
/// positive semidefinite 2×2 H, ‖H‖₂ within the eigensolver's backward error bounded a posteriori (Ostrowski and Weyl on
/// the computed pairs, no constant of the solver assumed); for diagonal H (exact eigenvectors e_i) all four of ‖H‖₂, Prop. 6.4, Prop. 6.5 (Σ|λ_i|‖v_i‖₁²)
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
    /// SpectralNorm of a symmetric 2×2 H with entries anywhere in the range. Tolerance a posteriori, on the very pairs the
    /// function uses (SignGeometryBounds.ScaledEigen, λ̂_i taken back by 2^s), so no constant of the solver is assumed:
    /// with Δ = H − V̂Λ̂V̂ᵀ exactly against the exact H (the flush and the solver both in it) and ε ≥ ‖V̂ᵀV̂ − I‖_F
    /// (&lt; 1, checked), Ostrowski puts the sorted eigenvalues of V̂Λ̂V̂ᵀ at θ_i·λ̂_(i), θ_i ∈ [1 − ε, 1 + ε], and Weyl each
    /// sorted λ_(i) of H within ‖Δ‖₂ ≤ ‖Δ‖_F of those: |λ_(i) − λ̂_(i)| ≤ ‖Δ‖_F + ε·|λ̂_(i)|, so max|λ̂_i| is within
    /// ‖Δ‖_F + ε·max|λ̂_i| of ‖H‖₂ (roots enclosed outward); the max itself is exact, scaling back rounds by ½·2^-1074
    /// where the norm is subnormal. The bound must also be small (≤ 2^-40·‖H‖₂ + 2^-1074): a solver far off is reported,
    /// not excused. (Until stop 33 this assumed the backward error 2d·2^-52·‖H‖₂, with a constant 2 observed: 2.07·2^-52·‖H‖₂
    /// at H = [[8.46732118705103e-211, −7.52625938330058e179], [−7.52625938330058e179, −3.7739624248215414e168]].)
    /// Beyond MaxValue by that much: rejected, naming h.
    /// </summary>
    [Property]
    public Property SpectralNorm_OfSymmetricTwoByTwo_IsWithinWeylsBound() => Prop.ForAll(
        FullRangeDoubles.SignedOrOneScale(3).ToArbitrary(), e =>
    {
        double p = e[0], q = e[1], r = e[2];
        var norm = ExactNorm(p, q, r);
        var h = Symmetric2(p, q, r);
        var posterior = Posterior.Of(h);
        var bound = posterior.Backward + posterior.Orthogonality * posterior.Largest + Tiny;
        string at = $"H = [[{p:R}, {q:R}], [{q:R}, {r:R}]]";
        var sane = (posterior.Orthogonality < 1).Label($"‖V̂ᵀV̂ − I‖_F ≥ 1 at {at}")
            .And((bound <= ExactDouble.Pow2(-40) * norm.Upper + 2 * Tiny).Label($"a-posteriori bound {ExactDouble.ToDouble(bound):R} above 2^-40·‖H‖₂ at {at}"));
        if (norm.Lower - bound >= ExactAgreement.OverflowThreshold)
            return sane.And(ArgumentAssert.IsRejection(() => SignGeometryBounds.SpectralNorm(h), "h", "‖H‖₂").Label($"not rejected at {at}"));
        if (norm.Upper + bound >= ExactAgreement.OverflowThreshold)
            return sane.And(true.Label("within the bound of the overflow threshold"));
        var computed = F(SignGeometryBounds.SpectralNorm(h));
        return sane.And((computed >= norm.Lower - bound && computed <= norm.Upper + bound).Label(
            $"‖H‖₂ = {ExactDouble.ToDouble(computed):R}, exact ≈ {norm.Midpoint:R} ± {ExactDouble.ToDouble(bound):R} at {at}"));
    });

    /// <summary>
    /// The computed eigenpairs of H, measured exactly (a posteriori): the pairs SignGeometryBounds uses, λ̂_i in H's units.
    /// </summary>
    internal sealed class Posterior
    {
        private Posterior(Fraction[,] exact, Matrix<double> h)
        {
            int d = h.RowCount;
            var (evd, s) = SignGeometryBounds.ScaledEigen(h);
            var back = ExactDouble.Pow2(s);
            Values = Enumerable.Range(0, d).Select(i => back * F(evd.EigenValues[i].Real)).ToArray();
            Vectors = Enumerable.Range(0, d).Select(i => Enumerable.Range(0, d).Select(j => F(evd.EigenVectors[j, i])).ToArray()).ToArray();
            var remainder = Fraction.Zero;
            var gram = Fraction.Zero;
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++)
                {
                    var entry = exact[a, b];
                    var dot = a == b ? -Fraction.One : Fraction.Zero;
                    for (int i = 0; i < d; i++)
                    {
                        entry -= Values[i] * Vectors[i][a] * Vectors[i][b];
                        dot += Vectors[a][i] * Vectors[b][i];
                    }
                    remainder += entry * entry;
                    gram += dot * dot;
                }
            Backward = RationalInterval.Exact(remainder).Sqrt(80).Upper;
            Orthogonality = RationalInterval.Exact(gram).Sqrt(80).Upper;
            Largest = Values.Select(Fraction.Abs).Aggregate(Fraction.Zero, (x, y) => y > x ? y : x);
            Eta = new Fraction[d];
            NormDeviation = new Fraction[d];
            for (int i = 0; i < d; i++)
            {
                var residual = Fraction.Zero;
                var normSquared = Fraction.Zero;
                for (int row = 0; row < d; row++)
                {
                    var r = -Values[i] * Vectors[i][row];
                    for (int col = 0; col < d; col++)
                        r += exact[row, col] * Vectors[i][col];
                    residual += r * r;
                    normSquared += Vectors[i][row] * Vectors[i][row];
                }
                var norm = RationalInterval.Exact(normSquared).Sqrt(80);
                Eta[i] = RationalInterval.Exact(residual).Sqrt(80).Upper / norm.Lower;
                NormDeviation[i] = FractionExtensions.Max(norm.Upper - 1, 1 - norm.Lower);
            }
        }

        /// <summary>The pairs of the double H, measured against H itself.</summary>
        public static Posterior Of(Matrix<double> h) =>
            new(InfToOneNormExact.ToFractions(h.ToArray()), h);

        /// <summary>λ̂_i·2^s, exactly.</summary>
        public Fraction[] Values { get; }

        /// <summary>v̂_i, exactly.</summary>
        public Fraction[][] Vectors { get; }

        /// <summary>An upper bound on ‖H − Σ_iλ̂_iv̂_iv̂_iᵀ‖_F.</summary>
        public Fraction Backward { get; }

        /// <summary>An upper bound on ‖V̂ᵀV̂ − I‖_F.</summary>
        public Fraction Orthogonality { get; }

        /// <summary>max_i|λ̂_i|.</summary>
        public Fraction Largest { get; }

        /// <summary>η_i ≥ ‖H·v̂_i − λ̂_i·v̂_i‖₂/‖v̂_i‖₂: some eigenvalue of H lies within η_i of λ̂_i.</summary>
        public Fraction[] Eta { get; }

        /// <summary>An upper bound on |‖v̂_i‖₂ − 1|.</summary>
        public Fraction[] NormDeviation { get; }
    }

    /// <summary>
    /// Prop64Bound of a positive semidefinite 2×2 H (p, r ≥ 0 anywhere in the range, q = c·√p·√r with |c| &lt; 1), the
    /// proposition's setting, against tr(H)/ρ_diag exactly (Σλ_i = tr H), within the documented (d² + 2d + 1)·2^-53·Σ|H_ij|
    /// + 2^-1074 = 9u·(p + 2|q| + r) + 2^-1074 of the trace form the function evaluates (no eigensolver: until stop 33 this
    /// tolerance was derived for the former eigenvalue form and assumed the solver's constant 2).
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
        var bound = 9 * Unit * exact + Tiny; // exact = Σ|H_ij| for PSD H
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
    /// λ = a ± b with q = (1, ±1)/√2, so ‖q‖₁² = 2 and ‖q‖₁/‖q‖∞ = 2, and exactly Prop. 6.5 = 2(|a + b| + |a − b|) =
    /// 4·max(|a|, |b|) and eq. (6.21) = 2·max(|a + b|, |a − b|) = 2(|a| + |b|) (for diagonal H, where ‖v‖₁ = ‖v‖∞ = 1,
    /// dropping the square or the quotient of the norms changed nothing). Tolerance a posteriori, as in
    /// SignGeometryBoundsCayleyProperties (no constant of the solver assumed): η_i ≥ ‖Hv̂_i − λ̂_iv̂_i‖₂/‖v̂_i‖₂ exactly
    /// against the exact H; each λ̂_i within η_i of a ± b, a permutation, 2η_i &lt; gap = 2|b| (checked); Davis–Kahan
    /// sin θ_i ≤ η_i/(gap − η_i), ρ_i = |‖v̂_i‖₂ − 1| + (3/2)·sin θ_i ≥ ‖v̂_i − q‖₂, Δa_i = (3/2)ρ_i (3/2 ≥ √2),
    /// Δb_i = ρ_i. With ‖q‖₁ = √2 ≤ 17/12 and ‖q‖∞ = 1/√2 ∈ [7/10, 17/24] (so Δb_i &lt; 7/10 is checked): Prop. 6.5,
    /// Σ_i η_i(17/12 + Δa_i)² + |λ_i|Δa_i(17/6 + Δa_i) + γ₅·Σ_i(|λ_i| + η_i)(17/12 + Δa_i)²; eq. (6.21), the largest of
    /// η_i(17/12 + Δa_i)/(7/10 − Δb_i) + |λ_i|(Δa_i·17/24 + 17/12·Δb_i)/(7/10·(7/10 − Δb_i)) + γ₃(|λ_i| + η_i)(17/12 + Δa_i)/(7/10 − Δb_i);
    /// both + 2^-1074 for the scaling back. (Until stop 33 this assumed each λ̂ within 2d·2^-52·‖H‖₂.)
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
        var prop65 = 4 * (fa > fb ? fa : fb);
        var eq621 = 2 * (fa + fb);
        Fraction[] lambda = [F(a) + F(b), F(a) - F(b)];
        var gap = 2 * fb;
        var posterior = Posterior.Of(h);
        var paired = new bool[2];
        var aHigh = new Fraction(17, 12);
        var bLow = new Fraction(7, 10);
        var bHigh = new Fraction(17, 24);
        var rootTwo = SignGeometryBoundsCayleyProperties.RootUpper(2);
        Fraction prop65Perturbation = Fraction.Zero, prop65Magnitude = Fraction.Zero, eq621Bound = Fraction.Zero;
        for (int i = 0; i < 2; i++)
        {
            var eta = posterior.Eta[i];
            int j = Fraction.Abs(lambda[0] - posterior.Values[i]) <= Fraction.Abs(lambda[1] - posterior.Values[i]) ? 0 : 1;
            if (Fraction.Abs(lambda[j] - posterior.Values[i]) > eta || paired[j])
                return false.Label($"λ̂_{i} = {ExactDouble.ToDouble(posterior.Values[i]):R} is not within its residual bound of its own a ± b at {at}");
            paired[j] = true;
            if (2 * eta >= gap)
                return false.Label($"2η ≥ gap: outside the derivation at {at}");
            var rho = posterior.NormDeviation[i] + new Fraction(3, 2) * (eta / (gap - eta));
            var deltaA = rootTwo * rho;
            var deltaB = rho;
            if (deltaB >= bLow)
                return false.Label($"Δb ≥ ‖q‖∞: outside the derivation at {at}");
            var absLambda = Fraction.Abs(lambda[j]);
            var high = aHigh + deltaA;
            prop65Perturbation += eta * high * high + absLambda * deltaA * (2 * aHigh + deltaA);
            prop65Magnitude += (absLambda + eta) * high * high;
            var term = eta * high / (bLow - deltaB) + absLambda * (deltaA * bHigh + aHigh * deltaB) / (bLow * (bLow - deltaB))
                + ExactAgreement.Gamma(3) * (absLambda + eta) * high / (bLow - deltaB);
            if (term > eq621Bound)
                eq621Bound = term;
        }
        var prop65Bound = prop65Perturbation + ExactAgreement.Gamma(5) * prop65Magnitude + Tiny;
        return Check(() => SignGeometryBounds.Prop65Bound(h), prop65, prop65Bound, "Σ|λ_i|·‖v_i‖₁²", at)
            .And(Check(() => SignGeometryBounds.Eq621LowerBound(h), eq621, eq621Bound + Tiny, "max_i |λ_i|·‖v_i‖₁/‖v_i‖∞", at));
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
