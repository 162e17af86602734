using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Verification.Checks;
using Verification.Checks.Results;
using Verification.Claims.Reporting;

namespace Verification.Cli.Checking;

/// <summary>
/// check-optimizer.json, in the conventions of verify's claims.json (<see cref="JsonReport"/>):
/// <c>{"optimizer", "type", "seed", "budget", "passed", "properties":[{"id", "statement", "declared", "verdict", "cases",
/// "accepted", "tolerance", "counterexample":{"dimension", "inputs", "lhs", "rhs", "margin", "certification",
/// "explanation", "shrinkSteps"}, "notes"}], "regret":[…], "regretNotes"}</c>. Doubles: shortest round-trip
/// numbers, non-finite ones as strings; deterministic text.
/// </summary>
internal static class CheckReportJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static string Write(OptimizerCheckReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("optimizer", report.Optimizer);
            json.WriteString("type", report.TypeName);
            json.WriteNumber("seed", report.Options.Seed);
            json.WriteNumber("budget", report.Options.Budget);
            json.WriteBoolean("passed", report.Passed);
            json.WriteStartArray("properties");
            foreach (var p in report.Properties)
                WriteProperty(json, p);
            json.WriteEndArray();
            json.WriteStartArray("regret");
            foreach (var r in report.Regret)
            {
                json.WriteStartObject();
                json.WriteString("problem", r.Problem);
                WriteDouble(json, "lambda", r.Lambda);
                WriteDouble(json, "gradient", r.Gradient);
                WriteDouble(json, "lipschitz", r.Lipschitz);
                WriteDouble(json, "step", r.Step);
                WriteDouble(json, "elmoStep", r.ElmoStep);
                WriteDouble(json, "relativeDistance", r.RelativeDistance);
                WriteDouble(json, "regretRatio", r.RegretRatio);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteStrings(json, "regretNotes", report.RegretNotes);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteProperty(Utf8JsonWriter json, PropertyResult p)
    {
        json.WriteStartObject();
        json.WriteString("id", p.Property);
        json.WriteString("statement", p.Statement);
        json.WriteBoolean("declared", p.Declared);
        json.WriteString("verdict", CheckReportText.Verdict(p.Verdict));
        json.WriteNumber("cases", p.Cases);
        json.WriteNumber("accepted", p.Accepted);
        json.WriteString("tolerance", p.Tolerance);
        json.WritePropertyName("counterexample");
        if (p.Counterexample is not { } c)
            json.WriteNullValue();
        else
        {
            json.WriteStartObject();
            json.WriteNumber("dimension", c.Dimension);
            json.WriteStartObject("inputs");
            foreach (var input in c.Inputs)
                json.WriteString(input.Name, input.Value);
            json.WriteEndObject();
            WriteDouble(json, "lhs", c.Lhs);
            WriteDouble(json, "rhs", c.Rhs);
            WriteDouble(json, "margin", c.Margin);
            json.WriteString("certification", c.Certification);
            json.WriteString("explanation", c.Explanation);
            json.WriteNumber("shrinkSteps", c.ShrinkSteps);
            json.WriteEndObject();
        }
        WriteStrings(json, "notes", p.Notes);
        json.WriteEndObject();
    }

    private static void WriteDouble(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
            json.WriteNumber(name, value);
        else
            json.WriteString(name, ReportText.Number(value));
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
            json.WriteStringValue(v);
        json.WriteEndArray();
    }
}
