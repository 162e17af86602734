using System.Text.Json;
using Verification.Claims.Engine;
using Verification.Claims.Model;

namespace Verification.Claims.Reporting;

/// <summary>
/// The machine-readable report (design.md, "Reports"):
/// <c>{"seed", "budget", "claims":[{"id", "variant", "document", "label", "equation", "section", "statement",
/// "verdict", "cases", "seed", "counterexample", "formalizations", "notes"}]}</c>.
/// Finite doubles are JSON numbers in shortest round-trip form; NaN and ±∞ are the strings
/// <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>. Counterexample inputs are the round-trip ("R") strings
/// the engine recorded, so they replay bit for bit. The text is deterministic: same report, same bytes.
/// </summary>
public static class JsonReport
{
    /// <summary>The report as indented JSON text ending in a newline.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string Write(CatalogReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("seed", report.Seed);
            json.WriteNumber("budget", report.Budget);
            json.WriteStartArray("claims");
            foreach (var result in report.Results)
                WriteClaim(json, result);
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteClaim(Utf8JsonWriter json, ClaimResult result)
    {
        json.WriteStartObject();
        json.WriteString("id", result.Id);
        json.WriteString("variant", result.Variant);
        json.WriteString("document", result.Source.Document);
        json.WriteString("label", result.Source.Label);
        json.WriteString("equation", result.Source.Equation);
        json.WriteString("section", result.Source.Section);
        json.WriteString("statement", result.Statement);
        json.WriteString("verdict", ReportText.Verdict(result.Verdict));
        json.WriteNumber("cases", result.Cases);
        json.WriteNumber("seed", result.Seed);
        json.WritePropertyName("counterexample");
        WriteCounterexample(json, result.Counterexample);
        json.WriteStartArray("formalizations");
        foreach (var f in result.Formalizations)
            WriteFormalization(json, f);
        json.WriteEndArray();
        json.WriteStrings("notes", result.Notes);
        json.WriteEndObject();
    }

    private static void WriteFormalization(Utf8JsonWriter json, FormalizationResult f)
    {
        json.WriteStartObject();
        json.WriteString("name", f.Name);
        json.WriteString("description", f.Description);
        json.WriteString("tolerance", f.Tolerance);
        json.WriteString("verdict", ReportText.Verdict(f.Verdict));
        json.WriteNumber("cases", f.Cases);
        json.WriteNumber("accepted", f.Accepted);
        json.WriteNumber("violations", f.Violations);
        json.WriteNumber("roundingArtifacts", f.RoundingArtifacts);
        json.WriteNumber("undecidable", f.Undecidable);
        json.WriteDouble("worstMargin", f.WorstMargin);
        json.WritePropertyName("counterexample");
        WriteCounterexample(json, f.Counterexample);
        json.WriteStrings("notes", f.Notes);
        json.WriteEndObject();
    }

    private static void WriteCounterexample(Utf8JsonWriter json, Counterexample? c)
    {
        if (c is null)
        {
            json.WriteNullValue();
            return;
        }
        json.WriteStartObject();
        json.WriteString("formalization", c.Formalization);
        json.WriteStartObject("inputs");
        foreach (var input in c.Inputs)
            json.WriteString(input.Name, input.Value);
        json.WriteEndObject();
        json.WriteDouble("lhs", c.Lhs);
        json.WriteDouble("rhs", c.Rhs);
        json.WriteDouble("margin", c.Margin);
        json.WriteDouble("certifiedMargin", c.CertifiedMargin);
        json.WriteString("certification", c.Certification);
        json.WriteString("explanation", c.Explanation);
        json.WriteEndObject();
    }

}
