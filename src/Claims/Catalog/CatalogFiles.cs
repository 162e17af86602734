namespace Verification.Claims.Catalog;

/// <summary>
/// The rule from a claim ID to its file (one file per base ID, holding the claim and its variants):
/// <c>doc/kind-label[/variant]</c> ↦ <c>src/Claims/Catalog/&lt;Doc&gt;/&lt;Kind&gt;&lt;Label&gt;.cs</c>, where Kind is the ID's kind
/// in PascalCase and Label is the rest of the base ID with each dot- or dash-separated segment capitalised and the
/// separators dropped: <c>elmo/lemma-3.1-proof-1</c> ↦ <c>Elmo/Lemma31Proof1.cs</c>, <c>lodo/app-F.1-newton</c> ↦
/// <c>Lodo/AppF1Newton.cs</c>. A test requires every claim's file to exist and to contain its ID.
/// </summary>
public static class CatalogFiles
{
    /// <summary>The catalog's folder, relative to the repository root.</summary>
    public const string Root = "src/Claims/Catalog";

    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["lemma"] = "Lemma", ["thm"] = "Thm", ["prop"] = "Prop", ["cor"] = "Cor", ["eq"] = "Eq",
        ["alg"] = "Alg", ["fig"] = "Fig", ["app"] = "App", ["sec"] = "Sec", ["fn"] = "Fn",
    };

    /// <summary>The file of the claim <paramref name="id"/>, relative to the repository root.</summary>
    /// <exception cref="ArgumentException">an ID outside the scheme <c>doc/kind-label[/variant]</c>.</exception>
    public static string PathOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var parts = id.Split('/');
        int dash = parts.Length >= 2 ? parts[1].IndexOf('-', StringComparison.Ordinal) : -1;
        if (parts.Length < 2 || dash <= 0 || !Kinds.TryGetValue(parts[1][..dash], out var kind))
            throw new ArgumentException($"'{id}' is not an ID of the form doc/kind-label[/variant].", nameof(id));
        string doc = char.ToUpperInvariant(parts[0][0]) + parts[0][1..];
        string label = string.Concat(parts[1][(dash + 1)..]
            .Split(['.', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => char.ToUpperInvariant(s[0]) + s[1..]));
        return $"{Root}/{doc}/{kind}{label}.cs";
    }
}
