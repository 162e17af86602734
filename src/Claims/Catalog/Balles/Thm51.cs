using System.Globalization;
using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Balles;

/// <summary>
/// Thesis Theorem 5.1 (idealized SVAG, proof in B.2.3): the one-step bound (B.12), the Jensen step (B.14), the
/// contraction constant of (B.20), the step (B.21), the summed bound (B.22) on sequences obeying (B.20), and the O(1/t)
/// conclusion as the trend of the bound (B.22).
/// </summary>
internal static class Thm51
{
    internal static Claim Claim() => new(
        "balles/thm-5.1",
        VarianceSources.Of("Theorem 5.1", "(5.12), (B.12)–(B.22)", "5.3.2, B.2.3"),
        "For μ-strongly convex, L-smooth f, θ_{t+1} = θ_t − α(γ_t⊙g_t) with γ_{t,i} = ∇f_{t,i}²/(∇f_{t,i}² + σ_{t,i}²), α = 1/L and Σσ² ≤ c_v‖∇f‖² + M_v: E[f(θ_t) − f*] ∈ O(1/t).",
        "The proof's steps, each over its full domain: (B.12) exactly for discrete noise on separable test functions; (B.14) for all gradients and variances; c·ē₀ < 1 for c of (B.20) (needed for ē_t to stay positive); (B.21) exactly; the summed bound (B.22), T·ē_T ≤ (1/(Te₀) + c)⁻¹, on every sequence obeying (B.20) for up to 8 steps (exactly); and the O(1/t) conclusion as the limit c·T·(1/e₀ + cT)⁻¹ → 1 of the bound along T = ⌈10^k/(ce₀)⌉. Coordinates with ∇f_{t,i} = σ_{t,i} = 0 make γ_{t,i} = 0/0 and are outside the hypotheses of (B.12).",
        [new OneStep(), new Jensen(), new ContractionConstant(), new RecursionStep(), new SummedBound(), new FormalizationWithFindings(new Rate(), SlowestSequence)]);

    /// <summary>
    /// An illustration beside the trend (not part of the verdict): c·T·ē_T along the slowest sequence (B.20) allows,
    /// ē_{t+1} = ē_t(1 − cē_t), simulated in doubles to T = 10⁴ for two starts; it stays below 1 and rises toward it.
    /// </summary>
    private static IReadOnlyList<string> SlowestSequence() =>
        new[] { (0.5, 1.0), (1e-2, 1.0) }.Select(p =>
        {
            var (e0, c) = p;
            var values = new List<double>();
            double e = e0;
            for (int t = 1, next = 1; t <= 10_000; t++)
            {
                e *= 1 - c * e;
                if (t == next)
                {
                    values.Add(c * t * e);
                    next *= 10;
                }
            }
            return $"illustration (doubles, not part of the verdict): c·T·ē_T along ē_(t+1) = ē_t(1 − cē_t) at T = 1, 10, …, 1e4 for (ē₀, c) = ({e0.ToString("R", CultureInfo.InvariantCulture)}, {c.ToString("R", CultureInfo.InvariantCulture)}): "
                + string.Join(", ", values.Select(x => x.ToString("G6", CultureInfo.InvariantCulture))) + " (bounded, rising toward 1: ē_T ~ 1/(cT))";
        }).ToList();

    /// <summary>(B.12): E_t[f(θ − (1/L)γ⊙g)] ≤ f(θ) − (1/2L)Σᵢ ∇fᵢ⁴/(∇fᵢ² + σᵢ²).</summary>
    private sealed class OneStep : Statement<SgdStepInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public OneStep()
        {
            Name = "B.12";
            Description = "For all L-smooth f, θ, minibatch noise with variances σᵢ²: E_t[f(θ − (1/L)γ⊙g)] ≤ f(θ) − (1/2L)Σᵢ ∇fᵢ⁴/(∇fᵢ² + σᵢ²), γᵢ = ∇fᵢ²/(∇fᵢ² + σᵢ²).";
            Tolerance = Lemma31.AllowanceReason;
            Domain = SgdStepInput.Domain(SgdStepInput.Generator(stronglyConvex: true));
            MarginUnit = "relative to |f(θ)| + E|f(θ_{t+1})| + (1/2L)Σᵢ ∇fᵢ⁴/(∇fᵢ² + σᵢ²)";
        }

        public override Relation<T> Evaluate<T>(SgdStepInput input)
        {
            var s = input.Read<T>();
            var sigma2 = s.Batch.Variance();
            int d = s.Gradient.Length;
            var factor = new T[d];
            T decrease = 0;
            for (int i = 0; i < d; i++)
            {
                var g2 = s.Gradient[i] * s.Gradient[i];
                var total = Assume.Positive(g2 + sigma2[i], "∇fᵢ = σᵢ = 0 for some i: γᵢ = 0/0");
                factor[i] = g2 / total / s.L;
                decrease += g2 * g2 / total;
            }
            decrease /= 2 * s.L;
            var scale = T.Abs(s.Value) + s.ExpectedAbsNextValue(factor) + decrease;
            return Relation.LessOrEqual(s.ExpectedNextValue(factor), s.Value - decrease, T.Sign(scale) > 0 ? scale : T.Of(1), Lemma31.Allowance);
        }

