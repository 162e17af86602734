using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// Review of stop 39's Gaussian mean–variance changes: inputs where a = (y − μ)/v underflows all the way to 0 while
/// y ≠ μ and v is large enough for the factors P ⊙ Q to be used. Linear model with one input x and θ = (0, 0, 1, 0), so
/// μ = 0, v = x and J = [[x, 1, 0, 0], [0, 0, x, 1]]; the entry G[0, 2] = x²·r/v² = r is a normal double.
/// </summary>
public class Review39Examples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    /// <summary>
    /// At x = v = 1e200, y = 1e-130 the exact a = 1e-330 is below 2^-1075 and rounds to 0, so the factors' P_μv = −a was 0
    /// and G[0, 2] = x²·(r/v²) = r = 1e-130 came out 0 (the subnormal branch was guarded by a ≠ 0). Expected: r in
    /// rationals, within 3u relatively for P ⊙ Q (M's 2u, 1/v's u) and the same 40 ulp as
    /// GaussianMeanVarianceRangeExamples' HessianUlps for the curvature matrices (13u of the scaled sum, no cancellation
    /// in this entry: its only nonzero term is x·(r/v²)·x). Cases with |a/v| ≥ 2^-2022, where the factor 2^(E+1000)/v is
    /// normal (below, P ⊙ Q cannot hold −r/v² to u: at x = 1e300, y = −3e-40 it is 0; there the curvature matrices take ∇²
    /// as M·2^E since stop 40, GaussianMeanVarianceScaledHessianExamples).
    /// </summary>
    [Theory]
    [InlineData(1e200, 1e-130)]
    [InlineData(1e250, -1e-80)]
    [InlineData(2e154, 5e-175)]
    public void CurvatureMatrices_WhereAUnderflowsToZero_KeepTheCrossEntry(double x, double y)
    {
        Assert.True(Fraction.Abs(Q(y) / Q(x)) < ExactDouble.Pow2(-1075), "a must round to 0 here");
        AssertCrossEntry(x, y);
    }

    /// <summary>
    /// At x = v = 1e300, y = 2^-40 (a ≈ 2^-1036.6, subnormal; |a/v| ≈ 2^-2033) the factor Q_μv = 2^(E+1000)/v was
    /// subnormal (about 42 bits), so P ⊙ Q and G[0, 2] = r = 2^-40 were about 2^-43 relatively off; with the split
    /// M·2^-1021 · 2^(E+1021)/v both factors are normal down to |a/v| = 2^-2043. Same references and bounds as above.
    /// </summary>
    [Theory]
    [InlineData(1e300, 9.094947017729282e-13)] // 2^-40
    [InlineData(1e300, -3e-12)]
    [InlineData(1e305, 1e-3)]
    public void CurvatureMatrices_WhereTheOldSplitLeftQSubnormal_KeepTheCrossEntry(double x, double y)
    {
        Fraction a = Q(y) / Q(x);
        Assert.True(Fraction.Abs(a / Q(x)) < ExactDouble.Pow2(-2022) && Fraction.Abs(a / Q(x)) >= ExactDouble.Pow2(-2042),
            "|a/v| must lie in [2^-2042, 2^-2022) here");
        AssertCrossEntry(x, y);
    }

    private static void AssertCrossEntry(double x, double y)
    {
        Fraction r = Q(y), v = Q(x);
        var (pf, qf) = new GaussianMeanVariance().HessianFactors(y, V(0, x))!.Value;
        var exactCross = -r / (v * v);
        var u = ExactDouble.Pow2(-53);
        var product = Q(pf[0, 1]) * Q(qf[0, 1]);
        Assert.True(Fraction.Abs(product - exactCross) <= 3 * u * Fraction.Abs(exactCross),
            $"P⊙Q[0, 1] off by {ExactDouble.ToDouble(Fraction.Abs(product - exactCross) / Fraction.Abs(exactCross)):R} relatively");

        var exact = RationalInterval.Exact(v * v * r / (v * v)); // G[0, 2] = x·(r/v²)·x with x = v
        var p = new LikelihoodProblem(new LinearModel(1, 2), new GaussianMeanVariance(), new Dataset([V(x)], [y]));
        var theta = V(0, 0, 1, 0);
        Assert.True(ExactDouble.UlpError(p.GeneralizedGaussNewton(theta)[0, 2], exact) <= 40, "LikelihoodProblem G[0, 2]");
        Assert.True(ExactDouble.UlpError(p.Hessian(theta)[0, 2], exact) <= 40, "LikelihoodProblem ∇²R[0, 2]");

        var problem = GaussianMeanVarianceScaledHessianExamples.LinearProblem(x, y, 0, 0, 1, 0);
        Assert.True(ExactDouble.UlpError(problem.GeneralizedGaussNewton()[0, 2].Value, exact) <= 40, "CurvatureProblem G[0, 2]");
    }
}
