using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>f(θ) = ½θᵀAθ + Σ_i c_i·½log(1 + θ_i²) with symmetric A and c ≥ 0, and two points θ, θ' (Prop. 6.3's non-quadratic case).</summary>
internal sealed record PerturbedQuadratic(double[,] A, double[] C, double[] Theta, double[] ThetaPrime)
{
    internal int D => C.Length;

    internal (RealMatrix<T> A, T[] C, T[] Theta, T[] ThetaPrime) Read<T>() where T : IReal<T> =>
        (SignMatrices.Symmetric<T>(A), RealVector.Input<T>(C), RealVector.Input<T>(Theta), RealVector.Input<T>(ThetaPrime));

    private static Gen<PerturbedQuadratic> Generator { get; } = Gen.Choose(1, 3).SelectMany(d =>
        Gen.Frequency((3, SignMatrices.Symmetric(d)), (2, SignMatrices.Psd(d)), (1, SignMatrices.Diagonal(d)))
            .SelectMany(a => Gen.Frequency((3, Gen.Choose(0, 4).Select(i => (double)i)), (1, EdgeDoubles.NonNegative(1e-3, 1e3))).ArrayOf(d)
                .SelectMany(c => Gen.Frequency((3, SignMatrices.Vector(d)), (1, Gen.Constant(Enumerable.Repeat(Math.Sqrt(3), d).ToArray())))
                    .SelectMany(t => SignMatrices.Vector(d).Select(tp => new PerturbedQuadratic(a, c, t, tp))))));

    private static IEnumerable<PerturbedQuadratic> Edges() =>
    [
        new(new double[,] { { 0 } }, [1], [0], [1]),
        new(new double[,] { { 1, 1 }, { 1, 1 } }, [2, 2], [0, 0], [1e-3, -1e-3]),
        new(new double[,] { { -1, 2 }, { 2, 0 } }, [4, 1], [1.7320508075688772, 0], [1.75, 0.5]),
    ];

    private IEnumerable<PerturbedQuadratic> Shrink()
    {
        int d = D, t = SignMatrices.TriangleSize(d);
        return Shrinks.Coordinates(this, p => [.. SignMatrices.UpperTriangle(p.A), .. p.C, .. p.Theta, .. p.ThetaPrime],
            (_, v) => new PerturbedQuadratic(SignMatrices.FromUpperTriangle(d, v), v[t..(t + d)], v[(t + d)..(t + 2 * d)], v[(t + 2 * d)..]));
    }

    private PerturbedQuadratic Move(System.Random random) => random.Next(4) switch
    {
        0 => this with { A = SignMatrices.MoveEntry(A, random) },
        1 => this with { C = SignMatrices.MoveEntry(C, random) },
        2 => this with { Theta = SignMatrices.MoveEntry(Theta, random) },
        _ => this with { ThetaPrime = SignMatrices.MoveEntry(ThetaPrime, random) },
    };

    internal static Domain<PerturbedQuadratic> Domain { get; } = new()
    {
        Generator = Generator,
        Edges = Edges,
        Perturb = (p, r) => p.Move(r),
        Shrink = p => p.Shrink(),
        Describe = p => [SignMatrices.Show("A", p.A), NamedValue.Of("c", p.C), NamedValue.Of("θ", p.Theta), NamedValue.Of("θ'", p.ThetaPrime)],
    };
}
