using Fractions;
using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Exact;

/// <summary>
/// Exact linear algebra on rational vectors and matrices (<see cref="Fraction"/>[] and [,]) and on point rational
/// intervals: conversion from doubles (every finite double is a dyadic rational), dot products, matrix–vector
/// products, norms, first-order rounding scales, and positive definiteness. No rounding anywhere, so a comparison
/// made here is a proof about the doubles it started from. Dense matrices with exact solves: <see cref="ExactMatrix"/>.
/// </summary>
public static class ExactLinearAlgebra
{
    /// <summary>The exact values of the entries of <paramref name="v"/>.</summary>
    /// <exception cref="ArgumentException">An entry is NaN or ±∞.</exception>
    public static Fraction[] Of(IReadOnlyList<double> v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return v.Select(x => ExactDouble.ToFraction(Require.Finite(x, nameof(v)))).ToArray();
    }

    /// <summary>The exact values of the entries of <paramref name="v"/>.</summary>
    /// <exception cref="ArgumentException">An entry is NaN or ±∞.</exception>
    public static Fraction[] Of(Vector<double> v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return Of(v.AsArray() ?? v.ToArray());
    }

    /// <summary>The exact values of the entries of <paramref name="m"/>.</summary>
    /// <exception cref="ArgumentException">An entry is NaN or ±∞.</exception>
    public static Fraction[,] Of(Matrix<double> m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var r = new Fraction[m.RowCount, m.ColumnCount];
        for (int i = 0; i < m.RowCount; i++)
            for (int j = 0; j < m.ColumnCount; j++)
                r[i, j] = ExactDouble.ToFraction(Require.Finite(m[i, j], nameof(m)));
        return r;
    }

    /// <summary>aᵀb.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static Fraction Dot(Fraction[] a, Fraction[] b)
    {
        SameLength(a, b);
        var s = Fraction.Zero;
        for (int i = 0; i < a.Length; i++)
            s += a[i] * b[i];
        return s;
    }

