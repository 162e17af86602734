using FsCheck.Fluent;
using Fractions;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Curvature.AutoDiff;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter7;

/// <summary>balles footnote 3 of §7.4.1: for a(b) = −log b, ∇²_b a(b) = ∇_b a(b)∇_b a(b)ᵀ.</summary>
internal static class Fn73
{
    internal static Claim Claim() => new(
        "balles/fn-7.3",
        FisherSources.Of("footnote 3 of §7.4.1", null, "7.4.1"),
        "For a_n(b) = −log(b): ∇²_b a_n(b) = ∇_b a_n(b)∇_b a_n(b)ᵀ (so the split (7.17) yields the empirical Fisher as its GGN).",
        "b > 0 is a probability (scalar); a'' by hyper-dual forward mode against (a')², over b from subnormal-free tiny values to 1 and beyond.",
        [new Inequality<double>
        {
            Name = "second-derivative-is-square",
            Description = "For all b > 0: d²/db²(−log b) = (d/db(−log b))².",
            Tolerance = "Relative 4 ulp (8.9e-16): both sides round two or three operations of 1/b; exact arithmetic decides (both are 1/b² there).",
            Relation = Relation.Equal,
            RelativeTolerance = 4 * 2.220446049250313e-16,
            Generator = EdgeDoubles.Positive(1e-150, 1e150),
            Edges = () => [1.0, 0.5, 1e-150, 1e150, 3.0, 1.0 / 3],
            Move = (b, r) => EdgeDoubles.Perturb(b, r, 1e-150, 1e150),
            Hypotheses = b => b > 0 ? null : "b must be a positive probability",
            Sides = b =>
            {
                var a = -HyperDual.Log(new HyperDual(b, 1, 1, 0));
                double lhs = a.E12, rhs = a.E1 * a.E1;
                return new Sides(lhs, rhs, System.Math.Max(System.Math.Abs(lhs), System.Math.Abs(rhs)));
            },
            ExactSides = (b, _) =>
            {
                var q = ExactDouble.ToFraction(b);
                var first = -Fraction.One / q;
                return new ExactSides(RationalInterval.Exact(Fraction.One / (q * q)), RationalInterval.Exact(first * first));
            },
            Show = b => [NamedValue.Of("b", b)],
        }]);
}
