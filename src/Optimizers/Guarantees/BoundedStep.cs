using Fractions;
using Verification.Numerics;
using Verification.Numerics.Exact;

namespace Verification.Optimizers.Guarantees;

/// <summary>
/// A bounded per-coordinate step: on every objective and every θ₀, every step of a run satisfies |Δθ_{t,i}| ≤
/// <see cref="Bound"/> for t &lt; <see cref="Steps"/>. Kingma &amp; Ba (Adam, §2.1) state |Δ_t| ≤ α·(1 − β₁)/√(1 − β₂)
/// when (1 − β₁) &gt; √(1 − β₂), and |Δ_t| ≤ α otherwise (with ε = 0); <see cref="ForAdam"/> builds that bound.
/// Sign descent with step size α declares α.
/// </summary>
public sealed record BoundedStep : Guarantee
{
    /// <summary>Declares |Δθ_{t,i}| ≤ <paramref name="bound"/> (finite, &gt; 0) over <paramref name="steps"/> steps; <paramref name="source"/> says where the bound comes from.</summary>
    public BoundedStep(double bound, int steps = TrajectorySteps.Default, string source = "declared")
    {
        if (!(bound > 0) || !double.IsFinite(bound))
            throw new ArgumentException($"bound must be finite and > 0, got {Require.Show(bound)}.", nameof(bound));
        if (string.IsNullOrWhiteSpace(source))
            throw new ArgumentException("source must say where the bound comes from, got an empty value.", nameof(source));
        Bound = bound;
        Steps = TrajectorySteps.Require(steps, nameof(steps));
        Source = source;
    }

    /// <summary>
    /// Kingma &amp; Ba §2.1's bound for Adam with step size α and decay rates β₁, β₂ ∈ [0, 1): α(1 − β₁)/√(1 − β₂) when
    /// (1 − β₁) &gt; √(1 − β₂), else α, i.e. α·max(1, (1 − β₁)/√(1 − β₂)) rounded up: the least double at or above the exact
    /// value, so within 1 ulp above it and never below (the case is decided exactly, as (1 − β₁)² &gt; 1 − β₂ in rationals).
    /// Rounded to nearest, as before, the bound sat up to 1 ulp below the exact one (α = 0.1, β₁ = 0, β₂ = 0.5: 0.1414213562373095
    /// for 0.1414213562373095127…; now 0.14142135623730953), and a guarantee checked against it could flag a step within the exact bound.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// stepSize not finite and &gt; 0, or α(1 − β₁)/√(1 − β₂) beyond double.MaxValue (naming stepSize: ForAdam(1e308, 0, 0.99)
    /// was rejected naming the constructor's bound; an exact bound within a few ulp below MaxValue was rejected too:
    /// ForAdam(1.7888123737112047e308, 0.019049964854051343, 0.04722087134012062)); α(1 − β₁) underflowing alone is no
    /// rejection (ForAdam(5e-324, 0.5, 0.99) gave bound 0, rejected naming bound, for the exact 2.5e-323); β₁ or β₂ outside [0, 1).
    /// </exception>
    public static BoundedStep ForAdam(double stepSize, double beta1, double beta2, int steps = TrajectorySteps.Default)
    {
        Require.Positive(stepSize, nameof(stepSize));
        if (!(beta1 >= 0 && beta1 < 1))
            throw new ArgumentException($"beta1 must be in [0, 1), got {Require.Show(beta1)}.", nameof(beta1));
        if (!(beta2 >= 0 && beta2 < 1))
            throw new ArgumentException($"beta2 must be in [0, 1), got {Require.Show(beta2)}.", nameof(beta2));
        Fraction a = Fraction.One - ExactDouble.ToFraction(beta1), c = Fraction.One - ExactDouble.ToFraction(beta2);
        if (!(a * a > c))
            return new BoundedStep(stepSize, steps, $"Kingma & Ba §2.1, case (1 − β₁) ≤ √(1 − β₂): α = {Require.Show(stepSize)} (β₁ = {Require.Show(beta1)}, β₂ = {Require.Show(beta2)})");
        // b ≥ α·a/√c ⟺ b²·c ≥ α²·a² (all positive), decided in exact rationals.
        var alpha = ExactDouble.ToFraction(stepSize);
        var target = alpha * alpha * a * a;
        bool AtLeastTheBound(double b) { var f = ExactDouble.ToFraction(b); return f * f * c >= target; }
        // Estimate by exponents: α's mantissa (in [1, 2)) times (1 − β₁)/√(1 − β₂) (in (1, 2^26.5]) is normal, and the one
        // scaling rounds at most once more, so the estimate is within a few ulp and the exact steps below take a few
        // iterations (α(1 − β₁) rounded on the subnormal grid first was off by up to 2^25 ulp of the bound, and ForAdam
        // stepped through them one by one: minutes for α = 87241523·2^-1074, β₁ = 1 − 2^-26, β₂ = 1 − 2^-53).
        int exponent = Math.ILogB(stepSize);
        double bound = Math.ScaleB(Math.ScaleB(stepSize, -exponent) * (1 - beta1) / Math.Sqrt(1 - beta2), exponent);
        if (double.IsInfinity(bound))
            bound = double.MaxValue; // the estimate's roundings can pass MaxValue where the exact bound is still below it
        // The estimate is within four roundings (×, √, ÷, the scaling), so each walk below takes at most a few ulp; more
        // than MaxWalk means the estimate is wrong, an internal error rather than minutes of rational arithmetic.
        const int MaxWalk = 8;
        for (int walked = 0; !AtLeastTheBound(bound); walked++)
        {
            if (bound == double.MaxValue)
                throw new ArgumentException(
                    $"stepSize·(1 − β₁)/√(1 − β₂) must be within double.MaxValue, got stepSize = {Require.Show(stepSize)}, β₁ = {Require.Show(beta1)}, β₂ = {Require.Show(beta2)}.",
                    nameof(stepSize));
            if (walked == MaxWalk)
                throw new InvalidOperationException($"ForAdam's estimate {Require.Show(bound)} is more than {MaxWalk} ulp below the exact bound.");
            bound = Math.BitIncrement(bound);
        }
        for (int walked = 0; Math.BitDecrement(bound) > 0 && AtLeastTheBound(Math.BitDecrement(bound)); walked++)
        {
            if (walked == MaxWalk)
                throw new InvalidOperationException($"ForAdam's estimate is more than {MaxWalk} ulp above the least double at or above the exact bound.");
            bound = Math.BitDecrement(bound);
        }
        return new BoundedStep(bound, steps, $"Kingma & Ba §2.1, case (1 − β₁) > √(1 − β₂): α(1 − β₁)/√(1 − β₂) with α = {Require.Show(stepSize)}, β₁ = {Require.Show(beta1)}, β₂ = {Require.Show(beta2)}");
    }

    /// <summary>The bound on every |Δθ_{t,i}|.</summary>
    public double Bound { get; }

    /// <summary>T, the number of steps replayed.</summary>
    public int Steps { get; }

    /// <summary>Where the bound comes from (a paper's label, or "declared").</summary>
    public string Source { get; }

    /// <inheritdoc />
    public override string Id => "bounded-step";

    /// <inheritdoc />
    public override string Statement =>
        $"For every objective f and θ₀: |Δθ_{{t,i}}| ≤ {Require.Show(Bound)} for every coordinate i and t = 0, …, {Steps - 1} of one run ({Source}).";
}
