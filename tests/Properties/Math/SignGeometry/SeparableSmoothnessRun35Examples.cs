using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// <see cref="SeparableSmoothnessFormulas.LowerBound"/> (the weak-duality bound ⟨H, Y⟩ of balles-thesis C.2) needs a d×d
/// dual factor V for a d×d H: a 2×3 or a 3×2 V for a 2×2 H is rejected naming <c>witness</c> with the shape it needs, each
/// on its own (a check of the rows alone or the columns alone lets one of them through); the 2×2 V = [[2, 0], [−2, 0]]
/// is accepted (Y = [[1, −1], [−1, 1]], ⟨H, Y⟩ = 2 + 3 + 2 = 7 for H = [[2, −1], [−1, 3]], by hand).
/// </summary>
public class SeparableSmoothnessRun35Examples
{
    private static readonly RealMatrix<RationalInterval> H = RealMatrix<RationalInterval>.Constant(new double[,] { { 2, -1 }, { -1, 3 } });

    [Fact]
    public void LowerBound_RejectsADualFactorOfTheWrongShape()
    {
        var wide = new SeparableWitness([3, 4], new double[,] { { 2, 0, 1 }, { -2, 0, 1 } });
        ArgumentAssert.Rejects(() => SeparableSmoothnessFormulas.LowerBound(H, wide), "witness", "must both be 2×2");
        var tall = new SeparableWitness([3, 4], new double[,] { { 2, 0 }, { -2, 0 }, { 1, 1 } });
        ArgumentAssert.Rejects(() => SeparableSmoothnessFormulas.LowerBound(H, tall), "witness", "must both be 2×2");

        var square = new SeparableWitness([3, 4], new double[,] { { 2, 0 }, { -2, 0 } });
        var seven = SeparableSmoothnessFormulas.LowerBound(H, square);
        Assert.True(seven.Lower == new Fraction(7) && seven.Upper == new Fraction(7), $"⟨H, Y⟩ = {seven}, expected 7");
    }
}
