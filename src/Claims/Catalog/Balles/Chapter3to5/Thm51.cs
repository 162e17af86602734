using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Fractions;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Outcome = Verification.Claims.Model.Outcome;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>
/// Thesis Theorem 5.1 (idealized SVAG, proof in B.2.3): the one-step bound (B.12), the Jensen step (B.14), the
/// contraction constant of (B.20), the step (B.21), and the O(1/t) conclusion (B.22) as a sequence trend.
/// </summary>
internal static class Thm51
{
    internal static Claim Claim() => new(
        "balles/thm-5.1",
        VarianceSources.Of("Theorem 5.1", "(5.12), (B.12)–(B.22)", "5.3.2, B.2.3"),
        "For μ-strongly convex, L-smooth f, θ_{t+1} = θ_t − α(γ_t⊙g_t) with γ_{t,i} = ∇f_{t,i}²/(∇f_{t,i}² + σ_{t,i}²), α = 1/L and Σσ² ≤ c_v‖∇f‖² + M_v: E[f(θ_t) − f*] ∈ O(1/t).",
        "The proof's steps, each over its full domain: (B.12) exactly for discrete noise on separable test functions; (B.14) for all gradients and variances; c·ē₀ < 1 for c of (B.20) (needed for ē_t to stay positive); (B.21) exactly; and the O(1/t) conclusion as the trend of t·ē_t along ē_{t+1} = ē_t(1 − cē_t), the slowest sequence (B.20) allows. Coordinates with ∇f_{t,i} = σ_{t,i} = 0 make γ_{t,i} = 0/0 and are rejected in (B.12).",
        [OneStep(), Jensen(), ContractionConstant(), RecursionStep(), new ReportedFormalization(new Rate(), RateTrend)]);

    /// <summary>The recorded trend: c·T·ē_T at the checkpoints for two starting points.</summary>
    private static IReadOnlyList<string> RateTrend() =>
        new[] { (0.5, 1.0), (1e-2, 1.0) }.Select(p =>
            $"trend of c·T·ē_T at T = 1, 10, …, 1e4 for (ē₀, c) = ({p.Item1.ToString("R", CultureInfo.InvariantCulture)}, {p.Item2.ToString("R", CultureInfo.InvariantCulture)}): "
            + string.Join(", ", Rate.Sequence(p.Item1, p.Item2).Select(x => (x * p.Item2).ToString("G6", CultureInfo.InvariantCulture)))
            + " (bounded, increasing toward 1: ē_T ~ 1/(cT))").ToList();

    private static Inequality<SgdStepInput> OneStep() => new()
    {
        Name = "B.12",
        Description = "For all L-smooth f, θ, minibatch noise with variances σᵢ²: E_t[f(θ − (1/L)γ⊙g)] ≤ f(θ) − (1/2L)Σᵢ ∇fᵢ⁴/(∇fᵢ² + σᵢ²).",
        Tolerance = "Double differences below 1e-12 of the scale are rounding and are not candidates; exact enclosures decide every candidate.",
        Generator = SgdStepInput.Generator(stronglyConvex: true),
        Trivially = s => s.ZeroStep(alphaIsFixed: true),
        Edges = SgdStepInput.Edges,
        Move = (s, r) => s.Perturb(r),
        Hypotheses = s => Undefined(s) ? "∇fᵢ = σᵢ = 0 for some i: γᵢ = 0/0" : null,
        Sides = s =>
        {
            var grad = s.Gradient;
            var sigma2 = s.MinibatchNoise.Variance().Select(ExactDouble.ToDouble).ToArray();
            var gamma = grad.Select((g, i) => g * g / (g * g + sigma2[i])).ToArray();
            double lhs = s.MinibatchNoise.ExpectationAsDouble(xi =>
                s.F.Value(s.Theta.Select((t, i) => t - gamma[i] * (grad[i] + xi[i]) / s.L).ToArray()));
            double decrease = grad.Select((g, i) => g * g * g * g / (g * g + sigma2[i])).Sum() / (2 * s.L);
            double scale = System.Math.Abs(s.F.Value(s.Theta)) + decrease + double.Epsilon
                + s.MinibatchNoise.ExpectationAsDouble(xi => System.Math.Abs(s.F.Value(s.Theta.Select((t, i) => t - gamma[i] * (grad[i] + xi[i]) / s.L).ToArray())));
            return new Sides(lhs, s.F.Value(s.Theta) - decrease + SgdStepInput.RoundingAllowance * scale, scale);
        },
        ExactSides = (s, bits) =>
        {
            var grad = s.ExactGradient(bits);
            var sigma2 = s.MinibatchNoise.Variance().Select(RationalInterval.Exact).ToArray();
            var l = RationalInterval.Exact(s.L);
            var gamma = grad.Select((g, i) => Interval.Square(g) is var g2 && g2.IsExactlyZero ? RationalInterval.Zero : g2 / (g2 + sigma2[i])).ToArray();
            var theta = s.ExactTheta;
            var lhs = s.MinibatchNoise.Expectation(xi =>
                s.F.ExactValue(theta.Select((t, i) => t - gamma[i] * (grad[i] + RationalInterval.Exact(xi[i])) / l).ToArray(), bits));
            var decrease = Interval.Sum(grad.Select((g, i) => Interval.Square(g) is var g2 && g2.IsExactlyZero ? RationalInterval.Zero : g2 * g2 / (g2 + sigma2[i]))) / (Interval.Of(2) * l);
            return new ExactSides(lhs, s.ExactValue(bits) - decrease);
        },
        Show = s => s.Describe(),
        Why = _ => "The idealized SVAG step does not achieve the expected decrease of (B.12).",
    };

