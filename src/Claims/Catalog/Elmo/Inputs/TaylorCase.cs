using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Optimizers.Objectives.Generic;

namespace Verification.Claims.Catalog.Elmo.Inputs;

/// <summary>
/// The input of the Taylor-remainder claims (Lemma 3.1, Lemma M.2, the first proof in M.2): a test function (index into
/// <see cref="ElmoTestFunctions.All"/>), an iterate θ_t and a step Δθ_t = θ_{t+1} − θ_t.
/// </summary>
internal sealed record TaylorCase(int Function, double[] Theta, double[] Step)
{
    internal IGenericObjective F => ElmoTestFunctions.All[Function];

    internal IReadOnlyList<NamedValue> Describe() =>
        [NamedValue.Text("f", F.Name), NamedValue.Of("theta_t", Theta), NamedValue.Of("Delta theta_t", Step)];

    /// <summary>
    /// The search domain over the functions <paramref name="functions"/> admits: <see cref="Generator"/>, <see cref="Edges"/>,
    /// climbing by <see cref="Move"/>, shrinking θ_t and Δθ_t coordinate by coordinate toward small integers and dyadics.
    /// </summary>
    internal static Domain<TaylorCase> Domain(Func<int, bool> functions) => new()
    {
        Generator = Generator(functions),
        Edges = () => Edges(functions),
        Perturb = (c, r) => c.Move(r),
        Shrink = c => Shrinks.Coordinates(c, x => [.. x.Theta, .. x.Step], (x, v) => x with { Theta = v[..x.Theta.Length], Step = v[x.Theta.Length..] }),
        Describe = c => c.Describe(),
    };

    /// <summary>
    /// Functions × θ ∈ [−3, 3]ⁿ (coordinates edge-biased) × Δθ of magnitudes 1e-3..3 in a random direction or along one
    /// coordinate; for the cubic-perturbed quadratic with u = (1, 1), θ is often taken with uᵀθ = 0 exactly (θ = s·(1, −1)),
    /// where H(θ) = D is diagonal.
    /// </summary>
    internal static Gen<TaylorCase> Generator(Func<int, bool> functions)
    {
        var indices = Enumerable.Range(0, ElmoTestFunctions.All.Count).Where(functions).ToArray();
        return from i in Gen.Elements(indices)
               let n = ElmoTestFunctions.All[i].Dimension
               from theta in EdgeDoubles.Signed(1e-2, 3).ArrayOf(n)
               from orthogonal in Gen.Elements(false, true)
               from scale in EdgeDoubles.LogUniform(1e-3, 3)
               from direction in EdgeDoubles.Unit.Select(u => u * 2 - 1).ArrayOf(n)
               from axis in Gen.Frequency((3, Gen.Constant(-1)), (1, Gen.Choose(0, n - 1)))
               select new TaylorCase(i, orthogonal && i == ElmoTestFunctions.CubicPlane ? [theta[0], -theta[0]] : theta, StepOf(direction, axis, scale));
    }

    private static double[] StepOf(double[] direction, int axis, double scale)
    {
        if (axis >= 0)
            return [.. direction.Select((_, k) => k == axis ? scale : 0.0)];
        double norm = Math.Sqrt(direction.Sum(x => x * x));
        return norm == 0 ? [.. direction.Select(_ => scale)] : [.. direction.Select(x => x / norm * scale)];
    }

    /// <summary>
    /// Per function: θ = 0 with Δθ = ±(1, …, 1) (along u for the cubic plane: equality in eq. 15, and both signs of the
    /// cubic term), θ = ½ with Δθ = e_1, and Δθ = 0.
    /// </summary>
    internal static IEnumerable<TaylorCase> Edges(Func<int, bool> functions)
    {
        for (int i = 0; i < ElmoTestFunctions.All.Count; i++)
        {
            if (!functions(i)) continue;
            int n = ElmoTestFunctions.All[i].Dimension;
            yield return new TaylorCase(i, new double[n], [.. Enumerable.Repeat(1.0, n)]);
            yield return new TaylorCase(i, new double[n], [.. Enumerable.Repeat(-1.0, n)]);
            yield return new TaylorCase(i, [.. Enumerable.Repeat(0.5, n)], [.. Enumerable.Range(0, n).Select(k => k == 0 ? 1.0 : 0.0)]);
            yield return new TaylorCase(i, new double[n], new double[n]);
        }
    }

    /// <summary>Moves one coordinate of Δθ or of θ a little (θ stays on uᵀθ = 0 for the cubic plane).</summary>
    internal TaylorCase Move(System.Random r)
    {
        var step = (double[])Step.Clone();
        var theta = (double[])Theta.Clone();
        int k = r.Next(Step.Length);
        if (r.Next(2) == 0) step[k] = Math.Clamp(EdgeDoubles.Perturb(step[k], r, 0, 3), -3, 3);
        else if (Function != ElmoTestFunctions.CubicPlane) theta[k] = Math.Clamp(EdgeDoubles.Perturb(theta[k], r, 0, 3), -3, 3);
        return this with { Theta = theta, Step = step };
    }
}
