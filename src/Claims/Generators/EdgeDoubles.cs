using FsCheck;
using FsCheck.Fluent;

namespace Verification.Claims.Generators;

/// <summary>
/// Double generators that reach the places claims break. FsCheck's default double generator never yields
/// subnormals, almost never −0.0 and nothing between ~100 and MaxValue (style.md); these mix exact zeros,
/// signed zeros, the ends of the requested range, small integers and log-uniform magnitudes.
/// </summary>
public static class EdgeDoubles
{
    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public static Gen<double> Unit { get; } =
        Gen.Choose(0, (1 << 26) - 1).SelectMany(hi => Gen.Choose(0, (1 << 27) - 1),
            (hi, lo) => ((double)hi * (1 << 27) + lo) / 9007199254740992.0);

    /// <summary>Log-uniform on [<paramref name="min"/>, <paramref name="max"/>] (both &gt; 0).</summary>
    public static Gen<double> LogUniform(double min, double max)
    {
        if (!(min > 0) || !(max >= min) || !double.IsFinite(max))
            throw new ArgumentException($"need 0 < min ≤ max < ∞, got [{min}, {max}].", nameof(min));
        double a = System.Math.Log(min), b = System.Math.Log(max);
        return Unit.Select(u => System.Math.Clamp(System.Math.Exp(a + (b - a) * u), min, max));
    }

    /// <summary>
    /// Magnitudes in [<paramref name="min"/>, <paramref name="max"/>] biased to the edges: the endpoints, 1, small
    /// integers, simple fractions and log-uniform values (weight 10 of 18).
    /// </summary>
    public static Gen<double> Positive(double min, double max) => Gen.Frequency(
        (10, LogUniform(min, max)),
        (2, Gen.Choose(1, 10).Select(i => System.Math.Clamp((double)i, min, max))),
        (2, Gen.Elements(0.5, 0.25, 0.1, 2.0, 3.0, 1.0 / 3).Select(x => System.Math.Clamp(x, min, max))),
        (1, Gen.Constant(min)),
        (1, Gen.Constant(max)),
        (2, Unit.Select(u => System.Math.Clamp(0.5 + u, min, max))));

    /// <summary><see cref="Positive"/> plus exact 0 (weight 3 of 21).</summary>
    public static Gen<double> NonNegative(double min, double max) => Gen.Frequency(
        (18, Positive(min, max)),
        (3, Gen.Constant(0.0)));

    /// <summary>Either sign of <see cref="NonNegative"/>, including −0.0.</summary>
    public static Gen<double> Signed(double min, double max) => Gen.Frequency(
        (20, NonNegative(min, max).SelectMany(x => Gen.Elements(x, -x))),
        (1, Gen.Constant(-0.0)));

    /// <summary>A relative or ulp-level move of x, occasionally a jump to 0 or a sign flip; for climbing.</summary>
    public static double Perturb(double x, System.Random random, double min = 0, double max = double.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(random);
        double r = random.NextDouble();
        double y;
        if (r < 0.35)
            y = x * (1 + (random.NextDouble() - 0.5) * System.Math.Pow(10, -random.Next(0, 16)));
        else if (r < 0.6)
        {
            y = x;
            int k = random.Next(1, 5);
            for (int i = 0; i < k; i++)
                y = random.Next(2) == 0 ? System.Math.BitIncrement(y) : System.Math.BitDecrement(y);
        }
        else if (r < 0.85)
            y = x * System.Math.Exp((random.NextDouble() - 0.5) * 4);
        else if (r < 0.95)
            y = x == 0 ? System.Math.Pow(10, random.Next(-20, 5)) : x * 0.5;
        else
            y = 0;
        if (!double.IsFinite(y)) y = x;
        double clamped = System.Math.Clamp(System.Math.Abs(y), min, max);
        return y < 0 ? -clamped : clamped;
    }
}
