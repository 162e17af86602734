using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Lodo;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// lodo.md §4.1 footnote 2, eqs. (11)–(13): along the flow (10), d‖BD⁻¹‖²_F/dt = −2tr(BᵀDBΣ_B) = −2‖D^½BΣ_B^½‖²_F &lt; 0,
/// "where the strict equality is only satisfied for A = 0". Written once (<see cref="HessianFlowFormulas"/>): Σ solves
/// the Stein equation Σ = BΣBᵀ + UᵀCU, which is the series exactly when ρ(A) &lt; 1 (decided exactly by Lyapunov's test).
/// </summary>
internal static class Eq1113
{
    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "lodo/eq-11-13",
            LodoSources.Of("footnote 2, eqs. (11)–(13)", "(11)–(13)", "4.1"),
            "Along eq. (10), d‖BD⁻¹‖²_F/dt = d/dt tr(D⁻²BᵀB) = −2tr(BᵀDBΣ_B) = −2‖D^½BΣ_B^½‖²_F < 0, with equality only for A = 0 (H = UDUᵀ, B = UᵀAU, Σ_B = Σ Bⁿ UᵀE[ssᵀ]U(Bⁿ)ᵀ).",
            "n ∈ 1..3, exactly orthogonal rational U, D ≻ 0 diagonal, A ∈ ⅛ℤ^{n×n} with ρ(A) < 1 (the §4.1 assumption; the series is the Stein solution), E[ssᵀ] = MMᵀ + I ≻ 0. Eq. (11) is taken by definition (an exact central difference along dA/dt of eq. (10), exact because the norm is quadratic in A); (13) without square roots as −2tr(DBΣBᵀ).",
            [
                new Identity(left: 11),
                new Identity(left: 12),
                new Negative(NoiseKind.Definite, () => [FlowInput.Draw(1, 1, NoiseKind.Definite), FlowInput.Draw(2, 5, NoiseKind.Definite), FlowInput.Draw(3, 6, NoiseKind.Definite)], anyRadius: false),
            ]);
        yield return new Claim(
            "lodo/eq-11-13/singular-noise",
            LodoSources.Of("footnote 2, eqs. (11)–(13)", "(13)", "4.1"),
            "The rate is < 0 except at A = 0, for noise s from \"some light tailed distribution of zero mean\" (§4.1), E[ssᵀ] possibly singular.",
            "§4.1 allows any zero-mean light-tailed noise, e.g. N(0, Σ) with Σ singular; this reading takes E[ssᵀ] = vvᵀ of rank one. It differs from the main reading only when the noise misses a direction.",
            [new Negative(NoiseKind.RankOne, () => [NilpotentEdge, FlowInput.Draw(2, 9, NoiseKind.RankOne)], anyRadius: false)]);
        yield return new Claim(
            "lodo/eq-11-13/any-radius",
            LodoSources.Of("footnote 2, eq. (10)", "(10)–(13)", "4.1"),
            "The footnote's derivative, without the assumption that A starts with norm below 1.",
            "The footnote states no hypothesis on A; §4.1 assumes ‖A_t‖₂ < 1. Where ρ(A) ≥ 1 the series of eq. (10) diverges, so the flow and the rate have no value: the reading differs from the main one exactly there, and such inputs are reported as undecidable (computed per input by Lyapunov's test, which the inputs with ρ(A) < 1 pass).",
            [new Negative(NoiseKind.Definite, () => [RadiusEdge(2, 1.5), RadiusEdge(1, -1)], anyRadius: true)]);
    }

    /// <summary>A = [[0, ½], [0, 0]] (nilpotent), U = I, D = diag(1, 2), v = e₁: Av = 0, so BΣ_B = 0 although A ≠ 0.</summary>
    internal static FlowInput NilpotentEdge => new(2, [0, 0.5, 0, 0], [0], [1, 2], NoiseKind.RankOne, [1, 0]);

    /// <summary>A = λI (ρ(A) = |λ|), U = I, D = I, M = 0 (E[ssᵀ] = I).</summary>
    internal static FlowInput RadiusEdge(int n, double lambda) => new(n,
        [.. Enumerable.Range(0, n * n).Select(k => k / n == k % n ? lambda : 0)], new int[n * (n - 1) / 2],
        [.. Enumerable.Repeat(1.0, n)], NoiseKind.Definite, new double[n * n]);

    /// <summary>The hypotheses shared by the statements: D ≻ 0 and ρ(A) &lt; 1; the inputs as T.</summary>
    private static (RealMatrix<T> A, RealMatrix<T> U, T[] D, RealMatrix<T> C) Read<T>(FlowInput input) where T : IReal<T>
    {
        var d = input.ReadD<T>();
        foreach (var x in d)
            Assume.Positive(x, "D ≻ 0");
        return (input.ReadA<T>(), input.ReadU<T>(), d, input.ReadC<T>());
    }

    /// <summary>(11) = (12), or (12) = (13).</summary>
    internal sealed class Identity : Statement<FlowInput>
    {
        private readonly int _left;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Identity(int left)
        {
            _left = left;
            Name = left == 11 ? "eq-11-equals-eq-12" : "eq-12-equals-eq-13";
            Description = left == 11
                ? "For all such inputs: the derivative of ‖BD⁻¹‖²_F along (10), by definition, equals −2tr(BᵀDBΣ_B)."
                : "For all such inputs: −2tr(BᵀDBΣ_B) = −2‖D^½BΣ_B^½‖²_F.";
            Tolerance = "Exact arithmetic decides (U, Σ and both sides in rationals). Double-only allowance 1e-12 of the scale: Σ comes from a 9×9 elimination whose rounding grows with 1/(1 − ρ(A)²); inputs near ρ(A) = 1 are settled exactly.";
            MarginUnit = left == 11
                ? "relative to F(A + V) + F(A − V) + 2tr(|B|ᵀ|D||B||Σ_B|), the terms of both sides (F = ‖·D⁻¹‖²_F after rotation, V = dA/dt)"
                : "relative to the terms 2tr(|B|ᵀ|D||B||Σ_B|) + 2tr(|D||B||Σ_B||B|ᵀ) of both sides";
            Kind = StatementKind.Identity;
            Domain = FlowInput.Domain(NoiseKind.Definite, () => [FlowInput.Draw(1, 1, NoiseKind.Definite), FlowInput.Draw(2, 2, NoiseKind.Definite), FlowInput.Draw(3, 3, NoiseKind.Definite)]);
        }

        public override Relation<T> Evaluate<T>(FlowInput input)
        {
            var (a, u, d, c) = Read<T>(input);
            Assume.That(HessianFlowFormulas.IsSchurStable(a), "ρ(A) < 1: the series of eq. (10) converges");
            var (rate12, size12) = HessianFlowFormulas.RateEq12(a, u, d, c);
            var (left, leftSize) = _left == 11 ? HessianFlowFormulas.RateByDefinition(a, u, d, c) : (rate12, size12);
            var (right, rightSize) = _left == 11 ? (rate12, size12) : HessianFlowFormulas.RateEq13(a, u, d, c);
            return Relation.Equal(left, right, leftSize + rightSize, 1e-12);
        }

        public override string Explain(FlowInput input) => _left == 11
            ? "The derivative of the rescaled error along (10) differs from −2tr(BᵀDBΣ_B)."
            : "−2tr(BᵀDBΣ_B) differs from −2‖D^½BΣ_B^½‖²_F.";
    }

    /// <summary>The rate (11) is &lt; 0 unless A = 0.</summary>
    internal sealed class Negative : Statement<FlowInput>
    {
        private readonly bool _anyRadius;
        private readonly NoiseKind _noise;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Negative(NoiseKind noise, Func<IEnumerable<FlowInput>> edges, bool anyRadius)
        {
            _noise = noise;
            _anyRadius = anyRadius;
            Name = anyRadius ? "any-spectral-radius" : "negative-unless-A-is-zero";
            Description = anyRadius
                ? "For every A (ρ(A) unrestricted; entries in ⅛ℤ ∩ [−3/8, 3/8], and λI with |λ| ≥ 1 on edges): eq. (11)'s rate is defined and negative unless A = 0."
                : "For A ≠ 0 with ρ(A) < 1: d‖BD⁻¹‖²_F/dt < 0 strictly along eq. (10) (A = 0 is the stated equality case, satisfied trivially; decided per input).";
            Tolerance = anyRadius
                ? "Exact where ρ(A) < 1 (decided exactly by Lyapunov's test: P = APAᵀ + I has a positive definite solution); where ρ(A) ≥ 1 the series diverges, the rate has no value, and the input is reported undecidable with that reason. Double-only allowance 1e-12 of the scale."
                : "Exact arithmetic decides; equality (rate exactly 0) violates the strict inequality. Double-only allowance 1e-12 of the scale: a rate within it of 0 in doubles is settled exactly.";
            MarginUnit = "the rate relative to F(A + V) + F(A − V), the terms of its central difference";
            Domain = FlowInput.Domain(noise, edges);
        }

        public override Relation<T> Evaluate<T>(FlowInput input)
        {
            var (a, u, d, c) = Read<T>(input);
            if (_noise == NoiseKind.RankOne)
                Assume.That(input.NoiseFactor.Select(T.Input).Any(x => T.Sign(x) != 0), "E[ssᵀ] = vvᵀ has rank one (v ≠ 0)");
            if (!HessianFlowFormulas.IsSchurStable(a))
            {
                Assume.That(_anyRadius, "ρ(A) < 1: the series of eq. (10) converges");
                return Relation.Undecided<T>("ρ(A) ≥ 1 (Lyapunov's test fails): the series Σ AⁿE[ssᵀ](Aⁿ)ᵀ of eq. (10) diverges, so the flow and its rate have no value here");
            }
            bool zero = true;
            for (int i = 0; i < input.N && zero; i++)
                for (int j = 0; j < input.N && zero; j++)
                    zero = T.Sign(a[i, j]) == 0;
            if (zero)
                return Relation.Trivially<T>("A = 0: the stated equality case");
            var (rate, size) = HessianFlowFormulas.RateByDefinition(a, u, d, c);
            return Relation.Less(rate, T.Of(0), size, 1e-12);
        }

        public override string Explain(FlowInput input) => input.Noise == NoiseKind.RankOne
            ? "With a singular E[ssᵀ] the rate −2‖D^½BΣ^½‖²_F vanishes whenever BΣ = 0, which happens for A ≠ 0 (here Av = 0: A kills the only noise direction): the footnote's \"only for A = 0\" needs E[ssᵀ] ≻ 0."
            : "The rescaled error does not decrease along eq. (10).";
    }
}
