using System.Diagnostics.CodeAnalysis;
using FsCheck.Fluent;
using Fractions;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Engine.Proof;

/// <summary>
/// Soundness of the exact identity method with one square root (issue "Theorem checking"): values are a + b·√D with a, b
/// rational functions, and an identity is proved only when both parts of lhs − rhs vanish on a grid sized by degrees that
/// count D's own degree in every product. True identities in Q(x)[√D] are proved (also where a divisor's norm vanishes but
/// the divisor does not); √(x²) = x, an identity off by 10⁻³⁰·√x, two different radicands, a nested root, a radicand
/// negative on the box, and a false identity that a grid one point too small would accept are not. A √ declared rational
/// (|w|) or a rational multiple of √D (|w|·√D) is proved only with its radicand checked and w's sign kept.
/// </summary>
public class SqrtIdentityExamples
{
    private static FormalizationResult Run(IFormalization f) => f.Run(new RunSettings(200, 1) { ClaimSeed = 7 });

    private static string Why(FormalizationResult r) => r.Verdict + ": " + string.Join("; ", r.Proof?.Notes ?? []) + " | " + string.Join("; ", r.Notes);

    /// <summary>
    /// lhs(x) = rhs(x) on [lo, hi], written once in <see cref="Sides"/>; searched only at the given samples (so a false
    /// identity can reach the prover with the verdict "holds"), proved by the exact identity method on the box (and the
    /// region, where one is given).
    /// </summary>
    private abstract class Identity1 : Statement<double>
    {
        [SetsRequiredMembers]
        protected Identity1(string name, double lo, double hi, double[] samples, IReadOnlyList<RegionInterval>? region = null,
            IReadOnlyList<RootFactor?>? roots = null)
        {
            Name = name;
            Description = name;
            Tolerance = "none";
            Kind = StatementKind.Identity;
            MinimumDistinctInputs = samples.Length;
            Domain = new Domain<double>
            {
                Generator = Gen.Elements(samples),
                Edges = () => samples,
                Describe = x => [NamedValue.Of("x", x)],
            };
            Proofs = [new ProofDomain<double>
            {
                Box = [new ProofCoordinate("x", lo, hi)],
                At = v => v[0],
                CoversStatedDomain = true,
                Identity = new ExactIdentity { Region = region, Roots = roots },
            }];
        }

        protected abstract Relation<T> Sides<T>(T x) where T : IReal<T>;

        public override Relation<T> Evaluate<T>(double input) => Sides(T.Input(input));
    }

    /// <summary>(1 + √x)(1 − √x) = 1 − x for x ≥ 0 (box [0, 1], region [0, ∞)); with offBy, 10⁻³⁰·√x is added to the left side.</summary>
    private sealed class DifferenceOfSquares : Identity1
    {
        private readonly bool _offBy;

        [SetsRequiredMembers]
        public DifferenceOfSquares(bool offBy) : base("difference-of-squares", 0, 1, [0.0, 0.25, 1.0], [RegionInterval.NonNegative]) => _offBy = offBy;

        protected override Relation<T> Sides<T>(T x)
        {
            var r = T.Sqrt(x);
            var lhs = (1 + r) * (1 - r);
            if (_offBy)
                lhs += T.Of(1e-30) * r;
            return Relation.Equal(lhs, 1 - x, 1 + x, 1e-12);
        }
    }

    /// <summary>√x·√x = x on [0, 1]: two √ calls with the same radicand.</summary>
    private sealed class RootTimesRoot : Identity1
    {
        [SetsRequiredMembers]
        public RootTimesRoot() : base("root-times-root", 0, 1, [0.0, 0.25, 1.0])
        {
        }

        protected override Relation<T> Sides<T>(T x) => Relation.Equal(T.Sqrt(x) * T.Sqrt(x), x, 1 + x, 1e-12);
    }

    /// <summary>√(x²) = x on [1, 2]: true, but √ of a perfect square stays the symbol r, and r − x has the part 1 along r.</summary>
    private sealed class RootOfASquare : Identity1
    {
        [SetsRequiredMembers]
        public RootOfASquare() : base("root-of-a-square", 1, 2, [1.0, 1.25, 1.5, 2.0])
        {
        }

        protected override Relation<T> Sides<T>(T x) => Relation.Equal(T.Sqrt(x * x), x, x, 1e-12);
    }

