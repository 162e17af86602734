using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Statistics;

namespace Verification.Claims.Catalog.Balles;

/// <summary>Thesis Lemma 5.1 (eq. 5.8): E‖γ⊙p̂ − p‖² is minimized by γᵢ = E[p̂ᵢ]²/E[p̂ᵢ²] = pᵢ²/(pᵢ² + σᵢ²).</summary>
internal static class Lemma51
{
    internal static Claim Claim() => new(
        "balles/lemma-5.1",
        VarianceSources.Of("Lemma 5.1", "(5.8)", "5.3"),
        "Let p̂ ∈ ℝ^d be random with E[p̂] = p and var[p̂ᵢ] = σᵢ². Then E[‖γ⊙p̂ − p‖²] is minimized by γᵢ = E[p̂ᵢ]²/E[p̂ᵢ²] = pᵢ²/(pᵢ² + σᵢ²) = 1/(1 + σᵢ²/pᵢ²).",
        "Every discrete p̂ (atoms at zero, pᵢ = 0 allowed) against every competitor γ'. The statement's \"var[pᵢ]\" is read as var[p̂ᵢ] (p is deterministic). Where E[p̂ᵢ²] = 0 (p̂ᵢ ≡ 0) the formula is 0/0 while every γᵢ minimizes: such inputs are outside the hypotheses. The last form 1/(1 + σᵢ²/pᵢ²) needs pᵢ ≠ 0 and is checked in the coordinates where pᵢ ≠ 0.",
        [new Minimizer(), new ClosedForms()]);

    /// <summary>γᵢ = E[p̂ᵢ]²/E[p̂ᵢ²], with the hypothesis E[p̂ᵢ²] &gt; 0.</summary>
    private static T[] Factors<T>(DiscreteLaw<T> p) where T : IReal<T>
    {
        var mean = p.Mean();
        var second = p.SecondMoment();
        for (int i = 0; i < second.Length; i++)
            Assume.Positive(second[i], "E[p̂ᵢ²] = 0 for some i: the formula is 0/0 (every γᵢ minimizes)");
        return mean.Select((m, i) => m * m / second[i]).ToArray();
    }

    /// <summary>E‖γ⊙p̂ − p‖².</summary>
    private static T Objective<T>(DiscreteLaw<T> p, T[] gamma) where T : IReal<T>
    {
        var mean = p.Mean();
        return p.Expectation(x =>
        {
            T s = 0;
            for (int i = 0; i < x.Length; i++)
                s += (gamma[i] * x[i] - mean[i]) * (gamma[i] * x[i] - mean[i]);
            return s;
        });
    }

    private static Func<IEnumerable<EstimateInput>> Edges => () =>
    [
        new([[0.0], [2.0]], [1, 1], [1.0]),
        new([[-1.0, 3.0], [1.0, 0.0]], [1, 2], [0.5, 0.0]),
        new([[3.0], [-1.0]], [1, 2], [0.5]),
    ];

    /// <summary>E‖γ*⊙p̂ − p‖² ≤ E‖γ'⊙p̂ − p‖².</summary>
    private sealed class Minimizer : Statement<EstimateInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Minimizer()
        {
            Name = "minimizer";
            Description = "For all discrete p̂ with E[p̂ᵢ²] > 0 and all γ' ∈ ℝ^d: E‖γ*⊙p̂ − p‖² ≤ E‖γ'⊙p̂ − p‖².";
            Tolerance = "None: every double-precision violation is decided in exact rationals.";
            Domain = EstimateInput.Domain(Edges);
            MarginUnit = "relative to the sum of both objectives (margins in [−1, 1])";
        }

        public override Relation<T> Evaluate<T>(EstimateInput input)
        {
            var (p, competitor) = input.Read<T>();
            var best = Objective(p, Factors(p));
            var other = Objective(p, competitor);
            var scale = best + other;
            return Relation.LessOrEqual(best, other, T.Sign(scale) > 0 ? scale : T.Of(1));
        }

        public override string Explain(EstimateInput input) => "The competitor factors give a smaller expected squared distance than eq. (5.8).";
    }

    /// <summary>E[p̂ᵢ]²/E[p̂ᵢ²] = pᵢ²/(pᵢ² + σᵢ²) = 1/(1 + σᵢ²/pᵢ²).</summary>
    private sealed class ClosedForms : Statement<EstimateInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public ClosedForms()
        {
            Name = "closed-forms";
            Description = "For all discrete p̂ with E[p̂ᵢ²] > 0 and every i: E[p̂ᵢ]²/E[p̂ᵢ²] = pᵢ²/(pᵢ² + σᵢ²), and = 1/(1 + σᵢ²/pᵢ²) where pᵢ ≠ 0.";
            Tolerance = "Double-only allowance 1e-12 (the factors lie in [0, 1]; each form is a few roundings from its exact value); exact rationals decide.";
            Domain = EstimateInput.Domain(Edges);
            Kind = StatementKind.Identity;
            MarginUnit = "absolute (the factors lie in [0, 1])";
        }

        public override Relation<T> Evaluate<T>(EstimateInput input)
        {
            var (p, _) = input.Read<T>();
            var gamma = Factors(p);
            var mean = p.Mean();
            var variance = p.Variance();
            var parts = new List<Relation<T>>();
            for (int i = 0; i < mean.Length; i++)
            {
                var p2 = mean[i] * mean[i];
                var second = p2 / (p2 + variance[i]);
                parts.Add(Relation.Equal(gamma[i], second, T.Of(1), 1e-12).Labelled($"E[p̂ᵢ]²/E[p̂ᵢ²] = pᵢ²/(pᵢ² + σᵢ²), i = {i}"));
                if (T.Sign(mean[i]) != 0)
                    parts.Add(Relation.Equal(second, 1 / (1 + variance[i] / p2), T.Of(1), 1e-12).Labelled($"pᵢ²/(pᵢ² + σᵢ²) = 1/(1 + σᵢ²/pᵢ²), i = {i}"));
            }
            return Relation.All(parts);
        }

        public override string Explain(EstimateInput input) => "The forms of eq. (5.8) differ.";
    }
}
