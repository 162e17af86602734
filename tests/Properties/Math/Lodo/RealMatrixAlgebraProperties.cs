using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// The generic linear algebra of the LODO statements (<see cref="RealMatrixAlgebra"/>): in exact rational intervals it
/// reproduces <see cref="ExactMatrix"/>'s independent rational algorithms exactly, and its decisions (definiteness,
/// Descartes' counts) agree with matrices and polynomials built from known spectra and roots.
/// </summary>
public class RealMatrixAlgebraProperties
{
    private const string Replay = "(20261123,11400714819323198485)";

    /// <summary>A square matrix of small integers and quarters, n ∈ 1..4.</summary>
    public sealed record SmallMatrix(int N, long[] Quarters)
    {
        public RealMatrix<RationalInterval> Exact() => RealMatrix<RationalInterval>.Create(N, N, (i, j) => RationalInterval.Exact(new Fraction(Quarters[i * N + j], 4)));

        public ExactMatrix Reference() => ExactMatrix.Build(N, N, (i, j) => new Fraction(Quarters[i * N + j], 4));
    }

    public static Arbitrary<SmallMatrix> Matrices() => Arb.From(
        from n in Gen.Choose(1, 4)
        from q in Gen.ArrayOf(Gen.Choose(-12, 12).Select(i => (long)i), n * n)
        select new SmallMatrix(n, q));

    private static void AssertExactlyEqual(Fraction expected, RationalInterval actual, string what)
    {
        Assert.True(actual.Lower == expected && actual.Upper == expected, $"{what}: expected exactly {expected}, got {actual}");
    }

    [Property(Arbitrary = [typeof(RealMatrixAlgebraProperties)], MaxTest = 60, Replay = Replay)]
    public void CharacteristicPolynomial_IsFaddeevLeVerrierExactly(SmallMatrix m)
    {
        var expected = m.Reference().CharacteristicPolynomial();
        var actual = RealMatrixAlgebra.CharacteristicPolynomial(m.Exact());
        Assert.Equal(expected.Length, actual.Length);
        for (int j = 0; j < expected.Length; j++)
            AssertExactlyEqual(expected[j], actual[j], $"c_{j}");
    }

    [Property(Arbitrary = [typeof(RealMatrixAlgebraProperties)], MaxTest = 60, Replay = Replay)]
    public void Solve_MatchesExactElimination_OrReportsSingular(SmallMatrix m)
    {
        var rhs = ExactMatrix.Build(m.N, 2, (i, j) => new Fraction(i + 1 - 2 * j));
        var actual = RealMatrixAlgebra.Solve(m.Exact(), RealMatrix<RationalInterval>.Create(m.N, 2, (i, j) => RationalInterval.Exact(rhs[i, j])));
        // det(A) = (−1)ⁿc₀ decides singularity independently of the elimination.
        bool singular = m.Reference().CharacteristicPolynomial()[0].IsZero;
        if (singular)
        {
            Assert.Null(actual);
            return;
        }
        var expected = m.Reference().Solve(rhs);
        Assert.NotNull(actual);
        for (int i = 0; i < m.N; i++)
            for (int j = 0; j < 2; j++)
                AssertExactlyEqual(expected[i, j], actual[i, j], $"x({i}, {j})");
    }

    [Property(Arbitrary = [typeof(RealMatrixAlgebraProperties)], MaxTest = 60, Replay = Replay)]
    public void Solve_InDoubles_SolvesWellConditionedSystems(SmallMatrix m)
    {
        // A + 4nI is strictly diagonally dominant (|entries| ≤ 3): condition number ≤ 7, so the residual is a few ulps.
        var a = RealMatrix<Float64>.Create(m.N, m.N, (i, j) => new Float64(m.Quarters[i * m.N + j] / 4.0 + (i == j ? 4 * m.N : 0)));
        var b = RealMatrix<Float64>.Create(m.N, 1, (i, _) => new Float64(i - 1.5));
        var x = RealMatrixAlgebra.Solve(a, b)!;
        var r = a * x - b;
        Assert.True(r.MaxAbs().Value <= 1e-13, $"residual {r.MaxAbs().Value:R}");
    }

    [Property(Arbitrary = [typeof(RealMatrixAlgebraProperties)], MaxTest = 60, Replay = Replay)]
    public void IsPositiveDefinite_AgreesWithTheSpectrumOfGramMatricesAndTheirNegatives(SmallMatrix m)
    {
        // MᵀM + ¼I ≻ 0 (λ_min ≥ ¼); its negative and MᵀM − (λ_max(MᵀM) + ¼)I are not.
        var gram = m.Exact().Transpose() * m.Exact() + RationalInterval.Exact(new Fraction(1, 4)) * RealMatrix<RationalInterval>.Identity(m.N);
        Assert.True(RealMatrixAlgebra.IsPositiveDefinite(gram));
        Assert.False(RealMatrixAlgebra.IsPositiveDefinite(-gram));
        // The Gram matrix of a rank-deficient factor (one zero row and column) is singular: not ≻ 0.
        var singular = RealMatrix<RationalInterval>.Create(m.N, m.N, (i, j) => i == 0 || j == 0 ? RationalInterval.Zero : gram[i, j]);
        Assert.False(RealMatrixAlgebra.IsPositiveDefinite(singular));
    }

