using Verification.Checks.Results;
using Verification.Engine;
using Verification.Engine.Reporting;

namespace Verification.Cli.Checking;

/// <summary>Shared wording of the check-optimizer outputs, on top of <see cref="ReportText"/>.</summary>
internal static class CheckReportText
{
    /// <summary>"declared" or "info".</summary>
    internal static string Role(PropertyResult p) => p.Declared ? "declared" : "info";

    /// <summary>The replay command for this run.</summary>
    internal static string Replay(string? assembly, string type, int budget, ulong seed) =>
        $"dotnet run --project src/Cli -- check-optimizer{(assembly is null ? "" : " --assembly " + assembly)} --type {type} --budget {ReportText.Number(budget)} --seed {ReportText.Number(seed)}";

    /// <summary>The legend of the property verdicts.</summary>
    internal static IReadOnlyList<(string Verdict, string Meaning)> Legend { get; } =
    [
        ("holds", "no counterexample within the budget, across edge cases, generated inputs and margin-guided search (evidence, not proof)"),
        ("refuted", "a counterexample decided in exact rational arithmetic from the optimizer's own double outputs, then shrunk to the smallest one found"),
        ("inconclusive", "no generated input met the hypotheses or was accepted by the optimizer (the notes say why)"),
    ];
}
