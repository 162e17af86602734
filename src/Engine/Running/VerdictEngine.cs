namespace Verification.Engine;

/// <summary>Runs every formalization of a claim and combines their verdicts.</summary>
public static class VerdictEngine
{
    /// <summary>
    /// Checks <paramref name="claim"/>. Combination: refuted if any formalization is refuted; else inconclusive if any
    /// is; else vacuous if all are; else proved if all are; else holds.
    /// </summary>
    public static ClaimResult Check(Claim claim, RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(settings);
        settings = settings.Validated() with { ClaimSeed = StableHash.Of(claim.Id) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var results = claim.Formalizations.Select(f => f.Run(settings)).ToList();
        var verdict = Combine(results.Select(r => r.Verdict).ToList());
        var counterexample = results.Select(r => r.Counterexample).FirstOrDefault(c => c is not null);
        var notes = results
            .SelectMany(r => r.Notes.Select(n => $"[{r.Name}] {n}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new ClaimResult(claim, verdict, settings.Seed, counterexample, results, notes) { Duration = clock.Elapsed };
    }

    /// <summary>The combination rule of <see cref="Check"/>.</summary>
    /// <exception cref="ArgumentException">no verdicts.</exception>
    public static Verdict Combine(IReadOnlyList<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        if (verdicts.Count == 0)
            throw new ArgumentException("a claim needs at least one formalization.", nameof(verdicts));
        if (verdicts.Contains(Verdict.Refuted)) return Verdict.Refuted;
        if (verdicts.Contains(Verdict.Inconclusive)) return Verdict.Inconclusive;
        if (verdicts.All(v => v == Verdict.Vacuous)) return Verdict.Vacuous;
        if (verdicts.All(v => v == Verdict.Proved)) return Verdict.Proved;
        return Verdict.Holds;
    }
}
