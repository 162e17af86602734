using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// The case analysis of the proof of Lemma C.2 (M.4): with y = L|g|/λ², the ratio m(x*)/M(x*) is 2 for λ = 0,
/// ψ₅(y) ≤ 2 for λ &gt; 0 and ψ₆(y) ≤ 5 for λ &lt; 0, where
/// ψ₅(y) = (5(√(1+2y)−1)/y − 8)/((√(1+2y)−1)/y − 4) is increasing and ψ₆(y) = (5(√(1+2y)+1)/y + 8)/((√(1+2y)+1)/y + 4)
/// is decreasing on ℝ⁺, with lim_{y→∞} ψ₅ = 2 and lim_{y→0⁺} ψ₆ = 5.
/// </summary>
internal static class LemmaC2Cases
{
    internal static Verification.Engine.IFormalization[] All() =>
    [
        RatioCase("case-lambda-zero", "λ = 0, |g| > 0: m(x*)/M(x*) = 2.", e => e.Lambda == 0, _ => 2.0, (_, _) => RationalInterval.Exact(2.0),
            Gen.Constant(0.0)),
        RatioCase("case-lambda-positive", "λ > 0, |g| > 0: m(x*)/M(x*) = ψ₅(L|g|/λ²).", e => e.Lambda > 0, e => Psi5(Y(e)), (e, b) => ExactPsi5(ExactY(e), b),
            EdgeDoubles.Positive(1e-100, 1e100)),
        RatioCase("case-lambda-negative", "λ < 0, |g| > 0: m(x*)/M(x*) = ψ₆(L|g|/λ²).", e => e.Lambda < 0, e => Psi6(Y(e)), (e, b) => ExactPsi6(ExactY(e), b),
            EdgeDoubles.Positive(1e-100, 1e100).Select(l => -l)),
        Bound("psi5-at-most-2", "For all y > 0: ψ₅(y) ≤ 2 (the λ > 0 bound).", y => new Sides(Psi5(y), 2, 2), (y, b) => new ExactSides(ExactPsi5(RationalInterval.Exact(y), b), RationalInterval.Exact(2.0))),
        Bound("psi6-at-most-5", "For all y > 0: ψ₆(y) ≤ 5 (the λ < 0 bound).", y => new Sides(Psi6(y), 5, 5), (y, b) => new ExactSides(ExactPsi6(RationalInterval.Exact(y), b), RationalInterval.Exact(5.0))),
        Monotone("psi5-increasing", "For all 0 < y₁ < y₂: ψ₅(y₁) ≤ ψ₅(y₂).", Psi5, ExactPsi5, increasing: true),
        Monotone("psi6-decreasing", "For all 0 < y₁ < y₂: ψ₆(y₂) ≤ ψ₆(y₁).", Psi6, ExactPsi6, increasing: false),
    ];

    private static double Y(EigenspaceInput e) => e.Lipschitz * e.GradMagnitude / (e.Lambda * e.Lambda);

    private static RationalInterval ExactY(EigenspaceInput e)
    {
        var l = RationalInterval.Exact(e.Lambda);
        return RationalInterval.Exact(e.Lipschitz) * RationalInterval.Exact(e.GradMagnitude) / (l * l);
    }

    /// <summary>ψ₅ via q = (√(1+2y)−1)/y = 2/(√(1+2y)+1), which has no cancellation.</summary>
    internal static double Psi5(double y)
    {
        double q = 2 / (System.Math.Sqrt(1 + 2 * y) + 1);
        return (5 * q - 8) / (q - 4);
    }

    /// <summary>ψ₆ via p = (√(1+2y)+1)/y.</summary>
    internal static double Psi6(double y)
    {
        double p = (System.Math.Sqrt(1 + 2 * y) + 1) / y;
        return double.IsInfinity(p) ? 5 : (5 * p + 8) / (p + 4);
    }

    private static RationalInterval ExactPsi5(RationalInterval y, int bits)
    {
        var one = RationalInterval.Exact(1.0);
        var q = ((one + 2.0 * y).Sqrt(bits) - one) / y; // the paper's form: exact arithmetic has no cancellation
        return (5.0 * q - RationalInterval.Exact(8.0)) / (q - RationalInterval.Exact(4.0));
    }

