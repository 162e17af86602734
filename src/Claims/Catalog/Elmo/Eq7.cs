using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>An eigenspace and a competing step y.</summary>
public sealed record StepAndPoint(EigenspaceInput Space, double Y);

/// <summary>Eigenspaces in eigen-coordinates (λ_i, |g_i|, L_i) and a competing step c with c_i = Δθᵀv_i.</summary>
public sealed record SeparableStep(EigenspaceInput[] Spaces, double[] C);

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
            [Minimizer1D(), MinimizerSum(), Unique()]);
        yield return new Claim(
            "elmo/eq-7/a-minimizer",
            ElmoSources.Of("eq. (7)", "(7)", "3.2"),
            "x* of eq. (7) is a minimizer of M over ℝ and, per eigen-coordinate, of Σ_i M^i over ℝⁿ.",
            "Charitable reading: membership in the argmin set, without uniqueness (which eq. 1's sign convention cannot give when ∇fᵀv_i = 0).",
            [Minimizer1D(), MinimizerSum()]);
    }

    private static Gen<StepAndPoint> PointGenerator { get; } =
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
        });

    private static double Step(EigenspaceInput e)
    {
        double x = Verification.Math.Elmo.Step(e.Lambda, e.GradMagnitude, e.Lipschitz);
        return double.IsFinite(x) ? x : 0;
    }

    private static IEnumerable<StepAndPoint> PointEdges() =>
        EigenspaceInput.EdgeCases().SelectMany(e => new[] { new StepAndPoint(e, -Step(e)), new StepAndPoint(e, 0), new StepAndPoint(e, Step(e) * 1.5) });

    private static string? PointHypotheses(StepAndPoint p)
    {
        if (EigenspaceSides.Representable(p.Space) is { } r) return r;
        double m = CubicUpperModel.Evaluate(p.Space.G, p.Space.Lambda, p.Space.Lipschitz, p.Y);
        return double.IsFinite(m) ? null : "M(y) overflows double precision";
    }

    private static Sides PointSides(StepAndPoint p) => new(
        EigenspaceSides.UpperAtStep(p.Space),
        CubicUpperModel.Evaluate(p.Space.G, p.Space.Lambda, p.Space.Lipschitz, p.Y),
        EigenspaceSides.ModelScale(p.Space));

    private static ExactSides PointExact(StepAndPoint p, int bits) => new(
        EigenspaceSides.ExactUpper(p.Space, EigenspaceSides.ExactStep(p.Space, bits)),
        EigenspaceSides.ExactUpper(p.Space, RationalInterval.Exact(p.Y)));

    private static IReadOnlyList<NamedValue> ShowPoint(StepAndPoint p) => [.. p.Space.Describe(), NamedValue.Of("y", p.Y)];

    private static StepAndPoint MovePoint(StepAndPoint p, System.Random r) =>
        r.Next(2) == 0 ? p with { Y = EdgeDoubles.Perturb(p.Y, r, 0, 1e300) } : p with { Space = p.Space.Perturb(r) };

    private static Inequality<StepAndPoint> Minimizer1D() => new()
    {
        Name = "minimizer-on-R",
        Description = "For all λ, |g| ≥ 0, L > 0 and y ∈ ℝ: M(x*) ≤ M(y).",
        Tolerance = "None in double precision; exact rational intervals (x* enclosed to ≥128 bits) decide.",
        Generator = PointGenerator,
        Edges = PointEdges,
        Move = MovePoint,
        Hypotheses = PointHypotheses,
        Sides = PointSides,
        ExactSides = PointExact,
        Show = ShowPoint,
        Why = p => $"M(y) < M(x*) at y = {p.Y:R}.",
    };

    private static Inequality<StepAndPoint> Unique() => new()
    {
        Name = "unique-minimizer",
        Description = "For all λ, |g| ≥ 0, L > 0 and y ≠ x*: M(x*) < M(y) strictly.",
        Tolerance = "Points within 1e-6·max(1, x*) of x* are excluded (not distinct from x* in a certifiable way); exact arithmetic decides the rest.",
        Relation = Relation.Less,
        Generator = PointGenerator,
        Edges = PointEdges,
        Move = MovePoint,
        Hypotheses = p => PointHypotheses(p)
            ?? (System.Math.Abs(p.Y - Step(p.Space)) <= 1e-6 * System.Math.Max(1, System.Math.Abs(Step(p.Space))) ? "y is not distinct from x*" : null),
        Sides = PointSides,
        ExactSides = PointExact,
        Show = ShowPoint,
        Why = p => p.Space.GradMagnitude == 0 && p.Space.Lambda < 0
            ? "With ∇fᵀv = 0 and λ < 0, M is even, so y = −x* attains the same minimum: the argmin has two points and eq. (1) cannot pick one."
            : $"M(y) ≤ M(x*) at y = {p.Y:R} ≠ x*.",
    };

    private static Gen<SeparableStep> SeparableGenerator { get; } =
        from n in Gen.Choose(1, 4)
        from spaces in EigenspaceInput.Generator.ArrayOf(n)
        from factors in Gen.Frequency(
            (2, EdgeDoubles.LogUniform(1e-12, 1).SelectMany(d => Gen.Elements(1 + d, 1 - d, -1.0, 0.0))),
            (1, EdgeDoubles.Signed(1e-3, 1e3))).ArrayOf(n)
        select new SeparableStep(spaces, spaces.Zip(factors, (s, f) => Step(s) * f).ToArray());

    private static Inequality<SeparableStep> MinimizerSum() => new()
    {
        Name = "minimizer-of-sum",
        Description = "For all n, eigen-data (λ_i, |g_i|, L_i) and c ∈ ℝⁿ (c_i = Δθᵀv_i, V orthogonal so c ranges over ℝⁿ): Σ M^i(x*_i) ≤ Σ M^i(c_i).",
        Tolerance = "None in double precision; exact rational intervals decide.",
        Generator = SeparableGenerator,
        Move = (s, r) =>
        {
            var c = (double[])s.C.Clone();
            int i = r.Next(c.Length);
            c[i] = EdgeDoubles.Perturb(c[i], r, 0, 1e300);
            return s with { C = c };
        },
        Hypotheses = s => s.Spaces.Select(EigenspaceSides.Representable).FirstOrDefault(x => x is not null)
            ?? (s.Spaces.Zip(s.C).All(t => double.IsFinite(CubicUpperModel.Evaluate(t.First.G, t.First.Lambda, t.First.Lipschitz, t.Second))) ? null : "M^i(c_i) overflows"),
        Sides = s => new Sides(
            s.Spaces.Sum(EigenspaceSides.UpperAtStep),
            s.Spaces.Zip(s.C).Sum(t => CubicUpperModel.Evaluate(t.First.G, t.First.Lambda, t.First.Lipschitz, t.Second)),
            s.Spaces.Sum(EigenspaceSides.ModelScale)),
        ExactSides = (s, bits) =>
        {
            var lhs = RationalInterval.Zero;
            var rhs = RationalInterval.Zero;
            for (int i = 0; i < s.Spaces.Length; i++)
            {
                lhs += EigenspaceSides.ExactUpper(s.Spaces[i], EigenspaceSides.ExactStep(s.Spaces[i], bits));
                rhs += EigenspaceSides.ExactUpper(s.Spaces[i], RationalInterval.Exact(s.C[i]));
            }
            return new ExactSides(lhs, rhs);
        },
        Show = s => [
            NamedValue.Of("lambda", s.Spaces.Select(e => e.Lambda)),
            NamedValue.Of("gradMagnitude", s.Spaces.Select(e => e.GradMagnitude)),
            NamedValue.Of("lipschitz", s.Spaces.Select(e => e.Lipschitz)),
            NamedValue.Of("c", s.C)],
    };
}
