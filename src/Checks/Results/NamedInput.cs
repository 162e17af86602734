namespace Verification.Checks.Results;

/// <summary>One named input or output of a counterexample, as round-trip text (doubles in "R" form).</summary>
/// <param name="Name">e.g. "θ", "A", "Δθ".</param>
/// <param name="Value">The value; doubles replay bit for bit with <c>double.Parse(…, CultureInfo.InvariantCulture)</c>.</param>
public sealed record NamedInput(string Name, string Value);
