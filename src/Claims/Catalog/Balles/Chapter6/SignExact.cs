using Fractions;
using Verification.Math.Exact;
using Verification.Math.SignGeometry;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>Exact rational linear algebra for the chapter-6 claims: every input is a double, so its value is a rational.</summary>
internal static class SignExact
{
    internal static Fraction F(double x) => ExactDouble.ToFraction(x);

    internal static Fraction[] F(double[] x) => x.Select(F).ToArray();

    internal static Fraction[,] F(double[,] h) => InfToOneNormExact.ToFractions(h);

    internal static RationalInterval I(Fraction x) => RationalInterval.Exact(x);

    internal static Fraction[] MatVec(Fraction[,] h, Fraction[] x)
    {
        int d = x.Length;
        var y = new Fraction[d];
        for (int i = 0; i < d; i++)
        {
            var s = Fraction.Zero;
            for (int j = 0; j < d; j++)
                s += h[i, j] * x[j];
            y[i] = s;
        }
        return y;
    }

    internal static Fraction Dot(Fraction[] a, Fraction[] b)
    {
        var s = Fraction.Zero;
        for (int i = 0; i < a.Length; i++)
            s += a[i] * b[i];
        return s;
    }

    internal static Fraction Quad(Fraction[,] h, Fraction[] x) => Dot(x, MatVec(h, x));

    internal static Fraction L1(Fraction[] x) => x.Aggregate(Fraction.Zero, (s, v) => s + v.Abs());

    internal static Fraction LInf(Fraction[] x) => x.Aggregate(Fraction.Zero, (s, v) => v.Abs() > s ? v.Abs() : s);

    internal static Fraction[] Sub(Fraction[] a, Fraction[] b) => a.Select((v, i) => v - b[i]).ToArray();

    internal static Fraction[] Add(Fraction[] a, Fraction[] b) => a.Select((v, i) => v + b[i]).ToArray();

    internal static Fraction[] Scale(Fraction s, Fraction[] a) => a.Select(v => s * v).ToArray();

    /// <summary>‖H‖∞,1 exactly (eq. 6.18).</summary>
    internal static Fraction InfToOne(Fraction[,] h) => InfToOneNormExact.Compute(h).Value;

    /// <summary>‖H‖₁,∞ = max_{‖θ‖₁ ≤ 1}‖Hθ‖∞ = max_{ij}|H_ij|, the ℓ1-smoothness constant of a quadratic.</summary>
    internal static Fraction OneToInf(Fraction[,] h)
    {
        var m = Fraction.Zero;
        foreach (var v in h)
            if (v.Abs() > m) m = v.Abs();
        return m;
    }

    internal static Fraction Trace(Fraction[,] h)
    {
        var s = Fraction.Zero;
        for (int i = 0; i < h.GetLength(0); i++)
            s += h[i, i];
        return s;
    }

    internal static Fraction EntrywiseL1(Fraction[,] h)
    {
        var s = Fraction.Zero;
        foreach (var v in h)
            s += v.Abs();
        return s;
    }

    internal static Fraction DiagL1(Fraction[,] h)
    {
        var s = Fraction.Zero;
        for (int i = 0; i < h.GetLength(0); i++)
            s += h[i, i].Abs();
        return s;
    }

    /// <summary>Exact positive semi-definiteness: symmetric elimination where a zero pivot needs a zero row (Sylvester/LDLᵀ).</summary>
    internal static bool IsPositiveSemidefinite(Fraction[,] a)
    {
        int d = a.GetLength(0);
        var m = (Fraction[,])a.Clone();
        for (int k = 0; k < d; k++)
        {
            var pivot = m[k, k];
            if (pivot.Sign() < 0)
                return false;
            if (pivot.IsZero)
            {
                for (int j = k + 1; j < d; j++)
                    if (!m[k, j].IsZero)
                        return false;
                continue;
            }
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

    /// <summary>diag(l) + s·H with s = ±1, exactly.</summary>
    internal static Fraction[,] DiagPlus(Fraction[] l, Fraction[,] h, int s)
    {
        int d = l.Length;
        var m = new Fraction[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                m[i, j] = (i == j ? l[i] : Fraction.Zero) + s * h[i, j];
        return m;
    }
}
