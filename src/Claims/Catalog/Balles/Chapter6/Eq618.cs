using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using static Verification.Claims.Catalog.Balles.Chapter6.SignExact;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>balles-thesis eq. (6.18): L∞ = ‖H‖∞,1 = max_{‖θ‖∞ ≤ 1}‖Hθ‖₁, a maximum attained over the sign vectors.</summary>
internal static class Eq618
{
    internal static Claim Claim() => new(
        "balles/eq-6.18",
        SignSources.Of("Eq. (6.18)", "(6.18)", "6.4.2"),
        "L∞ = sup_θ‖∇²f(θ)‖∞,1 with ‖H‖∞,1 = max_{‖θ‖∞ ≤ 1}‖Hθ‖₁, which is a maximum over the sign vectors x ∈ {−1, 1}^d.",
        "For quadratics (constant Hessian): every θ in the unit cube has ‖Hθ‖₁ ≤ max_{x∈{±1}^d}‖Hx‖₁ (so the maximum over the cube is " +
        "the maximum over its vertices, which are in the cube), and the tight constant of eq. (6.7), sup ‖H(θ'−θ)‖₁/‖θ'−θ‖∞, never " +
        "exceeds it. θ is drawn from the cube with entries at ±1, 0 and inside; H any symmetric matrix.",
        [Cube(), Ratio()]);

    private static readonly Gen<QuadraticCase> InCube = SignInputs.AnyCase.SelectMany(c =>
        Gen.Frequency((3, Gen.Elements(-1.0, 1.0, 0.0, 0.5, -0.25)), (2, EdgeDoubles.Unit.Select(u => 2 * u - 1)))
            .ArrayOf(c.D).Select(t => c with { Theta = t }));

    private static Inequality<QuadraticCase> Cube() => new()
    {
        Name = "cube-vs-vertices",
        Description = "For all symmetric H and ‖θ‖∞ ≤ 1: ‖Hθ‖₁ ≤ max_{x∈{±1}^d}‖Hx‖₁.",
        Tolerance = "None: the vertex maximum is recomputed exactly by Gray-code enumeration in rationals when doubles disagree.",
        Generator = InCube,
        Edges = SignInputs.Edges,
        Show = SignInputs.Show,
        Hypotheses = c => SignDouble.LInf(c.Theta) <= 1 ? null : "‖θ‖∞ > 1",
        Sides = c =>
        {
            double lhs = SignDouble.L1(SignDouble.MatVec(c.H, c.Theta));
            double rhs = SignDouble.InfToOne(c.H);
            return new Sides(lhs, rhs, lhs + rhs);
        },
        ExactSides = (c, _) => new ExactSides(I(L1(MatVec(F(c.H), F(c.Theta)))), I(InfToOne(F(c.H)))),
        Why = _ => "A point inside the cube beats every vertex.",
    };

    private static Inequality<QuadraticCase> Ratio() => new()
    {
        Name = "tight-constant",
        Description = "For all symmetric H and θ ≠ θ': ‖H(θ'−θ)‖₁ ≤ max_x‖Hx‖₁·‖θ'−θ‖∞ (the sup of eq. 6.7 is ‖H‖∞,1).",
        Tolerance = "None: exact rationals decide.",
        Generator = SignInputs.AnyCase,
        Edges = SignInputs.Edges,
        Move = SignInputs.Move,
        Show = SignInputs.Show,
        Hypotheses = c => c.Theta.SequenceEqual(c.ThetaPrime) ? "θ = θ'" : null,
        Sides = c =>
        {
            var delta = SignDouble.Sub(c.ThetaPrime, c.Theta);
            double lhs = SignDouble.L1(SignDouble.MatVec(c.H, delta));
            double rhs = SignDouble.InfToOne(c.H) * SignDouble.LInf(delta);
            return new Sides(lhs, rhs, lhs + rhs);
        },
        ExactSides = (c, _) =>
        {
            var delta = Sub(F(c.ThetaPrime), F(c.Theta));
            return new ExactSides(I(L1(MatVec(F(c.H), delta))), I(InfToOne(F(c.H)) * LInf(delta)));
        },
        Why = _ => "The gradient difference exceeds ‖H‖∞,1 times the step in the max norm.",
    };
}
