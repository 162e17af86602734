using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles footnote 3 of §7.4.1: for a(b) = −log b, ∇²_b a(b) = ∇_b a(b)∇_b a(b)ᵀ.</summary>
internal static class Fn73
{
    internal static Claim Claim() => new(
        "balles/fn-7.3",
        FisherSources.Of("footnote 3 of §7.4.1", null, "7.4.1"),
        "For a_n(b) = −log(b): ∇²_b a_n(b) = ∇_b a_n(b)∇_b a_n(b)ᵀ (so the split (7.17) yields the empirical Fisher as its GGN).",
        "b > 0 is a probability (scalar); a'' and a' by forward mode (a hyper-dual number) on a(b) = −log b, over b from tiny values to 1 and beyond.",
        [new SecondDerivativeIsSquare()]);

    /// <summary>d²/db²(−log b) = (d/db(−log b))².</summary>
    private sealed class SecondDerivativeIsSquare : Statement<double>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public SecondDerivativeIsSquare()
        {
            Name = "second-derivative-is-square";
            Description = "For all b > 0: d²/db²(−log b) = (d/db(−log b))².";
            Tolerance = "None: every double-precision violation is re-evaluated exactly (both sides are 1/b² in rationals).";
            Domain = new Domain<double>
            {
                Generator = EdgeDoubles.Positive(1e-150, 1e150),
                Edges = () => [1.0, 0.5, 1e-150, 1e150, 3.0, 1.0 / 3],
                Perturb = (b, r) => EdgeDoubles.Perturb(b, r, 1e-150, 1e150),
                Shrink = b => Shrinks.Coordinates(b, x => [x], (_, v) => v[0] > 0 ? v[0] : throw new ArgumentException("b must be > 0.")),
                Describe = b => [NamedValue.Of("b", b)],
            };
            MarginUnit = "relative to |a''(b)| + a'(b)²";
            // Both sides are 1/b² (the value log b is computed but enters neither side): an exact identity on the box,
            // extended to the stated domain b > 0, where the hypothesis and the divisor b are checked to be the box's.
            Proofs = [new ProofDomain<double>
            {
                Box = [new ProofCoordinate("b", 1, 2)],
                At = v => v[0],
                CoversStatedDomain = true,
                Identity = new ExactIdentity { Region = [RegionInterval.Positive] },
            }];
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            var b = Assume.Positive(T.Input(input), "b must be a positive probability");
            var a = -HyperDualReal<T>.Log(HyperDualReal<T>.Variable(b, true, true));
            return Relation.Equal(a.E12, a.E1 * a.E1, T.Abs(a.E12) + a.E1 * a.E1);
        }

        public override string Explain(double input) => "The second derivative of −log b differs from the square of its first derivative.";
    }
}
