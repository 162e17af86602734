using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.SignGeometry;
using static Verification.Numerics.SignGeometry.SignGeometryFormulas;

namespace Verification.Claims.Catalog.Balles;

/// <summary>
/// balles-thesis appendix C.2: the closed forms (C.14)–(C.17) for the 2×2 PD quadratic, and the side note's sentence
/// "We see that λ_max can easily exceed l_max".
/// </summary>
internal static class AppC2
{
    internal static Claim Claim() => new(
        "balles/app-C.2",
        SignSources.Of("Appendix C.2", "(C.14)–(C.17)", "C.2"),
        "For PD H = [[a, b], [b, d]]: L∞(H) = a + d + 2|b| (C.14), = L_sep(H); ρ_diag(H)⁻¹Σλ_i = a + d + 2|b| (C.15); " +
        "λ_1/2 = (a+d)/2 ± √((a−d)²/4 + b²) (C.16); for d ≥ a, l_max = d + |b| (C.17); and \"we see that λ_max can easily exceed l_max\".",
        "Every PD 2×2 H (b = 0, a = d, b² → ad, 2^±40 scales). l = (l_1, l_2) is the minimizer of eq. (6.25). The closing sentence is " +
        "read as \"for H with b ≠ 0 (the non-axis-aligned case the example is about), λ_max > l_max\": an existential \"can exceed\" is not " +
        "refutable by one input, but no witness exists either, since diag(l) ⪰ H forces l_max ≥ λ_max for every H.",
        [new C14(), new LinfEqualsLsep(), new C15(), new C16(), new C17(), new Sentence()]);

    private static T Closed<T>(T a, T b, T d) where T : IReal<T> => a + d + 2 * T.Abs(b);

    private const string Exact = "Double-precision allowance 1e-14 of the scale (both sides round a handful of operations, ≤ 2^-53 each, and many " +
                                 "inputs attain the identity exactly, so rounding noise would otherwise send most of them to exact arithmetic); " +
                                 "both sides are rational in a, b, d and exact arithmetic decides every violation beyond it.";

    private const double FewRoundings = 1e-14;

    /// <summary>‖H‖∞,1 = a + d + 2|b|.</summary>
    private sealed class C14 : Statement<PositiveDefinitePair>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public C14()
        {
            Name = "C.14";
            Description = "For all PD H: ‖H‖∞,1 = a + d + 2|b|.";
            Tolerance = Exact;
            Domain = PositiveDefinitePair.Domain;
            MarginUnit = "relative to a + d + 2|b|";
        }

        public override Relation<T> Evaluate<T>(PositiveDefinitePair input)
        {
            var (a, b, d) = input.ReadPositiveDefinite<T>();
            var closed = Closed(a, b, d);
            return Relation.Equal(InfToOne(PositiveDefinitePair.Matrix(a, b, d)), closed, closed, FewRoundings);
        }

