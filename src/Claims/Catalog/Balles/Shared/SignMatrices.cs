using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Balles.Shared;

/// <summary>
/// Matrices and vectors of the chapter-6 inputs: how a statement reads a symmetric H (its upper triangle, each entry
/// once with T.Input, so an exact box around H stays inside the symmetric matrices), how a report shows it, and the
/// edge-biased generators: small integer and dyadic entries (cheap exact evaluation), positive semi-definite BᵀB of any
/// rank, diagonal matrices (where the bounds are tight), the all-ones matrix (where L∞ = dL₂), scales 2^±40, and points
/// with exact zeros and ±1 entries (the vertices of the ℓ∞ ball).
/// </summary>
internal static class SignMatrices
{
    /// <summary>H as a statement input: H_ij = H_ji = T.Input(H[min(i, j), max(i, j)]).</summary>
    internal static RealMatrix<T> Symmetric<T>(double[,] h) where T : IReal<T>
    {
        int d = h.GetLength(0);
        var upper = new T[d, d];
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++)
                upper[i, j] = upper[j, i] = T.Input(h[i, j]);
        return new RealMatrix<T>(upper);
    }

    /// <summary>The upper triangle row by row (the coordinates shrinking moves).</summary>
    internal static double[] UpperTriangle(double[,] h)
    {
        int d = h.GetLength(0);
        var v = new List<double>();
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++)
                v.Add(h[i, j]);
        return [.. v];
    }

    /// <summary>The symmetric d×d matrix with the given upper triangle (from <paramref name="offset"/> on).</summary>
    internal static double[,] FromUpperTriangle(int d, IReadOnlyList<double> v, int offset = 0)
    {
        var h = new double[d, d];
        int k = offset;
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++)
                h[i, j] = h[j, i] = v[k++];
        return h;
    }

    /// <summary>Number of upper-triangle entries of a d×d matrix.</summary>
    internal static int TriangleSize(int d) => d * (d + 1) / 2;

    internal static NamedValue Show(string name, double[,] h) => NamedValue.Text(name,
        "[" + string.Join(", ", Enumerable.Range(0, h.GetLength(0)).Select(i =>
            "[" + string.Join(", ", Enumerable.Range(0, h.GetLength(1)).Select(j => h[i, j].ToString("R", CultureInfo.InvariantCulture))) + "]")) + "]");

    internal static double[,] Ones(int d, double c = 1)
    {
        var h = new double[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                h[i, j] = c;
        return h;
    }

    internal static double[,] Identity(int d, double c = 1)
    {
        var h = new double[d, d];
        for (int i = 0; i < d; i++)
            h[i, i] = c;
        return h;
    }

    internal static double[,] Map(double[,] h, Func<double, double> f)
    {
        var a = (double[,])h.Clone();
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                a[i, j] = f(a[i, j]);
        return a;
    }

    /// <summary>A symmetric move: one entry of the upper triangle perturbed (and mirrored).</summary>
    internal static double[,] MoveEntry(double[,] h, System.Random random, double min = 0, double max = 1e12)
    {
        var m = (double[,])h.Clone();
        int d = m.GetLength(0);
        int a = random.Next(d), b = random.Next(d);
        m[a, b] = m[b, a] = EdgeDoubles.Perturb(m[a, b], random, min, max);
        return m;
    }

    /// <summary>A vector with one entry perturbed.</summary>
    internal static double[] MoveEntry(double[] v, System.Random random, double min = 0, double max = 1e12)
    {
        var m = (double[])v.Clone();
        int i = random.Next(m.Length);
        m[i] = EdgeDoubles.Perturb(m[i], random, min, max);
        return m;
    }

    /// <summary>Exponents of the overall scale: mostly 0, sometimes ±3, rarely ±40.</summary>
    internal static readonly Gen<int> Exponent = Gen.Frequency(
        (8, Gen.Constant(0)), (3, Gen.Choose(-3, 3)), (1, Gen.Elements(-40, 40)));

    /// <summary>Small integers, quarters and log-uniform magnitudes in [1e-3, 1e3] of either sign.</summary>
    internal static Gen<double> SmallEntry { get; } = Gen.Frequency(
        (6, Gen.Choose(-4, 4).Select(i => (double)i)),
        (2, Gen.Choose(-8, 8).Select(i => i / 4.0)),
        (2, EdgeDoubles.Signed(1e-3, 1e3)));

    internal static Gen<double[]> Vector(int d) => Exponent.SelectMany(e =>
        Gen.Frequency(
            (6, SmallEntry),
            (2, Gen.Elements(-1.0, 1.0)),
            (2, Gen.Constant(0.0))).ArrayOf(d).Select(v => v.Select(x => Math.ScaleB(x, e)).ToArray()));

    internal static Gen<double[,]> Symmetric(int d) => Exponent.SelectMany(e =>
        Gen.Choose(-4, 4).ArrayOf(TriangleSize(d)).Select(u => FromUpperTriangle(d, u.Select(x => Math.ScaleB(x, e)).ToArray())));

    internal static Gen<double[,]> Psd(int d) => Gen.Choose(1, d).SelectMany(rank => Exponent.SelectMany(e =>
        Gen.Choose(-3, 3).ArrayOf(rank * d).Select(b =>
        {
            var h = new double[d, d];
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                {
                    double s = 0;
                    for (int r = 0; r < rank; r++)
                        s += b[r * d + i] * b[r * d + j];
                    h[i, j] = Math.ScaleB(s, e);
                }
            return h;
        })));

    internal static Gen<double[,]> Diagonal(int d) => SmallEntry.ArrayOf(d).Select(v =>
    {
        var h = new double[d, d];
        for (int i = 0; i < d; i++)
            h[i, i] = v[i];
        return h;
    });
}
