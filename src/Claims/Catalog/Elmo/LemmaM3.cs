using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>A square matrix A (row-major) and a vector v.</summary>
internal sealed record MatrixVector(double[] A, double[] V)
{
    internal int N => V.Length;

    internal IReadOnlyList<NamedValue> Describe() => [NamedValue.Of("A (row-major)", A), NamedValue.Of("v", V)];
}

/// <summary>elmo-amos Lemma M.3: vᵀ(Aᵀ − A)v = 0 for every A ∈ ℝⁿˣⁿ, v ∈ ℝⁿ.</summary>
internal static class LemmaM3
{
    internal static Claim Claim() => new(
        "elmo/lemma-M.3",
        ElmoSources.Of("Lemma M.3", null, "M.2"),
        "Let A ∈ ℝ^{n×n}, v ∈ ℝⁿ. Then vᵀ(Aᵀ − A)v = 0.",
        "Literal, for every real square matrix (non-symmetric, any magnitudes) and vector.",
        [new Inequality<MatrixVector>
        {
            Name = "antisymmetric-form",
            Description = "For n = 1..5, A ∈ ℝⁿˣⁿ, v ∈ ℝⁿ: vᵀ(Aᵀ − A)v = 0.",
            Tolerance = "Relative 1e-13 of Σ|v_i||A_ji − A_ij||v_j| in double precision (summation error ≤ (n² + 2)ε of that sum for n ≤ 5); exact rational arithmetic decides.",
            Relation = Relation.Equal,
            RelativeTolerance = 1e-13,
            Generator =
                from n in Gen.Choose(1, 5)
                from a in EdgeDoubles.Signed(1e-100, 1e100).ArrayOf(n * n)
                from v in EdgeDoubles.Signed(1e-100, 1e100).ArrayOf(n)
                select new MatrixVector(a, v),
            Edges = () => [new([1, 2, 3, 4], [1, 1]), new([0, 1e100, -1e100, 0], [1e-100, 1]), new([5], [3])],
            Hypotheses = m => Form(m).Scale is var s && double.IsFinite(s) ? null : "the terms overflow double precision",
            Sides = m => { var (value, scale) = Form(m); return new Sides(value, 0, scale); },
            ExactSides = (m, _) =>
            {
                var sum = RationalInterval.Zero;
                for (int i = 0; i < m.N; i++)
                    for (int j = 0; j < m.N; j++)
                        sum += RationalInterval.Exact(m.V[i]) * (RationalInterval.Exact(m.A[j * m.N + i]) - RationalInterval.Exact(m.A[i * m.N + j])) * RationalInterval.Exact(m.V[j]);
                return new ExactSides(sum, RationalInterval.Zero);
            },
            Show = m => m.Describe(),
        }]);

    private static (double Value, double Scale) Form(MatrixVector m)
    {
        double value = 0, scale = 0;
        for (int i = 0; i < m.N; i++)
            for (int j = 0; j < m.N; j++)
            {
                double t = m.V[i] * (m.A[j * m.N + i] - m.A[i * m.N + j]) * m.V[j];
                value += t;
                scale += System.Math.Abs(t);
            }
        return (value, scale);
    }
}