    [Property(Arbitrary = [typeof(RealMatrixAlgebraProperties)], MaxTest = 60, Replay = Replay)]
    public void IsPositiveDefinite_AgreesWithTheEigenvaluesOfSymmetricMatrices(SmallMatrix m)
    {
        var symmetric = m.Exact() + m.Exact().Transpose();
        var d = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(m.N, m.N, (i, j) => symmetric[i, j].Midpoint);
        double least = d.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Min(z => z.Real);
        // A symmetric matrix of quarters has det ∈ 4⁻ⁿℤ: an eigenvalue within 1e-9 of 0 is 0 (and λ_min = 0 means not ≻ 0).
        Assert.Equal(least > 1e-9, RealMatrixAlgebra.IsPositiveDefinite(symmetric));
    }

    /// <summary>Polynomials ∏(x − r_i) with rational roots r_i ∈ ¼ℤ ∩ [−3, 3], some repeated, some zero.</summary>
    public static Arbitrary<long[]> Roots() => Arb.From(Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Gen.Choose(-12, 12).Select(i => (long)i), n)));

    private static RationalInterval[] FromRoots(long[] quarterRoots)
    {
        var c = new[] { RationalInterval.Exact(Fraction.One) };
        foreach (long q in quarterRoots)
        {
            var next = new RationalInterval[c.Length + 1];
            var r = RationalInterval.Exact(new Fraction(q, 4));
            for (int j = 0; j < next.Length; j++)
                next[j] = (j > 0 ? c[j - 1] : RationalInterval.Zero) - (j < c.Length ? r * c[j] : RationalInterval.Zero);
            c = next;
        }
        return c;
    }

    [Property(Arbitrary = [typeof(RealMatrixAlgebraProperties)], MaxTest = 80, Replay = Replay)]
    public void Descartes_CountsTheRootsOfRealRootedPolynomialsExactly(long[] quarterRoots)
    {
        var p = FromRoots(quarterRoots);
        Assert.Equal(quarterRoots.Count(q => q > 0), RealMatrixAlgebra.PositiveRootCount(p));
        Assert.Equal(quarterRoots.Count(q => q < 0), RealMatrixAlgebra.PositiveRootCount(RealMatrixAlgebra.Reflect(p)));
        // p(x + 1) has the roots r − 1: Descartes then counts the roots of p above 1.
        Assert.Equal(quarterRoots.Count(q => q > 4), RealMatrixAlgebra.PositiveRootCount(RealMatrixAlgebra.Shift(p, RationalInterval.Exact(Fraction.One))));
    }

    public static Arbitrary<int[]> Skews() => Arb.From(Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Gen.Choose(-3, 3), n * n)));

    [Property(Arbitrary = [typeof(RealMatrixAlgebraProperties)], MaxTest = 40, Replay = Replay)]
    public void Cayley_OfASkewMatrix_IsExactlyOrthogonal(int[] entries)
    {
        int n = (int)Math.Round(Math.Sqrt(entries.Length));
        var s = RealMatrix<RationalInterval>.Create(n, n, (i, j) => i == j ? RationalInterval.Zero
            : i < j ? RationalInterval.Exact(new Fraction(entries[i * n + j])) : -RationalInterval.Exact(new Fraction(entries[j * n + i])));
        var q = RealMatrixAlgebra.Cayley(s);
        var qtq = q.Transpose() * q;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                AssertExactlyEqual(i == j ? Fraction.One : Fraction.Zero, qtq[i, j], $"(QᵀQ)({i}, {j})");
    }

    [Fact]
    public void Examples_TraceDeterminantAndBadInput()
    {
        var a = RealMatrix<Float64>.Create(2, 2, (i, j) => new Float64(new[,] { { 2.0, 1 }, { 1, 3 } }[i, j]));
        Assert.Equal(5.0, RealMatrixAlgebra.Trace(a).Value);
        Assert.Equal(5.0, RealMatrixAlgebra.Determinant(a).Value);
        var rectangular = RealMatrix<Float64>.Create(2, 3, (_, _) => new Float64(1));
        ArgumentAssert.Rejects(() => RealMatrixAlgebra.Trace(rectangular), "a", "a must be square, got 2×3");
        ArgumentAssert.Rejects(() => RealMatrixAlgebra.Solve(a, RealMatrix<Float64>.Create(3, 1, (_, _) => new Float64(1))), "b", "b must have 2 rows, got 3");
    }
}
