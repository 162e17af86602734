using MathNet.Numerics.LinearAlgebra;
using Verification.Checks.Problems;
using Verification.Optimizers.FirstOrder;
using Xunit;

namespace Verification.Tests.Properties.Checks.Problems;

/// <summary>
/// <see cref="GradientSequenceObjective"/>: the recorded objective is one fixed function whose gradient along a run is
/// exactly −r^k at the k-th point, and bad input is rejected by name.
/// </summary>
public class GradientSequenceObjectiveExamples
{
    /// <summary>
    /// Gradient descent with η = 1/4 from θ₀ = 0 on r = 2: θ_{t+1} = θ_t + 2^t/4, so θ_t = (2^t − 1)/4 (exact in double),
    /// and replayed on the fixed objective the run sees ∇f(θ_t) = −2^t bit for bit; f is continuous and piecewise linear
    /// with those slopes (f(θ_t) = −Σ_{k&lt;t} 2^k·2^k/4, exact), and left of θ₀ the slope is −1.
    /// </summary>
    [Fact]
    public void GradientDescent_SeesTheGeometricSequence_OnTheReplayedFunction()
    {
        var gd = new GradientDescent(0.25);

        var f = GradientSequenceObjective.Record(gd, 2, steps: 6);

        var run = gd.Start(f, Vector<double>.Build.Dense(1));
        double expectedValue = 0;
        for (int t = 0; t < 6; t++)
        {
            var theta = run.Theta;
            Assert.Equal((Math.ScaleB(1, t) - 1) / 4, theta[0]);
            Assert.Equal(-Math.ScaleB(1, t), f.Gradient(theta)[0]);
            Assert.Equal(expectedValue, f.Value(theta));
            expectedValue -= Math.ScaleB(1, t) * Math.ScaleB(1, t) / 4;
            run.Step();
        }
        Assert.Equal(6, f.Pieces);   // six steps ask ∇f at θ₀ … θ₅ only
        Assert.Equal(-1.0, f.Gradient(Vector<double>.Build.Dense(1, -5))[0]);
        Assert.Equal(5.0, f.Value(Vector<double>.Build.Dense(1, -5)));
        Assert.Equal(0.0, f.Hessian(Vector<double>.Build.Dense(1, 0.1))[0, 0]);
    }

    /// <summary>A growth so large that the powers would overflow stops at the last finite power.</summary>
    [Fact]
    public void HugeGrowth_KeepsTheGradientFinite()
    {
        var f = GradientSequenceObjective.Record(new GradientDescent(1e-300), 1e300, steps: 4);

        var run = new GradientDescent(1e-300).Start(f, Vector<double>.Build.Dense(1));
        for (int t = 0; t < 4; t++)
        {
            Assert.True(double.IsFinite(f.Gradient(run.Theta)[0]));
            run.Step();
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Record_RejectsAGrowthOutsideThePositiveDoubles(double growth)
    {
        var e = Assert.Throws<ArgumentException>(() => GradientSequenceObjective.Record(new GradientDescent(0.1), growth, 5));
        Assert.Equal("growth", e.ParamName);
    }

    [Fact]
    public void Record_RejectsNoSteps_AndTheObjectiveRejectsAWrongLength()
    {
        Assert.Equal("steps", Assert.Throws<ArgumentException>(() => GradientSequenceObjective.Record(new GradientDescent(0.1), 2, 0)).ParamName);
        var f = GradientSequenceObjective.Record(new GradientDescent(0.1), 2, 3);
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => f.Gradient(Vector<double>.Build.Dense(2))).ParamName);
        Assert.Throws<ArgumentNullException>(() => GradientSequenceObjective.Record(null!, 2, 3));
    }
}
