namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>The two terms of a Gaussian log-density, −(y − μ)²/(2v) − ½log(2πv), without spurious over- or underflow.</summary>
internal static class GaussianTerms
{
    /// <summary>log(2π).</summary>
    private const double LogTwoPi = 1.8378770664093456; // the nearest double to 1.83787706640934548356…

    /// <summary>
    /// (y − μ)²/(2v) for finite y, μ and v &gt; 0, as t² with t = (y − μ)/√(2v), so that (y − μ)² never overflows where the
    /// quotient does not (y − μ = 1e200, v = 1e300 gave ∞ for 5e99); y − μ beyond double.MaxValue is halved first. Relative
    /// error ≤ 7u where the result is normal (y − μ, √, ÷ and the square; 2v or v/2 exact above 2^-1021, and √2 rounds once
    /// where 2v overflows), plus 2^-1074 absolute below; +∞ only where the exact value is beyond double.MaxValue (to 7u).
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

    /// <summary>2π − 2·Math.PI rounded to a double (2·Math.PI is exact), so that 2π ≈ 2·Math.PI + this to about 2^-105.</summary>
    private const double TwoPiLow = 2.4492935982947064e-16;

    /// <summary>
    /// ½log(2πv) for v &gt; 0, within 10u relative. Where the rounded s = 2πv is a normal double with |s − 1| &gt; ¼: log s
    /// (s is within 1.36u of 2πv, so the log is within 1.36u absolute plus Math.Log's ulp, ≤ 8.1u relative as |log s| ≥ 0.22).
    /// Where |s − 1| ≤ ¼: log1p of 2πv − 1 = (s − 1) + (2·Math.PI·v − s) + TwoPiLow·v, where s − 1 is exact (Sterbenz), the
    /// product's error is exact by FMA, and the sum misses ≤ 2^-105 (<see cref="LogOnePlus.Of"/>: 7u, and log1p's condition
    /// ≤ 1.16 on the rounded argument); checked exactly at the doubles nearest 1/(2π), where |2πv − 1| &lt; 2^-52. The plain
    /// log gave 0 at v = 0.15915494309189535 (2πv rounds to 1) and hundreds of u near it. Where s overflows (v &gt; 2.8e307)
    /// or is subnormal (v &lt; 3.6e-309): log 2π + log v, as |log v| &gt; 708 and log 2π = 1.84 do not cancel (3.1u). The
    /// former log(2πv) gave −∞ for ½log(2π·1e308) ≈ 355, and at v = 2^-1073 it took the log of 2πv rounded to the
    /// subnormal grid (13·2^-1074 for 12.57·2^-1074), 0.017 off.
    /// </summary>
    public static double HalfLogTwoPiVariance(double variance)
    {
        double scaled = 2 * Math.PI * variance;
        if (double.IsInfinity(scaled) || scaled < SubnormalFlush.SmallestNormal)
            return 0.5 * (LogTwoPi + Math.Log(variance));
        if (Math.Abs(scaled - 1) > 0.25)
            return 0.5 * Math.Log(scaled);
        double productError = Math.FusedMultiplyAdd(2 * Math.PI, variance, -scaled);
        return 0.5 * LogOnePlus.Of((scaled - 1) + Math.FusedMultiplyAdd(TwoPiLow, variance, productError));
    }

    /// <summary>
    /// (y − μ)/v as M·2^E, the quotient of the mantissas rounded once (y and μ halved where y − μ overflows): within 2u
    /// relatively where <see cref="ResidualOver"/> is subnormal or 0 too.
    /// </summary>
    internal static (double Mantissa, int Exponent) ResidualOverScaled(double y, double mean, double variance)
    {
        double r = y - mean;
        var (m, e) = ScaledVector.Quotient(double.IsInfinity(r) ? 0.5 * y - 0.5 * mean : r, variance);
        return (m, double.IsInfinity(r) ? e + 1 : e);
    }

    /// <summary>
    /// (y − μ)/v for finite y, μ and v &gt; 0, halving y and μ where y − μ overflows (the quotient may still be in range for
    /// v &gt; 1); two roundings: within 2u relative plus 2^-1074 absolute (a subnormal quotient), ±∞ only where the exact
    /// quotient is beyond ±double.MaxValue (to 2u).
    /// </summary>
    public static double ResidualOver(double y, double mean, double variance)
    {
        double r = y - mean;
        return double.IsInfinity(r) ? (0.5 * y - 0.5 * mean) / variance * 2 : r / variance;
    }
}
