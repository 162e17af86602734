using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Torch.Curvature;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch.Curvature;

/// <summary>Misuse of the autograd curvature code is an <see cref="ArgumentException"/> naming the parameter, never a native error.</summary>
public class TorchCurvatureExamples
{
    [Fact]
    public void BadArguments_AreArgumentExceptionsNotNativeErrors()
    {
        var p = new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(), new Dataset([Vector<double>.Build.Dense(1, 1.0)], [0.0]));
        using var scope = NewDisposeScope();
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => TorchCurvature.Fisher(p, tensor(new[] { 1.0, 2, 3 }))).ParamName);
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => TorchCurvature.Hessian(p, tensor(new[] { double.NaN, 2 }))).ParamName);
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => TorchCurvature.EmpiricalFisher(p, tensor(new[] { 1, 2 }))).ParamName);
        Assert.Throws<ArgumentException>(() => TorchCurvatureFunctions.LogDensity(new BernoulliLogit(), 0.5, tensor(new[] { 0.0 })));
    }
}
