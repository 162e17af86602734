using MathNet.Numerics.LinearAlgebra;

namespace Verification.Math.SignGeometry;

/// <summary>‖H‖∞,1 and a sign vector x ∈ {−1, 1}^d attaining it (balles-thesis eq. 6.18).</summary>
/// <param name="Value">‖H‖∞,1 = ‖Hx‖₁ at <paramref name="Maximizer"/>, recomputed from scratch there.</param>
/// <param name="Maximizer">x with ‖Hx‖₁ = <paramref name="Value"/>; its last entry is +1 (x and −x give the same value).</param>
/// <param name="Vertices">How many sign vectors were visited (2^(d−1)).</param>
public sealed record InfToOneNormResult(double Value, double[] Maximizer, long Vertices);

/// <summary>
/// The ℓ∞→ℓ1 operator norm of balles-thesis eq. (6.18), ‖H‖∞,1 = max_{‖θ‖∞ ≤ 1} ‖Hθ‖₁ — the ℓ∞-smoothness constant
/// L∞ of a quadratic. θ ↦ ‖Hθ‖₁ is convex, so the maximum over the cube is attained at a vertex x ∈ {−1, 1}^d, and
/// x, −x give the same value: exactly 2^(d−1) candidates. Computing it is NP-hard in general (Rohn 2000), so this is
/// exhaustive enumeration in Gray-code order: consecutive vertices differ in one coordinate j, and Hx changes by
/// −2·x_j·H[:, j], an O(d) update per vertex instead of O(d²).
/// </summary>
/// <remarks>
/// Rounding: each Gray-code update adds one rounding error per entry of Hx, so the running vector drifts. The drift is
/// reset by recomputing Hx from scratch every <see cref="ResyncInterval"/> vertices, which bounds the accumulated
/// error per entry by about <see cref="ResyncInterval"/>·3·u·Σ_j|H_ij| (u = 2⁻⁵³), i.e. below 4·10⁻¹³ of the row's
/// ℓ1 norm; the returned value is then ‖Hx‖₁ recomputed from scratch at the chosen vertex, so it is a true (rounded)
/// value of the objective at a vertex and can undershoot the maximum only by a vertex whose value is within that
/// drift of the maximum.
/// </remarks>
public static class InfToOneNorm
{
    /// <summary>
    /// Largest supported d: 2^29 ≈ 5.4·10⁸ vertices of O(d) work each (minutes); beyond that the enumeration is not
    /// a practical exact method and the call is rejected rather than left to run for hours.
    /// </summary>
    public const int MaxDimension = 30;

    /// <summary>Vertices between exact recomputations of Hx (a power of two, so the check is a mask).</summary>
    public const int ResyncInterval = 1024;

    /// <summary>‖H‖∞,1 of a symmetric <paramref name="h"/> (eq. 6.18), with a maximizing sign vector.</summary>
    /// <exception cref="ArgumentException"><paramref name="h"/> is non-finite, not symmetric, or larger than <see cref="MaxDimension"/>.</exception>
    public static InfToOneNormResult Compute(Matrix<double> h)
    {
        Require.Symmetric(h, nameof(h));
        int d = h.RowCount;
        if (d > MaxDimension)
            throw new ArgumentException($"h must have dimension ≤ {MaxDimension} for exact enumeration, got {d}.", nameof(h));
        var a = h.ToArray();
        // Columns as contiguous arrays: the update reads one column per vertex.
        var columns = new double[d][];
        for (int j = 0; j < d; j++)
        {
            columns[j] = new double[d];
            for (int i = 0; i < d; i++)
                columns[j][i] = a[i, j];
        }
        var x = new double[d];
        Array.Fill(x, 1.0);
        var y = new double[d];
        Multiply(a, x, y);
        double best = L1(y);
        var bestX = (double[])x.Clone();
        long count = 1L << (d - 1);
        for (long k = 1; k < count; k++)
        {
            int j = System.Numerics.BitOperations.TrailingZeroCount(k);
            double twice = -2.0 * x[j];
            x[j] = -x[j];
            double value;
            if ((k & (ResyncInterval - 1)) == 0)
            {
                Multiply(a, x, y);
                value = L1(y);
            }
            else
            {
                // Update Hx and its ℓ1 norm in one pass.
                var column = columns[j];
                value = 0;
                for (int i = 0; i < y.Length; i++)
                {
                    double yi = y[i] + twice * column[i];
                    y[i] = yi;
                    value += System.Math.Abs(yi);
                }
            }
            if (value > best)
            {
                best = value;
                Array.Copy(x, bestX, d);
            }
        }
        var fresh = new double[d];
        Multiply(a, bestX, fresh);
        return new InfToOneNormResult(L1(fresh), bestX, count);
    }

    /// <summary>‖Hx‖₁ for one sign vector (or any x), computed from scratch.</summary>
    /// <exception cref="ArgumentException">Non-finite or mismatched input.</exception>
    public static double AtVertex(Matrix<double> h, Vector<double> x)
    {
        Require.Symmetric(h, nameof(h));
        Require.Finite(x, nameof(x));
        Require.SameLength(h.RowCount, x.Count, nameof(x));
        return (h * x).L1Norm();
    }

    private static void Multiply(double[,] a, double[] x, double[] y)
    {
        int d = x.Length;
        for (int i = 0; i < d; i++)
        {
            double s = 0;
            for (int j = 0; j < d; j++)
                s += a[i, j] * x[j];
            y[i] = s;
        }
    }

    private static double L1(double[] y)
    {
        double s = 0;
        foreach (double v in y)
            s += System.Math.Abs(v);
        return s;
    }
}
