using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Generators;
using Verification.Claims.Model;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>A quadratic f(θ) = ½θᵀHθ and two points θ, θ' (balles-thesis ch. 6 works with exactly this family).</summary>
internal sealed record QuadraticCase(double[,] H, double[] Theta, double[] ThetaPrime)
{
    internal int D => Theta.Length;
}

/// <summary>
/// Generators for chapter 6: small integer and dyadic symmetric matrices (so exact evaluation is cheap), positive
/// semi-definite ones as BᵀB with B of any rank (rank-deficient included), diagonal ones (where the bounds are
/// tight), the all-ones matrix (where L∞ = dL₂), indefinite and zero matrices, and points with exact zero entries,
/// ±1 entries (the vertices of the ℓ∞ ball) and extreme magnitudes 2^±40.
/// </summary>
internal static class SignInputs
{
    internal static readonly Gen<int> Exponent = Gen.Frequency(
        (8, Gen.Constant(0)), (3, Gen.Choose(-3, 3)), (1, Gen.Elements(-40, 40)));

    internal static Gen<double> SmallEntry { get; } = Gen.Frequency(
        (6, Gen.Choose(-4, 4).Select(i => (double)i)),
        (2, Gen.Choose(-8, 8).Select(i => i / 4.0)),
        (2, EdgeDoubles.Signed(1e-3, 1e3)));

    internal static Gen<double[]> Vector(int d) => Exponent.SelectMany(e =>
        Gen.Frequency(
            (6, SmallEntry),
            (2, Gen.Elements(-1.0, 1.0)),
            (2, Gen.Constant(0.0))).ArrayOf(d).Select(v => v.Select(x => System.Math.ScaleB(x, e)).ToArray()));

    internal static Gen<double[,]> Symmetric(int d) => Exponent.SelectMany(e =>
        Gen.Choose(-4, 4).ArrayOf(d * (d + 1) / 2).Select(u =>
        {
            var h = new double[d, d];
            int k = 0;
            for (int i = 0; i < d; i++)
                for (int j = i; j < d; j++)
                    h[i, j] = h[j, i] = System.Math.ScaleB(u[k++], e);
            return h;
        }));

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
                    h[i, j] = System.Math.ScaleB(s, e);
                }
            return h;
        })));

    internal static Gen<double[,]> Diagonal(int d) => SmallEntry.ArrayOf(d).Select(v =>
    {
        var h = new double[d, d];
        for (int i = 0; i < d; i++) h[i, i] = v[i];
        return h;
    });

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
        for (int i = 0; i < d; i++) h[i, i] = c;
        return h;
    }

    /// <summary>Any symmetric H (indefinite, PSD, diagonal, zero) of dimension 1–4 with two points.</summary>
    internal static Gen<QuadraticCase> AnyCase { get; } = Gen.Choose(1, 4).SelectMany(d =>
        Gen.Frequency((4, Symmetric(d)), (3, Psd(d)), (2, Diagonal(d)), (1, Gen.Constant(Ones(d))))
            .SelectMany(h => Vector(d).SelectMany(t => Vector(d).Select(tp => new QuadraticCase(h, t, tp)))));

    /// <summary>Positive semi-definite H only (rank 1 to d).</summary>
    internal static Gen<QuadraticCase> PsdCase { get; } = Gen.Choose(1, 4).SelectMany(d =>
        Gen.Frequency((5, Psd(d)), (1, Diagonal(d).Select(Abs)), (1, Gen.Constant(Ones(d))))
            .SelectMany(h => Vector(d).SelectMany(t => Vector(d).Select(tp => new QuadraticCase(h, t, tp)))));

    /// <summary>Edge cases: d = 1, zero matrix, identity, −identity, all-ones, a rank-one off-diagonal, zero points.</summary>
    internal static IEnumerable<QuadraticCase> Edges()
    {
        yield return new QuadraticCase(new double[,] { { 1 } }, [1], [0]);
        yield return new QuadraticCase(new double[,] { { -1 } }, [0], [1]);
        yield return new QuadraticCase(new double[2, 2], [1, 1], [0, 0]);
        yield return new QuadraticCase(Identity(3), [1, 0, -1], [0, 0, 0]);
        yield return new QuadraticCase(Identity(3, -1), [1, 0, -1], [0, 0, 0]);
        yield return new QuadraticCase(Ones(3), [1, 0, 0], [0, 1, 0]);
        yield return new QuadraticCase(Ones(4), [1, 1, 1, 1], [0, 0, 0, 0]);
        yield return new QuadraticCase(new double[,] { { 1, 1 }, { 1, 2 } }, [1, -1], [0, 0]);
        yield return new QuadraticCase(new double[,] { { 2, -1 }, { -1, 2 } }, [0, 1], [1, 0]);
        yield return new QuadraticCase(new double[,] { { 0, 1 }, { 1, 0 } }, [1, 0], [0, 1]);
    }

    internal static double[,] Abs(double[,] h)
    {
        var a = (double[,])h.Clone();
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                a[i, j] = System.Math.Abs(a[i, j]);
        return a;
    }

    /// <summary>A local move: perturb one entry of θ, θ' or a symmetric pair of H.</summary>
    internal static QuadraticCase Move(QuadraticCase c, System.Random random)
    {
        int d = c.D;
        int which = random.Next(3);
        if (which == 0)
        {
            var t = (double[])c.Theta.Clone();
            int i = random.Next(d);
            t[i] = EdgeDoubles.Perturb(t[i], random, 0, 1e12);
            return c with { Theta = t };
        }
        if (which == 1)
        {
            var t = (double[])c.ThetaPrime.Clone();
            int i = random.Next(d);
            t[i] = EdgeDoubles.Perturb(t[i], random, 0, 1e12);
            return c with { ThetaPrime = t };
        }
        var h = (double[,])c.H.Clone();
        int a = random.Next(d), b = random.Next(d);
        h[a, b] = h[b, a] = EdgeDoubles.Perturb(h[a, b], random, 0, 1e12);
        return c with { H = h };
    }

    internal static NamedValue ShowMatrix(string name, double[,] h) => NamedValue.Text(name,
        "[" + string.Join(", ", Enumerable.Range(0, h.GetLength(0)).Select(i =>
            "[" + string.Join(", ", Enumerable.Range(0, h.GetLength(1)).Select(j => h[i, j].ToString("R", CultureInfo.InvariantCulture))) + "]")) + "]");

    internal static IReadOnlyList<NamedValue> Show(QuadraticCase c) =>
        [ShowMatrix("H", c.H), NamedValue.Of("θ", c.Theta), NamedValue.Of("θ'", c.ThetaPrime)];

    /// <summary>Null if H is PSD (exactly), else the reason.</summary>
    internal static string? RequirePsd(double[,] h) =>
        SignExact.IsPositiveSemidefinite(SignExact.F(h)) ? null : "H is not positive semi-definite";

    internal static bool IsZero(double[,] h) => h.Cast<double>().All(v => v == 0);
}
