using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The rejections of <see cref="CurvatureProblem{T}.Split"/> on its scaled-sum path (balles-thesis eqs. 7.9, 7.10, 7.14):
/// where a sample's J·∇²_b a may underflow the GGN is one scaled sum, and a GGN or residual term beyond ±double.MaxValue
/// must still be rejected naming θ and saying which of the two pieces left the range. Curved-linear model
/// f = xθ + κθ²/2 (J = x + κθ, ∇²f = κ), unit-variance Gaussian (∇_b a = f − y, ∇²_b a = 1), θ = 0 so f = 0; sample 0 has
/// x = 2^-1020, y = 0, whose product J·∇²_b a = 2^-1020 selects the scaled sum, and adds 0 to the residual term and
/// 2^-2040 to the GGN.
/// </summary>
public class CurvatureProblemRun31Examples
{
    private static readonly double TinyInput = Math.ScaleB(1, -1020);

    private static CurvatureProblem<Float64> Problem(double kappa, double secondInput, double secondLabel) => new(
        new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, 1), Float64.Of(kappa),
        [[Float64.Of(TinyInput)], [Float64.Of(secondInput)]], [[Float64.Of(0)], [Float64.Of(secondLabel)]], [Float64.Of(0)]);

    /// <summary>
    /// κ = 0 and a second sample x = 2^600, y = 0: G = 2^-2040 + (2^600)² = 2^-2040 + 2^1200, beyond the range (the residual
    /// term is 0). Below, x = 2^500 gives G = 2^1000 + 2^-2040, which rounds to 2^1000 (a double).
    /// </summary>
    [Fact]
    public void ScaledGgn_BeyondTheRange_IsRejectedNamingTheGgn()
    {
        var e = Assert.Throws<DoubleRangeException>(() => Problem(0, Math.ScaleB(1, 600), 0).Split(SplitKind.Canonical));
        Assert.Equal("theta", e.ParamName);
        Assert.StartsWith("the Canonical split's GGN of gaussian-identity is beyond ±double.MaxValue", e.Message, StringComparison.Ordinal);

        var (ggn, residual) = Problem(0, Math.ScaleB(1, 500), 0).Split(SplitKind.Canonical);
        Assert.Equal(Math.ScaleB(1, 1000), ggn[0, 0].Value);
        Assert.Equal(0, residual[0, 0].Value);
    }

    /// <summary>
    /// κ = 2^600 and a second sample x = 1, y = −2^500: J = 1 and G = 1 + 2^-2040 (rounds to 1), but the residual term
    /// Σ_n (f − y_n)·κ = 2^500·2^600 = 2^1100 is beyond the range. Below, y = −2^400 gives 2^1000 exactly.
    /// </summary>
    [Fact]
    public void ResidualTermOnTheScaledPath_BeyondTheRange_IsRejectedNamingTheResidualTerm()
    {
        double kappa = Math.ScaleB(1, 600);
        var e = Assert.Throws<DoubleRangeException>(() => Problem(kappa, 1, -Math.ScaleB(1, 500)).Split(SplitKind.Canonical));
        Assert.Equal("theta", e.ParamName);
        Assert.StartsWith("the Canonical split's residual term of gaussian-identity is beyond ±double.MaxValue", e.Message, StringComparison.Ordinal);

        var (ggn, residual) = Problem(kappa, 1, -Math.ScaleB(1, 400)).Split(SplitKind.Canonical);
        Assert.Equal(1, ggn[0, 0].Value);
        Assert.Equal(Math.ScaleB(1, 1000), residual[0, 0].Value);
    }
}
