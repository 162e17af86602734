using Verification.Numerics.Curvature.Data;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="ThesisDatasets.LogisticRegression"/> (balles-thesis Table D.1): each label is a fair coin and each input is
/// drawn from its label's Gaussian, so over N = 400 samples both labels occur about N/2 times and each class's input mean
/// is near its Table D.1 mean (the correct case: (1, 1) for y = 0, (−1, −1) for y = 1; misspecified case A: (1.5, 1.5)
/// with covariance 3I for y = 0, (−1.5, −1.5) with covariance I for y = 1).
/// </summary>
public class ThesisDatasetsMutantExamples
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2024)]
    public void LogisticRegression_LabelsAreFairCoinsAndInputsFollowTheirClass(int seed)
    {
        const int count = 400;
        var data = ThesisDatasets.LogisticRegression(Specification.Correct, count, seed);
        int ones = data.Labels.Count(y => y == 1);
        Assert.Equal(count, ones + data.Labels.Count(y => y == 0));
        // Binomial(400, ½): mean 200, standard deviation 10; 140..260 is ±6 standard deviations.
        Assert.InRange(ones, 140, 260);
        foreach (var (label, mean) in new[] { (0.0, 1.0), (1.0, -1.0) })
        {
            var inputs = Enumerable.Range(0, count).Where(n => data.Labels[n] == label).Select(n => data.Inputs[n]).ToList();
            // Each coordinate has variance 2, so a class mean over ≥ 140 samples has standard deviation ≤ 0.12; ±0.72 is 6 of them.
            for (int i = 0; i < 2; i++)
                Assert.InRange(inputs.Average(x => x[i]), mean - 0.72, mean + 0.72);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2024)]
    public void LogisticRegression_MisspecifiedA_InputsFollowTheirClassMean(int seed)
    {
        const int count = 400;
        var data = ThesisDatasets.LogisticRegression(Specification.MisspecifiedA, count, seed);
        foreach (var (label, mean) in new[] { (0.0, 1.5), (1.0, -1.5) })
        {
            var inputs = Enumerable.Range(0, count).Where(n => data.Labels[n] == label).Select(n => data.Inputs[n]).ToList();
            // Binomial(400, ½) gives each class ≥ 140 samples (±6 standard deviations); with variance at most 3 a coordinate's
            // class mean has standard deviation ≤ √(3/140) ≈ 0.15, and ±0.9 is 6 of them (the classes' means are 3 apart).
            Assert.True(inputs.Count >= 140, $"{inputs.Count} samples of class {label}");
            for (int i = 0; i < 2; i++)
                Assert.InRange(inputs.Average(x => x[i]), mean - 0.9, mean + 0.9);
        }
    }
}
