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
/// Prop. 6.5's Σ_i|λ_i|·‖v^(i)‖₁² and eq. (6.21)'s max_i|λ_i|·‖v^(i)‖₁/‖v^(i)‖∞ (balles-thesis §6.4.2) where eigenvalues
/// repeat or nearly repeat (d = 3 to 12; 9 to 12 in one case of four since stop 34; since stop 40 d = 3 to 8, 9 to 12 and
/// 13 to 20 in proportions 3 : 1 : 1, multiplicities at most <see cref="LargestMultiplicity"/> beyond d = 12). Inside a repeated eigenvalue's eigenspace both depend on which orthonormal basis
/// is taken, so no single exact value exists; what holds for every basis is checked instead. H = Q·diag(λ)·Qᵀ with Q the
/// exact Cayley transform of the other Cayley properties, λ_j = (m_j + t_j·2^-e)·2^k where the m_j repeat (at least one
/// does), t_j = 0, 1, 2, … counts the earlier j' with m_j' = m_j, and e = 0 (exactly repeated) or e ∈ [8, 80] (nearly:
/// each eigenvector is then ill-determined, the cluster's subspace is not). A cluster C is the set of j with one m_j:
/// k_C = |C|, P_C = Σ_{j∈C} q_j q_jᵀ the exact projector onto its span, g_C its gap to the rest of the spectrum
/// (≥ 2^k for e = 0, ≥ 2^k·(1 − (d − 1)·2^-e) otherwise).
/// </summary>
/// <remarks>
/// Basis-independent brackets, for any orthonormal basis w_1…w_k of range(P) and M = max_{s∈{±1}^d} sᵀPs (enumerated over
/// the 2^(d−1) sign vectors for d ≤ 12; for d ≥ 13, since stop 40, exactly by <see cref="LargestSignFormByArrangement"/>
/// from the extreme rays of range(P)'s sign arrangement, checked equal to the enumeration by
/// <see cref="LargestSignFormByArrangementProperties"/>):
/// <list type="bullet">
/// <item>M ≤ Σ_i‖w_i‖₁² ≤ k·M: ‖w‖₁ = max_s sᵀw, so Σ_i‖w_i‖₁² ≥ Σ_i(s*ᵀw_i)² = s*ᵀPs* = M at a maximizing s*; and
/// ‖w_i‖₁ = s_iᵀw_i = (Ps_i)ᵀw_i ≤ √(s_iᵀPs_i) ≤ √M for each i. The same two steps give, for any u_1…u_k in range(P)
/// with (1 − α)P ⪯ Σu_iu_iᵀ and ‖u_i‖₂² ≤ 1 + β: (1 − α)M ≤ Σ‖u_i‖₁² ≤ k(1 + β)M.</item>
/// <item>For u ≠ 0 in range(P): 1/max_j P_jj ≤ ‖u‖₁/‖u‖∞ ≤ M (|u_j| = |e_jᵀPu| ≤ √P_jj·‖u‖₂ and ‖u‖₁ ≥ ‖u‖₂²/‖u‖∞;
/// ‖u‖₂² ≤ ‖u‖₁‖u‖∞ and ‖u‖₁² ≤ M‖u‖₂²). For k = 1 the quotient is ‖q‖₁/‖q‖∞ exactly and is used as both ends.</item>
/// </list>
/// From the computed pairs to range(P), a posteriori (the very pairs the functions use, SignGeometryBounds.ScaledEigen,
/// λ̂_i taken back by 2^s; residuals in exact rationals against the exact H, so H's rounding, the flush and the solver
/// are all in them; u = 2^-53):
/// <list type="bullet">
/// <item>η_i = ‖H·v̂_i − λ̂_i·v̂_i‖₂/‖v̂_i‖₂ (roots enclosed outward): some λ_j lies within η_i of λ̂_i. With 2·max η_i &lt;
/// min g_C (checked) the cluster of that λ_j is unique; each cluster must receive k_C pairs (checked).</item>
/// <item>Davis–Kahan for a cluster (one vector against the subspace): û = v̂_i/‖v̂_i‖₂ = Σc_jq_j, η_i² = Σ(λ_j − λ̂_i)²c_j²
/// ≥ (g_C − η_i)²·‖(I − P)û‖₂², so ‖(I − P)v̂_i‖₂ ≤ ‖v̂_i‖₂·σ_i, σ_i = η_i/(g_C − η_i) (checked exactly too:
/// ‖(I − P)v̂‖₂² = v̂ᵀv̂ − v̂ᵀPv̂). For the cluster's V̂ (d×k) and U = PV̂: UᵀU = V̂ᵀV̂ − V̂ᵀ(I − P)V̂, so its eigenvalues lie in
/// [1 − ε − τ, 1 + ε] with ε ≥ ‖V̂ᵀV̂ − I‖_F (exact, root outward) and τ = Σ_i‖v̂_i‖₂²σ_i² ≥ ‖(I − P)V̂‖_F²; with
/// 1 − ε − τ &gt; 0 (checked) UUᵀ has rank k in range(P), so (1 − ε − τ)P ⪯ UUᵀ ⪯ (1 + ε)P: α = ε + τ, β = ε.</item>
/// <item>‖v̂_i‖₁ is within Δa_i = r_d‖v̂_i‖₂σ_i of ‖u_i‖₁ (r_d = ⌈4√d⌉/4 ≥ √d), ‖v̂_i‖∞ within Δb_i = ‖v̂_i‖₂σ_i of
/// ‖u_i‖∞; ‖u_i‖₁ ≤ r_d(1 + ε) and ‖u_i‖∞ ≥ ‖u_i‖₂/√d ≥ β_min = (1 − α)/r_d (√x ≥ x on [0, 1]); Δb_i &lt; β_min checked.</item>
/// <item>Prop. 6.5 of cluster C: Σ_{i∈C}‖v̂_i‖₁² ∈ [(1 − α)M − D, k(1 + β)M + D], D = Σ_iΔa_i(2r_d(1 + ε) + Δa_i), and
/// |λ̂_i| ∈ [min_{j∈C}|λ_j| − η_i, max_{j∈C}|λ_j| + η_i] (lower ends taken at 0 if negative); summed over the clusters.
/// Rounding as in the Cayley properties: γ_{3d−1} relative, ½·2^-1074 for the scaling back (2^-1074 used).</item>
/// <item>Eq. (6.21): each |λ̂_i|‖v̂_i‖₁/‖v̂_i‖∞ in [(min|λ_j| − η_i)·(L − Δa_i/β_min)/(1 + Δb_i/β_min),
/// (max|λ_j| + η_i)·(U + Δa_i/β_min)/(1 − Δb_i/β_min)] with [L, U] the cluster's quotient bracket; the max of the lower
/// ends to the max of the upper ends; rounding γ_{d+1} relative, 2^-1074.</item>
/// </list>
/// The thesis's claims themselves, on the computed output (no bracket needed, exact): with Ĥ the double H the function
/// sees and Δ = Ĥ − Σ_iλ̂_iv̂_iv̂_iᵀ exactly, (C.51) holds for any vectors, so ‖Ĥ‖∞,1 ≤ Σ|λ̂_i|‖v̂_i‖₁² + Σ_{jl}|Δ_jl|; and
/// ‖Ĥ‖∞,1 ≥ ‖Ĥv̂_i‖₁/‖v̂_i‖∞ ≥ |λ̂_i|‖v̂_i‖₁/‖v̂_i‖∞ − ‖Ĥv̂_i − λ̂_iv̂_i‖₁/‖v̂_i‖∞; ‖Ĥ‖∞,1 by exact enumeration for
/// d ≤ 12. For d ≥ 13 (Ĥ has full rank: no arrangement shortcut) each claim is checked against the side of ‖Ĥ‖∞,1 that
/// keeps it implied by the claim, so it can still fail but is weaker: Prop. 6.5's against a lower bound, ‖Ĥs‖₁ exactly at
/// the sign vectors a single-flip ascent reaches (<see cref="SearchedNormLower"/>); eq. (6.21)'s against the upper bound
/// min(Σ_{jl}|Ĥ_jl|, Σ_C max_{j∈C}|λ_j|·M_C + Σ_{jl}|Ĥ − H|_{jl}) (|sᵀHt| ≤ Σ_C max_{j∈C}|λ_j|·Σ_{j∈C}|sᵀq_j||q_jᵀt| ≤
/// Σ_C max_{j∈C}|λ_j|·√(sᵀP_Cs·tᵀP_Ct) by Cauchy–Schwarz, and ‖E‖∞,1 ≤ Σ|E_jl|). Measured in a stress run (220 cases,
/// d = 13 to 20): at d = 13 and 14 the lower bound was the exact ‖Ĥ‖∞,1 in 61 of 67 cases (0.945 of it at the least),
/// the upper bound 2.2 times it at the median (2.73 at most). Mutants dropping the square of ‖v‖₁, the quotient by ‖v‖∞
/// or the |·| of λ in SignGeometryBounds fail the brackets at the first case of a run drawing only d = 13 to 20 (d = 19);
/// with the brackets off, a mutant summing eq. (6.21)'s terms fails the upper bound there at once, while the dropped
/// square passed the lower bound in 52 cases (the exact norm of d ≤ 12 catches it at the 14th).
/// </remarks>
[Properties(MaxTest = 100)] // exact rational products up to 20×20, up to 2^11 sign vectors a cluster (d ≤ 12) or C(20, 3) row subsets (d ≥ 13): 0.2 to 0.26 s a case at d = 13 to 20
public class SignGeometryBoundsClusterProperties
{
    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static Fraction Max(Fraction a, Fraction b) => a > b ? a : b;

