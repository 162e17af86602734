using Verification.Claims.Model;

namespace Verification.Claims.Catalog.Balles.Chapter7;

/// <summary>Source records for chapter 7 and appendix D of papers/balles-thesis.md.</summary>
internal static class FisherSources
{
    internal const string Document = "balles";

    internal static ClaimSource Of(string label, string? equation, string section) => new(Document, label, equation, section);
}
