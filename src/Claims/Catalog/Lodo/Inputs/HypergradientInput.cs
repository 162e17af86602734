using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// One hypergradient of Algorithm 1: the model of G (eq. 2 with <see cref="Shape"/>, or the dense G of §4.1 of dimension
/// Shape.N), α₀, θ, a = g_{t+1} = ∇f(x_{t+1}) and u = m_t. θ has the model's length: N·ñ·k for eq. (2), n² for the
/// dense G (the generator draws exactly that many entries).
/// </summary>
internal sealed record HypergradientInput(NetworkShape Shape, bool DenseModel, double Alpha0, double[] Theta, double[] A, double[] U)
{
    internal int Dimension => Shape.N;

    internal int ParameterCount => DenseModel ? Shape.N * Shape.N : Shape.ParameterCount;

    internal IReadOnlyList<NamedValue> Describe() =>
    [
        .. DenseModel ? [NamedValue.Of("n", Shape.N)] : Shape.Describe(),
        NamedValue.Of("alpha0", Alpha0), NamedValue.Of("theta", Theta), NamedValue.Of("a", A), NamedValue.Of("u", U),
    ];

    /// <summary>Small integers and halves in [−3, 3] for a and u (the old generator's), θ from <see cref="NetworkPointInput.Entry"/>.</summary>
    private static Gen<double> VectorEntry { get; } = Gen.Choose(-6, 6).Select(i => i / 2.0);

    internal static Gen<HypergradientInput> Generator(bool dense) =>
        from shape in NetworkShape.Generator
        from alpha0 in Gen.Elements(1.0, 0.27, -0.5, 2.0)
        from theta in Gen.ArrayOf(NetworkPointInput.Entry, dense ? shape.N * shape.N : shape.ParameterCount)
        from a in Gen.ArrayOf(VectorEntry, shape.N)
        from u in Gen.ArrayOf(VectorEntry, shape.N)
        select new HypergradientInput(shape, dense, alpha0, theta, a, u);

    internal static IEnumerable<HypergradientInput> Edges(bool dense) => NetworkShape.Edges.Select(s =>
    {
        var random = new System.Random(s.PermutationSeed ^ 0x1B873593);
        double Draw() => random.Next(-6, 7) / 2.0;
        var theta = NetworkPointInput.SeededEntries(dense ? s.N * s.N : s.ParameterCount, s.PermutationSeed);
        return new HypergradientInput(s, dense, 1.0, theta, [.. Enumerable.Range(0, s.N).Select(_ => Draw())], [.. Enumerable.Range(0, s.N).Select(_ => Draw())]);
    });

    internal static Domain<HypergradientInput> Domain(bool dense) => new()
    {
        Generator = Generator(dense),
        Edges = () => Edges(dense),
        Perturb = (e, r) =>
        {
            var theta = (double[])e.Theta.Clone();
            int j = r.Next(theta.Length);
            theta[j] = EdgeDoubles.Perturb(theta[j], r, 0, 256);
            return e with { Theta = theta };
        },
        Shrink = e => Shrinks.Coordinates(e, x => [.. x.Theta, .. x.A, .. x.U],
            (x, v) => x with { Theta = v[..x.Theta.Length], A = v[x.Theta.Length..(x.Theta.Length + x.Dimension)], U = v[(x.Theta.Length + x.Dimension)..] }),
        Describe = e => e.Describe(),
    };

    internal (T[] Theta, T[] A, T[] U, T Alpha0) Read<T>() where T : IReal<T> =>
        (RealVector.Input<T>(Theta), RealVector.Input<T>(A), RealVector.Input<T>(U), T.Input(Alpha0));
}
