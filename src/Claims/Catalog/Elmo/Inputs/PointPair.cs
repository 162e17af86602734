using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;

namespace Verification.Claims.Catalog.Elmo.Inputs;

/// <summary>Two points θ, φ for one of <see cref="ThmM4.Functions"/> (the input of elmo/thm-M.4).</summary>
internal sealed record PointPair(int Function, double[] Theta, double[] Phi)
{
    internal BoundedSpectrumFunction F => ThmM4.Functions[Function];

    internal IReadOnlyList<NamedValue> Describe() =>
        [NamedValue.Text("f", F.F.Name), NamedValue.Of("theta", Theta), NamedValue.Of("phi", Phi),
         NamedValue.Of("L_H (Assumption 2)", F.LH), NamedValue.Of("lambda_sup", F.LambdaSup)];

    /// <summary>
    /// Functions × θ, φ ∈ [−5, 5]ⁿ edge-biased; edges θ = 0, φ = (1, …, 1) for every function; climbing moves one
    /// coordinate of φ; shrinking θ and φ coordinate by coordinate.
    /// </summary>
    internal static Domain<PointPair> Domain { get; } = new()
    {
        Generator =
            from i in Gen.Choose(0, ThmM4.Functions.Count - 1)
            let n = ThmM4.Functions[i].F.Dimension
            from a in EdgeDoubles.Signed(1e-3, 5).ArrayOf(n)
            from b in EdgeDoubles.Signed(1e-3, 5).ArrayOf(n)
            select new PointPair(i, a, b),
        Edges = () => Enumerable.Range(0, ThmM4.Functions.Count)
            .Select(i => new PointPair(i, new double[ThmM4.Functions[i].F.Dimension], [.. Enumerable.Repeat(1.0, ThmM4.Functions[i].F.Dimension)])),
        Perturb = (p, r) =>
        {
            var phi = (double[])p.Phi.Clone();
            int k = r.Next(phi.Length);
            phi[k] = Math.Clamp(EdgeDoubles.Perturb(phi[k], r, 0, 5), -5, 5);
            return p with { Phi = phi };
        },
        Shrink = p => Shrinks.Coordinates(p, x => [.. x.Theta, .. x.Phi], (x, v) => x with { Theta = v[..x.Theta.Length], Phi = v[x.Theta.Length..] }),
        Describe = p => p.Describe(),
    };
}
