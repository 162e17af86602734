namespace Verification.Numerics.Statistics;

/// <summary>
/// A Monte Carlo estimate of a mean with a confidence interval. <see cref="Method"/> and <see cref="Level"/> say how
/// the interval was made; a statistical claim is refuted only when the interval excludes the claimed value.
/// </summary>
public readonly record struct ConfidenceInterval(double Estimate, double Lower, double Upper, double Level, int Samples, string Method)
{
    /// <summary>True when <paramref name="value"/> lies outside [Lower, Upper].</summary>
    public bool Excludes(double value) => value < Lower || value > Upper;
}

/// <summary>Monte Carlo with distribution-free confidence intervals.</summary>
public static class MonteCarlo
{
    /// <summary>
    /// The mean of <paramref name="samples"/> draws of a random variable with values in [<paramref name="low"/>,
    /// <paramref name="high"/>], with Hoeffding's interval: P[|mean − E| ≥ t] ≤ 2exp(−2nt²/(high − low)²), so
    /// t = (high − low)√(ln(2/δ)/(2n)) at level 1 − δ. Valid for every n (no normal approximation).
    /// </summary>
    /// <remarks>
    /// Range: every finite low &lt; high (subnormals to ±double.MaxValue), δ ∈ (0, 1) (subnormal δ included), n ≥ 1. Where
    /// the plain sum of the draws would overflow it is formed at the scale 2^-31, so the estimate is always finite, in
    /// [low, high] and within n·2^-53·(1 + n·2^-53)·max(|low|, |high|) + 2^-1075 of the exact mean of the draws (n − 1
    /// roundings of the sum, one of the quotient; 2^-1075 where the mean is subnormal). t is within 6·2^-53·t + 2^-1075
    /// of the exact (high − low)·√(ln(2/δ)/(2n)) for a platform log within 1 ulp: the rounding of 2/δ moves ln(2/δ) ≥ ln 2
    /// by at most 2^-53/ln 2 relative, log adds 2·2^-53, the quotient 2^-53, √ halves those and adds 2^-53, high − low and
    /// the product 2^-53 each, 5.3·2^-53 in all. ln(2/δ) is ln 2 − ln δ for subnormal δ (where 2/δ may overflow), and
    /// high − low is halved first where it would overflow, so t is finite wherever it rounds below double.MaxValue. mean ± t
    /// is rounded to nearest; where t or mean ± t lies beyond ±double.MaxValue the bound is ±∞ (the interval then
    /// contains every double on that side, which keeps its guarantee).
    /// </remarks>
    public static ConfidenceInterval BoundedMean(Func<System.Random, double> draw, System.Random random, int samples, double low, double high, double delta)
    {
        ArgumentNullException.ThrowIfNull(draw);
        ArgumentNullException.ThrowIfNull(random);
        if (samples < 1)
            throw new ArgumentException($"samples must be ≥ 1, got {samples}.", nameof(samples));
        Require.Finite(low, nameof(low));
        Require.Finite(high, nameof(high));
        if (!(high > low))
            throw new ArgumentException($"high must exceed low, got [{low}, {high}].", nameof(high));
        if (!(delta > 0 && delta < 1))
            throw new ArgumentException($"delta must be in (0, 1), got {delta}.", nameof(delta));
        // The plain sum, and the sum of x·2^-31 in case the plain one overflows: n < 2^31 terms of at most
        // double.MaxValue·2^-31 cannot overflow, and the scaling costs at most 2^-1075 per draw before scaling back.
        double sum = 0, scaledSum = 0;
        for (int i = 0; i < samples; i++)
        {
            double x = draw(random);
            if (!(x >= low && x <= high))
                throw new ArgumentException($"a draw {x} left the stated range [{low}, {high}].", nameof(draw));
            sum += x;
            scaledSum += x * TwoToMinus31;
        }
        double mean = double.IsFinite(sum) ? sum / samples : Math.ScaleB(scaledSum / samples, 31);
        mean = Math.Clamp(mean, low, high); // the exact mean lies there; rounding may not
        // 2/δ overflows for subnormal δ (and gave t = +∞ for a finite t): there ln(2/δ) = ln 2 − ln δ, a sum of two
        // positive terms. high − low overflows where |low| + |high| rounds beyond double.MaxValue (and gave t = +∞ where t is
        // finite): there the halves are subtracted (exactly halved: both are far above the subnormals) and t doubled.
        // t itself may exceed the range (t = +∞): the interval then reaches ±∞, which is still valid.
        double logTwoOverDelta = double.IsNormal(delta) ? Math.Log(2 / delta) : Math.Log(2) - Math.Log(delta);
        double root = Math.Sqrt(logTwoOverDelta / (2.0 * samples));
        double width = high - low;
        double t = double.IsFinite(width) ? width * root : 2 * ((high / 2 - low / 2) * root);
        return new ConfidenceInterval(mean, mean - t, mean + t, 1 - delta, samples, "Hoeffding");
    }

    private const double TwoToMinus31 = 4.656612873077393e-10;
}
