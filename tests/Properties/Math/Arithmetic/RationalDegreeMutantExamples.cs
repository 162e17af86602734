using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// Hand-derived examples for <see cref="RationalDegree"/>: a divisor whose range over the region excludes 0 is no region
/// failure, one whose range contains 0 is; and the degree of the numerator of lhs − rhs is the larger of the rational
/// part's and the root part's (x² − 1 has degree 2 in x, x − y degree 1 in each).
/// </summary>
public class RationalDegreeMutantExamples
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
}
