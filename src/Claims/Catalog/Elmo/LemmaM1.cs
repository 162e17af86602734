using System.Diagnostics.CodeAnalysis;
using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>elmo-amos Lemma M.1: ∀x ≥ −1: √(1+x) ≤ 1 + x/2.</summary>
internal static class LemmaM1
{
    internal static Claim Claim() => new(
        "elmo/lemma-M.1",
        ElmoSources.Of("Lemma M.1", null, "M.1"),
        "∀x ≥ −1: √(1+x) ≤ 1 + x/2.",
        "Literal, on the whole stated domain including x = −1.",
        [new SqrtTangent()]);

    /// <summary>√(1+x) ≤ 1 + x/2 for x ≥ −1.</summary>
    private sealed class SqrtTangent : Statement<double>
    {
        [SetsRequiredMembers]
        public SqrtTangent()
        {
            Name = "sqrt-tangent";
            Description = "For all x ≥ −1: √(1+x) ≤ 1 + x/2.";
            Tolerance = "None: every double-precision violation is re-evaluated in exact rational intervals, which decide (equality at x = 0).";
            MarginUnit = "relative to 1 + |x|";
            Domain = new Domain<double>
            {
                Generator = Gen.Frequency(
                    (4, EdgeDoubles.NonNegative(1e-300, 1e300)),
                    (2, EdgeDoubles.Unit.Select(u => -u)),
                    (1, EdgeDoubles.LogUniform(1e-300, 1).Select(d => -1 + d)),
                    (1, Gen.Elements(-1.0, 0.0, -0.0))),
                Edges = () => [-1.0, 0.0, -0.0, 1e-300, -1e-300, 1e300, double.Epsilon],
                Perturb = (x, r) => Math.Max(-1, EdgeDoubles.Perturb(x, r, 0, 1e300)),
                Shrink = x => Simplicity.Candidates(x).Where(c => c >= -1),
                Describe = x => [NamedValue.Of("x", x)],
            };
            // x ≥ −1 is unbounded and the relation has no scaling symmetry: x ∈ [−1, 1] directly (equality at x = 0), and
            // x ∈ [1, ∞) as x = 1/t² with t ∈ (0, 1] (onto: t = 1/√x), where √(1 + x) = √(t² + 1)/t and 1 + x/2 = (t² + ½)/t²
            // are Laurent expansions at t = 0 (the face t = 0 is x = ∞, no point of the domain).
            Proofs =
            [
                new ProofDomain<double> { Box = [new ProofCoordinate("x", -1, 1) { TightAt = [0] }], At = v => v[0], CoversStatedDomain = true },
                new ProofDomain<double>
                {
                    Box = [new ProofCoordinate("t", 0, 1) { TightAt = [0], Map = CoordinateMap.InverseSquare, Input = "x" }],
                    At = v => v[0],
                    CoversStatedDomain = true,
                },
            ];
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            var x = T.Input(input);
            Assume.That(x >= -1, "x ≥ −1");
            return Relation.LessOrEqual(T.Sqrt(1 + x), 1 + x / 2, 1 + T.Abs(x));
        }
    }
}
