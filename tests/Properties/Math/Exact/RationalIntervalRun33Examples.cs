using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// A quotient by an interval that contains 0 and other points cannot be certified: <see cref="UndecidedException"/>,
/// whose message names the divisor and says it contains 0 (mutation run 32: the message was never read).
/// </summary>
public sealed class RationalIntervalRun33Examples
{
    [Fact]
    public void Divide_ByAnIntervalAroundZero_IsUndecided_NamingTheDivisor()
    {
        var one = RationalInterval.Exact(Fraction.One);
        var divisor = new RationalInterval(new Fraction(-1, 2), new Fraction(1, 4));
        var e = Assert.Throws<UndecidedException>(() => one / divisor);
        Assert.Contains("the interval divisor [-0.5, 0.25] contains 0", e.Message, StringComparison.Ordinal);
    }
}
