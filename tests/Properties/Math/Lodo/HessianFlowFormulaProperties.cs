using Fractions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// The flow (10)–(13) written once (<see cref="HessianFlowFormulas"/>): its exact instantiation equals the rational
/// <see cref="HessianLearningFlow"/> exactly, the Stein solution solves its equation exactly, and Lyapunov's stability
/// test agrees with the spectral radius.
/// </summary>
public class HessianFlowFormulaProperties
{
    private const string Replay = "(20261123,11400714819323198485)";

    /// <summary>A ∈ ⅛ℤ ∩ [−3/8, 3/8], S skew integer, D from {¼, ½, 1, 2, 3}, C = MMᵀ + I (M integer), n ∈ 1..3.</summary>
    public sealed record FlowCase(int N, int[] A, int[] S, int[] D, int[] M)
    {
        private static readonly Fraction[] Diagonal = [new(1, 4), new(1, 2), Fraction.One, new(2), new(3)];

        public ExactMatrix Ar => ExactMatrix.Build(N, N, (i, j) => new Fraction(A[i * N + j], 8));

        public ExactMatrix Ur => ExactMatrix.Cayley(ExactMatrix.Build(N, N, (i, j) => new Fraction(i < j ? S[i * N + j] : i > j ? -S[j * N + i] : 0)));

        public ExactMatrix Dr => ExactMatrix.Build(N, N, (i, j) => i == j ? Diagonal[D[i]] : Fraction.Zero);

        public ExactMatrix Cr
        {
            get
            {
                var m = ExactMatrix.Build(N, N, (i, j) => new Fraction(M[i * N + j]));
                return m * m.Transpose() + ExactMatrix.Identity(N);
            }
        }

        public static RealMatrix<RationalInterval> Of(ExactMatrix m) => RealMatrix<RationalInterval>.Create(m.Rows, m.Columns, (i, j) => RationalInterval.Exact(m[i, j]));

        public RationalInterval[] DiagonalOf() => [.. Enumerable.Range(0, N).Select(i => RationalInterval.Exact(Diagonal[D[i]]))];
    }

    public static Arbitrary<FlowCase> Cases() => Arb.From(
        from n in Gen.Choose(1, 3)
        from a in Gen.ArrayOf(Gen.Choose(-3, 3), n * n)
        from s in Gen.ArrayOf(Gen.Choose(-2, 2), n * n)
        from d in Gen.ArrayOf(Gen.Choose(0, 4), n)
        from m in Gen.ArrayOf(Gen.Choose(-2, 2), n * n)
        select new FlowCase(n, a, s, d, m));

    private static void AssertExactlyEqual(Fraction expected, RationalInterval actual, string what) =>
        Assert.True(actual.Lower == expected && actual.Upper == expected, $"{what}: expected exactly {expected}, got {actual}");

    [Property(Arbitrary = [typeof(HessianFlowFormulaProperties)], MaxTest = 30, Replay = Replay)]
    public void Rates_Exactly_AreHessianLearningFlowsRationalRates(FlowCase c)
    {
        // ρ(A) ≤ n·3/8 ≤ 9/8; the rational reference needs ρ(A) < 1 (its Stein solve is the series only then).
        if (HessianLearningFlow.SpectralRadius(c.Ar.ToDouble()) >= 1 - 1e-9)
            return;
        var (a, u, c2) = (FlowCase.Of(c.Ar), FlowCase.Of(c.Ur), FlowCase.Of(c.Cr));
        var d = c.DiagonalOf();
        AssertExactlyEqual(HessianLearningFlow.RateByDefinition(c.Ar, c.Ur, c.Dr, c.Cr), HessianFlowFormulas.RateByDefinition(a, u, d, c2).Rate, "(11)");
        AssertExactlyEqual(HessianLearningFlow.RateEq12(c.Ar, c.Ur, c.Dr, c.Cr), HessianFlowFormulas.RateEq12(a, u, d, c2).Rate, "(12)");
        AssertExactlyEqual(HessianLearningFlow.RateEq13(c.Ar, c.Ur, c.Dr, c.Cr), HessianFlowFormulas.RateEq13(a, u, d, c2).Rate, "(13)");
    }

    [Property(Arbitrary = [typeof(HessianFlowFormulaProperties)], MaxTest = 40, Replay = Replay)]
    public void Stein_SolvesItsEquationExactly(FlowCase c)
    {
        var a = FlowCase.Of(c.Ar);
        var cm = FlowCase.Of(c.Cr);
        var sigma = HessianFlowFormulas.Stein(a, cm);
        if (sigma is null)
            return; // singular: some λ_iλ_j = 1 (checked by the stability test below)
        var residual = sigma - a * sigma * a.Transpose() - cm;
        for (int i = 0; i < c.N; i++)
            for (int j = 0; j < c.N; j++)
                Assert.True(residual[i, j].IsExactlyZero, $"residual ({i}, {j}) = {residual[i, j]}");
    }

    [Property(Arbitrary = [typeof(HessianFlowFormulaProperties)], MaxTest = 60, Replay = Replay)]
    public void IsSchurStable_AgreesWithTheSpectralRadius(FlowCase c)
    {
        // Scaled up by 3 so that both sides of ρ = 1 occur; ρ within 1e-9 of 1 is left out (a double EVD cannot tell).
        var a = FlowCase.Of(c.Ar);
        var scaled = RationalInterval.Exact(new Fraction(3)) * a;
        foreach (var m in new[] { a, scaled })
        {
            double rho = HessianLearningFlow.SpectralRadius(MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(c.N, c.N, (i, j) => m[i, j].Midpoint));
            if (Math.Abs(rho - 1) < 1e-9)
                continue;
            Assert.Equal(rho < 1, HessianFlowFormulas.IsSchurStable(m));
        }
    }

    [Fact]
    public void IsSchurStable_OnTheUnitCircle_IsFalse()
    {
        // ρ = 1 exactly: A = −1 (the Stein system is singular) and a rotation by 90° (λ = ±i, λλ̄ = 1).
        Assert.False(HessianFlowFormulas.IsSchurStable(RealMatrix<RationalInterval>.Create(1, 1, (_, _) => RationalInterval.Exact(-1.0))));
        var rotation = RealMatrix<RationalInterval>.Create(2, 2, (i, j) => RationalInterval.Exact(i == j ? 0.0 : i < j ? -1.0 : 1.0));
        Assert.False(HessianFlowFormulas.IsSchurStable(rotation));
        Assert.Throws<InvalidOperationException>(() => HessianFlowFormulas.NoiseSum(rotation, RealMatrix<RationalInterval>.Identity(2)));
    }
}
