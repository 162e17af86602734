using Verification.Claims.Engine;

namespace Verification.Claims.Model;

/// <summary>
/// A claim as data (design.md, "The claim model"): a stable ID of claims.md (<c>doc/kind-label[/variant]</c>),
/// its source, the statement in words, why this reading was chosen, and one or more formalizations.
/// </summary>
public sealed record Claim(
    string Id,
    ClaimSource Source,
    string Statement,
    string Reading,
    IReadOnlyList<IFormalization> Formalizations)
{
    /// <summary>The ID without its variant, e.g. <c>elmo/eq-7</c>.</summary>
    public string BaseId => Id.Split('/') is var parts && parts.Length > 2 ? parts[0] + "/" + parts[1] : Id;

    /// <summary>The variant (third ID segment), or null for the statement as written.</summary>
    public string? Variant => Id.Split('/') is var parts && parts.Length > 2 ? string.Join('/', parts.Skip(2)) : null;
}
