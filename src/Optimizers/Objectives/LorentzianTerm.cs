using Verification.Numerics;
using Verification.Numerics.Exact;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// The term with φ''(x) = β + s/(1 + x²): φ(x) = βx²/2 + s·(x·atan x − ½ln(1 + x²)), φ' = βx + s·atan x,
/// φ''' = −2s·x/(1 + x²)², whose magnitude peaks at x = 1/√3 with value (3√3/8)|s| ≈ 0.6495|s|.
/// φ'' is bounded (between β and β + s) and rational, so eigenvalue bounds (λ_sup) and Hessians are exact.
/// </summary>
/// <remarks>
/// Range: every finite x; a value or derivative whose exact value is beyond ±double.MaxValue is ±∞ of its sign (the policy
/// of issue 15: a diverging run shows as a non-finite f(θ)). βx²/2 is formed from exact power-of-two splits of β and x;
/// where it or s·(x·atan x − ½ln(1 + x²)) is beyond the range (or βx, s·atan x for φ′), the parts are summed again as
/// m·2^e (<see cref="ScaledSum"/>), so that a finite sum of parts beyond the range is not ±∞ or NaN (β = 2^-174,
/// s = −2^424 at x = 2^600: φ = 2^1024·(2 − π/2) ≈ 7.7e307, was ∞ − ∞; β = 2^425, s = −MaxValue at x = 2^600:
/// φ′ = 2^1025 − MaxValue·atan x ≈ 7.7e307). Evaluated
/// without cancellation or overflow: x·atan x − ½ln(1 + x²) by its alternating series Σ_k (−1)^{k+1} x^{2k}/(2k(2k − 1))
/// for |x| &lt; 1/8 (the written form gave 1e-20 at x = 1e-10, where the exact value is 5e-21), with ½ln(1 + x²) =
/// ln|x| + ½log1p(1/x²) for |x| &gt; 1 (1 + x² overflowed to ∞ for |x| &gt; 1.3e154, making φ −∞ or NaN); s/(1 + x²) and
/// x/(1 + x²)² through w = 1/x for |x| &gt; 1 (the squares overflowed and gave 0 where the exact values, e.g. s/x² at
/// β = 0, are still doubles). Accuracy: each of the β and s parts within 8u of its exact value where normal; the two parts
/// may cancel when β and s have opposite signs, so the bound is 8u·(|β part| + |s part|).
/// </remarks>
public sealed class LorentzianTerm : IScalarTerm
{
    /// <summary>3√3/8 = 0.649519052838329…; rounded up.</summary>
    private const double PeakThird = 0.6495190528383291;

    /// <summary>The term with curvature β + s/(1 + x²).</summary>
    /// <exception cref="ArgumentException">non-finite β or s.</exception>
    public LorentzianTerm(double beta, double s)
    {
        Beta = Require.Finite(beta, nameof(beta));
        S = Require.Finite(s, nameof(s));
    }

    /// <summary>β, the curvature far from 0.</summary>
    public double Beta { get; }

    /// <summary>s, the bump height of φ'' at 0.</summary>
    public double S { get; }

    /// <inheritdoc />
    public string Name => $"lorentzian(β={Require.Show(Beta)}, s={Require.Show(S)})";

    /// <inheritdoc />
    public double Value(double x)
    {
        Require.Finite(x, nameof(x));
        double value = HalfBetaSquare(x) + S * BumpIntegral(x);
        if (double.IsFinite(value))
            return value;
        // A part beyond the range: both again as m·2^e, the s-part's x·atan x unrounded to a double.
        var bump = new ScaledSum();
        double a = Math.Abs(x);
        if (a < 0.125)
            bump.Add(BumpIntegral(x));
        else
        {
            bump.Add(a, Math.Atan(a));
            bump.Add(-HalfLogOnePlusSquare(a));
        }
        var total = new ScaledSum();
        total.AddQuotient(2, Beta, x, x);
        total.AddPowerTimes(bump, 1, 1, S);
        return total.Value;
    }

