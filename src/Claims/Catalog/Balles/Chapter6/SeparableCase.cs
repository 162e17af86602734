using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Generators;
using Verification.Claims.Model;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>A quadratic Hessian H with separable constants l_1…l_d &gt; 0 (eq. 6.4), a point θ, a sign vector δ and α &gt; 0 (Prop. 6.2).</summary>
internal sealed record SeparableCase(double[,] H, double[] L, double[] Theta, double[] Delta, double Alpha);

internal static class SeparableCases
{
    /// <summary>
    /// l either diagonally dominant (l_i = c·Σ_j|H_ij| + s, c ≥ 1, so both diag(l) ∓ H ⪰ 0), exactly the diagonal of a
    /// diagonal H (the tight case), or small random positive values (which meet only the one-sided (6.4) for concave H).
    /// </summary>
    internal static Gen<SeparableCase> Generator { get; } = Gen.Choose(1, 4).SelectMany(d =>
        Gen.Frequency((4, SignInputs.Symmetric(d)), (2, SignInputs.Psd(d)), (2, SignInputs.Diagonal(d)),
                (1, SignInputs.Psd(d).Select(Negate)))
            .SelectMany(h => Gen.Frequency(
                    (4, Gen.Elements(1.0, 1.5, 2.0).SelectMany(c => Gen.Elements(0.0, 0.25, 1.0).Select(s => Dominant(h, c, s)))),
                    (3, EdgeDoubles.Positive(1e-3, 1e3).ArrayOf(d)))
                .SelectMany(l => SignInputs.Vector(d).SelectMany(t =>
                    Gen.Elements(-1.0, 1.0).ArrayOf(d).SelectMany(delta =>
                        EdgeDoubles.Positive(1e-3, 1e3).Select(a => new SeparableCase(h, l, t, delta, a)))))));

    internal static double[] Dominant(double[,] h, double c, double s)
    {
        int d = h.GetLength(0);
        var l = new double[d];
        for (int i = 0; i < d; i++)
        {
            double row = 0;
            for (int j = 0; j < d; j++) row += System.Math.Abs(h[i, j]);
            l[i] = c * row + s;
            if (l[i] == 0) l[i] = 1;
        }
        return l;
    }

    internal static double[,] Negate(double[,] h)
    {
        var m = (double[,])h.Clone();
        for (int i = 0; i < m.GetLength(0); i++)
            for (int j = 0; j < m.GetLength(1); j++)
                m[i, j] = -m[i, j];
        return m;
    }

    internal static IEnumerable<SeparableCase> Edges()
    {
        yield return new SeparableCase(new double[,] { { -1 } }, [0.5], [0], [1], 1);
        yield return new SeparableCase(SignInputs.Identity(3, -1), [0.25, 0.25, 0.25], [1, 0, 0], [1, -1, 1], 0.5);
        yield return new SeparableCase(new double[,] { { 1, 0 }, { 0, 2 } }, [1, 2], [1, 1], [1, -1], 1);
        yield return new SeparableCase(SignInputs.Ones(3), [3, 3, 3], [0, 0, 0], [1, 1, 1], 1);
        yield return new SeparableCase(new double[,] { { 1, 1 }, { 1, 2 } }, [2, 3], [0, 1], [1, -1], 2);
    }

    internal static SeparableCase Move(SeparableCase c, System.Random random)
    {
        int d = c.L.Length;
        switch (random.Next(3))
        {
            case 0:
                var l = (double[])c.L.Clone();
                int i = random.Next(d);
                l[i] = EdgeDoubles.Perturb(l[i], random, 1e-6, 1e12);
                if (!(l[i] > 0)) l[i] = 1e-6;
                return c with { L = l };
            case 1:
                var h = (double[,])c.H.Clone();
                int a = random.Next(d), b = random.Next(d);
                h[a, b] = h[b, a] = EdgeDoubles.Perturb(h[a, b], random, 0, 1e12);
                return c with { H = h };
            default:
                return c with { Alpha = System.Math.Max(1e-6, System.Math.Abs(EdgeDoubles.Perturb(c.Alpha, random, 1e-6, 1e6))) };
        }
    }

    internal static IReadOnlyList<NamedValue> Show(SeparableCase c) =>
        [SignInputs.ShowMatrix("H", c.H), NamedValue.Of("l", c.L), NamedValue.Of("θ", c.Theta), NamedValue.Of("δ", c.Delta), NamedValue.Of("α", c.Alpha)];

    /// <summary>Null when diag(l) − H ⪰ 0 (and, if <paramref name="twoSided"/>, diag(l) + H ⪰ 0) exactly with l &gt; 0.</summary>
    internal static string? Separable(SeparableCase c, bool twoSided)
    {
        if (!c.L.All(v => v > 0))
            return "some l_i ≤ 0 (eq. 6.4 needs l_i > 0)";
        var h = SignExact.F(c.H);
        var l = SignExact.F(c.L);
        if (!SignExact.IsPositiveSemidefinite(SignExact.DiagPlus(l, h, -1)))
            return "H ⋠ diag(l)";
        if (twoSided && !SignExact.IsPositiveSemidefinite(SignExact.DiagPlus(l, h, +1)))
            return "−diag(l) ⋠ H (not 1-smooth w.r.t. ‖·‖_L)";
        return null;
    }
}
