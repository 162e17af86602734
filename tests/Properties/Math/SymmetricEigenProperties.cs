using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Tests.Properties.Numerics.Elmo;
using Xunit;

namespace Verification.Tests.Properties.Numerics;

/// <summary><see cref="SymmetricEigen.Decompose"/> over the whole double range (its dense-matrix accuracy is in <see cref="PreconditionerProperties"/>).</summary>
[Properties(Arbitrary = [typeof(MathArbitraries)], MaxTest = 300)]
public class SymmetricEigenProperties
{
    /// <summary>
    /// Eigenpairs scale with the matrix: Decompose(2^k·H, 2^j·∇f) has eigenvalues 2^k·λ_i, the same V and projections
    /// 2^j·g_i, bit for bit, for k and j anywhere in −1000…1000 (entries 1e-3…1e3 scaled there stay normal), wherever the
    /// scaled eigenvalues and projections are normal (else skipped). Without the power-of-two scaling inside, the solver
    /// overflows (squares of 1e300) or flushes (squares of 1e-300) and this fails.
    /// </summary>
    [Property]
    public Property Decompose_IsScaleEquivariant(SymmetricProblem p) => Prop.ForAll(
        (from k in Gen.Choose(-1000, 1000) from j in Gen.Choose(-1000, 1000) select (k, j)).ToArbitrary(), kj =>
    {
        var (k, j) = kj;
        var h = Matrix<double>.Build.DenseOfArray(p.Hessian);
        var g = Vector<double>.Build.DenseOfArray(p.Gradient);
        var e = SymmetricEigen.Decompose(h, g);
        var s = SymmetricEigen.Decompose(h * Math.ScaleB(1.0, k), g * Math.ScaleB(1.0, j));
        var values = e.Values.Select(x => Math.ScaleB(x, k)).ToArray();
        var projections = e.GradientProjections.Select(x => Math.ScaleB(x, j)).ToArray();
        if (values.Concat(projections).Any(x => x != 0 && !double.IsNormal(x)))
            return true.Label("a scaled eigenvalue or projection leaves the normal range (skipped)");
        return (values.SequenceEqual(s.Values) && projections.SequenceEqual(s.GradientProjections) && e.Vectors.Equals(s.Vectors))
            .Label($"k = {k}, j = {j}: λ {string.Join(", ", s.Values)} vs {string.Join(", ", values)}; g_i {string.Join(", ", s.GradientProjections)} vs {string.Join(", ", projections)}");
    });

    /// <summary>
    /// A diagonal H with entries anywhere in the finite doubles, at any spread, is decomposed exactly (since stop 42, the
    /// documented fast path): eigenvalues = its diagonal sorted, ties in index order, eigenvectors ±e_j with
    /// ∇fᵀv_j = −|g_j| ≤ 0 (eq. 1), bit for bit. Before, the power-of-two scaling rounded entries below 2^-1074 of the
    /// largest to the subnormal grid (diag(1e308, −5.6e-37) lost −5.6e-37), which this property then only bounded.
    /// </summary>
    [Property(MaxTest = 1000)]
    public Property Decompose_OfDiagonal_IsItsSortedDiagonalExactly() => Prop.ForAll(DiagonalProblems.FullRange.ToArbitrary(), p =>
    {
        var e = SymmetricEigen.Decompose(p.Hessian, p.GradientVector);
        var order = Enumerable.Range(0, p.Diagonal.Length).OrderBy(j => p.Diagonal[j]).ThenBy(j => j).ToArray();
        var property = true.ToProperty();
        for (int i = 0; i < order.Length; i++)
        {
            int j = order[i];
            var v = e.Vectors.Column(i);
            bool unit = v.Enumerate().Count(x => x != 0) == 1 && Math.Abs(v[j]) == 1;
            property = property
                .And((e.Values[i] == p.Diagonal[j]).Label($"{p}: λ_{i} = {e.Values[i]:R}, diagonal {p.Diagonal[j]:R}"))
                .And(unit.Label($"{p}: v_{i} = {v} is not ±e_{j}"))
                .And((e.GradientProjections[i] == -Math.Abs(p.Gradient[j]) && v[j] * p.Gradient[j] <= 0)
                    .Label($"{p}: g_{i} = {e.GradientProjections[i]:R}, expected −|{p.Gradient[j]:R}|"));
        }
        return property;
    });

