using System.Globalization;
using Verification.Engine;
using Verification.Engine.Reporting;

namespace Verification.Cli.Output;

/// <summary>
/// One line per claim, in catalog order: <c>[ i/N] ID  verdict  seconds</c> (the claim's own checking time; claims are
/// checked in parallel). On a terminal the next claim awaited is shown on a live line that its result then overwrites;
/// otherwise (a pipe, a file, a test) only the plain result lines.
/// </summary>
internal sealed class ProgressDisplay
{
    private const string ClearLine = "\r\u001b[2K";

    private readonly TextWriter _output;
    private readonly IReadOnlyList<Claim> _claims;
    private readonly bool _interactive;
    private readonly int _idWidth;
    private readonly int _indexWidth;

    internal ProgressDisplay(TextWriter output, IReadOnlyList<Claim> claims, bool interactive)
    {
        _output = output;
        _claims = claims;
        _interactive = interactive;
        _idWidth = claims.Max(c => c.Id.Length);
        _indexWidth = claims.Count.ToString(CultureInfo.InvariantCulture).Length;
        ShowRunning(0);
    }

    /// <summary>The callback of <see cref="CatalogRun.Execute"/>: claim <paramref name="index"/> is done.</summary>
    internal void Completed(int index, Claim claim, ClaimResult result)
    {
        var elapsed = result.Duration;
        if (_interactive)
            _output.Write(ClearLine);
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Position(index)} {claim.Id.PadRight(_idWidth)}  {ReportText.Verdict(result),-26}  {elapsed.TotalSeconds,7:F2} s"));
        ShowRunning(index + 1);
    }

    /// <summary>The closing lines: claims per verdict and the total time.</summary>
    internal void Summary(CatalogReport report, TimeSpan total)
    {
        _output.WriteLine();
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Results.Count} claim{(report.Results.Count == 1 ? "" : "s")} in {total.TotalSeconds:F1} s (seed {report.Seed}, budget {report.Budget}): {ReportText.Counts(report.Results)}."));
        _output.WriteLine($"Refuted: {ReportText.RefutationKinds(report.Results)}.");
        foreach (var r in report.Results.Where(r => r.Verdict == Verdict.Refuted))
            _output.WriteLine($"  refuted {r.Id} ({ReportText.Reading(r.Reading)}, {(r.Counterexample is { } c ? ReportText.Scope(c.Scope) : "no counterexample")}): {r.Counterexample?.Explanation ?? "(no counterexample recorded)"}");
    }

    private void ShowRunning(int index)
    {
        if (_interactive && index < _claims.Count)
        {
            _output.Write($"{Position(index)} {_claims[index].Id.PadRight(_idWidth)}  checking…");
            _output.Flush();
        }
    }

    private string Position(int index) =>
        "[" + (index + 1).ToString(CultureInfo.InvariantCulture).PadLeft(_indexWidth) + "/" + _claims.Count.ToString(CultureInfo.InvariantCulture) + "]";
}
