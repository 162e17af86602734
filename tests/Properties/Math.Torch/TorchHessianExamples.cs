using TorchSharp;
using Verification.Numerics.Torch;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch;

/// <summary>
/// The tensor backend loads, and the autograd derivatives behave at the edges: inside <c>no_grad</c>, for functions
/// linear in some coordinates or constant, and without touching the caller's tensor. (Agreement with closed forms on every
/// device is in <see cref="AgreementTable"/>, "autograd/closed-form".)
/// </summary>
public class TorchHessianExamples
{
    /// <summary>The exponent 3 of x³, held for the process (a temporary Scalar can be freed mid-call; see TorchScalars).</summary>
    private static readonly Scalar CubeExponent = 3.ToScalar();

    private static readonly double[] Point = [0.5, -1.25, 2.0, -3.0];

    private static Tensor CubicPlusCross(Tensor x) => x.pow(CubeExponent).sum().Plus(x[0] * x[1]);

    [Fact]
    public void Backend_LoadsAndComputes()
    {
        // Fails with "Failed to load native component libLibTorchSharp.so" if build/TorchSharpNativeFix.targets did not run.
        using var sum = ones(2, ScalarType.Float64).sum();
        Assert.Equal(2.0, sum.item<double>());
        Assert.False(string.IsNullOrWhiteSpace(TorchDevice.Default.Describe()));
    }

    [Fact]
    public void Hessian_InsideNoGrad_StillDifferentiates()
    {
        // Callers may hold torch.no_grad(); the derivative functions re-enable gradients for their own graph.
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var h = TensorConvert.ToDoubles(TorchHessian.Hessian(x => (x * x).sum(), TensorConvert.Vector([1.0, 2.0], ScalarType.Float64)));
        Assert.Equal([2.0, 0.0, 0.0, 2.0], h);
    }

    [Fact]
    public void Hessian_OfFunctionLinearInSomeCoordinates_HasZeroRowsThere()
    {
        // ∂f/∂x_1 is constant, so its graph does not reach x: the row must be 0, not an autograd error.
        using var scope = NewDisposeScope();
        var h = TensorConvert.ToDoubles(TorchHessian.Hessian(x => (x[0] * x[0]).Plus(x[1].Times(3)), TensorConvert.Vector([1.0, 2.0], ScalarType.Float64)));
        Assert.Equal([2.0, 0.0, 0.0, 0.0], h);
    }

    [Fact]
    public void Derivatives_OfConstantFunction_AreZero()
    {
        using var scope = NewDisposeScope();
        var x = TensorConvert.Vector([1.0, 2.0], ScalarType.Float64);
        Tensor Constant(Tensor _) => tensor(7.0, ScalarType.Float64);
        Assert.Equal([0.0, 0.0], TensorConvert.ToDoubles(TorchHessian.Gradient(Constant, x)));
        Assert.Equal([0.0, 0.0, 0.0, 0.0], TensorConvert.ToDoubles(TorchHessian.Hessian(Constant, x)));
    }

    [Fact]
    public void Hessian_LeavesCallersTensorUntouched()
    {
        using var scope = NewDisposeScope();
        var x = TensorConvert.Vector(Point, ScalarType.Float64);
        _ = TorchHessian.Hessian(CubicPlusCross, x);
        Assert.False(x.requires_grad);
        Assert.Equal(Point, TensorConvert.ToDoubles(x));
    }
}
