using FsCheck;
using FsCheck.Fluent;
using Fractions;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>
/// Inputs of the step-size/batch-size trade-off of thesis §4.2: batch size m &gt; 0 (continuous, as §4.2.2 treats it),
/// noise-to-signal ratio η² ≥ 0 (eq. 4.9), step factor γ, and a competitor value (a step factor or a batch size).
/// </summary>
internal sealed record StepBatchInput(double M, double Eta2, double Gamma, double Competitor)
{
    /// <summary>G(γ, m)/m = 2γ/m − γ²/m − η²γ²/m² (eq. 4.10), exactly.</summary>
    internal static Fraction GainPerCost(Fraction gamma, Fraction m, Fraction eta2) =>
        new Fraction(2) * gamma / m - gamma * gamma / m - eta2 * gamma * gamma / (m * m);

    /// <summary>G(γ, m)/m in double.</summary>
    internal static double GainPerCost(double gamma, double m, double eta2) =>
        gamma * (2 - gamma) / m - eta2 * gamma * gamma / (m * m);

    internal Fraction ExactM => ExactDouble.ToFraction(M);

    internal Fraction ExactEta2 => ExactDouble.ToFraction(Eta2);

    internal Fraction ExactGamma => ExactDouble.ToFraction(Gamma);

    internal Fraction ExactCompetitor => ExactDouble.ToFraction(Competitor);

    internal IReadOnlyList<NamedValue> Describe() =>
        [NamedValue.Of("m", M), NamedValue.Of("eta^2", Eta2), NamedValue.Of("gamma", Gamma), NamedValue.Of("competitor", Competitor)];

    internal static Gen<StepBatchInput> Generator(double competitorMax) =>
        from m in Gen.Frequency((2, Gen.Choose(1, 64).Select(i => (double)i)), (1, EdgeDoubles.Positive(1e-6, 1e6)))
        from eta2 in EdgeDoubles.NonNegative(1e-6, 1e6)
        from gamma in Gen.Frequency((4, EdgeDoubles.NonNegative(1e-6, 1)), (1, Gen.Constant(1.0)))
        from competitor in EdgeDoubles.Positive(1e-6, competitorMax)
        select new StepBatchInput(m, eta2, gamma, competitor);

    internal StepBatchInput Perturb(System.Random random) => random.Next(3) switch
    {
        0 => this with { Competitor = EdgeDoubles.Perturb(Competitor, random, 1e-300) },
        1 => this with { Eta2 = EdgeDoubles.Perturb(Eta2, random) },
        _ => this with { Gamma = System.Math.Min(1, EdgeDoubles.Perturb(Gamma, random)) },
    };
}