    /// <summary>√(x²) = x on [lo, hi] with √(x²) declared |x|: true on [1, 2], false on [−2, −1] (where √(x²) = −x).</summary>
    private sealed class DeclaredSquare : Identity1
    {
        [SetsRequiredMembers]
        public DeclaredSquare(double lo, double hi, double[] samples) : base("declared-square", lo, hi, samples, null, [new RootFactor(0, 1)])
        {
        }

        protected override Relation<T> Sides<T>(T x) => Relation.Equal(T.Sqrt(x * x), x, 1 + T.Abs(x), 1e-12);
    }

    /// <summary>√(x² + x) declared |x| on [1, 2]: a wrong declaration (x² + x is not x²), searched only where both sides are compared as x.</summary>
    private sealed class WrongDeclaration : Identity1
    {
        [SetsRequiredMembers]
        public WrongDeclaration() : base("wrong-declaration", 1, 2, [1.0, 2.0], null, [new RootFactor(0, 1)])
        {
        }

        protected override Relation<T> Sides<T>(T x) => Relation.Equal(T.Sqrt(x * x + T.Of(1e-30) * x), x, 1 + x, 1e-12);
    }

    /// <summary>
    /// √x·√(x³) = x² for x &gt; 0 (box [1, 2]), the second root declared |x|·√x (x³ = D·x² with D = x). Its radicand is
    /// written x + (x³ − x), whose range over the region, (−∞, ∞) by dependency, does not show it non-negative: the declared
    /// identity does.
    /// </summary>
    private sealed class DeclaredMultipleOfTheRoot : Identity1
    {
        [SetsRequiredMembers]
        public DeclaredMultipleOfTheRoot() : base("declared-multiple", 1, 2, [1.0, 1.5, 2.0], [RegionInterval.Positive], [null, new RootFactor(0, 1, TimesRoot: true)])
        {
        }

        protected override Relation<T> Sides<T>(T x) => Relation.Equal(T.Sqrt(x) * T.Sqrt(x + (x * x * x - x)), x * x, 1 + x * x, 1e-12);
    }

    /// <summary>√x·√(x + 1) = √(x² + x) on [1, 2]: true, but three radicands that are not one D.</summary>
    private sealed class TwoRadicands : Identity1
    {
        [SetsRequiredMembers]
        public TwoRadicands() : base("two-radicands", 1, 2, [1.0, 1.5, 2.0])
        {
        }

        protected override Relation<T> Sides<T>(T x) => Relation.Equal(T.Sqrt(x) * T.Sqrt(x + 1), T.Sqrt(x * x + x), 1 + x, 1e-12);
    }

    /// <summary>
    /// D√D = w(x)·√D on [0, 3] with D = 1/(1 + x) and w the line through 1/(1 + x) at x = 3/4 and 9/4: false (the part along
    /// the root, D − w, has the numerator 1 − w(x)(1 + x) of degree 2), yet 0 at 3/4 and 9/4, the grid of a degree bound
    /// that forgot D's degrees in the product r·r = D.
    /// </summary>
    private sealed class RootCubedOnTooSmallGrid : Identity1
    {
        [SetsRequiredMembers]
        public RootCubedOnTooSmallGrid() : base("root-cubed", 0, 3, [0.75, 2.25])
        {
        }

        protected override Relation<T> Sides<T>(T x)
        {
            var r = T.Sqrt(1 / (1 + x));
            var line = T.Ratio(4, 7) - T.Ratio(16, 91) * (x - T.Ratio(3, 4));
            return Relation.Equal(r * r * r, line * r, 1 + r, 1e-12);
        }
    }

    /// <summary>√(1 + √x)·√(1 + √x) = 1 + √x on [0, 1]: true, but a nested root.</summary>
    private sealed class NestedRoot : Identity1
    {
        [SetsRequiredMembers]
        public NestedRoot() : base("nested", 0, 1, [0.0, 0.25, 1.0])
        {
        }

        protected override Relation<T> Sides<T>(T x)
        {
            var inner = 1 + T.Sqrt(x);
            return Relation.Equal(T.Sqrt(inner) * T.Sqrt(inner), inner, 2 + x, 1e-12);
        }
    }

    /// <summary>√(x − 1/2)² = x − 1/2 on [0, 1], searched only where x ≥ 1/2: the radicand is negative on part of the box.</summary>
    private sealed class NegativeRadicand : Identity1
    {
        [SetsRequiredMembers]
        public NegativeRadicand() : base("negative-radicand", 0, 1, [0.5, 0.75, 1.0])
        {
        }

