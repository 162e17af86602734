using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Lodo;

/// <summary>Haar-distributed random orthogonal matrices (QR of a Gaussian matrix with the signs of R's diagonal fixed).</summary>
public static class RandomOrthogonal
{
    /// <summary>A k×k orthogonal matrix drawn from <paramref name="random"/>.</summary>
    public static Matrix<double> Draw(int k, System.Random random)
    {
        if (k < 1)
            throw new ArgumentException($"k must be ≥ 1, got {k}.", nameof(k));
        ArgumentNullException.ThrowIfNull(random);
        var m = Matrix<double>.Build.Dense(k, k, (_, _) => Gaussian(random));
        var qr = m.QR();
        var q = qr.Q.Clone();
        for (int j = 0; j < k; j++)
            if (qr.R[j, j] < 0)
                q.SetColumn(j, -q.Column(j));
        return q;
    }

    /// <summary>A uniformly random permutation of 0..size−1 (Fisher–Yates).</summary>
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

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Gaussian(System.Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
