using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Statistics;

namespace Verification.Claims.Catalog.Balles;

/// <summary>
/// Thesis eq. (5.5): m/√v = (v/m²)^(−1/2)·sign(m) = (1 + (v − m²)/m²)^(−1/2)·sign(m) (ε = 0), and the reading of
/// η̂² = (v − m²)/m² as a relative variance (eqs. 5.6–5.7), which needs v ≥ m² for Adam's moments.
/// </summary>
internal static class Eq55
{
    private const string Statement =
        "Ignoring ε and assuming |v_{t,i}|, |m_{t,i}| > 0: m_t/√v_t = (v_t/m_t²)^(−1/2) sign(m_t) = (1 + (v_t − m_t²)/m_t²)^(−1/2) sign(m_t); the factor γ = (1 + η̂²)^(−1/2) with η̂² = (v − m²)/m² ≈ Var/E² is the update magnitude.";

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "balles/eq-5.5",
            VarianceSources.Of("eq. (5.5)", null, "5.1.1"),
            Statement,
            "The identity as written, for every m ≠ 0 and v > 0 (the text's own assumption; m = 0 is outside it, since (v − m²)/m² is then undefined, and is rejected), including v < m², where η̂² < 0 but 1 + η̂² = v/m² > 0 keeps the identity true.",
            [new Identity()]);
        yield return new Claim(
            "balles/eq-5.5/adam-moments",
            VarianceSources.Of("eqs. (5.5)–(5.7)", null, "5.1.1"),
            Statement,
            "The variance reading: for Adam's bias-corrected moments (eqs. 5.1–5.3, any β₁, β₂ ∈ [0, 1), any gradient sequence) η̂² ≥ 0, i.e. v_t ≥ m_t², so γ ∈ (0, 1] shortens the step. Differs from the identity because it is about which (m, v) Adam produces. (Adam's defaults β₁ = 0.9, β₂ = 0.999 fail too, e.g. after 299 zero gradients and a 1; the edge cases include that sequence.)",
            [new MomentsOrdered(sameBeta: false)]);
        yield return new Claim(
            "balles/eq-5.5/same-beta",
            VarianceSources.Of("eqs. (5.5)–(5.7)", null, "5.4.1"),
            Statement,
            "The variance reading with β₁ = β₂ (the choice §5.4.1 makes): then m_t and v_t are averages with the same weights, and v_t ≥ m_t² by Jensen.",
            [new MomentsOrdered(sameBeta: true)]);
    }

    /// <summary>
    /// (m, v) with m ≠ 0 and v = r·m², r ∈ [1e-14, 1e20] (where 1 + η̂² keeps a digit in doubles) and near 1; the edge
    /// cases go to v/m² ≈ 1e-301, where 1 + η̂² cancels completely and only exact arithmetic (three precisions of √) can
    /// evaluate the written form, so random inputs there would only repeat that costly check.
    /// </summary>
    private static Gen<(double M, double V)> Pairs { get; } =
        from m in EdgeDoubles.Signed(1e-100, 1e100)
        from r in Gen.Frequency((3, EdgeDoubles.Positive(1e-14, 1e20)), (1, EdgeDoubles.Positive(0.5, 2)), (1, Gen.Constant(1.0)))
        select (m, r * m * m);

    /// <summary>m/√v = sign(m)(1 + (v − m²)/m²)^(−1/2).</summary>
    private sealed class Identity : Statement<(double M, double V)>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Identity()
        {
            Name = "identity";
            Description = "For all m ≠ 0, v > 0: m/√v = sign(m)·(1 + (v − m²)/m²)^(−1/2), the right side evaluated as written.";
            Tolerance = "Double-only allowance 1e-12 of the scale. The written form cancels when v ≪ m² (1 + η̂² sums terms of size 1 and m²/v to a result v/m²), so the scale is |m|/√v·(1 + 2m²/v), the size of the terms behind the right side; double violations beyond it (and inputs where 1 + η̂² rounds to ≤ 0) are decided in exact arithmetic (an identity of irrational values is confirmed to the width of 2048-bit enclosures).";
            Kind = StatementKind.Identity;
            MarginUnit = "relative to |m|/√v·(1 + 2m²/v) (|m|/√v times the size of the terms of 1 + (v − m²)/m² relative to its value)";
            Domain = new()
            {
                Generator = Pairs,
                Edges = () => [(1, 1), (1, 0.25), (-2, 1), (1e-100, 1e-300), (3, 1e-300), (-1e100, 1e200)],
                Perturb = (p, r) => (EdgeDoubles.Perturb(p.M, r, 1e-300), EdgeDoubles.Perturb(p.V, r, 1e-300)),
                Shrink = p => Shrinks.Coordinates(p, x => [x.M, x.V], (_, v) => (v[0], v[1])),
                Describe = p => [NamedValue.Of("m", p.M), NamedValue.Of("v", p.V)],
            };
            // Exact identity in Q(m, v)[√v] (issue "Theorem checking") on m > 0 and m < 0 (sign(m) is a branch), each grid box
            // extended to v > 0: the right side's radicand 1 + (v − m²)/m² = v·(1/m)² is declared |1/m|·√v (checked on
            // the grid), the divisors √v and |1/m|·√v are positive there.
            Proofs = [HalfLine(positive: true), HalfLine(positive: false)];
        }

        private static ProofDomain<(double M, double V)> HalfLine(bool positive) => new()
        {
            Box = [new ProofCoordinate("m", positive ? 1 : -2, positive ? 2 : -1), new ProofCoordinate("v", 1, 2)],
            At = v => (v[0], v[1]),
            CoversStatedDomain = true,
            Identity = new ExactIdentity
            {
                Region = [positive ? RegionInterval.Positive : -RegionInterval.Positive, RegionInterval.Positive],
                Roots = [null, new RootFactor(0, -1, TimesRoot: true)],
            },
        };

        public override Relation<T> Evaluate<T>((double M, double V) input)
        {
            var m = Assume.NonZero(T.Input(input.M), "m = 0: (v − m²)/m² is undefined (outside the stated |m| > 0)");
            var v = Assume.Positive(T.Input(input.V), "v ≤ 0 (outside the stated |v| > 0 with v a second moment)");
            var lhs = m / T.Sqrt(v);
            var m2 = m * m;
            var rhs = (T)T.Sign(m) / T.Sqrt(1 + (v - m2) / m2);
            return Relation.Equal(lhs, rhs, T.Abs(lhs) * (1 + 2 * m2 / v), 1e-12);
        }

        public override string Explain((double M, double V) input) => "The two forms of Adam's direction differ.";
    }

    /// <summary>m_t² ≤ v_t for Adam's bias-corrected moments.</summary>
    private sealed class MomentsOrdered : Statement<AdamSequenceInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public MomentsOrdered(bool sameBeta)
        {
            Name = sameBeta ? "v-at-least-m-squared-same-beta" : "v-at-least-m-squared";
            Description = sameBeta
                ? "For all β ∈ [0, 1) and g_0…g_t: m_t² ≤ v_t with β₁ = β₂ = β."
                : "For all β₁, β₂ ∈ [0, 1) and g_0…g_t: m_t² ≤ v_t (η̂² ≥ 0, so Adam's factor is ≤ 1).";
            Tolerance = "None: every double-precision violation is decided in exact rationals.";
            MarginUnit = "relative to m_t² + v_t";
            var generator = from b1 in AdamSequenceInput.Betas
                            from b2 in AdamSequenceInput.Betas
                            from gs in AdamSequenceInput.Sequences(24)
                            select new AdamSequenceInput(b1, sameBeta ? b1 : b2, gs);
            Domain = AdamSequenceInput.Domain(generator, () => sameBeta
                ? [new(0.9, 0.9, [0, 0, 1]), new(0.5, 0.5, [1, -1])]
                : [new(0.5, 0.9, [1, 2]), new(0.9, 0.999, [.. new double[299], 1.0]), new(0.5, 0.9, [0, 0, 0, 1]), new(0.9, 0.9, [0, 1])], sameBeta);
        }

        public override Relation<T> Evaluate<T>(AdamSequenceInput input)
        {
            var (b1, b2, gs) = input.Read<T>();
            Assume.That(b1 >= 0 && b1 < 1 && b2 >= 0 && b2 < 1, "β₁ or β₂ ∉ [0, 1)");
            var (m, v) = MovingAverageFormulas.BiasCorrectedMoments(b1, b2, gs);
            var scale = m * m + v;
            return Relation.LessOrEqual(m * m, v, T.Sign(scale) > 0 ? scale : T.Of(1));
        }

        public override string Explain(AdamSequenceInput input) =>
            $"With β₁ = {Verification.Numerics.Require.Show(input.Beta1)} ≠ β₂ = {Verification.Numerics.Require.Show(input.Beta2)}, m_t and v_t weight the gradients differently; here the recent gradients dominate m_t more than v_t, so v_t < m_t², η̂² < 0 and Adam's factor (1 + η̂²)^(−1/2) = |m_t|/√v_t exceeds 1: it lengthens the step and is no variance adaptation.";
    }
}
