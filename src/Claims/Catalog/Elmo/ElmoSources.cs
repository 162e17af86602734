
namespace Verification.Claims.Catalog.Elmo;

/// <summary>Source records for papers/elmo-amos.md.</summary>
internal static class ElmoSources
{
    internal const string Document = "elmo";

    internal static ClaimSource Of(string label, string? equation, string section) => new(Document, label, equation, section);
}
