using System.Diagnostics.CodeAnalysis;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Elmo;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>elmo-amos §3.2: "ELMO makes use of concavity by taking larger steps in concave subspaces than otherwise".</summary>
internal static class Sec32Concave
{
    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim("elmo/sec-3.2-concave", ElmoSources.Of("§3.2 prose after eq. (7)", "(7)", "3.2"),
            "ELMO takes larger steps in concave subspaces than otherwise (since its step's second term is proportional to −λ_i).",
            "Compared at equal |g| and L (the parenthetical attributes the effect to λ alone): a concave eigenspace (λ₁ < 0) gets a strictly larger step than a non-concave one (λ₂ ≥ 0), and the step is non-increasing in λ.",
            [new Compare(Comparison.ConcaveLarger), new Compare(Comparison.NonIncreasing)]);
        yield return new Claim("elmo/sec-3.2-concave/strictly-decreasing", ElmoSources.Of("§3.2 prose after eq. (7)", "(7)", "3.2"),
            "ELMO's step x*(λ) is strictly decreasing in λ (at equal |g| and L).",
            "\"Decreasing in λ\" (claims.md's gloss) read strictly, for every pair λ₁ < λ₂; it differs from the as-written reading where ∇fᵀv_i = 0 and λ ≥ 0, where the step is 0 for every λ.",
            [new Compare(Comparison.StrictlyDecreasing)]);
    }

    private enum Comparison
    {
        ConcaveLarger,
        NonIncreasing,
        StrictlyDecreasing,
    }

    /// <summary>x*(λ₂) against x*(λ₁) for λ₁ &lt; λ₂ at equal |g|, L.</summary>
    private sealed class Compare : Statement<CurvaturePair>
    {
        private readonly Comparison _kind;

        [SetsRequiredMembers]
        public Compare(Comparison kind)
        {
            _kind = kind;
            (Name, Description) = kind switch
            {
                Comparison.ConcaveLarger => ("concave-larger", "For λ₁ < 0 ≤ λ₂, |g| ≥ 0, L > 0: x*(λ₂) < x*(λ₁)."),
                Comparison.NonIncreasing => ("non-increasing", "For λ₁ < λ₂, |g| ≥ 0, L > 0: x*(λ₂) ≤ x*(λ₁)."),
                _ => ("strictly-decreasing", "For λ₁ < λ₂, |g| ≥ 0, L > 0: x*(λ₂) < x*(λ₁)."),
            };
            Tolerance = "None: every double-precision violation is re-evaluated in exact rational intervals, which decide.";
            MarginUnit = "relative to x*(λ₁) + x*(λ₂)";
            Domain = Pairs;
        }

        public override Relation<T> Evaluate<T>(CurvaturePair input)
        {
            var l1 = T.Input(input.Lambda1);
            var l2 = T.Input(input.Lambda2);
            var a = Assume.NonNegative(T.Input(input.GradMagnitude), "|g| ≥ 0");
            var l = Assume.Positive(T.Input(input.Lipschitz), "L > 0");
            Assume.That(l1 < l2, "λ₁ < λ₂");
            if (_kind == Comparison.ConcaveLarger)
                Assume.That(T.Sign(l1) < 0 && T.Sign(l2) >= 0, "not a concave/non-concave pair");
            var x1 = ElmoEigenspaceFormulas.Step(l1, a, l);
            var x2 = ElmoEigenspaceFormulas.Step(l2, a, l);
            var scale = Margins.OrOne(x1 + x2);
            return _kind == Comparison.NonIncreasing ? Relation.LessOrEqual(x2, x1, scale) : Relation.Less(x2, x1, scale);
        }

        public override string Explain(CurvaturePair input) => _kind == Comparison.StrictlyDecreasing && input.GradMagnitude == 0 && input.Lambda1 >= 0
            ? "With ∇fᵀv_i = 0 and 0 ≤ λ₁ < λ₂, x* = 0 at both curvatures: the step is constant, not strictly decreasing, on the non-concave side."
            : "ELMO's step at the larger curvature is not smaller.";
    }

    private static Domain<CurvaturePair> Pairs { get; } = new()
    {
        Generator =
            from l1 in EdgeDoubles.Signed(1e-100, 1e100)
            from l2 in EdgeDoubles.Signed(1e-100, 1e100)
            from a in EdgeDoubles.NonNegative(1e-100, 1e100)
            from lip in EdgeDoubles.Positive(1e-100, 1e100)
            where l1 != l2
            select new CurvaturePair(Math.Min(l1, l2), Math.Max(l1, l2), a, lip),
        Edges = () =>
            from pair in new[] { (-1.0, 0.0), (-1.0, 1.0), (0.0, 1.0), (1.0, 2.0), (-2.0, -1.0), (-1e-100, 1e-100) }
            from a in new[] { 0.0, 1, 1e-100 }
            select new CurvaturePair(pair.Item1, pair.Item2, a, 1),
        Perturb = (p, r) =>
        {
            var q = r.Next(4) switch
            {
                0 => p with { Lambda1 = EdgeDoubles.Perturb(p.Lambda1, r, 0, 1e100) },
                1 => p with { Lambda2 = EdgeDoubles.Perturb(p.Lambda2, r, 0, 1e100) },
                2 => p with { GradMagnitude = Math.Abs(EdgeDoubles.Perturb(p.GradMagnitude, r, 0, 1e100)) },
                _ => p with { Lipschitz = EdgeDoubles.Perturb(p.Lipschitz, r, 1e-100, 1e100) },
            };
            return q.Lambda1 < q.Lambda2 ? q : p;
        },
        Shrink = p => Shrinks.Coordinates(p, q => [q.Lambda1, q.Lambda2, q.GradMagnitude, q.Lipschitz],
            (_, v) => CurvaturePair.Valid(v[0], v[1], v[2], v[3])),
        Describe = p => p.Describe(),
    };
}
