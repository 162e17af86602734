namespace Verification.Claims.Catalog.Lodo;

/// <summary>Sources in papers/lodo.md.</summary>
internal static class LodoSources
{
    internal static ClaimSource Of(string label, string? equation, string section) => new("lodo", label, equation, section);
}
