using MathNet.Numerics.LinearAlgebra;
using TorchSharp;
using Verification.Math.Statistics;
using Verification.Math.Torch.Stochastic;
using Verification.Optimizers;
using Verification.Optimizers.Stochastic;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Balles.Variance;

/// <summary>
/// The tensor Adam / SVAG / M-SVAG steps against the double reference optimizers on the same scripted gradients
/// (thesis §5.1, Algs. 2 and 4), float64 tightly and float32 loosely, plus the Fig. 5.2 factors.
/// </summary>
public class TorchVarianceAdaptedAgreementExamples
{
    /// <summary>
    /// float64: the tensor form rounds the same operations in a slightly different order (γ·m·(−α) against (−α·γ)·m),
    /// so each Δθ agrees to a few ulp; 64 ulp of max|Δθ| over the run leaves room for the ~30-step moving averages.
    /// </summary>
    private const double Float64Relative = 64 * 2.220446049250313e-16;

    /// <summary>
    /// float32 against the float64 reference: η̂² = (v/|m| − |m|)/|m| cancels when v ≈ m², so float32 errors of ~1e-7
    /// relative in v/|m| grow by the cancellation; 1e-3 of max|Δθ| bounds what was observed (≤ 2e-5) with room.
    /// </summary>
    private const double Float32Relative = 1e-3;