    /// <summary>
    /// ½ln(1 + a²) for a ≥ 0: ½log1p(a²) up to 1, ln a + ½log1p(1/a²) above (no overflow of a²); within 8u of it (log1p's
    /// 7 ulp and one rounding); below a = 2^-537, where a² underflows, 0 instead of a²/2 &lt; 2^-1075. Also the generic
    /// twin's Magnitude beyond the range.
    /// </summary>
    internal static double HalfLogOnePlusSquare(double a) =>
        a <= 1 ? 0.5 * LogOnePlus.Of(a * a) : Math.Log(a) + 0.5 * LogOnePlus.Of(1 / a / a);

    /// <summary>x·atan x − ½ln(1 + x²) ≥ 0, the s-part of φ (see the remarks).</summary>
    private static double BumpIntegral(double x)
    {
        double a = Math.Abs(x);
        if (a < 0.125)
        {
            // Σ_{k≥1} (−1)^{k+1} a^{2k}/(2k(2k − 1)): terms fall by a² ≤ 2^-6 each, 10 terms leave < 2^-60 of the first.
            double a2 = a * a, sum = 0;
            for (int k = 10; k >= 1; k--)
                sum = 1.0 / (2 * k * (2 * k - 1)) - a2 * sum;
            return a2 * sum;
        }
        return a * Math.Atan(a) - HalfLogOnePlusSquare(a);
    }

    /// <summary>
    /// βx²/2 from the exact splits β = m_β·2^e_β, x = m_x·2^e_x: (m_β·m_x·m_x)·2^(e_β + 2e_x − 1), two roundings and one
    /// final scaling, so that neither x² nor βx over- or underflows before the result does.
    /// </summary>
    private double HalfBetaSquare(double x)
    {
        if (Beta == 0 || x == 0)
            return 0;
        int eb = Math.ILogB(Beta), ex = Math.ILogB(x);
        double mb = Math.ScaleB(Beta, -eb), mx = Math.ScaleB(x, -ex);
        return Math.ScaleB(mb * mx * mx, eb + 2 * ex - 1);
    }

    /// <summary>
    /// s/(1 + x²); for |x| &gt; 1 as (s·w)·(w/(1 + w²)) with w = 1/x, so that x² never overflows and s·w keeps s's
    /// magnitude away from an early underflow of w².
    /// </summary>
    private double ScaledBump(double x)
    {
        if (Math.Abs(x) <= 1)
            return S / (1 + x * x);
        double w = 1 / x;
        return S * w * (w / (1 + w * w));
    }

    /// <inheritdoc />
    public double First(double x)
    {
        double first = Beta * Require.Finite(x, nameof(x)) + S * Math.Atan(x);
        if (double.IsFinite(first))
            return first;
        var sum = new ScaledSum(); // βx or s·atan x beyond the range: the sum of the unrounded parts
        sum.Add(Beta, x);
        sum.Add(S, Math.Atan(x));
        return sum.Value;
    }

    /// <inheritdoc />
    public double Second(double x) => Beta + ScaledBump(Require.Finite(x, nameof(x))); // two finite parts: IEEE overflow is the policy's ±∞

    /// <inheritdoc />
    public double Third(double x)
    {
        Require.Finite(x, nameof(x));
        if (Math.Abs(x) <= 1)
        {
            double d = 1 + x * x;
            return -2 * (S * (x / (d * d)));
        }
        // x/(1 + x²)² = w·(w/(1 + w²))² with w = 1/x: no overflow of x² or (1 + x²)²; s·w first, as in ScaledBump.
        double w = 1 / x, q = w / (1 + w * w);
        return -2 * (S * w * q * q); // |φ‴| ≤ 0.65|s|·2: beyond MaxValue only for |s| near it, then ±∞ of its sign
    }

    /// <inheritdoc />
    public double ThirdBound => PeakThird * Math.Abs(S) * (1 + 1e-15);

    /// <inheritdoc />
    public double SecondInfimum => S >= 0 ? Beta : Beta + S;

    /// <inheritdoc />
    public double SecondSupremum => S >= 0 ? Beta + S : Beta;

    /// <inheritdoc />
    public RationalInterval? ExactSecond(double x)
    {
        var xi = RationalInterval.Exact(Require.Finite(x, nameof(x)));
        return RationalInterval.Exact(Beta) + RationalInterval.Exact(S) / (RationalInterval.Exact(1.0) + xi * xi);
    }

    /// <inheritdoc />
    public RationalInterval? ExactValue(double x) => null;

    /// <inheritdoc />
    public RationalInterval? ExactFirst(double x) => null;
}
