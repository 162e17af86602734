using Verification.Numerics.Curvature.Data;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="ThesisDatasets.LogisticRegression"/>, misspecified case B of balles-thesis Table D.1: y = 0 draws from
/// N((−1, −1), [[1.5, −0.9], [−0.9, 1.5]]) and y = 1 from N((1, 1), [[1.5, 0.9], [0.9, 1.5]]). The two classes differ
/// only in the sign of the mean and of the correlation, so each class's sample mean and sample covariance must match its
/// own row (mutation run 35: flipping either sign survived, as only cases Correct and A were checked).
/// </summary>
public class ThesisDatasetsRun36Examples
{
    [Theory]
    [InlineData(3)]
    [InlineData(2026)]
    public void LogisticRegression_MisspecifiedB_EachClassHasItsMeanAndCorrelation(int seed)
    {
        const int count = 4000;
        var data = ThesisDatasets.LogisticRegression(Specification.MisspecifiedB, count, seed);
        foreach (var (label, mean, offDiagonal) in new[] { (0.0, -1.0, -0.9), (1.0, 1.0, 0.9) })
        {
            var inputs = Enumerable.Range(0, count).Where(n => data.Labels[n] == label).Select(n => data.Inputs[n]).ToList();
            // Binomial(4000, ½): standard deviation ≈ 31.6, so each class has ≥ 1810 samples (6 standard deviations).
            Assert.True(inputs.Count >= 1810, $"{inputs.Count} samples of class {label}");
            int n = inputs.Count;
            double m0 = inputs.Average(x => x[0]), m1 = inputs.Average(x => x[1]);
            // A coordinate's variance is 1.5: its class mean has standard deviation ≤ √(1.5/1810) ≈ 0.029; ±0.17 is 5.9 of them.
            Assert.InRange(m0, mean - 0.17, mean + 0.17);
            Assert.InRange(m1, mean - 0.17, mean + 0.17);
            double s00 = inputs.Sum(x => (x[0] - m0) * (x[0] - m0)) / (n - 1);
            double s01 = inputs.Sum(x => (x[0] - m0) * (x[1] - m1)) / (n - 1);
            // Sample covariances of a Gaussian: Var(s_01) ≈ (σ00σ11 + σ01²)/n = 3.06/1810, standard deviation ≈ 0.041, and
            // Var(s_00) ≈ 2σ00²/n = 4.5/1810, ≈ 0.050: ±0.25 and ±0.30 are 6 of them (the two classes' s_01 are 1.8 apart).
            Assert.InRange(s01, offDiagonal - 0.25, offDiagonal + 0.25);
            Assert.InRange(s00, 1.5 - 0.30, 1.5 + 0.30);
        }
    }
}
