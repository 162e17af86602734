using MathNet.Numerics.LinearAlgebra;
using Verification.Math.Curvature;
using Verification.Math.Curvature.Likelihoods;
using Verification.Math.Curvature.Models;
using Verification.Math.Torch.Curvature;
using Verification.Tests.Properties.Torch;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Balles.Fisher;

/// <summary>
/// The autograd curvature matrices (TorchSharp) against the closed-form reference: float64 tightly, float32 within a
/// documented bound, on every model × likelihood pair.
/// </summary>
public class TorchCurvatureProperties
{
    /// <summary>
    /// float64: autograd and the closed forms round the same few dozen products differently; 1e-12 of max(1, |entries|)
    /// (≈ 4500 ulp) covers sums over N = 3 samples and up to ~150 Poisson nodes, while a wrong formula is off by O(1).
    /// </summary>
    private const double Float64 = 1e-12;

    /// <summary>
    /// float32 inputs (θ and x rounded once to float32 by the torch side) against the float64 reference on the same
    /// problem: the rounding of θ alone moves f by ~|θ||x|·2⁻²⁴ and the matrices by a relative few 1e-7 through exp/tanh;
    /// 1e-4 of max(1, |entries|) leaves room for the products and sums.
    /// </summary>
    private const double Float32 = 1e-4;

    public static IEnumerable<object[]> Pairs()
    {
        foreach (var l in FisherTestData.Likelihoods)
            foreach (var m in FisherTestData.Models(l.OutputDimension))
                yield return [l.Name, m.Name];
    }

    private static (LikelihoodProblem Problem, Vector<double> Theta) Case(string likelihood, string model)
    {
        var l = FisherTestData.Likelihoods.First(x => x.Name == likelihood);
        var m = FisherTestData.Models(l.OutputDimension).First(x => x.Name == model);
        return FisherTestData.Problem(new System.Random(likelihood.Length * 31 + model.Length), m, l, 3);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Float64_MatchesTheReference(string likelihood, string model)
    {
        var (p, theta) = Case(likelihood, model);
        using var scope = NewDisposeScope();
        var t = TensorConvert.Vector(theta, ScalarType.Float64);
        Compare("∇²R", p.Hessian(theta), TorchCurvature.Hessian(p, t), Float64);
        Compare("G", p.GeneralizedGaussNewton(theta), TorchCurvature.GeneralizedGaussNewton(p, t), Float64);
        Compare("F", p.Fisher(theta), TorchCurvature.Fisher(p, t), Float64);
        Compare("F̃", p.EmpiricalFisher(theta), TorchCurvature.EmpiricalFisher(p, t), Float64);
        Compare("J_0", p.Jacobian(0, theta), TorchCurvature.Jacobian(p, 0, t), Float64);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Float32_MatchesTheReferenceWithinItsBound(string likelihood, string model)
    {
        var (p, theta) = Case(likelihood, model);
        using var scope = NewDisposeScope();
        var t = TensorConvert.Vector(theta, ScalarType.Float32);
        Compare("∇²R (float32)", p.Hessian(theta), TorchCurvature.Hessian(p, t), Float32);
        Compare("F (float32)", p.Fisher(theta), TorchCurvature.Fisher(p, t), Float32);
    }

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

    private static void Compare(string what, Matrix<double> expected, Tensor actual, double tolerance)
    {
        var a = TensorConvert.ToDoubles(actual);
        var e = expected.ToRowMajorArray();
        double scale = System.Math.Max(1, e.Select(System.Math.Abs).Max());
        TorchTolerances.AssertClose(what, e, a, TorchTolerances.Uniform(e.Length, scale), tolerance, i => $"entry {i / expected.ColumnCount},{i % expected.ColumnCount}");
    }
}
