using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Lodo;

/// <summary>
/// The small dense linear algebra the LODO statements are written in, once, over <see cref="IReal{T}"/>: traces,
/// characteristic polynomials (Faddeev–LeVerrier), linear solves, Sylvester's test of definiteness, Descartes' count
/// of positive roots and the Cayley transform. In doubles these are ordinary rounded algorithms; in exact rational
/// intervals every result is exact (or an enclosure), and every branch is taken on a decided comparison (an interval
/// that cannot decide throws <see cref="UndecidedException"/>). Sizes are small (n ≤ 9): no blocking, no pivot tricks.
/// </summary>
public static class RealMatrixAlgebra
{
    /// <summary>tr(A).</summary>
    /// <exception cref="ArgumentException">A is not square.</exception>
    public static T Trace<T>(RealMatrix<T> a) where T : IReal<T>
    {
        RequireSquare(a, nameof(a));
        T sum = a[0, 0];
        for (int i = 1; i < a.Rows; i++)
            sum += a[i, i];
        return sum;
    }

    /// <summary>|A| entrywise.</summary>
    public static RealMatrix<T> Abs<T>(RealMatrix<T> a) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Map(T.Abs);
    }

    /// <summary>
    /// The coefficients c₀ … cₙ of det(λI − A) = Σ c_j λ^j (cₙ = 1), by Faddeev–LeVerrier: M₁ = I, c_{n−k} = −tr(AM_k)/k,
    /// M_{k+1} = AM_k + c_{n−k}I. Exact in rational arithmetic (divisions by k only).
    /// </summary>
    /// <exception cref="ArgumentException">A is not square.</exception>
    public static T[] CharacteristicPolynomial<T>(RealMatrix<T> a) where T : IReal<T>
    {
        RequireSquare(a, nameof(a));
        int n = a.Rows;
        var c = new T[n + 1];
        c[n] = T.Of(1);
        var m = RealMatrix<T>.Identity(n);
        for (int k = 1; k <= n; k++)
        {
            var am = a * m;
            c[n - k] = -Trace(am) / k;
            if (k < n)
                m = am + c[n - k] * RealMatrix<T>.Identity(n);
        }
        return c;
    }

    /// <summary>det(A) = (−1)ⁿ c₀ of the characteristic polynomial.</summary>
    public static T Determinant<T>(RealMatrix<T> a) where T : IReal<T>
    {
        var c = CharacteristicPolynomial(a);
        return a.Rows % 2 == 0 ? c[0] : -c[0];
    }

    /// <summary>
    /// X with AX = B by Gaussian elimination with partial pivoting (the largest |pivot| of the column), or null when a
    /// column has no non-zero pivot (A singular; decided exactly in rational arithmetic, by an exact zero in doubles).
    /// </summary>
    /// <exception cref="ArgumentException">A is not square, or B has another number of rows.</exception>
    public static RealMatrix<T>? Solve<T>(RealMatrix<T> a, RealMatrix<T> b) where T : IReal<T>
    {
        RequireSquare(a, nameof(a));
        ArgumentNullException.ThrowIfNull(b);
        if (b.Rows != a.Rows)
            throw new ArgumentException($"b must have {a.Rows} rows, got {b.Rows}.", nameof(b));
        int n = a.Rows, m = b.Columns;
        var w = new T[n, n];
        var x = new T[n, m];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                w[i, j] = a[i, j];
            for (int j = 0; j < m; j++)
                x[i, j] = b[i, j];
        }
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
                if (T.Abs(w[r, col]) > T.Abs(w[pivot, col]))
                    pivot = r;
            if (T.Sign(w[pivot, col]) == 0)
                return null;
            if (pivot != col)
            {
                for (int j = 0; j < n; j++)
                    (w[col, j], w[pivot, j]) = (w[pivot, j], w[col, j]);
                for (int j = 0; j < m; j++)
                    (x[col, j], x[pivot, j]) = (x[pivot, j], x[col, j]);
            }
            for (int r = col + 1; r < n; r++)
            {
                var f = w[r, col] / w[col, col];
                for (int j = col; j < n; j++)
                    w[r, j] -= f * w[col, j];
                for (int j = 0; j < m; j++)
                    x[r, j] -= f * x[col, j];
            }
        }
        for (int i = n - 1; i >= 0; i--)
            for (int j = 0; j < m; j++)
            {
                T s = x[i, j];
                for (int l = i + 1; l < n; l++)
                    s -= w[i, l] * x[l, j];
                x[i, j] = s / w[i, i];
            }
        return RealMatrix<T>.Create(n, m, (i, j) => x[i, j]);
    }

    /// <summary>
    /// Whether the symmetric matrix A is positive definite, by Sylvester's criterion in elimination form: Gaussian
    /// elimination without pivoting meets only positive pivots (the ratios of consecutive leading principal minors).
    /// Only the lower triangle's elimination is used, so A must be symmetric (the caller's hypothesis).
    /// </summary>
    public static bool IsPositiveDefinite<T>(RealMatrix<T> a) where T : IReal<T>
    {
        RequireSquare(a, nameof(a));
        int n = a.Rows;
        var w = new T[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                w[i, j] = a[i, j];
        for (int col = 0; col < n; col++)
        {
            if (T.Sign(w[col, col]) <= 0)
                return false;
            for (int r = col + 1; r < n; r++)
            {
                var f = w[r, col] / w[col, col];
                for (int j = col; j < n; j++)
                    w[r, j] -= f * w[col, j];
            }
        }
        return true;
    }

    /// <summary>
    /// Descartes' rule of signs: the number of sign changes of c₀, c₁, …, cₙ (zeros skipped). It bounds the number of
    /// positive roots of Σ c_j x^j, and equals it when every root is real (e.g. the characteristic polynomial of a
    /// symmetric matrix, or of a product GH with G ⪰ 0 and H symmetric).
    /// </summary>
    public static int PositiveRootCount<T>(IReadOnlyList<T> coefficients) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        int changes = 0, last = 0;
        foreach (var c in coefficients)
        {
            int sign = T.Sign(c);
            if (sign == 0)
                continue;
            if (last != 0 && sign != last)
                changes++;
            last = sign;
        }
        return changes;
    }

    /// <summary>The coefficients of p(−x): the positive roots of p(−x) are the negative roots of p.</summary>
    public static T[] Reflect<T>(IReadOnlyList<T> coefficients) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        return [.. coefficients.Select((c, j) => j % 2 == 0 ? c : -c)];
    }

    /// <summary>The coefficients of p(x + s) (Taylor shift by repeated synthetic division; exact in rationals).</summary>
    public static T[] Shift<T>(IReadOnlyList<T> coefficients, T s) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        var c = coefficients.ToArray();
        int n = c.Length - 1;
        for (int i = 0; i < n; i++)
            for (int j = n - 1; j >= i; j--)
                c[j] += s * c[j + 1];
        return c;
    }

    /// <summary>
    /// The Cayley transform (I + S)⁻¹(I − S) of a skew-symmetric S: an orthogonal matrix, exactly orthogonal in
    /// rational arithmetic (I + S is invertible for every skew S: its eigenvalues are 1 + iω).
    /// </summary>
    /// <exception cref="ArgumentException">S is not square.</exception>
    public static RealMatrix<T> Cayley<T>(RealMatrix<T> skew) where T : IReal<T>
    {
        RequireSquare(skew, nameof(skew));
        var id = RealMatrix<T>.Identity(skew.Rows);
        return Solve(id + skew, id - skew)
            ?? throw new ArgumentException("I + S is singular: S is not skew-symmetric.", nameof(skew));
    }

    private static void RequireSquare<T>(RealMatrix<T> a, string name) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a, name);
        if (a.Rows != a.Columns)
            throw new ArgumentException($"{name} must be square, got {a.Rows}×{a.Columns}.", name);
    }
}
