using Verification.Claims.Model;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>Source records for chapter 6 and appendix C of papers/balles-thesis.md.</summary>
internal static class SignSources
{
    internal const string Document = "balles";

    internal static ClaimSource Of(string label, string? equation, string section) => new(Document, label, equation, section);
}
