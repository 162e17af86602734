using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// The generic (dual-scalar) log-density of <see cref="GaussianIdentity"/>, log p = −(y − f)²/(2σ²) − ½log(2πσ²)
/// (eq. D.8 with a fixed variance), against the closed form worked by hand at a non-unit variance, so the normalizer's
/// sign, its factor ½ and the product 2πσ² are each checked (mutation runs 28/29).
/// </summary>
public sealed class GaussianIdentityRun28Examples
{
    /// <summary>y = 3, f = 1, σ² = 2: (y − f)²/(2σ²) = 4/4 = 1, so log p = −1 − ½log(4π) ≈ −2.2655.</summary>
    [Fact]
    public void LogDensityOverDualScalars_NonUnitVariance_MatchesTheClosedForm()
    {
        double value = new GaussianIdentity(2).LogDensity<Real>(3, [new Real(1)]).Value;
        double expected = -1 - 0.5 * Math.Log(4 * Math.PI);
        // Tolerance 1e-14 relative: a handful of roundings of terms of size ≤ 1.3 (the remarks' 8u bound), far below
        // the smallest change any wrong normalizer makes (½log 2 ≈ 0.35 or more).
        Assert.True(Math.Abs(value - expected) <= 1e-14 * Math.Abs(expected), $"{value:R} vs {expected:R}");
    }
}
