using Verification.Optimizers.Torch;
using Verification.Tests.Properties.Numerics.Torch;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Optimizers.Torch;

/// <summary>
/// The tensor ELMO where it departs from the reference by design (a zero Lanczos step at a stationary point) and its input
/// validation; its agreement with the reference ELMO on every device is in <see cref="AgreementTable"/>, "optimizers/elmo/…".
/// </summary>
public class TorchElmoOptimizerExamples
{
    private static double[] Tensor(TorchOptimizerCase c, double l, ScalarType type, int denseLimit = 64)
    {
        using var scope = NewDisposeScope();
        var theta = TensorConvert.Vector(c.Theta, type);
        return TensorConvert.ToDoubles(new TorchElmoOptimizer(l, denseLimit, c.Theta.Count).Step(c.Function(type), theta));
    }

    [Fact]
    public void Lanczos_AtStationaryPoint_GivesZeroStepNotNaN()
    {
        // ∇f(0) = 0: the Krylov space is empty, so no direction is known; the dense path would escape along λ < 0.
        var c = TorchOptimizerCase.Random(5, 4) with { Theta = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(4) };
        Assert.All(Tensor(c, 1, ScalarType.Float64, denseLimit: 0), x => Assert.Equal(0.0, x));
        Assert.All(Tensor(c, 1, ScalarType.Float64), x => Assert.True(double.IsFinite(x)));
    }

    [Fact]
    public void Step_RejectsBadInput()
    {
        var c = TorchOptimizerCase.Random(1, 2);
        Assert.Throws<ArgumentException>(() => new TorchElmoOptimizer(0));
        Assert.Throws<ArgumentException>(() => new TorchElmoOptimizer(double.NaN));
        Assert.Throws<ArgumentException>(() => new TorchElmoOptimizer(1, lanczosSteps: 0));
        using var nan = TensorConvert.Vector([double.NaN, 0], ScalarType.Float64);
        var e = Assert.Throws<ArgumentException>(() => new TorchElmoOptimizer(1).Step(c.Function(ScalarType.Float64), nan));
        Assert.Equal("theta", e.ParamName);
        using var ints = tensor(new long[] { 1, 2 });
        Assert.Throws<ArgumentException>(() => new TorchElmoOptimizer(1).Step(c.Function(ScalarType.Float64), ints));
    }
}
