using System.Globalization;
using Xunit.Sdk;

namespace Verification.Tests.Properties;

/// <summary>
/// The one Taylor-remainder slope check of the suite (Manopt's checkgradient/checkhessian, made automatic). Along a
/// direction, the remainder of a correct order-k expansion is r(h) = |c·hᵖ + c′·hᵖ⁺¹ + O(hᵖ⁺²)| with p = k + 1;
/// a wrong k-th derivative adds an error term δ·hᵖ⁻¹. The estimator is the log-log slope between consecutive steps,
/// s = log(r(hⱼ)/r(hⱼ₊₁)) / log(hⱼ/hⱼ₊₁), and a derivative passes when the steepest pair reaches p − <see cref="Slack"/>.
/// <para>
/// Derivation of <see cref="Slack"/> = 0.2 for steps halving (hⱼ₊₁ = hⱼ/2): a correct derivative gives
/// s = p + log₂((1 + a)/(1 + a/2)) with a = (c′/c)·hⱼ, which stays ≥ p − 0.2 for a ≥ −0.23 (and for every a ≥ 0), so a
/// pair where the next Taylor term is below a quarter of the leading one passes; where the two nearly cancel the local
/// slope dips, which is why the steepest pair, not one fitted slope, decides. A wrong derivative gives
/// s = p − 1 + log₂(|1 + b|/|1 + b/2|) with b = (c/δ)·hⱼ, which stays below p − 0.2 exactly for −1.46 &lt; b &lt; 5.7:
/// every pair rejects once |δ| &gt; 0.7·|c|·h_max. So the slope test separates a right derivative from one wrong by
/// more than 0.7·|c|·h_max; smaller errors are the business of the finite-difference and closed-form checks.
/// </para>
/// <para>
/// Rounding: a remainder of an expansion that is exact (a polynomial of degree ≤ k, a vanishing leading coefficient)
/// is rounding noise and its slope means nothing; each caller states its rounding floor (ε·|f| times a margin, in the
/// function's scale) and remainders all strictly below it pass. A floor of 0 never applies.
/// </para>
/// </summary>
public static class TaylorSlope
{
    /// <summary>
    /// Default steps 2⁻⁶ … 2⁻¹⁰ along a unit direction: small enough for the asymptotic regime, large enough that a
    /// third-order remainder ~h⁴ ≈ 1e-12 stays far above rounding ε·|f| ≈ 1e-16 for |f| ~ 1. Five steps span a factor 16,
    /// wider than the factor ≈ 6 over which a near-cancellation of the next two Taylor terms can depress the slope.
    /// </summary>
    public static IReadOnlyList<double> Steps { get; } = [1.0 / 64, 1.0 / 128, 1.0 / 256, 1.0 / 512, 1.0 / 1024];

    /// <summary>How far below the expected order p the steepest pair may fall (derived in the type's remarks).</summary>
    public const double Slack = 0.2;

    /// <summary>The log-log slopes between consecutive steps (NaN where both remainders are 0).</summary>
    public static double[] PairSlopes(IReadOnlyList<double> steps, IReadOnlyList<double> remainders)
    {
        Validate(steps, remainders);
        var slopes = new double[steps.Count - 1];
        for (int j = 0; j + 1 < steps.Count; j++)
            slopes[j] = Math.Log(remainders[j] / remainders[j + 1]) / Math.Log(steps[j] / steps[j + 1]);
        return slopes;
    }

    /// <summary>The steepest consecutive slope (−∞ when every pair is NaN).</summary>
    public static double Steepest(IReadOnlyList<double> steps, IReadOnlyList<double> remainders) =>
        PairSlopes(steps, remainders).Aggregate(double.NegativeInfinity, (best, s) => s > best ? s : best);

    /// <summary>
    /// True when the remainders show order ≥ <paramref name="order"/> − <see cref="Slack"/> at the steepest pair, or all
    /// lie strictly below <paramref name="roundingFloor"/> (the expansion is exact to rounding).
    /// </summary>
    public static bool ReachesOrder(double order, IReadOnlyList<double> steps, IReadOnlyList<double> remainders, double roundingFloor = 0)
    {
        if (!(roundingFloor >= 0) || double.IsInfinity(roundingFloor))
            throw new ArgumentException($"rounding floor {roundingFloor} must be finite and ≥ 0.", nameof(roundingFloor));
        return remainders.All(r => r < roundingFloor) || Steepest(steps, remainders) >= order - Slack;
    }

    /// <summary>Fails with the steps, remainders and pair slopes unless <see cref="ReachesOrder"/> holds.</summary>
    public static void AssertReachesOrder(
        string what, double order, IReadOnlyList<double> steps, IReadOnlyList<double> remainders, double roundingFloor = 0, string input = "")
    {
        if (!ReachesOrder(order, steps, remainders, roundingFloor))
            throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: steepest log-log slope {Steepest(steps, remainders):F3} < {order - Slack} (order {order} − slack {Slack}); {Describe(steps, remainders)}{input}"));
    }

    /// <summary>
    /// For a remainder that is exactly c·hᵖ (the function is a polynomial of degree p along the line, c ≠ 0): every pair,
    /// not only the steepest, must lie within ±<see cref="Slack"/> of <paramref name="order"/>.
    /// </summary>
    public static void AssertExactOrder(string what, double order, IReadOnlyList<double> steps, IReadOnlyList<double> remainders)
    {
        var slopes = PairSlopes(steps, remainders);
        if (!slopes.All(s => s >= order - Slack && s <= order + Slack))
            throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: a remainder exactly of order {order} needs every pair slope in [{order - Slack}, {order + Slack}]; {Describe(steps, remainders)}"));
    }

    /// <summary>Steps, remainders and pair slopes, for failure messages and property labels.</summary>
    public static string Describe(IReadOnlyList<double> steps, IReadOnlyList<double> remainders) => string.Create(CultureInfo.InvariantCulture,
        $"steps [{string.Join(", ", steps.Select(h => h.ToString("R", CultureInfo.InvariantCulture)))}], " +
        $"remainders [{string.Join(", ", remainders.Select(r => r.ToString("R", CultureInfo.InvariantCulture)))}], " +
        $"pair slopes [{string.Join(", ", PairSlopes(steps, remainders).Select(s => s.ToString("F3", CultureInfo.InvariantCulture)))}]");

    private static void Validate(IReadOnlyList<double> steps, IReadOnlyList<double> remainders)
    {
        if (steps.Count < 2 || steps.Count != remainders.Count)
            throw new ArgumentException($"need ≥ 2 steps and one remainder per step, got {steps.Count} steps and {remainders.Count} remainders.", nameof(remainders));
        for (int j = 0; j < steps.Count; j++)
        {
            if (!(steps[j] > 0) || double.IsInfinity(steps[j]) || (j > 0 && !(steps[j] < steps[j - 1])))
                throw new ArgumentException($"steps must be finite, > 0 and strictly decreasing; step {j} is {steps[j]}.", nameof(steps));
            if (!(remainders[j] >= 0))
                throw new ArgumentException($"remainder {j} is {remainders[j]}; remainders are absolute values ≥ 0 (NaN is a failed evaluation).", nameof(remainders));
        }
    }
}
