using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using static Verification.Numerics.SignGeometry.SignGeometryFormulas;

namespace Verification.Claims.Catalog.Balles;

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
        [new CubeVersusVertices(), new TightConstant()]);

    private static readonly Gen<QuadraticPoints> InCube = QuadraticPoints.Any.SelectMany(c =>
        Gen.Frequency((3, Gen.Elements(-1.0, 1.0, 0.0, 0.5, -0.25)), (2, EdgeDoubles.Unit.Select(u => 2 * u - 1)))
            .ArrayOf(c.D).Select(t => c with { Theta = t }));

    /// <summary>‖Hθ‖₁ ≤ max_x‖Hx‖₁ for ‖θ‖∞ ≤ 1.</summary>
    private sealed class CubeVersusVertices : Statement<QuadraticPoints>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public CubeVersusVertices()
        {
            Name = "cube-vs-vertices";
            Description = "For all symmetric H and ‖θ‖∞ ≤ 1: ‖Hθ‖₁ ≤ max_{x∈{±1}^d}‖Hx‖₁.";
            Tolerance = "None: the vertex maximum is rational in H; exact arithmetic decides every double-precision violation.";
            Domain = QuadraticPoints.Domain(InCube, withThetaPrime: false);
            MarginUnit = "relative to ‖Hθ‖₁ + ‖H‖∞,1";
        }

        public override Relation<T> Evaluate<T>(QuadraticPoints input)
        {
            var (h, theta, _) = input.Read<T>();
            Assume.That(RealVector.LInf(theta) <= 1, "‖θ‖∞ > 1");
            var lhs = RealVector.L1(h * theta);
            var rhs = InfToOne(h);
            return Relation.LessOrEqual(lhs, rhs, lhs + rhs);
        }

        public override string Explain(QuadraticPoints input) => "A point inside the cube beats every vertex.";
    }

    /// <summary>‖H(θ' − θ)‖₁ ≤ ‖H‖∞,1·‖θ' − θ‖∞.</summary>
    private sealed class TightConstant : Statement<QuadraticPoints>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public TightConstant()
        {
            Name = "tight-constant";
            Description = "For all symmetric H and θ ≠ θ': ‖H(θ'−θ)‖₁ ≤ max_x‖Hx‖₁·‖θ'−θ‖∞ (the sup of eq. 6.7 is ‖H‖∞,1).";
            Tolerance = "None: exact rationals decide every double-precision violation.";
            Domain = QuadraticPoints.Domain(QuadraticPoints.Any);
            MarginUnit = "relative to ‖H(θ'−θ)‖₁ + ‖H‖∞,1‖θ'−θ‖∞";
        }

        public override Relation<T> Evaluate<T>(QuadraticPoints input)
        {
            var (h, theta, thetaPrime) = input.Read<T>();
            var delta = Subtract(thetaPrime, theta);
            Assume.Positive(RealVector.LInf(delta), "θ = θ'");
            var lhs = RealVector.L1(h * delta);
            var rhs = InfToOne(h) * RealVector.LInf(delta);
            return Relation.LessOrEqual(lhs, rhs, lhs + rhs);
        }

        public override string Explain(QuadraticPoints input) => "The gradient difference exceeds ‖H‖∞,1 times the step in the max norm.";
    }
}
