using System.Diagnostics.CodeAnalysis;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Engine.Generators;
using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Engine.Proof;

/// <summary>
/// Soundness of proofs through poles and changes of variables (issue "Theorem checking", items 2, 3 and 6): a coordinate
/// mapped to infinity (x = 1/t², t ∈ (0, 1] onto x ≥ 1) and a pole at an excluded face are expanded as Laurent series
/// (<see cref="FaceJet{T}"/>'s valuation). The search of each false statement here looks only where it holds (so the
/// verdict reaches the prover); the prover must then never prove a statement false only near infinity or next to a pole.
/// </summary>
public class PoleProverExamples
{
    private static FormalizationResult Run(IFormalization f) => f.Run(new RunSettings(200, 1) { ClaimSeed = 7 });

    /// <summary>A statement over x ≥ 1, searched on [1, 10] only, proved on t ∈ [0, 1] with x = 1/t².</summary>
    private abstract class AtInfinity : Statement<double>
    {
        [SetsRequiredMembers]
        protected AtInfinity(string name)
        {
            Name = name;
            Description = name;
            Tolerance = "none";
            Domain = new Domain<double>
            {
                Generator = EdgeDoubles.Unit.Select(u => 1 + 9 * u),
                Describe = x => [NamedValue.Of("x", x)],
            };
            Proofs =
            [
                new ProofDomain<double>
                {
                    Box = [new ProofCoordinate("t", 0, 1) { TightAt = [0], Map = CoordinateMap.InverseSquare, Input = "x" }],
                    At = v => v[0],
                    CoversStatedDomain = true,
                },
            ];
        }

        protected abstract Relation<T> Formula<T>(T x) where T : IReal<T>;

        public override Relation<T> Evaluate<T>(double input)
        {
            var x = T.Input(input);
            Assume.That(x >= 1, "x ≥ 1");
            return Formula(x);
        }
    }

    /// <summary>A statement over y ∈ (0, 1], searched on [1/2, 1] only, proved on [0, 1] with the face y = 0 expanded.</summary>
    private abstract class NextToAPole : Statement<double>
    {
        [SetsRequiredMembers]
        protected NextToAPole(string name)
        {
            Name = name;
            Description = name;
            Tolerance = "none";
            Domain = new Domain<double>
            {
                Generator = EdgeDoubles.Unit.Select(u => 0.5 + u / 2),
                Describe = y => [NamedValue.Of("y", y)],
            };
            Proofs = [new ProofDomain<double> { Box = [new ProofCoordinate("y", 0, 1) { TightAt = [0, 1] }], At = v => v[0], CoversStatedDomain = true }];
        }

        protected abstract Relation<T> Formula<T>(T y) where T : IReal<T>;

        public override Relation<T> Evaluate<T>(double input)
        {
            var y = Assume.Positive(T.Input(input), "y > 0");
            Assume.That(y <= 1, "y ≤ 1");
            return Formula(y);
        }
    }

    /// <summary>√(1 + x) ≤ 1 + x/2 for x ≥ 1: both sides unbounded, √(1 + 1/t²) = √(t² + 1)/t at t = 0.</summary>
    private sealed class SqrtTangentAtInfinity : AtInfinity
    {
        [SetsRequiredMembers]
        public SqrtTangentAtInfinity() : base("sqrt-at-infinity")
        {
        }

        protected override Relation<T> Formula<T>(T x) => Relation.LessOrEqual(T.Sqrt(1 + x), 1 + x / 2, 1 + x);
    }

    /// <summary>1 − 1/(x + 1) &lt; 1 for x ≥ 1: strict, tight only in the limit x → ∞.</summary>
    private sealed class TightAtInfinity : AtInfinity
    {
        [SetsRequiredMembers]
        public TightAtInfinity() : base("tight-at-infinity")
        {
        }

        protected override Relation<T> Formula<T>(T x) => Relation.Less(1 - 1 / (x + 1), T.Of(1));
    }

    /// <summary>1 − 1/(x + 1) &lt; 1 − 10⁻⁹ for x ≥ 1: false for every x ≥ 10⁹ − 1, only near the face t = 0.</summary>
    private sealed class FalseNearInfinity : AtInfinity
    {
        [SetsRequiredMembers]
        public FalseNearInfinity() : base("false-near-infinity")
        {
        }

