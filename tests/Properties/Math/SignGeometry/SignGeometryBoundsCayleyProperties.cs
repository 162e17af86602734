using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// Prop. 6.5's bound Σ_i|λ_i|·‖v^(i)‖₁² and eq. (6.21)'s lower bound max_i|λ_i|·‖v^(i)‖₁/‖v^(i)‖∞ (balles-thesis §6.4.2)
/// for general symmetric H of dimension d = 3 to 20 (17 to 20 since stop 35), against exact rational values. H = Q·diag(λ)·Qᵀ with Q the Cayley
/// transform (I − K)(I + K)⁻¹ of a skew-symmetric K with entries in ½ℤ ∩ [−2, 2] (exactly orthogonal and rational, checked
/// each case: QᵀQ = I), so the columns q_i of Q are exact unit eigenvectors, and λ_i = m_i·2^k with distinct integers
/// m_i ∈ [−8, 8] (the first d of a shuffle of the 17, of the 25 in [−12, 12] for d ≥ 18; indefinite H in most cases; the gap
/// g = min|λ_i − λ_j| ≥ 2^k ≥ ‖H‖₂/8, /12 for d ≥ 18), k ∈ [−1060, 1020]: from where
/// rounding H onto the subnormal grid (½·2^-1074 an entry) is still far below the gap, to where ‖H‖₂ ≤ 2^1023 and the
/// bounds themselves pass double.MaxValue (then rejected, naming h and the quantity).
/// </summary>
/// <remarks>
/// The tolerance, every term from the exact case (a_i = ‖q_i‖₁ and b_i = ‖q_i‖∞ exact rationals; u = 2^-53):
/// <list type="bullet">
/// <item>A posteriori, on the very pairs the function uses (SignGeometryBounds.ScaledEigen: λ̂_i and v̂_i of the scaled,
/// flushed Ĥ; λ̂_i taken back by 2^s): r_i = H·v̂_i − λ̂_i·v̂_i in exact rationals against the exact H, so the rounding of H,
/// the flush of scaled subnormals and the solver's error are all in it, and no constant of the solver is assumed.
/// η_i = ‖r_i‖₂/‖v̂_i‖₂ (square roots enclosed outward): some exact λ_j lies within η_i of λ̂_i (H symmetric). With
/// 2·max η_i &lt; g (checked) that λ_j is unique; the pairing must be a permutation (checked).</item>
/// <item>Davis–Kahan for one vector: with û = v̂_i/‖v̂_i‖₂ = Σ c_k q_k, η_i² = Σ (λ_k − λ̂_i)² c_k² ≥ (g − η_i)²·sin²θ, so
/// sin θ ≤ η_i/(g − η_i); with the sign of q_j chosen so that ûᵀq_j ≥ 0, ‖û − q_j‖₂ = 2 sin(θ/2) ≤ √2·sin θ &lt; (3/2)·sin θ,
/// and ρ_i = |‖v̂_i‖₂ − 1| + (3/2)·sin θ ≥ ‖v̂_i − q_j‖₂. Then (‖·‖₁ ≤ √d‖·‖₂, ‖·‖∞ ≤ ‖·‖₂) |‖v̂_i‖₁ − a_j| ≤ Δa = r_d·ρ_i,
/// r_d = ⌈4√d⌉/4 ≥ √d (<see cref="RootUpper"/>), and |‖v̂_i‖∞ − b_j| ≤ Δb = ρ_i. Both bounds are unchanged by the sign
/// of q_j, as are a_j and b_j. (Until stop 32 η came from the solver's documented backward error, whose constant 2 was
/// observed on 2×2 H, not derived; since stop 35 the documented accuracy is itself derived, from the certificate that
/// <see cref="ComputedEigenvalues_AreWithinTheCertifiedRadius"/> checks.)</item>
/// <item>Prop. 6.5, per term (η = η_i, λ_i and a_i those of the paired exact eigenpair): ||λ̂|‖v̂‖₁² − |λ_i|a_i²| ≤
/// η·(a_i + Δa)² + |λ_i|·Δa·(2a_i + Δa). Rounding: ‖v̂‖₁ a sum of d
/// magnitudes (γ_{d−1}), squared and times |λ̂| (two products), d non-negative terms summed from 0 (d − 1 roundings):
/// γ_{3d−1} relative on Σ_i(|λ_i| + η)(a_i + Δa)².</item>
/// <item>Eq. (6.21), per term: ||λ̂|‖v̂‖₁/‖v̂‖∞ − |λ_i|a_i/b_i| ≤ η·(a_i + Δa)/(b_i − Δb) + |λ_i|·(Δa·b_i + a_i·Δb)/(b_i(b_i − Δb))
/// (b_i ≥ 1/√d, far above Δb); rounding γ_{d+1} (the sum of d magnitudes, the product, the quotient) relative on
/// (|λ_i| + η)(a_i + Δa)/(b_i − Δb); the max moves by at most the largest term's change.</item>
/// <item>Scaling the result back by 2^s: ½·2^-1074 where it is subnormal (2^-1074 is used).</item>
/// </list>
/// Besides this reference tolerance (which uses the exact gap and exact residuals), both properties check the accuracy
/// the doc comments of SignGeometryBounds state, evaluated from the function's output alone: the certificate's ε and ω
/// (SignGeometryBounds.EigenCertificate of the double Ĥ), the computed gaps δ_i, and ε' = ε + δ_r for the exact H
/// (<see cref="Reference"/>'s DeriveFromTheOutput).
/// The tolerance is about 2^-46 of the value at k where nothing is subnormal: a mutant dropping the square of ‖v‖₁, the
/// quotient by ‖v‖∞, or the |·| of λ (H is indefinite) is off by a factor far larger for any Q away from the axes (the first
/// fails it at once). Seen: with the tolerance (less its 2^-1074) divided by 16 the Prop. 6.5 property failed at d = 5,
/// k = 484 with an error of 1/11 of the full tolerance, so the bound is not loose by orders of magnitude. Near the
/// subnormal end (k ≈ −1050) rounding H to the grid dominates η_i and the tolerance widens, as derived.
/// Since stop 39 <see cref="SignGeometryBoundsHouseholderProperties"/> applies <see cref="Reference"/>, <see cref="Prop65Matches"/>
/// and <see cref="Eq621Matches"/> to d = 21 to 32 with Q a product of Householder reflections (the derivation needs only
/// QᵀQ = I and the exact gap).
/// </remarks>
[Properties(MaxTest = 100)] // exact rational products up to 16×16 and 1000-bit dyadic scalings: up to a tenth of a second a case (d = 16)
public class SignGeometryBoundsCayleyProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>
    /// r_d = ⌈4√d⌉/4 ≥ √d, the Lipschitz constant of ‖·‖₁ against ‖·‖₂ rounded up to quarters (7/4, 2, 9/4, 5/2, 11/4, 3
    /// for d = 3 to 8, up to 4 at d = 16): ⌈4√d⌉ = ⌊√(16d − 1)⌋ + 1 by the integer square root, and r_d² ≥ d is checked.
    /// </summary>
    internal static Fraction RootUpper(int d)
    {
        var r = new Fraction(RationalInterval.IntegerSqrt(16 * d - 1) + 1, 4);
        if (r * r < d)
            throw new InvalidOperationException($"r_d = {r} is below √{d}");
        return r;
    }

    /// <summary>
    /// Q = (I − K)(I + K)⁻¹ for the skew-symmetric K whose upper triangle, row by row, is <paramref name="skew"/>/2 (the
    /// cases' 2K upper): exactly orthogonal and rational.
    /// </summary>
    internal static ExactMatrix CayleyOfHalves(int d, int[] skew)
    {
        int next = 0;
        var half = new Fraction(1, 2);
        var upper = new Fraction[d, d];
        for (int i = 0; i < d; i++)
            for (int j = i + 1; j < d; j++)
                upper[i, j] = skew[next++] * half;
        return ExactMatrix.Cayley(ExactMatrix.Build(d, d, (i, j) => i < j ? upper[i, j] : i > j ? -upper[j, i] : Fraction.Zero));
    }

    /// <summary>H = Q·diag(λ)·Qᵀ, exactly.</summary>
    internal static ExactMatrix Conjugated(ExactMatrix q, Fraction[] lambda)
    {
        int d = lambda.Length;
        return ExactMatrix.Build(d, d, (i, j) =>
        {
            var sum = Fraction.Zero;
            for (int l = 0; l < d; l++)
                sum += q[i, l] * lambda[l] * q[j, l];
            return sum;
        });
    }

    /// <summary>
    /// The i-th pair the functions use (<see cref="SignGeometryBounds.ScaledEigen"/>, scaled back by <paramref name="back"/>),
    /// a posteriori against the exact H: v̂ and λ̂ exactly, η ≥ ‖Hv̂ − λ̂v̂‖₂/‖v̂‖₂ (the residual computed exactly, its root
    /// and ‖v̂‖₂ enclosed at 80 bits), and ‖v̂‖₂'s enclosure.
    /// </summary>
    internal static (Fraction[] V, Fraction Value, Fraction Eta, RationalInterval Norm) ComputedPair(
        ExactMatrix exact, MathNet.Numerics.LinearAlgebra.Factorization.Evd<double> evd, Fraction back, int i)
    {
        int d = exact.Rows;
        var v = Enumerable.Range(0, d).Select(j => F(evd.EigenVectors[j, i])).ToArray();
        var value = back * F(evd.EigenValues[i].Real);
        var residual = Fraction.Zero;
        var normSquared = Fraction.Zero;
        for (int row = 0; row < d; row++)
        {
            var r = -value * v[row];
            for (int col = 0; col < d; col++)
                r += exact[row, col] * v[col];
            residual += r * r;
            normSquared += v[row] * v[row];
        }
        var norm = RationalInterval.Exact(normSquared).Sqrt(80);
        return (v, value, RationalInterval.Exact(residual).Sqrt(80).Upper / norm.Lower, norm);
    }

    /// <summary>One case: d, the upper triangle of 2K (row by row), the m_i, and k.</summary>
    private static Gen<(int Dimension, int[] Skew, int[] Multipliers, int Exponent)> Cases { get; } =
        from d in Gen.Frequency((3, Gen.Choose(3, 8)), (2, Gen.Choose(9, 16)), (1, Gen.Choose(17, 20)))
        from skew in Gen.ArrayOf(Gen.Choose(-4, 4), d * (d - 1) / 2)
        from multipliers in Gen.Shuffle(Multipliers(d)).Select(m => m.Take(d).ToArray())
        from k in Gen.Frequency(
            (4, Gen.Choose(-1060, 1020)),
            (1, Gen.Choose(-1060, -1030)), // H near and on the subnormal grid
            (1, Gen.Choose(1005, 1020)), // bounds near and beyond double.MaxValue
            (1, Gen.Choose(-8, 8)))
        select (d, skew, multipliers, k);

    /// <summary>The pool of the distinct m_i: −8…8 up to d = 17 (gap ≥ ‖H‖₂/8), −12…12 beyond (gap ≥ ‖H‖₂/12).</summary>
    private static int[] Multipliers(int d) => d <= 17 ? Enumerable.Range(-8, 17).ToArray() : Enumerable.Range(-12, 25).ToArray();

    /// <summary>
    /// The exact reference of one case and the tolerances derived in the remarks, for any exactly orthogonal rational Q (the
    /// derivation uses only QᵀQ = I, checked, and the exact gap; <see cref="SignGeometryBoundsHouseholderProperties"/>
    /// uses it with Householder products).
    /// </summary>
    internal sealed class Reference
    {
        /// <summary>The Cayley case: Q = <see cref="CayleyOfHalves"/> of <paramref name="skew"/>.</summary>
        public Reference(int d, int[] skew, int[] multipliers, int k)
            : this(CayleyOfHalves(d, skew), multipliers, k, $"d = {d}, 2K upper = [{string.Join(", ", skew)}], m = [{string.Join(", ", multipliers)}], k = {k}")
        {
        }

        /// <summary>H = Q·diag(m_i·2^k)·Qᵀ for the given Q (d = its order), described in the labels by <paramref name="description"/>.</summary>
        public Reference(ExactMatrix q, int[] multipliers, int k, string description)
        {
            int d = q.Rows;
            Q = q;
            Lambda = multipliers.Select(m => m * ExactDouble.Pow2(k)).ToArray();
            var lambda = Lambda;
            Exact = Conjugated(Q, lambda);
            var exact = Exact;
            Rounded = exact.ToDouble();
            Description = description;

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
            Rounding = roundingRowSum;
            Gap = Enumerable.Range(0, d).SelectMany(i => Enumerable.Range(i + 1, d - i - 1).Select(j => Fraction.Abs(lambda[i] - lambda[j])))
                .Aggregate((x, y) => y < x ? y : x);

            // A posteriori, on the very pairs the functions use: (λ̂_i, v̂_i) of the scaled H, λ̂_i taken back to H's units.
            var (evd, s) = SignGeometryBounds.ScaledEigen(Rounded);
            var back = ExactDouble.Pow2(s);
            Certificate = SignGeometryBounds.EigenCertificate(Rounded);
            CertifiedValues = Enumerable.Range(0, d).Select(i => back * F(evd.EigenValues[i].Real)).ToArray();
            DeriveFromTheOutput(d, evd, back);
            Computed = new (Fraction Value, Fraction Eta, Fraction Norm, int Pair)[d];
            var paired = new bool[d];
            Eta = Fraction.Zero;
            for (int i = 0; i < d; i++)
            {
                var (_, value, eta, normRange) = ComputedPair(Exact, evd, back, i);
                int pair = Enumerable.Range(0, d).MinBy(j => Fraction.Abs(Lambda[j] - value));
                if (Fraction.Abs(Lambda[pair] - value) > eta || paired[pair])
                    return; // not within its residual of an eigenvalue, or two computed pairs on one: IsPaired reports it
                paired[pair] = true;
                var normDeviation = FractionExtensions.Max(normRange.Upper - 1, 1 - normRange.Lower);
                Computed[i] = (value, eta, normDeviation, pair);
                if (eta > Eta)
                    Eta = eta;
            }
            IsPaired = true;
            if (2 * Eta >= Gap)
                return; // outside the derivation: the property reports it

            var rootD = RootUpper(d); // ≥ √d
            Prop65 = Fraction.Zero;
            Eq621 = Fraction.Zero;
            var prop65Perturbation = Fraction.Zero;
            var prop65Magnitude = Fraction.Zero;
            var eq621Bound = Fraction.Zero;
            for (int c = 0; c < d; c++)
            {
                var (_, eta, normDeviation, i) = Computed[c];
                var sine = eta / (Gap - eta);
                var rho = normDeviation + new Fraction(3, 2) * sine;
                var deltaA = rootD * rho;
                var deltaB = rho;
                var a = Fraction.Zero;
                var b = Fraction.Zero;
                for (int j = 0; j < d; j++)
                {
                    var entry = Fraction.Abs(Q[j, i]);
                    a += entry;
                    if (entry > b)
                        b = entry;
                }
                if (deltaB >= b)
                    return; // ‖v̂‖∞ may be 0 as far as the bound knows: outside the derivation, IsDerived reports it
                var absLambda = Fraction.Abs(Lambda[i]);
                Prop65 += absLambda * a * a;
                var ratio = absLambda * a / b;
                if (ratio > Eq621)
                    Eq621 = ratio;
                var aHigh = a + deltaA;
                prop65Perturbation += eta * aHigh * aHigh + absLambda * deltaA * (2 * a + deltaA);
                prop65Magnitude += (absLambda + eta) * aHigh * aHigh;
                var term = eta * aHigh / (b - deltaB) + absLambda * (deltaA * b + a * deltaB) / (b * (b - deltaB))
                    + ExactAgreement.Gamma(d + 1) * (absLambda + eta) * aHigh / (b - deltaB);
                if (term > eq621Bound)
                    eq621Bound = term;
            }
            Prop65Tolerance = prop65Perturbation + ExactAgreement.Gamma(3 * d - 1) * prop65Magnitude + Tiny;
            Eq621Tolerance = eq621Bound + Tiny;
            IsDerived = true;
        }

        /// <summary>
        /// The accuracy SignGeometryBounds states for Prop65Bound and Eq621LowerBound, evaluated from the output alone
        /// (its pairs and <see cref="SignGeometryBounds.EigenCertificate"/>'s ε and ω), with ε' = ε + δ_r in place of ε: the
        /// statement is about the double Ĥ, the reference about the exact H, whose eigenvalues are within δ_r of Ĥ's
        /// (Weyl) and against which each pair's residual grows by at most δ_r; every step of the statement then holds with
        /// ε'. Sets <see cref="IsCertifiedSimple"/> where every δ_i &gt; 2ε' and b̂_i &gt; ρ_i.
        /// </summary>
        private void DeriveFromTheOutput(int d, MathNet.Numerics.LinearAlgebra.Factorization.Evd<double> evd, Fraction back)
        {
            var eps = F(Certificate.Radius) + Rounding;
            var omega = F(Certificate.Orthogonality);
            var rootD = RootUpper(d);
            var tolerance = Fraction.Zero;
            var magnitude = Fraction.Zero;
            var low = Fraction.Zero;
            var high = Fraction.Zero;
            for (int i = 0; i < d; i++)
            {
                var value = CertifiedValues[i];
                var separation = Enumerable.Range(0, d).Where(k => k != i).Select(k => Fraction.Abs(CertifiedValues[k] - value)).Min()!;
                if (separation <= 2 * eps)
                    return;
                var rho = omega + new Fraction(3, 2) * eps / (separation - eps); // √2 ≤ 3/2
                var delta = rootD * rho;
                var a = Fraction.Zero;
                var b = Fraction.Zero;
                for (int j = 0; j < d; j++)
                {
                    var entry = Fraction.Abs(F(evd.EigenVectors[j, i]));
                    a += entry;
                    if (entry > b)
                        b = entry;
                }
                if (b <= rho)
                    return;
                var absValue = Fraction.Abs(value);
                tolerance += eps * a * a + (absValue + eps) * delta * (2 * a + delta);
                magnitude += absValue * a * a;
                var lowTerm = FractionExtensions.Max(absValue - eps, Fraction.Zero) * FractionExtensions.Max(a - delta, Fraction.Zero) / (b + rho);
                var highTerm = (absValue + eps) * (a + delta) / (b - rho);
                low = FractionExtensions.Max(low, lowTerm);
                high = FractionExtensions.Max(high, highTerm);
            }
            var gamma621 = ExactAgreement.Gamma(d + 1);
            DerivedProp65Tolerance = tolerance + ExactAgreement.Gamma(3 * d - 1) * magnitude + Tiny;
            DerivedEq621Low = (1 - gamma621) * low - Tiny;
            DerivedEq621High = (1 + gamma621) * high + Tiny;
            IsCertifiedSimple = true;
        }

        /// <summary>‖Ĥ − H‖∞ (= δ_r), exactly: the rounding of the exact H to doubles, a bound on its ‖·‖₂ (symmetric).</summary>
        public Fraction Rounding { get; }

        /// <summary>SignGeometryBounds.EigenCertificate of Ĥ: ε and ω for the very pairs the functions use.</summary>
        public EigenResidualBound Certificate { get; } = new(0, 0);

        /// <summary>The pairs' λ̂_i in H's units, exactly, in the solver's order.</summary>
        public Fraction[] CertifiedValues { get; } = [];

        /// <summary>Every δ_i &gt; 2(ε + δ_r) and b̂_i &gt; ρ_i: the derived accuracy of the doc comments applies.</summary>
        public bool IsCertifiedSimple { get; private set; }

        /// <summary>The doc comment's bound on |Prop65Bound(H) − Σ|λ_i|‖q_i‖₁²|, from the output (ε' = ε + δ_r).</summary>
        public Fraction DerivedProp65Tolerance { get; private set; }

        /// <summary>The doc comment's bracket for eq. (6.21)'s exact maximum and the computed value, from the output.</summary>
        public Fraction DerivedEq621Low { get; private set; }

        /// <summary>Upper end of <see cref="DerivedEq621Low"/>'s bracket.</summary>
        public Fraction DerivedEq621High { get; private set; }

        public ExactMatrix Q { get; }

        public Fraction[] Lambda { get; }

        public ExactMatrix Exact { get; }

        public Matrix<double> Rounded { get; }

        public string Description { get; }

        /// <summary>The largest a-posteriori bound η_i = ‖H·v̂_i − λ̂_i·v̂_i‖₂/‖v̂_i‖₂ over the computed pairs.</summary>
        public Fraction Eta { get; }

        /// <summary>Each computed pair: λ̂_i in H's units, η_i, |‖v̂_i‖₂ − 1| bounded, and the exact eigenvalue it is paired with.</summary>
        public (Fraction Value, Fraction Eta, Fraction Norm, int Pair)[] Computed { get; } = [];

        /// <summary>Every computed λ̂_i lies within its η_i of an exact λ_j, and no two on one (a permutation).</summary>
        public bool IsPaired { get; }

        /// <summary>Every step of the remarks applied (in particular Δb &lt; b_i for each eigenvector), so the tolerances are set.</summary>
        public bool IsDerived { get; }

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
            .And(r.IsPaired.Label($"a computed eigenvalue lies farther than its residual bound from every exact one, or two on one, at {r.Description}"))
            .And(r.IsIsolated.Label($"2η ≥ gap: the case lies outside the derivation at {r.Description}"))
            .And(r.IsDerived.Label($"Δb ≥ ‖q_i‖∞: the case lies outside the derivation at {r.Description}"));

    /// <summary>Prop65Bound of H = Q·diag(λ)·Qᵀ is Σ|λ_i|·‖q_i‖₁² within the tolerance of the class remarks, or rejected beyond the range.</summary>
    [Property]
    public Property Prop65Bound_OfACayleyRotatedDiagonal_IsTheExactEigenvectorSum() => Prop.ForAll(Cases.ToArbitrary(), c =>
        Prop65Matches(new Reference(c.Dimension, c.Skew, c.Multipliers, c.Exponent)));

    /// <summary>
    /// Prop65Bound(Ĥ) against the exact Σ|λ_i|·‖q_i‖₁² of <paramref name="r"/>: within the tolerance of the class remarks
    /// (or rejected beyond the range) and within the stated, certified error.
    /// </summary>
    internal static Property Prop65Matches(Reference r)
    {
        if (!r.IsPaired || !r.IsIsolated || !r.IsDerived)
            return Sane(r);
        return Sane(r).And(SignGeometryBoundsEigenFullRangeProperties.Check(() => SignGeometryBounds.Prop65Bound(r.Rounded), r.Prop65, r.Prop65Tolerance, "Σ|λ_i|·‖v_i‖₁²", r.Description))
            .And(r.IsCertifiedSimple.Label($"the certificate does not separate the eigenvalues (δ_i ≤ 2ε') at {r.Description}"))
            .And(Derived(() => SignGeometryBounds.Prop65Bound(r.Rounded), value =>
            {
                var error = Fraction.Abs(value - r.Prop65);
                double ratio = r.DerivedProp65Tolerance.IsZero ? 0 : ExactDouble.ToDouble(error / r.DerivedProp65Tolerance);
                return (error <= r.DerivedProp65Tolerance).Label(
                        $"|Prop65Bound − exact| = {ExactDouble.ToDouble(error):R} above the stated, certified bound {ExactDouble.ToDouble(r.DerivedProp65Tolerance):R} at {r.Description}")
                    .Classify(ratio <= 1.0 / 1024, "error ≤ stated/1024")
                    .Classify(ratio > 1.0 / 1024 && ratio <= 1.0 / 32, "error in (stated/1024, stated/32]")
                    .Classify(ratio > 1.0 / 32, "error above stated/32");
            }));
    }

    /// <summary>The computed value against a check, or true where the function rejects (the range check above covers it).</summary>
    private static Property Derived(Func<double> compute, Func<Fraction, Property> check)
    {
        double value;
        try
        {
            value = compute();
        }
        catch (ArgumentException)
        {
            return true.ToProperty();
        }
        return check(F(value));
    }

    /// <summary>Eq621LowerBound of H = Q·diag(λ)·Qᵀ is max|λ_i|·‖q_i‖₁/‖q_i‖∞ within the tolerance of the class remarks, or rejected beyond the range.</summary>
    [Property]
    public Property Eq621LowerBound_OfACayleyRotatedDiagonal_IsTheExactEigenvectorMaximum() => Prop.ForAll(Cases.ToArbitrary(), c =>
        Eq621Matches(new Reference(c.Dimension, c.Skew, c.Multipliers, c.Exponent)));

    /// <summary>
    /// Eq621LowerBound(Ĥ) against the exact max|λ_i|·‖q_i‖₁/‖q_i‖∞ of <paramref name="r"/>: within the tolerance of the
    /// class remarks (or rejected beyond the range) and inside the stated, certified bracket.
    /// </summary>
    internal static Property Eq621Matches(Reference r)
    {
        if (!r.IsPaired || !r.IsIsolated || !r.IsDerived)
            return Sane(r);
        return Sane(r).And(SignGeometryBoundsEigenFullRangeProperties.Check(() => SignGeometryBounds.Eq621LowerBound(r.Rounded), r.Eq621, r.Eq621Tolerance, "max_i |λ_i|·‖v_i‖₁/‖v_i‖∞", r.Description))
            .And(r.IsCertifiedSimple.Label($"the certificate does not separate the eigenvalues (δ_i ≤ 2ε') at {r.Description}"))
            .And(Derived(() => SignGeometryBounds.Eq621LowerBound(r.Rounded), value =>
                (r.DerivedEq621Low <= r.Eq621 && r.Eq621 <= r.DerivedEq621High && r.DerivedEq621Low <= value && value <= r.DerivedEq621High).Label(
                    $"exact {ExactDouble.ToDouble(r.Eq621):R} or computed {ExactDouble.ToDouble(value):R} outside the stated, certified bracket [{ExactDouble.ToDouble(r.DerivedEq621Low):R}, {ExactDouble.ToDouble(r.DerivedEq621High):R}] at {r.Description}")));
    }

    /// <summary>
    /// The eigenvalue accuracy SignGeometryBounds now states, derived: sorted, each λ̂_i (the very pairs the functions use,
    /// in H's units) within ε + δ_r of the exact λ_i, ε = <see cref="SignGeometryBounds.EigenCertificate"/>'s radius of the
    /// double Ĥ and δ_r = ‖Ĥ − H‖∞ its distance from the exact H (Weyl). The observations that the 3d·2^-52·‖H‖₂ stated
    /// until stop 35 came from are still reported (classified), as error/(δ_r + 3d·2^-52·(‖H‖₂ + δ_r)) and error/(ε + δ_r): until stop 32
    /// the statement was 2d·2^-52 and was exceeded at d = 3 (7.33·2^-52·‖H‖₂ at 2K upper = [−2, 3, −1], m = [−3, −4, 6],
    /// k = −104).
    /// </summary>
    [Property]
    public Property ComputedEigenvalues_AreWithinTheCertifiedRadius() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var r = new Reference(c.Dimension, c.Skew, c.Multipliers, c.Exponent);
        int d = c.Dimension;
        var computed = r.CertifiedValues.OrderBy(x => x).ToArray();
        var exact = r.Lambda.OrderBy(x => x).ToArray();
        var error = Enumerable.Range(0, d).Select(i => Fraction.Abs(computed[i] - exact[i])).Max()!;
        var tolerance = F(r.Certificate.Radius) + r.Rounding;
        var unit = r.Rounding + 3 * d * ExactDouble.Pow2(-52) * (r.Lambda.Select(Fraction.Abs).Max()! + r.Rounding);
        double observed = ExactDouble.ToDouble(error / unit);
        double certified = tolerance.IsZero ? 0 : ExactDouble.ToDouble(error / tolerance);
        return (error <= tolerance).Label(
                $"sorted eigenvalue error {ExactDouble.ToDouble(error):R} = {certified:R}·(ε + δ_r) = {observed:R}·(δ_r + 3d·2^-52·(‖H‖₂ + δ_r)) at {r.Description}")
            .Classify(observed > 1, "error above δ_r + 3d·2^-52·(‖H‖₂ + δ_r), the observation stated until stop 35 (its flush term left out)")
            .Classify(certified <= 1.0 / 64, "error ≤ (ε + δ_r)/64")
            .Classify(certified > 1.0 / 64 && certified <= 1.0 / 8, "error in ((ε + δ_r)/64, (ε + δ_r)/8]")
            .Classify(certified > 1.0 / 8 && certified <= 1.0 / 2, "error in ((ε + δ_r)/8, (ε + δ_r)/2]")
            .Classify(certified > 1.0 / 2, "error above (ε + δ_r)/2");
    });

    /// <summary>
    /// The case that exceeded the 2d·2^-52·‖H‖₂ documented until stop 32 (d = 3: 6 units): its worst eigenvalue error is
    /// 7.33·2^-52·‖H‖₂, within the 3d = 9 stated from stop 32 to stop 35 (kept as a pinned observation) and within the
    /// certified radius ε (plus δ_r) that the doc comment states since. This comment said until stop 35 that H is exact in
    /// doubles here (δ_r = 0); it is not (Q has odd denominators), so δ_r is part of the error, as in the properties.
    /// </summary>
    [Xunit.Fact]
    public void TheCaseThatExceededTheOldDocumentedAccuracy_IsWithinTheNewOne()
    {
        var r = new Reference(3, [-2, 3, -1], [-3, -4, 6], -104);
        Xunit.Assert.True(r.IsPaired);
        var unit = r.Lambda.Select(Fraction.Abs).Max() * ExactDouble.Pow2(-52);
        var worst = r.Computed.Select(p => Fraction.Abs(p.Value - r.Lambda[p.Pair]) / unit).Max();
        Xunit.Assert.InRange(ExactDouble.ToDouble(worst), 6.0, 9.0);
        Xunit.Assert.False(r.Rounding.IsZero);
        var radius = F(r.Certificate.Radius) + r.Rounding;
        Xunit.Assert.True(r.Computed.All(p => Fraction.Abs(p.Value - r.Lambda[p.Pair]) <= radius));
    }
}
