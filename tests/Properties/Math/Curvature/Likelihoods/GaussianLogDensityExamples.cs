using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// The normalizer ½log(2πv) of the Gaussian log-densities (eqs. D.8 and D.12) at a subnormal variance, where 2πv is
/// itself subnormal and rounding it to the 2^-1074 grid costs up to a few per cent (found by
/// LikelihoodRangeProperties at FsCheck seed (987654321,1234567): v = 1e-323 = 2^-1073, log p off by 0.017). The
/// reference is derived independently: log 2^-k = −k·ln 2 exactly, so log p(y = μ) = ½(k·ln 2 − log 2π), whose two
/// roundings and Math.Log's ulp stay within 4 ulp of a value near 371.
/// </summary>
public sealed class GaussianLogDensityExamples
{
    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    /// <summary>½(k·ln 2 − log 2π), the log-density at the mean for v = 2^-k.</summary>
    private static double AtTheMean(int k) => 0.5 * (k * Math.Log(2.0) - Math.Log(2 * Math.PI));

    private static double Ulp(double x) => Math.BitIncrement(x) - x;

    [Theory]
    [InlineData(1073)] // 2πv = 12.57·2^-1074, rounded to 13·2^-1074 by the old code
    [InlineData(1074)] // v = double.Epsilon
    [InlineData(1030)] // 2πv subnormal, a smaller relative rounding
    [InlineData(1020)] // 2πv normal: the plain formula, unchanged
    public void GaussianIdentity_AtASubnormalVariance_HasTheExactNormalizer(int k)
    {
        double v = Math.ScaleB(1.0, -k);
        double logP = new GaussianIdentity(v).LogDensity(0.0, V(0.0));
        Assert.InRange(Math.Abs(logP - AtTheMean(k)), 0.0, 4 * Ulp(AtTheMean(k)));
    }

    [Theory]
    [InlineData(1073)]
    [InlineData(1074)]
    public void GaussianMeanVariance_AtASubnormalVariance_HasTheExactNormalizer(int k)
    {
        double v = Math.ScaleB(1.0, -k);
        double logP = new GaussianMeanVariance().LogDensity(5.0, V(5.0, v));
        Assert.InRange(Math.Abs(logP - AtTheMean(k)), 0.0, 4 * Ulp(AtTheMean(k)));
    }
}
