using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Tests.Properties.Engine;

/// <summary>
/// Small formalizations whose truth is known by hand, to test the engine itself: a false inequality, a true
/// one that double rounding appears to violate, a true one, and degenerate hypotheses.
/// </summary>
internal static class SyntheticClaims
{
    private static readonly Gen<double> AtLeastMinusOne = Gen.Frequency(
        (3, EdgeDoubles.Positive(1e-9, 1e9)),
        (1, EdgeDoubles.Unit.Select(u => -u)),
        (1, Gen.Constant(-1.0)));

    /// <summary>√(1+x) ≤ 1 + x/k for x ≥ −1. True for k = 2 (Lemma M.1), false for k = 3 (e.g. x = 3: 2 &gt; 2 is false, x = 8: 3 &gt; 3.67 is false, but x = 1: 1.414 &gt; 1.333).</summary>
    internal static Inequality<double> SqrtBound(double k) => new()
    {
        Name = $"sqrt-bound-{k}",
        Description = $"√(1+x) ≤ 1 + x/{k} for x ≥ −1",
        Tolerance = "none",
        Generator = AtLeastMinusOne,
        Edges = () => [0.0, -1.0, 1.0],
        Move = (x, r) => System.Math.Max(-1, EdgeDoubles.Perturb(x, r, 0, 1e9)),
        Hypotheses = x => x >= -1 ? null : "x < −1",
        Sides = x => new Sides(System.Math.Sqrt(1 + x), 1 + x / k, 1 + System.Math.Abs(x)),
        ExactSides = (x, bits) =>
        {
            var one = RationalInterval.Exact(1.0);
            var xi = RationalInterval.Exact(x);
            return new ExactSides((one + xi).Sqrt(bits), one + xi / RationalInterval.Exact(k));
        },
        Show = x => [NamedValue.Of("x", x)],
    };

    /// <summary>(x/3)·3 ≤ x for x &gt; 0: exactly an equality, but double rounding makes the left side 1 ulp larger for some x.</summary>
    internal static Inequality<double> RoundingOnly() => new()
    {
        Name = "thirds",
        Description = "(x/3)·3 ≤ x for x > 0",
        Tolerance = "none",
        Generator = EdgeDoubles.Positive(1e-3, 1e3),
        Move = (x, r) => EdgeDoubles.Perturb(x, r, 1e-3, 1e3),
        Sides = x => new Sides(x / 3 * 3, x, x),
        ExactSides = (x, _) =>
        {
            var xi = RationalInterval.Exact(x);
            var three = RationalInterval.Exact(3.0);
            return new ExactSides(xi / three * three, xi);
        },
        Show = x => [NamedValue.Of("x", x)],
    };

    /// <summary>A formalization whose hypotheses no input meets.</summary>
    /// <summary>A formalization whose hypotheses no input meets.</summary>
    internal static Inequality<double> NeverApplicable() => new()
    {
        Name = "never",
        Description = "hypotheses never met",
        Tolerance = "none",
        Generator = EdgeDoubles.Positive(1, 2),
        Hypotheses = _ => "the hypothesis is never met",
        Sides = _ => new Sides(0, 0, 1),
        ExactSides = (_, _) => new ExactSides(RationalInterval.Zero, RationalInterval.Zero),
        Show = x => [NamedValue.Of("x", x)],
    };

    /// <summary>A formalization every input satisfies only trivially.</summary>
    internal static Inequality<double> AlwaysTrivial() => new()
    {
        Name = "trivial",
        Description = "0 ≤ 0",
        Tolerance = "none",
        Generator = EdgeDoubles.Positive(1, 2),
        Trivially = _ => "both sides are 0 by construction",
        Sides = _ => new Sides(0, 0, 1),
        ExactSides = (_, _) => new ExactSides(RationalInterval.Zero, RationalInterval.Zero),
        Show = x => [NamedValue.Of("x", x)],
    };

    internal static Claim AsClaim(params IFormalization[] formalizations) => new(
        "test/synthetic", new ClaimSource("test", "synthetic", null, "-"), "synthetic", "synthetic", formalizations);
}