    /// <summary>
    /// Ties and zero projections, which the diagonal property never draws (its diagonals are distinct): diag(2, 1, 2, 1)
    /// with ∇f = (1, 0, −3, −0) gives λ = (1, 1, 2, 2) on e_1, e_3, e_0, e_2 (ties in index order, as documented; MathNet's
    /// selection sort had put e_2 before e_0), v = −e_0 where ∇f_0 &gt; 0, and +e_i where ∇f_i = ±0 (eq. 1 holds either
    /// way; the documented choice is the largest component positive), projections (0, 0, −1, −3) with no −0.
    /// </summary>
    [Fact]
    public void Decompose_OfADiagonalWithTies_KeepsIndexOrderAndOrientsZeroProjectionsPositive()
    {
        var h = Matrix<double>.Build.DenseOfDiagonalArray([2.0, 1, 2, 1]);
        var g = Vector<double>.Build.DenseOfArray([1.0, 0, -3, -0.0]);
        var e = SymmetricEigen.Decompose(h, g);
        Assert.Equal(new[] { 1.0, 1, 2, 2 }, e.Values);
        var expected = Matrix<double>.Build.Dense(4, 4);
        expected[1, 0] = 1;
        expected[3, 1] = 1;
        expected[0, 2] = -1;
        expected[2, 3] = 1;
        Assert.Equal(expected, e.Vectors);
        Assert.Equal(new[] { 0.0, 0, -1, -3 }, e.GradientProjections);
        Assert.All(e.GradientProjections, x => Assert.False(x == 0 && double.IsNegative(x), "a −0 projection"));
    }

    /// <summary>
    /// diag(1e308, −5.6e-37) with ∇f = (−4e-44, 2.1e27): the scaling by 2^-1023 flushed −5.6e-37 to 0, so λ_1 was 0 and
    /// Newton's step along e_2 came out 0 for the exact −g₂/λ₂ = 3.75e63 (fails on the old code); now exact.
    /// </summary>
    [Fact]
    public void Decompose_OfAWidelySpreadDiagonal_KeepsTheSmallEntry()
    {
        var h = Matrix<double>.Build.DenseOfDiagonalArray([1e308, -5.6e-37]);
        var g = Vector<double>.Build.DenseOfArray([-4e-44, 2.1e27]);
        var e = SymmetricEigen.Decompose(h, g);
        Assert.Equal(new[] { -5.6e-37, 1e308 }, e.Values);
        Assert.Equal(new[] { -2.1e27, -4e-44 }, e.GradientProjections);
        Assert.Equal(-1.0, e.Vectors[1, 0]);
        Assert.Equal(1.0, e.Vectors[0, 1]);
    }

    /// <summary>
    /// A valid H whose power-of-two scaling leaves a subnormal off-diagonal entry: H = [[p, q], [q, r]] with
    /// p = 1.000842968e-308, q = −0.499846169609563, r = 8.988465674e307 (scaled by 2^-1023, q becomes −1.11e-308). The
    /// solver threw an IndexOutOfRangeException here (found for SignGeometryBounds; Decompose passed the same scaled
    /// matrix on). Exactly, λ_2 = r + q²/(r − p) + … rounds to r, and |λ_1| = |p − q²/r + …| &lt; 2^-1021; the computed λ_1
    /// can only be held to Weyl's bound with the solver's backward error, 2·n·2^-52·‖H‖₂ (n = 2, the constant 2 of the 2×2
    /// Weyl checks), as λ_1 is 2^-2046 of ‖H‖₂. The exact eigenvectors are ±e_1, ±e_2 to an angle q/r ≈ 6e-309; a
    /// backward error E turns them by at most ‖E‖₂/gap = 4·2^-52 (Davis–Kahan, gap ≈ r), so each |v_ii| is 1 within
    /// 4·2^-52, and with ∇f = (1, 1) each projection ∇fᵀv_i is −1 (eq. 1) within 2·4·2^-52 (its two terms).
    /// </summary>
    [Fact]
    public void Decompose_WithASubnormalScaledOffDiagonal_IsAccurate()
    {
        double p = 1.000842968e-308, q = -0.499846169609563, r = 8.988465674e307;
        var h = Matrix<double>.Build.DenseOfArray(new[,] { { p, q }, { q, r } });
        var g = Vector<double>.Build.DenseOfArray([1.0, 1.0]);
        var e = SymmetricEigen.Decompose(h, g);
        Assert.Equal(r, e.Values[1]);
        double turn = 4 * Math.ScaleB(1.0, -52);
        Assert.True(Math.Abs(e.Values[0]) <= 4 * Math.ScaleB(r, -52), $"λ_1 = {e.Values[0]:R}");
        Assert.InRange(Math.Abs(e.Vectors[0, 0]), 1 - turn, 1.0);
        Assert.InRange(Math.Abs(e.Vectors[1, 1]), 1 - turn, 1.0);
        Assert.All(e.GradientProjections, gi => Assert.InRange(gi, -1 - 2 * turn, -1 + 2 * turn));
    }
}
