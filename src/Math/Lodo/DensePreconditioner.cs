using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Lodo;

/// <summary>
/// The simplified G(θ) of lodo.md §4.1: "a full dense matrix filled with elements of θ" (row-major, not symmetrized),
/// so ∂(aᵀGu)/∂G = a uᵀ and the hypergradient has the closed form (26)–(28).
/// </summary>
/// <remarks>
/// Range: every finite θ, v, a, u; a result entry is ±∞ exactly where its exact value is beyond ±double.MaxValue (IEEE
/// overflow, so that a diverging LODO run is recorded as non-finite, as Trajectory.Record expects). G(θ)v
/// is summed with θ and v scaled by exact powers of two (their largest entries in [1, 2)), so no partial sum overflows
/// where the result does not (the row (1e308, 1e308, −1e308) times v = (1, 1, 1) is 1e308; the former product gave ∞). Accuracy, u = 2^-53: each entry of G(θ)v
/// within n·u·Σ_j|θ_ij v_j| plus 2^-1074·max|θ|·max|v|·n (entries below 2^-1074 of the largest are dropped), each entry
/// of a uᵀ within ½ulp.
/// </remarks>
public sealed class DensePreconditioner : IPreconditionerModel
{
    /// <summary>A dense n×n model whose θ₀ is α₀I (the eq. 2 initialization, for comparability).</summary>
    public DensePreconditioner(int dimension, double alpha0)
    {
        if (dimension < 1)
            throw new ArgumentException($"dimension must be ≥ 1, got {dimension}.", nameof(dimension));
        Dimension = dimension;
        Alpha0 = Require.Finite(alpha0, nameof(alpha0));
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>α₀ of θ₀ = vec(α₀I).</summary>
    public double Alpha0 { get; }

    /// <inheritdoc />
    public int ParameterCount => Dimension * Dimension;

    /// <inheritdoc />
    public string Name => $"dense(n={Dimension},α0={Require.Show(Alpha0)})";

    /// <summary>θ = vec(G) row-major.</summary>
    public static Vector<double> Vectorize(Matrix<double> g)
    {
        ArgumentNullException.ThrowIfNull(g);
        if (g.RowCount != g.ColumnCount)
            throw new ArgumentException($"g must be square, got {g.RowCount}×{g.ColumnCount}.", nameof(g));
        return Vector<double>.Build.DenseOfArray(g.ToRowMajorArray());
    }

    /// <inheritdoc />
    public Vector<double> Apply(Vector<double> theta, Vector<double> v)
    {
        Require.Finite(v, nameof(v));
        Require.SameLength(Dimension, v.Count, nameof(v));
        var g = Dense(theta);
        if (Ordinary(theta) && Ordinary(v))
            return g * v; // no product or sum can overflow or underflow: the plain product (bit for bit the former results)
        var (ft, st) = Scale(g.Enumerate());
        var (fv, sv) = Scale(v.Enumerate());
        int n = Dimension;
        var result = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++)
                sum += g[i, j] * ft * (v[j] * fv);
            result[i] = sum == 0 ? 0.0 : Math.ScaleB(sum, st + sv); // ±∞ exactly where the sum is beyond the range
        }
        return Vector<double>.Build.DenseOfArray(result);
    }

    /// <inheritdoc />
    public Matrix<double> Dense(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(ParameterCount, theta.Count, nameof(theta));
        return Matrix<double>.Build.Dense(Dimension, Dimension, (i, j) => theta[i * Dimension + j]);
    }

    /// <inheritdoc />
    public Vector<double> BilinearGradient(Vector<double> theta, Vector<double> a, Vector<double> u)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(ParameterCount, theta.Count, nameof(theta));
        Require.Finite(a, nameof(a));
        Require.SameLength(Dimension, a.Count, nameof(a));
        Require.Finite(u, nameof(u));
        Require.SameLength(Dimension, u.Count, nameof(u));
        return Vectorize(a.OuterProduct(u)); // one rounding each: ±∞ exactly where a_i·u_j is beyond the range
    }

    /// <summary>True when every entry is 0 or of magnitude in [2^-200, 2^200] (and n ≤ 2^20).</summary>
    private bool Ordinary(Vector<double> x) =>
        Dimension <= 1 << 20 && x.Enumerate().All(e => e == 0 || (Math.Abs(e) >= 6.223015277861142e-61 && Math.Abs(e) <= 1.6069380442589903e60));

    /// <summary>2^-s and s with s = ⌊log₂ max|x|⌋ (clamped to the normal exponents; 1 and 0 for all zeros).</summary>
    private static (double Factor, int Exponent) Scale(IEnumerable<double> values)
    {
        double m = values.Max(Math.Abs);
        if (m == 0)
            return (1, 0);
        int s = Math.Clamp(Math.ILogB(m), -1022, 1023);
        return (Math.ScaleB(1.0, -s), s);
    }

    /// <inheritdoc />
    public Vector<double> Initial(System.Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Vectorize(Matrix<double>.Build.DenseIdentity(Dimension) * Alpha0);
    }
}
