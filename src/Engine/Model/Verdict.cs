namespace Verification.Engine;

/// <summary>The computed status of a claim or formalization (design.md, "The product").</summary>
public enum Verdict
{
    /// <summary>No counterexample within the budget, and every double-precision violation was examined exactly.</summary>
    Holds,

    /// <summary>A counterexample certified in exact arithmetic.</summary>
    Refuted,

    /// <summary>True only trivially: every accepted input satisfied the statement for a computed trivial reason.</summary>
    Vacuous,

    /// <summary>The engine could not decide; the notes say why.</summary>
    Inconclusive,

    /// <summary>
    /// Proved by interval branch-and-bound on the whole stated domain (directly, or through a declared reduction that was
    /// itself checked): every sub-box of the domain was closed in outward-rounded exact arithmetic.
    /// </summary>
    Proved,
}
