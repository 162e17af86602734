namespace Verification.Engine;

/// <summary>How exact re-evaluation judged one input.</summary>
public enum CertificationStatus
{
    /// <summary>The violation is real: exact arithmetic proves it.</summary>
    Certified,

    /// <summary>Exact arithmetic proves the statement holds here: a double violation was rounding.</summary>
    Satisfied,

    /// <summary>Exact arithmetic shows the input is outside the hypotheses (the double check accepted it by rounding).</summary>
    OutsideHypotheses,

    /// <summary>The enclosures are too wide to decide either way, up to the top precision.</summary>
    Undecidable,
}

/// <summary>
/// The exact verdict on one input. <see cref="CertifiedMargin"/> is a rigorous lower bound on the violation (same unit as
/// the double margin), rounded toward zero; <see cref="Detail"/> shows the exact enclosures.
/// </summary>
public sealed record Certificate(CertificationStatus Status, double CertifiedMargin, string Method, string Detail);
