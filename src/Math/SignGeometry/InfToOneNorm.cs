using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.SignGeometry;

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
    /// <remarks>
    /// Range: every finite symmetric H up to <see cref="MaxDimension"/> whose ‖H‖∞,1 is at most double.MaxValue (beyond
    /// that an ArgumentException). The enumeration runs on 2^-s·H, s = ⌊log₂ max|H_ij|⌋ (an exact scaling; the norm is
    /// homogeneous), so no partial sum over- or underflows, and the value is scaled back once. Accuracy: Value is ‖Hx‖₁ at
    /// the returned vertex within 2d·2^-53·Σ_ij|H_ij| (plus 2^(s−1074) per entry that the scaling rounds to the
    /// subnormal grid); the vertex is a maximizer up to the drift stated above.
    /// </remarks>
    public static InfToOneNormResult Compute(Matrix<double> h)
    {
        Require.Symmetric(h, nameof(h));
        int d = h.RowCount;
        if (d > MaxDimension)
            throw new ArgumentException($"h must have dimension ≤ {MaxDimension} for exact enumeration, got {d}.", nameof(h));
        int scale = BinaryExponent.OfLargest(h.Enumerate());
        var a = h.Map(v => Math.ScaleB(v, -scale)).ToArray();
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
                    value += Math.Abs(yi);
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
        return new InfToOneNormResult(ScaleBack(L1(fresh), scale, "‖H‖∞,1", nameof(h)), bestX, count);
    }

    /// <summary>‖Hx‖₁ for one sign vector (or any x), computed from scratch.</summary>
    /// <remarks>
    /// Range: finite symmetric H and finite x with ‖Hx‖₁ ≤ double.MaxValue (beyond it an ArgumentException). Computed
    /// on 2^-s·H and 2^-t·x (exact power-of-two scalings to largest entries in [1, 2)) and scaled back once, so no
    /// product or partial sum over- or underflows: within 2d·2^-53·Σ_ij|H_ij||x_j| + 3d²·2^(s+t−1074) (the scaled
    /// entries and products that fall on the subnormal grid, at most 2.5 grid units a product) + 2^-1074 (scaling a
    /// subnormal result back).
    /// </remarks>
    /// <exception cref="ArgumentException">Non-finite or mismatched input, or ‖Hx‖₁ beyond double.MaxValue.</exception>
    public static double AtVertex(Matrix<double> h, Vector<double> x)
    {
        Require.Symmetric(h, nameof(h));
        Require.Finite(x, nameof(x));
        Require.SameLength(h.RowCount, x.Count, nameof(x));
        int s = BinaryExponent.OfLargest(h.Enumerate()), t = BinaryExponent.OfLargest(x.Enumerate());
        var scaled = h.Map(v => Math.ScaleB(v, -s)) * x.Map(v => Math.ScaleB(v, -t));
        return ScaleBack(scaled.L1Norm(), s + t, "‖Hx‖₁", nameof(x));
    }

    /// <summary>value·2^scale, rejecting a result beyond double.MaxValue with a message naming the quantity.</summary>
    internal static double ScaleBack(double value, int scale, string quantity, string parameter)
    {
        double result = Math.ScaleB(value, scale);
        if (double.IsInfinity(result))
            throw new ArgumentException($"{quantity} exceeds double.MaxValue (it is {Require.Show(value)}·2^{scale}); the documented range needs it ≤ double.MaxValue.", parameter);
        return result;
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
            s += Math.Abs(v);
        return s;
    }
}
