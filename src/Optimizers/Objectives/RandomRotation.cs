using MathNet.Numerics.LinearAlgebra;

namespace Verification.Optimizers.Objectives;

/// <summary>A seeded random orthogonal matrix: the Q factor of a Gaussian matrix with its signs fixed (Haar distributed).</summary>
public static class RandomRotation
{
    /// <summary>An n×n orthogonal Q, deterministic for <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="n"/> &lt; 1.</exception>
    public static Matrix<double> Create(int n, int seed)
    {
        if (n < 1)
            throw new ArgumentException($"n must be ≥ 1, got {n}.", nameof(n));
        var random = new System.Random(seed);
        var g = Matrix<double>.Build.Dense(n, n, (_, _) => Gaussian(random));
        var qr = g.QR();
        var q = qr.Q.Clone();
        // Multiply column j by sign(R_jj) so that the distribution is Haar and the result does not depend on the QR's sign choices.
        for (int j = 0; j < n; j++)
            if (qr.R[j, j] < 0)
                q.SetColumn(j, -q.Column(j));
        return q;
    }

    private static double Gaussian(System.Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
