namespace Verification.Numerics.Statistics;

/// <summary>
/// The variance adaptation factors of thesis §5.3 as functions of the relative standard deviation η = σ/|∇f_i|
/// (Fig. 5.2): erf((√2η)⁻¹), optimal for the sign of a Gaussian gradient (eq. 5.10); (1 + η²)^(−1/2), Adam's (eq. 5.6);
/// (1 + η²)⁻¹, optimal for the gradient itself (SVAG, eq. 5.11).
/// </summary>
public static class VarianceAdaptationFactors
{
    /// <summary>erf(1/(√2η)); at η = 0 its limit 1.</summary>
    /// <remarks>
    /// Domain: every finite η ≥ 0. Computed as erf((1/√2)/η) with MathNet's erf (no overflow of √2·η for η near
    /// double.MaxValue, where the result is subnormal). Accuracy: within 3 ulp (the argument carries ≤ 1 ulp, erf's
    /// condition number x·erf'(x)/erf(x) is ≤ 1, and MathNet's erf measured ≤ 1.3 ulp against
    /// <see cref="ErfEnclosure"/>); subnormal results within a few 2^-1074.
    /// </remarks>
    public static double Erf(double eta)
    {
        Require.NonNegative(eta, nameof(eta));
        if (eta == 0) return 1;
        double x = InverseSqrtTwo / eta;
        return double.IsInfinity(x) ? 1 : MathNet.Numerics.SpecialFunctions.Erf(x);
    }

    /// <summary>(1 + η²)^(−1/2).</summary>
    /// <remarks>
    /// Domain: every finite η ≥ 0. With η = m·2^e (m ∈ [1, 2), e ≥ 1; e = 0 and m = η for η &lt; 2), evaluated as
    /// 2^-e/√(2^-2e + m²), so η² never overflows: within 2 ulp (three roundings before the final exact scaling).
    /// </remarks>
    public static double Adam(double eta)
    {
        Require.NonNegative(eta, nameof(eta));
        var (m, e) = Split(eta);
        return Math.ScaleB(1 / Math.Sqrt(Math.ScaleB(1.0, -2 * e) + m * m), -e);
    }

    /// <summary>(1 + η²)⁻¹.</summary>
    /// <remarks>
    /// Domain: every finite η ≥ 0. Evaluated as 2^-2e/(2^-2e + m²) with η = m·2^e as in <see cref="Adam"/>: within 2 ulp
    /// where the result is normal (three roundings), within 2^-1074 where it is subnormal (η above about 1.3e154).
    /// </remarks>
    public static double Svag(double eta)
    {
        Require.NonNegative(eta, nameof(eta));
        var (m, e) = Split(eta);
        return Math.ScaleB(1 / (Math.ScaleB(1.0, -2 * e) + m * m), -2 * e);
    }

    /// <summary>|erf((√2η)⁻¹) − (1 + η²)^(−1/2)|; absolute error ≤ 6·2^-53·max(erf, (1 + η²)^(−1/2)) (the two factors' errors and one subtraction).</summary>
    public static double AbsoluteDeviation(double eta) => Math.Abs(Erf(eta) - Adam(eta));

    /// <summary>|erf((√2η)⁻¹) − (1 + η²)^(−1/2)| / erf((√2η)⁻¹): the error relative to the optimal factor.</summary>
    /// <remarks>Absolute error ≤ 8·2^-53·max(1, (1 + η²)^(−1/2)/erf) (deviation's bound over erf, plus the division).</remarks>
    public static double RelativeDeviation(double eta) => AbsoluteDeviation(eta) / Erf(eta);

    /// <summary>lim_{η→∞} of the relative deviation: erf(x) ~ 2x/√π, so (1/η)/(√(2/π)/η) − 1 = √(π/2) − 1.</summary>
    public static double RelativeDeviationLimit => Math.Sqrt(Math.PI / 2) - 1;

    /// <summary>
    /// The largest value of <paramref name="deviation"/> over η ∈ [<paramref name="from"/>, <paramref name="to"/>]: a
    /// log-spaced scan with <paramref name="points"/> points, then golden-section refinement around the best point.
    /// </summary>
    /// <remarks>
    /// Ties go to the smaller η: the scan keeps the first of equal samples and the refinement keeps the left part on
    /// equal probes, so the result is deterministic. On a plateau the refinement closes in on the plateau's left end, and
    /// the reported η is that end (to the refinement's resolution) or, where the final midpoint falls just left of it,
    /// the first scan point on the plateau.
    /// </remarks>
    public static (double Eta, double Value) Worst(Func<double, double> deviation, double from, double to, int points)
    {
        ArgumentNullException.ThrowIfNull(deviation);
        Require.Positive(from, nameof(from));
        Require.Positive(to, nameof(to));
        if (!(to > from))
            throw new ArgumentException($"to must exceed from, got [{from}, {to}].", nameof(to));
        if (points < 3)
            throw new ArgumentException($"points must be ≥ 3, got {points}.", nameof(points));
        double la = Math.Log(from), lb = Math.Log(to);
        int best = 0;
        double bestValue = double.NegativeInfinity;
        for (int k = 0; k < points; k++)
        {
            double v = deviation(Math.Exp(la + (lb - la) * k / (points - 1)));
            if (v > bestValue) { bestValue = v; best = k; }
        }
        double lo = la + (lb - la) * Math.Max(0, best - 1) / (points - 1);
        double hi = la + (lb - la) * Math.Min(points - 1, best + 1) / (points - 1);
        double g = (Math.Sqrt(5) - 1) / 2;
        for (int i = 0; i < 200 && hi - lo > 1e-15; i++)
        {
            double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
            if (deviation(Math.Exp(a)) >= deviation(Math.Exp(b))) hi = b; else lo = a;
        }
        double eta = Math.Exp((lo + hi) / 2);
        double value = deviation(eta);
        return value >= bestValue ? (eta, value) : (Math.Exp(la + (lb - la) * best / (points - 1)), bestValue);
    }

    /// <summary>1/√2 rounded to nearest (relative error below 2^-53).</summary>
    private const double InverseSqrtTwo = 0.70710678118654752440;

    /// <summary>η = m·2^e exactly, with e = 0 for η &lt; 2 (m = η) and m ∈ [1, 2) otherwise.</summary>
    private static (double Mantissa, int Exponent) Split(double eta)
    {
        int e = eta >= 2 ? Math.ILogB(eta) : 0;
        return (Math.ScaleB(eta, -e), e);
    }
}
