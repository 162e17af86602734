using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Lodo;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// lodo.md §4.1 eqs. (5)–(6) and App. A.1 eqs. (26)–(28): the dense-G, SGD-meta-step, β = 0 LODO on the moving quadratic
/// follows A_{t+1} = A_t − αHb_{t+1}b_tᵀH², b_{t+1} = A_tb_t − s_t, with hypergradient dℓ_{t+1}/dG = −Hb_{t+1}b_tᵀH.
/// Written once (<see cref="LearningDynamicsFormulas"/>): Algorithm 1 is run in the statement's arithmetic, the
/// recurrences are iterated beside it, and both are compared state by state.
/// </summary>
internal static class Eq56
{
    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "lodo/eq-5-6",
            LodoSources.Of("eqs. (5)–(6), App. A.1 (26)–(28)", "(5), (6), (26)–(28)", "4.1, A.1"),
            "With dense G(θ), an SGD meta-step of rate α and β = 0, LODO follows A_{t+1} = A_t − αHb_{t+1}b_tᵀH² and b_{t+1} = A_tb_t − s_t (A_t = I − G(θ_t)H, b_t = x_t − x*_t), its hypergradient being dℓ_{t+1}/dG = −Hb_{t+1}b_tᵀH.",
            "The simplified LODO of §4.1 as Algorithm 1 states it (m₀ = 0, so the recurrences are started at t = 1, after the zero first step), on H ≻ 0, G₀ ∈ ¼ℤ^{n×n}, integer x₀ and s_t, α = 2^−j; the hypergradient Algorithm 1 backpropagates is also compared with dℓ_{t+1}/dG by definition (eq. 26).",
            [new Recurrences(1), new HypergradientByDefinition()]);
        yield return new Claim(
            "lodo/eq-5-6/from-t0",
            LodoSources.Of("eqs. (5)–(6), Algorithm 1", "(5), (6)", "4.1, A.1"),
            "The same recurrences hold from t = 0 for Algorithm 1 with β = 0.",
            "Reads §4.1's \"feed the gradients directly (β = 0)\" as Algorithm 1 with β = 0, whose m₀ = 0 makes the first step x₁ = x₀; the main reading starts the recurrences at t = 1. The readings differ only in the first step.",
            [new Recurrences(0)]);
    }

    /// <summary>The double-only allowance: 1e-12 of the step's scale (see the tolerance).</summary>
    private const double Allowance = 1e-12;

    /// <summary>Algorithm 1 (dense G, SGD, β = 0) against (5)–(6) and (28) from time <c>from</c>, and against (26) by definition throughout.</summary>
    internal sealed class Recurrences : Statement<DynamicsInput>
    {
        private readonly int _from;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Recurrences(int from)
        {
            _from = from;
            Name = from == 0 ? "recurrences-from-t0" : "recurrences-from-t1";
            Description = from == 0
                ? "For n ∈ 1..3, T ∈ 2..6, α = 2^−j: the states (A_t, b_t) and hypergradients of Algorithm 1 (dense G, SGD meta-step, β = 0, m₀ = 0) equal those of (5)–(6), (28) iterated from (A₀, b₀)."
                : "As from t₀, but the recurrences are started at (A₁, b₁): Algorithm 1's first step uses m₀ = 0, so (5)–(6) describe it from t = 1 on.";
            Tolerance = "Exact arithmetic decides (Algorithm 1 and the recurrences in rationals). Double-only allowance 1e-12 of the scale: Algorithm 1 and the recurrences round along different paths of a few dozen operations per step, amplified by the dynamics over at most 6 steps.";
            MarginUnit = "per step, relative to the size of the terms of that step's A, b and hypergradient (entrywise |G||H| + 1, |A||b| + |s|, |Hb_{t+1}||Hb_t|, α|Hb_{t+1}||H²b_t|)";
            Kind = StatementKind.Identity;
            Domain = DynamicsInput.Domain;
        }

        public override Relation<T> Evaluate<T>(DynamicsInput input)
        {
            var (h, g0, x0, s, alpha) = input.Read<T>();
            Assume.That(RealMatrixAlgebra.IsPositiveDefinite(h), "H ≻ 0");
            if (input.Steps <= _from)
                return Relation.Trivially<T>($"a run of {input.Steps} step(s) has no step from t = {_from} on to compare");
            int n = input.N;
            var run = LearningDynamicsFormulas.Algorithm1(h, g0, x0, s, alpha);
            var states = run.States;
            var parts = new List<Relation<T>>();
            // (5), (6), (28): the recurrences started at (A_from, b_from), against the run.
            var a = LearningDynamicsFormulas.ErrorMatrix(states[_from].G, h);
            var b = Displacement(states[_from]);
            var absH = RealMatrixAlgebra.Abs(h);
            for (int t = _from; t < input.Steps; t++)
            {
                var (aNext, bNext) = LearningDynamicsFormulas.Step(a, b, s[t], h, alpha);
                var eq28 = LearningDynamicsFormulas.Eq28(h, bNext, b);
                var runA = LearningDynamicsFormulas.ErrorMatrix(states[t + 1].G, h);
                var runB = Displacement(states[t + 1]);
                var scale = StepScale(a, b, s[t], absH, states[t + 1], alpha, bNext);
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        parts.Add(Relation.Equal(runA[i, j], aNext[i, j], scale, Allowance).Labelled($"A_{t + 1} ({i}, {j}): Algorithm 1 = eq. (5)"));
                        parts.Add(Relation.Equal(run.Hypergradients[t][i, j], eq28[i, j], scale, Allowance).Labelled($"t = {t}: hypergradient ({i}, {j}): Algorithm 1 = eq. (28)"));
                    }
                    parts.Add(Relation.Equal(runB[i], bNext[i], scale, Allowance).Labelled($"b_{t + 1}[{i}]: Algorithm 1 = eq. (6)"));
                }
                (a, b) = (aNext, bNext);
            }
            return Relation.All(parts);
        }

        private static T[] Displacement<T>(Algorithm1State<T> state) where T : IReal<T> =>
            [.. state.X.Select((x, i) => x - state.Centre[i])];

        /// <summary>The largest size of the terms summed at one step (see MarginUnit), at least 1.</summary>
        private static T StepScale<T>(RealMatrix<T> a, T[] b, T[] s, RealMatrix<T> absH, Algorithm1State<T> next, T alpha, T[] bNext) where T : IReal<T>
        {
            var absB = b.Select(T.Abs).ToArray();
            var absBNext = bNext.Select(T.Abs).ToArray();
            var hb = absH * absB;
            var hbNext = absH * absBNext;
            var hhb = absH * hb;
            var scale = T.Of(1);
            var gh = RealMatrixAlgebra.Abs(next.G) * absH;
            var ab = RealMatrixAlgebra.Abs(a) * absB;
            for (int i = 0; i < b.Length; i++)
            {
                scale = T.Max(scale, ab[i] + T.Abs(s[i]));
                scale = T.Max(scale, T.Abs(next.X[i]) + T.Abs(next.Centre[i]));
                for (int j = 0; j < b.Length; j++)
                {
                    scale = T.Max(scale, gh[i, j] + 1);
                    scale = T.Max(scale, hbNext[i] * hb[j]);
                    scale = T.Max(scale, T.Abs(a[i, j]) + T.Abs(alpha) * hbNext[i] * hhb[j]);
                }
            }
            return scale;
        }

        public override string Explain(DynamicsInput input) => _from == 0
            ? "Algorithm 1 starts with m₀ = 0, so its first step is x₁ = x₀ (b₁ = b₀ − s₀) and its first hypergradient is 0, while (6) gives b₁ = A₀b₀ − s₀ and (5) moves A: the recurrences describe the §4.1 step x_{t+1} = x_t − Gg_t, which Algorithm 1 with β = 0 matches only from t = 1."
            : "Algorithm 1 (dense G, SGD, β = 0) departs from (5)–(6).";
    }

    /// <summary>(26): the hypergradient Algorithm 1 backpropagates through eq. (1) is dℓ_{t+1}/dG by definition, at every step.</summary>
    internal sealed class HypergradientByDefinition : Statement<DynamicsInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public HypergradientByDefinition()
        {
            Name = "hypergradient-is-the-derivative";
            Description = "For the same runs, at every step t: the hypergradient Algorithm 1 backpropagates through eq. (1), −g_{t+1}m_tᵀ, equals dℓ_{t+1}/dG of ℓ_{t+1}(G) = ½(x_t − Gm_t − x*_{t+1})ᵀH(…) by definition (eq. 26's left side).";
            Tolerance = "Exact arithmetic decides: the derivative by definition is the central difference [ℓ(G + E_ij) − ℓ(G − E_ij)]/2, exact because ℓ_{t+1} is quadratic in G. Double-only allowance 1e-12 of the scale: the central difference in doubles cancels the terms ℓ(G ± E_ij).";
            MarginUnit = "relative to ℓ(G + E_ij) + ℓ(G − E_ij), the terms of the central difference";
            Kind = StatementKind.Identity;
            Domain = DynamicsInput.Domain;
        }

        public override Relation<T> Evaluate<T>(DynamicsInput input)
        {
            var (h, g0, x0, s, alpha) = input.Read<T>();
            Assume.That(RealMatrixAlgebra.IsPositiveDefinite(h), "H ≻ 0");
            var run = LearningDynamicsFormulas.Algorithm1(h, g0, x0, s, alpha);
            var parts = new List<Relation<T>>();
            for (int t = 0; t < input.Steps; t++)
            {
                var (derivative, size) = LearningDynamicsFormulas.HypergradientByDefinition(h, run.States[t], run.States[t + 1].Centre);
                for (int i = 0; i < input.N; i++)
                    for (int j = 0; j < input.N; j++)
                        parts.Add(Relation.Equal(run.Hypergradients[t][i, j], derivative[i, j], size[i, j], Allowance)
                            .Labelled($"t = {t}: backpropagated dℓ_{{t+1}}/dG ({i}, {j}) = by definition"));
            }
            return Relation.All(parts);
        }

        public override string Explain(DynamicsInput input) => "The hypergradient Algorithm 1 computes is not the derivative of the loss after the step.";
    }
}
