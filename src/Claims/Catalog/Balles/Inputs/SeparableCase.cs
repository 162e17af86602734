using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.SignGeometry;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>A quadratic Hessian H with separable constants l_1…l_d (eq. 6.4), a point θ, a sign vector δ and α (Prop. 6.2).</summary>
internal sealed record SeparableCase(double[,] H, double[] L, double[] Theta, double[] Delta, double Alpha)
{
    internal int D => L.Length;

    /// <summary>H, l, θ and α as statement inputs; δ ∈ {−1, 1}^d is structure (exact constants).</summary>
    internal (RealMatrix<T> H, T[] L, T[] Theta, T[] Delta, T Alpha) Read<T>() where T : IReal<T> =>
        (SignMatrices.Symmetric<T>(H), RealVector.Input<T>(L), RealVector.Input<T>(Theta), RealVector.Constant<T>(Delta), T.Input(Alpha));

    /// <summary>
    /// Requires l &gt; 0 and H ⪯ diag(l) (eq. 6.4; and −diag(l) ⪯ H when <paramref name="twoSided"/>: 1-smoothness w.r.t.
    /// ‖·‖_L), decided by principal minors in arithmetic T; otherwise the input is outside the hypotheses.
    /// </summary>
    internal static void AssumeSeparable<T>(RealMatrix<T> h, T[] l, bool twoSided) where T : IReal<T>
    {
        Assume.That(l.All(v => T.Sign(v) > 0), "some l_i ≤ 0 (eq. 6.4 needs l_i > 0)");
        Assume.That(SignGeometryFormulas.IsPositiveSemidefinite(SignGeometryFormulas.DiagonalPlus(l, h, -1)), "H ⋠ diag(l)");
        if (twoSided)
            Assume.That(SignGeometryFormulas.IsPositiveSemidefinite(SignGeometryFormulas.DiagonalPlus(l, h, +1)), "−diag(l) ⋠ H (not 1-smooth w.r.t. ‖·‖_L)");
    }

    /// <summary>Σ_i l_i: the ℓ∞-smoothness constant L∞ that separable smoothness with l implies (Prop. 6.1 (i)).</summary>
    internal static T LInfinity<T>(T[] l) where T : IReal<T> => l.Aggregate((a, b) => a + b);

    /// <summary>
    /// l either diagonally dominant (l_i = c·Σ_j|H_ij| + s, c ≥ 1, so both diag(l) ∓ H ⪰ 0), or small random positive values
    /// (which meet only the one-sided (6.4) for concave H); H symmetric, PSD, diagonal or negative semi-definite.
    /// </summary>
    internal static Gen<SeparableCase> Generator { get; } = Gen.Choose(1, 4).SelectMany(d =>
        Gen.Frequency((4, SignMatrices.Symmetric(d)), (2, SignMatrices.Psd(d)), (2, SignMatrices.Diagonal(d)),
                (1, SignMatrices.Psd(d).Select(h => SignMatrices.Map(h, x => -x))))
            .SelectMany(h => Gen.Frequency(
                    (4, Gen.Elements(1.0, 1.5, 2.0).SelectMany(c => Gen.Elements(0.0, 0.25, 1.0).Select(s => Dominant(h, c, s)))),
                    (3, EdgeDoubles.Positive(1e-3, 1e3).ArrayOf(d)))
                .SelectMany(l => SignMatrices.Vector(d).SelectMany(t =>
                    Gen.Elements(-1.0, 1.0).ArrayOf(d).SelectMany(delta =>
                        EdgeDoubles.Positive(1e-3, 1e3).Select(a => new SeparableCase(h, l, t, delta, a)))))));

    private static double[] Dominant(double[,] h, double c, double s)
    {
        int d = h.GetLength(0);
        var l = new double[d];
        for (int i = 0; i < d; i++)
        {
            double row = 0;
            for (int j = 0; j < d; j++)
                row += Math.Abs(h[i, j]);
            l[i] = c * row + s;
            if (l[i] == 0)
                l[i] = 1;
        }
        return l;
    }

    internal static IEnumerable<SeparableCase> Edges()
    {
        yield return new SeparableCase(new double[,] { { -1 } }, [0.5], [0], [1], 1);
        yield return new SeparableCase(SignMatrices.Identity(3, -1), [0.25, 0.25, 0.25], [1, 0, 0], [1, -1, 1], 0.5);
        yield return new SeparableCase(new double[,] { { 1, 0 }, { 0, 2 } }, [1, 2], [1, 1], [1, -1], 1);
        yield return new SeparableCase(SignMatrices.Ones(3), [3, 3, 3], [0, 0, 0], [1, 1, 1], 1);
        yield return new SeparableCase(new double[,] { { 1, 1 }, { 1, 2 } }, [2, 3], [0, 1], [1, -1], 2);
    }

    internal SeparableCase Move(System.Random random) => random.Next(3) switch
    {
        0 => this with { L = SignMatrices.MoveEntry(L, random, 1e-6, 1e12) },
        1 => this with { H = SignMatrices.MoveEntry(H, random) },
        _ => this with { Alpha = EdgeDoubles.Perturb(Alpha, random, 1e-6, 1e6) },
    };

    /// <summary>Shrinks H's upper triangle, l, θ and α; δ keeps its signs.</summary>
    internal IEnumerable<SeparableCase> Shrink()
    {
        int d = D, t = SignMatrices.TriangleSize(d);
        return Shrinks.Coordinates(this, c => [.. SignMatrices.UpperTriangle(c.H), .. c.L, .. c.Theta, c.Alpha],
            (c, v) => c with { H = SignMatrices.FromUpperTriangle(d, v), L = v[t..(t + d)], Theta = v[(t + d)..(t + 2 * d)], Alpha = v[t + 2 * d] });
    }

    /// <summary>The domain; <paramref name="withStep"/> shows θ, δ, α (the statements that read them).</summary>
    internal static Domain<SeparableCase> Domain(bool withStep) => new()
    {
        Generator = Generator,
        Edges = Edges,
        Perturb = (c, r) => c.Move(r),
        Shrink = c => c.Shrink(),
        Describe = c => withStep
            ? [SignMatrices.Show("H", c.H), NamedValue.Of("l", c.L), NamedValue.Of("θ", c.Theta), NamedValue.Of("δ", c.Delta), NamedValue.Of("α", c.Alpha)]
            : [SignMatrices.Show("H", c.H), NamedValue.Of("l", c.L)],
    };
}
