using System.Diagnostics.CodeAnalysis;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Elmo;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>elmo-amos Thm H.2 (App. H.2): for λ ≤ 0, M(x*) = Θ(−1/L²) as L → 0⁺.</summary>
internal static class ThmH2
{
    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim("elmo/thm-H.2", ElmoSources.Of("Theorem H.2", null, "H.2"),
            "If λ_i(θ_t) ≤ 0 then M_t^i(Δθ*ᵀv_i) = Θ(−1/(L_t^i)²) when L_t^i → 0⁺.",
            "As written, λ ≤ 0 including λ = 0 and any |g| ≥ 0: |M(x*)|·L² along L → 0⁺ must stay bounded away from 0 and ∞.",
            [new Trend("flat-nonzero-gradient", Case.FlatNonzeroGradient), new Trend("concave-or-flat", Case.ConcaveOrFlat)]);
        yield return new Claim("elmo/thm-H.2/strictly-concave", ElmoSources.Of("Theorem H.2", null, "H.2"),
            "If λ_i(θ_t) < 0 then M_t^i(Δθ*ᵀv_i) = Θ(−1/(L_t^i)²) when L_t^i → 0⁺.",
            "λ < 0 only: the proof divides by λ³ (its normalizer (2/3)λ³/L²), which is 0 at λ = 0, so the flat case is outside what it proves.",
            [new Trend("strictly-concave", Case.StrictlyConcave)]);
    }

    private enum Case
    {
        FlatNonzeroGradient,
        ConcaveOrFlat,
        StrictlyConcave,
    }

    /// <summary>|M(x*)|·L² along L_k = c·10^(−2k), k = 0..8, c = λ²/|g| (|λ| when |g| = 0, 1 when λ = 0).</summary>
    private sealed class Trend : TrendStatement<EigenspaceAlongL>
    {
        private readonly Case _case;

        [SetsRequiredMembers]
        public Trend(string name, Case c)
        {
            _case = c;
            Name = name;
            Description = "Along L_k = (λ²/|g|)·10^(−2k), k = 0..8 (|λ| when |g| = 0, 1 when λ = 0), |M(x*)|·L_k² must neither vanish nor drift by 10⁶. "
                + c switch
                {
                    Case.FlatNonzeroGradient => "The boundary case λ = 0 with |g| > 0.",
                    Case.ConcaveOrFlat => "λ ≤ 0, |g| ≥ 0.",
                    _ => "λ < 0, |g| ≥ 0.",
                };
            Tolerance = "Θ decided along the sequence (y = L|g|/λ² from 1 to 1e-16): refuted when the ratio drifts by 10⁶ between the first and last term or is 0 at every term; holds when the last three ratios agree within 1e-3. M(x*) is evaluated from its definition (eq. 3 at x*).";
            MarginUnit = "relative to r(L_0) + 10⁶·r(L_8) (the drift test's terms)";
            Domain = EigenspaceAlongL.Domain(1e-3, 1e3, nonzeroLambda: false, () => EigenspaceAlongL.Corners(1e-3, 1e3));
        }

        protected override IReadOnlyList<double> Sequence(EigenspaceAlongL input) => Sequences.Decades(input.CrossoverL(), 2, 9, up: false);

        protected override T Ratio<T>(EigenspaceAlongL input, T lipschitz)
        {
            var (lambda, a) = input.Read<T>();
            switch (_case)
            {
                case Case.FlatNonzeroGradient:
                    Assume.That(T.Sign(lambda) == 0 && T.Sign(a) > 0, "this formalization takes the boundary case λ = 0 with |g| > 0");
                    break;
                case Case.ConcaveOrFlat:
                    Assume.That(T.Sign(lambda) <= 0, "λ > 0 is outside the theorem");
                    break;
                default:
                    Assume.That(T.Sign(lambda) < 0, "λ ≥ 0 is excluded by this reading");
                    break;
            }
            var x = ElmoEigenspaceFormulas.Step(lambda, a, lipschitz);
            return ElmoFormulas.Upper(-a, lambda, lipschitz, x) * lipschitz * lipschitz;
        }

        public override string Explain(EigenspaceAlongL input) => input.Lambda == 0
            ? (input.GradMagnitude == 0 ? "At λ = 0 and ∇fᵀv_i = 0, M(x*) = 0 for every L." : "At λ = 0 (allowed by λ ≤ 0), x* = √(2|g|/L) and M(x*) = −(2/3)|g|√(2|g|/L) = Θ(L^(−1/2)), not Θ(L^(−2)).")
            : "|M(x*)|·L² does not settle as L → 0⁺.";
    }
}
