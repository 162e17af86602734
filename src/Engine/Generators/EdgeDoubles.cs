using FsCheck;
using FsCheck.Fluent;

namespace Verification.Engine.Generators;

/// <summary>
/// Double generators that reach the places claims break. FsCheck's default double generator never yields subnormals,
/// almost never −0.0 and nothing between ~100 and MaxValue (style.md); these mix exact zeros, signed zeros, the ends of
/// the requested range, small integers, simple fractions and log-uniform magnitudes. Every value is built from random
/// integers by exact scaling (Math.ScaleB), never through Math.Exp or Math.Log, so the same seed gives the same inputs
/// on every platform.
/// </summary>
public static class EdgeDoubles
{
    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public static Gen<double> Unit { get; } =
        Gen.Choose(0, (1 << 26) - 1).SelectMany(hi => Gen.Choose(0, (1 << 27) - 1),
            (hi, lo) => ((double)hi * (1 << 27) + lo) / 9007199254740992.0);

    /// <summary>
    /// Magnitudes spread evenly over the binary exponents of [<paramref name="min"/>, <paramref name="max"/>] (both &gt; 0):
    /// an exponent e uniform among those the range touches, then a significand uniform over the part of [2^e, 2^(e+1))
    /// inside the range. Subnormal ranges are reached when min is subnormal.
    /// </summary>
    /// <exception cref="ArgumentException">not 0 &lt; min ≤ max &lt; ∞.</exception>
    public static Gen<double> LogUniform(double min, double max)
    {
        if (!(min > 0) || !(max >= min) || !double.IsFinite(max))
            throw new ArgumentException($"need 0 < min ≤ max < ∞, got [{min}, {max}].", nameof(min));
        int lo = Math.ILogB(min), hi = Math.ILogB(max);
        return Gen.Choose(lo, hi).SelectMany(e => Unit, (e, u) =>
        {
            // The binade [2^e, 2^(e+1)) cut to [min, max]; exact scalings, no libm.
            double from = Math.Max(Math.ScaleB(1, e), min);
            double to = Math.Min(Math.ScaleB(2, e), max);
            return Math.Clamp(from + u * (to - from), min, max);
        });
    }

    /// <summary>
    /// Magnitudes in [<paramref name="min"/>, <paramref name="max"/>] biased to the edges: the endpoints, 1, small integers,
    /// simple fractions and log-uniform values (weight 10 of 18).
    /// </summary>
    public static Gen<double> Positive(double min, double max) => Gen.Frequency(
        (10, LogUniform(min, max)),
        (2, Gen.Choose(1, 10).Select(i => Math.Clamp((double)i, min, max))),
        (2, Gen.Elements(0.5, 0.25, 0.1, 2.0, 3.0, 1.0 / 3).Select(x => Math.Clamp(x, min, max))),
        (1, Gen.Constant(min)),
        (1, Gen.Constant(max)),
        (2, Unit.Select(u => Math.Clamp(0.5 + u, min, max))));

    /// <summary><see cref="Positive"/> plus exact 0 (weight 3 of 21).</summary>
    public static Gen<double> NonNegative(double min, double max) => Gen.Frequency(
        (18, Positive(min, max)),
        (3, Gen.Constant(0.0)));

    /// <summary>Either sign of <see cref="NonNegative"/>, including −0.0.</summary>
    public static Gen<double> Signed(double min, double max) => Gen.Frequency(
        (20, NonNegative(min, max).SelectMany(x => Gen.Elements(x, -x))),
        (1, Gen.Constant(-0.0)));

    /// <summary>
    /// A move of x for climbing: a relative change of 2^−k (k = 0…52), a few ulps, a factor 2^(±u·3), a jump toward 0,
    /// or 0 itself. The magnitude is clamped to [<paramref name="min"/>, <paramref name="max"/>], the sign kept.
    /// </summary>
    public static double Perturb(double x, System.Random random, double min = 0, double max = double.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(random);
        double r = random.NextDouble();
        double y;
        if (r < 0.35)
            y = x * (1 + (random.NextDouble() - 0.5) * Math.ScaleB(1, -random.Next(0, 53)));
        else if (r < 0.6)
        {
            y = x;
            int k = random.Next(1, 5);
            for (int i = 0; i < k; i++)
                y = random.Next(2) == 0 ? Math.BitIncrement(y) : Math.BitDecrement(y);
        }
        else if (r < 0.85)
            y = x * Math.ScaleB(1 + random.NextDouble(), random.Next(-3, 3));
        else if (r < 0.95)
            y = x == 0 ? Math.ScaleB(1, random.Next(-64, 16)) : x * 0.5;
        else
            y = 0;
        if (!double.IsFinite(y))
            y = x;
        double clamped = Math.Clamp(Math.Abs(y), min, max);
        // The sign is x's (an ulp step from +0 would otherwise cross to −ε); −0.0 counts as negative.
        return double.IsNegative(x) ? -clamped : clamped;
    }
}
