using System.Collections.Concurrent;
using System.Numerics;
using Fractions;

namespace Verification.Numerics.Exact;

/// <summary>Enclosures of π and ln 2 at any precision, computed once per precision and cached.</summary>
public static class ExactConstants
{
    private static readonly ConcurrentDictionary<int, RationalInterval> PiCache = new();
    private static readonly ConcurrentDictionary<int, RationalInterval> Ln2Cache = new();

    /// <summary>
    /// π within 2^−bits (relative), by Machin's formula π = 16·atan(1/5) − 4·atan(1/239): the two series to 20·2^(−bits−12),
    /// then outward to bits + 4 significant bits (2 steps of 2^(−bits−2)), so the width is below 2^(−bits−2.6)·π. bits
    /// outside [16, 65536] are rejected (ArgumentException).
    /// </summary>
    public static RationalInterval Pi(int bits) => Cached(PiCache, Check(bits), b =>
        DyadicRounding.Outward(
            RationalInterval.Exact(new Fraction(16)) * AtanOfReciprocal(5, b + 8)
            - RationalInterval.Exact(new Fraction(4)) * AtanOfReciprocal(239, b + 8), b + 4));

    /// <summary>
    /// ln 2 within 2^−bits (relative), as 2·atanh(1/3) at bits + 8, then outward to bits + 4 significant bits: the width is
    /// below 2^(−bits−2.4)·ln 2. bits outside [16, 65536] are rejected (ArgumentException). The atanh is taken without
    /// <see cref="AtanhOfRational"/>'s check, which at bits + 8 rejected the top of this range (bits above 65528).
    /// </summary>
    public static RationalInterval Ln2(int bits) => Ln2WithGuard(Check(bits));

    /// <summary>
    /// <see cref="Ln2"/> for a caller inside the library that adds up to <see cref="GuardBits"/> to a precision it has checked
    /// (ExactLog at bits + 16), so that the top of that caller's documented range is not rejected here.
    /// </summary>
    internal static RationalInterval Ln2WithGuard(int bits) => Cached(Ln2Cache, CheckWithGuard(bits), b =>
        DyadicRounding.Outward(RationalInterval.Exact(new Fraction(2)) * Atanh(new Fraction(1, 3), b + 8), b + 4));

    /// <summary>The guard bits a checked caller may add above <see cref="MaxBits"/>.</summary>
    internal const int GuardBits = 64;

    /// <summary>The largest precision the public functions accept.</summary>
    public const int MaxBits = 1 << 16;

    /// <summary>
    /// The cached enclosure at <paramref name="bits"/>, computed once per process: the fill is charged to nobody
    /// (<see cref="Arithmetic.ExactWork.Uncounted"/>), so a work count does not depend on which evaluation filled it.
    /// </summary>
    private static RationalInterval Cached(ConcurrentDictionary<int, RationalInterval> cache, int bits, Func<int, RationalInterval> compute) =>
        cache.GetOrAdd(bits, b =>
        {
            using var uncounted = Arithmetic.ExactWork.Uncounted();
            return compute(b);
        });

    /// <summary>
    /// atanh(z) = Σ z^(2n+1)/(2n+1) for |z| ≤ 1/2, enclosed to a width below 2^(−bits−4)·|z| in integer fixed point
    /// (<see cref="FixedPointAtanh"/> states the error bounds), then rounded outward to bits + 8 significant bits, which adds
    /// at most 2·2^(−bits−7)·|atanh z| ≤ 2^(−bits−6)·1.1|z|: the width is below 2^(−bits−3)·|z| for every rational z in the
    /// range, however small (exact 0 at z = 0). bits outside [16, 65536] and |z| &gt; 1/2 are rejected (ArgumentException).
    /// </summary>
    public static RationalInterval AtanhOfRational(Fraction z, int bits)
    {
        Check(bits);
        if (Fraction.Abs(z) > new Fraction(1, 2))
            throw new ArgumentException("|z| must be ≤ 1/2.", nameof(z));
        return Atanh(z, bits);
    }

    /// <summary>
    /// <see cref="AtanhOfRational"/> without its checks, for callers inside the library that have made them (bits ≥ 16, at
    /// most <see cref="MaxBits"/> + <see cref="GuardBits"/>, |z| ≤ 1/2).
    /// </summary>
    internal static RationalInterval Atanh(Fraction z, int bits) =>
        z.IsZero ? RationalInterval.Zero : DyadicRounding.Outward(FixedPointAtanh.Enclose(z, bits), bits + 8);

    /// <summary>
    /// atan(1/k) = Σ (−1)ⁿ/((2n+1)k^(2n+1)) for k ≥ 2, enclosed to a width below 2^(−bits−4) in integer fixed point (units
    /// of 2^(−F), F = bits + 4 + G, 2^G &gt; 8(bits + 64)); the exact-fraction sum it replaces took minutes at 65536 bits.
    /// <list type="number">
    /// <item>Powers: u_n = 2^F/k^(2n+1); P_0 = ⌊2^F/k⌋ and P_n = ⌊P_(n−1)/k²⌋ satisfy u_n − E_n &lt; P_n ≤ u_n with
    /// E_n ≤ E_(n−1)/k² + 1 &lt; 4/3 (E_0 &lt; 1; P_(n−1) ≤ u_(n−1) makes the floor one-sided).</item>
    /// <item>Terms: Q_n = ⌊P_n/(2n + 1)⌋, so δ_n = u_n/(2n + 1) − Q_n ∈ [0, 7/3).</item>
    /// <item>Signs: S = Σ_(n&lt;N) (−1)ⁿQ_n misses Σ (−1)ⁿδ_n ∈ (−7N/3, 7N/3) of the true partial sum.</item>
    /// <item>Truncation at the first P_N = 0: u_N &lt; 4/3, and the alternating tail with decreasing terms is at most its
    /// first, u_N/(2N + 1) &lt; 4/3, in magnitude.</item>
    /// </list>
    /// Hence 2^F·atan(1/k) ∈ [S − ⌈7N/3⌉ − 2, S + ⌈7N/3⌉ + 2], of width below 14N/3 + 6 ≤ 7F/3 + 11 (N ≤ F/2 + 1, as u_n
    /// falls by k² ≥ 4 a term from u_0 &lt; 2^F), which is below 2^G.
    /// </summary>
    private static RationalInterval AtanOfReciprocal(int k, int bits)
    {
        int f = bits + 4 + int.Log2(bits + 64) + 4;
        var k2 = new BigInteger(k) * k;
        var power = (BigInteger.One << f) / k;
        var sum = BigInteger.Zero;
        int n = 0;
        while (!power.IsZero)
        {
            var term = BigInteger.Divide(power, 2 * n + 1);
            sum = n % 2 == 0 ? sum + term : sum - term;
            n++;
            power /= k2;
        }
        var slack = (7 * (long)n + 2) / 3 + 2;
        var scale = BigInteger.One << f;
        return new RationalInterval(new Fraction(sum - slack, scale), new Fraction(sum + slack, scale));
    }

    private static int Check(int bits) => bits is >= 16 and <= MaxBits
        ? bits
        : throw new ArgumentException($"bits must be in [16, 65536], got {bits}.", nameof(bits));

    private static int CheckWithGuard(int bits) => bits is >= 16 and <= MaxBits + GuardBits
        ? bits
        : throw new ArgumentException($"bits must be in [16, {MaxBits + GuardBits}] with the guard bits, got {bits}.", nameof(bits));
}
