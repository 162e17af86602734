using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;

namespace Verification.Benchmarks;

/// <summary>
/// Cost of ln x for a rational x with 1000-bit numerator and denominator, as exact re-evaluation meets it (a likelihood's log
/// of a probability built from long rationals). Before: atanh((m − 1)/(m + 1)) as an exact-fraction series (kept here as the
/// baseline), whose powers grow by the size of z² a term; after: <see cref="ExactLog.Of(Fraction, int)"/> with the
/// fixed-point sum. The before case takes seconds a call at 512 bits, hence few iterations.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ExactLogBenchmarks
{
    private Fraction argument;

    /// <summary>Significant bits asked for.</summary>
    [Params(128, 512)]
    public int Bits { get; set; }

    /// <summary>A seeded rational in (1, 2) with 1000-bit numerator and denominator (the denominator odd).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new System.Random(4321);
        var bytes = new byte[125];
        random.NextBytes(bytes);
        var den = new BigInteger(bytes, isUnsigned: true) | BigInteger.One | (BigInteger.One << 999);
        random.NextBytes(bytes);
        var num = den + new BigInteger(bytes, isUnsigned: true) % den;
        argument = new Fraction(num, den);
    }

    /// <summary>Before: the exact-fraction atanh series inside the same reduction.</summary>
    [Benchmark(Baseline = true)]
    public RationalInterval ExactFractionSeries()
    {
        var m = argument; // already in [1, 2); the reduction is the same in both
        int k = 0;
        if (m * m > new Fraction(2))
        {
            m /= 2;
            k = 1;
        }
        var z = (m - Fraction.One) / (m + Fraction.One);
        var lnM = RationalInterval.Exact(new Fraction(2)) * ExactFractionAtanh(z, Bits + 4);
        return DyadicRounding.Outward(RationalInterval.Exact(new Fraction(k)) * ExactConstants.Ln2(Bits + 16) + lnM, Bits + 8);
    }

    /// <summary>After: ExactLog with the fixed-point atanh.</summary>
    [Benchmark]
    public RationalInterval FixedPointSeries() => ExactLog.Of(argument, Bits);

    /// <summary>The former ExactConstants.AtanhOfRational: Σ z^(2n+1)/(2n+1) in exact fractions, geometric remainder.</summary>
    private static RationalInterval ExactFractionAtanh(Fraction z, int bits)
    {
        var tolerance = ExactDouble.Pow2(-bits - 4);
        var z2 = z * z;
        var power = z;
        var sum = Fraction.Zero;
        for (int n = 0; ; n++)
        {
            sum += power / (2 * n + 1);
            power *= z2;
            var bound = Fraction.Abs(power) / ((2 * n + 3) * (Fraction.One - z2));
            if (bound <= tolerance * Fraction.Abs(z))
            {
                var lo = z.Sign() > 0 ? sum : sum - bound;
                var hi = z.Sign() > 0 ? sum + bound : sum;
                return DyadicRounding.Outward(new RationalInterval(lo, hi), bits + 8);
            }
        }
    }
}

/// <summary>
/// What counting exact work (<see cref="ExactWork"/>) costs the rational arithmetic that every certification runs: the same
/// 40-step chain of interval products and sums of 100-to-1000-bit rationals, without a budget (nothing is counted) and inside
/// one (each operation measures its operands and charges them).
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ExactWorkOverheadBenchmarks
{
    private RationalInterval[] operands = [];

    /// <summary>Seeded intervals with numerators and denominators of a few hundred bits.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new System.Random(99);
        operands = new RationalInterval[40];
        for (int i = 0; i < operands.Length; i++)
        {
            var bytes = new byte[16 + 8 * i % 100];
            random.NextBytes(bytes);
            var den = new BigInteger(bytes, isUnsigned: true) | BigInteger.One;
            random.NextBytes(bytes);
            var num = new BigInteger(bytes, isUnsigned: true);
            var low = new Fraction(num, den);
            operands[i] = new RationalInterval(low, low + new Fraction(1, den + 1));
        }
    }

    private RationalInterval Chain()
    {
        var x = operands[0];
        for (int i = 1; i < operands.Length; i++)
            x = DyadicRounding.Outward(x * operands[i] + operands[i - 1], 512);
        return x;
    }

    /// <summary>No budget set: the charges return at once.</summary>
    [Benchmark(Baseline = true)]
    public RationalInterval Uncounted() => Chain();

    /// <summary>Inside a budget: every operation is measured and charged.</summary>
    [Benchmark]
    public RationalInterval Counted()
    {
        using var scope = ExactWork.Use(long.MaxValue);
        return Chain();
    }
}
