using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Fractions;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Verification.Math.Statistics;
using Outcome = Verification.Claims.Model.Outcome;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>
/// Thesis eq. (B.26) with (B.27), (5.14) and E[v − m²] = (1 − ρ)σ²: the variance of the bias-corrected moving
/// average m_t of iid gradients.
/// </summary>
internal static class EqB26
{
    internal static Claim Claim() => new(
        "balles/eq-B.26",
        VarianceSources.Of("eq. (B.26)", "(B.27), (5.14), (5.15)", "B.2.4, 5.4.1"),
        "ρ(β, t) := Σ_{s=0}^t c(β, t, s)² = (1 − β)(1 + β^(t+1))/((1 + β)(1 − β^(t+1))); ρ(β, t) → (1 − β)/(1 + β) as t → ∞; E[m_t²] ≈ ∇f² + ρ(β, t)σ² and E[v_t − m_t²] ≈ (1 − ρ(β, t))σ².",
        "β ∈ [0, 1) (β = 1 makes c(β, t, s) = 0/0). The ≈ of (5.14) are equalities when g_0…g_t are iid with mean ∇f and variance σ² (Assumption 5.1 made exact), which is checked by enumerating every sequence of a discrete gradient distribution, with β₁ = β₂ = β as §5.4.1 prescribes.",
        [ClosedForm(), new Limit(), SecondMoment(), VarianceEstimate()]);

    internal static Gen<double> Betas { get; } = Gen.Frequency(
        (2, Gen.Elements(0.0, 0.5, 0.9, 0.99, 0.999)),
        (2, EdgeDoubles.Unit),
        (1, EdgeDoubles.LogUniform(1e-9, 1).Select(x => 1 - x).Where(b => b < 1)));

    private static Inequality<(double Beta, int T)> ClosedForm() => new()
    {
        Name = "closed-form",
        Description = "For all β ∈ [0, 1) and t = 0…40: Σ_s c(β, t, s)² = (1 − β)(1 + β^(t+1))/((1 + β)(1 − β^(t+1))).",
        Tolerance = "Relative 1e-12 in double (both sides in cancellation-free forms, ≤ 45 roundings); exact rationals decide.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-12,
        Generator = from b in Betas from t in Gen.Choose(0, 40) select (b, t),
        Edges = () => [(0.0, 0), (0.0, 5), (0.5, 0), (0.9, 10), (0.999, 40)],
        Move = (p, r) => (System.Math.Min(EdgeDoubles.Perturb(p.Beta, r), System.Math.BitDecrement(1.0)), p.T),
        Hypotheses = p => p.Beta >= 0 && p.Beta < 1 ? null : "β ∉ [0, 1)",
        Sides = p =>
        {
            // c(β, t, s) = β^(t−s)/Σ_{k≤t}β^k: the factor 1 − β cancels exactly, so β near 1 loses nothing.
            double sum = 0;
            double denominator = RhoBeta.GeometricSum(p.Beta, p.T + 1);
            for (int s = 0; s <= p.T; s++)
            {
                double c = System.Math.Pow(p.Beta, p.T - s) / denominator;
                sum += c * c;
            }
            double closed = RhoBeta.ClosedForm(p.Beta, p.T);
            return new Sides(sum, closed, closed);
        },
        ExactSides = (p, _) =>
        {
            var b = ExactDouble.ToFraction(p.Beta);
            return new ExactSides(RationalInterval.Exact(RhoBeta.SumOfSquares(b, p.T)), RationalInterval.Exact(RhoBeta.ClosedForm(b, p.T)));
        },
        Show = p => [NamedValue.Of("beta", p.Beta), NamedValue.Text("t", p.T.ToString(CultureInfo.InvariantCulture))],
        Why = _ => "Σ c² differs from the closed form (B.26).",
    };

    /// <summary>(B.27) as a sequence: t_k = ⌈10^k/(1 − β)⌉, k = 0..6; the gap ρ − (1 − β)/(1 + β) must fall and end below 1e-12 of the limit.</summary>
    private sealed class Limit : Formalization<double>
    {
        public override string Name { get; init; } = "limit-B.27";

        public override string Description { get; init; } =
            "For all β ∈ [0, 1): along t_k = ⌈10^k/(1 − β)⌉ (k = 0…6), the gap ρ(β, t_k) − (1 − β)/(1 + β) is ≥ 0, non-increasing and below 1e-12·(1 − β)/(1 + β) at the tail.";

