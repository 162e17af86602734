namespace Verification.Claims.Model;

/// <summary>How exact re-evaluation judged an apparent violation.</summary>
public enum CertificationStatus
{
    /// <summary>The violation is real: exact arithmetic proves it.</summary>
    Certified,

    /// <summary>Exact arithmetic proves the statement holds on this input: the double violation was rounding.</summary>
    RoundingArtifact,

    /// <summary>The enclosure is too wide to decide either way.</summary>
    Undecidable,
}

/// <summary>
/// The exact verdict on one apparent counterexample. <see cref="CertifiedMargin"/> is a rigorous lower bound
/// on the violation (same units as the outcome's margin), rounded toward zero.
/// </summary>
public sealed record Certificate(CertificationStatus Status, double CertifiedMargin, string Method, string Detail)
{
    /// <summary>A proof that the statement fails by at least <paramref name="margin"/>.</summary>
    public static Certificate Proven(double margin, string method, string detail) => new(CertificationStatus.Certified, margin, method, detail);

    /// <summary>A proof that the statement holds on this input.</summary>
    public static Certificate Artifact(string method, string detail) => new(CertificationStatus.RoundingArtifact, 0, method, detail);

    /// <summary>Neither could be shown.</summary>
    public static Certificate Unknown(string method, string detail) => new(CertificationStatus.Undecidable, 0, method, detail);
}
