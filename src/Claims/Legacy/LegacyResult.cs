namespace Verification.Claims.Model;

/// <summary>What the legacy search found for one formalization (mapped to the engine's result by <see cref="Verification.Claims.Engine.Formalization{TInput}"/>).</summary>
public sealed record LegacyResult(
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

