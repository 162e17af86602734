using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// The two double functions of the flow of lodo.md eq. (10) over the whole double range: the truncated series
/// Σ_{k&lt;T} AᵏC(Aᵏ)ᵀ of Σ_A against the same sum in exact rationals (within the bound its doc comment states, rejected
/// exactly where a term or partial sum lies beyond double.MaxValue), and the spectral radius ρ(A) by its exact
/// homogeneity under powers of two and, for symmetric 2×2 A, against the exact |tr/2| + √((tr/2)² − det) within Weyl's
/// bound of the eigensolver's backward error.
/// </summary>
[Properties(MaxTest = 150)] // T ≤ 5 exact 3×3 products of full-range rationals: a few ms a case
public class HessianLearningFlowFullRangeProperties
{
    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>γ_m = m·u/(1 − m·u).</summary>

    private static string Show(double[] v) => string.Join(", ", v.Select(x => x.ToString("R")));

    /// <summary>
    /// n×n entries row-major: half the time independently full range; half the time D·M·D⁻¹ (for A) or D·M·D (for C)
    /// with D = diag(2^e_i), e_i in −450…450 and M moderate (|M_ij| &lt; ½ for A, so ρ(A) = ρ(M) is small): entries spread
    /// over some 900 binades whose series stays in range, where a plain product A·P under- or overflows.
    /// </summary>
    private static Gen<double[]> Matrix(int n, bool similarity) => Gen.Frequency(
        (1, FullRangeDoubles.SignedOrOneScale(n * n)),
        (1, from exponents in Gen.Choose(-450, 450).ArrayOf(n)
            from m in FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x / 64, -x / 64, 0.0)).ArrayOf(n * n)
            select Enumerable.Range(0, n * n).Select(k =>
                Math.ScaleB(m[k], exponents[k / n] + (similarity ? -exponents[k % n] : exponents[k % n]))).ToArray()));

    /// <summary>
    /// PartialNoiseSum(A, C, T) against the exact Σ_{k&lt;T} P_k, P_k = AᵏC(Aᵏ)ᵀ. Tolerance (the doc comment's): the k-th
    /// computed term p_k = fl(A·p_{k−1}·Aᵀ) is within E_k of P_k, E_0 = 0 and
    /// E_k = |A|E_{k−1}|Aᵀ| + γ_{2n}|A|(|P_{k−1}| + E_{k−1})|Aᵀ| + 2^-1074 (two n-term products on an input off by
    /// E_{k−1}, each rounding relative to |A||p|, or the exact product rounded once, within one ulp; the 2^-1074 where
    /// an entry is subnormal); the T − 1 additions add γ_{T−1}·Σ_k(|P_k| + E_k) (recursive summation). The same bounds,
    /// per term and per partial sum, decide where the result must be finite and where it must be rejected.
    /// </summary>
    [Property(MaxTest = 100)] // T exact products of growing rationals: the slowest case here, kept under a second
    public Property PartialNoiseSum_IsWithinItsBoundOrRejected() => Prop.ForAll(
        (from n in Gen.Choose(1, 3)
         from a in Matrix(n, similarity: true)
         from c in Matrix(n, similarity: false)
         from terms in Gen.Choose(1, 5)
         select (n, a, c, terms)).ToArbitrary(), x =>
    {
        int n = x.n;
        var a = ExactMatrix.Build(n, n, (i, j) => F(x.a[i * n + j]));
        var absA = ExactMatrix.Build(n, n, (i, j) => Fraction.Abs(a[i, j]));
        var exactTerm = ExactMatrix.Build(n, n, (i, j) => F(x.c[i * n + j]));
        var termError = ExactMatrix.Build(n, n, (_, _) => Fraction.Zero);
        var tinyEverywhere = ExactMatrix.Build(n, n, (_, _) => ExactDouble.Pow2(-1074));
        var exactSum = ExactMatrix.Build(n, n, (_, _) => Fraction.Zero);
        var errorSum = exactSum;
        var magnitudeSum = exactSum;
        bool inside = true, beyond = false;
        var t = ExactAgreement.OverflowThreshold;
        for (int k = 0; k < x.terms; k++)
        {
            if (k > 0)
            {
                var magnitude = ExactMatrix.Build(n, n, (i, j) => Fraction.Abs(exactTerm[i, j]) + termError[i, j]);
                termError = absA * termError * absA.Transpose() + ExactAgreement.Gamma(2 * n) * (absA * magnitude * absA.Transpose()) + tinyEverywhere;
                exactTerm = a * exactTerm * a.Transpose();
            }
            exactSum += exactTerm;
            errorSum += termError;
            magnitudeSum += ExactMatrix.Build(n, n, (i, j) => Fraction.Abs(exactTerm[i, j]) + termError[i, j]);
            var sumBound = errorSum + ExactAgreement.Gamma(k) * magnitudeSum;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    var term = Fraction.Abs(exactTerm[i, j]);
                    var sum = Fraction.Abs(exactSum[i, j]);
                    inside &= term + termError[i, j] < t && sum + sumBound[i, j] < t;
                    beyond |= term - termError[i, j] >= t || sum - sumBound[i, j] >= t;
                }
        }
        var bound = errorSum + ExactAgreement.Gamma(x.terms - 1) * magnitudeSum;
        string at = $"n = {n}, T = {x.terms}, A = [{Show(x.a)}], C = [{Show(x.c)}]";
        Matrix<double>? computed = null;
        string? rejection = null;
        try
        {
            computed = HessianLearningFlow.PartialNoiseSum(Matrix<double>.Build.Dense(n, n, (i, j) => x.a[i * n + j]),
                Matrix<double>.Build.Dense(n, n, (i, j) => x.c[i * n + j]), x.terms);
        }
        catch (ArgumentException e) when (e.ParamName == "a" && e.Message.Contains("exceeds double.MaxValue", StringComparison.Ordinal))
        {
            rejection = e.Message;
        }
        if (beyond)
            return (rejection is not null).Label($"not rejected although a term or partial sum is beyond the range at {at}");
        if (!inside)
            return true.Label("within the bound of the overflow threshold: a value or the rejection"); // either is right
        if (computed is null)
            return false.Label($"rejected inside the range ({rejection}) at {at}");
        var property = true.ToProperty();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                var error = Fraction.Abs(F(computed[i, j]) - exactSum[i, j]);
                property = property.And((error <= bound[i, j]).Label(
                    $"entry ({i}, {j}): {computed[i, j]:R} vs exact {ExactDouble.ToDouble(exactSum[i, j]):R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound[i, j]):R} at {at}"));
            }
        return property;
    });

    /// <summary>
    /// Found by hand where the plain product A·C underflows: A = [[0, 2^-600], [2^599, 0]] (ρ = √½), C = [[0, 2^-600],
    /// [2^-600, 1]]. The second term A·C·Aᵀ = [[2^-1200, 2^-601], [2^-601, 0]]: its (0, 1) entry 2^-600·2^599·C₁₀ = 2^-601
    /// is a normal double, but on the way (A·C)₀₀ = 2^-600·2^-600 = 2^-1200 is below the subnormal range; the plain
    /// product made it 0, and Σ₀₁ came out C₀₁ = 2^-600 instead of 2^-600 + 2^-601 = 1.5·2^-600 (exact in doubles).
    /// </summary>
    [Fact]
    public void PartialNoiseSum_WhereAPlainProductUnderflows_IsExact()
    {
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, Math.ScaleB(1, -600) }, { Math.ScaleB(1, 599), 0.0 } });
        var c = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, Math.ScaleB(1, -600) }, { Math.ScaleB(1, -600), 1.0 } });
        var sum = HessianLearningFlow.PartialNoiseSum(a, c, 2);
        Assert.Equal(Math.ScaleB(1.5, -600), sum[0, 1]);
        Assert.Equal(Math.ScaleB(1.5, -600), sum[1, 0]);
        Assert.Equal(0.0, sum[0, 0]); // 2^-1200 rounds to 0
        Assert.Equal(1.0, sum[1, 1]);
    }

    /// <summary>
    /// The lower end of the plain product's safe range [2^-100, 2^100], by hand, with a non-symmetric C (any C is in
    /// range): A = [[0, 2^-550], [2^100, 0]], C = [[0, 0], [2^-550, 0]] has second term A·C·Aᵀ = [[0, 2^-1000], [0, 0]]
    /// (2^-550·2^100·2^-550, normal) while on the way (A·C)₀₀ = 2^-1100 underflows to 0.
    /// </summary>
    [Fact]
    public void PartialNoiseSum_WhereAPlainProductUnderflows_IsExactAtTheOrdinaryRangesEnd()
    {
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, Math.ScaleB(1, -550) }, { Math.ScaleB(1, 100), 0.0 } });
        var c = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 0.0 }, { Math.ScaleB(1, -550), 0.0 } });
        var sum = HessianLearningFlow.PartialNoiseSum(a, c, 2);
        Assert.Equal(new[] { 0.0, Math.ScaleB(1, -550), Math.ScaleB(1, -1000), 0.0 }, sum.ToColumnMajorArray());
    }

    /// <summary>
    /// The upper end: A = [[0, 2^600], [2^-90, 0]], C = [[0, 0], [2^500, 0]] has A·C·Aᵀ = [[0, 2^1010], [0, 0]] (in range)
    /// while (A·C)₀₀ = 2^1100 overflows: a plain product gives ∞ and NaN, a rejection inside the range.
    /// </summary>
    [Fact]
    public void PartialNoiseSum_WhereAPlainProductOverflows_IsExact()
    {
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, Math.ScaleB(1, 600) }, { Math.ScaleB(1, -90), 0.0 } });
        var c = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 0.0 }, { Math.ScaleB(1, 500), 0.0 } });
        var sum = HessianLearningFlow.PartialNoiseSum(a, c, 2);
        Assert.Equal(new[] { 0.0, Math.ScaleB(1, 500), Math.ScaleB(1, 1010), 0.0 }, sum.ToColumnMajorArray());
    }

    /// <summary>The range: finite square A, C of one size and T ≥ 0; a sum beyond MaxValue is rejected, naming a.</summary>
    [Fact]
    public void PartialNoiseSum_RejectsOutsideItsRange()
    {
        var one = Matrix<double>.Build.DenseIdentity(2);
        ArgumentAssert.Rejects(() => HessianLearningFlow.PartialNoiseSum(one, Matrix<double>.Build.DenseIdentity(3), 1), "c", "must be n×n of the same n");
        ArgumentAssert.Rejects(() => HessianLearningFlow.PartialNoiseSum(one * double.NaN, one, 1), "a", "A and C must be finite");
        ArgumentAssert.Rejects(() => HessianLearningFlow.PartialNoiseSum(one, one, -1), "terms", "terms must be ≥ 0, got -1");
        // C = MaxValue·I and A = I: the second partial sum is 2·MaxValue.
        ArgumentAssert.Rejects(() => HessianLearningFlow.PartialNoiseSum(one, one * double.MaxValue, 2), "a", "exceeds double.MaxValue after 2 terms");
        Assert.Equal(double.MaxValue, HessianLearningFlow.PartialNoiseSum(one, one * double.MaxValue, 1)[0, 0]);
        Assert.Equal(0.0, HessianLearningFlow.PartialNoiseSum(one, one, 0).FrobeniusNorm());
    }

    /// <summary>
    /// ρ(2^k·A) = 2^k·ρ(A) bit for bit wherever 2^k·A is exact and 2^k·ρ(A) a normal double: the function scales A by
    /// the power of two of its largest entry, so both calls run the eigensolver on the same matrix (an exact property
    /// over the whole range, with A anywhere in it).
    /// </summary>
    [Property]
    public Property SpectralRadius_IsHomogeneousUnderPowersOfTwo() => Prop.ForAll(
        (from n in Gen.Choose(1, 3)
         from a in Matrix(n, similarity: true)
         from k in Gen.Choose(-2000, 2000)
         select (n, a, k)).ToArbitrary(), x =>
    {
        var a = Matrix<double>.Build.Dense(x.n, x.n, (i, j) => x.a[i * x.n + j]);
        var scaled = a.Map(v => Math.ScaleB(v, x.k));
        if (!a.Enumerate().All(v => Math.ScaleB(Math.ScaleB(v, x.k), -x.k) == v))
            return true.Label("2^k·A not exact"); // the scaled matrix is another matrix
        double rho = HessianLearningFlow.SpectralRadius(a);
        double expected = Math.ScaleB(rho, x.k);
        if (!(Math.Abs(expected) >= FullRangeDoubles.MinNormal && Math.Abs(expected) <= double.MaxValue) || rho < FullRangeDoubles.MinNormal)
            return true.Label("2^k·ρ or ρ outside the normal range");
        double scaledRho = HessianLearningFlow.SpectralRadius(scaled);
        return (scaledRho == expected).Label($"ρ(2^{x.k}A) = {scaledRho:R} ≠ 2^{x.k}·{rho:R} at A = [{Show(x.a)}]");
    });

    /// <summary>
    /// Symmetric A = [[p, q], [q, r]] with entries anywhere in the range: ρ = |m| + √(m² − det) with m = (p + r)/2, from
    /// exact rationals and a 200-bit outward square root. Tolerance (the doc comment's, with the order constant 2, as
    /// in SignGeometryBoundsEigenFullRangeProperties, where the constant 1 is seen exceeded): the eigenvalues are those
    /// of A + E with ‖E‖₂ ≤ 2n·2^-52·‖A‖₂ (n = 2; ‖A‖₂ = ρ for symmetric A), and a symmetric eigenvalue moves by at most
    /// ‖E‖₂ (Weyl); scaling back rounds by ½·2^-1074 where ρ is subnormal.
    /// </summary>
    [Property]
    public Property SpectralRadius_OfSymmetricTwoByTwo_IsWithinWeylsBound() => Prop.ForAll(
        FullRangeDoubles.SignedOrOneScale(3).ToArbitrary(), e =>
    {
        double p = e[0], q = e[1], r = e[2];
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { p, q }, { q, r } });
        var mean = (F(p) + F(r)) / 2;
        var discriminant = (F(p) - F(r)) * (F(p) - F(r)) / 4 + F(q) * F(q);
        var root = RationalInterval.Exact(discriminant).Sqrt();
        var rho = RationalInterval.Exact(Fraction.Abs(mean)) + root;
        var bound = 2 * 2 * ExactDouble.Pow2(-52) * rho.Upper + ExactDouble.Pow2(-1074);
        string at = $"A = [[{p:R}, {q:R}], [{q:R}, {r:R}]]";
        return SpectralRadiusWithin(a, rho, bound, at);
    });

    /// <summary>
    /// Any 2×2 A = [[p, q], [r, t]], non-symmetric included, entries anywhere in the range: the eigenvalues are m ± √disc
    /// with m = (p + t)/2 and disc = ((p − t)/2)² + qr, so ρ = |m| + √disc where disc ≥ 0 and √(pt − qr) where disc &lt; 0,
    /// from exact rationals and 200-bit outward square roots: the forward reference the non-symmetric path lacked.
    /// Tolerance, derived from the doc comment's backward error: the eigenvalues are those of A + E with every |E_ij| ≤
    /// δ = 2n·2^-52·‖A‖_F (n = 2, the order constant 2 as for symmetric A; ‖E‖₂ ≤ δ bounds each entry) plus the flush of
    /// scaled entries below 2^-1022 (n·2^(s−1022)). Then m moves by ≤ δ and disc by ≤ Δ = (|p − t| + |q| + |r|)·δ + 2δ²,
    /// and since (√disc′ − √disc)(√disc′ + √disc) = disc′ − disc, one of the two pairings of the roots moves them by at
    /// most min(√Δ, Δ/√|disc|): the square root's Hölder bound at a (near-)defective eigenvalue, its Lipschitz bound away
    /// from one. ρ = max|λ| moves by at most δ + that; |λ| (Complex.Magnitude) and the scaling back add 2u·ρ and ½·2^-1074.
    /// </summary>
    [Property]
    public Property SpectralRadius_OfAnyTwoByTwo_IsWithinItsPerturbationBound() => Prop.ForAll(
        FullRangeDoubles.SignedOrOneScale(4).ToArbitrary(), e =>
    {
        double p = e[0], q = e[1], r = e[2], t = e[3];
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { p, q }, { r, t } });
        string at = $"A = [[{p:R}, {q:R}], [{r:R}, {t:R}]]";
        Fraction fp = F(p), fq = F(q), fr = F(r), ft = F(t);
        var largest = new[] { fp, fq, fr, ft }.Select(Fraction.Abs).Max();
        if (largest.IsZero)
            return (HessianLearningFlow.SpectralRadius(a) == 0).Label($"ρ(0) ≠ 0 at {at}");
        var mean = (fp + ft) / 2;
        var discriminant = (fp - ft) * (fp - ft) / 4 + fq * fr;
        var rho = discriminant.Sign() >= 0
            ? RationalInterval.Exact(Fraction.Abs(mean)) + RationalInterval.Exact(discriminant).Sqrt()
            : RationalInterval.Exact(fp * ft - fq * fr).Sqrt();
        var frobenius = RationalInterval.Exact(fp * fp + fq * fq + fr * fr + ft * ft).Sqrt().Upper;
        var delta = 2 * 2 * ExactDouble.Pow2(-52) * frobenius + 2 * ExactDouble.Pow2(ExactDouble.FloorLog2(largest) - 1022);
        var moved = (Fraction.Abs(fp - ft) + Fraction.Abs(fq) + Fraction.Abs(fr)) * delta + 2 * delta * delta;
        var shift = RationalInterval.Exact(moved).Sqrt().Upper;
        if (!discriminant.IsZero)
        {
            var rootLower = RationalInterval.Exact(Fraction.Abs(discriminant)).Sqrt().Lower;
            if (rootLower.Sign() > 0 && moved / rootLower < shift)
                shift = moved / rootLower;
        }
        var bound = delta + shift + 2 * ExactDouble.Pow2(-53) * (rho.Upper + delta + shift) + ExactDouble.Pow2(-1074);
        return SpectralRadiusWithin(a, rho, bound, at);
    });

    /// <summary>
    /// SpectralRadius(a) within <paramref name="bound"/> of the enclosure <paramref name="rho"/>; rejected (naming a) where
    /// ρ lies beyond the range by more than the bound, and not judged within the bound of the overflow threshold.
    /// </summary>
    private static Property SpectralRadiusWithin(Matrix<double> a, RationalInterval rho, Fraction bound, string at)
    {
        if (rho.Lower - bound >= ExactAgreement.OverflowThreshold)
            return ArgumentAssert.IsRejection(() => HessianLearningFlow.SpectralRadius(a), "a", "ρ(A) exceeds double.MaxValue").Label($"ρ beyond the range not rejected at {at}");
        if (rho.Upper + bound >= ExactAgreement.OverflowThreshold)
            return true.Label("within the bound of the overflow threshold");
        double computed = HessianLearningFlow.SpectralRadius(a);
        var c = F(computed);
        bool within = c >= rho.Lower - bound && c <= rho.Upper + bound;
        return within.Label($"ρ = {computed:R}, exact in [{ExactDouble.ToDouble(rho.Lower):R}, {ExactDouble.ToDouble(rho.Upper):R}] ± {ExactDouble.ToDouble(bound):R} at {at}");
    }

    /// <summary>
    /// A = [[p, q], [q, r]], p = 1.000842968e-308, q = −0.499846169609563, r = 8.988465674e307 (symmetric, so the
    /// eigensolver's symmetric path runs): scaled by 2^-1023, q is subnormal and the solver threw an
    /// IndexOutOfRangeException; ρ = r + q²/r + … rounds to r (q²/r ≈ 2.8e-309 is far below ulp(r)).
    /// </summary>
    [Fact]
    public void SpectralRadius_WithAnEntryThatScalesToASubnormal_IsReturned()
    {
        double r = 8.988465674e307;
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { 1.000842968e-308, -0.499846169609563 }, { -0.499846169609563, r } });
        Assert.Equal(r, HessianLearningFlow.SpectralRadius(a));
    }

    /// <summary>Hand-computed: ρ of [[M, M], [M, M]] is 2M, beyond the range for M = MaxValue (rejected) and 2^-1073 for M = 2^-1074.</summary>
    [Fact]
    public void SpectralRadius_AtTheEndsOfTheRange()
    {
        var ones = Matrix<double>.Build.Dense(2, 2, 1.0);
        ArgumentAssert.Rejects(() => HessianLearningFlow.SpectralRadius(ones * double.MaxValue), "a", "ρ(A) exceeds double.MaxValue");
        Assert.Equal(2 * double.Epsilon, HessianLearningFlow.SpectralRadius(ones * double.Epsilon));
        Assert.Equal(double.MaxValue, HessianLearningFlow.SpectralRadius(Matrix<double>.Build.DenseOfArray(new[,] { { double.MaxValue, 0.0 }, { 0.0, -1.0 } })));
        ArgumentAssert.Rejects(() => HessianLearningFlow.SpectralRadius(Matrix<double>.Build.Dense(2, 3)), "a", "non-empty, square, finite");
    }
}
