using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elmo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Elmo;

/// <summary>
/// <see cref="ElmoEigenspaceFormulas.Step{T}"/> (elmo-amos eq. 7, x* = (S − λ)/L) outside its hypotheses L &gt; 0 and
/// |g| ≥ 0: rejected naming the parameter, even where the formula's terms would still evaluate (λ = 2, |g| = 1, L = −1:
/// S = √(4 − 2) is real; λ = 2, |g| = −1, L = 1: S = √(4 − 2) too), and at L = 0 (a division by 0).
/// </summary>
public class ElmoEigenspaceFormulasMutantExamples
{
    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    public void Step_WithANonPositiveLipschitzConstant_IsRejected(double lipschitz) =>
        ArgumentAssert.Rejects(() => ElmoEigenspaceFormulas.Step(Float64.Of(2), Float64.Of(1), Float64.Of(lipschitz)), "lipschitz",
            "lipschitz must be > 0");

    [Fact]
    public void Step_WithANegativeGradientMagnitude_IsRejected() =>
        ArgumentAssert.Rejects(() => ElmoEigenspaceFormulas.Step(Float64.Of(2), Float64.Of(-1), Float64.Of(1)), "gradMagnitude",
            "gradMagnitude must be ≥ 0");
}
