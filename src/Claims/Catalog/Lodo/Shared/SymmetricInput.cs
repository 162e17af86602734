using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// Symmetric matrices stored by their upper triangle (row by row: (0,0), (0,1), …, (0,n−1), (1,1), …), so that every
/// stored coordinate is one real input and a shrunk or perturbed matrix stays symmetric.
/// </summary>
internal static class SymmetricInput
{
    /// <summary>n(n + 1)/2.</summary>
    internal static int Count(int n) => n * (n + 1) / 2;

    /// <summary>The index of (i, j), i ≤ j, in the upper triangle.</summary>
    internal static int Index(int n, int i, int j)
    {
        if (i > j)
            (i, j) = (j, i);
        return i * n - i * (i - 1) / 2 + (j - i);
    }

    /// <summary>The matrix with each stored entry read as a real input (T.Input).</summary>
    internal static RealMatrix<T> Read<T>(int n, IReadOnlyList<double> upper) where T : IReal<T>
    {
        Check(n, upper);
        var entries = upper.Select(T.Input).ToArray();
        return RealMatrix<T>.Create(n, n, (i, j) => entries[Index(n, i, j)]);
    }

    /// <summary>The full row-major matrix of doubles.</summary>
    internal static double[] Full(int n, IReadOnlyList<double> upper)
    {
        Check(n, upper);
        var full = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                full[i * n + j] = upper[Index(n, i, j)];
        return full;
    }

    /// <summary>The upper triangle of a symmetric row-major matrix.</summary>
    internal static double[] Upper(int n, IReadOnlyList<double> full)
    {
        var upper = new double[Count(n)];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
                upper[Index(n, i, j)] = full[i * n + j];
        return upper;
    }

    /// <summary>MᵀM + qI for an integer M drawn from <paramref name="random"/> with entries in −2..2: symmetric, ≻ 0 for q &gt; 0.</summary>
    internal static double[] GramPlusShift(int n, System.Random random, double q)
    {
        var m = new int[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                m[i, j] = random.Next(-2, 3);
        var full = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                long s = 0;
                for (int l = 0; l < n; l++)
                    s += m[l, i] * m[l, j];
                full[i * n + j] = s + (i == j ? q : 0);
            }
        return Upper(n, full);
    }

    private static void Check(int n, IReadOnlyList<double> upper)
    {
        ArgumentNullException.ThrowIfNull(upper);
        if (n < 1 || upper.Count != Count(n))
            throw new ArgumentException($"an upper triangle of an {n}×{n} matrix has {Count(n)} entries, got {upper.Count}.", nameof(upper));
    }
}
