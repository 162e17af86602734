using Verification.Engine.Generators;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;

namespace Verification.Tests.Properties.Optimizers;

/// <summary>
/// A cubic-perturbed quadratic f(θ) = ½θᵀDθ + (c/6)(uᵀθ)³ (n ≤ 4) and a point θ: indefinite, singular and repeated
/// spectra, c = 0 (a quadratic), and θ = 0 (∇f = 0 exactly) are all reachable.
/// </summary>
public sealed record OptimizerProblem(double[,] D, double C, double[] U, double[] Theta)
{
    /// <summary>The objective.</summary>
    public CubicPerturbedQuadratic Objective => new(Matrix<double>.Build.DenseOfArray(D), C, Vector<double>.Build.DenseOfArray(U));

    /// <summary>θ as a vector.</summary>
    public Vector<double> Point => Vector<double>.Build.DenseOfArray(Theta);

    /// <summary>n.</summary>
    public int Dimension => Theta.Length;

    /// <inheritdoc />
    public override string ToString() =>
        $"D = [{string.Join("; ", Enumerable.Range(0, Dimension).Select(i => string.Join(", ", Enumerable.Range(0, Dimension).Select(j => D[i, j].ToString("R")))))}], " +
        $"c = {C:R}, u = [{string.Join(", ", U.Select(x => x.ToString("R")))}], θ = [{string.Join(", ", Theta.Select(x => x.ToString("R")))}]";
}

/// <summary>FsCheck arbitraries for the optimizer conformance properties.</summary>
public static class OptimizerArbitraries
{
    /// <summary>Problems as described on <see cref="OptimizerProblem"/>.</summary>
    public static Arbitrary<OptimizerProblem> Problem() => Arb.From(Generator);

    /// <summary>The generator behind <see cref="Problem"/>.</summary>
    public static Gen<OptimizerProblem> Generator { get; } =
        from n in Gen.Choose(1, 4)
        from kind in Gen.Elements(0, 0, 1, 2)
        from entries in EdgeDoubles.Signed(1e-2, 10).ArrayOf(n * n)
        from c in Gen.Frequency((1, Gen.Constant(0.0)), (4, EdgeDoubles.Signed(1e-2, 10)))
        from u in EdgeDoubles.Signed(1e-1, 1).ArrayOf(n)
        from zero in Gen.Elements(false, false, false, false, true)
        from theta in EdgeDoubles.Signed(1e-3, 3).ArrayOf(n)
        select new OptimizerProblem(Build(n, entries, kind), c, Nonzero(u), zero ? new double[n] : theta);

    private static double[] Nonzero(double[] u) => u.All(x => x == 0) ? u.Select((_, i) => i == 0 ? 1.0 : 0.0).ToArray() : u;

    private static double[,] Build(int n, double[] entries, int kind)
    {
        var d = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
            {
                // kind 1: diagonal with repeated integer values (non-unique eigenvectors, exact zeros);
                // kind 2: rank one (n − 1 zero eigenvalues).
                double v = kind switch
                {
                    1 => i == j ? Math.Round(entries[i]) : 0,
                    2 => entries[i] * entries[j],
                    _ => entries[i * n + j],
                };
                d[i, j] = v;
                d[j, i] = v;
            }
        return d;
    }
}
