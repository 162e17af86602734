using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>Thesis Lemma B.2 (eq. B.9): (2L²/μ)(f(θ) − f*) ≥ ‖∇f(θ)‖² ≥ 2μ(f(θ) − f*).</summary>
internal static class LemmaB2
{
    /// <summary>A μ-strongly convex, L-smooth f with minimizer c and f* = 0, a point θ, and constants μ ≤ μ_f, L ≥ L_f.</summary>
    internal sealed record Input(SeparableTestFunction F, double[] Theta, double Mu, double L)
    {
        internal RationalInterval[] ExactTheta => Theta.Select(RationalInterval.Exact).ToArray();

        internal IReadOnlyList<NamedValue> Describe() =>
            [.. F.Describe(), NamedValue.Of("theta", Theta), NamedValue.Of("mu", Mu), NamedValue.Of("L", L)];
    }

    internal static Gen<Input> Generator { get; } =
        from d in Gen.Choose(1, 3)
        from f in SgdStepInput.Functions(d, stronglyConvex: true)
        from theta in Gen.ArrayOf(EdgeDoubles.Signed(1e-3, 1e3), d)
        from muFactor in Gen.Frequency((3, Gen.Constant(1.0)), (1, EdgeDoubles.Positive(1e-3, 1)))
        from lFactor in Gen.Frequency((3, Gen.Constant(1.0)), (1, EdgeDoubles.Positive(1, 1e3)))
        select new Input(f, theta, f.StrongConvexity * muFactor, f.Smoothness * lFactor);

    internal static Claim Claim() => new(
        "balles/lemma-B.2",
        VarianceSources.Of("Lemma B.2", "(B.9)", "B.2.3"),
        "Let f be μ-strongly convex and L-smooth with minimizer θ* and f* = f(θ*). Then for any θ: (2L²/μ)(f(θ) − f*) ≥ ‖∇f(θ)‖² ≥ 2μ(f(θ) − f*).",
        "Both inequalities for every θ, on separable strongly convex functions (quadratics and non-quadratic ones with f'' varying between μ and L), with μ and L any valid constants (μ ≤ inf f'', L ≥ sup f'').",
        [Upper(), Lower()]);

    private static Inequality<Input> Upper() => new()
    {
        Name = "gradient-upper",
        Description = "For all such f and θ: ‖∇f(θ)‖² ≤ (2L²/μ)(f(θ) − f*).",
        Tolerance = "None in double precision; exact enclosures (√ at 128–2048 bits) decide.",
        Generator = Generator,
        Edges = () => [new(new([1.0], [0.0], [0.0]), [1.0], 1, 1), new(new([1.0, 4.0], [0.0, 0.0], [0.0, 0.0]), [0.0, 1.0], 1, 4)],
        Move = (s, r) => s with { Theta = s.Theta.Select(t => EdgeDoubles.Perturb(t, r, 0, 1e3) * (t < 0 ? -1 : 1)).ToArray() },
        Hypotheses = s => s.F.MinimizerAtC && s.Mu > 0 ? null : "not strongly convex",
        Sides = s => new Sides(s.F.Gradient(s.Theta).Sum(g => g * g), 2 * s.L * s.L / s.Mu * s.F.Value(s.Theta), 1 + s.F.Gradient(s.Theta).Sum(g => g * g)),
        ExactSides = (s, bits) => new ExactSides(
            Interval.Sum(s.F.ExactGradient(s.ExactTheta, bits).Select(Interval.Square)),
            Interval.Of(2) * RationalInterval.Exact(s.L) * RationalInterval.Exact(s.L) / RationalInterval.Exact(s.Mu) * s.F.ExactValue(s.ExactTheta, bits)),
        Show = s => s.Describe(),
        Why = _ => "‖∇f‖² exceeds (2L²/μ)(f − f*).",
    };

    private static Inequality<Input> Lower() => new()
    {
        Name = "gradient-lower",
        Description = "For all such f and θ: 2μ(f(θ) − f*) ≤ ‖∇f(θ)‖² (the Polyak–Łojasiewicz inequality).",
        Tolerance = "None in double precision; exact enclosures decide.",
        Generator = Generator,
        Edges = () => [new(new([1.0], [0.0], [0.0]), [1.0], 1, 1), new(new([1.0], [3.0], [0.0]), [10.0], 1, 4)],
        Move = (s, r) => s with { Theta = s.Theta.Select(t => EdgeDoubles.Perturb(t, r, 0, 1e3) * (t < 0 ? -1 : 1)).ToArray() },
        Hypotheses = s => s.F.MinimizerAtC && s.Mu > 0 ? null : "not strongly convex",
        Sides = s => new Sides(2 * s.Mu * s.F.Value(s.Theta), s.F.Gradient(s.Theta).Sum(g => g * g), 1 + s.F.Gradient(s.Theta).Sum(g => g * g)),
        ExactSides = (s, bits) => new ExactSides(
            Interval.Of(2) * RationalInterval.Exact(s.Mu) * s.F.ExactValue(s.ExactTheta, bits),
            Interval.Sum(s.F.ExactGradient(s.ExactTheta, bits).Select(Interval.Square))),
        Show = s => s.Describe(),
        Why = _ => "‖∇f‖² is below 2μ(f − f*).",
    };
}
