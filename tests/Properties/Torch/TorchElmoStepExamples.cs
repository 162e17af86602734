using TorchSharp;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Math;
using Verification.Math.Torch;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Torch;

/// <summary>Hand-picked ELMO step cases: the boundary set every ELMO claim is tried on, and closed forms.</summary>
public class TorchElmoStepExamples
{
    [Fact]
    public void Step_Float64_OnEdgeCases_MatchesReference() =>
        TorchElmoStepProperties.AssertAgrees(EigenspaceInput.EdgeCases().ToArray(), ScalarType.Float64, TorchTolerances.StepFloat64);

    [Fact]
    public void Step_AtZeroCurvatureAndZeroGradient_IsZeroNotNaN()
    {
        // λ = |g| = 0 makes the rationalized denominator S + λ vanish; the where() guard must yield 0, not 0/0.
        var x = TorchElmoStepProperties.Step([new EigenspaceInput(0, 0, 1), new EigenspaceInput(-0.0, 0, 1)], ScalarType.Float64, CPU);
        Assert.Equal([0.0, 0.0], x);
    }

    [Fact]
    public void Step_ConcaveWithZeroGradient_IsTwiceCurvatureOverLipschitz()
    {
        // Eq. (7) with |g| = 0, λ < 0: (|λ| + |λ|)/L.
        var x = TorchElmoStepProperties.Step([new EigenspaceInput(-3, 0, 2)], ScalarType.Float64, CPU);
        Assert.Equal(3.0, x[0]);
    }

    [Fact]
    public void Step_LargeCurvatureTinyGradient_KeepsFullRelativePrecision()
    {
        // The naive (S − λ)/L cancels completely here (S rounds to λ); the rationalized form gives ≈ |g|/λ.
        var input = new EigenspaceInput(1e8, 1e-10, 1);
        var x = TorchElmoStepProperties.Step([input], ScalarType.Float64, CPU)[0];
        double reference = Elmo.Step(input.Lambda, input.GradMagnitude, input.Lipschitz);
        Assert.True(x > 0);
        Assert.InRange(System.Math.Abs(x - reference), 0, TorchTolerances.StepFloat64 * reference);
    }
}
