using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Data;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The residual term of the canonical split, R = −Σ_n Σ_m [∇_f log p]_m ∇²_θ f_n^(m) (eq. 7.9: ∇²_θ(−log p) = GGN + R),
/// on the plain path, by hand: the curved-linear model f = xᵀθ + (κ/2)‖θ‖² (∇²_θ f = κI, J = x + κθ) under N(y; f, 1),
/// where ∇_f log p = y − f. Mutation run 35 showed the plain path's loop over the outputs untested (only its scaled path
/// near the range's end was).
/// </summary>
public class LikelihoodProblemRun36Examples
{
    /// <summary>
    /// κ = ½, θ = (1, −1), samples x = (1, 2), y = 3 and x = (−1, ½), y = 0: (κ/2)‖θ‖² = ½, so f = −½ and −1, y − f = 7/2
    /// and 1, and R = −(9/2)·κ·I = −(9/4)·I. J = (3/2, 3/2) and (−½, 0), so GGN = [[5/2, 9/4], [9/4, 9/4]] and the
    /// Hessian of −log p is [[1/4, 9/4], [9/4, 0]], which the forward-mode Hessian (an independent route) must give.
    /// Every quantity is a small dyadic rational, exact in doubles; 1e-14 allows a few roundings of numbers below 4 and
    /// is far below any dropped or sign-flipped term (≥ 1/4).
    /// </summary>
    [Fact]
    public void ResidualTerm_OfTheCurvedLinearGaussianModel_IsMinusTheResidualsTimesKappa()
    {
        var data = new Dataset([Vector<double>.Build.DenseOfArray([1, 2]), Vector<double>.Build.DenseOfArray([-1, 0.5])], [3.0, 0.0]);
        var p = new LikelihoodProblem(new CurvedLinearModel(2, 0.5), new GaussianIdentity(), data);
        var theta = Vector<double>.Build.DenseOfArray([1, -1]);
        var residual = p.ResidualTerm(theta);
        var ggn = p.GeneralizedGaussNewton(theta);
        var hessian = p.HessianForward(theta);
        double[,] r = { { -2.25, 0 }, { 0, -2.25 } }, g = { { 2.5, 2.25 }, { 2.25, 2.25 } }, h = { { 0.25, 2.25 }, { 2.25, 0 } };
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
            {
                Assert.True(Math.Abs(residual[i, j] - r[i, j]) <= 1e-14, $"R[{i}, {j}] = {residual[i, j]:R}, expected {r[i, j]}");
                Assert.True(Math.Abs(ggn[i, j] - g[i, j]) <= 1e-14, $"G[{i}, {j}] = {ggn[i, j]:R}, expected {g[i, j]}");
                Assert.True(Math.Abs(hessian[i, j] - h[i, j]) <= 1e-14, $"H[{i}, {j}] = {hessian[i, j]:R}, expected {h[i, j]}");
            }
    }

    /// <summary>
    /// E[−∇²] at the bottom of the range, found by a review of run 34's verdicts: a linear model without bias, x = 2^-26,
    /// θ = 0, under N(y; f, σ² = 2^1022). ∇²_f log p = −1/σ² = −2^-1022 for every label, so the exact E[−∇²] is
    /// x²/σ² = 2^-52·2^-1022 = 2^-1074, the smallest subnormal, exactly representable. The sample's likelihood Hessian is
    /// outside [2^-100, 2^100], so its matrix is one scaled sum rounded once (the remarks of Hessian): the exact value.
    /// The symmetrization (A + Aᵀ)/2 must keep it: (2^-1074 + 2^-1074)/2 is exact, where halving each entry first,
    /// 2^-1075 + 2^-1075, rounds each half to 0 (ties to even) and returned 0.
    /// </summary>
    [Fact]
    public void ExpectedNegativeHessian_OfTheSmallestSubnormal_IsExact()
    {
        var data = new Dataset([Vector<double>.Build.Dense(1, Math.ScaleB(1.0, -26))], [0.0]);
        var p = new LikelihoodProblem(new LinearModel(1, bias: false), new GaussianIdentity(Math.ScaleB(1.0, 1022)), data);
        var e = p.ExpectedNegativeHessian(Vector<double>.Build.Dense(1, 0.0));
        Assert.Equal(double.Epsilon, e[0, 0]);
    }
}
