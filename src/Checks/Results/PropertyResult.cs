namespace Verification.Checks.Results;

/// <summary>The result of one generic property on one optimizer.</summary>
/// <param name="Property">The property (a <see cref="Optimizers.Guarantees.Guarantee.Id"/>, or <c>finite-steps</c>).</param>
/// <param name="Statement">What was checked, with quantifiers and the declared parameters.</param>
/// <param name="Declared">True when the optimizer claims it (always true for <c>finite-steps</c>); a refuted declared property is a failure.</param>
/// <param name="Verdict">The computed verdict.</param>
/// <param name="Cases">Inputs evaluated (including the shrinker's).</param>
/// <param name="Accepted">Inputs that met the hypotheses.</param>
/// <param name="Tolerance">The rounding slack allowed and why.</param>
/// <param name="Counterexample">The smallest counterexample found, or null.</param>
/// <param name="Notes">Why inputs were rejected, and other remarks.</param>
public sealed record PropertyResult(
    string Property,
    string Statement,
    bool Declared,
    PropertyVerdict Verdict,
    int Cases,
    int Accepted,
    string Tolerance,
    PropertyCounterexample? Counterexample,
    IReadOnlyList<string> Notes)
{
    /// <summary>A property the optimizer declares was refuted.</summary>
    public bool FailsDeclaration => Declared && Verdict == PropertyVerdict.Refuted;
}
