using Verification.Optimizers.SecondOrder;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>Hand-picked range cases of AMOS's running Lipschitz estimate (Alg. 2 line 5), each a former failure.</summary>
public class AmosRangeExamples
{
    /// <summary>λ_t = 1e308, λ_t−1 = −1e308, ε₂ + d = 1e10, α = 0.5: ½·2e308/1e10 = 1e298 (|Δλ| overflowed first: +∞).</summary>
    [Fact]
    public void RunningLipschitz_WhereTheChangeOverflows_IsFinite() =>
        Assert.Equal(1e298, Amos.RunningLipschitz(0, 0.5, 1e308, -1e308, 1, 1e10 - 1), 1e298 * 1e-15);

    /// <summary>ε₂ = d = 1.5e308, |Δλ| = 1e308, α = 0: 1e308/3e308 = 1/3 (ε₂ + d overflowed first: 0).</summary>
    [Fact]
    public void RunningLipschitz_WhereTheGapOverflows_IsTheQuotient() =>
        Assert.Equal(1.0 / 3, Amos.RunningLipschitz(0, 0, 1e308, 0, 1.5e308, 1.5e308), 1e-15);

    /// <summary>A NaN eigenvalue and α = 1 are ArgumentExceptions naming them (a silent NaN estimate before).</summary>
    [Fact]
    public void RunningLipschitz_OutOfRange_NamesTheParameter()
    {
        Assert.Equal("lambdaNow", Assert.Throws<ArgumentException>(() => Amos.RunningLipschitz(0, 0.5, double.NaN, 0, 1, 1)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentException>(() => Amos.RunningLipschitz(0, 1, 0, 0, 1, 1)).ParamName);
    }
}
