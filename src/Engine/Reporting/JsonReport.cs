using System.Text.Json;

namespace Verification.Engine.Reporting;

/// <summary>
/// The machine-readable report (design.md, "Reports"): <c>{"seed", "budget", "statisticalDelta", "summary", "claims":
/// [{"id", "variant", "reading", "document", "label", "equation", "section", "file", "statement", "interpretation",
/// "verdict", "statistical", "cases", "seed", "counterexample", "formalizations", "notes"}]}</c>, where a counterexample
/// is <c>{"formalization", "inputs", "relation", "tolerance", "lhs", "rhs", "margin", "certifiedMargin", "marginUnit",
/// "scope", "box", "implementationDefect", "certification", "explanation", "shrinkSteps"}</c>.
/// Finite doubles are JSON numbers in shortest round-trip form; NaN and ±∞ are the strings "NaN", "Infinity",
/// "-Infinity". Inputs are the round-trip ("R") strings the engine recorded, so they replay bit for bit. The text is
/// deterministic: same report, same bytes.
/// </summary>
public static class JsonReport
{
    /// <summary>The report as indented JSON text ending in a newline.</summary>
    public static string Write(CatalogReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("seed", report.Seed);
            json.WriteNumber("budget", report.Budget);
            json.WriteDouble("statisticalDelta", report.StatisticalDelta);
            WriteSummary(json, report.Results);
            json.WriteStartArray("claims");
            foreach (var result in report.Results)
                WriteClaim(json, result);
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>Counts per verdict and refutations by reading and scope.</summary>
    public static void WriteSummary(Utf8JsonWriter json, IReadOnlyList<ClaimResult> results)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(results);
        json.WriteStartObject("summary");
        foreach (var (verdict, _) in ReportText.Legend)
            json.WriteNumber(ReportText.Verdict(verdict), results.Count(r => r.Verdict == verdict));
        json.WriteStartObject("refutations");
        var refuted = results.Where(r => r.Verdict == Verdict.Refuted).ToList();
        foreach (var reading in Enum.GetValues<Reading>())
        {
            json.WriteStartObject(ReportText.Reading(reading));
            foreach (var scope in Enum.GetValues<Scope>())
                json.WriteNumber(ReportText.Scope(scope), refuted.Count(r => r.Reading == reading && r.Counterexample?.Scope == scope));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>One claim's result; <paramref name="extra"/> writes further properties into the same object.</summary>
    public static void WriteClaim(Utf8JsonWriter json, ClaimResult result, Action<Utf8JsonWriter>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        var claim = result.Claim;
        json.WriteStartObject();
        json.WriteString("id", claim.Id);
        json.WriteString("variant", claim.Variant);
        json.WriteString("reading", ReportText.Reading(claim.Reading));
        json.WriteString("document", claim.Source.Document);
        json.WriteString("label", claim.Source.Label);
        json.WriteString("equation", claim.Source.Equation);
        json.WriteString("section", claim.Source.Section);
        json.WriteString("file", claim.SourceFile);
        json.WriteString("statement", claim.Statement);
        json.WriteString("interpretation", claim.Interpretation);
        json.WriteString("verdict", ReportText.Verdict(result.Verdict));
        json.WriteBoolean("statistical", result.IsStatistical);
        WriteClaimProof(json, result);
        json.WriteNumber("cases", result.Cases);
        json.WriteNumber("seed", result.Seed);
        json.WritePropertyName("counterexample");
        WriteCounterexample(json, result.Counterexample, result.Formalizations);
        json.WriteStartArray("formalizations");
        foreach (var f in result.Formalizations)
            WriteFormalization(json, f);
        json.WriteEndArray();
        json.WriteStrings("notes", result.Notes);
        extra?.Invoke(json);
        json.WriteEndObject();
    }

    /// <summary>One formalization's result: verdict, kind, how its inputs were settled, counterexample, notes.</summary>
    public static void WriteFormalization(Utf8JsonWriter json, FormalizationResult f)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(f);
        json.WriteStartObject();
        json.WriteString("name", f.Name);
        json.WriteString("kind", ReportText.Kind(f.Kind));
        json.WriteString("description", f.Description);
        json.WriteString("tolerance", f.Tolerance);
        json.WriteString("verdict", ReportText.Verdict(f.Verdict));
        var t = f.Tally;
        json.WriteNumber("cases", t.Cases);
        json.WriteNumber("distinct", t.Distinct);
        json.WriteNumber("accepted", t.Accepted);
        json.WriteNumber("rejected", t.Rejected);
        json.WriteNumber("trivial", t.Trivial);
        json.WriteNumber("violations", t.Violations);
        json.WriteNumber("certified", t.Certified);
        json.WriteNumber("roundingArtefacts", t.Artefacts);
        json.WriteNumber("undecidable", t.Undecidable);
        json.WriteNumber("unexamined", t.Unexamined);
        json.WriteNumber("errors", t.Errors);
        json.WriteDouble("worstMargin", f.WorstMargin);
        json.WritePropertyName("proof");
        WriteProof(json, f.Proof);
        json.WritePropertyName("counterexample");
        WriteCounterexample(json, f.Counterexample, [f]);
        json.WriteStrings("notes", f.Notes);
        json.WriteEndObject();
    }

    /// <summary>
    /// The claim's proof: null when none of its formalizations has a proof domain; otherwise the domains, the boxes, the
    /// reductions and the coverage (the smallest closed fraction over its formalizations, 0 for one without a proof).
    /// </summary>
    private static void WriteClaimProof(Utf8JsonWriter json, ClaimResult result)
    {
        json.WritePropertyName("proof");
        var proofs = result.Formalizations.Select(f => f.Proof).ToList();
        WriteObjectOrNull(json, proofs.All(p => p is null) ? null : proofs, proofs =>
        {
            json.WriteString("domain", string.Join("; ", proofs.Where(p => p is not null).Select(p => p!.Domain).Distinct()));
            json.WriteNumber("boxes", proofs.Sum(p => p?.Boxes ?? 0));
            var reductions = proofs.Where(p => p?.Reduction is not null).Select(p => p!.Reduction!).Distinct().ToList();
            json.WriteString("reduction", reductions.Count == 0 ? null : string.Join("; ", reductions));
            json.WriteBoolean("statedDomain", proofs.All(p => p is { CoversStatedDomain: true }));
            json.WriteDouble("coverage", proofs.Min(p => p?.VolumeCoverage ?? 0));
        });
    }

    /// <summary>A formalization's proof result, or null.</summary>
    public static void WriteProof(Utf8JsonWriter json, ProofResult? p)
    {
        ArgumentNullException.ThrowIfNull(json);
        WriteObjectOrNull(json, p, p =>
        {
            json.WriteString("domain", p.Domain);
            json.WriteBoolean("proved", p.Proved);
            json.WriteBoolean("statedDomain", p.CoversStatedDomain);
            json.WriteNumber("boxes", p.Boxes);
            json.WriteNumber("closedBoxes", p.Closed);
            json.WriteDouble("coverage", p.VolumeCoverage);
            json.WriteString("reduction", p.Reduction);
            json.WriteStrings("notes", p.Notes);
        });
    }

    /// <summary>A counterexample, or null.</summary>
    public static void WriteCounterexample(Utf8JsonWriter json, Counterexample? c, IReadOnlyList<FormalizationResult> formalizations)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(formalizations);
        WriteObjectOrNull(json, c, c =>
        {
            json.WriteString("formalization", c.Formalization);
            WriteNamedValues(json, "inputs", c.Inputs);
            WriteNamedValues(json, "outputs", c.Outputs ?? []);
            json.WriteString("relation", c.Relation);
            json.WriteString("tolerance", formalizations.FirstOrDefault(f => f.Name == c.Formalization)?.Tolerance);
            json.WriteDouble("lhs", c.Lhs);
            json.WriteDouble("rhs", c.Rhs);
            json.WriteDouble("margin", c.Margin);
            json.WriteDouble("certifiedMargin", c.CertifiedMargin);
            json.WriteString("marginUnit", c.MarginUnit);
            json.WriteString("scope", ReportText.Scope(c.Scope));
            json.WriteString("box", c.Box);
            json.WriteBoolean("implementationDefect", c.ImplementationDefect);
            json.WriteString("certification", c.Certification);
            json.WriteString("explanation", c.Explanation);
            json.WriteNumber("shrinkSteps", c.ShrinkSteps);
            json.WriteString("origin", c.Origin);
        });
    }

    /// <summary>Null where <paramref name="value"/> is, else an object whose properties <paramref name="body"/> writes.</summary>
    private static void WriteObjectOrNull<TValue>(Utf8JsonWriter json, TValue? value, Action<TValue> body) where TValue : class
    {
        if (value is null)
        {
            json.WriteNullValue();
            return;
        }
        json.WriteStartObject();
        body(value);
        json.WriteEndObject();
    }

    /// <summary>An object mapping each name to its recorded (round-trip) text.</summary>
    private static void WriteNamedValues(Utf8JsonWriter json, string name, IEnumerable<NamedValue> values)
    {
        json.WriteStartObject(name);
        foreach (var v in values)
            json.WriteString(v.Name, v.Value);
        json.WriteEndObject();
    }
}
