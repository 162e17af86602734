using System.Diagnostics.CodeAnalysis;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Engine.Generators;
using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Engine;

/// <summary>
/// Adversarial soundness cases from the review of the mean-value form, several-input monotonicity, one-root identities and
/// the erfc tail (issue "Theorem checking", item 6): false statements whose search looks only where they hold, so the
/// verdict reaches the prover, which must refuse.
/// </summary>
public class ReviewSoundnessExamples
{
    private static FormalizationResult Run(IFormalization f) => f.Run(new RunSettings(200, 1) { ClaimSeed = 7 });

    /// <summary>
    /// x − 3/2 + 10²⁰·(p − 1) ≤ 0 on x ∈ [0, 2], p = 1: false for x ∈ (3/2, 2]. p's tag collides with x's midpoint 1, so
    /// ProofTags moves it to the next double, outside p's one-value box; the mean-value form must expand about one point m
    /// (d(m) and the increments X − m), not take d at p = 1 and the increment p − (1 + 2⁻⁵²), which is 10²⁰·2⁻⁵² ≈ 2·10⁴ off.
    /// </summary>
    private sealed class MovedTag : Statement<(double X, double P)>
    {
        [SetsRequiredMembers]
        public MovedTag()
        {
            Name = "moved-tag";
            Description = "x − 3/2 + 1e20·(p − 1) ≤ 0 on [0, 2] × {1}";
            Tolerance = "none";
            Domain = new Domain<(double X, double P)>
            {
                // The search sees x ≤ 1 only, where the statement holds: the verdict is the prover's.
                Generator = EdgeDoubles.Unit.Select(u => (u, 1.0)),
                Describe = q => [NamedValue.Of("x", q.X), NamedValue.Of("p", q.P)],
            };
            Proofs =
            [
                new ProofDomain<(double X, double P)>
                {
                    Box = [new ProofCoordinate("x", 0, 2), new ProofCoordinate("p", 1, 1)],
                    At = v => (v[0], v[1]),
                    CoversStatedDomain = true,
                },
            ];
        }

        public override Relation<T> Evaluate<T>((double X, double P) input)
        {
            var x = T.Input(input.X);
            var p = T.Input(input.P);
            return Relation.LessOrEqual(x - T.Ratio(3, 2) + T.Of(1e20) * (p - 1), T.Of(0));
        }
    }

    [Fact]
    public void MeanValueFormWithATagMovedOffItsBox_DoesNotProveAFalseStatement()
    {
        var result = Run(new MovedTag());

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true }, string.Join("; ", result.Proof?.Notes ?? []));
    }
}
