using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.SignGeometry;

/// <summary>The two steepest-descent geometries whose quadratic smoothness constants are exactly computable (Table 6.1).</summary>
public enum SteepestNorm
{
    /// <summary>‖·‖∞ with dual ‖·‖₁: L = ‖H‖∞,1 (eq. 6.18), steepest descent = norm-scaled sign descent (eq. 6.10).</summary>
    Max,

    /// <summary>‖·‖₁ with dual ‖·‖∞: L = max|H_ij|, steepest descent = coordinate descent (eq. C.2).</summary>
    One,
}

/// <summary>
/// The quantities of balles-thesis chapter 6 and appendix C written once over <see cref="IReal{T}"/>, so a statement
/// about them runs in doubles and in exact rational intervals from the same code: the norms and induced matrix norms
/// of Table 6.1 and eq. (6.18), the steepest-descent steps (6.10) and (C.2), positive semi-definiteness, ρ_diag
/// (Prop. 6.4), the density φ (6.29), and the closed-form eigenpairs of 2×2 (C.16) and rank-one matrices.
/// </summary>
public static class SignGeometryFormulas
{
    /// <summary>Largest dimension for the vertex enumeration of ‖H‖∞,1 (2^(d−1) vertices of O(d²) each).</summary>
    public const int MaxEnumerationDimension = 16;

    /// <summary>Largest dimension for <see cref="IsPositiveSemidefinite{T}"/> (2^d principal minors by cofactor expansion).</summary>
    public const int MaxDefinitenessDimension = 6;

