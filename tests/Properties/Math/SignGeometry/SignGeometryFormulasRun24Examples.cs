using Verification.Numerics.Arithmetic;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// Coordinate descent, the ℓ1-norm steepest step of balles-thesis eq. (C.2): −(g_k/L)·e_k at the first k maximizing
/// |g_k|; and Σ_i |H_ii| summed over every diagonal entry. All values are small integers and halves, exact in doubles.
/// </summary>
public class SignGeometryFormulasRun24Examples
{
    private static double[] Step(double[] g, double lipschitz) =>
        [.. SignGeometryFormulas.Step(SteepestNorm.One, RealVector.Constant<Float64>(g), Float64.Of(lipschitz)).Select(Float64.Estimate)];

    [Fact]
    public void OneNormStep_MovesOnlyTheLargestCoordinate()
    {
        // |g| = (1, 3, 2): k = 1, step −(−3)/2 = 3/2 there and 0 elsewhere.
        Assert.Equal([0.0, 1.5, 0.0], Step([1, -3, 2], 2));
        // The largest is last: k = 2.
        Assert.Equal([0.0, 0.0, -2.0], Step([1, -3, 4], 2));
    }

    [Fact]
    public void OneNormStep_AtATie_TakesTheFirstLargestCoordinate()
    {
        // |g| = (1, 2, 2): the first maximizer is k = 1, step −(−2)/2 = 1 there.
        Assert.Equal([0.0, 1.0, 0.0], Step([1, -2, 2], 2));
    }

    [Fact]
    public void DiagonalL1_SumsTheAbsoluteValueOfEveryDiagonalEntry()
    {
        // |1| + |−2| + |3| = 6; the off-diagonal entries (7, −5) do not count.
        var h = RealMatrix<Float64>.Constant(new double[,] { { 1, 7, 0 }, { 7, -2, -5 }, { 0, -5, 3 } });
        Assert.Equal(6.0, Float64.Estimate(SignGeometryFormulas.DiagonalL1(h)));
    }
}
