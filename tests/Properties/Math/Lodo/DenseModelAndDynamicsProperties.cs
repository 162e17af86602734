using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Lodo;
using Xunit;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>The dense G of §4.1, the dynamics (5)–(6) with hypergradient (26), and the flow (10)–(13).</summary>
public class DenseModelAndDynamicsProperties
{
    private static Matrix<double> Spd(System.Random r, int n)
    {
        var m = Matrix<double>.Build.Dense(n, n, (_, _) => r.NextDouble() * 2 - 1);
        return m.TransposeThisAndMultiply(m) + Matrix<double>.Build.DenseIdentity(n) * 0.5;
    }

    [Property(MaxTest = 30)]
    public void Hypergradient26_MatchesFiniteDifferencesOfTheNextLoss(PositiveInt seed)
    {
        var r = new System.Random(seed.Get);
        int n = 1 + r.Next(4);
        var h = Spd(r, n);
        var g = Matrix<double>.Build.Dense(n, n, (_, _) => r.NextDouble() - 0.5);
        var b = Vector<double>.Build.Dense(n, _ => r.NextDouble() * 2 - 1);
        var s = Vector<double>.Build.Dense(n, _ => r.NextDouble() * 2 - 1);
        double Loss(Matrix<double> gg)
        {
            var next = (Matrix<double>.Build.DenseIdentity(n) - gg * h) * b - s;
            return 0.5 * next.DotProduct(h * next);
        }
        var analytic = QuadraticLearningDynamics.Hypergradient(g, h, b, s);
        const double step = 1e-5;
        var fd = Matrix<double>.Build.Dense(n, n, (i, j) =>
        {
            var e = Matrix<double>.Build.Dense(n, n);
            e[i, j] = step;
            return (Loss(g + e) - Loss(g - e)) / (2 * step);
        });
        var (ok, report) = Tolerances.Lodo.Compare(fd.ToRowMajorArray(), analytic.ToRowMajorArray(), Tolerances.Lodo.FiniteDifference);
        Assert.True(ok, report);
    }

    [Property(MaxTest = 20)]
    public void Hypergradient26_TaylorRemainderIsSecondOrder(PositiveInt seed)
    {
        var r = new System.Random(seed.Get);
        int n = 1 + r.Next(4);
        var h = Spd(r, n);
        var g = Matrix<double>.Build.Dense(n, n, (_, _) => r.NextDouble() - 0.5);
        var b = Vector<double>.Build.Dense(n, _ => r.NextDouble() * 2 - 1);
        var s = Vector<double>.Build.Dense(n, _ => r.NextDouble() * 2 - 1);
        var d = Matrix<double>.Build.Dense(n, n, (_, _) => r.NextDouble() * 2 - 1);
        double Loss(Matrix<double> gg)
        {
            var next = (Matrix<double>.Build.DenseIdentity(n) - gg * h) * b - s;
            return 0.5 * next.DotProduct(h * next);
        }
        double slope = QuadraticLearningDynamics.Hypergradient(g, h, b, s).PointwiseMultiply(d).Enumerate().Sum();
        double l0 = Loss(g);
        double[] steps = [1.0 / 16, 1.0 / 32, 1.0 / 64];
        var rs = steps.Select(t => Math.Abs(Loss(g + t * d) - l0 - t * slope)).ToArray();
        // ℓ is exactly quadratic in G: the remainder is exactly t²·c, slope 2 at every pair (or 0 if c = 0).
        if (rs[0] < 1e-14 * Math.Max(1, l0)) return;
        TaylorSlope.AssertExactOrder("eq. (26) hypergradient: r(t) = |ℓ(G + tD) − ℓ(G) − t⟨∇ℓ, D⟩|", 2, steps, rs);
    }

    [Fact]
    public void DenseModel_BilinearGradient_IsOuterProduct()
    {
        var model = new DensePreconditioner(3, 1.0);
        var theta = Vector<double>.Build.Dense(9, i => i - 4.0);
        var a = Vector<double>.Build.DenseOfArray([1.0, -2.0, 0.5]);
        var u = Vector<double>.Build.DenseOfArray([3.0, 0.0, -1.0]);
        Assert.Equal(DensePreconditioner.Vectorize(a.OuterProduct(u)).ToArray(), model.BilinearGradient(theta, a, u).ToArray());
        Assert.Equal(model.Dense(theta) * u, model.Apply(theta, u));
    }

