using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;

namespace Verification.Checks.Exact;

/// <summary>Exact rational vectors and matrices built from doubles (every finite double is a dyadic rational).</summary>
internal static class ExactVector
{
    internal static Fraction[] Of(Vector<double> v) => v.Select(ExactDouble.ToFraction).ToArray();

    internal static Fraction[] Of(double[] v) => v.Select(ExactDouble.ToFraction).ToArray();

    internal static Fraction[,] Of(Matrix<double> m)
    {
        var r = new Fraction[m.RowCount, m.ColumnCount];
        for (int i = 0; i < m.RowCount; i++)
            for (int j = 0; j < m.ColumnCount; j++)
                r[i, j] = ExactDouble.ToFraction(m[i, j]);
        return r;
    }

    internal static Fraction Dot(Fraction[] a, Fraction[] b)
    {
        var s = Fraction.Zero;
        for (int i = 0; i < a.Length; i++)
            s += a[i] * b[i];
        return s;
    }

    internal static Fraction[] Times(Fraction[,] m, Fraction[] v)
    {
        int n = v.Length;
        var r = new Fraction[m.GetLength(0)];
        for (int i = 0; i < r.Length; i++)
        {
            var s = Fraction.Zero;
            for (int j = 0; j < n; j++)
                s += m[i, j] * v[j];
            r[i] = s;
        }
        return r;
    }

    internal static Fraction[] Add(Fraction[] a, Fraction[] b) => a.Select((x, i) => x + b[i]).ToArray();

    internal static Fraction[] Subtract(Fraction[] a, Fraction[] b) => a.Select((x, i) => x - b[i]).ToArray();

    /// <summary>Σ|a_i|.</summary>
    internal static Fraction L1(Fraction[] a) => a.Aggregate(Fraction.Zero, (s, x) => s + x.Abs());

    /// <summary>Σ a_i².</summary>
    internal static Fraction SquaredL2(Fraction[] a) => Dot(a, a);

    /// <summary>Σ_i |a_i b_i|: the first-order rounding scale of aᵀb.</summary>
    internal static Fraction AbsDot(Fraction[] a, Fraction[] b)
    {
        var s = Fraction.Zero;
        for (int i = 0; i < a.Length; i++)
            s += (a[i] * b[i]).Abs();
        return s;
    }

    /// <summary>Σ_ij |x_i m_ij x_j|: the rounding scale of xᵀMx.</summary>
    internal static Fraction AbsQuadraticForm(Fraction[,] m, Fraction[] x)
    {
        var s = Fraction.Zero;
        for (int i = 0; i < x.Length; i++)
            for (int j = 0; j < x.Length; j++)
                s += (x[i] * m[i, j] * x[j]).Abs();
        return s;
    }

    /// <summary>True when the double equals the rational exactly.</summary>
    internal static bool IsExactly(double value, Fraction exact) => double.IsFinite(value) && ExactDouble.ToFraction(value).CompareTo(exact) == 0;

    /// <summary>The nearest double (for display and margins; decisions are taken on the rational).</summary>
    internal static double ToDouble(Fraction value) => ExactDouble.ToDouble(value);
}
