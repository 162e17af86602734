namespace Verification.Numerics.Arithmetic;

/// <summary>
/// A dense matrix over an <see cref="IReal{T}"/>: the linear algebra a statement is written in once, in doubles
/// (<see cref="Float64"/>) and in exact rational intervals. Immutable; row-major.
/// </summary>
public sealed class RealMatrix<T> where T : IReal<T>
{
    private readonly T[,] _entries;

    /// <summary>A matrix with the given entries (copied).</summary>
    /// <exception cref="ArgumentException">an empty matrix.</exception>
    public RealMatrix(T[,] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.GetLength(0) == 0 || entries.GetLength(1) == 0)
            throw new ArgumentException("a matrix needs at least one row and one column.", nameof(entries));
        _entries = (T[,])entries.Clone();
    }

    private RealMatrix(T[,] entries, bool _) => _entries = entries;

    /// <summary>Rows.</summary>
    public int Rows => _entries.GetLength(0);

    /// <summary>Columns.</summary>
    public int Columns => _entries.GetLength(1);

    /// <summary>Entry (i, j).</summary>
    public T this[int i, int j] => _entries[i, j];

    /// <summary>A matrix whose entries are the statement's real inputs (each read with <c>T.Input</c>).</summary>
    public static RealMatrix<T> Input(double[,] values) => Build(values, T.Input);

    /// <summary>A matrix of constants (each read with <c>T.Of</c>: exact, never widened).</summary>
    public static RealMatrix<T> Constant(double[,] values) => Build(values, T.Of);

    /// <summary>A matrix built entry by entry.</summary>
    public static RealMatrix<T> Create(int rows, int columns, Func<int, int, T> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (rows < 1 || columns < 1)
            throw new ArgumentException($"need rows, columns ≥ 1, got {rows}×{columns}.", nameof(rows));
        var e = new T[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                e[i, j] = entry(i, j);
        return new RealMatrix<T>(e, true);
    }

    /// <summary>The n×n identity.</summary>
    public static RealMatrix<T> Identity(int n) => Create(n, n, (i, j) => i == j ? T.Of(1) : T.Of(0));

    /// <summary>A diagonal matrix.</summary>
    public static RealMatrix<T> Diagonal(IReadOnlyList<T> diagonal)
    {
        ArgumentNullException.ThrowIfNull(diagonal);
        return Create(diagonal.Count, diagonal.Count, (i, j) => i == j ? diagonal[i] : T.Of(0));
    }

    private static RealMatrix<T> Build(double[,] values, Func<double, T> read)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Create(values.GetLength(0), values.GetLength(1), (i, j) => read(values[i, j]));
    }

    /// <summary>Aᵀ.</summary>
    public RealMatrix<T> Transpose() => Create(Columns, Rows, (i, j) => _entries[j, i]);

    /// <summary>A + B.</summary>
    public static RealMatrix<T> operator +(RealMatrix<T> a, RealMatrix<T> b) => Zip(a, b, (x, y) => x + y);

    /// <summary>A − B.</summary>
    public static RealMatrix<T> operator -(RealMatrix<T> a, RealMatrix<T> b) => Zip(a, b, (x, y) => x - y);

    /// <summary>−A.</summary>
    public static RealMatrix<T> operator -(RealMatrix<T> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Map(x => -x);
    }

    /// <summary>s·A.</summary>
    public static RealMatrix<T> operator *(T s, RealMatrix<T> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Map(x => s * x);
    }

    /// <summary>AB.</summary>
    /// <exception cref="ArgumentException">inner dimensions differ.</exception>
    public static RealMatrix<T> operator *(RealMatrix<T> a, RealMatrix<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Columns != b.Rows)
            throw new ArgumentException($"cannot multiply {a.Rows}×{a.Columns} by {b.Rows}×{b.Columns}.", nameof(b));
        return Create(a.Rows, b.Columns, (i, j) =>
        {
            T sum = a[i, 0] * b[0, j];
            for (int k = 1; k < a.Columns; k++)
                sum += a[i, k] * b[k, j];
            return sum;
        });
    }

    /// <summary>Av.</summary>
    public static T[] operator *(RealMatrix<T> a, IReadOnlyList<T> v)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(v);
        if (a.Columns != v.Count)
            throw new ArgumentException($"cannot multiply {a.Rows}×{a.Columns} by a vector of length {v.Count}.", nameof(v));
        var r = new T[a.Rows];
        for (int i = 0; i < a.Rows; i++)
        {
            T sum = a[i, 0] * v[0];
            for (int k = 1; k < a.Columns; k++)
                sum += a[i, k] * v[k];
            r[i] = sum;
        }
        return r;
    }

    /// <summary>f applied to every entry.</summary>
    public RealMatrix<T> Map(Func<T, T> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Create(Rows, Columns, (i, j) => f(_entries[i, j]));
    }

    /// <summary>The largest |entry|.</summary>
    public T MaxAbs()
    {
        T m = T.Abs(_entries[0, 0]);
        foreach (var x in _entries)
            m = T.Max(m, T.Abs(x));
        return m;
    }

    private static RealMatrix<T> Zip(RealMatrix<T> a, RealMatrix<T> b, Func<T, T, T> f)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rows != b.Rows || a.Columns != b.Columns)
            throw new ArgumentException($"shapes differ: {a.Rows}×{a.Columns} and {b.Rows}×{b.Columns}.", nameof(b));
        return Create(a.Rows, a.Columns, (i, j) => f(a[i, j], b[i, j]));
    }
}

/// <summary>Vector helpers over an <see cref="IReal{T}"/> (vectors are plain arrays).</summary>
public static class RealVector
{
    /// <summary>A vector of the statement's real inputs (each read with <c>T.Input</c>).</summary>
    public static T[] Input<T>(IReadOnlyList<double> values) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(values);
        return [.. values.Select(T.Input)];
    }

    /// <summary>A vector of exact constants.</summary>
    public static T[] Constant<T>(IReadOnlyList<double> values) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(values);
        return [.. values.Select(T.Of)];
    }

    /// <summary>uᵀv.</summary>
    public static T Dot<T>(IReadOnlyList<T> u, IReadOnlyList<T> v) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        if (u.Count != v.Count || u.Count == 0)
            throw new ArgumentException($"need two non-empty vectors of one length, got {u.Count} and {v.Count}.", nameof(v));
        T sum = u[0] * v[0];
        for (int i = 1; i < u.Count; i++)
            sum += u[i] * v[i];
        return sum;
    }

    /// <summary>Σ|vᵢ|.</summary>
    public static T L1<T>(IReadOnlyList<T> v) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(v);
        return v.Select(T.Abs).Aggregate((a, b) => a + b);
    }

    /// <summary>max|vᵢ|.</summary>
    public static T LInf<T>(IReadOnlyList<T> v) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(v);
        return v.Select(T.Abs).Aggregate(T.Max);
    }
}
