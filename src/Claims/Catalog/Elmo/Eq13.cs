using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Elmo;

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
            [new LimitSequence(), new MiddleExpression()]);
        yield return new Claim(
            "elmo/eq-13/limit-only",
            ElmoSources.Of("eq. (13)", "(13)", "F.2"),
            "lim_{L→0⁺} Δθ*ᵀv_i = −∇fᵀv_i/λ_i if λ_i > 0, ∞ if λ_i < 0.",
            "Only the outer equality (the limit of x* itself), without the middle expression.",
            [new LimitSequence()]);
    }

    private const int Terms = 17;

    /// <summary>
    /// The limit as a sequence: L_k = c·10^(−k), k = 0..16, c = λ²/|g| (|λ| when g = 0), i.e. y = L|g|/λ² → 0. For λ &gt; 0
    /// the ratio x*(L)·λ/|g| must settle onto 1 (x* → |g|/λ); for λ &lt; 0 the ratio L·x*(L)/(2|λ|) must settle onto 1,
    /// i.e. x* grows like 2|λ|/L → ∞.
    /// </summary>
    private sealed class LimitSequence : TrendStatement<EigenspaceAlongL>
    {
        [SetsRequiredMembers]
        public LimitSequence()
        {
            Name = "limit-sequence";
            Description = "For λ ≠ 0, |g| ≥ 0 (|g| > 0 when λ > 0): along L_k = c·10^-k, k = 0..16, c = λ²/|g| (|λ| when |g| = 0), the ratio x*(L_k)·λ/|g| (λ > 0) or L_k·x*(L_k)/(2|λ|) (λ < 0) settles onto 1, i.e. x* → |g|/λ, resp. x* → ∞ like 2|λ|/L.";
            Tolerance = "Limit 1 with tail tolerance 1e-9 (the last three ratios within 1e-9 of each other, the last within their spread + 1e-9 of 1): both ratios are 1 ∓ y/2 + O(y²) and y ≤ 1e-14 on the tail, so 1e-9 is five orders above the truth and far below any other limit.";
            MarginUnit = "relative to max(1, limit) = 1";
            Limit = 1;
            TailSpread = 1e-9;
            Domain = EigenspaceAlongL.Domain(1e-50, 1e50, nonzeroLambda: true,
                () => [new(1, 1), new(-1, 1), new(1, 0), new(-1, 0), new(1e-50, 1e50), new(-1e50, 1e-50), new(1e50, 1e-50)]);
        }

        protected override IReadOnlyList<double> Sequence(EigenspaceAlongL input) => Sequences.Decades(input.CrossoverL(), 1, Terms, up: false);

        protected override T Ratio<T>(EigenspaceAlongL input, T lipschitz)
        {
            var (lambda, a) = input.Read<T>();
            Assume.NonZero(lambda, "λ = 0 is in neither case of eq. (13)");
            var x = ElmoEigenspaceFormulas.Step(lambda, a, lipschitz);
            if (lambda > 0)
            {
                Assume.Positive(a, "λ > 0 with ∇fᵀv = 0: x* ≡ 0 = −∇fᵀv/λ for every L (the limit holds trivially; the ratio x*λ/|g| is undefined)");
                return x * lambda / a;
            }
            return lipschitz * x / (-2 * lambda);
        }

        public override string Explain(EigenspaceAlongL input)
        {
            var ls = Sequence(input);
            var xs = ls.Select(l => ElmoStep.Step(input.Lambda, input.GradMagnitude, l));
            return "x*(L) does not approach the stated limit as L → 0⁺: along L_k = " + Show(ls) + ", x*(L_k) ≈ " + Show(xs) + ".";
        }
    }

    /// <summary>The middle expression of eq. (13), −2g/(√(λ² − 2Lg) + λ) with g = −|g|, against x* for every L &gt; 0.</summary>
    private sealed class MiddleExpression : Statement<EigenspaceInput>
    {
        [SetsRequiredMembers]
        public MiddleExpression()
        {
            Name = "middle-expression";
            Description = "For all λ ≠ 0, |g| ≥ 0, L > 0: 2|g|/(√(λ² + 2L|g|) + λ) = x*; where its denominator is exactly 0 the expression is 0/0 (undefined) for every L, so it neither equals x* nor has a limit.";
            Tolerance = "Double-only rounding allowance 2^-44 ≈ 5.7e-14 of the scale (each side is a few roundings from exact; an identity between square roots is only confirmed at 2048 bits). Exact rational intervals decide every violation beyond it; an exactly zero denominator is decided exactly.";
            MarginUnit = "relative to x*·(S + |λ|)/|S + λ|, S = √(λ² + 2L|g|) (x* times the cancellation factor of the denominator S + λ); absolute (1 ≤ 0) where the denominator is exactly 0";
            Domain = EigenspaceInput.DomainOver(
                Gen.Frequency(
                    (3, EigenspaceInput.Generator.Where(e => e.Lambda != 0)),
                    (1, from l in EdgeDoubles.Positive(1e-6, 1e6) from lip in EdgeDoubles.Positive(1e-6, 1e6) select new EigenspaceInput(-l, 0, lip))),
                () => EigenspaceInput.EdgeCases().Where(e => e.Lambda != 0));
        }

        public override Relation<T> Evaluate<T>(EigenspaceInput input)
        {
            var (lambda, a, l) = input.Read<T>();
            Assume.NonZero(lambda, "λ = 0 is in neither case of eq. (13)");
            var x = ElmoEigenspaceFormulas.Step(lambda, a, l);
            var s = ElmoFormulas.Root(lambda, a, l);
            var denominator = s + lambda;
            if (T.Sign(denominator) == 0)
                return Relation.LessOrEqual(T.Of(1), T.Of(0))
                    .Labelled("the denominator √(λ² + 2L|g|) + λ is exactly 0: the middle expression is 0/0 for every L and has no value to equal x*");
            var scale = Margins.OrOne(x * (s + T.Abs(lambda)) / T.Abs(denominator));
            return Relation.Equal(2 * a / denominator, x, scale, Math.ScaleB(1, -44));
        }

        public override string Explain(EigenspaceInput input) => input.GradMagnitude == 0 && input.Lambda < 0
            ? "With ∇fᵀv = 0 and λ < 0 the middle expression is 0/(|λ| + λ) = 0/0 for every L, while x* = 2|λ|/L: the rationalized form loses the concave escape step."
            : "The middle expression of eq. (13) differs from x*.";
    }

    private static string Show(IEnumerable<double> values) =>
        "[" + string.Join(", ", values.Select(v => v.ToString("G6", CultureInfo.InvariantCulture))) + "]";
}
