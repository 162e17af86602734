using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// ln over an interval whose lower end is exactly 0 (<see cref="RationalInterval.Log"/>, mutation run 30): [0, 1] holds
/// positive points, where ln is defined, and the point 0, where it is not, so nothing can be certified for all of it: it
/// is undecided (an <see cref="UndecidedException"/>), like an interval that straddles 0, and unlike [−1, 0], every point
/// of which is outside the domain (an <see cref="ArgumentException"/>).
/// </summary>
public class RationalIntervalRun32Examples
{
    [Fact]
    public void Log_OfAnIntervalFromZero_IsUndecided()
    {
        Assert.Throws<UndecidedException>(() => RationalInterval.Log(new RationalInterval(0, 1)));
        Assert.Throws<UndecidedException>(() => RationalInterval.Log(new RationalInterval(-1, 1)));
        ArgumentAssert.Rejects(() => RationalInterval.Log(new RationalInterval(-1, 0)), "x", "ln of a non-positive interval");
    }
}
