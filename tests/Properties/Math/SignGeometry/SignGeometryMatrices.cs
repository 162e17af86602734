using FsCheck;
using FsCheck.Fluent;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>A symmetric matrix (small rational entries) and an exact power of two 2^k to scale it by.</summary>
public sealed record ScaledSymmetric(double[,] Entries, int Exponent)
{
    /// <summary>2^Exponent·Entries, rounded where the scaling reaches the subnormal grid.</summary>
    public double[,] Scaled()
    {
        int d = Entries.GetLength(0);
        var h = new double[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                h[i, j] = Math.ScaleB(Entries[i, j], Exponent);
        return h;
    }

    /// <summary>True when 2^Exponent·Entries is exact (no entry rounded to the subnormal grid, none overflowed).</summary>
    public bool ScalesExactly => Entries.Cast<double>().All(v => Math.ScaleB(Math.ScaleB(v, Exponent), -Exponent) == v);

    /// <inheritdoc />
    public override string ToString() =>
        $"2^{Exponent}·[{string.Join("; ", Enumerable.Range(0, Entries.GetLength(0)).Select(i => string.Join(", ", Enumerable.Range(0, Entries.GetLength(1)).Select(j => Entries[i, j].ToString("R")))))}]";
}

/// <summary>Generators of symmetric matrices spread over the whole double range.</summary>
public static class SignGeometryMatrices
{
    /// <summary>
    /// d = 1…6, entries small integers or k/97 (and zeros), scaled by 2^k for k anywhere in −1080…1030 (so some entries
    /// are subnormal, some sums exceed double.MaxValue).
    /// </summary>
    public static Gen<ScaledSymmetric> FullRange { get; } =
        from d in Gen.Choose(1, 6)
        from u in Gen.Frequency(
            (3, Gen.Choose(-5, 5).Select(i => (double)i)),
            (2, Gen.Choose(-1000, 1000).Select(i => i / 97.0)),
            (1, Gen.Constant(0.0))).ArrayOf(d * (d + 1) / 2)
        from k in Gen.Frequency((3, Gen.Choose(-1080, 1030)), (1, Gen.Choose(-4, 4)), (1, Gen.Choose(1015, 1023)), (1, Gen.Choose(-1074, -1060)))
        select new ScaledSymmetric(Build(d, u), k);

    private static double[,] Build(int d, double[] u)
    {
        var h = new double[d, d];
        int k = 0;
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++)
                h[i, j] = h[j, i] = u[k++];
        return h;
    }
}
