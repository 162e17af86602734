namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>The two terms of a Gaussian log-density, −(y − μ)²/(2v) − ½log(2πv), without spurious over- or underflow.</summary>
internal static class GaussianTerms
{
    /// <summary>log(2π).</summary>
    private const double LogTwoPi = 1.8378770664093453;

    /// <summary>
    /// (y − μ)²/(2v) for finite y, μ and v &gt; 0, as t² with t = (y − μ)/√(2v), so that (y − μ)² never overflows where the
    /// quotient does not (y − μ = 1e200, v = 1e300 gave ∞ for 5e99); y − μ beyond double.MaxValue is halved first. Relative
    /// error ≤ 7u where the result is normal (y − μ, √, ÷ and the square; 2v or v/2 exact above 2^-1021, and √2 rounds once
    /// where 2v overflows).
    /// </summary>
    public static double HalfSquareOver(double y, double mean, double variance)
    {
        double r = y - mean;
        if (double.IsInfinity(r))
        {
            double t = (0.5 * y - 0.5 * mean) / Math.Sqrt(0.5 * variance);
            return t * t;
        }
        double twoV = 2 * variance;
        double root = double.IsInfinity(twoV) ? Math.Sqrt(2.0) * Math.Sqrt(variance) : Math.Sqrt(twoV);
        double q = r / root;
        return q * q;
    }

    /// <summary>
    /// ½log(2πv) for v &gt; 0: the log of the rounded 2πv where that product is a normal double (relative error ≤ 2u from
    /// π and the product, an absolute error ≤ 2u in the log, plus Math.Log's ulp), and log 2π + log v where it overflows
    /// (v &gt; 2.8e307) or is subnormal (v &lt; 3.6e-309): there |log v| &gt; 708 and log 2π = 1.84, so the sum does not cancel.
    /// The former log(2πv) gave −∞ for ½log(2π·1e308) ≈ 355, and at v = 2^-1073 it took the log of 2πv rounded to the
    /// subnormal grid (13·2^-1074 for 12.57·2^-1074), 0.017 off.
    /// </summary>
    public static double HalfLogTwoPiVariance(double variance)
    {
        double scaled = 2 * Math.PI * variance;
        return 0.5 * (double.IsInfinity(scaled) || scaled < SubnormalFlush.SmallestNormal ? LogTwoPi + Math.Log(variance) : Math.Log(scaled));
    }

    /// <summary>
    /// (y − μ)/v for finite y, μ and v &gt; 0, halving y and μ where y − μ overflows (the quotient may still be in range for
    /// v &gt; 1); two roundings.
    /// </summary>
    public static double ResidualOver(double y, double mean, double variance)
    {
        double r = y - mean;
        return double.IsInfinity(r) ? (0.5 * y - 0.5 * mean) / variance * 2 : r / variance;
    }
}
