using System.Diagnostics.CodeAnalysis;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Elmo;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos Lemma M.5 (minmax step-size bound), with the constants its proof derives:
/// 0 ≤ λ ≤ √(L|g|) ⇒ x* ≤ (5/(2√2))·√(|g|/L); λ &gt; √(L|g|) ⇒ x* ≤ |g|/λ ≤ √(|g|/L); λ &lt; 0 ⇒ x* ≤ 2|λ|/L.
/// </summary>
internal static class LemmaM5
{
    internal static Claim Claim() => new(
        "elmo/lemma-M.5",
        ElmoSources.Of("Lemma M.5", null, "M.3"),
        "If λ_i ≥ 0 then Δθ*ᵀv_i = O(√|∇fᵀv_i|); if λ_i < 0 then Δθ*ᵀv_i = O(|λ_i|).",
        "Read through the constants the proof derives for each case (the O's carry no stated limit, so the proof's explicit bounds are what is checked): "
        + "(i) 0 ≤ λ ≤ √(L|g|): x* ≤ 5/(2√2)·√(|g|/L); (ii) λ > √(L|g|): x* ≤ |g|/λ ≤ √(|g|/L); (iii) λ < 0: x* ≤ 2|λ|/L.",
        [new StepBound(Case.SmallConvex), new StepBound(Case.LargeConvex), new StepBound(Case.NewtonBound), new StepBound(Case.Concave)]);

    private enum Case
    {
        SmallConvex,
        LargeConvex,
        NewtonBound,
        Concave,
    }

    /// <summary>x* ≤ the bound the proof derives in one case.</summary>
    private sealed class StepBound : Statement<EigenspaceInput>
    {
        private readonly Case _case;

        [SetsRequiredMembers]
        public StepBound(Case c)
        {
            _case = c;
            (Name, Description) = c switch
            {
                Case.SmallConvex => ("convex-small-lambda", "For 0 ≤ λ ≤ √(L|g|), |g| ≥ 0, L > 0: x* ≤ (5/(2√2))·√(|g|/L)."),
                Case.LargeConvex => ("convex-large-lambda", "For λ > √(L|g|), |g| ≥ 0, L > 0: x* ≤ √(|g|/L)."),
                Case.NewtonBound => ("convex-newton-bound", "For λ > 0, |g| ≥ 0, L > 0: x* ≤ |g|/λ (the proof's first step in case (ii), via Corollary M.1.1 with x = λ²)."),
                _ => ("concave", "For λ < 0, |g| ≥ 0, L > 0: x* ≤ 2|λ|/L."),
            };
            Tolerance = "None: every double-precision violation is re-evaluated in exact rational intervals, which decide.";
            MarginUnit = "relative to x* + the bound";
            Domain = EigenspaceInput.Domain;
            // Case (ii) is tight at |g| = 0 against √(|g|/L): its charts take |g| = s² there.
            Proofs = c == Case.LargeConvex ? EigenspaceCharts.SquareRootGradient : EigenspaceCharts.All;
        }

        public override Relation<T> Evaluate<T>(EigenspaceInput input)
        {
            var (lambda, a, l) = input.Read<T>();
            T bound;
            switch (_case)
            {
                case Case.SmallConvex:
                    Assume.That(T.Sign(lambda) >= 0 && lambda * lambda <= l * a, "outside 0 ≤ λ ≤ √(L|g|)");
                    bound = 5 / (2 * T.Sqrt(2)) * T.Sqrt(a / l);
                    break;
                case Case.LargeConvex:
                    Assume.That(T.Sign(lambda) > 0 && lambda * lambda > l * a, "outside λ > √(L|g|)");
                    bound = T.Sqrt(a / l);
                    break;
                case Case.NewtonBound:
                    Assume.Positive(lambda, "λ > 0");
                    bound = a / lambda;
                    break;
                default:
                    Assume.That(T.Sign(lambda) < 0, "λ < 0");
                    bound = 2 * -lambda / l;
                    break;
            }
            var x = ElmoEigenspaceFormulas.Step(lambda, a, l);
            return Relation.LessOrEqual(x, bound, Margins.OrOne(x + bound));
        }

        public override string Explain(EigenspaceInput input) => _case == Case.Concave
            ? "For λ < 0, x* = (√(λ² + 2L|g|) + |λ|)/L ≥ 2|λ|/L with equality only at |g| = 0: the proof's step 2L|g|/(L(S − |λ|)) ≤ 2|λ|/L reverses Corollary M.1.1, which gives S − |λ| ≤ L|g|/|λ| and hence x* ≥ 2|λ|/L."
            : "x* exceeds the bound the proof derives in this case.";
    }
}
