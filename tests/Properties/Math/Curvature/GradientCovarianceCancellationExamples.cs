using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="LikelihoodProblem.GradientCovariance"/> (eq. 7.22) where the scores nearly agree, so that the deviations
/// c_n = Σ_m s_m − N·s_n cancel (found at stop 41): Gaussian σ² = 1, f = θx with x = 1, θ = 0, so each score s_n = y_n
/// exactly. Labels 1 and 1 + 2^-52: ∇R = −(2 + 2^-52) rounds to −2 and the plain form gave c = (0, −2^-51) for the exact
/// (2^-52, −2^-52), a covariance of 2^-103 for the exact 2^-104. Bound: the doc comment's (N + 7)·u·Σ_n|c_n|²/N for the
/// exact deviations of the (here exact) scores.
/// </summary>
public class GradientCovarianceCancellationExamples
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    [Theory]
    [InlineData(1.0, 1.0000000000000002)]
    [InlineData(3.0, 3.0, 3.0000000000000004)]
    [InlineData(1e150, 1.0000000000000002e150, 1e150, 1e150)]
    [InlineData(-0.1, -0.10000000000000002, -0.1)]
    public void Covariance_OfNearlyEqualScores_IsTheExactCovariance(params double[] labels)
    {
        int n = labels.Length;
        var problem = new LikelihoodProblem(new LinearModel(1, 1, bias: false), new GaussianIdentity(1),
            new Dataset(labels.Select(_ => Vector<double>.Build.Dense(1, 1.0)).ToArray(), labels));
        double computed = problem.GradientCovariance(Vector<double>.Build.Dense(1))[0, 0];
        var scores = labels.Select(ExactDouble.ToFraction).ToArray();
        var total = scores.Aggregate(Fraction.Zero, (t, s) => t + s);
        var sumOfSquares = scores.Aggregate(Fraction.Zero, (t, s) => t + (total - n * s) * (total - n * s));
        var exact = sumOfSquares / n;
        var bound = (n + 7) * Unit * exact; // Σ|c_n c_n| = Σ c_n² here
        var error = Fraction.Abs(ExactDouble.ToFraction(computed) - exact);
        Assert.True(exact > 0 && error <= bound,
            $"Cov = {computed:R}, exact {ExactDouble.ToDouble(exact):R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
    }
}
