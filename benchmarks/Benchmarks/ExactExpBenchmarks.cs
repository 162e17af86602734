using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Fractions;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;

namespace Verification.Benchmarks;

/// <summary>
/// Cost of one e^(−x²) enclosure as ExactErf's asymptotic erfc asks for it: x ≈ 40 rounded to bits + 16 significant bits, so
/// −x² is a dyadic with a ~1000-bit numerator at 512 bits. Before: the exact-fraction Taylor sum ExactExp used until the
/// fixed-point rewrite (kept here as the baseline); after: <see cref="ExactExp.Of(Fraction, int)"/>. The before case takes
/// seconds a call at 512 bits, hence few iterations (one invocation each).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ExactExpBenchmarks
{
    private Fraction argument;

    /// <summary>Significant bits asked for.</summary>
    [Params(128, 512)]
    public int Bits { get; set; }

    /// <summary>Builds −x² for x = 40 plus bits + 10 seeded pseudo-random low bits.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new System.Random(1234 + Bits);
        var noise = new byte[(Bits + 10) / 8 + 1];
        random.NextBytes(noise);
        var low = new BigInteger(noise, isUnsigned: true) % (BigInteger.One << (Bits + 10));
        var x = new Fraction(40) + new Fraction(low, BigInteger.One << (Bits + 10));
        argument = -(x * x);
    }

    /// <summary>Before: exact-fraction Taylor terms, rounded only at the end and between squarings.</summary>
    [Benchmark(Baseline = true)]
    public RationalInterval ExactFractionTaylor() => ExactFractionExp(argument, Bits);

    /// <summary>After: the fixed-point integer sum of ExactExp.</summary>
    [Benchmark]
    public RationalInterval FixedPointTaylor() => ExactExp.Of(argument, Bits);

    /// <summary>
    /// The former ExactExp.Of: t = x/2^k with |t| ≤ 1/2, Σ tⁱ/i! as fractions until 2|t|^(n+1)/(n+1)! ≤ 2^(−p), p = bits + k +
    /// 16, then k squarings rounded outward to p significant bits.
    /// </summary>
    private static RationalInterval ExactFractionExp(Fraction x, int bits)
    {
        int k = 0;
        var t = x;
        while (Fraction.Abs(t) > new Fraction(1, 2))
        {
            t /= 2;
            k++;
        }
        int p = bits + k + 16;
        var tolerance = ExactDouble.Pow2(-p);
        var absT = Fraction.Abs(t);
        Fraction sum = Fraction.One, term = Fraction.One, bound = Fraction.One;
        for (int i = 1; ; i++)
        {
            term = term * t / i;
            sum += term;
            bound = bound * absT / i;
            var remainder = 2 * bound * absT / (i + 1);
            if (remainder <= tolerance)
            {
                var lo = DyadicRounding.Down(sum - remainder, p);
                var hi = DyadicRounding.Up(sum + remainder, p);
                for (int s = 0; s < k; s++)
                {
                    lo = DyadicRounding.Down(lo * lo, p);
                    hi = DyadicRounding.Up(hi * hi, p);
                }
                return new RationalInterval(lo, hi);
            }
        }
    }
}
