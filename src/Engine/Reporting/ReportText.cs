using System.Globalization;

namespace Verification.Engine.Reporting;

/// <summary>Invariant, fixed text for the pieces every report shares: numbers, verdicts, readings, scopes, sources.</summary>
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
        Engine.Verdict.Holds => "holds",
        Engine.Verdict.Refuted => "refuted",
        Engine.Verdict.Vacuous => "vacuous",
        Engine.Verdict.Inconclusive => "inconclusive",
        Engine.Verdict.Proved => "proved",
        _ => throw new ArgumentException($"verdict {(int)verdict} is not a defined Verdict.", nameof(verdict)),
    };

    /// <summary>
    /// The verdict with "(statistical)" when it rests on a statistical test, and "(proved on D)" when a holds is proved on
    /// a domain that is not the whole stated one.
    /// </summary>
    public static string Verdict(ClaimResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string text = Verdict(result.Verdict) + (result.IsStatistical ? " (statistical)" : "");
        if (result.Verdict == Engine.Verdict.Holds && result.Formalizations.All(f => f.Proof is { Proved: true }))
            text += " (proved on " + string.Join("; ", result.Formalizations.Select(f => f.Proof!.Domain).Distinct()) + ")";
        return text;
    }

    /// <summary>as-written, alternative or control.</summary>
    /// <exception cref="ArgumentException">A value outside the enum.</exception>
    public static string Reading(Reading reading) => reading switch
    {
        Engine.Reading.AsWritten => "as-written",
        Engine.Reading.Alternative => "alternative",
        Engine.Reading.Control => "control",
        _ => throw new ArgumentException($"reading {(int)reading} is not a defined Reading.", nameof(reading)),
    };

    /// <summary>open-set or degenerate.</summary>
    /// <exception cref="ArgumentException">A value outside the enum.</exception>
    public static string Scope(Scope scope) => scope switch
    {
        Engine.Scope.OpenSet => "open-set",
        Engine.Scope.Degenerate => "degenerate",
        _ => throw new ArgumentException($"scope {(int)scope} is not a defined Scope.", nameof(scope)),
    };

    /// <summary>inequality, identity, trend, statistical, conformance or replay.</summary>
    public static string Kind(StatementKind kind) => kind switch
    {
        StatementKind.Inequality => "inequality",
        StatementKind.Identity => "identity",
        StatementKind.Trend => "trend",
        StatementKind.Statistical => "statistical",
        StatementKind.Conformance => "conformance",
        StatementKind.Replay => "replay",
        _ => throw new ArgumentException($"kind {(int)kind} is not a defined StatementKind.", nameof(kind)),
    };

    /// <summary>Every verdict in report order, with the one-line meaning the legends print.</summary>
    public static IReadOnlyList<(Verdict Verdict, string Meaning)> Legend { get; } =
    [
        (Engine.Verdict.Proved, "proved on the whole stated domain (or a declared reduction of it that was itself proved) by interval branch-and-bound in outward-rounded exact arithmetic, or, for an identity of rational functions, by exact evaluation on a product grid larger than its degrees; the domain and the number of boxes are given (an identity proof counts as one box, its grid size is in its note)"),
        (Engine.Verdict.Holds, "no counterexample within the budget, across edge cases, random inputs and margin-guided search, and every double-precision violation was shown exactly to be rounding (evidence, not proof)"),
        (Engine.Verdict.Refuted, "a counterexample whose violation is proven in exact arithmetic, never by rounding; the certified margin bounds the violation from below"),
        (Engine.Verdict.Vacuous, "true only trivially: every accepted input satisfied the statement for a computed trivial reason"),
        (Engine.Verdict.Inconclusive, "the engine could not decide (the notes say why: undecidable or unexamined violations, failures of the code under test, too few inputs)"),
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

    /// <summary>
    /// The refutations by kind: of the statement as written (open-set / degenerate), of alternative readings, and of
    /// controls (which are not findings about the paper).
    /// </summary>
    public static string RefutationKinds(IEnumerable<ClaimResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var refuted = results.Where(r => r.Verdict == Engine.Verdict.Refuted).ToList();
        int Count(Reading reading, Scope? scope) => refuted.Count(r => r.Reading == reading && (scope is null || r.Counterexample?.Scope == scope));
        return $"{Number(Count(Engine.Reading.AsWritten, null))} as written ({Number(Count(Engine.Reading.AsWritten, Engine.Scope.OpenSet))} on an open set, " +
               $"{Number(Count(Engine.Reading.AsWritten, Engine.Scope.Degenerate))} at degenerate points), " +
               $"{Number(Count(Engine.Reading.Alternative, null))} alternative readings, " +
               $"{Number(Count(Engine.Reading.Control, null))} controls (not findings about the paper)";
    }

    /// <summary>The command that replays one claim of a run bit for bit.</summary>
    public static string ReplayCommand(string id, ulong seed, int budget)
    {
        ArgumentNullException.ThrowIfNull(id);
        return $"dotnet run --project src/Cli -- verify --filter {id} --seed {Number(seed)} --budget {Number(budget)}";
    }
}
