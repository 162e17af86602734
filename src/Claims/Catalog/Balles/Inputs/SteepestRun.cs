using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>A PSD quadratic f = ½θᵀHθ (f* = 0), a start θ₀ and a horizon T (steps of a steepest-descent run).</summary>
internal sealed record SteepestRun(double[,] H, double[] Theta0, int Steps)
{
    internal (RealMatrix<T> H, T[] Theta0) Read<T>() where T : IReal<T> => (SignMatrices.Symmetric<T>(H), RealVector.Input<T>(Theta0));

    private static Gen<SteepestRun> Generator { get; } = QuadraticPoints.Psd.SelectMany(c =>
        Gen.Choose(1, 6).Select(t => new SteepestRun(c.H, c.Theta, t)));

    private IEnumerable<SteepestRun> Shrink()
    {
        int d = Theta0.Length, t = SignMatrices.TriangleSize(d);
        return Shrinks.Coordinates(this, r => [.. SignMatrices.UpperTriangle(r.H), .. r.Theta0],
            (r, v) => r with { H = SignMatrices.FromUpperTriangle(d, v), Theta0 = v[t..] });
    }

    internal static Domain<SteepestRun> Domain { get; } = new()
    {
        Generator = Generator,
        Edges = () => QuadraticPoints.Edges().Select(c => new SteepestRun(c.H, c.Theta, 3)),
        Perturb = (r, random) => random.Next(2) == 0
            ? r with { H = SignMatrices.MoveEntry(r.H, random) }
            : r with { Theta0 = SignMatrices.MoveEntry(r.Theta0, random) },
        Shrink = r => r.Shrink(),
        Describe = r => [SignMatrices.Show("H", r.H), NamedValue.Of("θ₀", r.Theta0), NamedValue.Text("T", r.Steps.ToString(CultureInfo.InvariantCulture))],
    };
}
