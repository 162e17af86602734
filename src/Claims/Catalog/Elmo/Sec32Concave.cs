using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;
using ElmoMath = Verification.Math.Elmo;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>Two eigenvalues λ₁ &lt; λ₂ sharing |g| and L, to compare ELMO's steps across curvatures.</summary>
internal sealed record CurvaturePair(double Lambda1, double Lambda2, double GradMagnitude, double Lipschitz)
{
    internal IReadOnlyList<NamedValue> Describe() =>
        [NamedValue.Of("lambda1", Lambda1), NamedValue.Of("lambda2", Lambda2), NamedValue.Of("gradMagnitude", GradMagnitude), NamedValue.Of("lipschitz", Lipschitz)];
}

/// <summary>elmo-amos §3.2: "ELMO makes use of concavity by taking larger steps in concave subspaces than otherwise".</summary>
internal static class Sec32Concave
{
    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim("elmo/sec-3.2-concave", ElmoSources.Of("§3.2 prose after eq. (7)", "(7)", "3.2"),
            "ELMO takes larger steps in concave subspaces than otherwise (since its step's second term is proportional to −λ_i).",
            "Compared at equal |g| and L (the parenthetical attributes the effect to λ alone): a concave eigenspace (λ₁ < 0) gets a strictly larger step than a non-concave one (λ₂ ≥ 0), and the step is non-increasing in λ.",
            [ConcaveVsConvex(), NonIncreasing()]);
        yield return new Claim("elmo/sec-3.2-concave/strictly-decreasing", ElmoSources.Of("§3.2 prose after eq. (7)", "(7)", "3.2"),
            "ELMO's step x*(λ) is strictly decreasing in λ (at equal |g| and L).",
            "\"Decreasing in λ\" (claims.md's gloss) read strictly, for every pair λ₁ < λ₂; it differs from the as-written reading where ∇fᵀv_i = 0 and λ ≥ 0, where the step is 0 for every λ.",
            [StrictlyDecreasing()]);
    }

    private static Gen<CurvaturePair> Pairs { get; } =
        from l1 in EdgeDoubles.Signed(1e-100, 1e100)
        from l2 in EdgeDoubles.Signed(1e-100, 1e100)
        from a in EdgeDoubles.NonNegative(1e-100, 1e100)
        from lip in EdgeDoubles.Positive(1e-100, 1e100)
        where l1 != l2
        select new CurvaturePair(System.Math.Min(l1, l2), System.Math.Max(l1, l2), a, lip);

    private static IEnumerable<CurvaturePair> Edges()
    {
        foreach (var (l1, l2) in new[] { (-1.0, 0.0), (-1.0, 1.0), (0.0, 1.0), (1.0, 2.0), (-2.0, -1.0), (-1e-100, 1e-100) })
            foreach (var a in new[] { 0.0, 1, 1e-100 })
                yield return new CurvaturePair(l1, l2, a, 1);
    }

    private static CurvaturePair Move(CurvaturePair p, System.Random r)
    {
        var q = r.Next(4) switch
        {
            0 => p with { Lambda1 = EdgeDoubles.Perturb(p.Lambda1, r, 0, 1e100) },
            1 => p with { Lambda2 = EdgeDoubles.Perturb(p.Lambda2, r, 0, 1e100) },
            2 => p with { GradMagnitude = System.Math.Abs(EdgeDoubles.Perturb(p.GradMagnitude, r, 0, 1e100)) },
            _ => p with { Lipschitz = System.Math.Max(1e-100, System.Math.Abs(EdgeDoubles.Perturb(p.Lipschitz, r, 1e-100, 1e100))) },
        };
        return q.Lambda1 < q.Lambda2 ? q : p;
    }

    private static double Step(double lambda, CurvaturePair p) => ElmoMath.Step(lambda, p.GradMagnitude, p.Lipschitz);

    private static Inequality<CurvaturePair> Compare(string name, string description, Relation relation, Func<CurvaturePair, string?> hypotheses, Func<CurvaturePair, string>? why = null) => new()
    {
        Name = name,
        Description = description,
        Tolerance = "None in double precision (Elmo.Step is within 4 ulp); exact rational intervals decide.",
        Relation = relation,
        Generator = Pairs,
        Edges = Edges,
        Move = Move,
        Hypotheses = p => hypotheses(p) ?? (double.IsFinite(Step(p.Lambda1, p)) && double.IsFinite(Step(p.Lambda2, p)) ? null : "a step overflows double precision"),
        Sides = p => new Sides(Step(p.Lambda2, p), Step(p.Lambda1, p), System.Math.Max(Step(p.Lambda1, p), double.Epsilon)),
        ExactSides = (p, bits) => new ExactSides(
            ExactElmo.Step(p.Lambda2, p.GradMagnitude, p.Lipschitz, bits), ExactElmo.Step(p.Lambda1, p.GradMagnitude, p.Lipschitz, bits)),
        Show = p => p.Describe(),
        Why = why,
    };

    private static Inequality<CurvaturePair> ConcaveVsConvex() => Compare(
        "concave-larger",
        "For λ₁ < 0 ≤ λ₂, |g| ≥ 0, L > 0: x*(λ₂) < x*(λ₁).",
        Relation.Less,
        p => p.Lambda1 < 0 && p.Lambda2 >= 0 ? null : "not a concave/non-concave pair");

    private static Inequality<CurvaturePair> NonIncreasing() => Compare(
        "non-increasing",
        "For λ₁ < λ₂, |g| ≥ 0, L > 0: x*(λ₂) ≤ x*(λ₁).",
        Relation.LessOrEqual,
        _ => null);

    private static Inequality<CurvaturePair> StrictlyDecreasing() => Compare(
        "strictly-decreasing",
        "For λ₁ < λ₂, |g| ≥ 0, L > 0: x*(λ₂) < x*(λ₁).",
        Relation.Less,
        _ => null,
        p => "With ∇fᵀv_i = 0 and 0 ≤ λ₁ < λ₂, x* = 0 at both curvatures: the step is constant, not strictly decreasing, on the non-concave side.");
}