    /// <summary>Mv.</summary>
    /// <exception cref="ArgumentException">M has not v.Length columns.</exception>
    public static Fraction[] Times(Fraction[,] m, Fraction[] v)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(v);
        if (m.GetLength(1) != v.Length)
            throw new ArgumentException($"cannot multiply {m.GetLength(0)}×{m.GetLength(1)} by a vector of length {v.Length}.", nameof(v));
        var r = new Fraction[m.GetLength(0)];
        for (int i = 0; i < r.Length; i++)
        {
            var s = Fraction.Zero;
            for (int j = 0; j < v.Length; j++)
                s += m[i, j] * v[j];
            r[i] = s;
        }
        return r;
    }

    /// <summary>a + b.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static Fraction[] Add(Fraction[] a, Fraction[] b)
    {
        SameLength(a, b);
        return a.Select((x, i) => x + b[i]).ToArray();
    }

    /// <summary>a − b.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static Fraction[] Subtract(Fraction[] a, Fraction[] b)
    {
        SameLength(a, b);
        return a.Select((x, i) => x - b[i]).ToArray();
    }

    /// <summary>Σ|a_i|.</summary>
    public static Fraction L1(Fraction[] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Aggregate(Fraction.Zero, (s, x) => s + x.Abs());
    }

    /// <summary>Σ a_i².</summary>
    public static Fraction SquaredL2(Fraction[] a) => Dot(a, a);

    /// <summary>Σ_i |a_i b_i|: the first-order rounding scale of aᵀb.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static Fraction AbsDot(Fraction[] a, Fraction[] b)
    {
        SameLength(a, b);
        var s = Fraction.Zero;
        for (int i = 0; i < a.Length; i++)
            s += (a[i] * b[i]).Abs();
        return s;
    }

    /// <summary>Σ_ij |x_i m_ij x_j|: the first-order rounding scale of xᵀMx.</summary>
    /// <exception cref="ArgumentException">M is not x.Length × x.Length.</exception>
    public static Fraction AbsQuadraticForm(Fraction[,] m, Fraction[] x)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(x);
        if (m.GetLength(0) != x.Length || m.GetLength(1) != x.Length)
            throw new ArgumentException($"m must be {x.Length}×{x.Length}, got {m.GetLength(0)}×{m.GetLength(1)}.", nameof(m));
        var s = Fraction.Zero;
        for (int i = 0; i < x.Length; i++)
            for (int j = 0; j < x.Length; j++)
                s += (x[i] * m[i, j] * x[j]).Abs();
        return s;
    }

    /// <summary>True when the double <paramref name="value"/> equals the rational <paramref name="exact"/> exactly (false for NaN and ±∞).</summary>
    public static bool IsExactly(double value, Fraction exact) => double.IsFinite(value) && ExactDouble.ToFraction(value).CompareTo(exact) == 0;

    /// <summary>The nearest double (for display and margins; decisions are taken on the rational).</summary>
    public static double ToDouble(Fraction value) => ExactDouble.ToDouble(value);

    /// <summary>Largest dimension <see cref="IsPositiveDefinite"/> accepts (fraction sizes grow with d; 40 stays fast).</summary>
    public const int MaxDefinitenessDimension = 40;

    /// <summary>
    /// True when the symmetric rational matrix <paramref name="a"/> is positive definite, decided by symmetric Gaussian
    /// elimination (LDLᵀ without pivoting): it succeeds with every pivot &gt; 0 exactly when A is positive definite
    /// (Sylvester: the pivots are ratios of consecutive leading principal minors).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="a"/> is empty, not square, not symmetric, or larger than <see cref="MaxDefinitenessDimension"/>.</exception>
    public static bool IsPositiveDefinite(Fraction[,] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        int d = a.GetLength(0);
        if (d == 0 || d != a.GetLength(1))
            throw new ArgumentException($"a must be a non-empty square matrix, got {a.GetLength(0)}×{a.GetLength(1)}.", nameof(a));
        if (d > MaxDefinitenessDimension)
            throw new ArgumentException($"a must have dimension ≤ {MaxDefinitenessDimension}, got {d}.", nameof(a));
        var m = (Fraction[,])a.Clone();
        for (int i = 0; i < d; i++)
            for (int j = i + 1; j < d; j++)
                if (m[i, j] != m[j, i])
                    throw new ArgumentException($"a must be symmetric: [{i},{j}] ≠ [{j},{i}].", nameof(a));
        for (int k = 0; k < d; k++)
        {
            var pivot = m[k, k];
            if (pivot.Sign() <= 0)
                return false;
            for (int i = k + 1; i < d; i++)
            {
                if (m[i, k].IsZero) continue;
                var factor = m[i, k] / pivot;
                for (int j = k + 1; j < d; j++)
                    m[i, j] -= factor * m[k, j];
            }
        }
        return true;
    }

    /// <summary>Point intervals [x, x] of the doubles <paramref name="values"/> (<see cref="RationalInterval.Exact(double)"/>).</summary>
    public static RationalInterval[] Exact(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Select(RationalInterval.Exact).ToArray();
    }

    /// <summary>Point intervals of the entries of <paramref name="m"/>.</summary>
    public static RationalInterval[,] Exact(Matrix<double> m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var r = new RationalInterval[m.RowCount, m.ColumnCount];
        for (int i = 0; i < m.RowCount; i++)
            for (int j = 0; j < m.ColumnCount; j++)
                r[i, j] = RationalInterval.Exact(m[i, j]);
        return r;
    }

    /// <summary>aᵀb in interval arithmetic (exact for point intervals).</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static RationalInterval Dot(IReadOnlyList<RationalInterval> a, IReadOnlyList<RationalInterval> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
            throw new ArgumentException($"lengths differ: {a.Count} and {b.Count}.", nameof(b));
        var sum = RationalInterval.Zero;
        for (int i = 0; i < a.Count; i++)
            sum += a[i] * b[i];
        return sum;
    }

    /// <summary>Mx in interval arithmetic for a square M (exact for point intervals).</summary>
    /// <exception cref="ArgumentException">M is not x.Count × x.Count.</exception>
    public static RationalInterval[] Times(RationalInterval[,] m, IReadOnlyList<RationalInterval> x)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(x);
        int n = x.Count;
        if (m.GetLength(0) != n || m.GetLength(1) != n)
            throw new ArgumentException($"m must be {n}×{n}, got {m.GetLength(0)}×{m.GetLength(1)}.", nameof(m));
        var y = new RationalInterval[n];
        for (int i = 0; i < n; i++)
        {
            var s = RationalInterval.Zero;
            for (int j = 0; j < n; j++)
                s += m[i, j] * x[j];
            y[i] = s;
        }
        return y;
    }

    private static void SameLength(Fraction[] a, Fraction[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length)
            throw new ArgumentException($"lengths differ: {a.Length} and {b.Length}.", nameof(b));
    }
}
