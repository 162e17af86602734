using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// <see cref="HessianLearningFlow.SpectralRadius"/> reads every eigenvalue the solver returns, wherever the largest |λ|
/// sits among them (a mutant taking the maximum over the first nine survived the Jordan and similarity properties, whose
/// solver rarely returns the largest after position 9). Triangular matrices of order 10 to 16 with the diagonal 1, …, n
/// (by hand: the eigenvalues are the diagonal, ρ = n, every value a small integer so the solver's answer is exact to a few
/// ulp): symmetric diagonal (the solver sorts ascending, so n comes last), upper triangular with unit off-diagonal entries
/// (the QR iteration deflates in place, so n stays last), and the same with the last diagonal entry −n (ρ = |−n|, last).
/// </summary>
public class SpectralRadiusEveryEigenvalueExamples
{
    [Theory]
    [InlineData(10)]
    [InlineData(12)]
    [InlineData(16)]
    public void SpectralRadius_WithTheLargestEigenvalueLast_IsThatEigenvalue(int n)
    {
        var diagonal = Matrix<double>.Build.Dense(n, n, (i, j) => i == j ? i + 1 : 0);
        var upper = Matrix<double>.Build.Dense(n, n, (i, j) => i == j ? i + 1 : j > i ? 1 : 0);
        var negative = Matrix<double>.Build.Dense(n, n, (i, j) => i == j ? (i == n - 1 ? -n : i + 1) : j > i ? 1 : 0);
        // n is exact; the solver's eigenvalue of a triangular (or diagonal) matrix is its diagonal entry to within a few
        // ulp (a triangular matrix is already in Schur form; 1e-12·n leaves room for a rounding in the reduction)
        Assert.Equal(n, HessianLearningFlow.SpectralRadius(diagonal), 1e-12 * n);
        Assert.Equal(n, HessianLearningFlow.SpectralRadius(upper), 1e-12 * n);
        Assert.Equal(n, HessianLearningFlow.SpectralRadius(negative), 1e-12 * n);
    }
}
