using System.Diagnostics.CodeAnalysis;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>elmo-amos Lemma M.3: vᵀ(Aᵀ − A)v = 0 for every A ∈ ℝⁿˣⁿ, v ∈ ℝⁿ.</summary>
internal static class LemmaM3
{
    internal static Claim Claim() => new(
        "elmo/lemma-M.3",
        ElmoSources.Of("Lemma M.3", null, "M.2"),
        "Let A ∈ ℝ^{n×n}, v ∈ ℝⁿ. Then vᵀ(Aᵀ − A)v = 0.",
        "Literal, for every real square matrix (non-symmetric, any magnitudes) and vector.",
        [new AntisymmetricForm()]);

    /// <summary>Σ_ij v_i(A_ji − A_ij)v_j = 0.</summary>
    private sealed class AntisymmetricForm : Statement<MatrixVector>
    {
        [SetsRequiredMembers]
        public AntisymmetricForm()
        {
            Name = "antisymmetric-form";
            Description = "For n = 1..5, A ∈ ℝⁿˣⁿ, v ∈ ℝⁿ: vᵀ(Aᵀ − A)v = 0.";
            Tolerance = "Double-only rounding allowance 2^-46 ≈ 1.4e-14 of the scale: the double sum of n² ≤ 25 products, each with a rounded difference, is off by at most (n² + 3)ε ≈ 6.2e-15 of the sum of the terms' sizes; the exact value is rational, so exact arithmetic decides every violation beyond it.";
            MarginUnit = "relative to Σ_ij |v_i||A_ji − A_ij||v_j| (the size of the terms summed)";
            Domain = new Domain<MatrixVector>
            {
                Generator =
                    from n in Gen.Choose(1, 5)
                    from a in EdgeDoubles.Signed(1e-100, 1e100).ArrayOf(n * n)
                    from v in EdgeDoubles.Signed(1e-100, 1e100).ArrayOf(n)
                    select new MatrixVector(a, v),
                Edges = () => [new([1, 2, 3, 4], [1, 1]), new([0, 1e100, -1e100, 0], [1e-100, 1]), new([5], [3])],
                Perturb = (m, r) =>
                {
                    var a = (double[])m.A.Clone();
                    int k = r.Next(a.Length);
                    a[k] = EdgeDoubles.Perturb(a[k], r, 0, 1e100);
                    return m with { A = a };
                },
                Shrink = m => Shrinks.Coordinates(m, q => [.. q.A, .. q.V], (q, x) => new MatrixVector(x[..q.A.Length], x[q.A.Length..])),
                Describe = m => m.Describe(),
            };
        }

        public override Relation<T> Evaluate<T>(MatrixVector input)
        {
            int n = input.N;
            var a = input.A.Select(x => T.Input(x)).ToArray();
            var v = input.V.Select(x => T.Input(x)).ToArray();
            T form = T.Of(0), terms = T.Of(0);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    var t = v[i] * (a[j * n + i] - a[i * n + j]) * v[j];
                    form += t;
                    terms += T.Abs(t);
                }
            return Relation.Equal(form, T.Of(0), Margins.OrOne(terms), Math.ScaleB(1, -46));
        }
    }
}
