using Verification.Claims.Engine;
using Verification.Claims.Model;
using static Verification.Claims.Catalog.Balles.Chapter6.SignExact;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>balles-thesis §6.4.4, side note after Prop. 6.6: "l_max can exceed λ_max, see Appendix C.2".</summary>
internal static class Sec644
{
    internal static Claim Claim() => new(
        "balles/sec-6.4.4",
        SignSources.Of("Side note in §6.4.4", null, "6.4.4"),
        "Assuming the convergence of GD is controlled by l_max implicitly assumes l_max = λ_max; this may be misleading since l_max can exceed λ_max (Appendix C.2).",
        "On appendix C.2's PD 2×2 family with l the minimizer of eq. (6.25), l = (a + |b|, d + |b|). Two formalizations: the comparison " +
        "never goes the other way (λ_max ≤ l_max for every H), and \"can exceed\" read over the generic case b ≠ 0, a ≠ d, where it is " +
        "strict (a = d with b ≠ 0 gives equality, b = 0 gives l = (a, d) and equality). The wording is the reverse of appendix C.2's " +
        "sentence (balles/app-C.2), which says λ_max can exceed l_max.",
        [Never(), Strict()]);

    private static Inequality<PairCase> Never() => new()
    {
        Name = "lambda-max-le-l-max",
        Description = "For all PD H: λ_max ≤ l_max.",
        Tolerance = "None: λ_max enclosed with 128–2048-bit √; exact arithmetic decides.",
        Generator = PairCases.PositiveDefinite, Edges = PairCases.Edges, Move = PairCases.Move, Show = PairCases.Show, Hypotheses = PairCases.RequirePd,
        Sides = c => new Sides(c.LambdaMax, c.LMax, c.LMax),
        ExactSides = (c, bits) => new ExactSides(c.ExactLambdaMax(bits), I(c.ExactLMax)),
        Why = _ => "λ_max exceeds l_max.",
    };

    private static Inequality<PairCase> Strict() => new()
    {
        Name = "l-max-exceeds-generic",
        Description = "For all PD H with b ≠ 0 and a ≠ d: λ_max < l_max.",
        Tolerance = "None: exact enclosures decide; near-equal cases (|b| ≪ |a − d|) are resolved at up to 2048 bits.",
        Relation = Relation.Less,
        Generator = PairCases.PositiveDefinite, Edges = PairCases.Edges, Move = PairCases.Move, Show = PairCases.Show,
        Hypotheses = c => c.B == 0 || c.A == c.D ? "b = 0 or a = d (equality cases)" : PairCases.RequirePd(c),
        Sides = c => new Sides(c.LambdaMax, c.LMax, c.LMax),
        ExactSides = (c, bits) => new ExactSides(c.ExactLambdaMax(bits), I(c.ExactLMax)),
        Why = _ => "l_max does not exceed λ_max here.",
    };
}
