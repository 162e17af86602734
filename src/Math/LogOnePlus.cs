namespace Verification.Numerics;

/// <summary>log(1 + x) without the cancellation of Math.Log(1 + x), which returns 0 for |x| below 2^-53.</summary>
public static class LogOnePlus
{
    /// <summary>
    /// log(1 + x) for finite x &gt; −1: with w = 1 ⊕ x, x itself where w = 1, else log(w)·(x/(w − 1)). The quotient
    /// x/(w − 1) corrects for the rounding of 1 + x (w − 1 is exact), so the relative error stays within about 5u plus the
    /// error of Math.Log (Goldberg, "What every computer scientist should know about floating-point arithmetic", 1991,
    /// Thm. 4); written as a product of log(w) and a ratio near 1 so that nothing overflows for x up to double.MaxValue.
    /// Accuracy over the whole domain (subnormal x included, where the result is x exactly): relative error ≤ 5u plus
    /// Math.Log's ≤ 1 ulp, i.e. within 7 ulp.
    /// </summary>
    /// <exception cref="ArgumentException">x not finite or x ≤ −1 (log(1 + x) undefined or −∞).</exception>
    public static double Of(double x)
    {
        Require.Finite(x, nameof(x));
        if (!(x > -1))
            throw new ArgumentException($"log(1 + x) needs x > −1, got {Require.Show(x)}.", nameof(x));
        double w = 1 + x;
        return w == 1 ? x : Math.Log(w) * (x / (w - 1));
    }
}
