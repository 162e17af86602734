using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// Inputs where the polynomial objectives' written forms answered ∞, NaN or 0 on finite data before issue 15, item 1,
/// with the values derived by hand (or as exact rationals of the inputs); and the rejections that name the range.
/// </summary>
public class ObjectiveRangeExamples
{
    /// <summary>u = 2^-53.</summary>
    private const double Unit = 1.1102230246251565e-16;

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static void Relative(double expected, double actual, double units) =>
        Assert.InRange(actual / expected - 1, -units * Unit, units * Unit);

    /// <summary>φ(1e160) for q = 0, c = 1e-200 is 1e-200·1e480/6 = 1.6667e279: x·x overflowed first, giving ∞.</summary>
    [Fact]
    public void Cubic_ValueWithHugeArgumentAndTinyWeight_IsFinite() =>
        Relative(1e280 / 6, new CubicTerm(0, 1e-200).Value(1e160), 8); // 1e-200·1e480 = 1e280 up to 2 roundings of the decimal inputs

    /// <summary>c = 3·2^-1074: c/6 = 2^-1075 rounded to 0, so φ(1e100) was 0; exactly it is 2^-1075·1e300 ≈ 2.4703e-24.</summary>
    [Fact]
    public void Cubic_SubnormalWeight_IsNotFlushed() =>
        Relative(Math.ScaleB(1e300, -1075), new CubicTerm(0, 3 * double.Epsilon).Value(1e100), 8);

    /// <summary>φ(x) = x³/6 at x = 1e103 is 1.67e308 (in range), at ±1.1e103 it is ±2.2e308 (beyond: ±∞, IEEE overflow).</summary>
    [Fact]
    public void Cubic_BeyondTheRange_Overflows()
    {
        var x = ExactDouble.ToFraction(1e103);
        Relative(ExactDouble.ToDouble(x * x * x / 6), new CubicTerm(0, 1).Value(1e103), 6);
        Assert.Equal(double.PositiveInfinity, new CubicTerm(0, 1).Value(1.1e103));
        Assert.Equal(double.NegativeInfinity, new CubicTerm(0, 1).Value(-1.1e103));
    }

