namespace Verification.Engine;

/// <summary>How much of the input space a certified counterexample stands for.</summary>
public enum Scope
{
    /// <summary>Every point of an exact box around the counterexample violates the statement (the box is printed).</summary>
    OpenSet,

    /// <summary>
    /// No open box of violations was certified around it: a tie, a zero, a boundary of the hypotheses, or a statement
    /// whose violation exists at this point only.
    /// </summary>
    Degenerate,
}
