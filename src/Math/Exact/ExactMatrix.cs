using Fractions;
using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Exact;

/// <summary>
/// A small dense matrix of exact rationals (used to certify the LODO claims: recurrences (5)–(6), the flow (10)–(13),
/// Lemma B.1, without rounding). Immutable; operations allocate. Vector and interval helpers: <see cref="ExactLinearAlgebra"/>.
/// </summary>
public sealed class ExactMatrix
{
    private readonly Fraction[,] entries;

    /// <summary>Wraps a copy of <paramref name="entries"/>.</summary>
    public ExactMatrix(Fraction[,] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.GetLength(0) < 1 || entries.GetLength(1) < 1)
            throw new ArgumentException("entries must not be empty.", nameof(entries));
        this.entries = (Fraction[,])entries.Clone();
    }

    /// <summary>Rows.</summary>
    public int Rows => entries.GetLength(0);

    /// <summary>Columns.</summary>
    public int Columns => entries.GetLength(1);

    /// <summary>Entry (i, j).</summary>
    public Fraction this[int i, int j] => entries[i, j];

    /// <summary>The exact value of every double of <paramref name="m"/> (doubles are rationals).</summary>
    public static ExactMatrix FromDoubles(Matrix<double> m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return Build(m.RowCount, m.ColumnCount, (i, j) => ExactDouble.ToFraction(Require.Finite(m[i, j], nameof(m))));
    }

    /// <summary>A matrix of small integers.</summary>
    public static ExactMatrix FromIntegers(long[,] m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return Build(m.GetLength(0), m.GetLength(1), (i, j) => new Fraction(m[i, j]));
    }

    /// <summary>Entries from a function.</summary>
    public static ExactMatrix Build(int rows, int columns, Func<int, int, Fraction> entry)
    {
        if (rows < 1 || columns < 1)
            throw new ArgumentException($"rows and columns must be ≥ 1, got {rows}×{columns}.", nameof(rows));
        ArgumentNullException.ThrowIfNull(entry);
        var e = new Fraction[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                e[i, j] = entry(i, j);
        return new ExactMatrix(e);
    }

    /// <summary>The n×n identity.</summary>
    public static ExactMatrix Identity(int n) => Build(n, n, (i, j) => i == j ? Fraction.One : Fraction.Zero);

    /// <summary>A column vector.</summary>
    public static ExactMatrix Column(IReadOnlyList<Fraction> v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return Build(v.Count, 1, (i, _) => v[i]);
    }

    /// <summary>Nearest doubles.</summary>
    public Matrix<double> ToDouble() => Matrix<double>.Build.Dense(Rows, Columns, (i, j) => ExactDouble.ToDouble(entries[i, j]));

    /// <summary>Aᵀ.</summary>
    public ExactMatrix Transpose() => Build(Columns, Rows, (i, j) => entries[j, i]);

    /// <summary>tr(A).</summary>
    public Fraction Trace()
    {
        RequireSquare(this, "this");
        var s = Fraction.Zero;
        for (int i = 0; i < Rows; i++)
            s += entries[i, i];
        return s;
    }

    /// <summary>max |a_ij|.</summary>
    public Fraction MaxAbs()
    {
        var m = Fraction.Zero;
        foreach (var x in entries)
            m = FractionExtensions.Max(m, x.Sign() < 0 ? -x : x);
        return m;
    }

    /// <summary>A + B.</summary>
    public static ExactMatrix operator +(ExactMatrix a, ExactMatrix b)
    {
        SameShape(a, b);
        return Build(a.Rows, a.Columns, (i, j) => a[i, j] + b[i, j]);
    }

    /// <summary>A − B.</summary>
    public static ExactMatrix operator -(ExactMatrix a, ExactMatrix b)
    {
        SameShape(a, b);
        return Build(a.Rows, a.Columns, (i, j) => a[i, j] - b[i, j]);
    }

    /// <summary>cA.</summary>
    public static ExactMatrix operator *(Fraction c, ExactMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return Build(a.Rows, a.Columns, (i, j) => c * a[i, j]);
    }

    /// <summary>AB.</summary>
    public static ExactMatrix operator *(ExactMatrix a, ExactMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Columns != b.Rows)
            throw new ArgumentException($"cannot multiply {a.Rows}×{a.Columns} by {b.Rows}×{b.Columns}.", nameof(b));
        return Build(a.Rows, b.Columns, (i, j) =>
        {
            var s = Fraction.Zero;
            for (int l = 0; l < a.Columns; l++)
                s += a[i, l] * b[l, j];
            return s;
        });
    }

    /// <summary>Solves AX = B exactly by Gaussian elimination; throws when A is singular.</summary>
    public ExactMatrix Solve(ExactMatrix b)
    {
        RequireSquare(this, "this");
        ArgumentNullException.ThrowIfNull(b);
        if (b.Rows != Rows)
            throw new ArgumentException($"b must have {Rows} rows, got {b.Rows}.", nameof(b));
        int n = Rows, m = b.Columns;
        var a = (Fraction[,])entries.Clone();
        var x = new Fraction[n, m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                x[i, j] = b[i, j];
        for (int col = 0; col < n; col++)
        {
            int pivot = -1;
            for (int r = col; r < n; r++)
                if (!a[r, col].IsZero) { pivot = r; break; }
            if (pivot < 0)
                throw new ArgumentException("the matrix is singular: AX = B has no unique solution.", "this");
            if (pivot != col)
            {
                for (int j = 0; j < n; j++) (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
                for (int j = 0; j < m; j++) (x[col, j], x[pivot, j]) = (x[pivot, j], x[col, j]);
            }
            var inv = Fraction.One / a[col, col];
            for (int r = 0; r < n; r++)
            {
                if (r == col || a[r, col].IsZero) continue;
                var f = a[r, col] * inv;
                for (int j = col; j < n; j++) a[r, j] -= f * a[col, j];
                for (int j = 0; j < m; j++) x[r, j] -= f * x[col, j];
            }
        }
        for (int i = 0; i < n; i++)
        {
            var inv = Fraction.One / a[i, i];
            for (int j = 0; j < m; j++) x[i, j] *= inv;
        }
        return new ExactMatrix(x);
    }

    /// <summary>The coefficients c_0..c_n of det(λI − A) = Σ c_j λ^j (Faddeev–LeVerrier, exact).</summary>
    public Fraction[] CharacteristicPolynomial()
    {
        RequireSquare(this, "this");
        int n = Rows;
        var c = new Fraction[n + 1];
        c[n] = Fraction.One;
        var m = Build(n, n, (_, _) => Fraction.Zero);
        var id = Identity(n);
        for (int k = 1; k <= n; k++)
        {
            m = this * m + c[n - k + 1] * id;
            c[n - k] = -((this * m).Trace()) / new Fraction(k);
        }
        return c;
    }

    /// <summary>Cayley transform (I − S)(I + S)⁻¹: an exactly orthogonal rational matrix for skew-symmetric S.</summary>
    public static ExactMatrix Cayley(ExactMatrix skew)
    {
        ArgumentNullException.ThrowIfNull(skew);
        RequireSquare(skew, nameof(skew));
        if (!(skew + skew.Transpose()).MaxAbs().IsZero)
            throw new ArgumentException("skew must be skew-symmetric.", nameof(skew));
        var id = Identity(skew.Rows);
        // I − S and (I + S)⁻¹ commute, so (I − S)(I + S)⁻¹ = (I + S)⁻¹(I − S): one exact solve.
        return (id + skew).Solve(id - skew);
    }

    private static void SameShape(ExactMatrix a, ExactMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rows != b.Rows || a.Columns != b.Columns)
            throw new ArgumentException($"shapes differ: {a.Rows}×{a.Columns} and {b.Rows}×{b.Columns}.", nameof(b));
    }

    private static void RequireSquare(ExactMatrix a, string name)
    {
        if (a.Rows != a.Columns)
            throw new ArgumentException($"{name} must be square, got {a.Rows}×{a.Columns}.", name);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var rows = Enumerable.Range(0, Rows).Select(i => "[" + string.Join(", ", Enumerable.Range(0, Columns).Select(j => entries[i, j].ToString())) + "]");
        return "[" + string.Join(", ", rows) + "]";
    }
}