    /// <summary>xᵀHx.</summary>
    public static T Quadratic<T>(RealMatrix<T> h, IReadOnlyList<T> x) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(x);
        return RealVector.Dot(x, h * x);
    }

    /// <summary>a − b.</summary>
    public static T[] Subtract<T>(IReadOnlyList<T> a, IReadOnlyList<T> b) where T : IReal<T>
    {
        CheckSameLength(a, b);
        return a.Select((v, i) => v - b[i]).ToArray();
    }

    /// <summary>a + b.</summary>
    public static T[] Add<T>(IReadOnlyList<T> a, IReadOnlyList<T> b) where T : IReal<T>
    {
        CheckSameLength(a, b);
        return a.Select((v, i) => v + b[i]).ToArray();
    }

    /// <summary>Vertices between fresh evaluations of Hx in <see cref="InfToOne{T}"/> (bounds rounding drift and interval width).</summary>
    public const int ResyncInterval = 16;

    /// <summary>
    /// ‖H‖∞,1 = max_{‖θ‖∞ ≤ 1}‖Hθ‖₁ (eq. 6.18): the maximum of the convex ‖Hθ‖₁ over the cube is attained at a vertex, and
    /// x and −x give the same value, so the 2^(d−1) sign vectors with x₀ = +1 are enumerated in Gray-code order (one sign flips
    /// per step, Hx ← Hx − 2x_jH_{·j}); Hx is formed afresh every <see cref="ResyncInterval"/> vertices, so neither the rounding
    /// of doubles nor the width of intervals accumulates over more than that many updates.
    /// </summary>
    /// <exception cref="ArgumentException">H not square, or d above <see cref="MaxEnumerationDimension"/>.</exception>
    public static T InfToOne<T>(RealMatrix<T> h) where T : IReal<T>
    {
        int d = CheckSquare(h, MaxEnumerationDimension);
        var x = new int[d];
        Array.Fill(x, 1);
        T[] y = Fresh(h, x);
        T best = RealVector.L1(y);
        long count = 1L << (d - 1);
        for (long k = 1; k < count; k++)
        {
            // The Gray code of k differs from that of k − 1 in bit j = trailing zeros of k; sign j + 1 flips (x₀ stays +1).
            int j = System.Numerics.BitOperations.TrailingZeroCount(k) + 1;
            x[j] = -x[j];
            if (k % ResyncInterval == 0)
                y = Fresh(h, x);
            else
                for (int i = 0; i < d; i++)
                    y[i] += 2 * x[j] * h[i, j];
            best = T.Max(best, RealVector.L1(y));
        }
        return best;
    }

    private static T[] Fresh<T>(RealMatrix<T> h, int[] x) where T : IReal<T> =>
        h * x.Select(s => s > 0 ? T.Of(1) : T.Of(-1)).ToArray();

    /// <summary>‖H‖₁,∞ = max_{‖θ‖₁ ≤ 1}‖Hθ‖∞ = max_ij |H_ij|: the ℓ1-smoothness constant of a quadratic.</summary>
    public static T OneToInf<T>(RealMatrix<T> h) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(h);
        return h.MaxAbs();
    }

    /// <summary>The tight smoothness constant of ½θᵀHθ w.r.t. the norm (Prop. 6.3: the induced matrix norm).</summary>
    public static T Constant<T>(SteepestNorm norm, RealMatrix<T> h) where T : IReal<T> =>
        norm == SteepestNorm.Max ? InfToOne(h) : OneToInf(h);

    /// <summary>The primal norm ‖x‖ (‖·‖∞ or ‖·‖₁).</summary>
    public static T Primal<T>(SteepestNorm norm, IReadOnlyList<T> x) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        return norm == SteepestNorm.Max ? RealVector.LInf(x) : RealVector.L1(x);
    }

    /// <summary>The dual norm ‖x‖_* (‖·‖₁ or ‖·‖∞).</summary>
    public static T Dual<T>(SteepestNorm norm, IReadOnlyList<T> x) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        return norm == SteepestNorm.Max ? RealVector.L1(x) : RealVector.LInf(x);
    }

    /// <summary>
    /// The steepest-descent step of eq. (6.9) with constant L: for the max norm −(‖g‖₁/L)·sign(g) (eq. 6.10) with sign(0) =
    /// <paramref name="signOfZero"/> (0, or +1 as some implementations read it); for the ℓ1 norm −(g_k/L)e_k at the first k
    /// maximizing |g_k| (eq. C.2).
    /// </summary>
    /// <exception cref="ArgumentException">g empty, or signOfZero not 0 or 1.</exception>
    public static T[] Step<T>(SteepestNorm norm, IReadOnlyList<T> g, T lipschitz, int signOfZero = 0) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(g);
        if (g.Count == 0)
            throw new ArgumentException("g must not be empty.", nameof(g));
        if (signOfZero is not (0 or 1))
            throw new ArgumentException($"signOfZero must be 0 or 1, got {signOfZero}.", nameof(signOfZero));
        var step = new T[g.Count];
        if (norm == SteepestNorm.Max)
        {
            var r = RealVector.L1(g) / lipschitz;
            for (int i = 0; i < g.Count; i++)
            {
                int s = T.Sign(g[i]);
                step[i] = -r * (s == 0 ? signOfZero : s);
            }
            return step;
        }
        int k = 0;
        for (int i = 1; i < g.Count; i++)
            if (T.Abs(g[i]) > T.Abs(g[k]))
                k = i;
        for (int i = 0; i < g.Count; i++)
            step[i] = i == k ? -g[k] / lipschitz : T.Of(0);
        return step;
    }

    /// <summary>tr H.</summary>
    public static T Trace<T>(RealMatrix<T> h) where T : IReal<T>
    {
        int d = CheckSquare(h, int.MaxValue);
        T s = h[0, 0];
        for (int i = 1; i < d; i++)
            s += h[i, i];
        return s;
    }

    /// <summary>Σ_ij |H_ij| (the bound C.48 on ‖H‖∞,1).</summary>
    public static T EntrywiseL1<T>(RealMatrix<T> h) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(h);
        T s = T.Of(0);
        for (int i = 0; i < h.Rows; i++)
            for (int j = 0; j < h.Columns; j++)
                s += T.Abs(h[i, j]);
        return s;
    }

    /// <summary>Σ_i |H_ii|.</summary>
    public static T DiagonalL1<T>(RealMatrix<T> h) where T : IReal<T>
    {
        int d = CheckSquare(h, int.MaxValue);
        T s = T.Abs(h[0, 0]);
        for (int i = 1; i < d; i++)
            s += T.Abs(h[i, i]);
        return s;
    }

    /// <summary>diag(l) + s·H.</summary>
    public static RealMatrix<T> DiagonalPlus<T>(IReadOnlyList<T> l, RealMatrix<T> h, int s) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(l);
        int d = CheckSquare(h, int.MaxValue);
        if (l.Count != d)
            throw new ArgumentException($"l must have length {d}, got {l.Count}.", nameof(l));
        return RealMatrix<T>.Create(d, d, (i, j) => (i == j ? l[i] : T.Of(0)) + s * h[i, j]);
    }

    /// <summary>
    /// Positive semi-definiteness of a symmetric A as "every principal minor is ≥ 0" (Sylvester's criterion for the
    /// semi-definite case), each minor by cofactor expansion: sums of products, no division, so small-integer and dyadic
    /// matrices are decided exactly even in doubles, and in rational intervals every comparison is exact or undecided.
    /// </summary>
    /// <exception cref="ArgumentException">A not square or larger than <see cref="MaxDefinitenessDimension"/>.</exception>
    public static bool IsPositiveSemidefinite<T>(RealMatrix<T> a) where T : IReal<T>
    {
        int d = CheckSquare(a, MaxDefinitenessDimension, nameof(a));
        for (int mask = 1; mask < 1 << d; mask++)
        {
            var idx = Enumerable.Range(0, d).Where(i => ((mask >> i) & 1) == 1).ToArray();
            if (T.Sign(Determinant(a, idx, idx)) < 0)
                return false;
        }
        return true;
    }

    /// <summary>The determinant of the submatrix of A on the given rows and columns, by cofactor expansion along the first row.</summary>
    private static T Determinant<T>(RealMatrix<T> a, int[] rows, int[] columns) where T : IReal<T>
    {
        if (rows.Length == 1)
            return a[rows[0], columns[0]];
        T det = T.Of(0);
        var rest = rows[1..];
        for (int k = 0; k < columns.Length; k++)
        {
            var minor = Determinant(a, rest, columns.Where((_, i) => i != k).ToArray());
            var term = a[rows[0], columns[k]] * minor;
            det = k % 2 == 0 ? det + term : det - term;
        }
        return det;
    }

    /// <summary>φ(ω) = ‖ω‖₁²/(d‖ω‖₂²) of eq. (6.29) (ω ≠ 0).</summary>
    public static T Density<T>(IReadOnlyList<T> omega) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(omega);
        var l1 = RealVector.L1(omega);
        return l1 * l1 / (omega.Count * RealVector.Dot(omega, omega));
    }

    /// <summary>
    /// The eigenvalues of [[a, b], [b, d]] (eq. C.16): (a+d)/2 ± √((a−d)²/4 + b²), larger first.
    /// </summary>
    public static (T Max, T Min) Eigenvalues2x2<T>(T a, T b, T d) where T : IReal<T>
    {
        var mid = (a + d) / 2;
        var root = Root2x2(a, b, d);
        return (mid + root, mid - root);
    }

    private static T Root2x2<T>(T a, T b, T d) where T : IReal<T>
    {
        var half = (d - a) / 2;
        return T.Sqrt(half * half + b * b);
    }

    /// <summary>
    /// The eigenpairs of [[a, b], [b, d]] in closed form, larger eigenvalue first: for b ≠ 0 the eigenvector (b, x) with
    /// x = λ − a = (d − a)/2 ± √((d−a)²/4 + b²) (eq. C.16 shifted by a), each x formed without cancellation (x₊x₋ = −b²). The
    /// eigenvalue is λ = a + x for the root of smaller |x| and λ = d + b²/x for the other (the same value: (a − λ)(d − λ) = b²),
    /// so that it is as accurate as the terms of Hv = λv it must match (the first row's for the small root, the second row's for
    /// the large one). For b = 0 the coordinate axes (an eigenpair per diagonal entry, in order).
    /// </summary>
    public static IReadOnlyList<(T Lambda, T[] Vector)> Eigenpairs2x2<T>(T a, T b, T d) where T : IReal<T>
    {
        if (T.Sign(b) == 0)
            return [(a, [T.Of(1), T.Of(0)]), (d, [T.Of(0), T.Of(1)])];
        var half = (d - a) / 2;
        var root = Root2x2(a, b, d);
        var b2 = b * b;
        if (half >= 0)
        {
            var up = half + root; // the larger |x|
            var down = -b2 / up;
            return [(d + b2 / up, [b, up]), (a + down, [b, down])];
        }
        else
        {
            var down = half - root; // the larger |x|
            var up = -b2 / down;
            return [(a + up, [b, up]), (d + b2 / down, [b, down])];
        }
    }

    /// <summary>
    /// The eigenpairs of c·uuᵀ (u ≠ 0, length k): λ = c‖u‖₂² with eigenvector u, and λ = 0 with the k − 1 eigenvectors
    /// w_j = u_p·e_j − u_j·e_p (j ≠ p, p the first index with u_p ≠ 0), which span u⊥ (c·uuᵀw_j = c·u(u_pu_j − u_ju_p) = 0).
    /// </summary>
    /// <exception cref="ArgumentException">u is empty or 0.</exception>
    public static IReadOnlyList<(T Lambda, T[] Vector)> EigenpairsRankOne<T>(T c, IReadOnlyList<T> u) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(u);
        int p = -1;
        for (int i = 0; i < u.Count && p < 0; i++)
            if (T.Sign(u[i]) != 0)
                p = i;
        if (p < 0)
            throw new ArgumentException("u must be nonzero.", nameof(u));
        var list = new List<(T, T[])> { (c * RealVector.Dot(u, u), u.ToArray()) };
        for (int j = 0; j < u.Count; j++)
            if (j != p)
                list.Add((T.Of(0), Enumerable.Range(0, u.Count).Select(k => k == j ? u[p] : k == p ? -u[j] : T.Of(0)).ToArray()));
        return list;
    }

    /// <summary>The square-matrix check; <paramref name="name"/> is the caller's parameter name (h, or a for IsPositiveSemidefinite).</summary>
    private static int CheckSquare<T>(RealMatrix<T> h, int max, string name = "h") where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(h, name);
        if (h.Rows != h.Columns)
            throw new ArgumentException($"{name} must be square, got {h.Rows}×{h.Columns}.", name);
        if (h.Rows > max)
            throw new ArgumentException($"{name} must have dimension ≤ {max}, got {h.Rows}.", name);
        return h.Rows;
    }

    private static void CheckSameLength<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
            throw new ArgumentException($"vectors of one length needed, got {a.Count} and {b.Count}.", nameof(b));
    }
}
