using Verification.Engine;

namespace Verification.Claims.Catalog.Balles.Shared;

/// <summary>
/// A formalization whose result carries extra computed findings in its notes (e.g. the worst deviation of Fig. 5.2 and
/// where it occurs): the verdict is the inner formalization's, the findings are appended to its notes.
/// </summary>
internal sealed class FormalizationWithFindings(IFormalization inner, Func<IReadOnlyList<string>> findings) : IFormalization
{
    public string Name => inner.Name;

    public string Description => inner.Description;

    public string Tolerance => inner.Tolerance;

    public StatementKind Kind => inner.Kind;

    public FormalizationResult Run(RunSettings settings)
    {
        var result = inner.Run(settings);
        return result with { Notes = [.. result.Notes, .. findings()] };
    }
}
