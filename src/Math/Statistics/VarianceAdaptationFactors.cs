namespace Verification.Math.Statistics;

/// <summary>
/// The variance adaptation factors of thesis §5.3 as functions of the relative standard deviation η = σ/|∇f_i|
/// (Fig. 5.2): erf((√2η)⁻¹), optimal for the sign of a Gaussian gradient (eq. 5.10); (1 + η²)^(−1/2), Adam's (eq. 5.6);
/// (1 + η²)⁻¹, optimal for the gradient itself (SVAG, eq. 5.11).
/// </summary>
public static class VarianceAdaptationFactors
{
    /// <summary>erf(1/(√2η)); at η = 0 its limit 1. Computed as erf(1/(√2·η)) with MathNet's erf.</summary>
    public static double Erf(double eta)
    {
        Require.NonNegative(eta, nameof(eta));
        if (eta == 0) return 1;
        double x = 1 / (System.Math.Sqrt(2) * eta);
        return double.IsInfinity(x) ? 1 : MathNet.Numerics.SpecialFunctions.Erf(x);
    }

    /// <summary>(1 + η²)^(−1/2), as 1/hypot(1, η) so that it does not overflow for large η.</summary>
    public static double Adam(double eta)
    {
        Require.NonNegative(eta, nameof(eta));
        return 1 / Hypot(1, eta);
    }

    /// <summary>(1 + η²)⁻¹, as (1/hypot(1, η))² so that it does not overflow for large η.</summary>
    public static double Svag(double eta)
    {
        Require.NonNegative(eta, nameof(eta));
        double a = 1 / Hypot(1, eta);
        return a * a;
    }

    /// <summary>|erf((√2η)⁻¹) − (1 + η²)^(−1/2)|.</summary>
    public static double AbsoluteDeviation(double eta) => System.Math.Abs(Erf(eta) - Adam(eta));

    /// <summary>|erf((√2η)⁻¹) − (1 + η²)^(−1/2)| / erf((√2η)⁻¹): the error relative to the optimal factor.</summary>
    public static double RelativeDeviation(double eta) => AbsoluteDeviation(eta) / Erf(eta);

    /// <summary>lim_{η→∞} of the relative deviation: erf(x) ~ 2x/√π, so (1/η)/(√(2/π)/η) − 1 = √(π/2) − 1.</summary>
    public static double RelativeDeviationLimit => System.Math.Sqrt(System.Math.PI / 2) - 1;

    /// <summary>
    /// The largest value of <paramref name="deviation"/> over η ∈ [<paramref name="from"/>, <paramref name="to"/>]: a
    /// log-spaced scan with <paramref name="points"/> points, then golden-section refinement around the best point.
    /// </summary>
    public static (double Eta, double Value) Worst(Func<double, double> deviation, double from, double to, int points)
    {
        ArgumentNullException.ThrowIfNull(deviation);
        Require.Positive(from, nameof(from));
        Require.Positive(to, nameof(to));
        if (!(to > from))
            throw new ArgumentException($"to must exceed from, got [{from}, {to}].", nameof(to));
        if (points < 3)
            throw new ArgumentException($"points must be ≥ 3, got {points}.", nameof(points));
        double la = System.Math.Log(from), lb = System.Math.Log(to);
        int best = 0;
        double bestValue = double.NegativeInfinity;
        for (int k = 0; k < points; k++)
        {
            double v = deviation(System.Math.Exp(la + (lb - la) * k / (points - 1)));
            if (v > bestValue) { bestValue = v; best = k; }
        }
        double lo = la + (lb - la) * System.Math.Max(0, best - 1) / (points - 1);
        double hi = la + (lb - la) * System.Math.Min(points - 1, best + 1) / (points - 1);
        double g = (System.Math.Sqrt(5) - 1) / 2;
        for (int i = 0; i < 200 && hi - lo > 1e-15; i++)
        {
            double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
            if (deviation(System.Math.Exp(a)) >= deviation(System.Math.Exp(b))) hi = b; else lo = a;
        }
        double eta = System.Math.Exp((lo + hi) / 2);
        double value = deviation(eta);
        return value >= bestValue ? (eta, value) : (System.Math.Exp(la + (lb - la) * best / (points - 1)), bestValue);
    }

    private static double Hypot(double a, double b)
    {
        double x = System.Math.Abs(a), y = System.Math.Abs(b);
        if (x < y) (x, y) = (y, x);
        if (x == 0) return 0;
        double r = y / x;
        return x * System.Math.Sqrt(1 + r * r);
    }
}
