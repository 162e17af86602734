using Fractions;

namespace Verification.Numerics.Exact;

/// <summary>
/// Enclosures of ln x for rational x &gt; 0: x = m·2^k with m ∈ [1/√2, √2], ln x = k·ln 2 + 2·atanh((m − 1)/(m + 1)),
/// where |(m − 1)/(m + 1)| ≤ 0.172, so the atanh series converges by ≥ 5 bits a term (<see cref="ExactConstants"/>).
/// </summary>
public static class ExactLog
{
    /// <summary>An interval containing ln x, of width about 2^(−bits)·max(1, |ln x|).</summary>
    /// <exception cref="ArgumentException">x ≤ 0, or bits outside [16, 65536].</exception>
    public static RationalInterval Of(Fraction x, int bits)
    {
        if (x.Sign() <= 0)
            throw new ArgumentException("ln x needs x > 0.", nameof(x));
        if (bits is < 16 or > ExactConstants.MaxBits)
            throw new ArgumentException($"bits must be in [16, 65536], got {bits}.", nameof(bits));
        int k = ExactDouble.FloorLog2(x);
        var m = x / ExactDouble.Pow2(k);          // m ∈ [1, 2)
        if (m * m > new Fraction(2))
        {
            m /= 2;                                // m ∈ (1/√2, 1)
            k++;
        }
        var z = (m - Fraction.One) / (m + Fraction.One);
        // |k| ≤ 1100 for doubles: ln 2 needs ~11 more bits to keep k·ln 2 within 2^−bits. Both take the guard bits past
        // the public range's top, which the unchecked entries allow (|z| ≤ 0.172 and bits were checked above).
        var lnM = RationalInterval.Exact(new Fraction(2)) * ExactConstants.Atanh(z, bits + 4);
        var result = RationalInterval.Exact(new Fraction(k)) * ExactConstants.Ln2WithGuard(bits + 16) + lnM;
        return DyadicRounding.Outward(result, bits + 8);
    }

    /// <summary>An interval containing ln x for every x in <paramref name="x"/> (ln is increasing).</summary>
    /// <exception cref="ArgumentException">x has a point ≤ 0.</exception>
    public static RationalInterval Of(RationalInterval x, int bits)
    {
        if (x.Lower.Sign() <= 0)
            throw new ArgumentException("ln x needs every point of x > 0.", nameof(x));
        if (x.Lower == x.Upper)
            return Of(x.Lower, bits);
        return new RationalInterval(Of(x.Lower, bits).Lower, Of(x.Upper, bits).Upper);
    }
}
