using Verification.Figures;
using Verification.Numerics.Random;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Regression.Balles.Sign;

/// <summary>The sign-geometry figures' data against closed forms (appendix C.2) and the bounds of eq. (6.22).</summary>
public class SignGeometryPlotDataExamples
{
    [Fact]
    public void Rotation_MatchesC14_AndIsOneWhenAxisAligned()
    {
        // H = R(ω) diag(1, λ) R(ω)ᵀ has a + d = 1 + λ and |b| = (λ − 1)|sin ω cos ω|: L∞/L₂ = (1 + λ + 2|b|)/λ (C.14).
        var degrees = SignGeometryRotationPlot.Degrees();
        foreach (double l in SignGeometryRotationPlot.LambdaMaxes)
        {
            var ratio = SignGeometryRotationPlot.Ratio(l, degrees);
            for (int i = 0; i < degrees.Length; i++)
            {
                double w = degrees[i] * Math.PI / 180;
                double expected = (1 + l + 2 * (l - 1) * Math.Abs(Math.Sin(w) * Math.Cos(w))) / l;
                // Rotation and reassembly: a few roundings of entries of size λ; 1e-13 relative.
                Assert.True(Math.Abs(ratio[i] - expected) <= 1e-13 * expected, $"λ = {l}, ω = {degrees[i]}°: {ratio[i]:R} vs {expected:R}");
            }
            Assert.True(Math.Abs(ratio[0] - (1 + l) / l) <= 1e-15 * ratio[0]);
        }
    }

    [Fact]
    public void Dimension_StaysWithinEq622_AndIsOnePlusOverLambdaAtPhiZero()
    {
        foreach (double phi in SignGeometryDimensionPlot.Phis)
        {
            var ratio = SignGeometryDimensionPlot.Ratio(phi);
            for (int k = 0; k < ratio.Length; k++)
            {
                int d = SignGeometryDimensionPlot.Dimensions[k];
                // 1 ≤ L∞/L₂ ≤ d (eq. 6.22), up to the rotation's rounding (1e-12 relative).
                Assert.InRange(ratio[k], 1 - 1e-12, d * (1 + 1e-12));
                if (phi == 0)
                    // Axis-aligned diag(1, …, 1, λ): L∞ = Σλ_i = d − 1 + λ.
                    Assert.True(Math.Abs(ratio[k] - (d - 1 + SignGeometryDimensionPlot.LambdaMax) / SignGeometryDimensionPlot.LambdaMax) <= 1e-13);
            }
        }
    }

    [Fact]
    public void Distance_SignGdBeatsGdWhenAxisAligned_ForLargeLambda()
    {
        // Fig. 6.3's finding at ω = 0 (axis-aligned, λ_max/λ̄ large): sign-GD ends closer to θ* than GD.
        var (gd, sign) = SignDescentDistancePlot.Distances(100, [0.0]);
        Assert.True(sign[0] < gd[0], $"sign-GD {sign[0]:R} vs GD {gd[0]:R}");
    }

    [Fact]
    public void DimensionDistance_Gd_AxisAligned_MatchesItsClosedForm()
    {
        // φ = 0: H = diag(1, …, 1, λ_max) and GD with α = 1/λ_max contracts coordinate i by (1 − λ_i/λ_max) per step, so
        // ‖θ_T‖² = Σ_i (1 − λ_i/λ_max)^(2T) θ₀,i² (the last coordinate is 0 after one step).
        var (gd, _) = SignDescentDimensionPlot.Distances(0);
        var dims = SignGeometryDimensionPlot.Dimensions;
        double shrink = Math.Pow(1 - 1 / SignDescentDimensionPlot.LambdaMax, 2 * SignDescentDistancePlot.Steps);
        for (int k = 0; k < dims.Length; k++)
        {
            int d = dims[k];
            var random = new System.Random(6300 + d);
            double expected = 0;
            for (int s = 0; s < SignDescentDimensionPlot.Starts; s++)
            {
                var theta0 = Enumerable.Range(0, d).Select(_ => StandardNormal.Draw(random)).ToArray();
                expected += theta0.Take(d - 1).Sum(x => x * x) * shrink / SignDescentDimensionPlot.Starts;
            }
            // 100 steps each rounding θ by about an ulp: ~1e-14 relative; 1e-12 leaves room for the sum over starts.
            Assert.True(Math.Abs(gd[k] - expected) <= 1e-12 * expected, $"d = {d}: {gd[k]:R} vs closed form {expected:R}");
        }
    }

    [Fact]
    public void Registry_HasTheSignGeometryFigures()
    {
        var names = PlotRegistry.All.Select(p => p.FileName).ToList();
        Assert.Contains("sign-geometry-rotation.png", names);
        Assert.Contains("sign-geometry-dimension.png", names);
        Assert.Contains("sign-descent-distance.png", names);
        Assert.Contains("sign-descent-dimension.png", names);
    }
}
