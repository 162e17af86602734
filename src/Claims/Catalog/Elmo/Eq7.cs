using System.Diagnostics.CodeAnalysis;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elmo;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos eq. (7): x* = argmin of Σ_i M_t^i(Δθᵀv_i), i.e. (√(λ² + 2L|g|) − λ)/L per eigenspace.
/// </summary>
internal static class Eq7
{
    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "elmo/eq-7",
            ElmoSources.Of("eq. (7)", "(7)", "3.2"),
            "Δθ*ᵀv_i = argmin_Δθ Σ_i M_t^i(Δθᵀv_i) = (√(λ_i² + 2L_t^i|∇fᵀv_i|) − λ_i)/L_t^i.",
            "As written, \"argmin … =\" names the minimizer: x* must minimize M over ℝ (and the sum over ℝⁿ) and be the only minimizer.",
            [new MinimizerOnLine(strict: false), new MinimizerOfSum(), new MinimizerOnLine(strict: true)]);
        yield return new Claim(
            "elmo/eq-7/a-minimizer",
            ElmoSources.Of("eq. (7)", "(7)", "3.2"),
            "x* of eq. (7) is a minimizer of M over ℝ and, per eigen-coordinate, of Σ_i M^i over ℝⁿ.",
            "Charitable reading: membership in the argmin set, without uniqueness (which eq. 1's sign convention cannot give when ∇fᵀv_i = 0).",
            [new MinimizerOnLine(strict: false), new MinimizerOfSum()]);
    }

    private const string Tolerance = "None: every double-precision violation is re-evaluated in exact rational intervals (x* enclosed to ≥ 128 bits), which decide.";

    /// <summary>M(x*) ≤ M(y) for every y ∈ ℝ, or (strict) M(x*) &lt; M(y) for every y ≠ x*.</summary>
    private sealed class MinimizerOnLine : Statement<StepAndPoint>
    {
        private readonly bool _strict;

        [SetsRequiredMembers]
        public MinimizerOnLine(bool strict)
        {
            _strict = strict;
            Name = strict ? "unique-minimizer" : "minimizer-on-R";
            Description = strict
                ? "For all λ, |g| ≥ 0, L > 0 and y ≠ x*: M(x*) < M(y) strictly."
                : "For all λ, |g| ≥ 0, L > 0 and y ∈ ℝ: M(x*) ≤ M(y).";
            Tolerance = Eq7.Tolerance + (strict ? " y = x* exactly is outside the statement (decided exactly; in doubles only the double nearest x* is rejected)." : "");
            Domain = PointDomain;
            MarginUnit = "relative to |g||x*| + |λ|x*²/2 + Lx*³/6 + |g||y| + |λ|y²/2 + L|y|³/6 (the size of the terms of M(x*) and M(y))";
        }

        public override Relation<T> Evaluate<T>(StepAndPoint input)
        {
            var (lambda, a, l) = input.Space.Read<T>();
            var y = T.Input(input.Y);
            var x = ElmoEigenspaceFormulas.Step(lambda, a, l);
            var scale = Margins.OrOne(ElmoFormulas.TermScale(-a, lambda, l, x) + ElmoFormulas.TermScale(-a, lambda, l, y));
            var atStep = ElmoFormulas.Upper(-a, lambda, l, x);
            var atY = ElmoFormulas.Upper(-a, lambda, l, y);
            if (!_strict)
                return Relation.LessOrEqual(atStep, atY, scale);
            Assume.NonZero(y - x, "y ≠ x*");
            return Relation.Less(atStep, atY, scale);
        }

        public override string Explain(StepAndPoint input) => input.Space.GradMagnitude == 0 && input.Space.Lambda < 0
            ? "With ∇fᵀv = 0 and λ < 0, M is even, so y = −x* attains the same minimum: the argmin has two points and eq. (1) cannot pick one."
            : $"M(y) {(_strict ? "≤" : "<")} M(x*) at y = {input.Y:R}{(_strict ? " ≠ x*" : "")}.";
    }

    /// <summary>Σ_i M^i(x*_i) ≤ Σ_i M^i(c_i) for every c ∈ ℝⁿ.</summary>
    private sealed class MinimizerOfSum : Statement<SeparableStep>
    {
        [SetsRequiredMembers]
        public MinimizerOfSum()
        {
            Name = "minimizer-of-sum";
            Description = "For all n, eigen-data (λ_i, |g_i|, L_i) and c ∈ ℝⁿ (c_i = Δθᵀv_i, V orthogonal so c ranges over ℝⁿ): Σ M^i(x*_i) ≤ Σ M^i(c_i).";
            Tolerance = Eq7.Tolerance;
            Domain = SeparableDomain;
            MarginUnit = "relative to the sum over i of the sizes of the terms of M^i(x*_i) and M^i(c_i)";
        }

        public override Relation<T> Evaluate<T>(SeparableStep input)
        {
            T atSteps = T.Of(0), atC = T.Of(0), scale = T.Of(0);
            for (int i = 0; i < input.Spaces.Length; i++)
            {
                var (lambda, a, l) = input.Spaces[i].Read<T>();
                var c = T.Input(input.C[i]);
                var x = ElmoEigenspaceFormulas.Step(lambda, a, l);
                atSteps += ElmoFormulas.Upper(-a, lambda, l, x);
                atC += ElmoFormulas.Upper(-a, lambda, l, c);
                scale += ElmoFormulas.TermScale(-a, lambda, l, x) + ElmoFormulas.TermScale(-a, lambda, l, c);
            }
            return Relation.LessOrEqual(atSteps, atC, Margins.OrOne(scale));
        }
    }

    /// <summary>x* in double precision for generating nearby points (0 where it overflows).</summary>
    private static double Step(EigenspaceInput e)
    {
        double x = ElmoStep.Step(e.Lambda, e.GradMagnitude, e.Lipschitz);
        return double.IsFinite(x) ? x : 0;
    }

    /// <summary>
    /// Eigenspaces of <see cref="EigenspaceInput.Generator"/> and y near x* (relative offsets 1e-16 … 1), at −x*, at 0, at
    /// absolute offsets from x*, or anywhere in ±[1e-6, 1e6]; edges: −x*, 0 and 1.5x* on every edge eigenspace.
    /// </summary>
    private static Domain<StepAndPoint> PointDomain { get; } = new()
    {
        Generator =
            from e in EigenspaceInput.Generator
            from mode in Gen.Choose(0, 4)
            from d in EdgeDoubles.LogUniform(1e-16, 1)
            from sign in Gen.Elements(-1.0, 1.0)
            from free in EdgeDoubles.Signed(1e-6, 1e6)
            select new StepAndPoint(e, mode switch
            {
                0 => Step(e) * (1 + sign * d),
                1 => -Step(e),
                2 => 0.0,
                3 => Step(e) + sign * d,
                _ => free,
            }),
        Edges = () => EigenspaceInput.EdgeCases().SelectMany(e => new[] { new StepAndPoint(e, -Step(e)), new StepAndPoint(e, 0), new StepAndPoint(e, Step(e) * 1.5) }),
        Perturb = (p, r) => r.Next(2) == 0 ? p with { Y = EdgeDoubles.Perturb(p.Y, r, 0, 1e300) } : p with { Space = p.Space.Perturb(r) },
        Shrink = p => Shrinks.Coordinates(p, q => [q.Space.Lambda, q.Space.GradMagnitude, q.Space.Lipschitz, q.Y],
            (_, v) => new StepAndPoint(EigenspaceInput.Valid(v[0], v[1], v[2]), v[3])),
        Describe = p => p.Describe(),
    };

    /// <summary>
    /// n = 1..4 eigenspaces with λ, |g|, L of magnitude 1e-50 … 1e50 (the extreme magnitudes of one eigenspace are
    /// minimizer-on-R's; here the sum is searched where its terms stay in double range) and c_i = x*_i·f_i with f_i near 1
    /// (1 ± 1e-12 … 1 ± 1), −1, 0, or in ±[1e-3, 1e3].
    /// </summary>
    private static Domain<SeparableStep> SeparableDomain { get; } = new()
    {
        Generator =
            from n in Gen.Choose(1, 4)
            from spaces in (
                from l in EdgeDoubles.Signed(1e-50, 1e50)
                from a in EdgeDoubles.NonNegative(1e-50, 1e50)
                from lip in EdgeDoubles.Positive(1e-50, 1e50)
                select new EigenspaceInput(l, a, lip)).ArrayOf(n)
            from factors in Gen.Frequency(
                (2, EdgeDoubles.LogUniform(1e-12, 1).SelectMany(d => Gen.Elements(1 + d, 1 - d, -1.0, 0.0))),
                (1, EdgeDoubles.Signed(1e-3, 1e3))).ArrayOf(n)
            select new SeparableStep(spaces, spaces.Zip(factors, (s, f) => Step(s) * f).ToArray()),
        Edges = () =>
        [
            new([new(-1, 0, 1)], [-2]),
            new([new(1, 1, 1), new(-1, 1, 1)], [0.5, -1]),
            new([new(0, 1, 1), new(3, 1e-150, 1e150), new(-1e150, 1, 1e-150)], [1, 0, 1e300]),
        ],
        Perturb = (s, r) =>
        {
            var c = (double[])s.C.Clone();
            int i = r.Next(c.Length);
            c[i] = EdgeDoubles.Perturb(c[i], r, 0, 1e100);
            return s with { C = c };
        },
        Shrink = s => Shrinks.Coordinates(s, q => q.Coordinates(), (q, v) => q.With(v)),
        Describe = s => s.Describe(),
    };
}
