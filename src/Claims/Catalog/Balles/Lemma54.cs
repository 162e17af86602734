using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Balles;

/// <summary>
/// Thesis Lemma 5.4 (proof B.2.5): if [Xᵀy]ᵢ ≠ 0 for all i and X sign(Xᵀy) = cy, sign descent
/// θ_{t+1} = θ_t − α sign(∇R(θ_t)) on R(θ) = ‖Xθ − y‖²/(2n) from θ₀ = 0 satisfies θ_t ∝ sign(Xᵀy).
/// </summary>
internal static class Lemma54
{
    private const string Statement =
        "Suppose [Xᵀy]ᵢ ≠ 0 for all i and X sign(Xᵀy) = cy for some c ∈ ℝ. Then sign descent θ_{t+1} = θ_t − α sign(∇R(θ_t)) on (5.20), from θ₀ = 0, satisfies θ_t ∝ sign(Xᵀy).";

    /// <summary>Steps simulated.</summary>
    internal const int Steps = 12;

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "balles/lemma-5.4",
            VarianceSources.Of("Lemma 5.4", "(5.20), (B.28), (B.29)", "5.5, B.2.5"),
            Statement,
            $"As written with sign(0) = 0 (the thesis' convention): for every X, y ∈ {{±1}}ⁿ and c meeting the assumptions and every α > 0, the first {Steps} iterates equal λ_t·sign(Xᵀy) for a scalar λ_t (the signs of ∇R decided exactly).",
            [new Proportional(signOfZero: 0)]);
        yield return new Claim(
            "balles/lemma-5.4/sign-zero-is-one",
            VarianceSources.Of("Lemma 5.4", "(5.20), (B.29)", "5.5, B.2.5"),
            Statement,
            "With the convention sign(0) = +1 that implementations of sign descent often use (x ≥ 0 ? 1 : −1). The readings differ only when λ_t c = 1 exactly, where ∇R(θ_t) = 0 and (B.29)'s sign(λ_t c − 1) is taken at 0.",
            [new Proportional(signOfZero: 1)]);
    }

    /// <summary>max over t &lt; <see cref="Steps"/> and j of |θ_{t+1,j} − λ_{t+1}s_j| = 0, λ_t = θ_{t,0}s₀.</summary>
    private sealed class Proportional : Statement<SignDescentInstance>
    {
        private readonly int _signOfZero;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Proportional(int signOfZero)
        {
            _signOfZero = signOfZero;
            Name = signOfZero == 0 ? "iterates-proportional" : "iterates-proportional-sign0-is-1";
            Description = $"For all instances meeting the assumptions and α > 0: max over t < {Steps} and i of |θ_{{t,i}} − λ_t sign([Xᵀy]ᵢ)| = 0 (sign(0) = {signOfZero}).";
            Tolerance = "None: the search simulates in doubles, where rounding can make ∇R slightly non-zero; every candidate is re-simulated in exact rationals, which decide the signs.";
            Kind = StatementKind.Identity;
            MarginUnit = "in units of the step α";
            Domain = SignDescentInstance.Domain(() =>
            [
                SignDescentInstance.Build([1, -1], [1], [[1, 1]], 1, 1.0),
                SignDescentInstance.Build([1, -1, 1], [1, -1], [[1, 2, 3], [3, 2, 1]], 2, 0.25),
                SignDescentInstance.Build([1, 1], [1, -1], [[1, 3], [2, 2]], 3, 0.1),
            ]);
        }

        public override Relation<T> Evaluate<T>(SignDescentInstance input)
        {
            var alpha = Assume.Positive(T.Input(input.Alpha), "α ≤ 0");
            var x = input.X<T>();
            int n = input.N, d = input.D;
            // The assumptions are about the instance's data (rational X, integer y and c), decided in exact integers.
            var s = input.SignsOfXty();
            Assume.That(s.All(v => v != 0), "[Xᵀy]ᵢ = 0 for some i");
            Assume.That(input.MeetsAssumption(s), "X sign(Xᵀy) ≠ cy");

            var theta = new T[d];
            for (int j = 0; j < d; j++)
                theta[j] = 0;
            T worst = 0;
            for (int t = 0; t < Steps; t++)
            {
                var residual = new T[n];
                for (int i = 0; i < n; i++)
                {
                    T r = -input.Y[i];
                    for (int j = 0; j < d; j++)
                        r += x[i][j] * theta[j];
                    residual[i] = r;
                }
                // ∇R(θ) = Xᵀ(Xθ − y)/n: the positive factor 1/n does not change a sign.
                var step = new int[d];
                for (int j = 0; j < d; j++)
                {
                    T grad = 0;
                    for (int i = 0; i < n; i++)
                        grad += x[i][j] * residual[i];
                    int sign = T.Sign(grad);
                    step[j] = sign == 0 ? _signOfZero : sign;
                }
                for (int j = 0; j < d; j++)
                    theta[j] -= alpha * step[j];
                var lambda = theta[0] * s[0];
                for (int j = 0; j < d; j++)
                    worst = T.Max(worst, T.Abs(theta[j] - lambda * s[j]));
            }
            return Relation.Equal(worst, T.Of(0), alpha);
        }

        public override string Explain(SignDescentInstance input) =>
            "Where λ_t c = 1 the gradient ∇R(θ_t) = (λ_t c − 1)Xᵀy/n is exactly 0; with sign(0) = +1 every coordinate then moves by −α, which is not along sign(Xᵀy) when its signs are mixed.";
    }
}
