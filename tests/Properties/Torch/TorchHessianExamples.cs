using TorchSharp;
using Verification.Math.Torch;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Torch;

/// <summary>
/// The tensor backend loads and its autograd derivatives match closed forms, for
/// f(x) = Σ x_i³ + x_0·x_1: ∇f = 3x² + (x_1, x_0, 0, …), 𝓗 = diag(6x) + (e_0e_1ᵀ + e_1e_0ᵀ).
/// </summary>
public class TorchHessianExamples
{
    private static readonly double[] Point = [0.5, -1.25, 2.0, -3.0];

    private static Tensor CubicPlusCross(Tensor x) => x.pow(3).sum() + x[0] * x[1];

    [Fact]
    public void Backend_LoadsAndComputes()
    {
        // Fails with "Failed to load native component libLibTorchSharp.so" if build/TorchSharpNativeFix.targets did not run.
        using var sum = ones(2, ScalarType.Float64).sum();
        Assert.Equal(2.0, sum.item<double>());
        Assert.False(string.IsNullOrWhiteSpace(TorchDevice.Default.Describe()));
    }

    [Fact]
    public void Hessian_ByDoubleBackward_MatchesClosedForm()
    {
        using var scope = NewDisposeScope();
        var h = TensorConvert.ToDoubles(TorchHessian.Hessian(CubicPlusCross, TensorConvert.Vector(Point, ScalarType.Float64)));
        int n = Point.Length;
        var expected = new double[n * n];
        for (int i = 0; i < n; i++)
            expected[i * n + i] = 6 * Point[i];
        expected[0 * n + 1] = expected[1 * n + 0] = 1;
        AssertClose("Hessian", expected, h);
    }

    [Fact]
    public void Gradient_MatchesClosedForm()
    {
        using var scope = NewDisposeScope();
        var g = TensorConvert.ToDoubles(TorchHessian.Gradient(CubicPlusCross, TensorConvert.Vector(Point, ScalarType.Float64)));
        var expected = Point.Select(x => 3 * x * x).ToArray();
        expected[0] += Point[1];
        expected[1] += Point[0];
        AssertClose("gradient", expected, g);
    }

    [Fact]
    public void HessianVectorProduct_EqualsHessianTimesVector()
    {
        using var scope = NewDisposeScope();
        var x = TensorConvert.Vector(Point, ScalarType.Float64);
        var v = TensorConvert.Vector([1.0, 2.0, -0.5, 0.25], ScalarType.Float64);
        var hv = TensorConvert.ToDoubles(TorchHessian.HessianVectorProduct(CubicPlusCross, x, v));
        var expected = TensorConvert.ToDoubles(TorchHessian.Hessian(CubicPlusCross, x).mv(v));
        AssertClose("HVP", expected, hv);
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
        var h = TensorConvert.ToDoubles(TorchHessian.Hessian(x => x[0] * x[0] + 3 * x[1], TensorConvert.Vector([1.0, 2.0], ScalarType.Float64)));
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

    private static void AssertClose(string what, double[] expected, double[] actual)
    {
        // Scale: the largest closed-form entry (the terms here are single products, no cancellation).
        double scale = expected.Max(System.Math.Abs);
        TorchTolerances.AssertClose(what, expected, actual, TorchTolerances.Uniform(expected.Length, scale),
            TorchTolerances.AutogradFloat64, i => $"entry {i} at x = [{string.Join(", ", Point)}]");
    }
}