        public override string Tolerance { get; init; } =
            "The gap is evaluated in its cancellation-free form 2β^(t+1)(1 − β)/((1 + β)(1 − β^(t+1))); at t ≈ 10^6/(1 − β) it is ≈ e^(−10^6), so 1e-12 is generous.";

        public override Gen<double> Generator { get; init; } = Betas;

        public override IEnumerable<double> EdgeCases => [0.0, 0.5, 0.9, 0.999, 1 - 1e-9];

        internal static double[] Ts(double beta) =>
            Enumerable.Range(0, 7).Select(k => System.Math.Ceiling(System.Math.Pow(10, k) / (1 - beta))).ToArray();

        public override Outcome Evaluate(double beta)
        {
            if (!(beta >= 0 && beta < 1)) return Outcome.Reject("β ∉ [0, 1)");
            var gaps = Ts(beta).Select(t => RhoBeta.GapToLimit(beta, t)).ToArray();
            double limit = (1 - beta) / (1 + beta);
            if (gaps.Any(g => g < 0)) return new Outcome(OutcomeKind.Violated, 1, gaps.Min(), 0, "the gap is negative");
            bool falling = gaps.Zip(gaps.Skip(1)).All(q => q.Second <= q.First);
            return falling
                ? Outcome.LessOrEqual(gaps[^1], 1e-12 * limit, limit)
                : new Outcome(OutcomeKind.Violated, 1, gaps[^1], 0, "the gap grew along the sequence");
        }

        public override Certificate Certify(double input) =>
            Certificate.Unknown("double-precision sequence", "β^t at t ≈ 10^6/(1 − β) is not evaluated exactly; a violation here stays inconclusive");

        public override IReadOnlyList<NamedValue> Describe(double beta) =>
            [NamedValue.Of("beta", beta), NamedValue.Of("t_k", Ts(beta)), NamedValue.Of("gap", Ts(beta).Select(t => RhoBeta.GapToLimit(beta, t)))];
    }

    /// <summary>β, t and a scalar gradient distribution (mean ∇f, variance σ²) of 1–3 atoms.</summary>
    internal sealed record MovingAverageInput(double Beta, int T, DiscreteDistribution Gradient)
    {
        internal Fraction ExactBeta => ExactDouble.ToFraction(Beta);

        /// <summary>E[h(m_t, v_t)] over all (t+1)-sequences of iid gradients.</summary>
        internal Fraction Expectation(Func<Fraction, Fraction, Fraction> h)
        {
            var b = ExactBeta;
            var weights = Enumerable.Range(0, T + 1).Select(s => RhoBeta.Weight(b, T, s)).ToArray();
            return Gradient.IidProduct(T + 1).Expectation(gs =>
            {
                Fraction m = Fraction.Zero, v = Fraction.Zero;
                for (int s = 0; s <= T; s++)
                {
                    m += weights[s] * gs[s];
                    v += weights[s] * gs[s] * gs[s];
                }
                return h(m, v);
            });
        }

        /// <summary>E[h(m_t, v_t)] in double (weights β^(t−s)/Σβ^k, atoms and probabilities rounded).</summary>
        internal double ExpectationAsDouble(Func<double, double, double> h)
        {
            double denominator = RhoBeta.GeometricSum(Beta, T + 1);
            var weights = Enumerable.Range(0, T + 1).Select(s => System.Math.Pow(Beta, T - s) / denominator).ToArray();
            return Gradient.IidProduct(T + 1).ExpectationAsDouble(gs =>
            {
                double m = 0, v = 0;
                for (int s = 0; s <= T; s++)
                {
                    m += weights[s] * gs[s];
                    v += weights[s] * gs[s] * gs[s];
                }
                return h(m, v);
            });
        }

        internal IReadOnlyList<NamedValue> Describe() =>
        [
            NamedValue.Of("beta", Beta), NamedValue.Text("t", T.ToString(CultureInfo.InvariantCulture)),
            NamedValue.Text("gradient atoms", string.Join("; ", Enumerable.Range(0, Gradient.Count).Select(k => Interval.Show(Gradient.Atom(k)[0]) + " w.p. " + Interval.Show(Gradient.Probability(k))))),
        ];
    }

