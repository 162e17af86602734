using Fractions;
using Verification.Numerics.Exact;

namespace Verification.Numerics;

/// <summary>
/// S + |λ| with S = √(λ² + 2L|g|), the denominator of eq. (7)'s rationalized step and of Lemma 3.2's φ, held as an
/// unevaluated double-double sum (<see cref="Hi"/> + <see cref="Lo"/>)·2^<see cref="Exponent"/> with Hi + Lo ∈ [1, 6).
/// </summary>
/// <remarks>
/// Every input is split exactly into m·2^e with m ∈ [1, 2) (subnormals included), so nothing under- or overflows
/// before the caller's final power-of-two scaling: λ² and 2L|g| are formed exactly in double-double (FMA), their sum
/// and its square root carry a relative error below 2^-100, and so does S + |λ| (both terms ≥ 0, no cancellation).
/// A term that is scaled below the subnormal range is then under 2^-1000 of the other term and cannot matter.
/// The quotients built on it (<see cref="Divide(double)"/>) are within 2^-100 relative of the exact quotient before
/// their one final rounding, so they are faithful to ½ ulp + 2^-45 ulp.
/// </remarks>
/// <param name="Hi">Leading part of (S + |λ|)·2^-Exponent.</param>
/// <param name="Lo">Trailing part, |Lo| ≤ ulp(Hi)/2.</param>
/// <param name="Exponent">The exact power of two taken out of S + |λ|.</param>
/// <param name="GradMantissa">|g| = GradMantissa·2^GradExponent (GradMantissa ∈ [1, 2)), or 0 with exponent 0.</param>
/// <param name="GradExponent">See <paramref name="GradMantissa"/>.</param>
/// <param name="LipschitzMantissa">L = LipschitzMantissa·2^LipschitzExponent, LipschitzMantissa ∈ [1, 2).</param>
/// <param name="LipschitzExponent">See <paramref name="LipschitzMantissa"/>.</param>
internal readonly record struct ScaledRoot(
    double Hi, double Lo, int Exponent, double GradMantissa, int GradExponent, double LipschitzMantissa, int LipschitzExponent)
{
    /// <summary>
    /// S + |λ| for finite λ, finite |g| ≥ 0 and finite L &gt; 0, not both λ and |g| zero (then S + |λ| = 0).
    /// </summary>
    public static ScaledRoot Of(double lambda, double gradMagnitude, double lipschitz)
    {
        double absLambda = Math.Abs(lambda);
        var (lm, le) = Split(lipschitz);
        var (gm, ge) = gradMagnitude > 0 ? Split(gradMagnitude) : (0.0, 0);
        // 2L|g| = (ph + pl)·2^twoLgExponent exactly, ph ∈ [1, 4).
        double ph = gm * lm;
        double pl = Math.FusedMultiplyAdd(gm, lm, -ph);
        int twoLgExponent = ge + le + 1;

        // Scale so that the larger of |λ| and √(2L|g|) lies in [1, 2√2): λ² ≤ 4 and 2L|g| < 8 after scaling.
        int lambdaExponent = absLambda > 0 ? Math.ILogB(absLambda) : int.MinValue;
        int rootExponent = gradMagnitude > 0 ? FloorHalf(twoLgExponent) : int.MinValue;
        int e = Math.Max(lambdaExponent, rootExponent);
        if (e == int.MinValue)
            throw new ArgumentException("S + |λ| is 0 when λ = |g| = 0.", nameof(lambda));

        double l = Math.ScaleB(absLambda, -e); // exact unless under 2^-1022, where it is negligible
        double lh = l * l;
        double ll = Math.FusedMultiplyAdd(l, l, -lh);
        double uh = gradMagnitude > 0 ? Math.ScaleB(ph, twoLgExponent - 2 * e) : 0;
        double ul = gradMagnitude > 0 ? Math.ScaleB(pl, twoLgExponent - 2 * e) : 0;

        // S²·2^-2e = lh + ll + uh + ul ∈ [1, 12).
        var (sh, se) = TwoSum(lh, uh);
        (sh, se) = FastTwoSum(sh, se + ll + ul);
        // √ in double-double: one Newton correction of the double square root.
        double r = Math.Sqrt(sh);
        double rl = (Math.FusedMultiplyAdd(-r, r, sh) + se) / (2 * r);
        // (S + |λ|)·2^-e
        var (th, te) = TwoSum(r, l);
        (th, te) = FastTwoSum(th, te + rl);
        return new ScaledRoot(th, te, e, gm, ge, lm, le);
    }

    /// <summary>m·2^e with m ∈ [1, 2) for a finite x &gt; 0 (exact, subnormals included).</summary>
    public static (double Mantissa, int Exponent) Split(double x)
    {
        int e = Math.ILogB(x);
        return (Math.ScaleB(x, -e), e);
    }

    /// <summary>numerator/(Hi + Lo), nearly correctly rounded (relative error ≤ 2^-53 + 2^-100).</summary>
    public double DivideInto(double numerator)
    {
        double q = numerator / Hi;
        double remainder = Math.FusedMultiplyAdd(-q, Hi, numerator) - q * Lo;
        return q + remainder / Hi;
    }

    /// <summary>(Hi + Lo)/divisor, nearly correctly rounded (relative error ≤ 2^-53 + 2^-100).</summary>
    public double Divide(double divisor)
    {
        double q = Hi / divisor;
        double remainder = Math.FusedMultiplyAdd(-q, divisor, Hi) + Lo;
        return q + remainder / divisor;
    }

    /// <summary>(Hi + Lo)/(dh + dl) for a double-double divisor, nearly correctly rounded.</summary>
    public double Divide(double dh, double dl)
    {
        double q = Hi / dh;
        double remainder = Math.FusedMultiplyAdd(-q, dh, Hi) + Lo - q * dl;
        return q + remainder / dh;
    }

    /// <summary>
    /// q·2^n rounded to a double, where q carries a relative error below 2^-52 from the exact value x:
    /// +∞ exactly when x ≥ 2^1024 − 2^970 (the round-to-nearest overflow threshold, MaxValue + ½ ulp),
    /// decided by <paramref name="exactReachesOverflow"/> (exact rationals) in the few ulps around it.
    /// </summary>
    public static double Scale(double q, int n, Func<Fraction, bool> exactReachesOverflow)
    {
        int top = Math.ILogB(q) + n;
        if (top < 1023)
            return Math.ScaleB(q, n); // below 2^1023: finite, one rounding at most (subnormal results)
        if (top > 1024)
            return double.PositiveInfinity;  // ≥ 2^1025·(1 − 2^-52) > threshold
        double w = Math.ScaleB(q, n - 1024); // x/2^1024 ∈ [1/2, 2)
        if (Math.Abs(w - 1) > ThresholdBand)
            return w > 1 ? double.PositiveInfinity : Math.ScaleB(q, n);
        if (exactReachesOverflow(OverflowThreshold))
            return double.PositiveInfinity;
        return Math.Min(Math.ScaleB(q, n), double.MaxValue);
    }

    /// <summary>2^-48: far above q's relative error, so outside this band around 2^1024 the double decides.</summary>
    private const double ThresholdBand = 3.552713678800501e-15;

    /// <summary>2^1024 − 2^970: every real at or above it rounds to +∞ (ties go to the even 2^1024).</summary>
    public static Fraction OverflowThreshold { get; } = ExactDouble.Pow2(1024) - ExactDouble.Pow2(970);

    /// <summary>sign(S − c) for S = √(λ² + 2L|g|) and a rational c, exactly.</summary>
    public static int CompareRoot(double lambda, double gradMagnitude, double lipschitz, Fraction c)
    {
        if (c.Sign() < 0)
            return 1;
        var l = ExactDouble.ToFraction(lambda);
        var square = l * l + 2 * ExactDouble.ToFraction(lipschitz) * ExactDouble.ToFraction(gradMagnitude);
        return square.CompareTo(c * c);
    }

    private static int FloorHalf(int k) => k >= 0 ? k / 2 : -((1 - k) / 2);

    private static (double Sum, double Error) TwoSum(double a, double b)
    {
        double s = a + b;
        double bb = s - a;
        return (s, (a - (s - bb)) + (b - bb));
    }

    private static (double Sum, double Error) FastTwoSum(double a, double b)
    {
        double s = a + b;
        return (s, b - (s - a));
    }
}
