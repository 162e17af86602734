using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Outcome = Verification.Claims.Model.Outcome;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos eq. (13), App. F.2: lim_{L→0⁺} x* = lim −2g/(√(λ² − 2Lg) + λ) = −g/λ for λ &gt; 0 and ∞ for λ &lt; 0.
/// </summary>
internal static class Eq13
{
    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "elmo/eq-13",
            ElmoSources.Of("eq. (13)", "(13)", "F.2"),
            "lim_{L→0⁺} Δθ*ᵀv_i = lim_{L→0⁺} −2∇fᵀv_i/(√(λ_i² − 2L∇fᵀv_i) + λ_i) = −∇fᵀv_i/λ_i if λ_i > 0, ∞ if λ_i < 0.",
            "As written: the displayed middle expression must equal x* for every L > 0, and the limit must be as stated in each case; λ = 0 is in neither case and is rejected.",
            [new LimitSequence(), MiddleForm()]);
        yield return new Claim(
            "elmo/eq-13/limit-only",
            ElmoSources.Of("eq. (13)", "(13)", "F.2"),
            "lim_{L→0⁺} Δθ*ᵀv_i = −∇fᵀv_i/λ_i if λ_i > 0, ∞ if λ_i < 0.",
            "Only the outer equality (the limit of x* itself), without the middle expression.",
            [new LimitSequence()]);
    }

    private static Gen<EigenspaceInput> Nonzero { get; } =
        from l in EdgeDoubles.Signed(1e-50, 1e50).Where(l => l != 0)
        from a in EdgeDoubles.NonNegative(1e-50, 1e50)
        select new EigenspaceInput(l, a, 1);

    /// <summary>
    /// The limit as a sequence: L_k = (λ²/|g|)·10^(−k) (or |λ|·10^(−k) when g = 0), k = 0..16, i.e. y = L|g|/λ² → 0.
    /// Holds when, for λ &gt; 0, the relative gap to |g|/λ falls below 1e-12 by the tail and never grows; for λ &lt; 0,
    /// when x* grows without bound (x*·L → 2|λ|, so x* grows by ≥ 10^15 over the sequence).
    /// </summary>
    private sealed class LimitSequence : Formalization<EigenspaceInput>
    {
        private const int Terms = 17;

        public override string Name { get; init; } = "limit-sequence";

        public override string Description { get; init; } =
            "For λ ≠ 0, |g| ≥ 0: along L_k = (λ²/|g|)·10^-k, k = 0..16, x*(L_k) → |g|/λ (λ > 0; relative gap < 1e-12 at the tail, non-increasing) or → ∞ (λ < 0; growth ≥ 1e15).";

        public override string Tolerance { get; init; } = "Tail relative gap 1e-12 (the gap is ≈ y/2 = 5e-18 at k = 16, so 1e-12 leaves room for the 4-ulp step).";

        public override Gen<EigenspaceInput> Generator { get; init; } = Nonzero;

        public override IEnumerable<EigenspaceInput> EdgeCases =>
            [new(1, 1, 1), new(-1, 1, 1), new(1, 0, 1), new(-1, 0, 1), new(1e-50, 1e50, 1), new(-1e50, 1e-50, 1)];

        public override EigenspaceInput Perturb(EigenspaceInput input, System.Random random) => input.Perturb(random) with { Lipschitz = 1 };

        private static double[] Ls(EigenspaceInput e)
        {
            double l0 = e.GradMagnitude > 0 ? e.Lambda * e.Lambda / e.GradMagnitude : System.Math.Abs(e.Lambda);
            return Enumerable.Range(0, Terms).Select(k => l0 * System.Math.Pow(10, -k)).ToArray();
        }

        public override Outcome Evaluate(EigenspaceInput e)
        {
            if (e.Lambda == 0) return Outcome.Reject("λ = 0 is in neither case of eq. (13)");
            var ls = Ls(e);
            if (ls.Any(l => !(l > 0) || !double.IsFinite(l))) return Outcome.Reject("the L sequence leaves double range");
            var xs = ls.Select(l => Verification.Math.Elmo.Step(e.Lambda, e.GradMagnitude, l)).ToArray();
            if (e.Lambda > 0)
            {
                double target = e.GradMagnitude / e.Lambda;
                if (target == 0)
                    return xs.All(x => x == 0) ? Outcome.LessOrEqual(0, 0, 1) : Outcome.LessOrEqual(xs.Max(), 0, 1);
                var gaps = xs.Select(x => System.Math.Abs(x - target) / target).ToArray();
                bool nonIncreasing = gaps.Zip(gaps.Skip(1)).All(p => p.Second <= p.First * (1 + 1e-9) + 1e-15);
                double tail = gaps[^1];
                return nonIncreasing
                    ? Outcome.LessOrEqual(tail, 1e-12, 1)
                    : new Outcome(OutcomeKind.Violated, 1, tail, 1e-12, "the gap grew along the sequence");
            }
            if (xs.Any(x => !double.IsFinite(x))) return Outcome.Reject("x* overflows along the sequence");
            double growth = xs[^1] / xs[0];
            return Outcome.LessOrEqual(1e15, growth, 1e15);
        }

        public override Certificate Certify(EigenspaceInput e)
        {
            // A failure of a limit is certified on the last term only: its exact gap (λ > 0) or growth (λ < 0).
            var ls = Ls(e);
            return ExactCheck.WithGrowingPrecision(bits =>
            {
                var last = ExactElmo.Step(e.Lambda, e.GradMagnitude, ls[^1], bits);
                if (e.Lambda > 0)
                {
                    var target = RationalInterval.Exact(e.GradMagnitude) / RationalInterval.Exact(e.Lambda);
                    var gap = (last - target).Abs();
                    return ExactCheck.LessOrEqual(gap, RationalInterval.Exact(1e-12) * target, 1);
                }
                var first = ExactElmo.Step(e.Lambda, e.GradMagnitude, ls[0], bits);
                return ExactCheck.LessOrEqual(RationalInterval.Exact(1e15) * first, last, 1e15);
            });
        }

        public override IReadOnlyList<NamedValue> Describe(EigenspaceInput e)
        {
            var ls = Ls(e);
            return [NamedValue.Of("lambda", e.Lambda), NamedValue.Of("gradMagnitude", e.GradMagnitude), NamedValue.Of("L_k", ls),
                NamedValue.Of("x*(L_k)", ls.Select(l => Verification.Math.Elmo.Step(e.Lambda, e.GradMagnitude, l)))];
        }

        public override string Explain(EigenspaceInput input) => "x*(L) does not approach the stated limit as L → 0⁺.";
    }

    /// <summary>The middle expression of eq. (13), −2g/(√(λ² − 2Lg) + λ) with g = −|g|, against x*.</summary>
    private static Inequality<EigenspaceInput> MiddleForm() => new()
    {
        Name = "middle-expression",
        Description = "For all λ ≠ 0, |g| ≥ 0, L > 0: 2|g|/(√(λ² + 2L|g|) + λ) = x*; where its denominator is exactly 0 the expression is undefined (0/0) and cannot equal x*.",
        Tolerance = "Relative 1e-12 in double precision, where the expression cancels for λ < 0; exact arithmetic decides. An exactly zero denominator is a violation.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-12,
        Generator = Gen.Frequency(
            (3, EigenspaceInput.Generator.Where(e => e.Lambda != 0)),
            (1, from l in EdgeDoubles.Positive(1e-6, 1e6) from lip in EdgeDoubles.Positive(1e-6, 1e6) select new EigenspaceInput(-l, 0, lip))),
        Edges = () => EigenspaceInput.EdgeCases().Where(e => e.Lambda != 0),
        Move = (e, r) => e.Perturb(r),
        Hypotheses = e => e.Lambda == 0 ? "λ = 0 is in neither case of eq. (13)" : EigenspaceSides.Representable(e),
        Sides = e =>
        {
            double x = EigenspaceSides.Step(e);
            double s = System.Math.Sqrt(e.Lambda * e.Lambda + 2 * e.Lipschitz * e.GradMagnitude);
            double denominator = s + e.Lambda;
            // 0/0 is not a number: compare x* with the numerator 0, a relative difference of 1 (certification checks the zero exactly).
            double middle = denominator == 0 ? 0 : 2 * e.GradMagnitude / denominator;
            return new Sides(middle, x, System.Math.Max(System.Math.Abs(x), double.Epsilon));
        },
        ExactSides = (e, bits) =>
        {
            var x = EigenspaceSides.ExactStep(e, bits);
            var l = RationalInterval.Exact(e.Lambda);
            var s = ExactElmo.Root(e.Lambda, e.GradMagnitude, e.Lipschitz, bits);
            var denominator = s + l;
            if (denominator.IsExactlyZero)
                return new ExactSides(RationalInterval.Zero, x); // 0/0: the expression has no value; x* > 0 differs from any
            return new ExactSides(2.0 * RationalInterval.Exact(e.GradMagnitude) / denominator, x);
        },
        Show = e => e.Describe(),
        Why = e => e.GradMagnitude == 0 && e.Lambda < 0
            ? "With ∇fᵀv = 0 and λ < 0 the middle expression is 0/(|λ| + λ) = 0/0 for every L, while x* = 2|λ|/L: the rationalized form loses the concave escape step."
            : "The middle expression of eq. (13) differs from x*.",
    };
}
