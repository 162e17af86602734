using Verification.Numerics.Curvature.Data;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="ThesisDatasets.LogisticRegression"/> (balles-thesis Table D.1): each label is a fair coin and each input is
/// drawn from its label's Gaussian, so over N = 400 samples both labels occur about N/2 times and each class's input mean
/// is near its Table D.1 mean (the correct case: (1, 1) for y = 0, (−1, −1) for y = 1).
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
}
