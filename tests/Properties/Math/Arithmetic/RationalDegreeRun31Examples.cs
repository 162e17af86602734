using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// <see cref="RationalDegree.NotRational"/> names the operation that made a value non-rational and says so: exp, log,
/// erf, erfc and π are marked "… is not a rational operation", rational values carry no mark, and a value computed from
/// a marked one keeps the first mark (the identity method reports it as the reason it does not apply).
/// </summary>
public class RationalDegreeRun31Examples
{
    private static RationalDegree Compute(string operation) => operation switch
    {
        "exp" => RationalDegree.Exp(RationalDegree.Of(1)),
        "log" => RationalDegree.Log(RationalDegree.Of(2)),
        "erf" => RationalDegree.Erf(RationalDegree.Of(1)),
        "erfc" => RationalDegree.Erfc(RationalDegree.Of(1)),
        "π" => RationalDegree.Pi,
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    [Theory]
    [InlineData("exp")]
    [InlineData("log")]
    [InlineData("erf")]
    [InlineData("erfc")]
    [InlineData("π")]
    public void NonRationalOperation_IsMarkedWithItsNameAndTheReason(string operation)
    {
        var marked = Compute(operation);
        Assert.Equal($"{operation} is not a rational operation", marked.NotRational);
        // Arithmetic on a marked value keeps its mark; a rational value has none.
        Assert.Equal(marked.NotRational, (2 * marked + RationalDegree.Of(3)).NotRational);
        Assert.Null((2 * RationalDegree.Of(1) + RationalDegree.Of(3)).NotRational);
    }
}
