namespace Verification.Claims.Catalog.Elmo.Shared;

/// <summary>
/// The sequences the trend statements run along, as exact double constants built by repeated multiplication or
/// division by a power of ten (each step correctly rounded, so the same on every platform; no Math.Pow).
/// </summary>
internal static class Sequences
{
    /// <summary>
    /// t_k = start·10^(±decades·k) for k = 0 … terms − 1 (up: growing, else shrinking), each term the previous one
    /// multiplied or divided by 10^decades in one rounding.
    /// </summary>
    /// <exception cref="ArgumentException">start not positive and finite, decades outside 1..22, fewer than 3 terms, or a term leaves the normal doubles.</exception>
    internal static double[] Decades(double start, int decades, int terms, bool up)
    {
        if (!(start > 0) || !double.IsFinite(start))
            throw new ArgumentException($"start must be positive and finite, got {start:R}.", nameof(start));
        if (decades is < 1 or > 22)
            throw new ArgumentException($"decades must be in 1..22 (10^decades exact in a double), got {decades}.", nameof(decades));
        if (terms < 3)
            throw new ArgumentException($"a trend needs at least 3 terms, got {terms}.", nameof(terms));
        double factor = 1;
        for (int i = 0; i < decades; i++)
            factor *= 10;
        var t = new double[terms];
        t[0] = start;
        for (int k = 1; k < terms; k++)
        {
            t[k] = up ? t[k - 1] * factor : t[k - 1] / factor;
            if (!double.IsNormal(t[k]))
                throw new ArgumentException($"the sequence from {start:R} leaves the normal doubles at term {k}.", nameof(start));
        }
        return t;
    }
}