    private static bool Undefined(SgdStepInput s)
    {
        var grad = s.Gradient;
        var sigma2 = s.MinibatchNoise.Variance();
        return grad.Where((g, i) => g == 0 && sigma2[i].IsZero).Any();
    }

    /// <summary>Gradient entries and variances for (B.14).</summary>
    internal sealed record GradientVariance(double[] Gradient, double[] Variance);

    private static Gen<GradientVariance> GradientVariances { get; } =
        from d in Gen.Choose(1, 5)
        from g in Gen.ArrayOf(EdgeDoubles.Signed(1e-3, 1e3), d)
        from s in Gen.ArrayOf(EdgeDoubles.NonNegative(1e-3, 1e3), d)
        select new GradientVariance(g, s);

    private static Inequality<GradientVariance> Jensen() => new()
    {
        Name = "B.14",
        Description = "For all ∇f ≠ 0 and σ² ≥ 0: Σᵢ ∇fᵢ⁴/(∇fᵢ² + σᵢ²) ≥ ‖∇f‖⁴/(‖∇f‖² + Σσᵢ²) (terms with ∇fᵢ = 0 are 0: their Jensen weight is 0).",
        Tolerance = "None in double precision; exact rationals decide.",
        Generator = GradientVariances,
        Edges = () => [new([1.0, 1.0], [0.0, 0.0]), new([1.0, 0.0], [1.0, 5.0]), new([2.0, 1.0], [1.0, 2.25])],
        Move = (v, r) => v with { Variance = v.Variance.Select(x => EdgeDoubles.Perturb(x, r)).ToArray() },
        Hypotheses = v => v.Gradient.All(g => g == 0) ? "∇f = 0: both sides 0/0" : null,
        Sides = v =>
        {
            double lhs = v.Gradient.Select((g, i) => g == 0 ? 0 : g * g * g * g / (g * g + v.Variance[i])).Sum();
            double n2 = v.Gradient.Sum(g => g * g);
            double rhs = n2 * n2 / (n2 + v.Variance.Sum());
            return new Sides(rhs, lhs, System.Math.Max(lhs, double.Epsilon));
        },
        ExactSides = (v, _) =>
        {
            var g = v.Gradient.Select(ExactDouble.ToFraction).ToArray();
            var s = v.Variance.Select(ExactDouble.ToFraction).ToArray();
            Fraction lhs = Fraction.Zero, n2 = Fraction.Zero, sum = Fraction.Zero;
            for (int i = 0; i < g.Length; i++)
            {
                if (!g[i].IsZero) lhs += g[i] * g[i] * g[i] * g[i] / (g[i] * g[i] + s[i]);
                n2 += g[i] * g[i];
                sum += s[i];
            }
            return new ExactSides(RationalInterval.Exact(n2 * n2 / (n2 + sum)), RationalInterval.Exact(lhs));
        },
        Show = v => [NamedValue.Of("grad", v.Gradient), NamedValue.Of("sigma^2", v.Variance)],
        Why = _ => "Jensen's step (B.14) fails.",
    };

