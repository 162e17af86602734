using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Data;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>MeanNegativeLogLikelihood's constructor: a null problem and an empty or blank name are rejected, naming them.</summary>
public class MeanNegativeLogLikelihoodMutantExamples
{
    private static LikelihoodProblem Problem() =>
        new(new LinearModel(1), new GaussianIdentity(), ThesisDatasets.LinearRegression(Specification.Correct, 10, 1));

    [Fact]
    public void Constructor_WithNullProblem_ThrowsArgumentNullNamingProblem()
    {
        var e = Assert.Throws<ArgumentNullException>(() => _ = new MeanNegativeLogLikelihood(null!, "d2"));
        Assert.Equal("problem", e.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_WithABlankName_IsRejectedNamingName(string name) =>
        ArgumentAssert.Rejects(() => _ = new MeanNegativeLogLikelihood(Problem(), name), "name", "name must not be empty");
}
