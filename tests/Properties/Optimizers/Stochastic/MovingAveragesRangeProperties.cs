using BigInteger = System.Numerics.BigInteger;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.Stochastic;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// The moving averages' 1 − βⁿ (<see cref="MovingAverages.OneMinusPower"/>), ρ(β, t) (eqs. 5.15, B.26) and the bias
/// correction (eq. 5.3) over every β ∈ [0, 1), β near 1 included, against exact rationals built from the inputs.
/// </summary>
[Properties(MaxTest = 200)]
public class MovingAveragesRangeProperties
{
    /// <summary>βⁿ exactly: β = M·2^e gives Mⁿ·2^(en).</summary>
    internal static Fraction ExactPower(double beta, int n)
    {
        var b = ExactDouble.ToFraction(beta);
        return new Fraction(BigInteger.Pow(b.Numerator, n), BigInteger.Pow(b.Denominator, n));
    }

    /// <summary>
    /// β anywhere in [0, 1) (subnormals, 0 and ½ included) or 1 − j·2^-53 with j log-uniform in [1, 2^52) (every distance
    /// from 1 down to one ulp; exact because the spacing below 1 is 2^-53).
    /// </summary>
    internal static Gen<double> Betas { get; } = Gen.Frequency(
        (2, FullRangeDoubles.NonNegative.Select(x => x < 1 ? x : x / (x + 1) < 1 ? x / (x + 1) : 0.5)),
        (1, Gen.Elements(0.0, double.Epsilon, 0.5, 0.9, 0.999, Math.BitDecrement(1.0))),
        (4, from k in Gen.Choose(0, 51)
            from r in FullRangeDoubles.MantissaBits
            let j = (1L << k) + (k == 0 ? 0 : r % (1L << k))
            select 1.0 - Math.ScaleB(j, -53)));

    [Property]
    public Property OneMinusPower_IsWithinFourUlp() => Prop.ForAll(
        (from beta in Betas from n in Gen.Frequency((3, Gen.Choose(0, 40)), (1, Gen.Choose(41, 250))) select (beta, n)).ToArbitrary(),
        c => ExactAgreement.Within(MovingAverages.OneMinusPower(c.beta, c.n),
            RationalInterval.Exact(Fraction.One - ExactPower(c.beta, c.n)), 4, $"β = {c.beta:R}, n = {c.n}"));

    /// <summary>ρ(β, t) within the doc comment's 8 ulp (the former 1 − Math.Pow lost the digits of 1 − β near β = 1).</summary>
    [Property]
    public Property Rho_IsWithinEightUlp() => Prop.ForAll(
        (from beta in Betas from t in Gen.Frequency((3, Gen.Choose(0, 40)), (1, Gen.Choose(41, 250))) select (beta, t)).ToArbitrary(),
        c =>
        {
            var b = ExactDouble.ToFraction(c.beta);
            var p = ExactPower(c.beta, c.t + 1);
            var exact = (Fraction.One - b) * (Fraction.One + p) / ((Fraction.One + b) * (Fraction.One - p));
            return ExactAgreement.Within(MovingAverages.Rho(c.beta, c.t), RationalInterval.Exact(exact), 8, $"β = {c.beta:R}, t = {c.t}");
        });

    /// <summary>1 − β^(t+1) at β = 1 − 2^-40, t = 1: the former 1 − Math.Pow(β, 2) kept 1 − 2^-39 and lost 2^-80.</summary>
    [Fact]
    public void Rho_NearOne_KeepsTheDigitsOfOneMinusBeta()
    {
        double beta = 1 - Math.ScaleB(1, -40);
        var b = ExactDouble.ToFraction(beta);
        var exact = (Fraction.One - b) * (Fraction.One + b * b) / ((Fraction.One + b) * (Fraction.One - b * b));
        Assert.True(ExactDouble.UlpError(MovingAverages.Rho(beta, 1), RationalInterval.Exact(exact)) <= 8);
    }

    /// <summary>
    /// The bias-corrected average after n − 1 zeros and one y = 1 is x = r/(1 − βⁿ), r = fl(1 − β) (the recursion adds 0·β
    /// and r·1 exactly). With the divisor from Math.Pow (βⁿ within 1 ulp: an absolute 2^-53·βⁿ at most, relative
    /// βⁿ/(1 − βⁿ)·2^-52 on 1 − βⁿ, plus half an ulp for the subtraction and one for the quotient) the relative error is
    /// at most (βⁿ/(1 − βⁿ) + 1)·2^-52 (the bound of AdamExamples); the former running product β·β·…·β rounded n − 1 times
    /// and left that bound on this grid.
    /// </summary>
    [Fact]
    public void BiasCorrected_IsWithinTheBoundOfOnePower()
    {
        double[] betas = [0.465, 0.864, 0.9, 0.9884, 0.99, 0.99804, 0.999];
        int[] counts = [2, 3, 10, 30, 100, 300, 1000];
        double worst = 0;
        foreach (double beta in betas)
            foreach (int n in counts)
            {
                var average = new MovingAverages(beta, 1);
                for (int k = 1; k < n; k++)
                    average.Add(Vector<double>.Build.Dense(1));
                average.Add(Vector<double>.Build.Dense(1, 1.0));
                double computed = average.BiasCorrected[0];
                var pn = ExactPower(beta, n);
                var exact = ExactDouble.ToFraction(1 - beta) / (Fraction.One - pn);
                double p = Math.Pow(beta, n);
                double bound = (p / (1 - p) + 1) * Math.ScaleB(1, -52);
                double relative = ExactDouble.ToDouble(Fraction.Abs(ExactDouble.ToFraction(computed) - exact) / exact);
                worst = Math.Max(worst, relative / bound);
            }
        Assert.InRange(worst, 0, 1);
    }

    [Fact]
    public void InvalidArguments_NameTheParameter()
    {
        Assert.Equal("beta", Assert.Throws<ArgumentException>(() => MovingAverages.OneMinusPower(1, 2)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentException>(() => MovingAverages.OneMinusPower(-0.5, 2)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentException>(() => MovingAverages.OneMinusPower(0.5, -1)).ParamName);
        Assert.Equal("t", Assert.Throws<ArgumentException>(() => MovingAverages.Rho(0.5, -1)).ParamName);
    }
}
