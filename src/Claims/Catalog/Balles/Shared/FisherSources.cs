namespace Verification.Claims.Catalog.Balles.Shared;

/// <summary>Source records for chapter 7 and appendix D of papers/balles-thesis.md (Fisher, GGN, empirical Fisher).</summary>
internal static class FisherSources
{
    internal const string Document = "balles";

    internal static ClaimSource Of(string label, string? equation, string section) => new(Document, label, equation, section);
}
