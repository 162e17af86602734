using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// The step −(γ/L)·g of thesis Props. 4.1 and 4.2: a gradient entry that is not finite is the documented rejection of the
/// input (naming the caller's parameter and saying the entry is not finite), not a step computed from it and then
/// reported as one beyond the double range.
/// </summary>
public class SmoothnessStepInputExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>γ = ½, L = 2 (γ/L = ¼, the plain form) and γ = 2^-1080 as mantissa·2^exponent (the scaled form).</summary>
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Of_RejectsANonFiniteGradientEntry_AsNotFinite(double bad)
    {
        ArgumentAssert.Rejects(() => SmoothnessStep.Of(0.5, 2, V(1, bad), "sample"), "sample", "sample[1] must be finite");
        ArgumentAssert.Rejects(() => SmoothnessStep.Of(1, -1080, 2, V(1, bad), "sample"), "sample", "sample[1] must be finite");
    }
}
