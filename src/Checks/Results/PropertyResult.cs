using Verification.Engine;

namespace Verification.Checks.Results;

/// <summary>
/// The result of one generic property on one optimizer: the engine's result for the property (one claim whose
/// formalizations are the generated quadratics and, where they apply, the fixed points of the built-in test functions),
/// and whether the optimizer declares it.
/// </summary>
/// <param name="Result">The engine's result: verdict, counterexample (shrunk, with the optimizer's outputs), notes.</param>
/// <param name="Declared">True when the optimizer claims the property (always true for <c>finite-steps</c>); a refuted declared property is a failure.</param>
public sealed record PropertyResult(ClaimResult Result, bool Declared)
{
    /// <summary>The property (a guarantee's ID, or <c>finite-steps</c>).</summary>
    public string Property => Result.Id;

    /// <summary>What was checked, with quantifiers and the declared parameters.</summary>
    public string Statement => Result.Claim.Statement;

    /// <summary>The computed verdict.</summary>
    public Verdict Verdict => Result.Verdict;

    /// <summary>The certified, shrunk counterexample, or null.</summary>
    public Counterexample? Counterexample => Result.Counterexample;

    /// <summary>Inputs evaluated.</summary>
    public int Cases => Result.Cases;

    /// <summary>Inputs that met the hypotheses and were accepted by the optimizer.</summary>
    public int Accepted => Result.Formalizations.Sum(f => f.Tally.Accepted);

    /// <summary>Why inputs were rejected, and other remarks.</summary>
    public IReadOnlyList<string> Notes => Result.Notes;

    /// <summary>The rounding slack allowed and why.</summary>
    public string Tolerance => Result.Formalizations[0].Tolerance;

    /// <summary>The dimension n of the counterexample's test problem, or null without a counterexample (or an n).</summary>
    public int? CounterexampleDimension =>
        Counterexample?.Inputs.FirstOrDefault(i => i.Name == "n") is { } n && int.TryParse(n.Value, System.Globalization.CultureInfo.InvariantCulture, out int d) ? d : null;

    /// <summary>A property the optimizer declares was refuted.</summary>
    public bool FailsDeclaration => Declared && Verdict == Verdict.Refuted;
}
