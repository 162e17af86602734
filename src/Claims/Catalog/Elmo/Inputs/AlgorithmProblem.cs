using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Verification.Engine;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Objectives.Generic;

namespace Verification.Claims.Catalog.Elmo.Inputs;

/// <summary>
/// The input of the algorithm claims (Alg. 1–3): f(θ) = ½θᵀDθ + (c/6)(uᵀθ)³ (<see cref="CubicPerturbedQuadratic"/>,
/// L_H = |c|‖u‖³), n ≤ 4, and a start θ. The optimizers run on the double implementation; statements evaluate f, ∇f and H
/// through its generic twin, exactly at a counterexample.
/// </summary>
internal sealed record AlgorithmProblem(int N, double[] D, double C, double[] U, double[] Theta)
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AlgorithmProblem, System.Collections.Concurrent.ConcurrentDictionary<string, object>> Cache = new();

    /// <summary>
    /// <paramref name="compute"/>'s value for this input instance, computed once: the engine evaluates a statement on the
    /// same input in doubles and then exactly, and both replay the same (deterministic) optimizer run.
    /// </summary>
    internal T Memo<T>(string key, Func<T> compute) where T : notnull =>
        (T)Cache.GetValue(this, _ => new()).GetOrAdd(key, _ => compute());

    internal Matrix<double> DMatrix => Matrix<double>.Build.Dense(N, N, D);

    /// <summary>The double implementation the optimizers run on.</summary>
    internal CubicPerturbedQuadratic Objective => (CubicPerturbedQuadratic)Generic.Reference;

    /// <summary>f written once over IReal (its <see cref="GenericCubicPerturbedQuadratic.Reference"/> is <see cref="Objective"/>).</summary>
    internal GenericCubicPerturbedQuadratic Generic => Memo("generic", () => new GenericCubicPerturbedQuadratic(DMatrix, C, Vector<double>.Build.DenseOfArray(U)));

    internal Vector<double> Start => Vector<double>.Build.DenseOfArray(Theta);

    internal IReadOnlyList<NamedValue> Describe() =>
    [
        NamedValue.Of("n", N), NamedValue.Of("D (column-major)", D), NamedValue.Of("c", C),
        NamedValue.Of("u", U), NamedValue.Of("theta", Theta),
    ];

    /// <summary>Indefinite, singular and repeated spectra, c = 0 and θ = 0 (∇f = 0) reachable; entries O(1e-2..10).</summary>
    internal static Gen<AlgorithmProblem> Generator { get; } =
        from n in Gen.Choose(1, 4)
        from kind in Gen.Elements(0, 0, 1, 2)
        from entries in EdgeDoubles.Signed(1e-2, 10).ArrayOf(n * n)
        from c in Gen.Frequency((1, Gen.Constant(0.0)), (5, EdgeDoubles.Signed(1e-2, 10)))
        from u in EdgeDoubles.Signed(1e-1, 1).ArrayOf(n)
        from zero in Gen.Elements(false, false, false, true)
        from theta in EdgeDoubles.Signed(1e-3, 3).ArrayOf(n)
        select new AlgorithmProblem(n, Symmetric(n, entries, kind), c, u.All(x => x == 0) ? Unit(n) : u, zero ? new double[n] : theta);

    /// <summary>
    /// The search domain: <see cref="Generator"/>, <see cref="EdgeCases"/>, climbing by <see cref="Perturb"/>, and shrinking
    /// θ, c and u coordinate by coordinate (u ≠ 0 kept; D keeps its symmetry by not being shrunk).
    /// </summary>
    internal static Domain<AlgorithmProblem> Domain { get; } = new()
    {
        Generator = Generator,
        Edges = EdgeCases,
        Perturb = (p, r) => p.Perturb(r),
        Shrink = p => Shrinks.Coordinates(p, x => [.. x.Theta, x.C, .. x.U], (x, v) => x.With(v)),
        Describe = p => p.Describe(),
    };

    /// <summary>Saddles with a repeated negative eigenvalue and u along (1, …, 1): the cases where Σ_i|x_i|³ ≪ ‖x‖³.</summary>
    internal static IEnumerable<AlgorithmProblem> EdgeCases()
    {
        foreach (int n in new[] { 1, 2, 3, 4 })
            foreach (double c in new[] { 1.0, -1.0 })
                foreach (double lambda in new[] { -1.0, 1.0 })
                {
                    var d = new double[n * n];
                    for (int i = 0; i < n; i++) d[i + i * n] = lambda;
                    yield return new AlgorithmProblem(n, d, c, Enumerable.Repeat(1.0, n).ToArray(), new double[n]);
                    yield return new AlgorithmProblem(n, d, c, Enumerable.Repeat(1.0, n).ToArray(), Enumerable.Repeat(0.25, n).ToArray());
                }
    }

    /// <summary>Moves one entry of θ, u or c a little (D keeps its symmetry).</summary>
    internal AlgorithmProblem Perturb(System.Random random)
    {
        int which = random.Next(3);
        if (which == 0)
        {
            var t = (double[])Theta.Clone();
            int i = random.Next(N);
            t[i] = t[i] == 0 ? (random.NextDouble() - 0.5) * 1e-3 : EdgeDoubles.Perturb(t[i], random, 0, 10);
            return this with { Theta = t };
        }
        if (which == 1)
        {
            var v = (double[])U.Clone();
            int i = random.Next(N);
            v[i] = EdgeDoubles.Perturb(v[i] == 0 ? 0.1 : v[i], random, 0, 1);
            return v.All(x => x == 0) ? this : this with { U = v };
        }
        return this with { C = EdgeDoubles.Perturb(C == 0 ? 0.1 : C, random, 0, 10) };
    }

    /// <summary>This problem with θ, c and u replaced by <paramref name="values"/> (θ, then c, then u); u = 0 is not a problem.</summary>
    /// <exception cref="ArgumentException">u = 0, or a value that is not finite.</exception>
    private AlgorithmProblem With(double[] values)
    {
        if (!values.All(double.IsFinite))
            throw new ArgumentException("every value must be finite.", nameof(values));
        var u = values[(N + 1)..];
        if (u.All(x => x == 0))
            throw new ArgumentException("u must not be 0.", nameof(values));
        return this with { Theta = values[..N], C = values[N], U = u };
    }

    private static double[] Unit(int n) => Enumerable.Range(0, n).Select(i => i == 0 ? 1.0 : 0.0).ToArray();

    private static double[] Symmetric(int n, double[] e, int kind)
    {
        var d = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
            {
                double v = kind switch
                {
                    1 => i == j ? Math.Round(e[i]) : 0,
                    2 => e[i] * e[j],
                    _ => e[i * n + j],
                };
                d[i + j * n] = v;
                d[j + i * n] = v;
            }
        return d;
    }
}
