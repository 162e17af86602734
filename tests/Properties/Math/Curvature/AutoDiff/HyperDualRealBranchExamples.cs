using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// <see cref="HyperDualReal{T}"/>'s text form (used in failure messages) names each of its four parts and the mixed ε₁ε₂
/// unit, so a reported counterexample can be read back.
/// </summary>
public class HyperDualRealBranchExamples
{
    [Fact]
    public void Text_ShowsEveryPart()
    {
        var x = new HyperDualReal<Float64>(new Float64(2), new Float64(3), new Float64(5), new Float64(7));
        var text = x.ToString();
        foreach (var part in new[] { 2.0, 3.0, 5.0, 7.0 })
            Assert.Contains(new Float64(part).ToString()!, text, StringComparison.Ordinal);
        Assert.Contains("ε₁ε₂", text, StringComparison.Ordinal);
    }
}
