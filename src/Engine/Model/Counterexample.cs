namespace Verification.Engine;

/// <summary>A certified counterexample: inputs in full precision, both sides, the certified margin and its scope.</summary>
/// <param name="Formalization">Which formalization of the claim it violates.</param>
/// <param name="Inputs">The inputs, round-trip text.</param>
/// <param name="Relation">The relation that fails, with its tolerance, e.g. "lhs ≤ rhs" or "|lhs − rhs| ≤ 4 ulp".</param>
/// <param name="Lhs">The left side in double precision (the double evaluation of the same statement).</param>
/// <param name="Rhs">The right side in double precision.</param>
/// <param name="Margin">The double-precision margin, in <paramref name="MarginUnit"/> (&gt; 0: violated).</param>
/// <param name="CertifiedMargin">A rigorous lower bound on the violation in the same unit (0: fails with equality).</param>
/// <param name="MarginUnit">What the margins are measured in, e.g. "relative to |lhs| + |rhs|".</param>
/// <param name="Scope">Open set (a certified box) or degenerate.</param>
/// <param name="Box">The certified box of violations for an open-set counterexample, else null.</param>
/// <param name="ImplementationDefect">True when the statement is about an implementation: the code is wrong, not the paper.</param>
/// <param name="Certification">How it was certified: the method and the exact enclosures of both sides.</param>
/// <param name="Explanation">One sentence on what breaks.</param>
/// <param name="ShrinkSteps">How many simplifications the shrinker accepted.</param>
/// <param name="Outputs">What the code under test returned at these inputs (e.g. an optimizer's step), round-trip text.</param>
/// <param name="Origin">
/// How the search reached it: "edge case" (tried first at every seed, so the refutation is found at any seed), or
/// "random input" / "margin climbing" (found from the seed; the verdict may depend on it).
/// </param>
public sealed record Counterexample(
    string Formalization,
    IReadOnlyList<NamedValue> Inputs,
    string Relation,
    double Lhs,
    double Rhs,
    double Margin,
    double CertifiedMargin,
    string MarginUnit,
    Scope Scope,
    string? Box,
    bool ImplementationDefect,
    string Certification,
    string Explanation,
    int ShrinkSteps,
    IReadOnlyList<NamedValue>? Outputs = null,
    string Origin = "edge case");
