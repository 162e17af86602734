using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// The hyper-dual quotient on its scaled path (parts below 2^-100), where the mixed part is
/// q₁₂ = a₁₂/b − (a₁b₂ + a₂b₁ + a·b₁₂)/b² + 2a·b₁b₂/b³: with a seeded only in ε₂ and b only in ε₁, the term a₂b₁/b² is
/// the whole mixed part, the mixed derivative ∂²(x/y)/∂x∂y = −1/y² scaled by the seeds (mutation runs 28/29).
/// </summary>
public sealed class HyperDualRun28Examples
{
    /// <summary>a = 1 + 2^-200·ε₂, b = 2 + 2^-200·ε₁: q = ½, q₁ = −2^-200/4, q₂ = 2^-200/2, q₁₂ = −2^-400/4, all powers of two (exact).</summary>
    [Fact]
    public void Quotient_TinyCrossSeededParts_KeepsTheMixedTerm()
    {
        double seed = Math.ScaleB(1, -200);
        var q = new HyperDual(1, 0, seed, 0) / new HyperDual(2, seed, 0, 0);
        Assert.Equal(0.5, q.Value);
        Assert.Equal(-Math.ScaleB(1, -202), q.E1);
        Assert.Equal(Math.ScaleB(1, -201), q.E2);
        Assert.Equal(-Math.ScaleB(1, -402), q.E12);
    }
}
