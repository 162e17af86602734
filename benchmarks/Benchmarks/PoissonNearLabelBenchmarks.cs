using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;

namespace Verification.Benchmarks;

/// <summary>
/// Per-call cost of the Poisson log density and score near f = ln y (where s = f − ln y needs ln y beyond a double) against
/// the written forms away from it (f = ln y + 3). Before: each near-label call enclosed ln y to 128 bits (kept here as
/// <see cref="EnclosedLogRatio"/>); after: ln y's enclosure is kept per count and s is a fixed-point difference.
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class PoissonNearLabelBenchmarks
{
    private readonly PoissonLog poisson = new();
    private Vector<double> near = Vector<double>.Build.Dense(1), away = Vector<double>.Build.Dense(1);

    /// <summary>The count.</summary>
    [Params(7.0, 1e15)]
    public double Y { get; set; }

    /// <summary>f = ln y + 0.1 (inside the band) and ln y + 3 (outside: the written forms).</summary>
    [GlobalSetup]
    public void Setup()
    {
        near = Vector<double>.Build.Dense([Math.Log(Y) + 0.1]);
        away = Vector<double>.Build.Dense([Math.Log(Y) + 3]);
    }

    /// <summary>log p as written (outside the band): the baseline.</summary>
    [Benchmark(Baseline = true)]
    public double LogDensityWritten() => poisson.LogDensity(Y, away);

    /// <summary>log p near the label: c(y) − y·φ(s).</summary>
    [Benchmark]
    public double LogDensityNearLabel() => poisson.LogDensity(Y, near);

    /// <summary>The score near the label: −y·expm1(s).</summary>
    [Benchmark]
    public double ScoreNearLabel() => poisson.Gradient(Y, near)[0];

    /// <summary>Before: s from a 128-bit enclosure of ln y on every call (the former PoissonNearLabel.LogRatio's first step).</summary>
    [Benchmark]
    public double EnclosedLogRatio() =>
        (RationalInterval.Exact(near[0]) - ExactLog.Of(ExactDouble.ToFraction(Y), 128)).Midpoint;
}
