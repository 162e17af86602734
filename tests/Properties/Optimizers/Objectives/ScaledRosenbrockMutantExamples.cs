using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>ScaledRosenbrock.PaperStart is lodo §5.2's initialization (x, y) = (−0.5, 2); f on the valley beyond 2^100 against exact rationals.</summary>
public class ScaledRosenbrockMutantExamples
{
    [Fact]
    public void PaperStart_IsTheSection52Initialization() =>
        Assert.Equal([-0.5, 2.0], ScaledRosenbrock.PaperStart.ToArray());

    /// <summary>
    /// x = (2^52 + 1)·2^60 and y = fl(x²) lie beyond 2^100, on the valley: r = x² − y = 2^120 exactly (the dropped last bit
    /// of x²), so f = (x − 1)²/100 + r² ≈ 2^240 is nearly all r². The written x·x − y is 0 there (f ≈ 2^217); the fused r
    /// keeps it, and f is within the stated 6u·((x − 1)²/100 + r²) of the exact value.
    /// </summary>
    [Fact]
    public void Value_OnTheValleyBeyondTheOrdinaryBand_KeepsTheSquaredResidual()
    {
        double x = Math.ScaleB(4503599627370497.0, 60), y = x * x;
        Fraction fx = ExactDouble.ToFraction(x), r = fx * fx - ExactDouble.ToFraction(y);
        Assert.Equal(ExactDouble.Pow2(120), r);
        var exact = (fx - 1) * (fx - 1) / 100 + r * r;
        double computed = new ScaledRosenbrock().Value(Vector<double>.Build.DenseOfArray([x, y]));
        Assert.True(Fraction.Abs(ExactDouble.ToFraction(computed) - exact) <= 6 * ExactDouble.Pow2(-53) * exact, $"f = {computed:R}");
    }
}
