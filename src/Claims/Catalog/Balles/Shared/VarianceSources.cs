namespace Verification.Claims.Catalog.Balles.Shared;

/// <summary>Source records for papers/balles-thesis.md, chapters 3–5 and appendix B.</summary>
internal static class VarianceSources
{
    internal const string Document = "balles";

    internal static ClaimSource Of(string label, string? equation, string section) => new(Document, label, equation, section);
}
