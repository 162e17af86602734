using Fractions;

namespace Verification.Numerics.SignGeometry;

/// <summary>
/// ‖H‖∞,1 (balles-thesis eq. 6.18) of a rational matrix in exact arithmetic: the same Gray-code enumeration of the
/// 2^(d−1) sign vectors as <see cref="InfToOneNorm"/>, with Fractions, so no drift exists. Used to certify claims.
/// </summary>
public static class InfToOneNormExact
{
    /// <summary>Largest d accepted (2^15 vertices of exact O(d) updates stays well under a second).</summary>
    public const int MaxDimension = 16;

    /// <summary>‖H‖∞,1 of a square rational matrix (symmetry is not needed for the exact value) and a maximizing sign vector.</summary>
    /// <exception cref="ArgumentException"><paramref name="h"/> is empty, not square, or larger than <see cref="MaxDimension"/>.</exception>
    public static (Fraction Value, int[] Maximizer) Compute(Fraction[,] h)
    {
        ArgumentNullException.ThrowIfNull(h);
        int d = h.GetLength(0);
        if (d == 0 || d != h.GetLength(1))
            throw new ArgumentException($"h must be a non-empty square matrix, got {h.GetLength(0)}×{h.GetLength(1)}.", nameof(h));
        if (d > MaxDimension)
            throw new ArgumentException($"h must have dimension ≤ {MaxDimension} for exact enumeration, got {d}.", nameof(h));
        var x = Enumerable.Repeat(1, d).ToArray();
        var y = new Fraction[d];
        for (int i = 0; i < d; i++)
        {
            var s = Fraction.Zero;
            for (int j = 0; j < d; j++)
                s += h[i, j];
            y[i] = s;
        }
        var best = L1(y);
        var bestX = (int[])x.Clone();
        long count = 1L << (d - 1);
        for (long k = 1; k < count; k++)
        {
            int j = System.Numerics.BitOperations.TrailingZeroCount(k);
            var twice = new Fraction(-2 * x[j]);
            x[j] = -x[j];
            for (int i = 0; i < d; i++)
                y[i] += twice * h[i, j];
            var value = L1(y);
            if (value > best)
            {
                best = value;
                Array.Copy(x, bestX, d);
            }
        }
        return (best, bestX);
    }

    /// <summary>The exact rational matrix of a double matrix.</summary>
    public static Fraction[,] ToFractions(double[,] h)
    {
        ArgumentNullException.ThrowIfNull(h);
        var f = new Fraction[h.GetLength(0), h.GetLength(1)];
        for (int i = 0; i < h.GetLength(0); i++)
            for (int j = 0; j < h.GetLength(1); j++)
                f[i, j] = Exact.ExactDouble.ToFraction(h[i, j]);
        return f;
    }

    private static Fraction L1(Fraction[] y)
    {
        var s = Fraction.Zero;
        foreach (var v in y)
            s += v.Abs();
        return s;
    }
}
