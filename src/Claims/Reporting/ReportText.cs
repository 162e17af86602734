using System.Globalization;
using Verification.Claims.Model;

namespace Verification.Claims.Reporting;

/// <summary>Invariant, fixed text for the pieces every report shares: numbers, verdicts, sources, document titles.</summary>
public static class ReportText
{
    /// <summary>A double in round-trip form ("R", invariant culture): <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> when not finite.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An integer in invariant culture.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An unsigned integer (a seed) in invariant culture.</summary>
    public static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The verdict as the reports spell it: holds, refuted, vacuous or inconclusive.</summary>
    /// <exception cref="ArgumentException">A value outside the enum.</exception>
    public static string Verdict(Verdict verdict) => verdict switch
    {
        Model.Verdict.Holds => "holds",
        Model.Verdict.Refuted => "refuted",
        Model.Verdict.Vacuous => "vacuous",
        Model.Verdict.Inconclusive => "inconclusive",
        _ => throw new ArgumentException($"verdict {(int)verdict} is not a defined Verdict.", nameof(verdict)),
    };

    /// <summary>Every verdict in report order, with the one-line meaning the legends print.</summary>
    public static IReadOnlyList<(Verdict Verdict, string Meaning)> Legend { get; } =
    [
        (Model.Verdict.Holds, "no counterexample within the budget, across edge cases, random inputs and margin-guided search"),
        (Model.Verdict.Refuted, "a counterexample whose violation is proven in exact arithmetic, not an artifact of rounding; the certified margin bounds the violation from below"),
        (Model.Verdict.Vacuous, "true only trivially: every accepted input satisfies the statement for a trivial reason"),
        (Model.Verdict.Inconclusive, "the engine could not decide (the notes say why)"),
    ];

    /// <summary>The source as one line, e.g. <c>Lemma C.2, eq. (14), §M.1</c>.</summary>
    public static string Source(ClaimSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parts = new List<string> { source.Label };
        // Labels such as "eq. (7)" already name their equation.
        if (!string.IsNullOrWhiteSpace(source.Equation) && !source.Label.Contains(source.Equation, StringComparison.Ordinal))
            parts.Add("eq. " + source.Equation);
        if (!string.IsNullOrWhiteSpace(source.Section))
            parts.Add("§" + source.Section);
        return string.Join(", ", parts);
    }

    /// <summary>The paper behind a document key (elmo, lodo, balles); an unknown key is returned as it is.</summary>
    public static string DocumentTitle(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document switch
        {
            "elmo" => "Optimizer Selection Based on Function-Proxy Proximity (ELMO, AMOS)",
            "lodo" => "Learning to Optimize Quasi-Newton Methods (LODO)",
            "balles" => "Noise-Aware Stochastic Optimization (Balles, thesis)",
            _ => document,
        };
    }

    /// <summary>Text made safe for one Markdown table cell: pipes escaped, line breaks flattened.</summary>
    public static string Cell(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
    }

    /// <summary>The counts per verdict, in legend order, e.g. <c>3 holds, 1 refuted, 0 vacuous, 0 inconclusive</c>.</summary>
    public static string Counts(IEnumerable<ClaimResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        return string.Join(", ", Legend.Select(l => $"{Number(list.Count(r => r.Verdict == l.Verdict))} {Verdict(l.Verdict)}"));
    }

    /// <summary>The command that replays one claim of a run bit for bit.</summary>
    public static string ReplayCommand(string id, ulong seed, int budget)
    {
        ArgumentNullException.ThrowIfNull(id);
        return $"dotnet run --project src/Cli -- verify --filter {id} --seed {Number(seed)} --budget {Number(budget)}";
    }
}
