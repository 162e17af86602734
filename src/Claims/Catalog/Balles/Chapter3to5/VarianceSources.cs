using Verification.Claims.Model;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>Source records for papers/balles-thesis.md, chapters 3–5 and appendix B.</summary>
internal static class VarianceSources
{
    internal const string Document = "balles";

    internal static ClaimSource Of(string label, string? equation, string section) => new(Document, label, equation, section);
}
