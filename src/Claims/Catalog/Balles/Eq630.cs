using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using static Verification.Numerics.SignGeometry.SignGeometryFormulas;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles-thesis eqs. (6.29), (6.30): φ(ω) ∈ [1/d, 1] and R(θ) = I_sign/I_GD = φ(∇f)·dL₂/L∞.</summary>
internal static class Eq630
{
    internal static Claim Claim() => new(
        "balles/eq-6.30",
        SignSources.Of("Eqs. (6.29), (6.30)", "(6.27)–(6.30)", "6.5"),
        "φ(ω) = ‖ω‖₁²/(d‖ω‖₂²) ∈ [1/d, 1], and R(θ) = I_SIGN-GD(θ)/I_GD(θ) = φ(∇f(θ))·dL₂/L∞ with I_GD = ‖∇f‖₂²/L₂, I_SIGN-GD = ‖∇f‖₁²/L∞.",
        "For every nonzero ω ∈ ℝ^d (exact zeros, one nonzero entry, all-equal magnitudes, 2^±40 scales) and any L₂, L∞ > 0. " +
        "ω = 0 is rejected: φ(0) = 0/0 and R = 0/0 (both improvements vanish); the thesis does not exclude it but nothing is defined there.",
        [new Lower(), new Upper(), new Ratio()]);

    private static T NonZeroOmega<T>(T[] omega) where T : IReal<T> => Assume.Positive(RealVector.LInf(omega), "ω = 0: φ(0) = 0/0");

    /// <summary>1/d ≤ φ(ω).</summary>
    private sealed class Lower : Statement<DensityCase>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Lower()
        {
            Name = "phi-ge-1/d";
            Description = "For all ω ≠ 0: 1/d ≤ φ(ω).";
            Tolerance = "None: φ is rational in ω; exact arithmetic decides every double-precision violation (equality at a single nonzero entry).";
            Domain = DensityCase.Domain(withConstants: false);
            MarginUnit = "absolute (both sides lie in [0, 1])";
        }

        public override Relation<T> Evaluate<T>(DensityCase input)
        {
            var (omega, _, _) = input.Read<T>();
            NonZeroOmega(omega);
            return Relation.LessOrEqual(T.Ratio(1, omega.Length), Density(omega));
        }

        public override string Explain(DensityCase input) => "φ falls below 1/d.";
    }

    /// <summary>φ(ω) ≤ 1.</summary>
    private sealed class Upper : Statement<DensityCase>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Upper()
        {
            Name = "phi-le-1";
            Description = "For all ω ≠ 0: φ(ω) ≤ 1.";
            Tolerance = "None: exact arithmetic decides every double-precision violation (equality at all-equal magnitudes).";
            Domain = DensityCase.Domain(withConstants: false);
            MarginUnit = "absolute (both sides lie in [0, 1])";
        }

        public override Relation<T> Evaluate<T>(DensityCase input)
        {
            var (omega, _, _) = input.Read<T>();
            NonZeroOmega(omega);
            return Relation.LessOrEqual(Density(omega), T.Of(1));
        }

        public override string Explain(DensityCase input) => "φ exceeds 1.";
    }

    /// <summary>(‖ω‖₁²/L∞)/(‖ω‖₂²/L₂) = φ(ω)·dL₂/L∞.</summary>
    private sealed class Ratio : Statement<DensityCase>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Ratio()
        {
            Name = "R-identity";
            Description = "For all ω ≠ 0, L₂, L∞ > 0: (‖ω‖₁²/L∞)/(‖ω‖₂²/L₂) = φ(ω)·dL₂/L∞.";
            Tolerance = "Double-precision allowance 1e-13 of the scale: both sides round about a dozen operations (a few ulps each); " +
                        "exact rationals decide every violation beyond it.";
            Domain = DensityCase.Domain(withConstants: true);
            MarginUnit = "relative to |φ(ω)·dL₂/L∞|";
        }

        public override Relation<T> Evaluate<T>(DensityCase input)
        {
            var (omega, l2, linf) = input.Read<T>();
            var scale = NonZeroOmega(omega);
            Assume.Positive(l2, "L₂ ≤ 0");
            Assume.Positive(linf, "L∞ ≤ 0");
            // Scaled by ‖ω‖∞ (an exact identity) so that 2^±40 entries neither overflow nor underflow when squared.
            var w = omega.Select(v => v / scale).ToArray();
            var l1 = RealVector.L1(w);
            var lhs = (l1 * l1 / linf) / (RealVector.Dot(w, w) / l2);
            var rhs = Density(w) * w.Length * l2 / linf;
            return Relation.Equal(lhs, rhs, T.Abs(rhs), allowance: 1e-13);
        }

        public override string Explain(DensityCase input) => "The ratio of improvement guarantees differs from φ·dL₂/L∞.";
    }
}