        protected override Relation<T> Sides<T>(T x)
        {
            var r = T.Sqrt(x - T.Ratio(1, 2));
            return Relation.Equal(r * r, x - T.Ratio(1, 2), 1 + x, 1e-12);
        }
    }

    /// <summary>
    /// y/(1 + √(1 + y)) = √(1 + y) − 1 for y ≥ 0 (box [0, 1], region [0, ∞)): the divisor 1 + √(1 + y) ≥ 2 never vanishes,
    /// but its norm 1 − (1 + y) = −y does at y = 0, inside the box and the region.
    /// </summary>
    private sealed class VanishingNorm : Identity1
    {
        [SetsRequiredMembers]
        public VanishingNorm() : base("vanishing-norm", 0, 1, [0.0, 0.5, 1.0], [RegionInterval.NonNegative])
        {
        }

        protected override Relation<T> Sides<T>(T x)
        {
            var s = T.Sqrt(1 + x);
            return Relation.Equal(x / (1 + s), s - 1, 1 + s, 1e-12);
        }
    }

    /// <summary>
    /// (1 + √x)² = 1 + 2√x + x on [1, 2] with the margin scale max(lhs, rhs), whose comparison the box cannot decide (the
    /// sides are equal); with maxOnSide the undecided max is the left side itself.
    /// </summary>
    private sealed class UndecidedMax : Identity1
    {
        private readonly bool _maxOnSide;

        [SetsRequiredMembers]
        public UndecidedMax(bool maxOnSide) : base("undecided-max", 1, 2, [1.0, 1.5, 2.0]) => _maxOnSide = maxOnSide;

        protected override Relation<T> Sides<T>(T x)
        {
            var r = T.Sqrt(x);
            var lhs = (1 + r) * (1 + r);
            var rhs = 1 + 2 * r + x;
            var scale = T.Max(lhs, rhs);
            return _maxOnSide ? Relation.Equal(scale, rhs, rhs, 1e-12) : Relation.Equal(lhs, rhs, T.Sign(scale) > 0 ? scale : T.Of(1), 1e-12);
        }
    }

    /// <summary>
    /// √(x² + y)·√(x² + y) = x² + y for x ≥ 1, on the slice y = 0 (box y ∈ [0, 0]); the region's y is that point, or
    /// [0, ∞) (not shown: the grid has a single y).
    /// </summary>
    private sealed class OnASlice : Statement<(double X, double Y)>
    {
        [SetsRequiredMembers]
        public OnASlice(RegionInterval yRange)
        {
            Name = "slice";
            Description = "slice";
            Tolerance = "none";
            Kind = StatementKind.Identity;
            Domain = new Domain<(double, double)>
            {
                Generator = from x in Gen.Choose(1, 64) select ((double)x, 0.0),
                Describe = p => [NamedValue.Of("x", p.Item1), NamedValue.Of("y", p.Item2)],
            };
            Proofs = [new ProofDomain<(double X, double Y)>
            {
                Box = [new ProofCoordinate("x", 1, 2), new ProofCoordinate("y", 0, 0)],
                At = v => (v[0], v[1]),
                CoversStatedDomain = true,
                Identity = new ExactIdentity { Region = [RegionInterval.Of(Fraction.One, false, null, true), yRange] },
            }];
        }

        public override Relation<T> Evaluate<T>((double X, double Y) input)
        {
            var x = T.Input(input.X);
            var y = T.Input(input.Y);
            var r = T.Sqrt(x * x + y);
            return Relation.Equal(r * r, x * x + y, 1 + x * x, 1e-12);
        }
    }

    [Fact]
    public void SliceWhoseRegionIsItsPoint_IsTheStatedDomain()
    {
        var result = Run(new OnASlice(RegionInterval.Point(Fraction.Zero)));

        Assert.True(result.Verdict == Verdict.Proved, Why(result));
        Assert.True(result.Proof!.CoversStatedDomain, Why(result));
    }

    [Fact]
    public void SliceWithAWiderRegion_IsNotExtended()
    {
        var result = Run(new OnASlice(RegionInterval.NonNegative));

        Assert.True(result.Proof!.Proved, Why(result));
        Assert.False(result.Proof.CoversStatedDomain, Why(result));
        Assert.True(result.Proof.Notes.Any(n => n.Contains("slice", StringComparison.Ordinal)), Why(result));
    }

