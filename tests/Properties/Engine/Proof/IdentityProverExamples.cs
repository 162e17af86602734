using System.Diagnostics.CodeAnalysis;
using FsCheck.Fluent;
using Fractions;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Engine.Proof;

/// <summary>
/// Soundness of the exact identity method (issue "Theorem checking"): it proves true rational identities from exact
/// evaluations on a grid sized by the tracked degrees, never a false one (not even one that a grid one point too small
/// would miss, or one whose difference is 1e-30), never √(x²) = x (√ stays a symbol) nor one with a branch the box does not decide, names the
/// exception set of a removable singularity, and extends to an unbounded region only where the region decides the code.
/// </summary>
public class IdentityProverExamples
{
    private static FormalizationResult Run(IFormalization f) => f.Run(new RunSettings(200, 1) { ClaimSeed = 7 });

    private static string Why(FormalizationResult r) => r.Verdict + ": " + string.Join("; ", r.Proof?.Notes ?? []) + " | " + string.Join("; ", r.Notes);

    /// <summary>
    /// lhs(x) = rhs(x) on [lo, hi], written once in <see cref="Sides"/>; searched only at the given samples (so a
    /// false identity can reach the prover with the verdict "holds"), proved by the exact identity method on the box.
    /// </summary>
    private abstract class Identity1 : Statement<double>
    {
        [SetsRequiredMembers]
        protected Identity1(string name, double lo, double hi, double[] samples, IReadOnlyList<RegionInterval>? region = null, bool covers = true)
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
                CoversStatedDomain = covers,
                Identity = new ExactIdentity { Region = region },
            }];
        }

        protected abstract Relation<T> Sides<T>(T x) where T : IReal<T>;

        public override Relation<T> Evaluate<T>(double input) => Sides(T.Input(input));
    }

    /// <summary>(x − 1/2)(x − 3/2)(x − 5/2) = 0 on [0, 3]: false, yet 0 at the three grid values (j + 1/2)·3/3 a grid of degree 2 would use.</summary>
    private sealed class CubicOnTooSmallGrid : Identity1
    {
        [SetsRequiredMembers]
        public CubicOnTooSmallGrid() : base("cubic", 0, 3, [0.5, 1.5, 2.5])
        {
        }

        protected override Relation<T> Sides<T>(T x) =>
            Relation.Equal((x - T.Ratio(1, 2)) * (x - T.Ratio(3, 2)) * (x - T.Ratio(5, 2)), T.Of(0));
    }

    /// <summary>x + 10⁻³⁰/((x − 0.3)² + 10⁻⁴⁰) = x on [0, 1]: false, by less than 10⁻²⁷ away from x ≈ 0.3.</summary>
    private sealed class TinyDifference : Identity1
    {
        [SetsRequiredMembers]
        public TinyDifference() : base("tiny", 0, 1, [0.0, 0.125, 0.75, 1.0])
        {
        }

        protected override Relation<T> Sides<T>(T x)
        {
            var d = x - T.Ratio(3, 10);
            var bump = T.Of(1e-30) / (d * d + T.Of(1e-40));
            return Relation.Equal(x + bump, x, 1 + x * x, 1e-12);
        }
    }

    /// <summary>(x² − 1)/(x − 1) = x + 1 on [0, 2]: true except at x = 1, where the left side is 0/0.</summary>
    private sealed class RemovableSingularity : Identity1
    {
        [SetsRequiredMembers]
        public RemovableSingularity() : base("removable", 0, 2, [0.0, 0.25, 0.5, 1.5, 2.0])
        {
        }

        protected override Relation<T> Sides<T>(T x) => Relation.Equal((x * x - 1) / (x - 1), x + 1, 1 + x * x, 1e-12);
    }

    /// <summary>√(x²) = x on [1, 2]: true, but √ of a perfect square stays the symbol r = √D, and r − x is not 0 in Q(x)[r].</summary>
    private sealed class WithSqrt : Identity1
    {
        [SetsRequiredMembers]
        public WithSqrt() : base("sqrt", 1, 2, [1.0, 1.25, 1.5, 2.0])
        {
        }

        protected override Relation<T> Sides<T>(T x) => Relation.Equal(T.Sqrt(x * x), x, x, 1e-12);
    }

    /// <summary>x²/x = x on [1, 2] beside ln(1 + x²), computed and unused (or, with branchOnLog, a branch on it).</summary>
    private sealed class BesideALogarithm : Identity1
    {
        private readonly bool _branchOnLog;

        [SetsRequiredMembers]
        public BesideALogarithm(bool branchOnLog) : base("log", 1, 2, [1.0, 1.25, 1.5, 2.0]) => _branchOnLog = branchOnLog;

        protected override Relation<T> Sides<T>(T x)
        {
            var log = T.Log(1 + x * x);
            var lhs = _branchOnLog && log > T.Of(100) ? x + 1 : x * x / x;
            return Relation.Equal(lhs, x, x, 1e-12);
        }
    }

    /// <summary>(x &lt; 1/2 ? x : x + 10⁻³⁰) = x on [0, 1]: false for x ≥ 1/2, through a branch the box does not decide.</summary>
    private sealed class UndecidedBranch : Identity1
    {
        [SetsRequiredMembers]
        public UndecidedBranch() : base("branch", 0, 1, [0.0, 0.125, 0.25, 0.375])
        {
        }

        protected override Relation<T> Sides<T>(T x) => Relation.Equal(x < T.Ratio(1, 2) ? x : x + T.Of(1e-30), x, T.Of(1), 1e-12);
    }

    /// <summary>((2⁵³ + x) − 2⁵³) − x = 0 and (x + 1)⁶ expanded = (x + 1)⁶ on [0, 1]: true, while doubles lose bits.</summary>
    private sealed class Cancellation : Identity1
    {
        [SetsRequiredMembers]
        public Cancellation() : base("cancellation", 0, 1, [0.1, 0.2, 0.3, 1.0 / 3, 0.7, 0.9])
        {
        }

        protected override Relation<T> Sides<T>(T x)
        {
            var big = T.Of(9007199254740992.0);
            var y = x + 1;
            var expanded = x * x * x * x * x * x + 6 * x * x * x * x * x + 15 * x * x * x * x + 20 * x * x * x + 15 * x * x + 6 * x + 1;
            return Relation.All([
                Relation.Equal(big + x - big - x, T.Of(0), T.Of(1)),
                Relation.Equal(expanded, y * y * y * y * y * y, T.Of(64)),
            ]);
        }
    }

    /// <summary>(m/(m + y))·((m + y)/m) = 1 for m ≥ 0 (searched at m ≥ 1), y ≥ 0, proved on [1, 2]² and extended to the declared region.</summary>
    private sealed class OnRegion : Statement<(double M, double Y)>
    {
        [SetsRequiredMembers]
        public OnRegion(RegionInterval mRange, bool branchAtOne)
        {
            Name = "region";
            Description = "region";
            Tolerance = "none";
            Kind = StatementKind.Identity;
            Domain = new Domain<(double, double)>
            {
                Generator = from m in Gen.Choose(1, 64) from y in Gen.Choose(0, 64) select ((double)m, (double)y),
                Describe = p => [NamedValue.Of("m", p.Item1), NamedValue.Of("y", p.Item2)],
            };
            _branchAtOne = branchAtOne;
            Proofs = [new ProofDomain<(double M, double Y)>
            {
                Box = [new ProofCoordinate("m", 1, 2), new ProofCoordinate("y", 1, 2)],
                At = v => (v[0], v[1]),
                CoversStatedDomain = true,
                Identity = new ExactIdentity { Region = [mRange, RegionInterval.NonNegative] },
            }];
        }

        private readonly bool _branchAtOne;

        public override Relation<T> Evaluate<T>((double M, double Y) input)
        {
            var m = Assume.NonNegative(T.Input(input.M), "m < 0");
            var y = Assume.NonNegative(T.Input(input.Y), "y < 0");
            // With the branch: m ≥ 1/2 holds on the box [1, 2] but not on the region m > 0 (both branches give the same value).
            var lhs = _branchAtOne && m >= T.Ratio(1, 2) ? m / (m + y) * ((m + y) / m) : (m + y) / m * (m / (m + y));
            return Relation.Equal(lhs, T.Of(1), T.Of(1), 1e-12);
        }
    }

    /// <summary>How <see cref="BehindAHypothesis"/> restricts x, y &gt; 0 to xy &gt; 1.</summary>
    private enum Restriction
    {
        /// <summary>Assume.Positive(xy − 1): a hypothesis the arithmetic knows as one.</summary>
        TypedHypothesis,

        /// <summary>Assume.That(xy &gt; 1): the statement compares, so to the arithmetic it is a branch.</summary>
        BareComparison,

        /// <summary>No hypothesis; lhs = x − y where xy &gt; 1, x − y + 1 elsewhere (false off the box's branch).</summary>
        HiddenBranch,
    }

    /// <summary>
    /// (x² − y²)/(x + y) = x − y for x, y &gt; 0 with xy &gt; 1 (searched at integers ≥ 2), proved on a grid box and extended
    /// to the region x, y ∈ (0, ∞), on which xy &gt; 1 is not decided.
    /// </summary>
    private sealed class BehindAHypothesis : Statement<(double X, double Y)>
    {
        private readonly Restriction _restriction;

        [SetsRequiredMembers]
        public BehindAHypothesis(Restriction restriction, double lo, double hi)
        {
            _restriction = restriction;
            Name = "hypothesis";
            Description = "hypothesis";
            Tolerance = "none";
            Kind = StatementKind.Identity;
            Domain = new Domain<(double, double)>
            {
                Generator = from x in Gen.Choose(2, 64) from y in Gen.Choose(2, 64) select ((double)x, (double)y),
                Describe = p => [NamedValue.Of("x", p.Item1), NamedValue.Of("y", p.Item2)],
            };
            Proofs = [new ProofDomain<(double X, double Y)>
            {
                Box = [new ProofCoordinate("x", lo, hi), new ProofCoordinate("y", lo, hi)],
                At = v => (v[0], v[1]),
                CoversStatedDomain = true,
                Identity = new ExactIdentity { Region = [RegionInterval.Positive, RegionInterval.Positive] },
            }];
        }

        public override Relation<T> Evaluate<T>((double X, double Y) input)
        {
            var x = Assume.Positive(T.Input(input.X), "x ≤ 0");
            var y = Assume.Positive(T.Input(input.Y), "y ≤ 0");
            var lhs = (x * x - y * y) / (x + y);
            switch (_restriction)
            {
                case Restriction.TypedHypothesis:
                    Assume.Positive(x * y - 1, "xy ≤ 1");
                    break;
                case Restriction.BareComparison:
                    Assume.That(x * y > T.Of(1), "xy ≤ 1");
                    break;
                default:
                    if (!(x * y > T.Of(1)))
                        lhs += 1;
                    break;
            }
            return Relation.Equal(lhs, x - y, T.Abs(x) + T.Abs(y), 1e-12);
        }
    }

    [Fact]
    public void FalseIdentityOfOneDegreeMoreThanATooSmallGrid_IsNotProved()
    {
        // The degree bound is 3, so the grid has 4 values (3/8, 9/8, 15/8, 21/8), none a root; a bound of 2 would have
        // chosen 1/2, 3/2, 5/2, exactly the roots, and "proved" it.
        var result = Run(new CubicOnTooSmallGrid());

        Assert.True(result.Verdict == Verdict.Holds, Why(result)); // the search only sees the roots
        Assert.False(result.Proof!.Proved, Why(result));
        Assert.Contains(result.Proof.Notes, n => n.Contains("not an identity", StringComparison.Ordinal) && n.Contains("x = 0.375", StringComparison.Ordinal));
    }

    [Fact]
    public void FalseIdentityByATinyTerm_IsNotProved()
    {
        var result = Run(new TinyDifference());

        Assert.True(result.Verdict == Verdict.Holds, Why(result)); // within the double allowance everywhere it looked
        Assert.False(result.Proof!.Proved, Why(result));
        Assert.Contains(result.Proof.Notes, n => n.Contains("not an identity", StringComparison.Ordinal));
    }

    [Fact]
    public void RemovableSingularity_IsProvedExceptOnTheDivisorsZeroSet()
    {
        // The degree-2 grid (1/3, 1, 5/3) hits the 0/0 at x = 1; the next offset's grid (2/9, 8/9, 14/9) avoids it.
        var result = Run(new RemovableSingularity());

        Assert.True(result.Verdict == Verdict.Holds, Why(result));
        Assert.True(result.Proof!.Proved, Why(result));
        Assert.False(result.Proof.CoversStatedDomain);
        Assert.Contains(result.Proof.Notes, n => n.Contains("except where a divisor of the code vanishes", StringComparison.Ordinal));
    }

    [Fact]
    public void IdentityWithASquareRootOfASquare_IsNotProvedByThisMethod()
    {
        var result = Run(new WithSqrt());

        Assert.True(result.Verdict == Verdict.Holds, Why(result));
        Assert.False(result.Proof!.Proved, Why(result));
        Assert.Contains(result.Proof.Notes, n => n.Contains("part along the root", StringComparison.Ordinal));
    }

    [Fact]
    public void NonRationalValueThatNoSideUses_DoesNotStopTheProof()
    {
        var result = Run(new BesideALogarithm(branchOnLog: false));

        Assert.True(result.Verdict == Verdict.Proved, Why(result));
    }

    [Fact]
    public void BranchOnANonRationalValue_IsNotProved()
    {
        // ln(1 + x²) < 100 on the whole box, but the method cannot treat a branch on a logarithm as a rational function's.
        var result = Run(new BesideALogarithm(branchOnLog: true));

        Assert.True(result.Verdict == Verdict.Holds, Why(result));
        Assert.False(result.Proof!.Proved, Why(result));
        Assert.Contains(result.Proof.Notes, n => n.Contains("not rational", StringComparison.Ordinal));
    }

    [Fact]
    public void BranchUndecidedOnTheBox_IsNotProved()
    {
        var result = Run(new UndecidedBranch());

        Assert.True(result.Verdict == Verdict.Holds, Why(result));
        Assert.False(result.Proof!.Proved, Why(result));
        Assert.Contains(result.Proof.Notes, n => n.Contains("not decided on the whole box", StringComparison.Ordinal));
    }

    [Fact]
    public void TrueIdentitiesWithHeavyCancellation_AreProvedExactly()
    {
        var result = Run(new Cancellation());

        Assert.True(result.Verdict == Verdict.Proved, Why(result));
        Assert.True(result.Tally.Violations > 0, "doubles never lost a bit: the test lost its point");
        // Degree 6 in x (the expansion): a grid of 7 exact evaluations.
        Assert.Contains(result.Proof!.Notes, n => n.Contains("grid of 7 exact evaluations", StringComparison.Ordinal));
    }

    [Fact]
    public void IdentityDecidedOnTheWholeRegion_IsProvedOnTheStatedDomain()
    {
        var result = Run(new OnRegion(RegionInterval.Positive, branchAtOne: false));

        Assert.True(result.Verdict == Verdict.Proved, Why(result));
        Assert.True(result.Proof!.CoversStatedDomain);
    }

    [Fact]
    public void RegionWhereADivisorMayVanish_IsNotClaimed()
    {
        // m ∈ [0, ∞): the divisor m is 0 at m = 0, so the code is not defined on the whole region.
        var result = Run(new OnRegion(RegionInterval.NonNegative, branchAtOne: false));

        Assert.Equal(Verdict.Holds, result.Verdict);
        Assert.True(result.Proof!.Proved, Why(result));
        Assert.False(result.Proof.CoversStatedDomain);
        Assert.Contains(result.Proof.Notes, n => n.Contains("contains 0", StringComparison.Ordinal));
    }

    [Fact]
    public void RegionThatDoesNotDecideABranch_IsNotClaimed()
    {
        var result = Run(new OnRegion(RegionInterval.Positive, branchAtOne: true));

        Assert.Equal(Verdict.Holds, result.Verdict);
        Assert.True(result.Proof!.Proved, Why(result));
        Assert.False(result.Proof.CoversStatedDomain);
        Assert.Contains(result.Proof.Notes, n => n.Contains("is not decided on the region", StringComparison.Ordinal));
    }

    [Fact]
    public void RegionIntervals_DecideOpenEnds()
    {
        // β ∈ [0, 1): β < 1 everywhere, 1 − β ∈ (0, 1], 1/(1 − β) ∈ [1, ∞); β ≤ 1 − 2⁻¹⁰⁰ is not decided.
        var beta = RegionInterval.Of(Fraction.Zero, false, Fraction.One, true);
        var one = RegionInterval.Point(Fraction.One);
        Assert.True(RegionInterval.Less(beta, one));
        Assert.Equal(1, (one - beta).Sign());
        Assert.Equal(RegionInterval.Of(Fraction.One, false, null, true), (one - beta).Reciprocal());
        Assert.Null(RegionInterval.LessOrEqual(beta, one - RegionInterval.Point(new Fraction(System.Numerics.BigInteger.One, System.Numerics.BigInteger.Pow(2, 100)))));
        // (0, ∞)·(−∞, 0] = (−∞, 0]; (0, 1]·(0, 1] = (0, 1]; [−1, 2]·[−3, 1] = [−6, 3].
        Assert.Equal(RegionInterval.Of(null, true, Fraction.Zero, false), RegionInterval.Positive * -RegionInterval.NonNegative);
        var unit = RegionInterval.Of(Fraction.Zero, true, Fraction.One, false);
        Assert.Equal(unit, unit * unit);
        Assert.Equal(RegionInterval.Of(new Fraction(-6), false, new Fraction(3), false),
            RegionInterval.Of(new Fraction(-1), false, new Fraction(2), false) * RegionInterval.Of(new Fraction(-3), false, Fraction.One, false));
        Assert.Null(RegionInterval.NonNegative.Reciprocal());
        Assert.Throws<ArgumentException>(() => RegionInterval.Of(Fraction.One, true, Fraction.One, false));
    }

    [Fact]
    public void HypothesisUndecidedOnTheRegion_IsProvedOnTheStatedDomain()
    {
        // xy − 1 > 0 on the box [2, 3]², undecided on (0, ∞)²: the points with xy ≤ 1 are outside the claim.
        var result = Run(new BehindAHypothesis(Restriction.TypedHypothesis, 2, 3));

        Assert.True(result.Verdict == Verdict.Proved, Why(result));
        Assert.True(result.Proof!.CoversStatedDomain);
        Assert.Contains(result.Proof.Notes, n => n.Contains("outside the claim", StringComparison.Ordinal));
    }

    [Fact]
    public void ComparisonTheStatementMakesItself_IsABranchOnTheRegion()
    {
        // The same hypothesis as a bool the statement computed: the arithmetic cannot tell it from a branch, so it must be
        // decided on the region, and is not (conservative: the identity is not extended).
        var result = Run(new BehindAHypothesis(Restriction.BareComparison, 2, 3));

        Assert.Equal(Verdict.Holds, result.Verdict);
        Assert.True(result.Proof!.Proved, Why(result));
        Assert.False(result.Proof.CoversStatedDomain);
        Assert.Contains(result.Proof.Notes, n => n.Contains("is not decided on the region", StringComparison.Ordinal));
    }

    [Fact]
    public void FalseIdentityBehindABranchUndecidedOnTheRegion_IsNotClaimed()
    {
        // lhs = x − y + 1 ≠ x − y wherever xy ≤ 1, which the region (0, ∞)² contains and the box [2, 3]² does not.
        var result = Run(new BehindAHypothesis(Restriction.HiddenBranch, 2, 3));

        Assert.Equal(Verdict.Holds, result.Verdict); // the search only sees xy ≥ 4
        Assert.True(result.Proof!.Proved, Why(result));
        Assert.False(result.Proof.CoversStatedDomain);
        Assert.Contains(result.Proof.Notes, n => n.Contains("is not decided on the region", StringComparison.Ordinal));
    }

    [Fact]
    public void HypothesisUndecidedOnTheBox_IsNotProved()
    {
        // xy − 1 ranges over [−3/4, 3] on [1/2, 2]²: the box must decide every hypothesis (grid points must all meet it).
        var result = Run(new BehindAHypothesis(Restriction.TypedHypothesis, 0.5, 2));

        Assert.Equal(Verdict.Holds, result.Verdict);
        Assert.False(result.Proof!.Proved, Why(result));
        Assert.Contains(result.Proof.Notes, n => n.Contains("not decided on the whole box", StringComparison.Ordinal));
    }

    [Fact]
    public void HypothesisScope_IsActiveOnlyInsideAndNests()
    {
        Assert.False(HypothesisScope.IsActive);
        using (HypothesisScope.Enter())
        {
            using (HypothesisScope.Enter())
                Assert.True(HypothesisScope.IsActive);
            Assert.True(HypothesisScope.IsActive);
        }
        Assert.False(HypothesisScope.IsActive);
        // An Assume form closes its scope when its hypothesis fails, too.
        Assert.Throws<HypothesisException>(() => Assume.Positive(new Float64(-1), "negative"));
        Assert.False(HypothesisScope.IsActive);
    }
}
