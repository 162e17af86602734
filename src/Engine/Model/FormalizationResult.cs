namespace Verification.Engine;

/// <summary>How the inputs a formalization saw were settled.</summary>
/// <param name="Cases">Inputs evaluated (duplicates included).</param>
/// <param name="Distinct">Distinct inputs evaluated.</param>
/// <param name="Accepted">Distinct inputs that met the hypotheses (in double, and exactly where re-checked).</param>
/// <param name="Rejected">Distinct inputs outside the hypotheses.</param>
/// <param name="Trivial">Accepted inputs satisfied only for a computed trivial reason.</param>
/// <param name="Violations">Distinct inputs whose double evaluation violated the statement or could not be decided in double.</param>
/// <param name="Certified">Violations certified exactly.</param>
/// <param name="Artefacts">Violations that exact arithmetic showed to be rounding (the statement holds there).</param>
/// <param name="Undecidable">Violations that exact arithmetic could decide neither way, up to its top precision.</param>
/// <param name="Unexamined">Violations never sent to exact arithmetic (over the exact budget).</param>
/// <param name="Errors">Inputs meeting the hypotheses where the code under test threw.</param>
public sealed record Tally(
    int Cases,
    int Distinct,
    int Accepted,
    int Rejected,
    int Trivial,
    int Violations,
    int Certified,
    int Artefacts,
    int Undecidable,
    int Unexamined,
    int Errors);

/// <summary>What the engine found for one formalization.</summary>
/// <param name="Name">The formalization's name, unique within its claim.</param>
/// <param name="Description">What is checked, with its quantifiers.</param>
/// <param name="Tolerance">The double-precision allowance and why; certification is exact regardless.</param>
/// <param name="Kind">inequality, identity, trend, statistical, conformance or replay.</param>
/// <param name="Verdict">The computed verdict.</param>
/// <param name="Tally">How its inputs were settled.</param>
/// <param name="WorstMargin">The largest double margin among accepted inputs that were not shown to be artefacts.</param>
/// <param name="Counterexample">The certified counterexample, or null.</param>
/// <param name="Notes">Why inputs were rejected, what stayed undecided, findings; deduplicated.</param>
public sealed record FormalizationResult(
    string Name,
    string Description,
    string Tolerance,
    StatementKind Kind,
    Verdict Verdict,
    Tally Tally,
    double WorstMargin,
    Counterexample? Counterexample,
    IReadOnlyList<string> Notes)
{
    /// <summary>What the prover concluded, or null when the statement has no proof domain (or proofs were not run).</summary>
    public ProofResult? Proof { get; init; }

    /// <summary>True when the verdict rests on a statistical test (its error rate is controlled across the catalog).</summary>
    public bool IsStatistical => Kind == StatementKind.Statistical;
}
