namespace Verification.Engine;

/// <summary>
/// A claim as data (design.md, "The claim model"): a stable ID (<c>doc/kind-label[/variant]</c>), its source, the
/// statement in words, why this reading was chosen, and one or more formalizations.
/// </summary>
/// <param name="Id">The stable ID, e.g. <c>elmo/eq-14</c> or <c>balles/prop-7.2/unsquared</c>.</param>
/// <param name="Source">Where it stands in the paper.</param>
/// <param name="Statement">The statement in words, as the paper gives it.</param>
/// <param name="Interpretation">How it is read here, and why this reading (quantifiers, cases, what is searched).</param>
/// <param name="Formalizations">The executable readings; the claim is refuted when any is.</param>
public sealed record Claim(
    string Id,
    ClaimSource Source,
    string Statement,
    string Interpretation,
    IReadOnlyList<IFormalization> Formalizations)
{
    private readonly Reading? _reading;

    /// <summary>As written (no variant), an alternative reading (a variant), or a control; a control must be said.</summary>
    public Reading Reading
    {
        get => _reading ?? (Variant is null ? Reading.AsWritten : Reading.Alternative);
        init => _reading = value;
    }

    /// <summary>The file that defines the claim, relative to the repository root, or null when unknown.</summary>
    public string? SourceFile { get; init; }

    /// <summary>The ID without its variant, e.g. <c>elmo/eq-7</c>.</summary>
    public string BaseId => Id.Split('/') is var parts && parts.Length > 2 ? parts[0] + "/" + parts[1] : Id;

    /// <summary>The variant (third ID segment on), or null for the statement as written.</summary>
    public string? Variant => Id.Split('/') is var parts && parts.Length > 2 ? string.Join('/', parts.Skip(2)) : null;
}
