using System.Text.Json;
using Verification.Checks;
using Verification.Checks.Results;
using Verification.Engine.Reporting;

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
    internal static string Write(OptimizerCheckReport report)
    {
        return JsonText.Write(json =>
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
                json.WriteDouble("lambda", r.Lambda);
                json.WriteDouble("gradient", r.Gradient);
                json.WriteDouble("lipschitz", r.Lipschitz);
                json.WriteDouble("step", r.Step);
                json.WriteDouble("elmoStep", r.ElmoStep);
                json.WriteDouble("relativeDistance", r.RelativeDistance);
                json.WriteDouble("regretRatio", r.RegretRatio);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStrings("regretNotes", report.RegretNotes);
            json.WriteEndObject();
        });
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
            json.WriteDouble("lhs", c.Lhs);
            json.WriteDouble("rhs", c.Rhs);
            json.WriteDouble("margin", c.Margin);
            json.WriteString("certification", c.Certification);
            json.WriteString("explanation", c.Explanation);
            json.WriteNumber("shrinkSteps", c.ShrinkSteps);
            json.WriteEndObject();
        }
        json.WriteStrings("notes", p.Notes);
        json.WriteEndObject();
    }

}
