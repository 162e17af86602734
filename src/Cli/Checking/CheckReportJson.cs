using Verification.Checks;
using Verification.Engine.Reporting;
using Verification.Numerics.Elmo;

namespace Verification.Cli.Checking;

/// <summary>
/// check-optimizer.json, written with verify's claims.json writer (<see cref="JsonReport"/>):
/// <c>{"optimizer", "type", "seed", "budget", "passed", "properties":[{…a claim as in claims.json…, "declared"}],
/// "regret":[…], "regretNotes"}</c>. Doubles: shortest round-trip numbers, non-finite ones as strings; deterministic.
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
                JsonReport.WriteClaim(json, p.Result, j => j.WriteBoolean("declared", p.Declared));
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
}