    /// <summary>μ ≤ L, c_v, M_v &gt; 0 and e₀ &gt; 0, for c of (B.17)–(B.20).</summary>
    internal sealed record Constants(double Mu, double L, double Cv, double Mv, double E0)
    {
        internal (Fraction C, Fraction E0) Exact()
        {
            Fraction mu = ExactDouble.ToFraction(Mu), l = ExactDouble.ToFraction(L), cv = ExactDouble.ToFraction(Cv),
                mv = ExactDouble.ToFraction(Mv), e0 = ExactDouble.ToFraction(E0);
            var c1 = new Fraction(4) * mu * mu;
            var c2 = new Fraction(2) * (Fraction.One + cv) * l * l / mu;
            return (c1 / (new Fraction(2) * l * (c2 * e0 + mv)), e0);
        }
    }

    private static Gen<Constants> ConstantsGen { get; } =
        from mu in EdgeDoubles.Positive(1e-3, 1e3)
        from ratio in EdgeDoubles.Positive(1, 1e3)
        from cv in EdgeDoubles.Positive(1e-3, 1e3)
        from mv in EdgeDoubles.Positive(1e-3, 1e3)
        from e0 in EdgeDoubles.Positive(1e-3, 1e3)
        select new Constants(mu, mu * ratio, cv, mv, e0);

    private static Inequality<Constants> ContractionConstant() => new()
    {
        Name = "c-times-e0-below-1",
        Description = "For all 0 < μ ≤ L, c_v, M_v, e₀ > 0: c·e₀ < 1 with c = c₁/(2L(c₂e₀ + c₃)), so ē_t(1 − cē_t) stays positive in (B.20)–(B.21).",
        Tolerance = "Strict inequality; exact rationals decide.",
        Relation = Relation.Less,
        Generator = ConstantsGen,
        Edges = () => [new(1, 1, 1e-3, 1e-3, 1e3), new(1, 1, 1e-9, 1e-9, 1)],
        Move = (c, r) => c with { Cv = EdgeDoubles.Perturb(c.Cv, r, 1e-300), Mv = EdgeDoubles.Perturb(c.Mv, r, 1e-300) },
        Hypotheses = c => c.Mu > 0 && c.L >= c.Mu && c.Cv > 0 && c.Mv > 0 && c.E0 > 0 ? null : "outside 0 < μ ≤ L, c_v, M_v, e₀ > 0",
        Sides = c =>
        {
            double c2 = 2 * (1 + c.Cv) * c.L * c.L / c.Mu;
            double cc = 4 * c.Mu * c.Mu / (2 * c.L * (c2 * c.E0 + c.Mv));
            return new Sides(cc * c.E0, 1, 1);
        },
        ExactSides = (c, _) =>
        {
            var (cc, e0) = c.Exact();
            return new ExactSides(RationalInterval.Exact(cc * e0), Interval.Of(1));
        },
        Show = c => [NamedValue.Of("mu", c.Mu), NamedValue.Of("L", c.L), NamedValue.Of("c_v", c.Cv), NamedValue.Of("M_v", c.Mv), NamedValue.Of("e0", c.E0)],
        Why = _ => "c·e₀ ≥ 1, so the recursion (B.20) can leave the positive numbers.",
    };

    private static Inequality<(double E, double C)> RecursionStep() => new()
    {
        Name = "B.21",
        Description = "For all c > 0 and ē ∈ (0, 1/c): (ē(1 − cē))⁻¹ ≥ ē⁻¹ + c.",
        Tolerance = "None in double precision; exact rationals decide.",
        Generator = from c in EdgeDoubles.Positive(1e-6, 1e6) from u in EdgeDoubles.Positive(1e-9, 1) select (u / c, c),
        Edges = () => [(0.5, 1), (1e-9, 1), (0.999999, 1)],
        Move = (p, r) => (EdgeDoubles.Perturb(p.E, r, 1e-300), p.C),
        Hypotheses = p => p.C > 0 && p.E > 0 && p.C * p.E < 1 ? null : "cē ∉ (0, 1)",
        Sides = p => new Sides(1 / p.E + p.C, 1 / (p.E * (1 - p.C * p.E)), 1 / p.E + p.C),
        ExactSides = (p, _) =>
        {
            Fraction e = ExactDouble.ToFraction(p.E), c = ExactDouble.ToFraction(p.C);
            return new ExactSides(RationalInterval.Exact(Fraction.One / e + c), RationalInterval.Exact(Fraction.One / (e * (Fraction.One - c * e))));
        },
        Show = p => [NamedValue.Of("e", p.E), NamedValue.Of("c", p.C)],
        Why = _ => "(B.21) fails.",
    };

