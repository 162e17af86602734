using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// Prop. 6.5's bound Σ_i|λ_i|·‖v^(i)‖₁² and eq. (6.21)'s lower bound max_i|λ_i|·‖v^(i)‖₁/‖v^(i)‖∞ (balles-thesis §6.4.2)
/// for general symmetric H of dimension d = 3 to 6, against exact rational values. H = Q·diag(λ)·Qᵀ with Q the Cayley
/// transform (I − K)(I + K)⁻¹ of a skew-symmetric K with entries in ½ℤ ∩ [−2, 2] (exactly orthogonal and rational, checked
/// each case: QᵀQ = I), so the columns q_i of Q are exact unit eigenvectors, and λ_i = m_i·2^k with distinct integers
/// m_i ∈ [−8, 8] (indefinite H in most cases; the gap g = min|λ_i − λ_j| ≥ 2^k ≥ ‖H‖₂/8), k ∈ [−1060, 1020]: from where
/// rounding H onto the subnormal grid (½·2^-1074 an entry) is still far below the gap, to where ‖H‖₂ ≤ 2^1023 and the
/// bounds themselves pass double.MaxValue (then rejected, naming h and the quantity).
/// </summary>
/// <remarks>
/// The tolerance, every term from the exact case (a_i = ‖q_i‖₁ and b_i = ‖q_i‖∞ exact rationals; u = 2^-53):
/// <list type="bullet">
/// <item>The function sees Ĥ = H rounded to doubles (symmetric: both triangles round alike); δ_r = max_i Σ_j|Ĥ_ij − H_ij|
/// (exact) bounds ‖Ĥ − H‖₂ (for a symmetric matrix ‖·‖₂ ≤ ‖·‖∞, the largest row sum).</item>
/// <item>It scales by 2^-s (s = ⌊log₂ max|Ĥ_ij|⌋) and sets scaled entries below 2^-1022 to 0: each entry moves by less than
/// 2^(s−1022), so ‖F‖₂ ≤ δ_f = d·2^(s−1022).</item>
/// <item>The eigensolver's backward error (the type's remarks): the computed eigenpairs are those of a matrix within
/// 2d·2^-52 of its norm, N + δ_r + δ_f with N = ‖H‖₂ = max|λ_i|; the constant 2 was observed on 2×2 H, not derived.
/// Together η = δ_r + δ_f + 2d·2^-52·(N + δ_r + δ_f) bounds the whole perturbation Δ of H.</item>
/// <item>Weyl: each computed λ̂ is within η of one λ_i; with 2η &lt; g (checked) the pairing is one to one.</item>
/// <item>Davis–Kahan for the isolated λ_i: the unit eigenvector w of H + Δ is at an angle θ from ±q_i with
/// sin θ ≤ η/(g − 2η); with the sign of q_i chosen so that wᵀq_i ≥ 0, ‖w − q_i‖₂ = 2 sin(θ/2) ≤ √2·sin θ &lt; (3/2)·sin θ.
/// The computed v̂ is w to ν = d·2^-53 in ‖·‖₂ (the type's remarks: unit vectors to d·2^-53). So
/// ρ = (3/2)·sin θ + ν ≥ ‖v̂ − q_i‖₂, and (‖·‖₁ ≤ √d‖·‖₂, ‖·‖∞ ≤ ‖·‖₂) |‖v̂‖₁ − a_i| ≤ Δa = r_d·ρ, r_d = 7/4 &gt; √3, 2 = √4,
/// 9/4 &gt; √5 or 5/2 &gt; √6, and |‖v̂‖∞ − b_i| ≤ Δb = ρ. Both bounds are unchanged by the sign of q_i, as are a_i and b_i.</item>
/// <item>Prop. 6.5, per term: ||λ̂|‖v̂‖₁² − |λ_i|a_i²| ≤ η·(a_i + Δa)² + |λ_i|·Δa·(2a_i + Δa). Rounding: ‖v̂‖₁ a sum of d
/// magnitudes (γ_{d−1}), squared and times |λ̂| (two products), d non-negative terms summed from 0 (d − 1 roundings):
/// γ_{3d−1} relative on Σ_i(|λ_i| + η)(a_i + Δa)².</item>
/// <item>Eq. (6.21), per term: ||λ̂|‖v̂‖₁/‖v̂‖∞ − |λ_i|a_i/b_i| ≤ η·(a_i + Δa)/(b_i − Δb) + |λ_i|·(Δa·b_i + a_i·Δb)/(b_i(b_i − Δb))
/// (b_i ≥ 1/√d, far above Δb); rounding γ_{d+1} (the sum of d magnitudes, the product, the quotient) relative on
/// (|λ_i| + η)(a_i + Δa)/(b_i − Δb); the max moves by at most the largest term's change.</item>
/// <item>Scaling the result back by 2^s: ½·2^-1074 where it is subnormal (2^-1074 is used).</item>
/// </list>
/// The tolerance is about 2^-43 of the value at k where nothing is subnormal: a mutant dropping the square of ‖v‖₁, the
/// quotient by ‖v‖∞, or the |·| of λ (H is indefinite) is off by a factor far larger for any Q away from the axes.
/// Seen: with another seed and 3000 cases both properties held; with the tolerance (less its 2^-1074) divided by 64 the
/// Prop. 6.5 property failed at k = 1017 with an error of 1/55 of the full tolerance, so the bound is not loose by orders of
/// magnitude. Near the subnormal end (k ≈ −1050) rounding H to the grid dominates η and the tolerance widens to about
/// 2^-24 relative, as derived.
/// </remarks>
[Properties(MaxTest = 100)] // exact rational products up to 6×6 and 1000-bit dyadic scalings: a few milliseconds a case
public class SignGeometryBoundsCayleyProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>γ_m = m·u/(1 − m·u), the relative error of m roundings.</summary>

    /// <summary>One case: d, the upper triangle of 2K (row by row), the m_i, and k.</summary>
    private static Gen<(int Dimension, int[] Skew, int[] Multipliers, int Exponent)> Cases { get; } =
        from d in Gen.Choose(3, 6)
        from skew in Gen.ArrayOf(Gen.Choose(-4, 4), d * (d - 1) / 2)
        from multipliers in Gen.ArrayOf(Gen.Choose(-8, 8), d).Where(m => m.Distinct().Count() == m.Length)
        from k in Gen.Frequency(
            (4, Gen.Choose(-1060, 1020)),
            (1, Gen.Choose(-1060, -1030)), // H near and on the subnormal grid
            (1, Gen.Choose(1005, 1020)), // bounds near and beyond double.MaxValue
            (1, Gen.Choose(-8, 8)))
        select (d, skew, multipliers, k);

    /// <summary>The exact reference of one case and the tolerances derived in the remarks.</summary>
    private sealed class Reference
    {
        public Reference(int d, int[] skew, int[] multipliers, int k)
        {
            int next = 0;
            var half = new Fraction(1, 2);
            var upper = new Fraction[d, d];
            for (int i = 0; i < d; i++)
                for (int j = i + 1; j < d; j++)
                    upper[i, j] = skew[next++] * half;
            var kMatrix = ExactMatrix.Build(d, d, (i, j) => i < j ? upper[i, j] : i > j ? -upper[j, i] : Fraction.Zero);
            Q = ExactMatrix.Cayley(kMatrix);
            Lambda = multipliers.Select(m => m * ExactDouble.Pow2(k)).ToArray();
            var lambda = Lambda;
            var q = Q;
            Exact = ExactMatrix.Build(d, d, (i, j) =>
            {
                var sum = Fraction.Zero;
                for (int l = 0; l < d; l++)
                    sum += q[i, l] * lambda[l] * q[j, l];
                return sum;
            });
            var exact = Exact;
            Rounded = Matrix<double>.Build.Dense(d, d, (i, j) => ExactDouble.ToDouble(exact[i, j]));
            Description = $"d = {d}, 2K upper = [{string.Join(", ", skew)}], m = [{string.Join(", ", multipliers)}], k = {k}";

            var roundingRowSum = Fraction.Zero;
            var largestEntry = Fraction.Zero;
            for (int i = 0; i < d; i++)
            {
                var row = Fraction.Zero;
                for (int j = 0; j < d; j++)
                {
                    var entry = F(Rounded[i, j]);
                    row += Fraction.Abs(entry - Exact[i, j]);
                    if (Fraction.Abs(entry) > largestEntry)
                        largestEntry = Fraction.Abs(entry);
                }
                if (row > roundingRowSum)
                    roundingRowSum = row;
            }
            var flush = d * ExactDouble.Pow2(ExactDouble.FloorLog2(largestEntry) - 1022);
            var norm = Lambda.Select(Fraction.Abs).Aggregate(Fraction.Zero, (x, y) => y > x ? y : x);
            Eta = roundingRowSum + flush + 2 * d * ExactDouble.Pow2(-52) * (norm + roundingRowSum + flush);
            Gap = Enumerable.Range(0, d).SelectMany(i => Enumerable.Range(i + 1, d - i - 1).Select(j => Fraction.Abs(lambda[i] - lambda[j])))
                .Aggregate((x, y) => y < x ? y : x);
            if (2 * Eta >= Gap)
                return; // outside the derivation: the property reports it

            var sine = Eta / (Gap - 2 * Eta);
            var rho = new Fraction(3, 2) * sine + d * Unit;
            var rootD = d switch { 3 => new Fraction(7, 4), 4 => new Fraction(2), 5 => new Fraction(9, 4), _ => new Fraction(5, 2) }; // ≥ √d
            var deltaA = rootD * rho;
            var deltaB = rho;
            Prop65 = Fraction.Zero;
            Eq621 = Fraction.Zero;
            var prop65Perturbation = Fraction.Zero;
            var prop65Magnitude = Fraction.Zero;
            var eq621Bound = Fraction.Zero;
            for (int i = 0; i < d; i++)
            {
                var a = Fraction.Zero;
                var b = Fraction.Zero;
                for (int j = 0; j < d; j++)
                {
                    var entry = Fraction.Abs(Q[j, i]);
                    a += entry;
                    if (entry > b)
                        b = entry;
                }
                var absLambda = Fraction.Abs(Lambda[i]);
                Prop65 += absLambda * a * a;
                var ratio = absLambda * a / b;
                if (ratio > Eq621)
                    Eq621 = ratio;
                var aHigh = a + deltaA;
                prop65Perturbation += Eta * aHigh * aHigh + absLambda * deltaA * (2 * a + deltaA);
                prop65Magnitude += (absLambda + Eta) * aHigh * aHigh;
                var term = Eta * aHigh / (b - deltaB) + absLambda * (deltaA * b + a * deltaB) / (b * (b - deltaB))
                    + ExactAgreement.Gamma(d + 1) * (absLambda + Eta) * aHigh / (b - deltaB);
                if (term > eq621Bound)
                    eq621Bound = term;
            }
            Prop65Tolerance = prop65Perturbation + ExactAgreement.Gamma(3 * d - 1) * prop65Magnitude + Tiny;
            Eq621Tolerance = eq621Bound + Tiny;
        }

        public ExactMatrix Q { get; }

        public Fraction[] Lambda { get; }

        public ExactMatrix Exact { get; }

        public Matrix<double> Rounded { get; }

        public string Description { get; }

        public Fraction Eta { get; }

        public Fraction Gap { get; }

        public Fraction Prop65 { get; }

        public Fraction Prop65Tolerance { get; }

        public Fraction Eq621 { get; }

        public Fraction Eq621Tolerance { get; }

        /// <summary>QᵀQ = I exactly (the Cayley transform of a skew-symmetric K), so the columns are orthonormal eigenvectors.</summary>
        public bool IsOrthogonal => (Q.Transpose() * Q - ExactMatrix.Identity(Q.Rows)).MaxAbs().IsZero;

        /// <summary>H = Q·diag(λ)·Qᵀ is symmetric exactly and after rounding, as Prop. 6.5 requires.</summary>
        public bool IsSymmetric => (Exact - Exact.Transpose()).MaxAbs().IsZero && Rounded.Equals(Rounded.Transpose());

        /// <summary>The derivation needs the perturbation below half the gap (one computed eigenpair near each exact one).</summary>
        public bool IsIsolated => 2 * Eta < Gap;
    }

    private static Property Sane(Reference r) =>
        r.IsOrthogonal.Label($"QᵀQ ≠ I at {r.Description}")
            .And(r.IsSymmetric.Label($"H not symmetric at {r.Description}"))
            .And(r.IsIsolated.Label($"2η ≥ gap: the case lies outside the derivation at {r.Description}"));

    /// <summary>Prop65Bound of H = Q·diag(λ)·Qᵀ is Σ|λ_i|·‖q_i‖₁² within the tolerance of the class remarks, or rejected beyond the range.</summary>
    [Property]
    public Property Prop65Bound_OfACayleyRotatedDiagonal_IsTheExactEigenvectorSum() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var r = new Reference(c.Dimension, c.Skew, c.Multipliers, c.Exponent);
        if (!r.IsIsolated)
            return Sane(r);
        return Sane(r).And(SignGeometryBoundsEigenFullRangeProperties.Check(() => SignGeometryBounds.Prop65Bound(r.Rounded), r.Prop65, r.Prop65Tolerance, "Σ|λ_i|·‖v_i‖₁²", r.Description));
    });

    /// <summary>Eq621LowerBound of H = Q·diag(λ)·Qᵀ is max|λ_i|·‖q_i‖₁/‖q_i‖∞ within the tolerance of the class remarks, or rejected beyond the range.</summary>
    [Property]
    public Property Eq621LowerBound_OfACayleyRotatedDiagonal_IsTheExactEigenvectorMaximum() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var r = new Reference(c.Dimension, c.Skew, c.Multipliers, c.Exponent);
        if (!r.IsIsolated)
            return Sane(r);
        return Sane(r).And(SignGeometryBoundsEigenFullRangeProperties.Check(() => SignGeometryBounds.Eq621LowerBound(r.Rounded), r.Eq621, r.Eq621Tolerance, "max_i |λ_i|·‖v_i‖₁/‖v_i‖∞", r.Description));
    });
}
