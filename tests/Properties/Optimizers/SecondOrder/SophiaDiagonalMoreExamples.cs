using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.SecondOrder;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// The Sophia-style OPT² of elmo-amos App. K by hand: its hyperparameters' ranges, the clipped step
/// −η·clip(m/max(ρh, ε), 1) on each side of the clip and of the ε floor, the moment update βx + (1 − β)y, and the
/// refresh of the curvature moment on every k-th owned step.
/// </summary>
public class SophiaDiagonalMoreExamples
{
    private static Vector<double> Of(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    [Fact]
    public void Constructor_RejectsEachOutOfRangeHyperparameter_NamingIt()
    {
        ArgumentAssert.Rejects(() => new SophiaDiagonal(0), "learningRate", "learningRate must be > 0");
        ArgumentAssert.Rejects(() => new SophiaDiagonal(1, rho: -1), "rho", "rho must be > 0");
        ArgumentAssert.Rejects(() => new SophiaDiagonal(1, beta1: 1), "beta1", "beta1 must lie in [0, 1), got 1.");
        ArgumentAssert.Rejects(() => new SophiaDiagonal(1, beta1: -0.1), "beta1", "beta1 must be ≥ 0");
        ArgumentAssert.Rejects(() => new SophiaDiagonal(1, beta2: 1.5), "beta2", "beta2 must lie in [0, 1), got 1.5.");
        ArgumentAssert.Rejects(() => new SophiaDiagonal(1, epsilon: 0), "epsilon", "epsilon must be > 0");
        ArgumentAssert.Rejects(() => new SophiaDiagonal(1, hessianEvery: 0), "hessianEvery", "hessianEvery must be ≥ 1, got 0.");
    }

    /// <summary>The closed ends β = 0 and k = 1 are allowed, and each value is kept as given; the name shows η and ρ.</summary>
    [Fact]
    public void Constructor_KeepsTheHyperparameters()
    {
        var sophia = new SophiaDiagonal(0.5, rho: 0.25, beta1: 0, beta2: 0, epsilon: 1e-9, hessianEvery: 1);
        Assert.Equal(0.5, sophia.LearningRate);
        Assert.Equal(0.25, sophia.Rho);
        Assert.Equal(0, sophia.Beta1);
        Assert.Equal(0, sophia.Beta2);
        Assert.Equal(1e-9, sophia.Epsilon);
        Assert.Equal(1, sophia.HessianEvery);
        Assert.Equal("sophia(η=0.5, ρ=0.25)", sophia.Name);
        var defaults = new SophiaDiagonal(0.1);
        Assert.Equal((0.01, 0.9, 0.95, 1e-12, 1), (defaults.Rho, defaults.Beta1, defaults.Beta2, defaults.Epsilon, defaults.HessianEvery));
    }

    /// <summary>
    /// η = ½, ρ = ½, h = 1 (ρh = ½): m = ¼ gives ratio ½ and Δ = −¼; m = ½ sits on the clip (ratio 1, Δ = −½); m = 2 and
    /// m = −2 are clipped to ∓½; m = 0 gives no step. With h = −1 or h = 0 the denominator is ε = 2^-20 and m = 2^-22
    /// gives ratio ¼ (Δ = −⅛), m = 1 the clip.
    /// </summary>
    [Fact]
    public void Update_IsTheClippedRatio()
    {
        var sophia = new SophiaDiagonal(0.5, rho: 0.5, epsilon: Math.ScaleB(1, -20));
        Assert.Equal(-0.25, sophia.Update(0.25, 1));
        Assert.Equal(-0.5, sophia.Update(0.5, 1));
        Assert.Equal(-0.5, sophia.Update(2, 1));
        Assert.Equal(0.5, sophia.Update(-2, 1));
        Assert.Equal(0, sophia.Update(0, 1));
        Assert.Equal(-0.125, sophia.Update(Math.ScaleB(1, -22), -1));
        Assert.Equal(-0.125, sophia.Update(Math.ScaleB(1, -22), 0));
        Assert.Equal(-0.5, sophia.Update(1, -1));
        // ρh = ε exactly (h = 2^-19): the maximum is ε either way, ratio m/ε.
        Assert.Equal(-0.125, sophia.Update(Math.ScaleB(1, -22), Math.ScaleB(1, -19)));
        // ρh just above ε (h = 2^-18, ρh = 2^-19 = 2ε): the ratio is m/(ρh), half of m/ε.
        Assert.Equal(-0.0625, sophia.Update(Math.ScaleB(1, -22), Math.ScaleB(1, -18)));
        ArgumentAssert.Rejects(() => sophia.Update(1, double.PositiveInfinity), "h", "h must be finite");
    }

    /// <summary>
    /// A subnormal ε = 2^-1070 above a subnormal ρh = 2^-1072 (ρ = 1): the denominator is ε, not ρh, so m = 2^-1074 gives
    /// ratio 2^-4 and Δ = −η/16 with η = 1 (ρh itself would give −¼).
    /// </summary>
    [Fact]
    public void Update_WithSubnormalEpsilon_TakesTheLargerDenominator()
    {
        var sophia = new SophiaDiagonal(1, rho: 1, epsilon: Math.ScaleB(1, -1070));
        Assert.Equal(-0.0625, sophia.Update(double.Epsilon, Math.ScaleB(1, -1072)));
        // ρh = 2^-1068 above ε: now ρh is the denominator, ratio 2^-6.
        Assert.Equal(-Math.ScaleB(1, -6), sophia.Update(double.Epsilon, Math.ScaleB(1, -1068)));
        // h = 0 (a fresh curvature moment), ρ = ½: max(0, ε) = ε, ratio 2^-4 again, not the clip.
        Assert.Equal(-0.0625, new SophiaDiagonal(1, rho: 0.5, epsilon: Math.ScaleB(1, -1070)).Update(double.Epsilon, 0));
    }

    /// <summary>x ← βx + (1 − β)y: β = ¾, x = 4, y = 8 gives 5; β = 0 gives y; out-of-range inputs are named.</summary>
    [Fact]
    public void MomentUpdate_IsTheConvexCombination()
    {
        Assert.Equal(5, SophiaDiagonal.MomentUpdate(0.75, 4, 8));
        Assert.Equal(8, SophiaDiagonal.MomentUpdate(0, 4, 8));
        Assert.Equal(-1, SophiaDiagonal.MomentUpdate(0.5, 0, -2));
        ArgumentAssert.Rejects(() => SophiaDiagonal.MomentUpdate(1, 4, 8), "beta", "beta must lie in [0, 1), got 1.");
        ArgumentAssert.Rejects(() => SophiaDiagonal.MomentUpdate(-0.5, 4, 8), "beta", "beta must be ≥ 0");
        ArgumentAssert.Rejects(() => SophiaDiagonal.MomentUpdate(0.5, double.NaN, 8), "average", "average must be finite");
        ArgumentAssert.Rejects(() => SophiaDiagonal.MomentUpdate(0.5, 4, double.NegativeInfinity), "sample", "sample must be finite");
    }

    /// <summary>
    /// k = 3: the Hessian diagonal is read on owned steps 0, 3, 6 (three reads in seven steps), and between reads h keeps
    /// its value. β₁ = 0 (m = g), β₂ = ½, ρ = 1, η = 1, diag H = 4 then 8: h = 2 after step 0, so steps 0–2 with g = 1 are
    /// −½; step 3 reads 8, h = ½·2 + ½·8 = 5 and the step is −⅕.
    /// </summary>
    [Fact]
    public void Rule_RefreshesTheCurvatureEveryKthStep()
    {
        var sophia = new SophiaDiagonal(1, rho: 1, beta1: 0, beta2: 0.5, hessianEvery: 3);
        int reads = 0;
        Vector<double> Diagonal()
        {
            reads++;
            return Of(reads == 1 ? 4 : 8);
        }

        var rule = sophia.StartCoordinates(1);
        var steps = new List<double>();
        for (int t = 0; t < 7; t++)
        {
            var delta = Of(double.NaN);
            rule.Step(Of(1), Diagonal, [0], delta);
            steps.Add(delta[0]);
        }
        Assert.Equal(3, reads);
        Assert.Equal(new[] { -0.5, -0.5, -0.5 }, steps.Take(3));
        Assert.Equal(-0.2, steps[3], 1e-15); // one rounding of 1/5
        Assert.Equal(steps[3], steps[5]);
    }
}
