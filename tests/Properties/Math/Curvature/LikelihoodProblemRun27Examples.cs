using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="LikelihoodProblem.LogDensityHessian"/> in the ordinary range with a model Hessian that is not zero:
/// ∇²_θ log p = J ∇²_f log p J + [∇_f log p]·∇²_θ f (eq. D.20's second derivative). Curved-linear model f = xθ + (κ/2)θ²
/// (D = 1) with a unit-variance Gaussian: at θ = 0, f = 0, J = x, ∇²f = κ, ∇_f log p = y − f = y, ∇²_f log p = −1, so
/// the Hessian is −x² + yκ, by hand: x = 3, y = 2, κ = 4 gives −9 + 8 = −1; κ = −4 gives −17.
/// </summary>
public class LikelihoodProblemRun27Examples
{
    [Theory]
    [InlineData(4.0, -1.0)]
    [InlineData(-4.0, -17.0)]
    public void LogDensityHessian_AddsTheGradientTimesTheModelHessian(double kappa, double expected)
    {
        var p = new LikelihoodProblem(new CurvedLinearModel(1, kappa), new GaussianIdentity(),
            new Dataset([Vector<double>.Build.Dense(1, 3.0)], [2.0]));
        var h = p.LogDensityHessian(0, Vector<double>.Build.Dense(1), 2.0);
        // Exact: every intermediate (9, 2·κ, their sum) is a small integer, so no rounding happens.
        Assert.Equal(expected, h[0, 0]);
    }
}