    private static double[][] Script(int steps, int d, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, steps).Select(_ => Enumerable.Range(0, d).Select(i =>
            i == 0 ? 0.0 : (i == 1 ? 1.0 : 0.5) + (i % 3 + 0.5) * MonteCarlo.StandardNormal(random)).ToArray()).ToArray();
    }

    private static IOptimizer Reference(VarianceAdaptedMethod method) => method switch
    {
        VarianceAdaptedMethod.Adam => new Adam(0.01, 0.9, 0.999, 1e-8),
        VarianceAdaptedMethod.Svag => VarianceAdapted.Svag(0.01, 0.9),
        _ => VarianceAdapted.MSvag(0.01, 0.9),
    };

    private static double[][] ReferenceSteps(VarianceAdaptedMethod method, double[][] script)
    {
        var run = Reference(method).Start(new Scripted(script), Vector<double>.Build.Dense(script[0].Length));
        return script.Select(_ => run.Step().ToArray()).ToArray();
    }

    private static double[][] TensorSteps(VarianceAdaptedMethod method, double[][] script, ScalarType dtype)
    {
        double beta2 = method == VarianceAdaptedMethod.Adam ? 0.999 : 0.9;
        double eps = method == VarianceAdaptedMethod.Adam ? 1e-8 : 0;
        using var state = new TorchVarianceAdaptedStep(method, 0.01, 0.9, beta2, eps, [script[0].Length], dtype, CPU);
        return script.Select(g =>
        {
            using var gt = tensor(g, dtype: ScalarType.Float64).to_type(dtype);
            using var delta = state.Step(gt);
            using var d64 = delta.to_type(ScalarType.Float64);
            return d64.data<double>().ToArray();
        }).ToArray();
    }

    [Theory]
    [InlineData(VarianceAdaptedMethod.Adam)]
    [InlineData(VarianceAdaptedMethod.Svag)]
    [InlineData(VarianceAdaptedMethod.MSvag)]
    public void Float64_Steps_MatchReference(VarianceAdaptedMethod method) => AssertAgree(method, ScalarType.Float64, Float64Relative);

    [Theory]
    [InlineData(VarianceAdaptedMethod.Adam)]
    [InlineData(VarianceAdaptedMethod.Svag)]
    [InlineData(VarianceAdaptedMethod.MSvag)]
    public void Float32_Steps_MatchReferenceLoosely(VarianceAdaptedMethod method) => AssertAgree(method, ScalarType.Float32, Float32Relative);

    private static void AssertAgree(VarianceAdaptedMethod method, ScalarType dtype, double relative)
    {
        var script = Script(30, 6, seed: 9);
        var expected = ReferenceSteps(method, script);
        var actual = TensorSteps(method, script, dtype);
        double scale = expected.SelectMany(x => x).Max(System.Math.Abs);
        for (int t = 0; t < script.Length; t++)
            for (int i = 0; i < script[t].Length; i++)
            {
                double diff = System.Math.Abs(actual[t][i] - expected[t][i]);
                Assert.True(diff <= relative * scale,
                    $"{method} {dtype} t={t} i={i}: tensor {actual[t][i]:R} vs reference {expected[t][i]:R}, |diff| = {diff:R} > {relative * scale:R}");
            }
        // Coordinate 0 has m = v = 0 throughout: §5.4.4's "no update".
        Assert.All(actual, step => Assert.Equal(0, step[0]));
    }

    [Fact]
    public void LargeBatchedState_StaysFinite_AndRejectsMisuse()
    {
        // d = 200000 in one tensor: the reason the tensor form exists.
        using var state = new TorchVarianceAdaptedStep(VarianceAdaptedMethod.MSvag, 0.01, 0.9, 0.9, 0, [200_000], ScalarType.Float32, CPU);
        var generator = new Generator(seed: 3);
        for (int t = 0; t < 5; t++)
        {
            using var g = randn([200_000], ScalarType.Float32, CPU, generator: generator);
            using var delta = state.Step(g);
            Assert.True(isfinite(delta).all().item<bool>());
            Assert.True((delta.abs().max().item<float>()) <= 0.01f * 10);
        }
        using var wrong = zeros([3], ScalarType.Float32);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => state.Step(wrong)).ParamName);
        using var nan = full([200_000], double.NaN, ScalarType.Float32);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => state.Step(nan)).ParamName);
        Assert.Equal("beta1", Assert.Throws<ArgumentException>(() =>
            new TorchVarianceAdaptedStep(VarianceAdaptedMethod.Svag, 0.01, 0, 0, 0, [1], ScalarType.Float64, CPU)).ParamName);
    }

    [Fact]
    public void Factors_MatchReference()
    {
        double[] etas = [0, 1e-3, 0.5, 1, 1.9, 10, 1e6, 1e200];
        using var eta = tensor(etas, dtype: ScalarType.Float64);
        using var erf = TorchVarianceAdaptationFactors.Erf(eta);
        using var adam = TorchVarianceAdaptationFactors.Adam(eta);
        using var svag = TorchVarianceAdaptationFactors.Svag(eta);
        for (int k = 0; k < etas.Length; k++)
        {
            // Libtorch's erf and MathNet's differ by a few ulp; 1e-14 relative.
            Assert.Equal(VarianceAdaptationFactors.Erf(etas[k]), erf[k].item<double>(), System.Math.Max(1e-300, 1e-14 * VarianceAdaptationFactors.Erf(etas[k])));
            Assert.Equal(VarianceAdaptationFactors.Adam(etas[k]), adam[k].item<double>(), 1e-14 * VarianceAdaptationFactors.Adam(etas[k]) + 1e-300);
            Assert.Equal(VarianceAdaptationFactors.Svag(etas[k]), svag[k].item<double>(), 1e-14 * VarianceAdaptationFactors.Svag(etas[k]) + 1e-300);
        }
        using var negative = tensor(new[] { -1.0 });
        Assert.Equal("eta", Assert.Throws<ArgumentException>(() => TorchVarianceAdaptationFactors.Adam(negative)).ParamName);
    }

    /// <summary>Gradients replayed from a script (f = 0): both implementations see the same g_t.</summary>
    private sealed class Scripted(double[][] script) : IStochasticObjective
    {
        public string Name => "scripted";

        public int Dimension => script[0].Length;

        public double Value(Vector<double> theta) => 0;

        public Vector<double> Gradient(Vector<double> theta) => Vector<double>.Build.Dense(Dimension);

        public Matrix<double> Hessian(Vector<double> theta) => Matrix<double>.Build.Dense(Dimension, Dimension);

        public Vector<double>? PerSampleVariance(Vector<double> theta) => null;

        public IGradientSampler OpenSampler() => new Sampler(script);

        private sealed class Sampler(double[][] script) : IGradientSampler
        {
            private int next;

            public GradientSample Sample(Vector<double> theta, int batchSize) =>
                new(Vector<double>.Build.DenseOfArray(script[next++]), batchSize, null);
        }
    }
}
