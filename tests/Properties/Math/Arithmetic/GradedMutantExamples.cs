using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// Dimensional analysis by <see cref="Graded"/>: a sum of two quantities of degree 1 has degree 1 (not "no degree"), and a
/// sum of two nonzero constants has degree 0, which is not the degree 1 of an input, so the two are no scale-invariant
/// relation. Degrees here are small integers, compared exactly.
/// </summary>
public class GradedMutantExamples
{
    [Fact]
    public void Sum_KeepsTheCommonDegree()
    {
        using (EnclosureSettings.UseTags([1.5], [new RationalInterval(1, 2)]))
        using (EnclosureSettings.UseDegrees([[1.0]]))
        {
            var x = Graded.Input(1.5);
            Assert.Equal([1.0], (x + x).Degree!);
            Assert.Equal([2.0], ((x + x) * x).Degree!);
        }
    }

    [Fact]
    public void SumOfConstants_HasDegreeZero_NotAnInputsDegree()
    {
        using (EnclosureSettings.UseTags([1.5], [new RationalInterval(1, 2)]))
        using (EnclosureSettings.UseDegrees([[1.0]]))
        {
            var x = Graded.Input(1.5);
            Graded three = (Graded)1 + 2;
            Assert.False(Graded.SameDegree(three, x));
            Assert.True(Graded.SameDegree(three, 5));
            Assert.True(Graded.SameDegree(x + x, x));
        }
    }
}