    /// <summary>
    /// The O(1/t) conclusion: along ē_{t+1} = ē_t(1 − cē_t) (equality in B.20, the slowest allowed decay), t·ē_t must stay
    /// below (1/(te₀) + c)⁻¹ (B.22) at t = 10^k, k = 0..5, and its ratio to the limit 1/c must approach 1 (the recorded trend).
    /// </summary>
    private sealed class Rate : Formalization<(double E0, double C)>
    {
        internal static readonly int[] Checkpoints = [1, 10, 100, 1000, 10000];

        public override string Name { get; init; } = "O(1/t)";

        public override string Description { get; init; } =
            "For all c > 0, ē₀ ∈ (0, 1/c): along ē_{t+1} = ē_t(1 − cē_t), T·ē_T ≤ (1/(Tē₀) + c)⁻¹ at T = 10^0…10^4 and c·T·ē_T increases toward 1 (bounded, so ē_T ∈ O(1/T)).";

        public override string Tolerance { get; init; } =
            "Relative 1e-9 on (B.22) (10^4 rounded steps contribute ≤ ~1e-12 relative); the trend requires c·T·ē_T non-decreasing across checkpoints and ≥ 0.9 at T = 10^4 when cē₀ ≥ 1e-2.";

        public override Gen<(double E0, double C)> Generator { get; init; } =
            from c in EdgeDoubles.Positive(1e-6, 1e6)
            from u in EdgeDoubles.Positive(1e-3, 0.999)
            select (u / c, c);

        public override IEnumerable<(double E0, double C)> EdgeCases => [(0.999, 1), (0.5, 1), (1e-3, 1), (5e5, 1e-6)];

        internal static double[] Sequence(double e0, double c)
        {
            var products = new double[Checkpoints.Length];
            double e = e0;
            int next = 0;
            for (int t = 1; t <= Checkpoints[^1]; t++)
            {
                e *= 1 - c * e;
                if (t == Checkpoints[next]) products[next++] = t * e;
            }
            return products;
        }

        public override Outcome Evaluate((double E0, double C) p)
        {
            if (!(p.C > 0 && p.E0 > 0 && p.C * p.E0 < 1)) return Outcome.Reject("cē₀ ∉ (0, 1) (c·e₀ < 1 always holds for the proof's c)");
            var te = Sequence(p.E0, p.C);
            double worst = double.NegativeInfinity;
            for (int k = 0; k < Checkpoints.Length; k++)
            {
                double bound = 1 / (1 / (Checkpoints[k] * p.E0) + p.C);
                worst = System.Math.Max(worst, (te[k] - bound * (1 + 1e-9)) / bound);
            }
            if (worst > 0) return new Outcome(OutcomeKind.Violated, worst, te[^1], 1 / p.C, "(B.22) fails at a checkpoint");
            var ratios = te.Select(x => x * p.C).ToArray();
            bool increasing = ratios.Zip(ratios.Skip(1)).All(q => q.Second >= q.First * (1 - 1e-12));
            if (!increasing) return Outcome.Undecided("c·t·ē_t is not monotone along the checkpoints: trend undecided");
            if (p.C * p.E0 >= 1e-2 && ratios[^1] < 0.9) return Outcome.Undecided($"c·t·ē_t = {ratios[^1]} at t = 1e4: the trend toward 1 is not yet visible");
            return Outcome.LessOrEqual(ratios[^1], 1, 1);
        }

        public override Certificate Certify((double E0, double C) input) =>
            Certificate.Unknown("double-precision sequence", "10^4 recursion steps are not re-evaluated exactly; a violation here stays inconclusive");

        public override IReadOnlyList<NamedValue> Describe((double E0, double C) p) =>
        [
            NamedValue.Of("e0", p.E0), NamedValue.Of("c", p.C),
            NamedValue.Text("T", string.Join(", ", Checkpoints.Select(t => t.ToString(CultureInfo.InvariantCulture)))),
            NamedValue.Of("c·T·e_T", Sequence(p.E0, p.C).Select(x => x * p.C)),
        ];
    }
}