        public override string Explain(PositiveDefinitePair input) => "‖H‖∞,1 differs from a + d + 2|b|.";
    }

    /// <summary>L∞(H) = L_sep(H): ⟨H, Y⟩ ≤ L∞ ≤ Σl with the witness's dual Y and primal l.</summary>
    private sealed class LinfEqualsLsep : Statement<PositiveDefinitePair>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public LinfEqualsLsep()
        {
            Name = "Linf-equals-Lsep";
            Description = "For all PD H: L∞(H) = L_sep(H), i.e. L_sep's certified lower bound ≤ L∞ ≤ its certified upper bound.";
            Tolerance = Prop66.LsepTolerance + "A violation is certified only where L∞ leaves the bracket.";
            Domain = PositiveDefinitePair.Domain;
            MarginUnit = "relative to L∞ + L_sep";
        }

        public override Relation<T> Evaluate<T>(PositiveDefinitePair input)
        {
            var (a, b, d) = input.ReadPositiveDefinite<T>();
            var h = PositiveDefinitePair.Matrix(a, b, d);
            var witness = SeparableWitnessCache.Of(input.H);
            var (feasible, upper) = SeparableSmoothnessFormulas.UpperBound(h, witness);
            if (!feasible)
                return Relation.Undecided<T>("the L_sep witness's l is not feasible for this H (diag(l) − H ⋡ 0)");
            var lower = SeparableSmoothnessFormulas.LowerBound(h, witness);
            var linf = InfToOne(h);
            return Relation.All([
                Relation.LessOrEqual(linf, upper, linf + upper).Labelled("L∞ ≤ L_sep (upper bound)"),
                Relation.LessOrEqual(lower, linf, linf + upper).Labelled("L_sep (lower bound) ≤ L∞"),
            ]);
        }

        public override string Explain(PositiveDefinitePair input) => "L∞ lies outside the certified bracket of L_sep.";
    }

    /// <summary>ρ_diag(H)⁻¹ Σλ_i = a + d + 2|b| with Σλ_i = tr H.</summary>
    private sealed class C15 : Statement<PositiveDefinitePair>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public C15()
        {
            Name = "C.15";
            Description = "For all PD H: ρ_diag(H)⁻¹ Σλ_i = a + d + 2|b| (Σλ_i = tr H, the eigenvalue sum of any square matrix).";
            Tolerance = Exact;
            Domain = PositiveDefinitePair.Domain;
            MarginUnit = "relative to a + d + 2|b|";
            // Both sides are rational in a, b, d once the signs of a, b, d are fixed: proved exactly on a PD grid box in each
            // half b ≥ 0, b ≤ 0, extended to the regions a, d > 0 (which every PD H lies in); the hypothesis ad − b² > 0 is
            // not decided there, but a point that fails it is outside the claim.
            Proofs = [HalfSpace(nonNegativeB: true), HalfSpace(nonNegativeB: false)];
        }

        public override Relation<T> Evaluate<T>(PositiveDefinitePair input)
        {
            var (a, b, d) = input.ReadPositiveDefinite<T>();
            var h = PositiveDefinitePair.Matrix(a, b, d);
            var closed = Closed(a, b, d);
            return Relation.Equal(EntrywiseL1(h) * Trace(h) / DiagonalL1(h), closed, closed, FewRoundings);
        }

        public override string Explain(PositiveDefinitePair input) => "ρ_diag⁻¹Σλ differs from a + d + 2|b|.";
    }

    /// <summary>
    /// One half of the stated domain for the exact identity method: the grid box a, d ∈ [2, 3], |b| ∈ [1/2, 1] (PD: ad − b²
    /// ≥ 3), with b's sign fixed, extended to the region a &gt; 0, d &gt; 0 and b ≥ 0 (or b ≤ 0). PD forces d &gt; 0
    /// (ad &gt; b² ≥ 0 with a &gt; 0), so the two regions together contain every PD H.
    /// </summary>
    private static ProofDomain<PositiveDefinitePair> HalfSpace(bool nonNegativeB) => new()
    {
        Box = [new ProofCoordinate("a", 2, 3), new ProofCoordinate("b", nonNegativeB ? 0.5 : -1, nonNegativeB ? 1 : -0.5), new ProofCoordinate("d", 2, 3)],
        At = v => new PositiveDefinitePair(v[0], v[1], v[2]),
        CoversStatedDomain = true,
        Identity = new ExactIdentity
        {
            Region = [RegionInterval.Positive, nonNegativeB ? RegionInterval.NonNegative : -RegionInterval.NonNegative, RegionInterval.Positive],
        },
    };

    /// <summary>The closed-form eigenvalues are roots of det(H − λI).</summary>
    private sealed class C16 : Statement<PositiveDefinitePair>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public C16()
        {
            Name = "C.16";
            Description = "For all PD H: λ = (a+d)/2 ± √((a−d)²/4 + b²) are the roots of det(H − λI) = (a − λ)(d − λ) − b².";
            Tolerance = "Double-precision allowance 1e-13 of the scale: det(H − λI) cancels terms of size (a + d)² around a rounded √; " +
                        "exact enclosures of √ at 128–2048 bits decide every violation beyond it.";
            Domain = PositiveDefinitePair.Domain;
            MarginUnit = "relative to (a + d)² + b² (the size of the terms of det(H − λI))";
        }

        public override Relation<T> Evaluate<T>(PositiveDefinitePair input)
        {
            var (a, b, d) = input.ReadPositiveDefinite<T>();
            var (max, min) = Eigenvalues2x2(a, b, d);
            var scale = (a + d) * (a + d) + b * b;
            T Det(T l) => (a - l) * (d - l) - b * b;
            return Relation.All([
                Relation.Equal(Det(max), T.Of(0), scale, allowance: 1e-13).Labelled("det(H − λ_max I) = 0"),
                Relation.Equal(Det(min), T.Of(0), scale, allowance: 1e-13).Labelled("det(H − λ_min I) = 0"),
            ]);
        }

        public override string Explain(PositiveDefinitePair input) => "The stated λ is not a root of the characteristic polynomial.";
    }

    /// <summary>l* = (a + |b|, d + |b|) is feasible and optimal for eq. (6.25).</summary>
    private sealed class C17 : Statement<PositiveDefinitePair>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public C17()
        {
            Name = "C.17";
            Description = "For all PD H: l* = (a + |b|, d + |b|) is feasible (diag(l*) − H ⪰ 0: its diagonal and determinant are ≥ 0) and " +
                          "optimal (Σl* equals the dual value ⟨H, Y*⟩ of Y* = [[1, sign b], [sign b, 1]] ⪰ 0, Y*_ii = 1), so l_max = " +
                          "max(a, d) + |b| = d + |b| when d ≥ a.";
            Tolerance = Exact;
            Domain = PositiveDefinitePair.Domain;
            MarginUnit = "relative to a + d + 2|b|";
        }

        public override Relation<T> Evaluate<T>(PositiveDefinitePair input)
        {
            var (a, b, d) = input.ReadPositiveDefinite<T>();
            var abs = T.Abs(b);
            T[] l = [a + abs, d + abs];
            var slack = DiagonalPlus(l, PositiveDefinitePair.Matrix(a, b, d), -1);
            var scale = Closed(a, b, d);
            var dual = a + d + 2 * T.Sign(b) * b;
            return Relation.All([
                Relation.LessOrEqual(-slack[0, 0], T.Of(0), scale, FewRoundings).Labelled("diag(l*) − H has a non-negative first diagonal entry"),
                Relation.LessOrEqual(-slack[1, 1], T.Of(0), scale, FewRoundings).Labelled("diag(l*) − H has a non-negative second diagonal entry"),
                Relation.LessOrEqual(-(slack[0, 0] * slack[1, 1] - slack[0, 1] * slack[1, 0]), T.Of(0), scale * scale, FewRoundings).Labelled("det(diag(l*) − H) ≥ 0"),
                Relation.Equal(l[0] + l[1], dual, scale, FewRoundings).Labelled("Σl* = ⟨H, Y*⟩ (zero duality gap)"),
            ]);
        }

        public override string Explain(PositiveDefinitePair input) => "(a + |b|, d + |b|) is not the minimizer of eq. (6.25).";
    }

    /// <summary>"λ_max can easily exceed l_max", read as l_max &lt; λ_max for b ≠ 0.</summary>
    private sealed class Sentence : Statement<PositiveDefinitePair>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Sentence()
        {
            Name = "lambda-max-exceeds-l-max";
            Description = "For all PD H with b ≠ 0: l_max < λ_max (\"λ_max can easily exceed l_max\").";
            Tolerance = "None: λ_max is enclosed with 128–2048-bit √; exact arithmetic decides every double-precision violation.";
            Domain = PositiveDefinitePair.Domain;
            MarginUnit = "relative to l_max + λ_max";
        }

        public override Relation<T> Evaluate<T>(PositiveDefinitePair input)
        {
            var (a, b, d) = input.Read<T>();
            Assume.NonZero(b, "b = 0 (axis-aligned: l = (a, d), the example is about b ≠ 0)");
            PositiveDefinitePair.AssumePositiveDefinite(a, b, d);
            var lmax = PositiveDefinitePair.LMax(a, b, d);
            var (lambdaMax, _) = Eigenvalues2x2(a, b, d);
            return Relation.Less(lmax, lambdaMax, lmax + lambdaMax);
        }

        public override string Explain(PositiveDefinitePair input) =>
            "diag(l) ⪰ H implies λ_max(H) ≤ λ_max(diag(l)) = l_max for every H, so λ_max never exceeds l_max; " +
            "the sentence has the comparison backwards (§6.4.4's side note states it the right way: l_max can exceed λ_max).";
    }
}
