using Verification.Engine;

namespace Verification.Tests.Regression.Reporting;

/// <summary>
/// Hand-built results (no engine run) with every shape a report must render: a refuted claim with a certified open-set
/// counterexample whose values need all 17 digits, an inconclusive claim with a non-finite worst margin, a claim of a
/// second document, and a refuted control.
/// </summary>
internal static class SampleReports
{
    internal const ulong Seed = 42;
    internal const int Budget = 10;

    /// <summary>0.1 + 0.2: its shortest round-trip text has 17 significant digits.</summary>
    internal const double Lhs = 0.30000000000000004;

    internal static readonly Counterexample Counterexample = new(
        "bound",
        [NamedValue.Of("lambda", -1.0), NamedValue.Of("lipschitz", 5e-324)],
        "lhs ≤ rhs", Lhs, 0.3, 1.1102230246251565e-16, 5.551115123125783e-17, "relative to |lhs| + |rhs|",
        Scope.OpenSet, "every real input x in [x − r·max(|x|, 2^-1022), x + r·max(|x|, 2^-1022)] with r = 2^-30 around the inputs shown",
        false, "exact rational: lhs − rhs ∈ [5.5e-17, 5.6e-17]", "m exceeds 5|M| in a concave eigenspace.", 2);

    private static Tally Tally(int cases, int accepted, int violations = 0, int certified = 0, int artefacts = 0) =>
        new(cases, cases, accepted, cases - accepted, 0, violations, certified, artefacts, 0, 0, 0);

    private static Claim Claim(string id, ClaimSource source, string statement) => new(id, source, statement, "The literal reading.", []);

    internal static ClaimResult Refuted { get; } = new(
        Claim("elmo/lemma-X", new ClaimSource("elmo", "Lemma X", "(9)", "M.4"), "a | b ≤ c."), Verdict.Refuted, Seed, Counterexample,
        [
            new FormalizationResult("bound", "For all λ: a ≤ c.", "none", StatementKind.Inequality, Verdict.Refuted, Tally(10, 9, 2, 1, 1), 1.1102230246251565e-16, Counterexample, []),
            new FormalizationResult("other", "For all λ: b ≤ c.", "1 ulp", StatementKind.Inequality, Verdict.Holds, Tally(10, 10), -0.5, null, []),
        ],
        []);

    internal static ClaimResult Inconclusive { get; } = new(
        Claim("elmo/eq-99/literal", new ClaimSource("elmo", "Eq. 99", null, "3"), "x ≥ 0."), Verdict.Inconclusive, Seed, null,
        [new FormalizationResult("sign", "x ≥ 0.", "none", StatementKind.Inequality, Verdict.Inconclusive, Tally(10, 0), double.NegativeInfinity, null, ["every side overflowed"])],
        ["[sign] every side overflowed"]);

    internal static ClaimResult OtherDocument { get; } = new(
        Claim("lodo/eq-2-psd", new ClaimSource("lodo", "Eq. 2", "(2)", "3.1"), "G is PSD."), Verdict.Holds, Seed, null,
        [new FormalizationResult("psd", "G ⪰ 0.", "none", StatementKind.Inequality, Verdict.Holds, Tally(10, 10), double.NaN, null, [])],
        []);

    internal static ClaimResult RefutedControl { get; } = new(
        Claim("lodo/eq-2-psd/control", new ClaimSource("lodo", "Eq. 2", "(2)", "3.1"), "A control.") with { Reading = Reading.Control },
        Verdict.Refuted, Seed, Counterexample with { Scope = Scope.Degenerate, Box = null },
        [new FormalizationResult("bound", "control", "none", StatementKind.Inequality, Verdict.Refuted, Tally(10, 10, 1, 1), 1, Counterexample, [])],
        []);

    internal static CatalogReport Report { get; } = new(Seed, Budget, [Refuted, Inconclusive, OtherDocument, RefutedControl]);
}
