namespace Verification.Claims.Catalog.Balles.Shared;

/// <summary>Source records for chapter 6 and appendix C of papers/balles-thesis.md (sign descent geometry).</summary>
internal static class SignSources
{
    internal const string Document = "balles";

    internal static ClaimSource Of(string label, string? equation, string section) => new(Document, label, equation, section);
}
