using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;

namespace Verification.Claims.Catalog.Balles;

/// <summary>Thesis Lemma 5.2 (eq. 5.9): E‖γ⊙sign(p̂) − sign(p)‖² is minimized by γᵢ = 2ρᵢ − 1, ρᵢ = P[sign p̂ᵢ = sign pᵢ].</summary>
internal static class Lemma52
{
    private const string Statement =
        "Let p̂ ∈ ℝ^d be random with E[p̂] = p and var[p̂ᵢ] = σᵢ². Then E[‖γ⊙sign(p̂) − sign(p)‖²] is minimized by γᵢ = 2ρᵢ − 1, ρᵢ := P[sign(p̂ᵢ) = sign(pᵢ)].";

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "balles/lemma-5.2",
            VarianceSources.Of("Lemma 5.2", "(5.9)", "5.3"),
            Statement,
            "As written, for every p̂ with a finite mean, sign(0) = 0: discrete p̂ with atoms at zero and pᵢ = 0 included, against every competitor γ'.",
            [new Minimizer(continuousReading: false)]);
        yield return new Claim(
            "balles/lemma-5.2/no-atom-at-zero",
            VarianceSources.Of("Lemma 5.2", "(5.9)", "5.3"),
            Statement,
            "Restricted to pᵢ ≠ 0 and P[p̂ᵢ = 0] = 0, the cases the proof (B.7) covers: it uses sign(p̂ᵢ)² = 1, which fails on an atom of p̂ᵢ at zero, and E[sign p̂ᵢ] = (2ρᵢ − 1)sign(pᵢ), which fails at pᵢ = 0.",
            [new Minimizer(continuousReading: true)]);
    }

    /// <summary>E‖γ⊙sign(p̂) − sign(p)‖² (signs decided in T).</summary>
    private static T Objective<T>(DiscreteLaw<T> p, int[] signOfMean, T[] gamma) where T : IReal<T> => p.Expectation(x =>
    {
        T s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            var r = gamma[i] * T.Sign(x[i]) - signOfMean[i];
            s += r * r;
        }
        return s;
    });

    /// <summary>E‖γ*⊙sign p̂ − sign p‖² ≤ E‖γ'⊙sign p̂ − sign p‖².</summary>
    private sealed class Minimizer : Statement<EstimateInput>
    {
        private readonly bool _continuousReading;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Minimizer(bool continuousReading)
        {
            _continuousReading = continuousReading;
            Name = "minimizer";
            Description = continuousReading
                ? "For all discrete p̂ with pᵢ ≠ 0 and no atom of p̂ᵢ at 0, and all γ': E‖γ*⊙sign p̂ − sign p‖² ≤ E‖γ'⊙sign p̂ − sign p‖²."
                : "For all discrete p̂ and all γ': E‖γ*⊙sign p̂ − sign p‖² ≤ E‖γ'⊙sign p̂ − sign p‖², γ*ᵢ = 2ρᵢ − 1.";
            Tolerance = "None: every double-precision violation is decided in exact rationals (signs of atoms and means decided exactly).";
            MarginUnit = "relative to the sum of both objectives (margins in [−1, 1])";
            Domain = EstimateInput.Domain(() =>
            [
                new([[0.0], [2.0]], [1, 1], [1.0]),
                new([[-1.0], [1.0]], [1, 1], [0.5]),
                new([[3.0], [-1.0]], [1, 2], [0.5]),
            ]);
        }

        public override Relation<T> Evaluate<T>(EstimateInput input)
        {
            var (p, competitor) = input.Read<T>();
            var signOfMean = p.Mean().Select(T.Sign).ToArray();
            if (_continuousReading)
                for (int i = 0; i < signOfMean.Length; i++)
                {
                    int coordinate = i;
                    Assume.That(signOfMean[i] != 0, "pᵢ = 0");
                    Assume.That(T.Sign(p.ProbabilityOf(x => T.Sign(x[coordinate]) == 0)) == 0, "P[p̂ᵢ = 0] > 0");
                }
            var best = Enumerable.Range(0, p.Dimension)
                .Select(i => 2 * p.ProbabilityOf(x => T.Sign(x[i]) == signOfMean[i]) - 1).ToArray();
            var optimal = Objective(p, signOfMean, best);
            var other = Objective(p, signOfMean, competitor);
            var scale = optimal + other;
            return Relation.LessOrEqual(optimal, other, T.Sign(scale) > 0 ? scale : T.Of(1));
        }

        public override string Explain(EstimateInput input)
        {
            var (p, _) = input.Read<RationalInterval>();
            return p.Mean().Any(m => m.IsExactlyZero)
                ? "Where pᵢ = 0, sign(pᵢ) = 0 and the objective is γᵢ²P[p̂ᵢ ≠ 0], minimized by γᵢ = 0, not 2ρᵢ − 1 = 2P[p̂ᵢ = 0] − 1: the proof's E[sign p̂ᵢ] = (2ρᵢ − 1)sign(pᵢ) fails."
                : "An atom of p̂ᵢ at 0 makes sign(p̂ᵢ)² = 1 false (step B.7): the optimum is (ρᵢ − ρᵢ⁻)/P[p̂ᵢ ≠ 0], not 2ρᵢ − 1.";
        }
    }
}
