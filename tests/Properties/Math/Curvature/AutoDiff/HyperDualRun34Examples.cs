using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// The hyper-dual product's scaled branch (taken where a part is outside [2^-100, 2^100]) keeps the product rule
/// ∂₂(ab) = a·∂₂b + ∂₂a·b (mutation run 33: dropping the ∂₂a·b term survived). a = (3, 2^-200, 5, 0) forces the branch;
/// with b = (7, 1, 1, 0) the ε₂ part is 3·1 + 5·7 = 38 and the value 21, both exact in doubles.
/// </summary>
public sealed class HyperDualRun34Examples
{
    [Fact]
    public void Product_OnTheScaledBranch_KeepsBothTermsOfTheSecondPart()
    {
        var a = new HyperDual(3, Math.ScaleB(1, -200), 5, 0);
        var b = new HyperDual(7, 1, 1, 0);
        var p = a * b;
        Assert.Equal(21.0, p.Value);
        Assert.Equal(38.0, p.E2);
        // ε₁: 3·1 + 2^-200·7 rounds to 3 (the tiny term is far below half an ulp of 3); ε₁ε₂: 2^-200·1 + 5·1 rounds to 5.
        Assert.Equal(3.0, p.E1);
        Assert.Equal(5.0, p.E12);
    }
}
