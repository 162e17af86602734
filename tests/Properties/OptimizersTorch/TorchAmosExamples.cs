using Verification.Optimizers.Reference;
using Verification.Optimizers.Torch;
using Verification.Tests.Properties.Torch;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.OptimizersTorch;

/// <summary>The tensor AMOS against the reference <see cref="Amos"/> (SGD | diagonal Sophia).</summary>
public class TorchAmosExamples
{
    /// <summary>
    /// float64, 8 steps: autograd vs closed-form gradient and diagonal differ by a few ulp per step, and the Sophia
    /// clip and the threshold comparison are piecewise; away from their kinks the runs agree to ~1e-14 relative.
    /// </summary>
    private const double Float64Relative = 1e-12;

    private const int Steps = 8;

    public static TheoryData<int, int, AmosAssignment> Cases => new()
    {
        { 1, 3, AmosAssignment.PerCoordinate },
        { 2, 4, AmosAssignment.PerTensorMean },
        { 3, 4, AmosAssignment.PerTensorMax },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float64_MatchesReferenceRun(int seed, int n, AmosAssignment mode)
    {
        var c = TorchOptimizerCase.Random(seed, n);
        int[][]? tensors = mode == AmosAssignment.PerCoordinate ? null : [Enumerable.Range(0, n / 2).ToArray(), Enumerable.Range(n / 2, n - n / 2).ToArray()];
        var settings = new AmosSettings(0.005, AlphaL: 0.7, Assignment: mode, Tensors: tensors);
        var sgd = new ElementwiseSgd(0.05);
        var sophia = new SophiaDiagonal(0.05);
        var reference = (Amos.AmosRun)new Amos(sgd, sophia, settings).Start(c.Reference, c.Theta);
        using var scope = NewDisposeScope();
        using var run = new TorchAmos(settings, sgd, sophia).Start(c.Function(ScalarType.Float64), TensorConvert.Vector(c.Theta, ScalarType.Float64));
        bool sawBoth = false;
        for (int t = 0; t < Steps; t++)
        {
            reference.Step();
            run.Step();
            var expected = reference.Theta.ToArray();
            var actual = TensorConvert.ToDoubles(run.Theta);
            double scale = expected.Max(System.Math.Abs);
            for (int i = 0; i < n; i++)
                Assert.True(System.Math.Abs(expected[i] - actual[i]) <= Float64Relative * scale, $"t = {t}, θ_{i}: reference {expected[i]:R}, tensor {actual[i]:R}");
            var assigned = TensorConvert.ToDoubles(run.UsesFirstOrder.to_type(ScalarType.Float64)).Select(x => x != 0).ToArray();
            Assert.Equal(reference.UsesFirstOrder, assigned);
            sawBoth |= assigned.Any(b => b) && assigned.Any(b => !b);
        }
        // Not a guarantee of the algorithm, but of this test's reach: note whether both optimizers were exercised.
        Assert.True(sawBoth || mode != AmosAssignment.PerCoordinate, "the per-coordinate case never split the coordinates");
    }

    [Fact]
    public void Hutchinson_ManyParameters_RunsFinite()
    {
        // n = 300 > DenseLimit: the diagonal comes from seeded Rademacher HVPs; f = ½Σ d_i θ_i² + (0.1/6)(Σθ_i/√n)³.
        const int n = 300;
        using var scope = NewDisposeScope();
        var d = linspace(-1, 2, n, dtype: ScalarType.Float64);
        var u = ones(n, dtype: ScalarType.Float64) / System.Math.Sqrt(n);
        Func<Tensor, Tensor> f = x => 0.5 * (d * x * x).sum() + 0.1 / 6 * u.dot(x).pow(3);
        var settings = new AmosSettings(1e-3, AlphaL: 0.5, Assignment: AmosAssignment.PerTensorMean,
            Tensors: [Enumerable.Range(0, 100).ToArray(), Enumerable.Range(100, 200).ToArray()]);
        using var run = new TorchAmos(settings, new ElementwiseSgd(0.01), new SophiaDiagonal(0.01), denseLimit: 16, hutchinsonSamples: 4, seed: 3)
            .Start(f, full(n, 0.5, dtype: ScalarType.Float64));
        for (int t = 0; t < 4; t++)
            run.Step();
        Assert.True(isfinite(run.Theta).all().item<bool>());
        Assert.True(run.Lipschitz.ge(0).all().item<bool>());
    }

    [Fact]
    public void RejectsBadInput()
    {
        var settings = new AmosSettings(0.1, Tensors: [[0], [0]], Assignment: AmosAssignment.PerTensorMean);
        var c = TorchOptimizerCase.Random(1, 2);
        using var theta = TensorConvert.Vector(c.Theta, ScalarType.Float64);
        var e = Assert.Throws<ArgumentException>(() => new TorchAmos(settings, new ElementwiseSgd(0.1), new SophiaDiagonal(0.1)).Start(c.Function(ScalarType.Float64), theta));
        Assert.Equal("Tensors", e.ParamName);
        Assert.Throws<ArgumentException>(() => new TorchAmos(new AmosSettings(0.1), new ElementwiseSgd(0.1), new SophiaDiagonal(0.1, hessianEvery: 2)));
        Assert.Throws<ArgumentException>(() => new AmosSettings(-1).Validated());
    }
}
