namespace Verification.Engine;

/// <summary>What exact evaluation found at one given input (a pinned, known counterexample).</summary>
public enum PinnedOutcome
{
    /// <summary>The statement is violated there, certified in exact arithmetic.</summary>
    Violated,

    /// <summary>The statement holds there in exact arithmetic (the counterexample no longer is one).</summary>
    Satisfied,

    /// <summary>The input does not meet the hypotheses (decided exactly).</summary>
    OutsideHypotheses,

    /// <summary>Exact arithmetic could decide neither way, up to its top precision.</summary>
    Undecidable,

    /// <summary>A certified violation at a degenerate point of a statement "for almost every input", which the hedge allows.</summary>
    AllowedException,

    /// <summary>The code under test threw (other than through the hypotheses).</summary>
    CodeFailed,
}

/// <summary>The exact evaluation of a statement at one given input.</summary>
/// <param name="Outcome">What was found.</param>
/// <param name="Inputs">The input as the statement's domain describes it.</param>
/// <param name="Detail">The reason, with the exact enclosures of both sides where there are any.</param>
/// <param name="Counterexample">Both sides, the certified margin and the scope, when the violation is certified.</param>
public sealed record PinnedCheck(PinnedOutcome Outcome, IReadOnlyList<NamedValue> Inputs, string Detail, Counterexample? Counterexample);
