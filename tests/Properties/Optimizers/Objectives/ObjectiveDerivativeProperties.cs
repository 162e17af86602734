using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// Every analytic derivative of the test functions is checked twice (design.md): a Taylor-remainder slope test
/// (the order-k expansion's error must shrink like h^(k+1)) and central finite differences.
/// </summary>
public class ObjectiveDerivativeProperties
{
    /// <summary>
    /// Step sizes h = 2^-4 … 2^-7: small enough to be in the asymptotic regime (no cancellation between the leading
    /// remainder terms), large enough that the remainder of order 3 (∝ h⁴ ≈ 4e-9) stays far above rounding (≈ 1e-16).
    /// </summary>
    private static readonly double[] Steps = [.. Enumerable.Range(4, 4).Select(k => Math.Pow(2, -k))];

    /// <summary>Below 1e-11 relative to the function's scale the remainder is rounding: expected only where the expansion is exact.</summary>
    private const double RoundingFloor = 1e-11;

    /// <summary>Central differences with h = 1e-5 have truncation error O(h²) ≈ 1e-10 and rounding ≈ ε/h ≈ 1e-11; 1e-6 leaves room.</summary>
    private const double FiniteDifferenceRelative = 1e-6;

    private static (Vector<double> Theta, Vector<double> U) Point(int seed, int n)
    {
        var random = new System.Random(seed);
        var theta = Vector<double>.Build.Dense(n, _ => random.NextDouble() * 2 - 1);
        var u = Vector<double>.Build.Dense(n, _ => random.NextDouble() * 2 - 1);
        return (theta, u / u.L2Norm());
    }

    [Theory]
    [MemberData(nameof(TestObjectives.Names), MemberType = typeof(TestObjectives))]
    public void TaylorRemainder_ShrinksAtTheExpansionsOrder(string name)
    {
        var (f, degree) = TestObjectives.All[name];
        for (int seed = 0; seed < 3; seed++)
        {
            var (theta, u) = Point(seed, f.Dimension);
            double f0 = f.Value(theta);
            double d1 = f.Gradient(theta).DotProduct(u);
            double d2 = u.DotProduct(f.Hessian(theta) * u);
            double d3 = u.DotProduct(f.ThirdDerivativeAlong(theta, u) * u);
            double scale = Math.Abs(f0) + Math.Abs(d1) + Math.Abs(d2) + Math.Abs(d3) + 1;
            for (int order = 1; order <= 3; order++)
            {
                var errors = Steps.Select(h =>
                {
                    double taylor = f0 + h * d1 + (order >= 2 ? h * h / 2 * d2 : 0) + (order >= 3 ? h * h * h / 6 * d3 : 0);
                    return Math.Abs(f.Value(theta + h * u) - taylor);
                }).ToArray();
                if (degree is int p && order >= p)
                {
                    Assert.True(errors.All(e => e <= RoundingFloor * scale),
                        $"{name}: order-{order} expansion of a degree-{p} polynomial should be exact, errors [{string.Join(", ", errors)}]");
                    continue;
                }
                // The shared check: the steepest consecutive slope must reach k + 1 − TaylorSlope.Slack; a wrong
                // derivative leaves an error of order h^k, a whole order lower.
                TaylorSlope.AssertReachesOrder($"{name} seed {seed}: order-{order} remainder", order + 1, Steps, errors);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestObjectives.Names), MemberType = typeof(TestObjectives))]
    public void Derivatives_MatchCentralDifferences(string name)
    {
        var (f, _) = TestObjectives.All[name];
        const double h = 1e-5;
        for (int seed = 10; seed < 13; seed++)
        {
            var (theta, u) = Point(seed, f.Dimension);
            double fdGradient = (f.Value(theta + h * u) - f.Value(theta - h * u)) / (2 * h);
            AssertClose(fdGradient, f.Gradient(theta).DotProduct(u), name + " gradient");
            var fdHessian = (f.Gradient(theta + h * u) - f.Gradient(theta - h * u)) / (2 * h);
            AssertClose(fdHessian, f.Hessian(theta) * u, name + " Hessian");
            var fdThird = (f.Hessian(theta + h * u) - f.Hessian(theta - h * u)) / (2 * h);
            var third = f.ThirdDerivativeAlong(theta, u);
            for (int i = 0; i < f.Dimension; i++)
                AssertClose(fdThird.Row(i), third.Row(i), name + " T[u] row " + i);
            Assert.True((third - third.Transpose()).FrobeniusNorm() <= 1e-14 * (1 + third.FrobeniusNorm()), name + ": T[u] must be symmetric");
        }
    }

    [Theory]
    [MemberData(nameof(TestObjectives.Names), MemberType = typeof(TestObjectives))]
    public void HessianLipschitz_BoundsSampledRatios(string name)
    {
        // eq. (2): the stated rigorous L_H must dominate ‖H(θ) − H(θ')‖₂/‖θ − θ'‖ at every sampled pair (a lower estimate of the truth).
        var (f, _) = TestObjectives.All[name];
        if (f.HessianLipschitz is not double lh)
            return;
        var random = new System.Random(3);
        for (int k = 0; k < 50; k++)
        {
            var a = Vector<double>.Build.Dense(f.Dimension, _ => random.NextDouble() * 8 - 4);
            var b = Vector<double>.Build.Dense(f.Dimension, _ => random.NextDouble() * 8 - 4);
            double ratio = (f.Hessian(a) - f.Hessian(b)).L2Norm() / (a - b).L2Norm();
            Assert.True(ratio <= lh * (1 + 1e-12) + 1e-14, $"{name}: ratio {ratio} exceeds L_H {lh}");
        }
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Tolerances.Close(expected, actual, FiniteDifferenceRelative, FiniteDifferenceRelative),
            $"{what}: finite difference {expected} vs analytic {actual}");

    private static void AssertClose(Vector<double> expected, Vector<double> actual, string what)
    {
        for (int i = 0; i < expected.Count; i++)
            AssertClose(expected[i], actual[i], $"{what}[{i}]");
    }
}