    [Fact]
    public void DifferenceOfSquares_IsProvedOnTheRegion()
    {
        var result = Run(new DifferenceOfSquares(offBy: false));

        Assert.True(result.Verdict == Verdict.Proved, Why(result));
        Assert.True(result.Proof!.CoversStatedDomain, Why(result));
        Assert.True(result.Proof.Notes.Any(n => n.Contains("Q(x)[√D]", StringComparison.Ordinal)), Why(result));
    }

    [Fact]
    public void IdentityOffByATinyMultipleOfTheRoot_IsNotProved()
    {
        var result = Run(new DifferenceOfSquares(offBy: true));

        Assert.True(result.Verdict == Verdict.Holds, Why(result)); // 10⁻³⁰·√x is far inside the double allowance
        Assert.False(result.Proof!.Proved, Why(result));
        Assert.True(result.Proof.Notes.Any(n => n.Contains("part along the root", StringComparison.Ordinal)), Why(result));
    }

    [Fact]
    public void RootTimesRoot_IsProvedWithTheSecondRadicandChecked()
    {
        var result = Run(new RootTimesRoot());

        Assert.True(result.Verdict == Verdict.Proved, Why(result));
        Assert.True(result.Proof!.Notes.Any(n => n.Contains("1 later radicands ≡ D", StringComparison.Ordinal)), Why(result));
    }

    [Fact]
    public void RootOfAPerfectSquare_IsNotTurnedIntoARational()
    {
        var result = Run(new RootOfASquare());

        Assert.True(result.Verdict == Verdict.Holds, Why(result));
        Assert.False(result.Proof!.Proved, Why(result));
        Assert.True(result.Proof.Notes.Any(n => n.Contains("part along the root", StringComparison.Ordinal)), Why(result));
    }

    [Fact]
    public void DifferentRadicands_AreNotProved()
    {
        var result = Run(new TwoRadicands());

        Assert.True(result.Verdict == Verdict.Holds, Why(result));
        Assert.False(result.Proof!.Proved, Why(result));
        Assert.True(result.Proof.Notes.Any(n => n.Contains("two different radicands", StringComparison.Ordinal)), Why(result));
    }

    [Fact]
    public void FalseIdentityWhoseRootPartNeedsTheRadicandsDegree_IsNotProved()
    {
        // r³ = D·r: the part along r of lhs − rhs is 1/(1 + x) − w(x), numerator degree 2 with D's denominator counted, so
        // the grid has 3 values (1/2, 3/2, 5/2). Without D's degrees in r·r the bound would be 1, and the grid 3/4, 9/4 (the
        // two roots) would have "proved" it.
        var result = Run(new RootCubedOnTooSmallGrid());

        Assert.True(result.Verdict == Verdict.Holds, Why(result)); // the search only sees the roots
        Assert.False(result.Proof!.Proved, Why(result));
        Assert.True(result.Proof.Notes.Any(n => n.Contains("part along the root", StringComparison.Ordinal) && n.Contains("x = 0.5", StringComparison.Ordinal)), Why(result));
    }

    [Fact]
    public void DeclaredSquareRoot_IsProvedWhereItsSignIsThatOfTheSide()
    {
        var result = Run(new DeclaredSquare(1, 2, [1.0, 1.5, 2.0]));

        Assert.True(result.Verdict == Verdict.Proved, Why(result));
        Assert.True(result.Proof!.Notes.Any(n => n.Contains("declared: √ call 1 = |x|", StringComparison.Ordinal)), Why(result));
    }

    [Fact]
    public void DeclaredSquareRoot_KeepsItsSign()
    {
        // On [−2, −1] the declared √(x²) = |x| = −x, so √(x²) = x is false; the search only sees x = 0 (outside the box).
        var result = Run(new DeclaredSquare(-2, -1, [0.0]));

        Assert.False(result.Proof!.Proved, Why(result));
        Assert.True(result.Proof.Notes.Any(n => n.Contains("not an identity", StringComparison.Ordinal)), Why(result));
    }

    [Fact]
    public void WrongRootDeclaration_IsNotProved()
    {
        var result = Run(new WrongDeclaration());

        Assert.True(result.Verdict == Verdict.Holds, Why(result));
        Assert.False(result.Proof!.Proved, Why(result));
        Assert.True(result.Proof.Notes.Any(n => n.Contains("is not w²", StringComparison.Ordinal)), Why(result));
    }

    [Fact]
    public void DeclaredMultipleOfTheRoot_IsProvedOnTheRegion()
    {
        var result = Run(new DeclaredMultipleOfTheRoot());

        Assert.True(result.Verdict == Verdict.Proved, Why(result));
        Assert.True(result.Proof!.CoversStatedDomain, Why(result));
        Assert.True(result.Proof.Notes.Any(n => n.Contains("|x|·√D", StringComparison.Ordinal)), Why(result));
    }