        protected override Relation<T> Formula<T>(T x) => Relation.Less(1 - 1 / (x + 1), 1 - T.Ratio(1, 1_000_000_000));
    }

    /// <summary>10⁻¹² ≤ 1/x for x ≥ 1: false for x &gt; 10¹², where 1/x = t² vanishes at the face.</summary>
    private sealed class FalseWhereAQuantityVanishesAtInfinity : AtInfinity
    {
        [SetsRequiredMembers]
        public FalseWhereAQuantityVanishesAtInfinity() : base("vanishing-at-infinity")
        {
        }

        protected override Relation<T> Formula<T>(T x) => Relation.LessOrEqual(T.Ratio(1, 1_000_000_000_000), 1 / x);
    }

    /// <summary>1 ≤ 1/y on (0, 1]: a pole at y = 0 of the right sign, tight at y = 1.</summary>
    private sealed class PoleOfTheRightSign : NextToAPole
    {
        [SetsRequiredMembers]
        public PoleOfTheRightSign() : base("pole-right-sign")
        {
        }

        protected override Relation<T> Formula<T>(T y) => Relation.LessOrEqual(T.Of(1), 1 / y);
    }

    /// <summary>1/y ≤ 10⁶ on (0, 1]: false for y &lt; 10⁻⁶, next to the pole.</summary>
    private sealed class PoleOfTheWrongSign : NextToAPole
    {
        [SetsRequiredMembers]
        public PoleOfTheWrongSign() : base("pole-wrong-sign")
        {
        }

        protected override Relation<T> Formula<T>(T y) => Relation.LessOrEqual(1 / y, T.Of(1_000_000));
    }

    /// <summary>10⁻⁹/y² ≤ 1/y − y + 1 on (0, 1]: false for y below about 10⁻⁹, where the pole of order 2 outgrows the one of order 1.</summary>
    private sealed class HigherOrderPoleWins : NextToAPole
    {
        [SetsRequiredMembers]
        public HigherOrderPoleWins() : base("higher-order-pole")
        {
        }

        protected override Relation<T> Formula<T>(T y) => Relation.LessOrEqual(T.Ratio(1, 1_000_000_000) / (y * y), 1 / y - y + 1);
    }

    [Fact]
    public void UnboundedTightInequality_IsProvedThroughTheMapToInfinity()
    {
        var result = Run(new SqrtTangentAtInfinity());

        Assert.True(result.Verdict == Verdict.Proved, string.Join("; ", result.Proof?.Notes ?? []));
        Assert.Contains("x = 1/t²", result.Proof!.Domain, StringComparison.Ordinal);
    }

    [Fact]
    public void StrictInequalityTightOnlyAtInfinity_IsProved()
    {
        var result = Run(new TightAtInfinity());

        Assert.True(result.Verdict == Verdict.Proved, string.Join("; ", result.Proof?.Notes ?? []));
    }

    [Fact]
    public void FalseStatementNearInfinityOnly_IsNeverProved()
    {
        var result = Run(new FalseNearInfinity());

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true });
    }

    [Fact]
    public void FalseStatementWhereAQuantityVanishesAtInfinity_IsNeverProved()
    {
        var result = Run(new FalseWhereAQuantityVanishesAtInfinity());

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true });
    }

    [Fact]
    public void PoleOfTheRightSignAtAnExcludedFace_IsProved()
    {
        var result = Run(new PoleOfTheRightSign());

        Assert.True(result.Verdict == Verdict.Proved, string.Join("; ", result.Proof?.Notes ?? []));
    }

    [Fact]
    public void FalseStatementNextToAPole_IsNeverProved()
    {
        var result = Run(new PoleOfTheWrongSign());

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true });
    }

    [Fact]
    public void FalseStatementWhereAHigherOrderPoleWins_IsNeverProved()
    {
        var result = Run(new HigherOrderPoleWins());

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true });
    }

    [Fact]
    public void MapWithItsPoleInsideTheBox_IsRejected()
    {
        var coordinate = new ProofCoordinate("t", -1, 1) { Map = CoordinateMap.InverseSquare };

        var e = Assert.Throws<ArgumentException>(() => coordinate.Validated());
        Assert.Contains("pole", e.Message, StringComparison.Ordinal);
    }
}
