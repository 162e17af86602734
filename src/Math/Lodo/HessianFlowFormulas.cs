using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Lodo;

/// <summary>
/// The flow of lodo.md eq. (10) and the footnote's derivative (11)–(13), written once over <see cref="IReal{T}"/>:
/// dA/dt = −HAΣ_AH² with Σ_A = Σ_{n≥0} AⁿC(Aⁿ)ᵀ (C = E[ssᵀ]), H = UDUᵀ, B = UᵀAU. Σ_A is the solution of the Stein
/// equation Σ = AΣAᵀ + C, which equals the series exactly when the spectral radius ρ(A) &lt; 1
/// (<see cref="IsSchurStable{T}"/> decides that exactly). The exact instantiation agrees with
/// <see cref="HessianLearningFlow"/>'s rational versions.
/// </summary>
public static class HessianFlowFormulas
{
    /// <summary>
    /// The solution Σ of Σ = AΣAᵀ + C, i.e. (I − A⊗A) vec Σ = vec C (row-major vec), or null when that system is singular
    /// (some product of two eigenvalues of A is 1).
    /// </summary>
    public static RealMatrix<T>? Stein<T>(RealMatrix<T> a, RealMatrix<T> c) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(c);
        int n = a.Rows;
        if (a.Columns != n || c.Rows != n || c.Columns != n)
            throw new ArgumentException($"A and C must be n×n of one n, got {a.Rows}×{a.Columns} and {c.Rows}×{c.Columns}.", nameof(c));
        // Row (i, j) ↦ i·n + j; (AΣAᵀ)_ij = Σ_{k,l} A_ik Σ_kl A_jl.
        var system = RealMatrix<T>.Create(n * n, n * n, (r, col) =>
        {
            int i = r / n, j = r % n, k = col / n, l = col % n;
            var kron = a[i, k] * a[j, l];
            return r == col ? 1 - kron : -kron;
        });
        var rhs = RealMatrix<T>.Create(n * n, 1, (r, _) => c[r / n, r % n]);
        var x = RealMatrixAlgebra.Solve(system, rhs);
        return x is null ? null : RealMatrix<T>.Create(n, n, (i, j) => x[i * n + j, 0]);
    }

    /// <summary>
    /// ρ(A) &lt; 1, decided by Lyapunov's theorem: the Stein equation P = APAᵀ + I has a unique solution and it is positive
    /// definite exactly when every eigenvalue of A lies inside the unit circle (then P = Σ Aⁿ(Aⁿ)ᵀ ⪰ I; conversely an
    /// eigenvector w of Aᵀ with |λ| ≥ 1 gives (1 − |λ|²)w*Pw = |w|² &gt; 0, impossible for P ≻ 0).
    /// </summary>
    public static bool IsSchurStable<T>(RealMatrix<T> a) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        var p = Stein(a, RealMatrix<T>.Identity(a.Rows));
        return p is not null && RealMatrixAlgebra.IsPositiveDefinite(p);
    }

    /// <summary>Σ_A of eq. (10) = Stein(A, C) (the caller establishes ρ(A) &lt; 1).</summary>
    /// <exception cref="InvalidOperationException">the Stein system is singular (ρ(A) ≥ 1).</exception>
    public static RealMatrix<T> NoiseSum<T>(RealMatrix<T> a, RealMatrix<T> c) where T : IReal<T> =>
        Stein(a, c) ?? throw new InvalidOperationException("the Stein equation Σ = AΣAᵀ + C is singular: ρ(A) ≥ 1, the series of eq. (10) has no value.");

    /// <summary>Eq. (10): dA/dt = −HAΣ_AH².</summary>
    public static RealMatrix<T> Velocity<T>(RealMatrix<T> a, RealMatrix<T> h, RealMatrix<T> c) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(c);
        RequireSquareOfOrder(a, a.Rows, nameof(a));
        RequireSquareOfOrder(h, a.Rows, nameof(h));
        return -(h * a * NoiseSum(a, c) * h * h);
    }

    /// <summary>‖BD⁻¹‖²_F = Σ_ij B_ij²/D_jj² with B = UᵀAU and D diagonal (the left side of eq. 11).</summary>
    public static T RescaledError<T>(RealMatrix<T> a, RealMatrix<T> u, IReadOnlyList<T> d) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(d);
        RequireRotationShapes(a, u, d, null);
        var b = u.Transpose() * a * u;
        T sum = T.Of(0);
        for (int i = 0; i < b.Rows; i++)
            for (int j = 0; j < b.Columns; j++)
                sum += b[i, j] * b[i, j] / (d[j] * d[j]);
        return sum;
    }

    /// <summary>
    /// Eq. (11) by definition: d/dt‖BD⁻¹‖²_F along (10) as the central difference [F(A + V) − F(A − V)]/2 with V = dA/dt,
    /// exact because F is a quadratic form in A; and the size F(A + V) + F(A − V) of the two terms subtracted.
    /// </summary>
    public static (T Rate, T TermSize) RateByDefinition<T>(RealMatrix<T> a, RealMatrix<T> u, IReadOnlyList<T> d, RealMatrix<T> c) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(c);
        RequireRotationShapes(a, u, d, c);
        var h = u * RealMatrix<T>.Diagonal(d) * u.Transpose();
        var v = Velocity(a, h, c);
        var plus = RescaledError(a + v, u, d);
        var minus = RescaledError(a - v, u, d);
        return ((plus - minus) / 2, plus + minus);
    }

    /// <summary>
    /// Eq. (12): −2tr(BᵀDBΣ_B) with Σ_B = Σ BⁿUᵀCU(Bⁿ)ᵀ; and the size of its terms, 2tr(|B|ᵀ|D||B||Σ_B|).
    /// </summary>
    public static (T Rate, T TermSize) RateEq12<T>(RealMatrix<T> a, RealMatrix<T> u, IReadOnlyList<T> d, RealMatrix<T> c) where T : IReal<T>
    {
        var (b, dm, sigma) = Rotated(a, u, d, c);
        var rate = -2 * RealMatrixAlgebra.Trace(b.Transpose() * dm * b * sigma);
        var size = 2 * RealMatrixAlgebra.Trace(Abs(b).Transpose() * Abs(dm) * Abs(b) * Abs(sigma));
        return (rate, size);
    }

    /// <summary>
    /// Eq. (13) without square roots: −2‖D^½BΣ_B^½‖²_F = −2tr(DBΣ_BBᵀ) (cyclic trace); and the size of its terms.
    /// </summary>
    public static (T Rate, T TermSize) RateEq13<T>(RealMatrix<T> a, RealMatrix<T> u, IReadOnlyList<T> d, RealMatrix<T> c) where T : IReal<T>
    {
        var (b, dm, sigma) = Rotated(a, u, d, c);
        var rate = -2 * RealMatrixAlgebra.Trace(dm * b * sigma * b.Transpose());
        var size = 2 * RealMatrixAlgebra.Trace(Abs(dm) * Abs(b) * Abs(sigma) * Abs(b).Transpose());
        return (rate, size);
    }

    private static (RealMatrix<T> B, RealMatrix<T> D, RealMatrix<T> Sigma) Rotated<T>(RealMatrix<T> a, RealMatrix<T> u, IReadOnlyList<T> d, RealMatrix<T> c) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(c);
        RequireRotationShapes(a, u, d, c);
        var b = u.Transpose() * a * u;
        return (b, RealMatrix<T>.Diagonal(d), NoiseSum(b, u.Transpose() * c * u));
    }

    /// <summary>U is n×n, A (and C when given) n×n and D has n entries, with n = U's order; else the first argument that
    /// differs is named (the products would otherwise fail naming an operand of RealMatrix's operators, or index past D).</summary>
    private static void RequireRotationShapes<T>(RealMatrix<T> a, RealMatrix<T> u, IReadOnlyList<T> d, RealMatrix<T>? c) where T : IReal<T>
    {
        int n = u.Rows;
        RequireSquareOfOrder(u, n, nameof(u));
        RequireSquareOfOrder(a, n, nameof(a));
        if (d.Count != n)
            throw new ArgumentException($"D must have one entry per column of U ({n}), got {d.Count}.", nameof(d));
        if (c is not null)
            RequireSquareOfOrder(c, n, nameof(c));
    }

    private static void RequireSquareOfOrder<T>(RealMatrix<T> m, int n, string name) where T : IReal<T>
    {
        if (m.Rows != n || m.Columns != n)
            throw new ArgumentException($"{name} must be {n}×{n} (the order of the other matrices), got {m.Rows}×{m.Columns}.", name);
    }

    private static RealMatrix<T> Abs<T>(RealMatrix<T> m) where T : IReal<T> => RealMatrixAlgebra.Abs(m);
}
