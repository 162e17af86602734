namespace Verification.Engine;

/// <summary>The computed verdict of one claim, with its evidence.</summary>
/// <param name="Claim">The claim checked.</param>
/// <param name="Verdict">Refuted if any formalization is; else inconclusive if any is; else vacuous if all are; else holds.</param>
/// <param name="Seed">The run's seed (each formalization's search derives its own from it and the IDs).</param>
/// <param name="Counterexample">The counterexample reported for the claim (the first refuted formalization's), or null.</param>
/// <param name="Formalizations">One result per formalization, in the claim's order.</param>
/// <param name="Notes">The formalizations' notes, each prefixed with its formalization's name.</param>
public sealed record ClaimResult(
    Claim Claim,
    Verdict Verdict,
    ulong Seed,
    Counterexample? Counterexample,
    IReadOnlyList<FormalizationResult> Formalizations,
    IReadOnlyList<string> Notes)
{
    /// <summary>The claim's ID.</summary>
    public string Id => Claim.Id;

    /// <summary>The claim's reading.</summary>
    public Reading Reading => Claim.Reading;

    /// <summary>Inputs evaluated over all formalizations.</summary>
    public int Cases => Formalizations.Sum(f => f.Tally.Cases);

    /// <summary>How long the claim took to check (wall clock, for progress displays; not part of any report).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>
    /// True when the verdict rests on a statistical test: every formalization that has the claim's verdict (for a
    /// refutation, every refuting one; for holds, those that hold) is statistical, or, for holds, any is.
    /// </summary>
    public bool IsStatistical => Verdict == Verdict.Refuted
        ? Formalizations.Where(f => f.Verdict == Verdict.Refuted).All(f => f.IsStatistical)
        : Formalizations.Any(f => f.IsStatistical && f.Verdict == Verdict);
}

/// <summary>The results of checking a set of claims with one budget and one seed.</summary>
/// <param name="Seed">The replay seed: the same seed, budget and catalog reproduce every verdict.</param>
/// <param name="Budget">Evaluations per formalization.</param>
/// <param name="Results">One result per claim, in catalog order.</param>
public sealed record CatalogReport(ulong Seed, int Budget, IReadOnlyList<ClaimResult> Results)
{
    /// <summary>The papers the claims come from, cited at the top of the Markdown report.</summary>
    public IReadOnlyList<DocumentCitation> Documents { get; init; } = [];

    /// <summary>The error probability each statistical test of the run was allowed.</summary>
    public double StatisticalDelta { get; init; }
}
