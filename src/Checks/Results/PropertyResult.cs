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

/// <summary>One named input or output of a counterexample, as round-trip text (doubles in "R" form).</summary>
/// <param name="Name">e.g. "θ", "A", "Δθ".</param>
/// <param name="Value">The value; doubles replay bit for bit with <c>double.Parse(…, CultureInfo.InvariantCulture)</c>.</param>
public sealed record NamedInput(string Name, string Value);

/// <summary>The smallest counterexample found: inputs, the optimizer's output, both sides and why it breaks.</summary>
/// <param name="Inputs">The problem (n, basis, λ, A, b, θ, …) and the optimizer's step Δθ, round-trip text.</param>
/// <param name="Dimension">n.</param>
/// <param name="Lhs">The left side of the violated relation (double rounding of the exact value).</param>
/// <param name="Rhs">The right side (double rounding of the exact value).</param>
/// <param name="Margin">(lhs − rhs)/scale, &gt; 0 (0 for a strict inequality met with equality).</param>
/// <param name="Certification">How the violation was decided (exact rational arithmetic, with the exact difference's sign).</param>
/// <param name="Explanation">One sentence on what breaks.</param>
/// <param name="ShrinkSteps">How many simplifications the shrinker accepted after the first counterexample.</param>
public sealed record PropertyCounterexample(
    IReadOnlyList<NamedInput> Inputs,
    int Dimension,
    double Lhs,
    double Rhs,
    double Margin,
    string Certification,
    string Explanation,
    int ShrinkSteps);

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
