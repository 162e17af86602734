using Verification.Numerics.Random;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Random;

/// <summary>
/// The one Box–Muller sampler: the order in which it consumes uniforms (seeded experiments and snapshots depend on it)
/// and its first moments and tail mass.
/// </summary>
public class StandardNormalExamples
{
    /// <summary>
    /// Draws for the moment checks. Each check allows 5 standard errors of its estimator (mean: 1/√n; sample variance
    /// of a normal: √(2/n); a tail frequency p: √(p(1−p)/n)), so a correct sampler fails with probability below 1e-6.
    /// </summary>
    private const int Draws = 200_000;

    private const double StandardErrors = 5;

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(int.MaxValue)]
    public void Draw_ConsumesTwoUniforms_FirstForTheRadius_SecondForTheAngle(int seed)
    {
        var sampler = new System.Random(seed);
        var uniforms = new System.Random(seed);
        for (int k = 0; k < 5; k++)
        {
            double u1 = 1 - uniforms.NextDouble(), u2 = uniforms.NextDouble();
            double radius = Math.Sqrt(-2 * Math.Log(u1));
            Assert.Equal(radius * Math.Cos(2 * Math.PI * u2), StandardNormal.Draw(sampler));
        }
        Assert.Equal(uniforms.NextDouble(), sampler.NextDouble());
    }

    [Fact]
    public void Draw_HasMeanZero_VarianceOne_AndTheNormalTailMass()
    {
        var random = new System.Random(20261201);
        double sum = 0, sumSquares = 0;
        int inside = 0;
        for (int i = 0; i < Draws; i++)
        {
            double z = StandardNormal.Draw(random);
            Assert.True(double.IsFinite(z) && Math.Abs(z) <= 8.6, $"draw {i} = {z} beyond √(2·53·ln 2)");
            sum += z;
            sumSquares += z * z;
            if (Math.Abs(z) <= 1.959963984540054)
                inside++;
        }
        double mean = sum / Draws;
        double variance = (sumSquares - Draws * mean * mean) / (Draws - 1);
        double fraction = (double)inside / Draws;
        Assert.InRange(mean, -StandardErrors / Math.Sqrt(Draws), StandardErrors / Math.Sqrt(Draws));
        Assert.InRange(variance, 1 - StandardErrors * Math.Sqrt(2.0 / Draws), 1 + StandardErrors * Math.Sqrt(2.0 / Draws));
        double tail = StandardErrors * Math.Sqrt(0.95 * 0.05 / Draws);
        Assert.InRange(fraction, 0.95 - tail, 0.95 + tail);
    }

    [Fact]
    public void Draw_RejectsNull() =>
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => StandardNormal.Draw(null!)).ParamName);
}
