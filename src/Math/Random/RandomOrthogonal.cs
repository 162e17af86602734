using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Random;

/// <summary>
/// Haar-distributed random orthogonal matrices and uniform permutations. An orthogonal matrix is the Q factor of a
/// matrix of <see cref="StandardNormal"/> draws (filled column by column) with column j multiplied by sign(R_jj), so
/// the distribution is Haar and the result does not depend on the QR routine's sign choices.
/// </summary>
public static class RandomOrthogonal
{
    /// <summary>A k×k orthogonal matrix drawn from <paramref name="random"/> (k² normal draws).</summary>
    /// <exception cref="ArgumentException"><paramref name="k"/> &lt; 1.</exception>
    public static Matrix<double> Draw(int k, System.Random random)
    {
        if (k < 1)
            throw new ArgumentException($"k must be ≥ 1, got {k}.", nameof(k));
        ArgumentNullException.ThrowIfNull(random);
        var m = Matrix<double>.Build.Dense(k, k, (_, _) => StandardNormal.Draw(random));
        var qr = m.QR();
        var q = qr.Q.Clone();
        for (int j = 0; j < k; j++)
            if (qr.R[j, j] < 0)
                q.SetColumn(j, -q.Column(j));
        return q;
    }

    /// <summary>An n×n orthogonal matrix, deterministic for <paramref name="seed"/>: <see cref="Draw(int, System.Random)"/> with a fresh <c>System.Random(seed)</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="n"/> &lt; 1.</exception>
    public static Matrix<double> Draw(int n, int seed) => Draw(n, new System.Random(seed));

    /// <summary>A uniformly random permutation of 0..size−1 (Fisher–Yates).</summary>
    /// <exception cref="ArgumentException"><paramref name="size"/> &lt; 1.</exception>
    public static int[] Permutation(int size, System.Random random)
    {
        if (size < 1)
            throw new ArgumentException($"size must be ≥ 1, got {size}.", nameof(size));
        ArgumentNullException.ThrowIfNull(random);
        var p = Enumerable.Range(0, size).ToArray();
        for (int i = size - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }
}
