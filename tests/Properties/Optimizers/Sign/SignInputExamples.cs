using System.Globalization;
using System.Text.RegularExpressions;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.Guarantees;
using Verification.Optimizers.Sign;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Sign;

/// <summary>
/// The input contracts of the sign-descent code (issue 15, items 1 and 3): every public entry point rejects a bad input
/// with an ArgumentException naming its own parameter and saying what was wrong (a null objective with an
/// ArgumentNullException naming objective), the names carry their hyperparameters, and the declared guarantee of
/// eq. (6.10) carries α = 1/L∞ of Lemma 6.2.
/// </summary>
public class SignInputExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static LogPerturbedQuadratic TwoByTwo() =>
        new(Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 1.0 }, { 1.0, 3.0 } }), V(1, -2));

    public static TheoryData<double> NonFinite => new() { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

    /// <summary>c must have one weight per coordinate of A (n = 2 here): a single weight is rejected naming weights.</summary>
    [Fact]
    public void LogPerturbedQuadratic_WithWeightsOfAnotherLength_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new LogPerturbedQuadratic(Matrix<double>.Build.DenseIdentity(2), V(1)));
        Assert.Equal("weights", ex.ParamName);
        Assert.Contains("length 1, expected 2", ex.Message);
    }

    [Fact]
    public void LogPerturbedQuadratic_Name_CarriesTheDimension() =>
        Assert.Equal("log-perturbed-quadratic(n=3)",
            new LogPerturbedQuadratic(Matrix<double>.Build.DenseIdentity(3), V(0, 1, 2)).Name);

    /// <summary>ψ, ψ' and ψ'' are defined for finite t only: NaN and ±∞ are rejected naming t (not a NaN or a 0 returned).</summary>
    [Theory]
    [MemberData(nameof(NonFinite))]
    public void PsiAndItsDerivatives_RejectNonFiniteT(double t)
    {
        foreach (Func<double, double> psi in new Func<double, double>[]
                 { LogPerturbedQuadratic.Psi, LogPerturbedQuadratic.PsiFirst, LogPerturbedQuadratic.PsiSecond })
        {
            var ex = Assert.Throws<ArgumentException>(() => psi(t));
            Assert.Equal("t", ex.ParamName);
            Assert.Contains("t must be finite", ex.Message);
        }
    }

    /// <summary>f, ∇f and ∇²f at a θ with a non-finite entry: rejected naming theta and the entry (not a helper's parameter).</summary>
    [Theory]
    [MemberData(nameof(NonFinite))]
    public void LogPerturbedQuadratic_AtNonFiniteTheta_RejectsNamingTheta(double bad)
    {
        var f = TwoByTwo();
        var theta = V(0.5, bad);
        foreach (Action evaluate in new Action[] { () => f.Value(theta), () => f.Gradient(theta), () => f.Hessian(theta) })
        {
            var ex = Assert.Throws<ArgumentException>(evaluate);
            Assert.Equal("theta", ex.ParamName);
            Assert.Contains("theta[1] must be finite", ex.Message);
        }
    }

    /// <summary>f, ∇f and ∇²f at a θ of length 1 or 3 for n = 2: rejected naming theta and both lengths.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void LogPerturbedQuadratic_AtThetaOfAnotherLength_RejectsNamingTheta(int length)
    {
        var f = TwoByTwo();
        var theta = Vector<double>.Build.Dense(length, 0.25);
        foreach (Action evaluate in new Action[] { () => f.Value(theta), () => f.Gradient(theta), () => f.Hessian(theta) })
        {
            var ex = Assert.Throws<ArgumentException>(evaluate);
            Assert.Equal("theta", ex.ParamName);
            Assert.Contains($"length {length}, expected 2", ex.Message);
        }
    }

    /// <summary>Update of either sign method with a null objective: an ArgumentNullException naming objective.</summary>
    [Fact]
    public void Updates_WithNullObjective_NameObjective()
    {
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => new SignGradientDescent(0.5).Update(null!, V(1))).ParamName);
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => new NormScaledSignGradientDescent(2).Update(null!, V(1))).ParamName);
    }

    /// <summary>L∞ = 2^-1074: α = 1/L∞ is beyond the range; the message states the bound 1/double.MaxValue and the value.</summary>
    [Fact]
    public void NormScaledConstructor_WithAlphaBeyondTheRange_StatesTheBound()
    {
        var ex = Assert.Throws<ArgumentException>(() => new NormScaledSignGradientDescent(double.Epsilon));
        Assert.Equal("lInfinity", ex.ParamName);
        Assert.Contains("at least 1/double.MaxValue", ex.Message);
        Assert.Contains("got 5E-324", ex.Message);
    }

    /// <summary>
    /// The declared guarantee is Lemma 6.2's: steepest descent w.r.t. ℓ∞, norm-scaled, step size α = 1/L∞ (0.25 for L∞ = 4,
    /// 8 for L∞ = 1/8; both exact).
    /// </summary>
    [Theory]
    [InlineData(4.0, 0.25)]
    [InlineData(0.125, 8.0)]
    public void NormScaledGuarantee_HasStepSizeOneOverLInfinity(double lInfinity, double alpha)
    {
        var guarantee = Assert.IsType<SteepestDescent>(Assert.Single(new NormScaledSignGradientDescent(lInfinity).Guarantees));
        Assert.Equal(SteepestDescentNorm.Max, guarantee.Norm);
        Assert.Equal(SteepestDescentScaling.NormScaled, guarantee.Scaling);
        Assert.Equal(alpha, guarantee.StepSize);
    }

    /// <summary>
    /// A gradient with a non-finite entry is rejected naming gradient and saying that the entry must be finite (an ∞
    /// entry must not be reported as a radius beyond the range, a NaN must not pass through as a NaN step).
    /// </summary>
    [Theory]
    [MemberData(nameof(NonFinite))]
    public void NormScaledStep_OfNonFiniteGradient_IsRejected(double bad)
    {
        var ex = Assert.Throws<ArgumentException>(() => new NormScaledSignGradientDescent(1).StepFor(V(1, bad, -3)));
        Assert.Equal("gradient", ex.ParamName);
        Assert.Contains("gradient[1] must be finite", ex.Message);
    }

    /// <summary>
    /// g = (1e308, −1e308), L∞ = 0.75: r = 2e308/0.75 ≈ 2.7e308 is beyond the range. The message gives it as m·2^e
    /// (m = (‖g‖₁·2^-k)/(L∞·2^-l), e = k − l with k = ⌊log₂ max|g_i|⌋ = 1023, l = ⌊log₂ L∞⌋ = −1, so m ≈ 1.48, e = 1024).
    /// m·2^e must be the exact radius to within 1 ulp of m: ‖g‖₁·2^-k is exact (two equal exactly scaled terms), the
    /// quotient one rounding. L∞ = 0.75 has a mantissa 1.5 ≠ 1 and an exponent ≠ 0, so the scalings of L∞ matter.
    /// </summary>
    [Fact]
    public void NormScaledStep_BeyondTheRange_StatesTheExactRadius()
    {
        var ex = Assert.Throws<ArgumentException>(() => new NormScaledSignGradientDescent(0.75).StepFor(V(1e308, -1e308)));
        Assert.Equal("gradient", ex.ParamName);
        var match = Regex.Match(ex.Message, @"‖g‖₁/L∞ = (\S+)·2\^(-?\d+) is beyond double\.MaxValue");
        Assert.True(match.Success, ex.Message);
        double m = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        int e = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        Fraction radius = 2 * ExactDouble.ToFraction(1e308) / ExactDouble.ToFraction(0.75);
        double ulps = ExactDouble.UlpError(m, RationalInterval.Exact(radius / ExactDouble.Pow2(e)));
        Assert.True(ulps <= 1, $"{ex.Message}: m·2^e is {ulps} ulp of m from the exact radius");
        Assert.InRange(m, 1, 4); // the mantissa form: (Σ 2^-k|g_i| ∈ [1, 2d)) / (L∞'s mantissa ∈ [1, 2)) for d = 2
    }
}
