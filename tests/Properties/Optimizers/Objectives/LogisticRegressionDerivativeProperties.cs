using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Stochastic;
using Verification.Optimizers.Objectives;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// The analytic gradient and Hessian of <see cref="LogisticRegression"/>: Taylor-remainder slopes (the k-th order
/// remainder must shrink like h^(k+1), Manopt's check_gradient/check_Hessian) and central finite differences.
/// </summary>
public class LogisticRegressionDerivativeProperties
{
    private static readonly LogisticRegression Problem = LogisticRegression.Synthetic(40, 3, 0.01, 0.1, seed: 11);

    public static Arbitrary<(double[] Theta, double[] U)> Points() =>
        (from theta in Gen.ArrayOf(Gen.Choose(-3000, 3000).Select(i => i / 1000.0), 3)
         from u in Gen.ArrayOf(Gen.Choose(-1000, 1000).Select(i => i / 1000.0), 3).Where(v => v.Any(x => x != 0))
         select (theta, u)).ToArbitrary();

    /// <summary>
    /// Remainders r(h) of order k at h and h/2: their ratio is ≈ 2^(k+1) while r is above rounding. h = 2e-3 keeps
    /// the next-order terms (which can cancel the leading one at larger h) small and r ≫ ε·|f| ≈ 1e-16 for k ≤ 2 on this
    /// well-scaled problem; the slope log2 ratio must reach k + 1 − <see cref="TaylorSlope.Slack"/>, or r be at rounding level (&lt; 1e-13).
    /// Replay of the failure that moved h from 1e-2: (14513857754425160965,7216118648360090671).
    /// </summary>
    [Property(Arbitrary = [typeof(LogisticRegressionDerivativeProperties)], MaxTest = 60)]
    public Property Gradient_AndHessian_PassTaylorRemainderSlopes((double[] Theta, double[] U) p)
    {
        var theta = Vector<double>.Build.DenseOfArray(p.Theta);
        var u = Vector<double>.Build.DenseOfArray(p.U).Normalize(2);
        double f0 = Problem.Value(theta);
        double slope1 = Problem.Gradient(theta) * u;
        double curvature = u * (Problem.Hessian(theta) * u);
        double R1(double h) => Math.Abs(Problem.Value(theta + h * u) - f0 - h * slope1);
        double R2(double h) => Math.Abs(Problem.Value(theta + h * u) - f0 - h * slope1 - h * h / 2 * curvature);
        double h0 = 2e-3;
        double[] steps = [h0, h0 / 2];
        double[] r1 = [R1(h0), R1(h0 / 2)], r2 = [R2(h0), R2(h0 / 2)];
        bool curvatureTiny = Math.Abs(curvature) < 1e-8; // then R1 is third order and its slope is ≥ 2 anyway
        return (TaylorSlope.ReachesOrder(2, steps, r1) && (curvatureTiny || TaylorSlope.ReachesOrder(3, steps, r2, roundingFloor: 1e-13)))
            .Label($"R1: {TaylorSlope.Describe(steps, r1)}; R2: {TaylorSlope.Describe(steps, r2)}");
    }

    /// <summary>Central differences of f and ∇f: error O(h²) ≈ 1e-8 at h = 1e-4, plus rounding ε|f|/h ≈ 1e-12.</summary>
    [Property(Arbitrary = [typeof(LogisticRegressionDerivativeProperties)], MaxTest = 60)]
    public Property Gradient_AndHessian_MatchCentralDifferences((double[] Theta, double[] U) p)
    {
        var theta = Vector<double>.Build.DenseOfArray(p.Theta);
        const double h = 1e-4, tolerance = 1e-7;
        var grad = Problem.Gradient(theta);
        var hess = Problem.Hessian(theta);
        double worst = 0;
        for (int i = 0; i < 3; i++)
        {
            var e = Vector<double>.Build.Dense(3);
            e[i] = h;
            double fd = (Problem.Value(theta + e) - Problem.Value(theta - e)) / (2 * h);
            worst = Math.Max(worst, Math.Abs(fd - grad[i]));
            var column = (Problem.Gradient(theta + e) - Problem.Gradient(theta - e)) / (2 * h);
            worst = Math.Max(worst, (column - hess.Column(i)).AbsoluteMaximum());
        }
        return (worst <= tolerance).Label($"worst difference {worst:R} > {tolerance}");
    }

