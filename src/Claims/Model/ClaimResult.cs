namespace Verification.Claims.Model;

/// <summary>What the engine found for one formalization.</summary>
public sealed record FormalizationResult(
    string Name,
    string Description,
    string Tolerance,
    Verdict Verdict,
    int Cases,
    int Accepted,
    int Violations,
    int RoundingArtifacts,
    int Undecidable,
    double WorstMargin,
    Counterexample? Counterexample,
    IReadOnlyList<string> Notes);

/// <summary>The computed verdict of one claim, with its evidence.</summary>
public sealed record ClaimResult(
    string Id,
    string? Variant,
    ClaimSource Source,
    string Statement,
    Verdict Verdict,
    int Cases,
    ulong Seed,
    Counterexample? Counterexample,
    IReadOnlyList<FormalizationResult> Formalizations,
    IReadOnlyList<string> Notes);
