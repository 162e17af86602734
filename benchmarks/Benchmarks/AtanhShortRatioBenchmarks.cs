using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Fractions;
using Verification.Numerics.Exact;

namespace Verification.Benchmarks;

/// <summary>
/// Cost of atanh(1/3), the series behind <see cref="ExactConstants.Ln2"/>, at thousands of bits. Before (the baseline, kept
/// here): every power multiplied by the truncated argument's square a² (2F bits) and shifted by 2F; after:
/// <see cref="ExactConstants.AtanhOfRational"/>, which multiplies by p² and divides by d² where z = p/d is short against F
/// (here one word a step). Both are the same fixed-point sum with the same error bound (FixedPointAtanh's remarks).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AtanhShortRatioBenchmarks
{
    /// <summary>Significant bits asked for.</summary>
    [Params(1024, 8192)]
    public int Bits { get; set; }

    /// <summary>Before: the power times a² and shifted by 2F (the sum only; the outward rounding after it is the same).</summary>
    [Benchmark(Baseline = true)]
    public BigInteger TruncatedSquare()
    {
        var (a, f) = Argument(Bits);
        var a2 = a * a;
        var power = a;
        var sum = BigInteger.Zero;
        for (int n = 0; !power.IsZero; n++)
        {
            sum += BigInteger.Divide(power, 2 * n + 1);
            power = (power * a2) >> (2 * f);
        }
        return sum;
    }

    /// <summary>After: the library's enclosure (the power times 1 and divided by 9 each step), rounding included.</summary>
    [Benchmark]
    public RationalInterval ShortRatio() => ExactConstants.AtanhOfRational(new Fraction(1, 3), Bits);

    /// <summary>a = ⌊2^F/3⌋ with FixedPointAtanh's F for z = 1/3 (e = −2).</summary>
    private static (BigInteger A, int F) Argument(int bits)
    {
        int e = -2;
        int f = bits + 4 - e + int.Log2(bits - e + 64) + 4;
        return ((BigInteger.One << f) / 3, f);
    }
}
