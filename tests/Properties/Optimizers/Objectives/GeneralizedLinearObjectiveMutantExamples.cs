using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>GeneralizedLinearObjective rejects a θ whose length differs from the model's parameter dimension.</summary>
public class GeneralizedLinearObjectiveMutantExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void Value_OfALongerTheta_IsRejectedNamingTheta()
    {
        var f = new GeneralizedLinearObjective(new LinearModel(1, bias: false), new BernoulliLogit(), new Dataset([V(1.0)], [1.0]), "one-sample");
        ArgumentAssert.Rejects(() => f.Value(V(1, 2)), "theta", "length 2, expected 1");
    }
}