        public override string Explain(SgdStepInput input) => "The idealized SVAG step does not achieve the expected decrease of (B.12).";
    }

    /// <summary>(B.14): Σᵢ ∇fᵢ⁴/(∇fᵢ² + σᵢ²) ≥ ‖∇f‖⁴/(‖∇f‖² + Σσᵢ²).</summary>
    private sealed class Jensen : Statement<GradientVarianceInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Jensen()
        {
            Name = "B.14";
            Description = "For all ∇f ≠ 0 and σ² ≥ 0: Σᵢ ∇fᵢ⁴/(∇fᵢ² + σᵢ²) ≥ ‖∇f‖⁴/(‖∇f‖² + Σσᵢ²) (a term with ∇fᵢ = σᵢ = 0 is 0: its Jensen weight is 0).";
            Tolerance = "None: every double-precision violation is decided in exact rationals.";
            Domain = GradientVarianceInput.Domain(() => [new([1.0, 1.0], [0.0, 0.0]), new([1.0, 0.0], [1.0, 5.0]), new([2.0, 1.0], [1.0, 2.25]), new([1.0, 0.0], [0.0, 0.0])]);
            MarginUnit = "relative to the left side Σᵢ ∇fᵢ⁴/(∇fᵢ² + σᵢ²)";
        }

        public override Relation<T> Evaluate<T>(GradientVarianceInput input)
        {
            var g = input.Gradient.Select(T.Input).ToArray();
            var s = input.Variance.Select(T.Input).ToArray();
            T lhs = 0, n2 = 0, sum = 0;
            for (int i = 0; i < g.Length; i++)
            {
                Assume.NonNegative(s[i], "σᵢ² < 0");
                var g2 = g[i] * g[i];
                // ∇fᵢ = σᵢ = 0: the term is 0/0; its weight aᵢ = ∇fᵢ²/‖∇f‖² in the Jensen step is 0, so it contributes 0.
                if (T.Sign(g2 + s[i]) > 0)
                    lhs += g2 * g2 / (g2 + s[i]);
                n2 += g2;
                sum += s[i];
            }
            Assume.Positive(n2, "∇f = 0: both sides are 0/0");
            return Relation.LessOrEqual(n2 * n2 / (n2 + sum), lhs, lhs);
        }

        public override string Explain(GradientVarianceInput input) => "Jensen's step (B.14) fails.";
    }

    /// <summary>c·e₀ &lt; 1 for c of (B.20).</summary>
    private sealed class ContractionConstant : Statement<SvagConstantsInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public ContractionConstant()
        {
            Name = "c-times-e0-below-1";
            Description = "For all 0 < μ ≤ L, c_v, M_v, e₀ > 0: c·e₀ < 1 with c = c₁/(2L(c₂e₀ + c₃)), so ē_t(1 − cē_t) stays positive in (B.20)–(B.21).";
            Tolerance = "None: a strict inequality decided in exact rationals.";
            Domain = SvagConstantsInput.Domain(() => [new(1, 1, 1e-3, 1e-3, 1e3), new(1, 1, 1e-9, 1e-9, 1), new(2, 2, 1, 1, 1)]);
            MarginUnit = "absolute (c·e₀ − 1)";
        }

        public override Relation<T> Evaluate<T>(SvagConstantsInput input)
        {
            var (c, e0) = input.Read<T>();
            return Relation.Less(c * e0, T.Of(1));
        }

        public override string Explain(SvagConstantsInput input) => "c·e₀ ≥ 1, so the recursion (B.20) can leave the positive numbers.";
    }

    /// <summary>(B.21): (ē(1 − cē))⁻¹ ≥ ē⁻¹ + c.</summary>
    private sealed class RecursionStep : Statement<ContractionInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public RecursionStep()
        {
            Name = "B.21";
            Description = "For all c > 0 and ē ∈ (0, 1/c): (ē(1 − cē))⁻¹ ≥ ē⁻¹ + c.";
            Tolerance = "None: every double-precision violation is decided in exact rationals.";
            Domain = ContractionInput.Domain(ContractionInput.Generator(1e-9, 1), () => [new(0.5, 1), new(1e-9, 1), new(0.999999, 1)]);
            MarginUnit = "relative to ē⁻¹ + c";
            // Both sides are of degree 1 under (ē, c) ↦ (ē/μ, μc), which keeps cē: μ = 1/ē maps every point onto ē = 1,
            // c ∈ (0, 1). The right side 1/(1 − c) has a pole at c = 1 (excluded: cē < 1) and the sides agree to second
            // order at c = 0 (excluded: c > 0); both ends are expanded at their faces.
            Proofs =
            [
                new ProofDomain<ContractionInput>
                {
                    Box = [new ProofCoordinate("ē", 1, 1), new ProofCoordinate("c", 0, 1) { TightAt = [0, 1] }],
                    At = v => new ContractionInput(v[0], v[1]),
                    Reduction = "(ē, c) ↦ (ē/μ, μc) with μ > 0 maps every c > 0, ē ∈ (0, 1/c) onto ē = 1, c ∈ (0, 1)",
                    Scaling = [[-1], [1]],
                    CoversStatedDomain = true,
                },
            ];
        }

        public override Relation<T> Evaluate<T>(ContractionInput input)
        {
            T e = T.Input(input.E), c = T.Input(input.C);
            Assume.That(T.Sign(c) > 0 && T.Sign(e) > 0 && c * e < 1, "cē ∉ (0, 1)");
            var lhs = 1 / e + c;
            return Relation.LessOrEqual(lhs, 1 / (e * (1 - c * e)), lhs);
        }

        public override string Explain(ContractionInput input) => "(B.21) fails.";
    }

    /// <summary>(B.22) on sequences obeying (B.20): T·ē_T ≤ (1/(Te₀) + c)⁻¹.</summary>
    private sealed class SummedBound : Statement<ContractionSequenceInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public SummedBound()
        {
            Name = "B.22";
            Description = "For all c > 0, e₀ ∈ (0, 1/c), T ≤ 8 and every sequence with ē₀ = e₀, 0 < ē_{t+1} ≤ ē_t(1 − cē_t) (eq. B.20): T·ē_T ≤ (1/(Te₀) + c)⁻¹ (summing (B.21) over t < T).";
            Tolerance = "None: every double-precision violation is decided in exact rationals (the sequence is replayed exactly).";
            Domain = ContractionSequenceInput.Domain(() => [new(0.5, 1, [1.0]), new(0.999, 1, [1, 1, 1, 1, 1, 1, 1, 1]), new(1e-3, 1, [1, 1, 1]), new(0.5, 1, [0.5, 1, 0.25])]);
            MarginUnit = "relative to (1/(Te₀) + c)⁻¹";
        }

        public override Relation<T> Evaluate<T>(ContractionSequenceInput input)
        {
            var (e0, c, last) = input.Read<T>();
            int steps = input.Steps;
            var bound = 1 / (1 / (steps * e0) + c);
            return Relation.LessOrEqual(steps * last, bound, bound);
        }

        public override string Explain(ContractionSequenceInput input) => "The summed bound (B.22) fails on a sequence that obeys (B.20).";
    }

    /// <summary>The conclusion: T·(1/e₀ + cT)⁻¹ → 1/c, i.e. the bound (B.22) is O(1/T).</summary>
    private sealed class Rate : TrendStatement<ContractionInput>
    {
        /// <summary>10^k for k = 0…8 (exact doubles, no libm): T_k = ⌈10^k/(c·e₀)⌉.</summary>
        private static readonly double[] Powers = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Rate()
        {
            Name = "O(1/t)";
            Description = "For all c > 0, e₀ ∈ (0, 1/c): the ratio c·T·(1/e₀ + cT)⁻¹ of the bound (B.22) on ē_T to 1/(cT) tends to 1 along T_k = ⌈10^k/(c·e₀)⌉, k = 0…8, so ē_T ≤ (1/e₀ + cT)⁻¹ ∈ O(1/T).";
            Tolerance = "Trend rule: the last three ratios must agree within 1e-3 (relative) and the last lie within that spread plus 1e-3 of the limit 1; evaluated exactly at every candidate.";
            Limit = 1;
            Domain = new()
            {
                Generator = ContractionInput.Generator(1e-3, 0.999),
                Edges = () => [new(0.999, 1), new(0.5, 1), new(1e-3, 1), new(5e5, 1e-6), new(1e-9, 1e6)],
                Describe = p => [NamedValue.Of("e0", p.E), NamedValue.Of("c", p.C), NamedValue.Text("T_k", string.Join(", ", SequenceOf(p).Select(t => t.ToString("R", CultureInfo.InvariantCulture))))],
            };
            MarginUnit = "relative to the limit 1";
        }

        protected override IReadOnlyList<double> Sequence(ContractionInput input) => SequenceOf(input);

        private static IReadOnlyList<double> SequenceOf(ContractionInput input) =>
            Powers.Select(p => Math.Ceiling(p / (input.C * input.E))).ToArray();

        protected override T Ratio<T>(ContractionInput input, T t)
        {
            T e0 = T.Input(input.E), c = T.Input(input.C);
            Assume.That(T.Sign(c) > 0 && T.Sign(e0) > 0 && c * e0 < 1, "outside c > 0, e₀ ∈ (0, 1/c)");
            return c * t / (1 / e0 + c * t);
        }

        public override string Explain(ContractionInput input) => "c·T·(1/e₀ + cT)⁻¹ does not tend to 1.";
    }
}