    [Fact]
    public void NoiseSum_SteinSolution_EqualsTheSeriesLimit_WhenRadiusBelowOne()
    {
        var a = ExactMatrix.Build(2, 2, (i, j) => new Fraction(new[,] { { 3, -1 }, { 2, 1 } }[i, j], 8));
        var c = ExactMatrix.Build(2, 2, (i, j) => i == j ? new Fraction(2) : Fraction.One);
        Assert.True(HessianLearningFlow.SpectralRadius(a.ToDouble()) < 1);
        var exact = HessianLearningFlow.NoiseSum(a, c).ToDouble();
        var partial = HessianLearningFlow.PartialNoiseSum(a.ToDouble(), c.ToDouble(), 200);
        var (ok, report) = Tolerances.Lodo.Compare(exact.ToRowMajorArray(), partial.ToRowMajorArray(), 1e-12);
        Assert.True(ok, report);
        // The Stein equation itself, exactly.
        var sigma = HessianLearningFlow.NoiseSum(a, c);
        Assert.True((a * sigma * a.Transpose() + c - sigma).MaxAbs().IsZero);
    }

    [Fact]
    public void PartialNoiseSums_Diverge_WhenRadiusReachesOne()
    {
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { 1.5, 0 }, { 0, 0.5 } });
        var c = Matrix<double>.Build.DenseIdentity(2);
        double n10 = HessianLearningFlow.PartialNoiseSum(a, c, 10).FrobeniusNorm();
        double n20 = HessianLearningFlow.PartialNoiseSum(a, c, 20).FrobeniusNorm();
        Assert.True(n20 > 50 * n10, $"‖Σ_20‖ = {n20:R}, ‖Σ_10‖ = {n10:R}: the series of eq. (10) must blow up for ρ(A) = 1.5");
    }

    [Fact]
    public void Rate_ByDefinition_MatchesFiniteDifferenceAlongTheFlow()
    {
        // d/dt ‖BD⁻¹‖² along dA/dt = V: compare the exact rate with a double central difference of the norm along V.
        var u = ExactMatrix.Cayley(ExactMatrix.FromIntegers(new long[,] { { 0, 1 }, { -1, 0 } }));
        var d = ExactMatrix.Build(2, 2, (i, j) => i == j ? new Fraction(i + 1) : Fraction.Zero);
        var a = ExactMatrix.Build(2, 2, (i, j) => new Fraction(new[,] { { 2, 1 }, { -1, 3 } }[i, j], 8));
        var c = ExactMatrix.Identity(2);
        var h = u * d * u.Transpose();
        var v = HessianLearningFlow.Velocity(a, h, c).ToDouble();
        double Norm(Matrix<double> aa)
        {
            var b = u.ToDouble().Transpose() * aa * u.ToDouble();
            var dinv = Matrix<double>.Build.DiagonalOfDiagonalArray([1.0, 0.5]);
            return (b * dinv).FrobeniusNorm() * (b * dinv).FrobeniusNorm();
        }
        const double step = 1e-6;
        double fd = (Norm(a.ToDouble() + step * v) - Norm(a.ToDouble() - step * v)) / (2 * step);
        double exact = Verification.Numerics.Exact.ExactDouble.ToDouble(HessianLearningFlow.RateByDefinition(a, u, d, c));
        Assert.True(Math.Abs(fd - exact) <= 1e-7 * Math.Max(1, Math.Abs(exact)), $"fd {fd:R} vs exact {exact:R}");
        Assert.True(exact < 0, "the rescaled error must decrease for ρ(A) < 1 and E[ssᵀ] ≻ 0");
        Assert.Equal(HessianLearningFlow.RateEq12(a, u, d, c), HessianLearningFlow.RateByDefinition(a, u, d, c));
    }

    [Fact]
    public void Cayley_IsExactlyOrthogonal()
    {
        var q = ExactMatrix.Cayley(ExactMatrix.FromIntegers(new long[,] { { 0, 2, -1 }, { -2, 0, 3 }, { 1, -3, 0 } }));
        Assert.True((q.Transpose() * q - ExactMatrix.Identity(3)).MaxAbs().IsZero);
    }
}
