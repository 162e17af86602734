using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}.EmpiricalFisher"/>, F̃(θ) = Σ_n s_n s_nᵀ (balles-thesis eq. 7.3/7.7), in doubles: an
/// entry beyond ±double.MaxValue is a <see cref="DoubleRangeException"/> naming θ whose message names the quantity F̃(θ),
/// and a finite one is the hand value. Curved-linear model with κ = 0 (f = xθ), Gaussian identity (σ² = 1), θ = 0, label
/// y = 1: s = ∇_θ log p = x(y − f) = x, so F̃ = x².
/// </summary>
public class CurvatureProblemRun26Examples
{
    private static CurvatureProblem<Float64> GaussianAt(double x) =>
        new(new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, 1), Float64.Of(0),
            [[Float64.Of(x)]], [[Float64.Of(1)]], [Float64.Of(0)]);

    /// <summary>x = 2^600: F̃ = 2^1200 is beyond the range (s = 2^600 itself is not).</summary>
    [Fact]
    public void EmpiricalFisher_BeyondTheRange_IsRejectedNamingTheQuantity()
    {
        var problem = GaussianAt(Math.ScaleB(1, 600));
        var e = Assert.Throws<DoubleRangeException>(() => problem.EmpiricalFisher());
        Assert.Equal("theta", e.ParamName);
        Assert.StartsWith("F\u0303(θ) of ", e.Message, StringComparison.Ordinal);
        Assert.Contains("beyond ±double.MaxValue", e.Message, StringComparison.Ordinal);
    }

    /// <summary>x = 2^100: F̃ = 2^200, a power of two, so exact in doubles.</summary>
    [Fact]
    public void EmpiricalFisher_InTheRange_IsTheSquaredScore()
    {
        var fisher = GaussianAt(Math.ScaleB(1, 100)).EmpiricalFisher();
        Assert.Equal(Math.ScaleB(1, 200), Float64.Estimate(fisher[0, 0]));
    }
}
