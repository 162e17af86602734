namespace Verification.Checks.Results;

/// <summary>What a property check concluded.</summary>
public enum PropertyVerdict
{
    /// <summary>No counterexample within the budget (evidence, not proof).</summary>
    Holds,

    /// <summary>A counterexample, decided in exact rational arithmetic from the optimizer's own double outputs.</summary>
    Refuted,

    /// <summary>No input met the property's hypotheses (or every step was rejected); the notes say why.</summary>
    Inconclusive,
}