    private static Fraction Positive(Fraction a) => a > Fraction.Zero ? a : Fraction.Zero;

    /// <summary>One case: d, the upper triangle of 2K, the m_j (one at least repeated), e (0: exact repeats), k.</summary>
    /// <remarks>d = 13 to 20 in one case of five, with every multiplicity at most <see cref="LargestMultiplicity"/>.</remarks>
    private static Gen<(int Dimension, int[] Skew, int[] Multipliers, int Separation, int Exponent)> Cases { get; } =
        CasesOf(Gen.Frequency((3, Gen.Choose(3, 8)), (1, Gen.Choose(9, 12)), (1, Gen.Choose(LargestEnumerated + 1, 20))), LargestMultiplicity);

    /// <summary>The largest d whose M and ‖Ĥ‖∞,1 are enumerated over all 2^(d−1) sign vectors.</summary>
    private const int LargestEnumerated = 12;

    /// <summary>
    /// The largest cluster multiplicity k drawn for d &gt; <see cref="LargestEnumerated"/>, where M comes from
    /// <see cref="LargestSignFormByArrangement"/> (C(d, k − 1) subsets of rows: 1140 at d = 20).
    /// </summary>
    private const int LargestMultiplicity = 4;

    /// <summary>
    /// Cases as <see cref="Cases"/> of the dimensions drawn by <paramref name="dimension"/>; for d above
    /// <see cref="LargestEnumerated"/> each label is used at most <paramref name="largeMultiplicity"/> times (when given):
    /// ⌈d/k⌉ to d − 1 labels, each of k slots, shuffled, the first d taken.
    /// </summary>
    private static Gen<(int Dimension, int[] Skew, int[] Multipliers, int Separation, int Exponent)> CasesOf(Gen<int> dimension, int? largeMultiplicity = null) =>
        from d in dimension
        from skew in Gen.ArrayOf(Gen.Choose(-4, 4), d * (d - 1) / 2)
        from distinct in Gen.Choose(d > LargestEnumerated && largeMultiplicity is { } most ? (d + most - 1) / most : 1, Math.Min(d - 1, 17)) // the pool holds the 17 multipliers −8…8
        from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), 17)
        from labels in d > LargestEnumerated && largeMultiplicity is { } most
            ? Gen.Shuffle(Enumerable.Range(0, distinct * most).Select(slot => slot % distinct).ToArray()).Select(a => a.Take(d).ToArray())
            : Gen.ArrayOf(Gen.Choose(0, distinct - 1), d)
        from e in Gen.Frequency((2, Gen.Constant(0)), (2, Gen.Choose(30, 80)), (1, Gen.Choose(8, 29)))
        from k in Gen.Frequency(
            (4, Gen.Choose(-1060, 1020)),
            (1, Gen.Choose(-1060, -1030)), // H near and on the subnormal grid
            (1, Gen.Choose(1005, 1020)), // bounds near and beyond double.MaxValue
            (1, Gen.Choose(-8, 8)))
        select (d, skew, Multipliers(keys, labels), e, k);

    /// <summary>m_j = the labels_j-th of −8…8 ordered by the keys: distinct per label, so d labels from fewer repeat.</summary>
    private static int[] Multipliers(int[] keys, int[] labels)
    {
        var pool = Enumerable.Range(-8, 17).OrderBy(v => keys[v + 8]).ThenBy(v => v).ToArray();
        return labels.Select(l => pool[l]).ToArray();
    }

    /// <summary>λ_j = (m_j + t_j·2^-e)·2^k, t_j the number of earlier j' with m_j' = m_j (e = 0: exact repeats).</summary>
    private static Fraction[] Spectrum(int[] multipliers, int separation, int k)
    {
        var lambda = new Fraction[multipliers.Length];
        for (int j = 0; j < lambda.Length; j++)
        {
            int t = Enumerable.Range(0, j).Count(l => multipliers[l] == multipliers[j]);
            var offset = separation == 0 ? Fraction.Zero : t * ExactDouble.Pow2(-separation);
            lambda[j] = (multipliers[j] + offset) * ExactDouble.Pow2(k);
        }
        return lambda;
    }

    /// <summary>
    /// The eigenvalue accuracy SignGeometryBounds states, derived, where eigenvalues repeat or nearly repeat (the
    /// certificate needs no gap), d = 3 to 20 (13 to 20 in two cases of three; no sign-vector enumeration is needed
    /// here): sorted, the λ̂_i of the pairs the functions use (in H's units) within ε + δ_r of the exact λ_i, ε =
    /// <see cref="SignGeometryBounds.EigenCertificate"/>'s radius of the double Ĥ, δ_r = ‖Ĥ − H‖∞ exactly (Weyl).
    /// </summary>
    [Property]
    public Property ComputedEigenvalues_WithRepeatedEigenvalues_AreWithinTheCertifiedRadius() => Prop.ForAll(
        CasesOf(Gen.Frequency((1, Gen.Choose(3, 12)), (2, Gen.Choose(13, 20)))).ToArbitrary(), c =>
    {
        int d = c.Dimension;
        var lambda = Spectrum(c.Multipliers, c.Separation, c.Exponent);
        var exact = SignGeometryBoundsCayleyProperties.Conjugated(SignGeometryBoundsCayleyProperties.CayleyOfHalves(d, c.Skew), lambda);
        var rounded = exact.ToDouble();
        var rounding = Fraction.Zero;
        for (int i = 0; i < d; i++)
            rounding = Max(rounding, Enumerable.Range(0, d).Aggregate(Fraction.Zero, (sum, j) => sum + Fraction.Abs(F(rounded[i, j]) - exact[i, j])));
        var (evd, s) = SignGeometryBounds.ScaledEigen(rounded);
        var back = ExactDouble.Pow2(s);
        var computed = Enumerable.Range(0, d).Select(i => back * F(evd.EigenValues[i].Real)).OrderBy(x => x).ToArray();
        var sorted = lambda.OrderBy(x => x).ToArray();
        var error = Enumerable.Range(0, d).Select(i => Fraction.Abs(computed[i] - sorted[i])).Aggregate(Fraction.Zero, Max);
        var tolerance = F(SignGeometryBounds.EigenCertificate(rounded).Radius) + rounding;
        double ratio = tolerance.IsZero ? 0 : ExactDouble.ToDouble(error / tolerance);
        return (error <= tolerance).Label(
                $"sorted eigenvalue error {ExactDouble.ToDouble(error):R} = {ratio:R}·(ε + δ_r) at d = {d}, 2K upper = [{string.Join(", ", c.Skew)}], m = [{string.Join(", ", c.Multipliers)}], e = {c.Separation}, k = {c.Exponent}")
            .Classify(ratio > 0.5, "error above (ε + δ_r)/2")
            .Classify(ratio <= 1.0 / 64, "error ≤ (ε + δ_r)/64");
    });

    private sealed record Cluster(int[] Members, Fraction[,] P, Fraction M, Fraction RatioLow, Fraction RatioHigh, Fraction LowAbs, Fraction HighAbs, Fraction Gap);

    private sealed record Pair(Fraction[] V, Fraction Value, Fraction Eta, Fraction NormLow, Fraction NormHigh, int Cluster);

    /// <summary>The exact brackets of one case, derived as in the remarks.</summary>
    private sealed class Reference
    {
        public Reference(int d, int[] skew, int[] multipliers, int separation, int k)
        {
            var q = SignGeometryBoundsCayleyProperties.CayleyOfHalves(d, skew);
            Q = q;
            var lambda = Spectrum(multipliers, separation, k);
            Lambda = lambda;
            Exact = SignGeometryBoundsCayleyProperties.Conjugated(q, lambda);
            var exact = Exact;
            Rounded = exact.ToDouble();
            Description = $"d = {d}, 2K upper = [{string.Join(", ", skew)}], m = [{string.Join(", ", multipliers)}], e = {separation}, k = {k}";
            var rootD = SignGeometryBoundsCayleyProperties.RootUpper(d);

            // The clusters: members, exact projector, M, the quotient bracket, |λ| range and gap.
            var groups = Enumerable.Range(0, d).GroupBy(j => multipliers[j]).Select(g => g.ToArray()).ToArray();
            Clusters = groups.Select(members =>
            {
                var p = new Fraction[d, d];
                for (int i = 0; i < d; i++)
                    for (int j = 0; j < d; j++)
                    {
                        var sum = Fraction.Zero;
                        foreach (int l in members)
                            sum += q[i, l] * q[j, l];
                        p[i, j] = sum;
                    }
                var m = d <= LargestEnumerated ? LargestSignForm(p) : LargestSignFormByArrangement.Of(p).Value;
                Fraction low, high;
                if (members.Length == 1)
                {
                    var column = Enumerable.Range(0, d).Select(i => Fraction.Abs(q[i, members[0]])).ToArray();
                    low = high = column.Aggregate(Fraction.Zero, (a, b) => a + b) / column.Aggregate(Fraction.Zero, Max);
                }
                else
                {
                    low = 1 / Enumerable.Range(0, d).Select(i => p[i, i]).Aggregate(Fraction.Zero, Max);
                    high = m;
                }
                var abs = members.Select(j => Fraction.Abs(lambda[j])).ToArray();
                var others = Enumerable.Range(0, d).Where(l => !members.Contains(l)).ToArray();
                var gap = others.Length == 0 ? (Fraction?)null : members.SelectMany(j => others.Select(l => Fraction.Abs(lambda[j] - lambda[l]))).Aggregate((a, b) => b < a ? b : a);
                return new Cluster(members, p, m, low, high, abs.Aggregate((a, b) => b < a ? b : a), abs.Aggregate(Max), gap ?? Fraction.Zero);
            }).ToArray();
            int[] clusterOf = new int[d];
            for (int c = 0; c < Clusters.Length; c++)
                foreach (int j in Clusters[c].Members)
                    clusterOf[j] = c;
            var minGap = Clusters.Length == 1 ? (Fraction?)null : Clusters.Select(c => c.Gap).Aggregate((a, b) => b < a ? b : a);

            // The computed pairs, a posteriori against the exact H.
            var (evd, s) = SignGeometryBounds.ScaledEigen(Rounded);
            var back = ExactDouble.Pow2(s);
            var pairs = new Pair[d];
            for (int i = 0; i < d; i++)
            {
                var (v, value, eta, norm) = SignGeometryBoundsCayleyProperties.ComputedPair(exact, evd, back, i);
                int nearest = Enumerable.Range(0, d).MinBy(j => Fraction.Abs(lambda[j] - value));
                if (Fraction.Abs(lambda[nearest] - value) > eta)
                    return; // not within its residual of any eigenvalue: IsPaired reports it
                pairs[i] = new Pair(v, value, eta, norm.Lower, norm.Upper, clusterOf[nearest]);
            }
            Pairs = pairs;
            IsPaired = true;
            Eta = pairs.Select(p => p.Eta).Aggregate(Max);
            if (minGap is { } g && 2 * Eta >= g)
                return; // the cluster of a pair is ambiguous: IsIsolated reports it
            IsIsolated = true;
            if (Clusters.Select((c, index) => pairs.Count(p => p.Cluster == index) != c.Members.Length).Any(wrong => wrong))
                return; // IsCounted reports it
            IsCounted = true;

            var prop65Low = Fraction.Zero;
            var prop65High = Fraction.Zero;
            var eq621Low = Fraction.Zero;
            var eq621High = Fraction.Zero;
            for (int c = 0; c < Clusters.Length; c++)
            {
                var cluster = Clusters[c];
                var mine = pairs.Where(p => p.Cluster == c).ToArray();
                var sigma = mine.Select(p => cluster.Gap.IsZero && Clusters.Length == 1 ? Fraction.Zero : p.Eta / (cluster.Gap - p.Eta)).ToArray();
                for (int i = 0; i < mine.Length; i++)
                {
                    var v = mine[i].V;
                    var projected = Fraction.Zero;
                    var squared = Fraction.Zero;
                    for (int a = 0; a < d; a++)
                    {
                        squared += v[a] * v[a];
                        for (int b = 0; b < d; b++)
                            projected += v[a] * cluster.P[a, b] * v[b];
                    }
                    var bound = mine[i].NormHigh * sigma[i];
                    if (squared - projected > bound * bound)
                        return; // IsDavisKahan reports it
                }
                var gramDeviation = Fraction.Zero;
                for (int a = 0; a < mine.Length; a++)
                    for (int b = 0; b < mine.Length; b++)
                    {
                        var dot = Fraction.Zero;
                        for (int j = 0; j < d; j++)
                            dot += mine[a].V[j] * mine[b].V[j];
                        var entry = a == b ? dot - 1 : dot;
                        gramDeviation += entry * entry;
                    }
                var epsilon = RationalInterval.Exact(gramDeviation).Sqrt(80).Upper;
                var tau = Enumerable.Range(0, mine.Length).Select(i => mine[i].NormHigh * mine[i].NormHigh * sigma[i] * sigma[i]).Aggregate(Fraction.Zero, (a, b) => a + b);
                var alpha = epsilon + tau;
                if (alpha >= 1)
                    return; // IsSpanning reports it
                var betaMin = (1 - alpha) / rootD;
                var sumLow = (1 - alpha) * cluster.M;
                var sumHigh = mine.Length * (1 + epsilon) * cluster.M;
                var spread = Fraction.Zero;
                var etaC = mine.Select(p => p.Eta).Aggregate(Max);
                for (int i = 0; i < mine.Length; i++)
                {
                    var deltaA = rootD * mine[i].NormHigh * sigma[i];
                    var deltaB = mine[i].NormHigh * sigma[i];
                    if (deltaB >= betaMin)
                        return; // IsSpanning reports it
                    spread += deltaA * (2 * rootD * (1 + epsilon) + deltaA);
                    var ratioLow = Positive(cluster.RatioLow - deltaA / betaMin) / (1 + deltaB / betaMin);
                    var ratioHigh = (cluster.RatioHigh + deltaA / betaMin) / (1 - deltaB / betaMin);
                    eq621Low = Max(eq621Low, Positive(cluster.LowAbs - mine[i].Eta) * ratioLow);
                    eq621High = Max(eq621High, (cluster.HighAbs + mine[i].Eta) * ratioHigh);
                }
                prop65Low += Positive(cluster.LowAbs - etaC) * Positive(sumLow - spread);
                prop65High += (cluster.HighAbs + etaC) * (sumHigh + spread);
            }
            IsSpanning = true;
            var gamma65 = ExactAgreement.Gamma(3 * d - 1);
            var gamma621 = ExactAgreement.Gamma(d + 1);
            Prop65Low = (1 - gamma65) * prop65Low - Tiny;
            Prop65High = (1 + gamma65) * prop65High + Tiny;
            Eq621Low = (1 - gamma621) * eq621Low - Tiny;
            Eq621High = (1 + gamma621) * eq621High + Tiny;

            // The claims on the computed output, against Ĥ exactly.
            var hat = InfToOneNormExact.ToFractions(Rounded.ToArray());
            if (d <= LargestEnumerated)
            {
                NormLow = NormHigh = InfToOneNormExact.Compute(hat).Value;
                IsNormExact = true;
            }
            else
            {
                NormLow = SearchedNormLower(hat, Rounded, pairs.Select(p => p.V));
                var rounding = Fraction.Zero;
                for (int a = 0; a < d; a++)
                    for (int b = 0; b < d; b++)
                        rounding += Fraction.Abs(hat[a, b] - exact[a, b]);
                var entrywise = Fraction.Zero;
                foreach (var entry in hat)
                    entrywise += Fraction.Abs(entry);
                var spectral = Clusters.Aggregate(Fraction.Zero, (sum, cluster) => sum + cluster.HighAbs * cluster.M) + rounding;
                NormHigh = spectral < entrywise ? spectral : entrywise;
            }
            var remainder = Fraction.Zero;
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++)
                {
                    var entry = hat[a, b];
                    foreach (var p in pairs)
                        entry -= p.Value * p.V[a] * p.V[b];
                    remainder += Fraction.Abs(entry);
                }
            Remainder = remainder;
            ResidualOverInfinity = pairs.Select(p =>
            {
                var l1 = Fraction.Zero;
                for (int a = 0; a < d; a++)
                {
                    var r = -p.Value * p.V[a];
                    for (int b = 0; b < d; b++)
                        r += hat[a, b] * p.V[b];
                    l1 += Fraction.Abs(r);
                }
                return l1 / p.V.Select(Fraction.Abs).Aggregate(Max);
            }).Aggregate(Max);
            Gamma65 = gamma65;
            Gamma621 = gamma621;
            IsDerived = true;
        }

        public ExactMatrix Q { get; }

        public Fraction[] Lambda { get; }

        public ExactMatrix Exact { get; }

        public Matrix<double> Rounded { get; }

        public string Description { get; }

        public Cluster[] Clusters { get; }

        public Pair[] Pairs { get; } = [];

        /// <summary>The largest a-posteriori η_i.</summary>
        public Fraction Eta { get; }

        /// <summary>Every λ̂_i lies within its η_i of an exact eigenvalue.</summary>
        public bool IsPaired { get; }

        /// <summary>2·max η_i below every cluster's gap, so each pair's cluster is unique.</summary>
        public bool IsIsolated { get; }

        /// <summary>Each cluster received as many computed pairs as its multiplicity.</summary>
        public bool IsCounted { get; }

        /// <summary>α = ε + τ &lt; 1 and Δb_i &lt; β_min for every pair: the computed vectors span each cluster's subspace.</summary>
        public bool IsSpanning { get; }

        /// <summary>Every step of the remarks applied, the Davis–Kahan bound held exactly, so the brackets are set.</summary>
        public bool IsDerived { get; }

        public Fraction Prop65Low { get; }

        public Fraction Prop65High { get; }

        public Fraction Eq621Low { get; }

        public Fraction Eq621High { get; }

        /// <summary>‖Ĥ‖∞,1 of the double H, exactly where <see cref="IsNormExact"/>, else a lower bound (see the remarks).</summary>
        public Fraction NormLow { get; }

        /// <summary>‖Ĥ‖∞,1 of the double H, exactly where <see cref="IsNormExact"/>, else an upper bound (see the remarks).</summary>
        public Fraction NormHigh { get; }

        /// <summary>d ≤ <see cref="LargestEnumerated"/>: ‖Ĥ‖∞,1 enumerated exactly.</summary>
        public bool IsNormExact { get; }

        /// <summary>Σ_{jl}|Ĥ − Σ_iλ̂_iv̂_iv̂_iᵀ|_{jl}, exactly.</summary>
        public Fraction Remainder { get; }

        /// <summary>max_i ‖Ĥv̂_i − λ̂_iv̂_i‖₁/‖v̂_i‖∞, exactly.</summary>
        public Fraction ResidualOverInfinity { get; }

        public Fraction Gamma65 { get; }

        public Fraction Gamma621 { get; }

        public bool IsOrthogonal => (Q.Transpose() * Q - ExactMatrix.Identity(Q.Rows)).MaxAbs().IsZero;

        public bool IsSymmetric => (Exact - Exact.Transpose()).MaxAbs().IsZero && Rounded.Equals(Rounded.Transpose());
    }

    /// <summary>
    /// max_{s∈{±1}^d} sᵀPs over the 2^(d−1) vectors with s_0 = 1 (sᵀPs is even in s), in Gray-code order: flipping s_j
    /// changes y = Ps by −2s_j·P_{:,j}, and sᵀPs = sᵀy.
    /// </summary>
    internal static Fraction LargestSignForm(Fraction[,] p)
    {
        int d = p.GetLength(0);
        var x = Enumerable.Repeat(1, d).ToArray();
        var y = new Fraction[d];
        for (int a = 0; a < d; a++)
        {
            y[a] = Fraction.Zero;
            for (int b = 0; b < d; b++)
                y[a] += p[a, b];
        }
        Fraction Form()
        {
            var sum = Fraction.Zero;
            for (int a = 0; a < d; a++)
                sum += x[a] > 0 ? y[a] : -y[a];
            return sum;
        }
        var best = Form();
        for (long step = 1; step < 1L << (d - 1); step++)
        {
            int j = 1 + System.Numerics.BitOperations.TrailingZeroCount(step);
            var twice = new Fraction(-2 * x[j]);
            x[j] = -x[j];
            for (int a = 0; a < d; a++)
                y[a] += twice * p[a, j];
            best = Max(best, Form());
        }
        return best;
    }

    /// <summary>
    /// A lower bound of ‖Ĥ‖∞,1 = max_s ‖Ĥs‖₁ (d above <see cref="LargestEnumerated"/>): ‖Ĥs‖₁ exactly at the s that a
    /// single-flip ascent on ‖Ĥs‖₁ in doubles (Ĥ scaled by a power of two) reaches from s = 1 and from the signs of each
    /// computed eigenvector. Any s gives a lower bound; the doubles only choose s.
    /// </summary>
    private static Fraction SearchedNormLower(Fraction[,] hat, Matrix<double> rounded, IEnumerable<Fraction[]> starts)
    {
        int d = rounded.RowCount;
        double largest = rounded.Enumerate().Select(Math.Abs).Max();
        int e = largest == 0 ? 0 : Math.ILogB(largest);
        var h = new double[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                h[i, j] = Math.ScaleB(rounded[i, j], -e);
        var best = Fraction.Zero;
        foreach (var start in starts.Prepend(Enumerable.Repeat(Fraction.One, d).ToArray()))
        {
            var s = start.Select(x => x >= Fraction.Zero ? 1 : -1).ToArray();
            var y = new double[d];
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                    y[i] += h[i, j] * s[j];
            double value = y.Sum(Math.Abs);
            bool improved = true;
            for (int sweep = 0; improved && sweep < 100; sweep++)
            {
                improved = false;
                for (int j = 0; j < d; j++)
                {
                    double flipped = 0;
                    for (int i = 0; i < d; i++)
                        flipped += Math.Abs(y[i] - 2 * s[j] * h[i, j]);
                    if (flipped > value)
                    {
                        for (int i = 0; i < d; i++)
                            y[i] -= 2 * s[j] * h[i, j];
                        s[j] = -s[j];
                        value = flipped;
                        improved = true;
                    }
                }
            }
            var exact = Fraction.Zero;
            for (int i = 0; i < d; i++)
            {
                var row = Fraction.Zero;
                for (int j = 0; j < d; j++)
                    row = s[j] > 0 ? row + hat[i, j] : row - hat[i, j];
                exact += Fraction.Abs(row);
            }
            best = Max(best, exact);
        }
        return best;
    }

    private static Property Sane(Reference r) =>
        r.IsOrthogonal.Label($"QᵀQ ≠ I at {r.Description}")
            .And(r.IsSymmetric.Label($"H not symmetric at {r.Description}"))
            .And(r.IsPaired.Label($"a computed eigenvalue lies farther than its residual bound from every exact one at {r.Description}"))
            .And((!r.IsPaired || r.IsIsolated).Label($"2η ≥ a cluster's gap: outside the derivation at {r.Description}"))
            .And((!r.IsIsolated || r.IsCounted).Label($"a cluster received a number of computed pairs other than its multiplicity at {r.Description}"))
            .And((!r.IsCounted || r.IsDerived).Label($"Davis–Kahan's bound failed, or α ≥ 1 or Δb ≥ β_min: outside the derivation at {r.Description}"));

    /// <summary>
    /// Within [low, high] (rounding and 2^-1074 included), and the claim on the value; rejected naming h and the quantity
    /// where even low passes double.MaxValue; either where high does.
    /// </summary>
    private static Property Bracket(Func<double> compute, Fraction low, Fraction high, Func<Fraction, bool> claim, string quantity, string claimText, string at)
    {
        if (low >= ExactAgreement.OverflowThreshold)
            return ArgumentAssert.IsRejection(() => compute(), "h", quantity).Label($"{quantity} not rejected at {at}");
        double computed;
        try
        {
            computed = compute();
        }
        catch (ArgumentException) when (high >= ExactAgreement.OverflowThreshold)
        {
            return true.Label("rejected within the bracket's reach of the overflow threshold");
        }
        var value = F(computed);
        return (value >= low && value <= high).Label(
                $"{quantity} = {computed:R} outside [{ExactDouble.ToDouble(low):R}, {ExactDouble.ToDouble(high):R}] at {at}")
            .And(claim(value).Label($"{claimText}: {quantity} = {computed:R} at {at}"));
    }

    /// <summary>
    /// Prop65Bound of H with repeated or nearly repeated eigenvalues lies in the basis-independent bracket of the remarks,
    /// and the computed bound is at least ‖Ĥ‖∞,1 (Prop. 6.5 itself, up to the exact remainder of the decomposition and
    /// the rounding of the sum).
    /// </summary>
    [Property]
    public Property Prop65Bound_WithRepeatedEigenvalues_IsWithinTheBasisIndependentBracket() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var r = new Reference(c.Dimension, c.Skew, c.Multipliers, c.Separation, c.Exponent);
        if (!r.IsDerived)
            return Sane(r);
        return Sane(r).And(Bracket(
            () => SignGeometryBounds.Prop65Bound(r.Rounded), r.Prop65Low, r.Prop65High,
            value => r.NormLow <= (value + Tiny) / (1 - r.Gamma65) + r.Remainder,
            "Σ|λ_i|·‖v_i‖₁²", $"below ‖Ĥ‖∞,1 {(r.IsNormExact ? "=" : "≥")} {ExactDouble.ToDouble(r.NormLow):R} by more than the remainder {ExactDouble.ToDouble(r.Remainder):R}", r.Description));
    });

    /// <summary>
    /// Eq621LowerBound of H with repeated or nearly repeated eigenvalues lies in the basis-independent bracket of the
    /// remarks, and the computed bound is at most ‖Ĥ‖∞,1 (eq. (6.21) itself, up to the exact residual term and rounding).
    /// </summary>
    [Property]
    public Property Eq621LowerBound_WithRepeatedEigenvalues_IsWithinTheBasisIndependentBracket() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var r = new Reference(c.Dimension, c.Skew, c.Multipliers, c.Separation, c.Exponent);
        if (!r.IsDerived)
            return Sane(r);
        return Sane(r).And(Bracket(
            () => SignGeometryBounds.Eq621LowerBound(r.Rounded), r.Eq621Low, r.Eq621High,
            value => value <= (1 + r.Gamma621) * (r.NormHigh + r.ResidualOverInfinity) + Tiny,
            "max_i |λ_i|·‖v_i‖₁/‖v_i‖∞", $"above ‖Ĥ‖∞,1 {(r.IsNormExact ? "=" : "≤")} {ExactDouble.ToDouble(r.NormHigh):R} by more than the residual term {ExactDouble.ToDouble(r.ResidualOverInfinity):R}", r.Description));
    });
}
