using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.SignGeometry;
using Verification.Numerics.Torch.SignGeometry;
using static TorchSharp.torch;

namespace Verification.Benchmarks;

/// <summary>
/// Cost of the exact ‖H‖∞,1 (balles-thesis eq. 6.18) against d: the reference Gray-code enumeration (O(d) per vertex) and the
/// batched tensor enumeration (O(d²) per vertex, vectorized), on one seeded dense symmetric matrix per d.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class InfToOneNormBenchmarks
{
    private Matrix<double> h = Matrix<double>.Build.Dense(1, 1);
    private Tensor? tensorH;

    /// <summary>The dimension d (2^(d−1) vertices).</summary>
    [Params(8, 12, 16, 20)]
    public int D { get; set; }

    /// <summary>Builds the seeded matrix for this d.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new System.Random(618 + D);
        h = Matrix<double>.Build.Dense(D, D);
        for (int i = 0; i < D; i++)
            for (int j = i; j < D; j++)
                h[i, j] = h[j, i] = random.NextDouble() * 2 - 1;
        tensorH = tensor(h.ToArray(), ScalarType.Float64);
    }

    /// <summary>Releases the tensor.</summary>
    [GlobalCleanup]
    public void Cleanup() => tensorH?.Dispose();

    /// <summary>Reference: Gray-code enumeration in double precision.</summary>
    [Benchmark(Baseline = true)]
    public double GrayCode() => InfToOneNorm.Compute(h).Value;

    /// <summary>Tensor side: chunked batched enumeration (CPU unless CUDA is present).</summary>
    [Benchmark]
    public double Tensor()
    {
        using var scope = NewDisposeScope();
        return TorchInfToOneNorm.Compute(tensorH!).Values.item<double>();
    }

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddColumn(new PerVertexColumn());
    }
}
