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

    /// <summary>
    /// F(θ) = Σ_n J_nᵀ(Σ_k w_k g_k g_kᵀ)J_n (eq. 7.2) keeps its plain form, bit for bit, where an expectation node has weight
    /// exactly 0 and every factor is otherwise ordinary: a node of weight 0 contributes nothing and cannot underflow
    /// (mutation run 35: treating it as a possible underflow sent the whole matrix to the scaled sum). Categorical softmax
    /// over 3 classes, linear model with one input: logits (0.1x + 0.2, 0.3x + 0.05, −1000), so p₃ = e^{−1000}/Σ rounds to 0.
    /// </summary>
    [Fact]
    public void Fisher_WithAZeroWeightNode_IsThePlainForm()
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.CategoricalSoftmax, 1, classes: 3);
        var theta = new[] { 0.1, 0.2, 0.3, 0.05, 0.0, -1000.0 }.Select(Float64.Of).ToArray();
        double[] inputs = [0.7, -1.3, 2.9];
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), inputs.Select(x => new[] { Float64.Of(x) }).ToArray(),
            [[Float64.Of(1), Float64.Of(0), Float64.Of(0)], [Float64.Of(0), Float64.Of(1), Float64.Of(0)], [Float64.Of(1), Float64.Of(0), Float64.Of(0)]], theta);
        var plain = CurvatureProblem<Float64>.Zero(6);
        bool zeroWeight = false;
        for (int n = 0; n < inputs.Length; n++)
        {
            var e = problem.Model(n);
            var inner = CurvatureProblem<Float64>.Zero(3);
            foreach (var (label, weight) in problem.Expectation(n))
            {
                zeroWeight |= weight.Value == 0;
                var g = problem.LogDensityDerivatives(label, e.Value).Gradient;
                inner += weight * CurvatureProblem<Float64>.Outer(g, g);
            }
            plain += e.Jacobian.Transpose() * inner * e.Jacobian;
        }
        Assert.True(zeroWeight, "the third class's probability should round to 0");
        var fisher = problem.Fisher();
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++)
                Assert.Equal(plain[i, j].Value, fisher[i, j].Value);
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
