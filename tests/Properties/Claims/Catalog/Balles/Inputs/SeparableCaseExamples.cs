using Fractions;
using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Claims.Catalog.Balles.Inputs;

/// <summary>The hypotheses of separable smoothness (eq. 6.4, and its two-sided reading) and its ℓ∞ constant Σ l_i.</summary>
public class SeparableCaseExamples
{
    private static RealMatrix<Float64> Matrix(double[,] h) =>
        new(new Float64[,] { { new(h[0, 0]), new(h[0, 1]) }, { new(h[1, 0]), new(h[1, 1]) } });

    private static Float64[] Vector(params double[] l) => [.. l.Select(v => new Float64(v))];

    /// <summary>
    /// H = diag(1, −3) with l = (1, 1): diag(l) − H = diag(0, 4) ⪰ 0 meets eq. (6.4), but diag(l) + H = diag(2, −2) does not,
    /// so only the one-sided reading holds.
    /// </summary>
    [Fact]
    public void AssumeSeparable_TellsTheOneSidedFromTheTwoSidedReading()
    {
        var h = Matrix(new double[,] { { 1, 0 }, { 0, -3 } });
        SeparableCase.AssumeSeparable(h, Vector(1, 1), twoSided: false);
        var e = Assert.Throws<HypothesisException>(() => SeparableCase.AssumeSeparable(h, Vector(1, 1), twoSided: true));
        Assert.Equal("−diag(l) ⋠ H (not 1-smooth w.r.t. ‖·‖_L)", e.Message);
    }

    [Theory]
    [InlineData(1.0, 0.0, "some l_i ≤ 0 (eq. 6.4 needs l_i > 0)")]
    [InlineData(-1.0, 5.0, "some l_i ≤ 0 (eq. 6.4 needs l_i > 0)")]
    [InlineData(1.0, 1.0, "H ⋠ diag(l)")] // H = [[2, 0], [0, 0]]: diag(l) − H = diag(−1, 1)
    public void AssumeSeparable_RejectsWithTheFirstHypothesisThatFails(double l1, double l2, string reason)
    {
        var h = Matrix(new double[,] { { 2, 0 }, { 0, 0 } });
        var e = Assert.Throws<HypothesisException>(() => SeparableCase.AssumeSeparable(h, Vector(l1, l2), twoSided: false));
        Assert.Equal(reason, e.Message);
    }

    /// <summary>Σ l_i in exact rationals equals the exact sum (1e300 + 1e-300 is not a double; the enclosure keeps it).</summary>
    [Fact]
    public void LInfinity_IsTheSumOfTheSeparableConstants()
    {
        var sum = SeparableCase.LInfinity(new[] { RationalInterval.Exact(1e300), RationalInterval.Exact(1e-300), RationalInterval.Exact(0.5) });
        var expected = ExactDouble.ToFraction(1e300) + ExactDouble.ToFraction(1e-300) + new Fraction(1, 2);
        Assert.Equal(expected, sum.Lower);
        Assert.Equal(expected, sum.Upper);
    }
}
