using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// Which formula <see cref="NoisyQuadraticBowl.Loss"/> (ℓ = ½bᵀHb of the noisy bowl, lodo §5.1) uses, as its remarks state:
/// where H's diagonal is at least 2^-900 and its entries at most 2^900 in magnitude, the plain formula on b scaled by 2^-t
/// (t = ⌊log₂ max|b_i|⌋) with ℓ scaled by 4^t after, bit for bit; elsewhere ½bᵀHb exactly, rounded once. The displacements
/// are chosen where the two differ (checked), so that each case tells the formulas apart:
/// <list type="bullet">
/// <item>an ordinary bowl (n = 10, spectrum 0.001…1) and bowls with every eigenvalue 2^-900 or 2^900 whose H reaches the
/// limits exactly (the smallest diagonal entry is 2^-900, resp. the largest entry 2^900: seeds found by search, the limit
/// asserted): plain;</item>
/// <item>a bowl with every eigenvalue 2^1023 whose H has an off-diagonal entry of at most 2^900 (so its smallest entry is
/// in range, its largest not): exact, and at b = (1.9, 0) ℓ = ½·1.9²·H₀₀ ≈ 1.62e308 fits, where the plain formula's
/// H₀₀·1.9 overflows.</item>
/// </list>
/// </summary>
public class NoisyQuadraticBowlRun35Examples
{
    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static double Plain(NoisyQuadraticBowl bowl, Vector<double> b)
    {
        int t = Math.ILogB(b.Enumerate().Max(Math.Abs));
        var scaled = b.Map(v => Math.ScaleB(v, -t));
        return Math.ScaleB(0.5 * scaled.DotProduct(bowl.Hessian * scaled), 2 * t);
    }

    private static double RoundedOnce(NoisyQuadraticBowl bowl, Vector<double> b)
    {
        var sum = Fraction.Zero;
        for (int i = 0; i < b.Count; i++)
            for (int j = 0; j < b.Count; j++)
                sum += F(b[i]) * F(bowl.Hessian[i, j]) * F(b[j]);
        return ExactDouble.ToDouble(sum / 2);
    }

    private static void AssertPlain(NoisyQuadraticBowl bowl, int seed)
    {
        var random = new System.Random(seed);
        int distinguishing = 0;
        for (int k = 0; k < 40; k++)
        {
            var b = Vector<double>.Build.Dense(bowl.Dimension, _ => (2 * random.NextDouble() - 1) * Math.ScaleB(1.0, random.Next(-8, 9)));
            double plain = Plain(bowl, b);
            Assert.Equal(plain, bowl.Loss(b));
            if (plain != RoundedOnce(bowl, b))
                distinguishing++;
        }
        Assert.True(distinguishing > 0, "no displacement where the plain formula and the rounded-once value differ");
    }

    [Fact]
    public void Loss_OfAnOrdinaryBowl_IsThePlainScaledFormula() => AssertPlain(new NoisyQuadraticBowl(10, 1.0, 35), 1);

    [Fact]
    public void Loss_WhereTheSmallestDiagonalEntryIsExactlyTheLowerLimit_IsThePlainScaledFormula()
    {
        double low = Math.ScaleB(1.0, -900);
        var bowl = new NoisyQuadraticBowl(2, 1.0, SeedLow, low, low);
        Assert.Equal(low, bowl.Hessian.Diagonal().Minimum());
        AssertPlain(bowl, 2);
    }

    [Fact]
    public void Loss_WhereTheLargestEntryIsExactlyTheUpperLimit_IsThePlainScaledFormula()
    {
        double high = Math.ScaleB(1.0, 900);
        var bowl = new NoisyQuadraticBowl(2, 1.0, SeedHigh, high, high);
        Assert.Equal(high, bowl.Hessian.Enumerate().Max(Math.Abs));
        AssertPlain(bowl, 3);
    }

    [Fact]
    public void Loss_WhereOnlySomeEntriesAreInRange_IsRoundedOnce()
    {
        double top = Math.ScaleB(1.0, 1023);
        var bowl = new NoisyQuadraticBowl(2, 1.0, SeedTop, top, top);
        Assert.True(Math.Abs(bowl.Hessian[0, 1]) <= Math.ScaleB(1.0, 900), $"H₀₁ = {bowl.Hessian[0, 1]:R}");
        var b = Vector<double>.Build.DenseOfArray([1.9, 0.0]);
        double expected = ExactDouble.ToDouble(F(1.9) * F(1.9) * F(bowl.Hessian[0, 0]) / 2);
        Assert.True(double.IsFinite(expected));
        Assert.Equal(expected, bowl.Loss(b));
    }

    private const int SeedLow = 14, SeedHigh = 83, SeedTop = 20;
}
