using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>The 2×2 Hessian H = [[a, b], [b, d]] of appendix C.2 (the thesis' d is <see cref="D"/> here, not the dimension).</summary>
internal sealed record PositiveDefinitePair(double A, double B, double D)
{
    internal double[,] H => new double[,] { { A, B }, { B, D } };

    internal (T A, T B, T D) Read<T>() where T : IReal<T> => (T.Input(A), T.Input(B), T.Input(D));

    /// <summary>H read as a symmetric matrix of the statement's inputs.</summary>
    internal static RealMatrix<T> Matrix<T>(T a, T b, T d) where T : IReal<T> => new(new[,] { { a, b }, { b, d } });

    /// <summary>Requires H positive definite: a &gt; 0 and ad − b² &gt; 0 (decided in the statement's arithmetic).</summary>
    internal static void AssumePositiveDefinite<T>(T a, T b, T d) where T : IReal<T>
    {
        Assume.Positive(a, "H is not positive definite (a ≤ 0)");
        Assume.Positive(a * d - b * b, "H is not positive definite (ad − b² ≤ 0)");
    }

    /// <summary>a, b, d in the statement's arithmetic, under the hypothesis that H is positive definite (<see cref="AssumePositiveDefinite{T}"/>).</summary>
    internal (T A, T B, T D) ReadPositiveDefinite<T>() where T : IReal<T>
    {
        var (a, b, d) = Read<T>();
        AssumePositiveDefinite(a, b, d);
        return (a, b, d);
    }

    /// <summary>
    /// l_max = max(a, d) + |b|: the larger entry of l = (a + |b|, d + |b|), appendix C.2's minimizer of eq. (6.25) (its
    /// optimality is checked by balles/app-C.2's C.17).
    /// </summary>
    internal static T LMax<T>(T a, T b, T d) where T : IReal<T> => T.Max(a, d) + T.Abs(b);

    /// <summary>Positive definite pairs: a, d &gt; 0 and b² &lt; ad, with b = 0, a = d, tiny and near-singular b, 2^±40 scales.</summary>
    private static Gen<PositiveDefinitePair> Generator { get; } =
        EdgeDoubles.Positive(1e-3, 1e3).SelectMany(a => EdgeDoubles.Positive(1e-3, 1e3).SelectMany(d =>
            Gen.Frequency((3, EdgeDoubles.Unit), (1, Gen.Elements(0.0, 0.5, 0.999)), (1, Gen.Constant(1e-9)))
                .SelectMany(u => Gen.Elements(-1.0, 1.0).SelectMany(s => Gen.Elements(0, 0, 0, -40, 40).Select(e =>
                    new PositiveDefinitePair(Math.ScaleB(a, e), s * u * Math.Sqrt(a * d) * Math.ScaleB(1, e), Math.ScaleB(d, e)))))));

    private static IEnumerable<PositiveDefinitePair> Edges()
    {
        yield return new PositiveDefinitePair(1, 1, 2);
        yield return new PositiveDefinitePair(1, -1, 2);
        yield return new PositiveDefinitePair(1, 0, 1);
        yield return new PositiveDefinitePair(2, 1, 2);
        yield return new PositiveDefinitePair(1, 0.5, 3);
        yield return new PositiveDefinitePair(3, -2, 2);
    }

    private PositiveDefinitePair Move(System.Random random) => random.Next(3) switch
    {
        0 => this with { A = EdgeDoubles.Perturb(A, random, 1e-12, 1e15) },
        1 => this with { B = EdgeDoubles.Perturb(B, random, 0, 1e15) },
        _ => this with { D = EdgeDoubles.Perturb(D, random, 1e-12, 1e15) },
    };

    internal static Domain<PositiveDefinitePair> Domain { get; } = new()
    {
        Generator = Generator,
        Edges = Edges,
        Perturb = (c, r) => c.Move(r),
        Shrink = c => Shrinks.Coordinates(c, x => [x.A, x.B, x.D], (_, v) => new PositiveDefinitePair(v[0], v[1], v[2])),
        Describe = c => [NamedValue.Of("a", c.A), NamedValue.Of("b", c.B), NamedValue.Of("d", c.D)],
    };
}