    /// <summary>a cos x + b x² with 2|b| + |a| beyond double.MaxValue has no double supremum of φ″: rejected, naming b.</summary>
    [Fact]
    public void CosineQuadratic_CurvatureRangeBeyondDoubles_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CosineQuadraticTerm(0, 1e308));
        Assert.Equal("b", ex.ParamName);
        Assert.Contains("double.MaxValue", ex.Message);
        Assert.Equal(2 * 8e307, new CosineQuadraticTerm(0, 8e307).SecondSupremum);
    }

    /// <summary>
    /// A·v with a NaN or infinite entry of v, or v of another length, has no product to return: rejected naming v and the
    /// entry (never a NaN entry); with a finite v the product is returned.
    /// </summary>
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Quadratic_HessianVectorProductOfANonFiniteOrMisSizedV_IsRejectedNamingV(double bad)
    {
        var q = new Quadratic(Matrix<double>.Build.DenseIdentity(2), V(0, 0));
        ArgumentAssert.Rejects(() => q.HessianVectorProduct(V(0, 0), V(1, bad)), "v", "v[1] must be finite");
        ArgumentAssert.Rejects(() => q.HessianVectorProduct(V(0, 0), V(1, 1, 1)), "v", "v has length 3, expected 2");
        Assert.Equal([1.0, 2.0], q.HessianVectorProduct(V(0, 0), V(1, 2)).ToArray());
    }

    /// <summary>A = [[2]], θ = b = (1e200): f = θ² − bθ = 0, the former ½θᵀ(Aθ) − bᵀθ gave NaN (∞ − ∞).</summary>
    [Fact]
    public void Quadratic_CancellingHugeTerms_GiveZero() =>
        Assert.Equal(0.0, new Quadratic(Matrix<double>.Build.DenseOfArray(new double[,] { { 2 } }), V(1e200)).Value(V(1e200)));

    /// <summary>A = [[1e308, −1e308], [−1e308, 1e308]], θ = (2, 1): ∇f = (1e308, −1e308), the former Aθ gave (∞, NaN).</summary>
    [Fact]
    public void Quadratic_GradientWithOverflowingPartialSum_IsFinite()
    {
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 1e308, -1e308 }, { -1e308, 1e308 } });
        var q = new Quadratic(a, V(0, 0));
        Assert.Equal([1e308, -1e308], q.Gradient(V(2, 1)).ToArray());
        Assert.Equal([1e308, -1e308], q.HessianVectorProduct(V(0, 0), V(2, 1)).ToArray());
        Assert.Equal([double.PositiveInfinity, double.NegativeInfinity], q.Gradient(V(2, 0)).ToArray()); // exactly (2e308, −2e308)
    }

    /// <summary>
    /// Eigenvalues (1e308, 1e308) with a random rotation: A = QΛQᵀ ≈ 1e308·I; (raw + rawᵀ)/2 overflowed (and the
    /// Hessian was rejected as non-finite), now A's diagonal is 1e308 up to the rounding of QΛQᵀ.
    /// </summary>
    [Fact]
    public void SpectralQuadratic_HugeEigenvalues_AreRepresented()
    {
        var s = SpectralQuadratic.FromEigenvalues([1e308, 1e308], [0, 0], seed: 3);
        Assert.InRange(s.A[0, 0] / 1e308 - 1, -8 * Unit, 8 * Unit);
        Assert.InRange(Math.Abs(s.A[0, 1]) / 1e308, 0, 8 * Unit);
        Assert.Equal(s.A[0, 1], s.A[1, 0]);
    }

    /// <summary>c = 0, u = θ = (1e200), D = 0: f = 0, the former c/6·s³ gave 0·∞ = NaN.</summary>
    [Fact]
    public void CubicPerturbed_ZeroWeightWithHugeProjection_IsZero()
    {
        var f = new CubicPerturbedQuadratic(Matrix<double>.Build.Dense(1, 1), 0, V(1e200));
        Assert.Equal(0.0, f.Value(V(1e200)));
        Assert.Equal(0.0, f.Gradient(V(1e200))[0]);
    }

    /// <summary>D = 0, c = 6e-300, u = (1e100), θ = (1e100): f = c(uθ)³/6 = 1e-300·1e600 = 1e300; uθ = 1e200 cubed overflowed.</summary>
    [Fact]
    public void CubicPerturbed_HugeProjectionWithTinyWeight_IsFinite() =>
        Relative(1e300, new CubicPerturbedQuadratic(Matrix<double>.Build.Dense(1, 1), 6e-300, V(1e100)).Value(V(1e100)), 8);

    /// <summary>
    /// (x, y) = (1.4e154, double.MaxValue): x² − y ≈ 1.63e307 is finite, so ∂f/∂y = −2(x² − y) ≈ −3.26e307 is (x·x overflowed
    /// and gave −∞), while ∂f/∂x = 4x(x² − y) ≈ 9e461 overflows to +∞.
    /// </summary>
    [Fact]
    public void Rosenbrock_GradientNearTheSquareOverflow_IsExact()
    {
        double x = 1.4e154, y = double.MaxValue;
        var g = new ScaledRosenbrock().Gradient(V(x, y));
        Assert.Equal(double.PositiveInfinity, g[0]);
        var exact = -2 * (ExactDouble.ToFraction(x) * ExactDouble.ToFraction(x) - ExactDouble.ToFraction(y));
        Relative(ExactDouble.ToDouble(exact), g[1], 2); // r rounded once (½ulp, doubled exactly), ExactDouble.ToDouble within 1 ulp
    }

    /// <summary>
    /// x = 8e153, y = MaxValue: h_xx = 1/50 + 4(3x² − y) ≈ 4.9e307 (12x² ≈ 7.7e308 and 4y ≈ 7.2e308 nearly cancel);
    /// 12·x·x overflowed and gave ∞. Within 6u·(1/50 + 12x² + 4y), the bound the remarks state.
    /// </summary>
    [Fact]
    public void Rosenbrock_CurvatureWithOverflowingSquare_IsFinite()
    {
        double x = 8e153, y = double.MaxValue;
        Fraction fx = ExactDouble.ToFraction(x), fy = ExactDouble.ToFraction(y);
        var exact = new Fraction(1, 50) + 4 * (3 * fx * fx - fy);
        var bound = ExactDouble.ToFraction(6 * Unit) * (new Fraction(1, 50) + 12 * fx * fx + 4 * fy);
        double computed = new ScaledRosenbrock().Hessian(V(x, y))[0, 0];
        Assert.True(Fraction.Abs(ExactDouble.ToFraction(computed) - exact) <= bound, $"{computed:R} vs {ExactDouble.ToDouble(exact):R}");
    }

    /// <summary>T[u] at x = 1e308, u = (1e-300, 0) is 24·1e8 = 2.4e9 on the diagonal; 24·x overflowed first, giving ∞.</summary>
    [Fact]
    public void Rosenbrock_ThirdDerivativeAtHugeX_IsFinite() =>
        Relative(2.4e9, new ScaledRosenbrock().ThirdDerivativeAlong(V(1e308, 0), V(1e-300, 0))[0, 0], 8);

    /// <summary>Terms with values 1.764e308, 1.764e308, −1.764e308 (q = ±MaxValue at x = 1.4) sum to 1.764e308; the running sum gave ∞.</summary>
    [Fact]
    public void Separable_PartialSumOverflow_IsAvoided()
    {
        var f = new SeparableObjective([new CubicTerm(double.MaxValue, 0), new CubicTerm(double.MaxValue, 0), new CubicTerm(-double.MaxValue, 0)]);
        double one = new CubicTerm(double.MaxValue, 0).Value(1.4);
        Assert.Equal(one, f.Value(V(1.4, 1.4, 1.4)));
        Assert.Equal(double.PositiveInfinity, f.Value(V(1.4, 1.4, 0))); // exactly 3.5e308
        var opposite = new SeparableObjective([new CubicTerm(0, 1), new CubicTerm(0, 1)]);
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => opposite.Value(V(1e200, -1e200))).ParamName); // +∞ and −∞
    }

    /// <summary>
    /// G(θ)v of the LODO model (lodo.md eq. 2) with n = ñ = k = N = 1, P = (0): G = α₀θ², so θ = 1e200, α₀ = 1e-300 gives
    /// 1e100·v (the former product gave ∞ from θ²v = 1e400), and θ = 1e-200, α₀ = 1e300 gives 1e-100·v (formerly 0).
    /// </summary>
    [Fact]
    public void LodoPreconditioner_ExtremeScales_CancelExactly()
    {
        var big = new Verification.Numerics.Lodo.BlockPermutationPreconditioner(1, 1, 1, [[0]], 1e-300);
        Relative(1e100 * 3, big.Apply(V(1e200), V(3))[0], 4);
        var small = new Verification.Numerics.Lodo.BlockPermutationPreconditioner(1, 1, 1, [[0]], 1e300);
        Relative(1e-100 * 3, small.Apply(V(1e-200), V(3))[0], 4);
        // ∂(α₀ a θ² u)/∂θ = 2α₀θau = 2·1e-300·1e200·3·5 = 3e-99
        Relative(3e-99, big.BilinearGradient(V(1e200), V(3), V(5))[0], 6);
    }

    /// <summary>Dense G with the row (1e308, 1e308, −1e308) times v = (1, 1, 1) is 1e308; MathNet's running sum gave ∞.</summary>
    [Fact]
    public void DensePreconditioner_PartialSumOverflow_IsAvoided()
    {
        var g = new Verification.Numerics.Lodo.DensePreconditioner(3, 1);
        var theta = V(1e308, 1e308, -1e308, 0, 0, 0, 0, 0, 0);
        Assert.Equal(1e308, g.Apply(theta, V(1, 1, 1))[0]);
    }
}
