using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// The rejection of √ outside its domain over <see cref="Float64"/>, as <see cref="HessianJet{T}"/> and
/// <see cref="HyperDualReal{T}"/> report it: at 0 with a seeded derivative (√' = 1/(2√x) is unbounded there) the message
/// says that the derivative part is why; below 0 without one it gives the value and does not blame a derivative part.
/// </summary>
public class ElementaryDerivativesMutantExamples
{
    private const string DerivativeReason = "with a non-zero derivative part";

    [Fact]
    public void SqrtAtZero_WithADerivative_SaysTheDerivativePartIsWhy()
    {
        ArgumentAssert.Rejects(() => HessianJet<Float64>.Sqrt(HessianJet<Float64>.Variable(Float64.Of(0), 0, 1)), "x",
            "got 0 " + DerivativeReason);
        ArgumentAssert.Rejects(() => HyperDualReal<Float64>.Sqrt(HyperDualReal<Float64>.Variable(Float64.Of(0), true, false)), "x",
            "got 0 " + DerivativeReason);
    }

    [Fact]
    public void SqrtBelowZero_OfAConstant_GivesTheValueAndNoDerivativeReason()
    {
        var jet = ArgumentAssert.Rejects(() => HessianJet<Float64>.Sqrt(HessianJet<Float64>.Constant(Float64.Of(-2))), "x", "got -2.");
        Assert.DoesNotContain(DerivativeReason, jet.Message, StringComparison.Ordinal);
        var dual = ArgumentAssert.Rejects(() => HyperDualReal<Float64>.Sqrt(HyperDualReal<Float64>.Constant(Float64.Of(-2))), "x", "got -2.");
        Assert.DoesNotContain(DerivativeReason, dual.Message, StringComparison.Ordinal);
    }
}
