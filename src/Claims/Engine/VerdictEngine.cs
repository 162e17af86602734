using Verification.Claims.Model;

namespace Verification.Claims.Engine;

/// <summary>Runs every formalization of a claim and combines their verdicts.</summary>
public static class VerdictEngine
{
    /// <summary>
    /// Checks <paramref name="claim"/> with <paramref name="budget"/> evaluations per formalization.
    /// Combination: refuted if any formalization is refuted; else inconclusive if any is; else vacuous if all
    /// are; else holds.
    /// </summary>
    public static ClaimResult Check(Claim claim, int budget, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (budget < 1)
            throw new ArgumentException($"budget must be ≥ 1, got {budget}.", nameof(budget));
        ulong claimSeed = seed ^ StableHash.Of(claim.Id);
        var results = claim.Formalizations.Select(f => f.Run(budget, claimSeed)).ToList();
        var verdict = Combine(results.Select(r => r.Verdict).ToList());
        var counterexample = results.Where(r => r.Counterexample is not null)
            .Select(r => r.Counterexample)
            .FirstOrDefault();
        var notes = results.Where(r => r.Verdict != Verdict.Holds || r.Notes.Count > 0)
            .SelectMany(r => r.Notes.Select(n => $"[{r.Name}] {n}"))
            .ToList();
        return new ClaimResult(claim.Id, claim.Variant, claim.Source, claim.Statement, verdict,
            results.Sum(r => r.Cases), seed, counterexample, results, notes);
    }

    /// <summary>The combination rule of <see cref="Check"/>.</summary>
    public static Verdict Combine(IReadOnlyList<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        if (verdicts.Count == 0)
            throw new ArgumentException("a claim needs at least one formalization.", nameof(verdicts));
        if (verdicts.Contains(Verdict.Refuted)) return Verdict.Refuted;
        if (verdicts.Contains(Verdict.Inconclusive)) return Verdict.Inconclusive;
        if (verdicts.All(v => v == Verdict.Vacuous)) return Verdict.Vacuous;
        return Verdict.Holds;
    }
}
