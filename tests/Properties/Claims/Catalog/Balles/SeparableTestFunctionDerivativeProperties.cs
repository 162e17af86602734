using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Claims.Catalog.Balles;

/// <summary>
/// The analytic gradient of the chapter 3–5 test function f(θ) = Σ aᵢuᵢ²/2 + bᵢ(√(1 + uᵢ²) − 1): Taylor-remainder slope,
/// central differences, the exact enclosure containing the double value, and the smoothness constant as a bound on f''.
/// </summary>
public class SeparableTestFunctionDerivativeProperties
{
    public static Arbitrary<(SeparableTestFunction F, double[] Theta, double[] U)> Cases() =>
        (from a in Gen.ArrayOf(Gen.Choose(-5000, 5000).Select(i => i / 1000.0), 3)
         from b in Gen.ArrayOf(Gen.Choose(-5000, 5000).Select(i => i / 1000.0), 3)
         from c in Gen.ArrayOf(Gen.Choose(-2000, 2000).Select(i => i / 1000.0), 3)
         from theta in Gen.ArrayOf(Gen.Choose(-3000, 3000).Select(i => i / 1000.0), 3)
         from u in Gen.ArrayOf(Gen.Choose(-1000, 1000).Select(i => i / 1000.0), 3).Where(v => v.Any(x => x != 0))
         select (new SeparableTestFunction(a, b, c), theta, u)).ToArbitrary();

    private static double[] Along(double[] theta, double[] u, double h) => theta.Select((t, i) => t + h * u[i]).ToArray();

    /// <summary>
    /// Second-order remainder R(h) = |f(θ + hu) − f(θ) − h∇fᵀu − (h²/2)Σuᵢ²φᵢ''(θᵢ)| with the closed form
    /// φᵢ'' = aᵢ + bᵢ/(1 + uᵢ²)^(3/2): a wrong gradient leaves an O(h) term, so the slope log2 R(h)/R(h/2) must reach
    /// 3 − <see cref="TaylorSlope.Slack"/> (it is 3, or 4 where the third derivative vanishes along u), or R be at rounding level (&lt; 1e-12).
    /// h = 2e-3 keeps the fourth-order term from cancelling the third. Replay of the first-order version that failed
    /// (curvature ≈ 0 along u): (14778549993327342163,18210004737988204889).
    /// </summary>
    [Property(Arbitrary = [typeof(SeparableTestFunctionDerivativeProperties)], MaxTest = 100)]
    public Property Gradient_PassesTaylorRemainderSlope((SeparableTestFunction F, double[] Theta, double[] U) p)
    {
        double f0 = p.F.Value(p.Theta);
        double slope = p.F.Gradient(p.Theta).Zip(p.U, (g, u) => g * u).Sum();
        double curvature = 0;
        for (int i = 0; i < 3; i++)
        {
            double w = p.Theta[i] - p.F.C[i];
            curvature += p.U[i] * p.U[i] * (p.F.A[i] + p.F.B[i] / Math.Pow(1 + w * w, 1.5));
        }
        double R(double h) => Math.Abs(p.F.Value(Along(p.Theta, p.U, h)) - f0 - h * slope - h * h / 2 * curvature);
        double[] steps = [2e-3, 1e-3], r = [R(2e-3), R(1e-3)];
        return TaylorSlope.ReachesOrder(3, steps, r, roundingFloor: 1e-12).Label(TaylorSlope.Describe(steps, r));
    }

    /// <summary>Central differences: O(h²) ≈ 1e-8·|f'''| at h = 1e-4, rounding ε|f|/h ≈ 1e-11.</summary>
    [Property(Arbitrary = [typeof(SeparableTestFunctionDerivativeProperties)], MaxTest = 100)]
    public Property Gradient_MatchesCentralDifferences((SeparableTestFunction F, double[] Theta, double[] U) p)
    {
        const double h = 1e-4, tolerance = 1e-6;
        var g = p.F.Gradient(p.Theta);
        double worst = 0;
        for (int i = 0; i < 3; i++)
        {
            var plus = (double[])p.Theta.Clone();
            var minus = (double[])p.Theta.Clone();
            plus[i] += h;
            minus[i] -= h;
            worst = Math.Max(worst, Math.Abs((p.F.Value(plus) - p.F.Value(minus)) / (2 * h) - g[i]));
        }
        return (worst <= tolerance).Label($"worst {worst:R}");
    }

    /// <summary>
    /// The same generic code evaluated in exact rational intervals (√ at 128 bits) agrees with the double evaluation up to
    /// its rounding: a handful of operations per coordinate, so 1e-13 relative to 1 + |value| is generous.
    /// </summary>
    [Property(Arbitrary = [typeof(SeparableTestFunctionDerivativeProperties)], MaxTest = 50)]
    public Property ExactEnclosures_ContainTheDoubleValues((SeparableTestFunction F, double[] Theta, double[] U) p)
    {
        using var precision = EnclosureSettings.Use(128);
        var point = p.Theta.Select(RationalInterval.Exact).ToArray();
        var value = p.F.Value<RationalInterval>(point);
        var grad = p.F.Gradient<RationalInterval>(point);
        bool Near(RationalInterval e, double x) => Math.Abs(e.Midpoint - x) <= 1e-13 * (1 + Math.Abs(x));
        return (Near(value, p.F.Value(p.Theta)) && grad.Zip(p.F.Gradient(p.Theta)).All(q => Near(q.First, q.Second))).ToProperty();
    }

    /// <summary>|f''ᵢ| ≤ L along each axis (second differences with h = 1e-3; error O(h²) ≈ 1e-6·|f''''|).</summary>
    [Property(Arbitrary = [typeof(SeparableTestFunctionDerivativeProperties)], MaxTest = 100)]
    public Property Smoothness_BoundsTheSecondDerivative((SeparableTestFunction F, double[] Theta, double[] U) p)
    {
        const double h = 1e-3;
        double worst = 0;
        for (int i = 0; i < 3; i++)
        {
            var plus = (double[])p.Theta.Clone();
            var minus = (double[])p.Theta.Clone();
            plus[i] += h;
            minus[i] -= h;
            worst = Math.Max(worst, Math.Abs((p.F.Value(plus) - 2 * p.F.Value(p.Theta) + p.F.Value(minus)) / (h * h)));
        }
        return (worst <= p.F.SmoothnessUpper * (1 + 1e-4) + 1e-4).Label($"|f''| ≈ {worst:R} > L = {p.F.SmoothnessUpper:R}");
    }
}
