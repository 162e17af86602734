using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// An eq. (2) network at an arbitrary θ (each entry a real input) and α₀: zeros, small integers and quarters (so that
/// blocks and G̃ can be singular) and log-uniform magnitudes in ±[2⁻⁸, 2⁸].
/// </summary>
internal sealed record NetworkPointInput(NetworkShape Shape, double Alpha0, double[] Theta)
{
    internal (T[] Theta, T Alpha0) Read<T>() where T : IReal<T> => ([.. Theta.Select(T.Input)], T.Input(Alpha0));

    internal IReadOnlyList<NamedValue> Describe() => [.. Shape.Describe(), NamedValue.Of("alpha0", Alpha0), NamedValue.Of("theta", Theta)];

    /// <summary>One entry of an arbitrary θ: 0, a small integer, a quarter, or a log-uniform magnitude of either sign.</summary>
    internal static Gen<double> Entry { get; } = Gen.Frequency(
        (1, Gen.Constant(0.0)),
        (1, Gen.Choose(-3, 3).Select(i => (double)i)),
        (1, Gen.Choose(-8, 8).Select(i => i / 4.0)),
        (3, EdgeDoubles.Signed(Math.ScaleB(1, -8), Math.ScaleB(1, 8))));

    internal static Gen<NetworkPointInput> Generator(Gen<double> alpha0) =>
        from shape in NetworkShape.Generator
        from a in alpha0
        from theta in Gen.ArrayOf(Entry, shape.ParameterCount)
        select new NetworkPointInput(shape, a, theta);

    /// <summary>θ of a shape drawn from a seed with <see cref="System.Random"/> (for the edge cases): the same mixture as <see cref="Entry"/>, dyadic.</summary>
    internal static double[] SeededTheta(NetworkShape shape, int seed) => SeededEntries(shape.ParameterCount, seed);

    /// <summary><paramref name="count"/> entries of the <see cref="Entry"/> mixture drawn from a seed.</summary>
    internal static double[] SeededEntries(int count, int seed)
    {
        var random = new System.Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => random.Next(4) switch
        {
            0 => 0.0,
            1 => random.Next(-3, 4),
            2 => random.Next(-8, 9) / 4.0,
            _ => Math.ScaleB(random.Next(-(1 << 20), 1 << 20), random.Next(-28, -4)),
        })];
    }

    internal static IEnumerable<NetworkPointInput> Edges(params double[] alpha0s) =>
        from a in alpha0s from s in NetworkShape.Edges select new NetworkPointInput(s, a, SeededTheta(s, s.PermutationSeed));

    internal NetworkPointInput Perturb(System.Random random, double minAlpha0)
    {
        if (random.Next(4) == 0)
            return this with { Alpha0 = EdgeDoubles.Perturb(Alpha0, random, minAlpha0, 1e3) };
        var theta = (double[])Theta.Clone();
        int j = random.Next(theta.Length);
        theta[j] = EdgeDoubles.Perturb(theta[j], random, 0, 256);
        return this with { Theta = theta };
    }

    internal static Domain<NetworkPointInput> Domain(Gen<double> alpha0, double[] edgeAlphas, double minAlpha0) => new()
    {
        Generator = Generator(alpha0),
        Edges = () => Edges(edgeAlphas),
        Perturb = (e, r) => e.Perturb(r, minAlpha0),
        Shrink = e => Shrinks.Coordinates(e, x => [x.Alpha0, .. x.Theta], (x, v) => x with { Alpha0 = v[0], Theta = v[1..] }),
        Describe = e => e.Describe(),
    };
}
