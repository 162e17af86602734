using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// Hand-derived examples for <see cref="RationalDegree"/>: a divisor whose range over the region excludes 0 is no region
/// failure, one whose range contains 0 is, and one exactly 0 on the whole box is a DivideByZeroException that says so; the
/// degree of the numerator of lhs − rhs is the larger of the rational part's and the root part's (x² − 1 has degree 2 in x,
/// x − y degree 1 in each); and a declared √ (|w| with x ≡ w²) whose factor w is itself not a rational function (here exp)
/// is marked not rational rather than decided on; x squared 30 times has degree 2^30 in x, and once more the degree 2^31
/// is beyond an int: an OverflowException, never a wrapped negative degree.
/// </summary>
public class RationalDegreeExamples
{
    [Fact]
    public void Division_FailsTheRegionOnlyWhereTheDivisorMayVanish()
    {
        using (EnclosureSettings.UseTags([1.5], [new RationalInterval(1, 2)]))
        {
            using (var session = RationalDegree.Track(null))
            {
                _ = RationalDegree.Input(1.5) / RationalDegree.Of(2); // divisor 2 everywhere
                Assert.Null(session.RegionFailure);
            }
            using (var session = RationalDegree.Track(null))
            {
                var x = RationalDegree.Input(1.5); // no region: x ranges over everything, 0 included
                _ = RationalDegree.Of(1) / x;
                Assert.NotNull(session.RegionFailure);
            }
        }
    }

    [Fact]
    public void DifferenceDegree_IsTheDegreeOfTheNumeratorOfTheDifference()
    {
        using (EnclosureSettings.UseTags([1.5, 3.5], [new RationalInterval(1, 2), new RationalInterval(3, 4)]))
        using (RationalDegree.Track(null))
        {
            var x = RationalDegree.Input(1.5);
            var y = RationalDegree.Input(3.5);
            Assert.Equal(2, RationalDegree.DifferenceDegree(x * x, RationalDegree.Of(1), 0)); // x² − 1
            Assert.Equal(0, RationalDegree.DifferenceDegree(x * x, RationalDegree.Of(1), 1)); // no y
            Assert.Equal(1, RationalDegree.DifferenceDegree(x, y, 0));                        // x − y
            Assert.Equal(1, RationalDegree.DifferenceDegree(x, y, 1));
        }
    }

    [Fact]
    public void DivisionByTheExactZero_SaysTheDivisorIsZeroOnTheBox()
    {
        var e = Assert.Throws<DivideByZeroException>(() => RationalDegree.Of(1) / RationalDegree.Of(0));
        Assert.Contains("exactly 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeclaredRootWithAMarkedFactor_IsMarkedAsNotRational()
    {
        RationalDegree root;
        using (var session = RationalDegree.Track(null))
        {
            // w = exp(2) is not a rational operation: the declaration cannot be checked as x ≡ w², so √x is marked.
            session.DeclareRoots([new DeclaredRoot(RationalDegree.Exp(RationalDegree.Of(2)), TimesRoot: false)]);
            root = RationalDegree.Sqrt(RationalDegree.Of(4));
        }
        Assert.NotNull(root.NotRational);
        Assert.Contains("declared factor", root.NotRational, StringComparison.Ordinal);
    }

    /// <summary>√ needs a session to track r = √D in; without one the value is marked, and the mark says why.</summary>
    [Fact]
    public void SqrtOutsideASession_IsMarkedAsOutsideDegreeTracking()
    {
        var root = RationalDegree.Sqrt(RationalDegree.Of(4));
        Assert.NotNull(root.NotRational);
        Assert.Contains("outside a degree-tracking session", root.NotRational, StringComparison.Ordinal);
    }

    /// <summary>
    /// |x| takes the branch the box decides (x ∈ [1, 2]: |x| = x); where the region is ℝ (none declared) x may be negative
    /// there, so that branch is not the region's and the session records the failure, naming |x|. With x's region [1, 2]
    /// the branch holds on the whole region and nothing fails.
    /// </summary>
    [Fact]
    public void Abs_FailsTheRegionOnlyWhereTheRegionMayTakeTheOtherBranch()
    {
        using (EnclosureSettings.UseTags([1.5], [new RationalInterval(1, 2)]))
        {
            using (var session = RationalDegree.Track(null))
            {
                _ = RationalDegree.Abs(RationalDegree.Input(1.5));
                Assert.NotNull(session.RegionFailure);
                Assert.Contains("|x| of a value ranging over", session.RegionFailure, StringComparison.Ordinal);
                Assert.Contains("is not one branch on the region", session.RegionFailure, StringComparison.Ordinal);
            }
            var oneToTwo = RegionInterval.Of(new Fractions.Fraction(1), false, new Fractions.Fraction(2), false);
            using (var session = RationalDegree.Track([oneToTwo]))
            {
                _ = RationalDegree.Abs(RationalDegree.Input(1.5));
                Assert.Null(session.RegionFailure);
            }
        }
    }

    [Fact]
    public void RepeatedSquaring_HasDegreeAPowerOfTwo_AndOverflowsRatherThanWrapping()
    {
        // Coordinate x tagged by the input 1.0, with the box [1, 1]: every power's box stays the exact point 1.
        using (EnclosureSettings.UseTags([1.0], [new RationalInterval(1, 1)]))
        using (RationalDegree.Track(null))
        {
            var power = RationalDegree.Input(1.0);
            for (int k = 0; k < 30; k++)
                power *= power;
            Assert.Equal(1 << 30, power.NumeratorDegree(0));
            Assert.Equal(0, power.DenominatorDegree(0));
            Assert.Throws<OverflowException>(() => power * power);
        }
    }
}
