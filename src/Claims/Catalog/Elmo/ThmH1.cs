using System.Diagnostics.CodeAnalysis;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Elmo;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>elmo-amos Thm H.1 (App. H.1): M(x*) = Θ(1/√L) as L → ∞.</summary>
internal static class ThmH1
{
    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim("elmo/thm-H.1", ElmoSources.Of("Theorem H.1", null, "H.1"),
            "M_t^i(Δθ*ᵀv_i) = Θ(1/√L_t^i) when L_t^i → ∞.",
            "As written, for every eigenspace (any λ, |g| ≥ 0): the ratio |M(x*)|·√L along L → ∞ must stay bounded away from 0 and ∞.",
            [new Trend("all-eigenspaces", nonzeroGradient: false)]);
        yield return new Claim("elmo/thm-H.1/nonzero-gradient", ElmoSources.Of("Theorem H.1", null, "H.1"),
            "M_t^i(Δθ*ᵀv_i) = Θ(1/√L_t^i) when L_t^i → ∞, for eigenspaces with ∇fᵀv_i ≠ 0.",
            "Restricted to |g| > 0, the case the proof's normalizer (built from √(−∇fᵀv_i)) presupposes; with |g| = 0, M(x*) is 0 (λ ≥ 0) or −(2/3)|λ|³/L² (λ < 0), which the as-written reading includes.",
            [new Trend("nonzero-gradient", nonzeroGradient: true)]);
    }

    /// <summary>|M(x*)|·√L along L_k = c·10^(2k), k = 0..8, c = λ²/|g| (|λ| when |g| = 0, 1 when λ = 0).</summary>
    private sealed class Trend : TrendStatement<EigenspaceAlongL>
    {
        private readonly bool _nonzeroGradient;

        [SetsRequiredMembers]
        public Trend(string name, bool nonzeroGradient)
        {
            _nonzeroGradient = nonzeroGradient;
            Name = name;
            Description = "Along L_k = (λ²/|g|)·10^(2k), k = 0..8 (|λ| when |g| = 0, 1 when λ = 0), the ratio |M(x*)|·√L_k must neither vanish nor drift by 10⁶."
                + (nonzeroGradient ? " |g| > 0." : " Any λ, |g| ≥ 0.");
            Tolerance = "Θ decided along the sequence (y = L|g|/λ² from 1 to 1e16): refuted when the ratio drifts by 10⁶ between the first and last term or is 0 at every term; holds when the last three ratios agree within 1e-3. M(x*) is evaluated from its definition (eq. 3 at x*).";
            MarginUnit = "relative to r(L_0) + 10⁶·r(L_8) (the drift test's terms)";
            Domain = EigenspaceAlongL.Domain(1e-3, 1e3, nonzeroLambda: false, () => EigenspaceAlongL.Corners(1e-3, 1e3));
        }

        protected override IReadOnlyList<double> Sequence(EigenspaceAlongL input) => Sequences.Decades(input.CrossoverL(), 2, 9, up: true);

        protected override T Ratio<T>(EigenspaceAlongL input, T lipschitz)
        {
            var (lambda, a) = input.Read<T>();
            if (_nonzeroGradient)
                Assume.Positive(a, "|g| = 0 is excluded by this reading");
            var x = ElmoEigenspaceFormulas.Step(lambda, a, lipschitz);
            return ElmoFormulas.Upper(-a, lambda, lipschitz, x) * T.Sqrt(lipschitz);
        }

        public override string Explain(EigenspaceAlongL input) => input.GradMagnitude == 0
            ? (input.Lambda >= 0 ? "With ∇fᵀv_i = 0 and λ ≥ 0, x* = 0 and M(x*) = 0 for every L: not Θ(1/√L)." : "With ∇fᵀv_i = 0 and λ < 0, M(x*) = −(2/3)|λ|³/L², which is o(1/√L).")
            : "|M(x*)|·√L does not settle as L → ∞.";
    }
}
