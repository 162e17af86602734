using Verification.Claims.Model;
using E = Verification.Engine;

namespace Verification.Claims.Engine;

/// <summary>
/// Maps a legacy search's result to the engine's, while formalizations are rewritten as statements written once. A
/// legacy counterexample has no analysed scope: it is reported as degenerate.
/// </summary>
internal static class LegacyAdapter
{
    internal static E.FormalizationResult Map(LegacyResult r, E.StatementKind kind)
    {
        var tally = new E.Tally(r.Cases, r.Cases, r.Accepted, r.Cases - r.Accepted, 0, r.Violations,
            r.Counterexample is null ? 0 : 1, r.RoundingArtifacts, r.Undecidable, 0, 0);
        E.Counterexample? c = r.Counterexample is { } x
            ? new E.Counterexample(x.Formalization, x.Inputs, "as stated", x.Lhs, x.Rhs, x.Margin, x.CertifiedMargin,
                "in units of the relation's scale", E.Scope.Degenerate, null, false, x.Certification, x.Explanation, 0)
            : null;
        return new E.FormalizationResult(r.Name, r.Description, r.Tolerance, kind, Map(r.Verdict), tally, r.WorstMargin, c, r.Notes);
    }

    private static E.Verdict Map(Verification.Claims.Model.Verdict v) => v switch
    {
        Verification.Claims.Model.Verdict.Holds => E.Verdict.Holds,
        Verification.Claims.Model.Verdict.Refuted => E.Verdict.Refuted,
        Verification.Claims.Model.Verdict.Vacuous => E.Verdict.Vacuous,
        _ => E.Verdict.Inconclusive,
    };
}
