using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;

namespace Verification.Claims.Catalog.Balles;

/// <summary>
/// Thesis Fig. 5.2: erf((√2η)⁻¹) "is closely approximated by" (1 + η²)^(−1/2) over η ∈ (0, ∞). The statement has no
/// number; each reading fixes one, and every reading reports the worst absolute and relative deviation and where.
/// </summary>
internal static class Fig52
{
    private const string Statement = "The optimal factor erf[(√2η)⁻¹] for the sign of a Gaussian stochastic gradient is closely approximated by (1 + η²)^(−1/2), Adam's factor, for η ∈ (0, ∞).";

    /// <summary>The tolerance of each reading: a tenth, the resolution at which Fig. 5.2's [0, 1] axis shows curves as close.</summary>
    internal const double Closeness = 0.1;

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "balles/fig-5.2",
            VarianceSources.Of("Figure 5.2", null, "5.3.1"),
            Statement,
            $"Read at the figure's resolution: the absolute deviation |erf((√2η)⁻¹) − (1 + η²)^(−1/2)| is at most {Closeness.ToString(CultureInfo.InvariantCulture)} (a tenth of the factors' range [0, 1]) for every η > 0. The notes give the worst absolute and relative deviation and where they occur.",
            [new FormalizationWithFindings(new Deviation(relative: false), Findings)]);
        yield return new Claim(
            "balles/fig-5.2/relative",
            VarianceSources.Of("Figure 5.2", null, "5.3.1"),
            Statement,
            $"Relative reading: the deviation relative to the optimal factor, |erf − (1 + η²)^(−1/2)|/erf, is at most {Closeness.ToString(CultureInfo.InvariantCulture)} for every η > 0. Differs from the absolute reading at large η, where both factors tend to 0 and only their ratio stays visible.",
            [new FormalizationWithFindings(new Deviation(relative: true), Findings)]);
    }

    /// <summary>|erf((√2η)⁻¹) − (1 + η²)^(−1/2)| in arithmetic T.</summary>
    internal static T AbsoluteDeviation<T>(T eta) where T : IReal<T> =>
        T.Abs(GaussianSignFormulas.ErfFactor(eta) - GaussianSignFormulas.AdamFactor(eta));

    /// <summary>The worst deviations over η ∈ [1e-4, 1e8] by scan and refinement, with a rigorous enclosure at the absolute worst.</summary>
    internal static IReadOnlyList<string> Findings() => CachedFindings.Value;

    /// <summary>The findings do not depend on the run: both readings share one computation.</summary>
    private static readonly Lazy<IReadOnlyList<string>> CachedFindings = new(ComputeFindings);

    private static IReadOnlyList<string> ComputeFindings()
    {
        var (etaAbs, abs) = VarianceAdaptationFactors.Worst(VarianceAdaptationFactors.AbsoluteDeviation, 1e-4, 1e8, 1201);
        var (etaRel, rel) = VarianceAdaptationFactors.Worst(VarianceAdaptationFactors.RelativeDeviation, 1e-4, 1e8, 1201);
        RationalInterval exact;
        using (EnclosureSettings.Use(256))
            exact = AbsoluteDeviation(RationalInterval.Exact(etaAbs));
        string Show(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
        double limit = VarianceAdaptationFactors.RelativeDeviationLimit;
        double atThousand = VarianceAdaptationFactors.RelativeDeviation(1e3);
        string relWhere = Math.Abs(rel - limit) < 1e-6
            ? $"at η = {Show(etaRel)} in the scanned range [1e-4, 1e8]; it rises toward its supremum √(π/2) − 1 = {Show(limit)} as η → ∞ (already {Show(atThousand)} at η = 1000) and does not attain it"
            : $"at η = {Show(etaRel)}";
        return
        [
            $"worst absolute deviation {Show(abs)} at η = {Show(etaAbs)} (Adam's factor above the erf factor; rigorous enclosure {exact}); it tends to 0 as η → 0 and as η → ∞",
            $"worst relative deviation (to the erf factor) {Show(rel)} {relWhere}",
        ];
    }

    private static Gen<double> Etas { get; } = Gen.Frequency(
        (4, EdgeDoubles.LogUniform(1e-6, 1e12)),
        (2, EdgeDoubles.Positive(0.1, 100)),
        (1, Gen.Elements(1.0, 2.0, 2.5, 1e3, 1e6)));

    /// <summary>|erf − Adam| ≤ 0.1 (absolute) or ≤ 0.1·erf (relative).</summary>
    private sealed class Deviation : Statement<double>
    {
        private readonly bool _relative;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Deviation(bool relative)
        {
            _relative = relative;
            string c = Closeness.ToString(CultureInfo.InvariantCulture);
            Name = relative ? "relative-deviation" : "absolute-deviation";
            Description = relative
                ? $"For all η > 0: |erf((√2η)⁻¹) − (1 + η²)^(−1/2)| ≤ {c}·erf((√2η)⁻¹)."
                : $"For all η > 0: |erf((√2η)⁻¹) − (1 + η²)^(−1/2)| ≤ {c}.";
            Tolerance = "None: every double-precision violation is decided by rigorous erf enclosures (series with bounded remainder, Mills-ratio tail).";
            MarginUnit = relative ? "relative to the erf factor (1 = the factor itself)" : "absolute (the factors lie in [0, 1])";
            Domain = new()
            {
                Generator = Etas,
                Edges = () => [1e-6, 0.5, 1, 2, 2.3, 10, 1e4, 1e12],
                Perturb = (eta, r) => EdgeDoubles.Perturb(eta, r, 1e-300, 1e300),
                Shrink = eta => Simplicity.Candidates(eta).Where(x => x > 0),
                Describe = eta => [NamedValue.Of("eta", eta)],
            };
            if (relative)
                return; // refuted at large η (the ratio tends to √(π/2)): nothing to prove
            // η > 0 is unbounded on both sides. η ∈ (0, 1] directly: the face η = 0 is outside the domain (Assume.Positive),
            // and on the half-open boxes next to it erf(1/(√2η)) has a pole in its argument, enclosed by the tail bound
            // erfc(y) ≤ n!/(√π·y^(2n+1)) (FaceJet's TailAtPole); the relation is not tight there (the deviation tends to 0,
            // the bound is a tenth). η ∈ [1, ∞) as η = 1/t² with t ∈ (0, 1] (onto: t = 1/√η), where erf(t²/√2) and
            // (1 + 1/t⁴)^(−1/2) = t²/√(t⁴ + 1) are analytic at t = 0 (the face t = 0 is η = ∞, no point of the domain).
            Proofs =
            [
                new ProofDomain<double> { Box = [new ProofCoordinate("η", 0, 1) { TightAt = [0] }], At = v => v[0], CoversStatedDomain = true },
                new ProofDomain<double>
                {
                    Box = [new ProofCoordinate("t", 0, 1) { TightAt = [0], Map = CoordinateMap.InverseSquare, Input = "η" }],
                    At = v => v[0],
                    CoversStatedDomain = true,
                },
            ];
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            var eta = Assume.Positive(T.Input(input), "η ≤ 0");
            var deviation = AbsoluteDeviation(eta);
            var closeness = T.Ratio(1, 10); // exactly a tenth (Closeness as a double is not)
            if (!_relative)
                return Relation.LessOrEqual(deviation, closeness);
            var optimal = GaussianSignFormulas.ErfFactor(eta);
            return Relation.LessOrEqual(deviation, closeness * optimal, optimal);
        }

        public override string Explain(double input) => _relative
            ? "For large η both factors decay like 1/η, erf((√2η)⁻¹) ≈ √(2/π)/η against (1 + η²)^(−1/2) ≈ 1/η, so Adam's factor is about √(π/2) ≈ 1.25 times the optimal one: a 25 % relative error that never shrinks."
            : "The absolute deviation exceeds the closeness tolerance here.";
    }
}
