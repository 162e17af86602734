using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// The generic (dual-scalar) log-density of <see cref="PoissonLog"/>, log p = y·f − eᶠ − log y!, against the value
/// worked by hand, so the sign and the argument of the log-factorial term are checked (mutation runs 28/29).
/// </summary>
public sealed class PoissonLogRun28Examples
{
    /// <summary>y = 3, f = log 2 (λ = 2): log p = 3·log 2 − 2 − log 6 = log(8/6) − 2 ≈ −1.7123.</summary>
    [Fact]
    public void LogDensityOverDualScalars_CountThree_MatchesTheClosedForm()
    {
        double value = new PoissonLog().LogDensity<Real>(3, [new Real(Math.Log(2))]).Value;
        double expected = Math.Log(8.0 / 6.0) - 2;
        // Tolerance 1e-14 relative: the terms are of size ≤ 2.1 and each is within a few u (GammaLn within ~1e-15
        // relative); a wrong log-factorial changes the value by log 6 or more.
        Assert.True(Math.Abs(value - expected) <= 1e-14 * Math.Abs(expected), $"{value:R} vs {expected:R}");
    }
}