    private static RationalInterval ExactPsi6(RationalInterval y, int bits)
    {
        var one = RationalInterval.Exact(1.0);
        var p = ((one + 2.0 * y).Sqrt(bits) + one) / y;
        return (5.0 * p + RationalInterval.Exact(8.0)) / (p + RationalInterval.Exact(4.0));
    }

    private static Inequality<EigenspaceInput> RatioCase(string name, string description, Func<EigenspaceInput, bool> inCase,
        Func<EigenspaceInput, double> expected, Func<EigenspaceInput, int, RationalInterval> exactExpected, Gen<double> lambdas) => new()
    {
        Name = name,
        Description = description,
        Tolerance = "Relative 1e-12 in double precision (M(x*) and m(x*) cancel to a few hundred ulp when L|g|/λ² is extreme); certification is exact.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-12,
        Generator =
            from l in lambdas
            from a in EdgeDoubles.Positive(1e-100, 1e100)
            from lip in EdgeDoubles.Positive(1e-100, 1e100)
            select new EigenspaceInput(l, a, lip),
        Move = (e, r) => e.Perturb(r),
        Hypotheses = e => !inCase(e) ? "not this case of the proof"
            : e.GradMagnitude == 0 ? "|g| = 0: M(x*) may be 0 and the ratio undefined"
            : EigenspaceSides.Representable(e)
            ?? (EigenspaceSides.UpperAtStep(e) == 0 || !double.IsFinite(expected(e)) ? "M(x*) underflows to 0 or ψ overflows in double precision" : null),
        Sides = e => new Sides(EigenspaceSides.LowerAtStep(e) / EigenspaceSides.UpperAtStep(e), expected(e), System.Math.Abs(expected(e))),
        ExactSides = (e, bits) =>
        {
            var x = EigenspaceSides.ExactStep(e, bits);
            return new ExactSides(EigenspaceSides.ExactLower(e, x) / EigenspaceSides.ExactUpper(e, x), exactExpected(e, bits));
        },
        Show = e => e.Describe(),
    };

    private static Inequality<double> Bound(string name, string description, Func<double, Sides> sides, Func<double, int, ExactSides> exact) => new()
    {
        Name = name,
        Description = description,
        Tolerance = "None in double precision; exact rational intervals decide.",
        Generator = EdgeDoubles.Positive(1e-150, 1e150),
        Edges = () => [1e-300, 1e-150, 1, 1e150, 1e300],
        Move = (y, r) => System.Math.Abs(EdgeDoubles.Perturb(y, r, 1e-300, 1e300)),
        Hypotheses = y => y > 0 ? null : "y ≤ 0",
        Sides = sides,
        ExactSides = exact,
        Show = y => [NamedValue.Of("y", y)],
    };

    private static Inequality<(double Y1, double Y2)> Monotone(string name, string description,
        Func<double, double> psi, Func<RationalInterval, int, RationalInterval> exactPsi, bool increasing) => new()
    {
        Name = name,
        Description = description,
        Tolerance = "None in double precision; exact rational intervals decide.",
        Generator =
            from y1 in EdgeDoubles.Positive(1e-12, 1e12)
            from f in Gen.Frequency((2, EdgeDoubles.LogUniform(1e-15, 1e-3)), (1, EdgeDoubles.LogUniform(1e-3, 1e6)))
            select (y1, y1 * (1 + f)),
        Move = (p, r) => (p.Y1, System.Math.Max(p.Y1, System.Math.Abs(EdgeDoubles.Perturb(p.Y2, r, 1e-300, 1e300)))),
        Hypotheses = p => p.Y1 > 0 && p.Y2 > p.Y1 ? null : "need 0 < y₁ < y₂",
        Sides = p => increasing ? new Sides(psi(p.Y1), psi(p.Y2), 5) : new Sides(psi(p.Y2), psi(p.Y1), 5),
        ExactSides = (p, b) =>
        {
            var a = exactPsi(RationalInterval.Exact(p.Y1), b);
            var c = exactPsi(RationalInterval.Exact(p.Y2), b);
            return increasing ? new ExactSides(a, c) : new ExactSides(c, a);
        },
        Show = p => [NamedValue.Of("y1", p.Y1), NamedValue.Of("y2", p.Y2)],
    };
}
