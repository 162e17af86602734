using BigInteger = System.Numerics.BigInteger;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>The moving averages' bias correction (eq. 5.3) against exact rationals built from the inputs.</summary>
public class MovingAveragesRangeProperties
{
    /// <summary>βⁿ exactly: β = M·2^e gives Mⁿ·2^(en).</summary>
    internal static Fraction ExactPower(double beta, int n)
    {
        var b = ExactDouble.ToFraction(beta);
        return new Fraction(BigInteger.Pow(b.Numerator, n), BigInteger.Pow(b.Denominator, n));
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
}