    [Xunit.Fact]
    public void Value_AndTerms_AreStableAtExtremeMargins()
    {
        // One sample x = 1, y = 1, μ = 0: f(w) = log(1 + e^(−w)). For w ≥ 40 it equals e^(−w) to a relative 1e-17, below an
        // ulp, so Math.Exp(−w) (libm, within an ulp) is the reference; 1e-15 allows both sides a few ulp. The written
        // log(1 + e^(−w)) rounded 1 + e^(−w) to 1 and returned 0 here.
        var single = new LogisticRegression(Matrix<double>.Build.Dense(1, 1, 1.0), [1.0], 0);
        foreach (double w in new[] { 40.0, 300.0, 700.0 })
        {
            var theta = Vector<double>.Build.Dense(1, w);
            Xunit.Assert.True(Math.Abs(single.Value(theta) - Math.Exp(-w)) <= 1e-15 * Math.Exp(-w), $"f({w}) = {single.Value(theta):R}, e^-w = {Math.Exp(-w):R}");
            Xunit.Assert.Equal(single.Value(theta), single.TermValue(0, theta));
            // ∇f = −σ(−w) = −e^(−w)/(1 + e^(−w)): e^(−w) to the same relative 1e-17.
            Xunit.Assert.True(Math.Abs(single.TermGradient(0, theta)[0] + Math.Exp(-w)) <= 1e-15 * Math.Exp(-w));
        }
        Xunit.Assert.Equal(800, single.Value(Vector<double>.Build.Dense(1, -800.0)));    // log(1 + e^800) = 800 + log(1 + e^-800)
        Xunit.Assert.Equal(-1, single.TermGradient(0, Vector<double>.Build.Dense(1, -800.0))[0]);
        Xunit.Assert.Equal(0, single.Value(Vector<double>.Build.Dense(1, 800.0)));        // e^-800 < 2^-1074: 0 is the rounded value
        var bad = Xunit.Assert.Throws<ArgumentException>(() => new LogisticRegression(Matrix<double>.Build.Dense(1, 1, 1.0), [0.5], 0));
        Xunit.Assert.Equal("labels", bad.ParamName);
        Xunit.Assert.Equal("j", Xunit.Assert.Throws<ArgumentException>(() => single.TermGradient(1, Vector<double>.Build.Dense(1))).ParamName);
        Xunit.Assert.Equal("flip", Xunit.Assert.Throws<ArgumentException>(() => LogisticRegression.Synthetic(4, 2, 0, 1.5, 0)).ParamName);
    }

    [Xunit.Fact]
    public void Terms_AverageToTheObjective()
    {
        // f = (1/m)Σ f_j and ∇f = (1/m)Σ∇f_j by definition; the two sides sum the same terms in different orders, so they
        // agree to m·u·Σ|terms| ≈ 40·1.1e-16·(a few) — 1e-13 absolute on this O(1) problem.
        var theta = Vector<double>.Build.DenseOfArray([0.3, -1.2, 2.0]);
        double mean = Enumerable.Range(0, Problem.Count).Sum(j => Problem.TermValue(j, theta)) / Problem.Count;
        Xunit.Assert.InRange(mean - Problem.Value(theta), -1e-13, 1e-13);
        var gradient = Enumerable.Range(0, Problem.Count).Aggregate(Vector<double>.Build.Dense(3), (s, j) => s + Problem.TermGradient(j, theta)) / Problem.Count;
        Xunit.Assert.InRange((gradient - Problem.Gradient(theta)).AbsoluteMaximum(), 0, 1e-13);
    }
}
