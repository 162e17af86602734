namespace Verification.Claims.Model;

/// <summary>The computed status of a claim (design.md, "The product").</summary>
public enum Verdict
{
    /// <summary>No counterexample within the budget, across edge-biased and margin-guided inputs.</summary>
    Holds,

    /// <summary>A counterexample was found and certified in exact arithmetic.</summary>
    Refuted,

    /// <summary>True only trivially: every accepted input satisfies the statement for a trivial reason.</summary>
    Vacuous,

    /// <summary>The engine could not decide; the notes say why.</summary>
    Inconclusive,
}
