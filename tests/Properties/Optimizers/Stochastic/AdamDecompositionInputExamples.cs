using Verification.Numerics.Exact;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>The input contract of <see cref="AdamDecomposition"/> (thesis eqs. 5.5–5.7) and its far-outside branch.</summary>
public class AdamDecompositionInputExamples
{
    /// <summary>m = NaN and v &lt; 0 are rejected naming the parameter (unchecked, η̂² and γ were NaN or −2 at m = 1, v = −1).</summary>
    [Theory]
    [InlineData(double.NaN, 1.0, "m")]
    [InlineData(1.0, -1.0, "v")]
    public void BadInputs_AreRejectedNamingTheParameter(double m, double v, string name)
    {
        Assert.Equal(name, Assert.Throws<ArgumentException>(() => AdamDecomposition.RelativeVariance(m, v)).ParamName);
        Assert.Equal(name, Assert.Throws<ArgumentException>(() => AdamDecomposition.Factor(m, v)).ParamName);
    }

    /// <summary>m = v = 0: η̂² = 0/0 and γ = 0/0 are rejected, naming m and saying why; m = 0 &lt; v gives η̂² = ∞ and γ = 0.</summary>
    [Fact]
    public void ZeroMomentAndVariance_IsRejected_ZeroMomentAlone_IsTheLimit()
    {
        var relative = Assert.Throws<ArgumentException>(() => AdamDecomposition.RelativeVariance(0, 0));
        Assert.Equal("m", relative.ParamName);
        Assert.Contains("0/0", relative.Message);
        var factor = Assert.Throws<ArgumentException>(() => AdamDecomposition.Factor(0, 0));
        Assert.Equal("m", factor.ParamName);
        Assert.Contains("undefined", factor.Message);
        Assert.Equal(double.PositiveInfinity, AdamDecomposition.RelativeVariance(0, 1e-300));
        Assert.Equal(0, AdamDecomposition.Factor(0, 1e-300));
    }

    /// <summary>
    /// m = 1.875·2^-10, v = 1.5·2^1004: v/m² ≈ 0.43·2^1024 is far outside (½, 2), and η̂² = v/m² − 1 ≈ 7.7e307 is finite.
    /// The scaled form v′ = 2^20·v overflows here, so only the direct form (v/|m| − |m|)/|m| gets it; within the stated 4 ulp
    /// of the exact rational value.
    /// </summary>
    [Fact]
    public void FarOutside_WhereTheScaledVarianceWouldOverflow_IsWithinFourUlp()
    {
        double m = Math.ScaleB(1.875, -10), v = Math.ScaleB(1.5, 1004);
        var fm = ExactDouble.ToFraction(m);
        var exact = ExactDouble.ToFraction(v) / (fm * fm) - Fractions.Fraction.One;
        double computed = AdamDecomposition.RelativeVariance(m, v);
        Assert.True(double.IsFinite(computed), $"η̂² = {computed:R}");
        double error = ExactDouble.UlpError(computed, RationalInterval.Exact(exact));
        Assert.InRange(error, 0, 4);
    }
}
