using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// Survivors of mutation run 35 in CurvatureProblem.cs. <see cref="RealMatrixRows.Row{T}"/> accepts every index in
/// [0, rows − 1], the first included. The canonical split (balles-thesis eq. 7.9) of the Gaussian mean–variance likelihood
/// (Prop. 7.1's control, f = (μ, v)) in doubles, where ∇²_f log p = [[−1/v, −a/v], [−a/v, (1/(2v) − a²)/v]] with a = (y − μ)/v
/// leaves the double range, is rejected naming θ and the matrix (its documented exception); the factor form P ⊙ Q is not
/// tried there, since a factor −a or −1/v is itself beyond the range (that form would throw the likelihood's error naming f).
/// </summary>
public sealed class CurvatureProblemRun37Examples
{
    [Fact]
    public void Row_OfEveryIndex_IsThatRow()
    {
        var a = RealMatrix<Float64>.Create(3, 2, (i, j) => Float64.Of(10 * i + j));
        for (int i = 0; i < 3; i++)
            Assert.Equal([10.0 * i, 10.0 * i + 1], a.Row(i).Select(x => x.Value));
    }

    /// <summary>A linear model with one input x = 1, θ = (0, 0, 0, v) (μ = 0, variance v as the bias) and label y.</summary>
    private static CurvatureProblem<Float64> MeanVariance(double y, double variance)
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianMeanVariance, 1);
        var theta = new[] { 0.0, 0.0, 0.0, variance }.Select(Float64.Of).ToArray();
        return new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(1)]], [[Float64.Of(y)]], theta);
    }

    /// <summary>
    /// y = 1e300, v = 1e-10: a = 1e310 is beyond the range (so are −a/v and a²), while 1/v = 1e10 is not.
    /// v = 1e-310 (subnormal), y = μ = 0: a = 0, but −1/v = −∞ (1/v &gt; double.MaxValue for v &lt; 5.6e-309).
    /// </summary>
    [Theory]
    [InlineData(1e300, 1e-10)]
    [InlineData(0.0, 1e-310)]
    public void CanonicalSplit_WithAHessianBeyondTheRange_IsRejectedNamingTheta(double y, double variance)
    {
        var problem = MeanVariance(y, variance);
        var e = Assert.IsType<DoubleRangeException>(Assert.ThrowsAny<ArgumentException>(() => problem.Split(SplitKind.Canonical)));
        Assert.Equal("theta", e.ParamName);
        Assert.Contains("the Canonical split's GGN of", e.Message, StringComparison.Ordinal);
        Assert.Contains("is beyond ±double.MaxValue", e.Message, StringComparison.Ordinal);
    }
}