    [Fact]
    public void NestedRoot_IsNotProved()
    {
        var result = Run(new NestedRoot());

        Assert.True(result.Verdict == Verdict.Holds, Why(result));
        Assert.False(result.Proof!.Proved, Why(result));
        Assert.True(result.Proof.Notes.Any(n => n.Contains("nested root", StringComparison.Ordinal)), Why(result));
    }

    [Fact]
    public void RadicandNegativeOnTheBox_IsNotProved()
    {
        var result = Run(new NegativeRadicand());

        Assert.True(result.Verdict == Verdict.Holds, Why(result));
        Assert.False(result.Proof!.Proved, Why(result));
        Assert.True(result.Proof.Notes.Any(n => n.Contains("is not non-negative", StringComparison.Ordinal)), Why(result));
    }

    [Fact]
    public void DivisorWhoseNormVanishes_IsProvedOnTheWholeRegion()
    {
        // The grid values avoid y = 0; continuity of the code's value (its divisor never vanishes) covers y = 0 itself.
        var result = Run(new VanishingNorm());

        Assert.True(result.Verdict == Verdict.Proved, Why(result));
        Assert.True(result.Proof!.CoversStatedDomain, Why(result));
    }

    [Fact]
    public void UndecidedMaxInTheMarginOnly_DoesNotStopTheProof()
    {
        var result = Run(new UndecidedMax(maxOnSide: false));

        Assert.True(result.Verdict == Verdict.Proved, Why(result));
    }

    [Fact]
    public void UndecidedMaxOnASide_IsNotProved()
    {
        var result = Run(new UndecidedMax(maxOnSide: true));

        Assert.True(result.Verdict == Verdict.Holds, Why(result));
        Assert.False(result.Proof!.Proved, Why(result));
        Assert.True(result.Proof.Notes.Any(n => n.Contains("whose order the box does not decide", StringComparison.Ordinal)), Why(result));
    }

    [Fact]
    public void RegionSqrtAndMax_AreOutwardAndKeepAttainedEnds()
    {
        var four = new Fraction(4);
        var nine = new Fraction(9);
        // Exact roots keep the ends closed; √2 is irrational, so the rational upper bound above it is not attained (open).
        Assert.Equal(RegionInterval.Of(new Fraction(2), false, new Fraction(3), false), RegionInterval.Of(four, false, nine, false).Sqrt(64));
        var rootTwo = RegionInterval.Of(Fraction.Zero, true, new Fraction(2), false).Sqrt(64)!.Value;
        Assert.Equal(Fraction.Zero, rootTwo.Lower);
        Assert.True(rootTwo.LowerOpen && rootTwo.UpperOpen);
        Assert.True(rootTwo.Upper!.Value * rootTwo.Upper.Value > new Fraction(2));
        Assert.True(rootTwo.Upper.Value * rootTwo.Upper.Value - new Fraction(2) < new Fraction(System.Numerics.BigInteger.One, System.Numerics.BigInteger.Pow(2, 60)));
        Assert.Null(RegionInterval.Of(-Fraction.One, false, Fraction.One, false).Sqrt(64));
        Assert.Null(RegionInterval.Everything.Sqrt(64));
        Assert.Equal(RegionInterval.NonNegative, RegionInterval.NonNegative.Sqrt(64));
        Assert.Equal(RegionInterval.Positive, RegionInterval.Positive.Sqrt(64));
        Assert.Throws<ArgumentException>(() => RegionInterval.NonNegative.Sqrt(0));
        // max over [0, 1] × (−∞, 2): [0, 2), the lower end attained (x = 0, y ≤ 0), the upper not.
        Assert.Equal(RegionInterval.Of(Fraction.Zero, false, new Fraction(2), true),
            RegionInterval.Max(RegionInterval.Of(Fraction.Zero, false, Fraction.One, false), RegionInterval.Of(null, true, new Fraction(2), true)));
        // max over (0, 1] × (0, 3]: (0, 3]; min over the same: (0, 1].
        var a = RegionInterval.Of(Fraction.Zero, true, Fraction.One, false);
        var b = RegionInterval.Of(Fraction.Zero, true, new Fraction(3), false);
        Assert.Equal(b, RegionInterval.Max(a, b));
        Assert.Equal(a, RegionInterval.Min(a, b));
    }
}
