using System.Diagnostics.CodeAnalysis;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>elmo-amos Corollary M.1.1: ∀x ∈ ℝ⁺ ∀y ≥ −x: √(x+y) ≤ √x + y/(2√x).</summary>
internal static class CorM11
{
    internal static Claim Claim() => new(
        "elmo/cor-M.1.1",
        ElmoSources.Of("Corollary M.1.1", null, "M.1"),
        "∀x ∈ ℝ⁺ ∀y ≥ −x: √(x+y) ≤ √x + y/(2√x).",
        "ℝ⁺ is read as x > 0: at x = 0 the right side divides by zero, so x = 0 is rejected (noted) rather than counted.",
        [new SqrtTangentAtX()]);

    /// <summary>√(x+y) ≤ √x + y/(2√x) for x &gt; 0, y ≥ −x.</summary>
    private sealed class SqrtTangentAtX : Statement<RealPair>
    {
        [SetsRequiredMembers]
        public SqrtTangentAtX()
        {
            Name = "sqrt-tangent-at-x";
            Description = "For all x > 0 and y ≥ −x: √(x+y) ≤ √x + y/(2√x).";
            Tolerance = "None: every double-precision violation is re-evaluated in exact rational intervals, which decide (equality at y = 0).";
            MarginUnit = "relative to √x + |y|/(2√x) (the size of the terms of the right side)";
            Domain = new Domain<RealPair>
            {
                Generator =
                    from x in EdgeDoubles.NonNegative(1e-150, 1e150)
                    from mode in Gen.Choose(0, 3)
                    from t in EdgeDoubles.Unit
                    from big in EdgeDoubles.Signed(1e-150, 1e150)
                    select new RealPair(x, mode switch { 0 => -x, 1 => -x * t, 2 => x * t, _ => Math.Max(big, -x) }),
                Edges = () => [new(1, -1), new(1, 0), new(0, 1), new(1e-150, 1e150), new(1e150, -1e150)],
                Perturb = (p, r) => r.Next(2) == 0
                    ? p with { Second = Math.Max(-p.First, EdgeDoubles.Perturb(p.Second, r, 0, 1e300)) }
                    : p with { First = EdgeDoubles.Perturb(p.First, r, 0, 1e300) },
                Shrink = p => Shrinks.Coordinates(p, q => [q.First, q.Second], (_, v) => new RealPair(v[0], v[1])),
                Describe = p => [NamedValue.Of("x", p.First), NamedValue.Of("y", p.Second)],
            };
            // Both sides are of degree ½ under (x, y) ↦ (μx, μy): |y| ≤ x scales to x = 1, |y| ≤ 1, and y > x to y = 1,
            // x ∈ (0, 1), where the right side y/(2√x) grows without bound as x → 0⁺; that chart takes x = s², s ∈ (0, 1]
            // (onto: s = √x), where √x = s and y/(2√x) = 1/(2s) is a pole at s = 0 (the face x = 0 fails the hypothesis x > 0).
            ProofDomain<RealPair> Chart(ProofCoordinate x, ProofCoordinate y, IReadOnlyList<IReadOnlyList<double>> degrees) => new()
            {
                Box = [x, y],
                At = v => new RealPair(v[0], v[1]),
                Reduction = "(x, y) ↦ (μx, μy) with μ > 0 maps x > 0, |y| ≤ x onto x = 1, |y| ≤ 1 and y > x onto y = 1, x < 1",
                Scaling = degrees,
                CoversStatedDomain = true,
                MaxBoxes = 256,
            };
            Proofs =
            [
                Chart(new ProofCoordinate("x", 1, 1), new ProofCoordinate("y", -1, 1) { TightAt = [0] }, [[1], [1]]),
                Chart(new ProofCoordinate("s", 0, 1) { TightAt = [0], Map = CoordinateMap.Square, Input = "x" }, new ProofCoordinate("y", 1, 1), [[0.5], [1]]),
            ];
        }

        public override Relation<T> Evaluate<T>(RealPair input)
        {
            var x = Assume.Positive(T.Input(input.First), "x > 0 (at x = 0, y/(2√x) is undefined)");
            var y = T.Input(input.Second);
            Assume.That(y >= -x, "y ≥ −x");
            var sx = T.Sqrt(x);
            return Relation.LessOrEqual(T.Sqrt(x + y), sx + y / (2 * sx), sx + T.Abs(y) / (2 * sx));
        }
    }
}
