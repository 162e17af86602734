using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Data;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Data;

/// <summary>
/// Every guard of the thesis's data sets and of the direct GLM fit (issue 15, item 1): an unknown specification case, a
/// count below 1, a model or likelihood that is not scalar and natural, and data of the wrong input length are rejected
/// naming the parameter and the range; the smallest accepted count draws one sample, and the accepted fit is the least
/// squares line through two points (the Gaussian identity likelihood's MLE).
/// </summary>
public sealed class DataRejectionExamples
{
    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    [Fact]
    public void ThesisDatasets_RejectAnUnknownCase()
    {
        const Specification unknown = (Specification)3;
        ArgumentAssert.Rejects(() => ThesisDatasets.LinearRegression(unknown, 1, 0), "case_", "must be Correct, MisspecifiedA or MisspecifiedB, got 3");
        ArgumentAssert.Rejects(() => ThesisDatasets.LogisticRegression(unknown, 1, 0), "case_", "must be Correct, MisspecifiedA or MisspecifiedB, got 3");
    }

    /// <summary>count ≥ 1: 0 is rejected by all three generators; 1 gives one sample (a 0/1 label for the logistic data).</summary>
    [Fact]
    public void ThesisDatasets_RejectACountOfZero()
    {
        ArgumentAssert.Rejects(() => ThesisDatasets.LinearRegression(Specification.Correct, 0, 0), "count", "count must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => ThesisDatasets.LogisticRegression(Specification.Correct, 0, 0), "count", "count must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => ThesisDatasets.Figure71(0, 0), "count", "count must be ≥ 1, got 0");
        Assert.Equal(1, ThesisDatasets.LinearRegression(Specification.MisspecifiedB, 1, 0).Count);
        var logistic = ThesisDatasets.LogisticRegression(Specification.MisspecifiedA, 1, 0);
        Assert.Equal(1, logistic.Count);
        Assert.Contains(logistic.Labels[0], new[] { 0.0, 1.0 });
        var figure = ThesisDatasets.Figure71(1, 0);
        Assert.True(figure.Inputs[0][0] > 0); // x = exp(·) > 0
    }

    [Fact]
    public void MaximumLikelihood_RejectsANonScalarOrNonNaturalPair()
    {
        var data = new Dataset([V(0), V(1)], [1.0, 3.0]);
        ArgumentAssert.Rejects(() => GeneralizedLinearFit.MaximumLikelihood(new LinearModel(1, 2), new GaussianIdentity(), data),
            "likelihood", "needs a scalar linear model and a natural scalar likelihood");
        ArgumentAssert.Rejects(() => GeneralizedLinearFit.MaximumLikelihood(new LinearModel(1), new CategoricalSoftmax(2), data),
            "likelihood", "needs a scalar linear model and a natural scalar likelihood");
        ArgumentAssert.Rejects(() => GeneralizedLinearFit.MaximumLikelihood(new LinearModel(1), new BernoulliProbability(), new Dataset([V(0), V(1)], [0.0, 1.0])),
            "likelihood", "needs a scalar linear model and a natural scalar likelihood");
        ArgumentAssert.Rejects(() => GeneralizedLinearFit.MaximumLikelihood(new LinearModel(2), new GaussianIdentity(), data),
            "data", "data has length 1, expected 2");
        // The Gaussian MLE through (0, 1) and (1, 3) is the line f = 2x + 1, θ = (w, b) = (2, 1); 1e-9: Newton's stopping rule.
        var fit = GeneralizedLinearFit.MaximumLikelihood(new LinearModel(1), new GaussianIdentity(), data);
        Assert.Equal(2.0, fit.Theta[0], 1e-9);
        Assert.Equal(1.0, fit.Theta[1], 1e-9);
    }
}
