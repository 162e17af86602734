using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>A quadratic f(θ) = ½θᵀHθ with symmetric H and two points θ, θ' (balles-thesis ch. 6 works with this family).</summary>
internal sealed record QuadraticPoints(double[,] H, double[] Theta, double[] ThetaPrime)
{
    internal int D => Theta.Length;

    /// <summary>H, θ and θ' as statement inputs (H symmetric, its upper triangle read once).</summary>
    internal (RealMatrix<T> H, T[] Theta, T[] ThetaPrime) Read<T>() where T : IReal<T> =>
        (SignMatrices.Symmetric<T>(H), RealVector.Input<T>(Theta), RealVector.Input<T>(ThetaPrime));

    /// <summary>Any symmetric H (indefinite, PSD of any rank, diagonal, all-ones) of dimension 1–4 with two points.</summary>
    internal static Gen<QuadraticPoints> Any { get; } = Gen.Choose(1, 4).SelectMany(d =>
        Gen.Frequency((4, SignMatrices.Symmetric(d)), (3, SignMatrices.Psd(d)), (2, SignMatrices.Diagonal(d)), (1, Gen.Constant(SignMatrices.Ones(d))))
            .SelectMany(h => SignMatrices.Vector(d).SelectMany(t => SignMatrices.Vector(d).Select(tp => new QuadraticPoints(h, t, tp)))));

    /// <summary>Positive semi-definite H only (rank 1 to d, |diagonal|, all-ones).</summary>
    internal static Gen<QuadraticPoints> Psd { get; } = Gen.Choose(1, 4).SelectMany(d =>
        Gen.Frequency((5, SignMatrices.Psd(d)), (1, SignMatrices.Diagonal(d).Select(h => SignMatrices.Map(h, Math.Abs))), (1, Gen.Constant(SignMatrices.Ones(d))))
            .SelectMany(h => SignMatrices.Vector(d).SelectMany(t => SignMatrices.Vector(d).Select(tp => new QuadraticPoints(h, t, tp)))));

    /// <summary>The boundary cases: d = 1, H = 0, ±identity, all-ones, a rank-one off-diagonal, zero points, ±1 points.</summary>
    internal static IEnumerable<QuadraticPoints> Edges()
    {
        yield return new QuadraticPoints(new double[,] { { 1 } }, [1], [0]);
        yield return new QuadraticPoints(new double[,] { { -1 } }, [0], [1]);
        yield return new QuadraticPoints(new double[2, 2], [1, 1], [0, 0]);
        yield return new QuadraticPoints(SignMatrices.Identity(3), [1, 0, -1], [0, 0, 0]);
        yield return new QuadraticPoints(SignMatrices.Identity(3, -1), [1, 0, -1], [0, 0, 0]);
        yield return new QuadraticPoints(SignMatrices.Ones(3), [1, 0, 0], [0, 1, 0]);
        yield return new QuadraticPoints(SignMatrices.Ones(4), [1, 1, 1, 1], [0, 0, 0, 0]);
        yield return new QuadraticPoints(new double[,] { { 1, 1 }, { 1, 2 } }, [1, -1], [0, 0]);
        yield return new QuadraticPoints(new double[,] { { 2, -1 }, { -1, 2 } }, [0, 1], [1, 0]);
        yield return new QuadraticPoints(new double[,] { { 0, 1 }, { 1, 0 } }, [1, 0], [0, 1]);
    }

    /// <summary>A local move: one entry of θ, θ' or a symmetric pair of H.</summary>
    internal QuadraticPoints Move(System.Random random) => random.Next(3) switch
    {
        0 => this with { Theta = SignMatrices.MoveEntry(Theta, random) },
        1 => this with { ThetaPrime = SignMatrices.MoveEntry(ThetaPrime, random) },
        _ => this with { H = SignMatrices.MoveEntry(H, random) },
    };

    /// <summary>Simpler inputs: each upper-triangle entry of H and each coordinate of θ, θ' toward small integers and dyadics.</summary>
    internal IEnumerable<QuadraticPoints> Shrink()
    {
        int d = D, t = SignMatrices.TriangleSize(d);
        return Shrinks.Coordinates(this, c => [.. SignMatrices.UpperTriangle(c.H), .. c.Theta, .. c.ThetaPrime],
            (_, v) => new QuadraticPoints(SignMatrices.FromUpperTriangle(d, v), v[t..(t + d)], v[(t + d)..]));
    }

    /// <summary>The search domain over <paramref name="generator"/>, showing θ' only when the statement reads it.</summary>
    internal static Domain<QuadraticPoints> Domain(Gen<QuadraticPoints> generator, bool withThetaPrime = true, Func<IEnumerable<QuadraticPoints>>? edges = null) => new()
    {
        Generator = generator,
        Edges = edges ?? Edges,
        Perturb = (c, r) => c.Move(r),
        Shrink = c => c.Shrink(),
        Describe = c => withThetaPrime
            ? [SignMatrices.Show("H", c.H), NamedValue.Of("θ", c.Theta), NamedValue.Of("θ'", c.ThetaPrime)]
            : [SignMatrices.Show("H", c.H), NamedValue.Of("θ", c.Theta)],
    };

    /// <summary>The domain of statements about H alone.</summary>
    internal static Domain<QuadraticPoints> MatrixDomain(Gen<QuadraticPoints> generator) => new()
    {
        Generator = generator,
        Edges = Edges,
        Perturb = (c, r) => c with { H = SignMatrices.MoveEntry(c.H, r) },
        Shrink = c => c.Shrink(),
        Describe = c => [SignMatrices.Show("H", c.H)],
    };
}
