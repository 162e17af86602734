using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Xunit;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Properties.Optimizers;

/// <summary>Notation 7/8's ΔΔ and ΔΔ' on hand-computed cases.</summary>
public class RelativeDistanceExamples
{
    [Fact]
    public void RelativeDistance_OfElmoItself_IsZero_OfNoStep_IsMinusOne_OfNewton_IsClosedForm()
    {
        // f = ½θᵀdiag(2, −1)θ − bᵀθ at θ = 0: g = −b = (−1, −1); L = 1.
        // λ = 2: x* = 2|g|/(λ + √(λ² + 2L|g|)) = 2/(2 + √6); Newton's |g|/λ = 1/2, so ΔΔ' = (1/2)/x* − 1 = (2 + √6)/4 − 1.
        var f = Quadratic.Diagonal(Vector<double>.Build.DenseOfArray([2.0, -1.0]), Vector<double>.Build.DenseOfArray([1.0, 1.0]));
        var theta = Vector<double>.Build.Dense(2);
        var it = new ElmoOptimizer(new ConstantLipschitz(1)).Iterate(f, theta);
        Assert.All(it.DistanceFrom(it.Step).Relative, r => Assert.InRange(r, -1e-15, 1e-15));
        Assert.All(it.DistanceFrom(Vector<double>.Build.Dense(2)).Relative, r => Assert.Equal(-1.0, r));
        var newton = new Newton().Update(f, theta);
        int convex = Array.IndexOf(it.Eigen.Values, 2.0);
        double expected = (2 + Math.Sqrt(6)) / 4 - 1;
        Assert.InRange(it.DistanceFrom(newton).Relative[convex] - expected, -1e-15, 1e-15);
    }

    [Fact]
    public void RelativeDistance_WhereElmoDoesNotMove_IsZeroOrInfiniteNotNaN()
    {
        // g = 0 and λ = 1 > 0: x* = 0, so ΔΔ' is 0 for the same step and +∞ for a positive one.
        var f = Quadratic.Diagonal(Vector<double>.Build.DenseOfArray([1.0]), Vector<double>.Build.Dense(1));
        var it = new ElmoOptimizer(new ConstantLipschitz(1)).Iterate(f, Vector<double>.Build.Dense(1));
        Assert.Equal(0.0, it.DistanceFrom(Vector<double>.Build.Dense(1)).Relative[0]);
        Assert.True(double.IsInfinity(it.DistanceFrom(Vector<double>.Build.DenseOfArray([it.Eigen.Vectors[0, 0]])).Relative[0]));
    }
}
