using Fractions;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="LogSumExp"/> where log Σ_i e^{f_i − m} = log(1 + r) has r below 2^-53 (issue 15, item 1): 1 + r rounded to 1
/// and the log gave 0, a relative error of 1. The references enclose log1p(r) for r = e^{−t} (128-bit
/// <see cref="ExactExp"/>) between r − r²/2 and r (alternating series, 0 &lt; r &lt; 1), all in rationals.
/// </summary>
public class LogSumExpRangeExamples
{
    /// <summary>log1p(e^{−t}) enclosed: [r_lo − r_hi²/2, r_hi] for r = e^{−t} in [r_lo, r_hi].</summary>
    private static RationalInterval LogOnePlusExpMinus(int t)
    {
        var r = ExactExp.Of(-t);
        return new RationalInterval(r.Lower - r.Upper * r.Upper / 2, r.Upper);
    }

    /// <summary>The stated relative bound (D + C + 9)·u, as ulps (an ulp is at least u·|x|): D = t, C = 2.</summary>
    private static double Ulps(int t) => t + 2 + 9;

    /// <summary>Categorical log p(0|(0, −50)) = −log1p(e^-50) ≈ −1.93e-22 (was 0).</summary>
    [Fact]
    public void Categorical_ConfidentClass_KeepsItsTinyLogDensity()
    {
        double value = new CategoricalSoftmax(2).LogDensity(0, Vector(0, -50));
        Assert.True(ExactDouble.UlpError(value, -LogOnePlusExpMinus(50)) <= Ulps(50), $"{value:R}");
    }

    /// <summary>The dual-scalar Bernoulli-logit log p(1|40) = log softmax((0, 40))_1 = −log1p(e^-40) ≈ −4.25e-18 (was 0).</summary>
    [Fact]
    public void LogisticOverDualScalars_ConfidentLabel_KeepsItsTinyLogDensity()
    {
        double value = new BernoulliLogit().LogDensity<Real>(1, [new Real(40)]).Value;
        Assert.True(ExactDouble.UlpError(value, -LogOnePlusExpMinus(40)) <= Ulps(40), $"{value:R}");
    }

    /// <summary>log(e⁰ + e^-50) = log1p(e^-50) ≈ 1.93e-22 (was 0).</summary>
    [Fact]
    public void Of_TinyTail_IsKept()
    {
        double value = LogSumExp.Of<Real>([new Real(0), new Real(-50)]).Value;
        Assert.True(ExactDouble.UlpError(value, LogOnePlusExpMinus(50)) <= Ulps(50), $"{value:R}");
    }

    /// <summary>
    /// Hyper-dual seeding of f₁ = −50 in both directions: log softmax(f)_0 = −log(1 + e^{f₁}) has value −log1p(r), first
    /// derivative −r/(1 + r) and second −r/(1 + r)² (r = e^-50). The value was 0; the derivative parts carry the chain rule
    /// through the identity log(1 + r) = log1p(r₀) + log(1 + (r − r₀)/(1 + r₀)). 4 ulp for the derivatives: exp's ulp and
    /// the roundings of 1/(1 + r₀) and two products (r = 1.9e-22, so the 1 + r factors are exactly 1 here).
    /// </summary>
    [Fact]
    public void LogSoftmaxOverHyperDuals_TinyTail_HasValueAndDerivatives()
    {
        var y = LogSumExp.LogSoftmax([HyperDual.Constant(0), new HyperDual(-50, 1, 1, 0)], 0);
        var r = ExactExp.Of(-50);
        var one = RationalInterval.Exact(Fraction.One);
        Assert.True(ExactDouble.UlpError(y.Value, -LogOnePlusExpMinus(50)) <= Ulps(50), $"{y.Value:R}");
        Assert.True(ExactDouble.UlpError(y.E1, -(r / (one + r))) <= 4, $"{y.E1:R}");
        Assert.True(ExactDouble.UlpError(y.E12, -(r / ((one + r) * (one + r)))) <= 4, $"{y.E12:R}");
    }

    /// <summary>An empty f or a class index outside [0, C − 1] is an <see cref="ArgumentException"/> naming it.</summary>
    [Fact]
    public void BadArguments_AreRejected()
    {
        ArgumentAssert.Rejects(() => LogSumExp.Of<Real>([]), "f", "f must not be empty");
        ArgumentAssert.Rejects(() => LogSumExp.LogSoftmax<Real>([new Real(0)], 1), "c", "c must be in [0, 0], got 1");
    }

    private static MathNet.Numerics.LinearAlgebra.Vector<double> Vector(params double[] x) =>
        MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(x);
}
