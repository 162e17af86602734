using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using static Verification.Numerics.SignGeometry.SignGeometryFormulas;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles-thesis §6.4.4, side note after Prop. 6.6: "l_max can exceed λ_max, see Appendix C.2".</summary>
internal static class Sec644
{
    internal static Claim Claim() => new(
        "balles/sec-6.4.4",
        SignSources.Of("Side note in §6.4.4", null, "6.4.4"),
        "Assuming the convergence of GD is controlled by l_max implicitly assumes l_max = λ_max; this may be misleading since l_max can exceed λ_max (Appendix C.2).",
        "On appendix C.2's PD 2×2 family with l the minimizer of eq. (6.25), l = (a + |b|, d + |b|). Two formalizations: the comparison " +
        "never goes the other way (λ_max ≤ l_max for every H), and \"can exceed\" read over the generic case b ≠ 0, a ≠ d, where it is " +
        "strict (a = d with b ≠ 0 gives equality, b = 0 gives l = (a, d) and equality). The wording is the reverse of appendix C.2's " +
        "sentence (balles/app-C.2), which says λ_max can exceed l_max.",
        [new Never(), new Strict()]);

    /// <summary>λ_max ≤ l_max.</summary>
    private sealed class Never : Statement<PositiveDefinitePair>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Never()
        {
            Name = "lambda-max-le-l-max";
            Description = "For all PD H: λ_max ≤ l_max.";
            Tolerance = "None: λ_max is enclosed with 128–2048-bit √; exact arithmetic decides every double-precision violation.";
            Domain = PositiveDefinitePair.Domain;
            MarginUnit = "relative to l_max + λ_max";
        }

        public override Relation<T> Evaluate<T>(PositiveDefinitePair input)
        {
            var (a, b, d) = input.ReadPositiveDefinite<T>();
            var lmax = PositiveDefinitePair.LMax(a, b, d);
            var (lambdaMax, _) = Eigenvalues2x2(a, b, d);
            return Relation.LessOrEqual(lambdaMax, lmax, lmax + lambdaMax);
        }

        public override string Explain(PositiveDefinitePair input) => "λ_max exceeds l_max.";
    }

    /// <summary>λ_max &lt; l_max where b ≠ 0 and a ≠ d.</summary>
    private sealed class Strict : Statement<PositiveDefinitePair>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Strict()
        {
            Name = "l-max-exceeds-generic";
            Description = "For all PD H with b ≠ 0 and a ≠ d: λ_max < l_max.";
            Tolerance = "None: exact enclosures decide; near-equal cases (|b| ≪ |a − d|) are resolved at up to 2048 bits.";
            Domain = PositiveDefinitePair.Domain;
            MarginUnit = "relative to l_max + λ_max";
        }

        public override Relation<T> Evaluate<T>(PositiveDefinitePair input)
        {
            var (a, b, d) = input.Read<T>();
            Assume.NonZero(b, "b = 0 (equality case)");
            Assume.NonZero(a - d, "a = d (equality case)");
            PositiveDefinitePair.AssumePositiveDefinite(a, b, d);
            var lmax = PositiveDefinitePair.LMax(a, b, d);
            var (lambdaMax, _) = Eigenvalues2x2(a, b, d);
            return Relation.Less(lambdaMax, lmax, lmax + lambdaMax);
        }

        public override string Explain(PositiveDefinitePair input) => "l_max does not exceed λ_max here.";
    }
}
