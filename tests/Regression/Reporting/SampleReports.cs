using Verification.Engine;

namespace Verification.Tests.Regression.Reporting;

/// <summary>
/// Hand-built results (no engine run) with every shape a report must render: a refuted claim with a certified
/// counterexample whose values need all 17 digits, an inconclusive claim with a non-finite worst margin, and a
/// claim of a second document.
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
        Lhs, 0.3, 1.1102230246251565e-16, 5.551115123125783e-17,
        "exact rational: lhs − rhs ∈ [5.5e-17, 5.6e-17]",
        "m exceeds 5|M| in a concave eigenspace.");

    internal static ClaimResult Refuted { get; } = new(
        "elmo/lemma-X", null, new ClaimSource("elmo", "Lemma X", "(9)", "M.4"), "a | b ≤ c.", Verdict.Refuted, 20, Seed, Counterexample,
        [
            new FormalizationResult("bound", "For all λ: a ≤ c.", "none", Verdict.Refuted, 10, 9, 2, 1, 0, 1.1102230246251565e-16, Counterexample, []),
            new FormalizationResult("other", "For all λ: b ≤ c.", "1 ulp", Verdict.Holds, 10, 10, 0, 0, 0, -0.5, null, []),
        ],
        []);

    internal static ClaimResult Inconclusive { get; } = new(
        "elmo/eq-99/literal", "literal", new ClaimSource("elmo", "Eq. 99", null, "3"), "x ≥ 0.", Verdict.Inconclusive, 10, Seed, null,
        [new FormalizationResult("sign", "x ≥ 0.", "none", Verdict.Inconclusive, 10, 0, 0, 0, 0, double.NegativeInfinity, null, ["every side overflowed"])],
        ["[sign] every side overflowed"]);

    internal static ClaimResult OtherDocument { get; } = new(
        "lodo/eq-2-psd", null, new ClaimSource("lodo", "Eq. 2", "(2)", "3.1"), "G is PSD.", Verdict.Holds, 10, Seed, null,
        [new FormalizationResult("psd", "G ⪰ 0.", "none", Verdict.Holds, 10, 10, 0, 0, 0, double.NaN, null, [])],
        []);

    internal static CatalogReport Report { get; } = new(Seed, Budget, [Refuted, Inconclusive, OtherDocument]);
}
