using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>elmo-amos Lemma M.1 (∀x ≥ −1: √(1+x) ≤ 1 + x/2) and Corollary M.1.1.</summary>
internal static class LemmaM1
{
    internal static Claim Lemma() => new(
        "elmo/lemma-M.1",
        ElmoSources.Of("Lemma M.1", null, "M.1"),
        "∀x ≥ −1: √(1+x) ≤ 1 + x/2.",
        "Literal, on the whole stated domain including x = −1.",
        [new Inequality<double>
        {
            Name = "sqrt-tangent",
            Description = "For all x ≥ −1: √(1+x) ≤ 1 + x/2.",
            Tolerance = "None in double precision; exact rational intervals decide (equality at x = 0).",
            Generator = Gen.Frequency(
                (4, EdgeDoubles.NonNegative(1e-300, 1e300)),
                (2, EdgeDoubles.Unit.Select(u => -u)),
                (1, EdgeDoubles.LogUniform(1e-300, 1).Select(d => -1 + d)),
                (1, Gen.Elements(-1.0, 0.0, -0.0))),
            Edges = () => [-1.0, 0.0, -0.0, 1e-300, -1e-300, 1e300, double.Epsilon],
            Move = (x, r) => System.Math.Max(-1, EdgeDoubles.Perturb(x, r, 0, 1e300)),
            Hypotheses = x => x >= -1 ? null : "x < −1",
            Sides = x => new Sides(System.Math.Sqrt(1 + x), 1 + x / 2, 1 + System.Math.Abs(x)),
            ExactSides = (x, bits) =>
            {
                var one = RationalInterval.Exact(1.0);
                var xi = RationalInterval.Exact(x);
                return new ExactSides((one + xi).Sqrt(bits), one + xi / RationalInterval.Exact(2.0));
            },
            Show = x => [NamedValue.Of("x", x)],
        }]);

    internal static Claim Corollary() => new(
        "elmo/cor-M.1.1",
        ElmoSources.Of("Corollary M.1.1", null, "M.1"),
        "∀x ∈ ℝ⁺ ∀y ≥ −x: √(x+y) ≤ √x + y/(2√x).",
        "ℝ⁺ is read as x > 0: at x = 0 the right side divides by zero, so x = 0 is rejected (noted) rather than counted.",
        [new Inequality<(double X, double Y)>
        {
            Name = "sqrt-tangent-at-x",
            Description = "For all x > 0 and y ≥ −x: √(x+y) ≤ √x + y/(2√x).",
            Tolerance = "None in double precision; exact rational intervals decide (equality at y = 0).",
            Generator =
                from x in EdgeDoubles.NonNegative(1e-150, 1e150)
                from mode in Gen.Choose(0, 3)
                from t in EdgeDoubles.Unit
                from big in EdgeDoubles.Signed(1e-150, 1e150)
                select (x, mode switch { 0 => -x, 1 => -x * t, 2 => x * t, _ => System.Math.Max(big, -x) }),
            Edges = () => [(1.0, -1.0), (1.0, 0.0), (0.0, 1.0), (1e-150, 1e150), (1e150, -1e150)],
            Move = (p, r) => r.Next(2) == 0
                ? (p.X, System.Math.Max(-p.X, EdgeDoubles.Perturb(p.Y, r, 0, 1e300)))
                : (System.Math.Abs(EdgeDoubles.Perturb(p.X, r, 0, 1e300)), p.Y),
            Hypotheses = p => p.X <= 0 ? "x = 0 (or negative): y/(2√x) is undefined"
                : p.Y < -p.X ? "y < −x"
                : double.IsFinite(p.X + p.Y) && double.IsFinite(p.Y / (2 * System.Math.Sqrt(p.X))) ? null : "overflows double precision",
            Sides = p => new Sides(System.Math.Sqrt(p.X + p.Y), System.Math.Sqrt(p.X) + p.Y / (2 * System.Math.Sqrt(p.X)),
                System.Math.Sqrt(p.X) + System.Math.Abs(p.Y) / (2 * System.Math.Sqrt(p.X))),
            ExactSides = (p, bits) =>
            {
                var x = RationalInterval.Exact(p.X);
                var y = RationalInterval.Exact(p.Y);
                var sx = x.Sqrt(bits);
                return new ExactSides((x + y).Sqrt(bits), sx + y / (RationalInterval.Exact(2.0) * sx));
            },
            Show = p => [NamedValue.Of("x", p.X), NamedValue.Of("y", p.Y)],
        }]);
}
