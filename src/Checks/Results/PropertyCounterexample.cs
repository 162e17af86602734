namespace Verification.Checks.Results;

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
