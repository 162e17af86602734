namespace Verification.Claims.Model;

/// <summary>A certified counterexample: the inputs in full precision, both sides, and the certified margin.</summary>
/// <param name="Formalization">Which formalization of the claim it violates.</param>
/// <param name="Inputs">The inputs, round-trip text.</param>
/// <param name="Lhs">The left-hand side in double precision.</param>
/// <param name="Rhs">The right-hand side in double precision.</param>
/// <param name="Margin">The double-precision margin.</param>
/// <param name="CertifiedMargin">A rigorous lower bound on the violation.</param>
/// <param name="Certification">How it was certified (method and exact enclosures).</param>
/// <param name="Explanation">One sentence on what breaks.</param>
public sealed record Counterexample(
    string Formalization,
    IReadOnlyList<NamedValue> Inputs,
    double Lhs,
    double Rhs,
    double Margin,
    double CertifiedMargin,
    string Certification,
    string Explanation);