    private static Gen<MovingAverageInput> MovingAverages { get; } =
        from b in Betas
        from t in Gen.Choose(0, 3)
        from k in Gen.Choose(1, 2)
        from atoms in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0.0)), (4, EdgeDoubles.Signed(1e-3, 1e3))), k)
        from w in Gen.ArrayOf(Gen.Choose(1, 4), k)
        select new MovingAverageInput(b, t, DiscreteDistribution.FromDoubles(atoms.Select(a => new[] { a }).ToArray(), w));

    private static IEnumerable<MovingAverageInput> MovingAverageEdges() =>
    [
        new(0.9, 4, DiscreteDistribution.FromDoubles([[0.0], [2.0]], [1, 1])),
        new(0.0, 3, DiscreteDistribution.FromDoubles([[1.0], [-1.0]], [1, 1])),
        new(0.5, 0, DiscreteDistribution.FromDoubles([[3.0]], [1])),
        new(0.25, 2, DiscreteDistribution.FromDoubles([[0.0], [1.0], [-3.0]], [1, 2, 3])),
    ];

    private static (Fraction Mean, Fraction Var) Moments(MovingAverageInput a) => (a.Gradient.Mean()[0], a.Gradient.Variance()[0]);

    private static Inequality<MovingAverageInput> SecondMoment() => new()
    {
        Name = "eq-5.14",
        Description = "For all β ∈ [0, 1), t ≤ 3 and iid g_s from a discrete distribution: E[m_t²] = ∇f² + ρ(β, t)σ².",
        Tolerance = "Relative 1e-9 of E[v_t] in double (≤ 81 sequences of ≤ 4 rounded terms); exact rationals decide.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-9,
        Generator = MovingAverages,
        Edges = MovingAverageEdges,
        Hypotheses = a => a.Beta >= 0 && a.Beta < 1 ? null : "β ∉ [0, 1)",
        Sides = a =>
        {
            var (mean, variance) = (ExactDouble.ToDouble(Moments(a).Mean), ExactDouble.ToDouble(Moments(a).Var));
            double lhs = a.ExpectationAsDouble((m, _) => m * m);
            double r = mean * mean + RhoBeta.ClosedForm(a.Beta, a.T) * variance;
            return new Sides(lhs, r, System.Math.Max(a.ExpectationAsDouble((m, v) => v), double.Epsilon));
        },
        ExactSides = (a, _) => SecondMomentSides(a) is var (l, r) ? new ExactSides(RationalInterval.Exact(l), RationalInterval.Exact(r)) : default,
        Show = a => a.Describe(),
        Why = _ => "E[m_t²] differs from ∇f² + ρσ².",
    };

    private static (Fraction Lhs, Fraction Rhs) SecondMomentSides(MovingAverageInput a)
    {
        var (mean, variance) = Moments(a);
        return (a.Expectation((m, _) => m * m), mean * mean + RhoBeta.ClosedForm(a.ExactBeta, a.T) * variance);
    }

    private static Inequality<MovingAverageInput> VarianceEstimate() => new()
    {
        Name = "E[v-m^2]",
        Description = "For all β ∈ [0, 1), t ≤ 3 and iid g_s from a discrete distribution: E[v_t − m_t²] = (1 − ρ(β, t))σ² (β₁ = β₂ = β).",
        Tolerance = "Relative 1e-9 of E[v_t] in double (v − m² cancels, so its rounding scales with E[v]); exact rationals decide.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-9,
        Generator = MovingAverages,
        Edges = MovingAverageEdges,
        Hypotheses = a => a.Beta >= 0 && a.Beta < 1 ? null : "β ∉ [0, 1)",
        Sides = a =>
        {
            double variance = ExactDouble.ToDouble(Moments(a).Var);
            double lhs = a.ExpectationAsDouble((m, v) => v - m * m);
            double r = (1 - RhoBeta.ClosedForm(a.Beta, a.T)) * variance;
            // v − m² cancels: its rounding is relative to E[v], the scale.
            return new Sides(lhs, r, System.Math.Max(a.ExpectationAsDouble((m, v) => v), double.Epsilon));
        },
        ExactSides = (a, _) => VarianceSides(a) is var (l, r) ? new ExactSides(RationalInterval.Exact(l), RationalInterval.Exact(r)) : default,
        Show = a => a.Describe(),
        Why = _ => "E[v_t − m_t²] differs from (1 − ρ)σ².",
    };

    private static (Fraction Lhs, Fraction Rhs) VarianceSides(MovingAverageInput a)
    {
        var (_, variance) = Moments(a);
        return (a.Expectation((m, v) => v - m * m), (Fraction.One - RhoBeta.ClosedForm(a.ExactBeta, a.T)) * variance);
    }
}
