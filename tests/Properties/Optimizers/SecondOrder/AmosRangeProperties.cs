using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Exact;
using Verification.Optimizers.SecondOrder;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// AMOS's running Lipschitz estimate (elmo-amos Alg. 2 line 5, <see cref="Amos.RunningLipschitz"/>) over the whole double
/// range (issue 15, item 1): against the exact rational α·L + (1 − α)·|λ_t − λ_{t−1}|/(ε₂ + d) within the 6 ulp of its doc
/// comment, +∞ exactly where that is beyond double.MaxValue.
/// </summary>
[Properties(MaxTest = 500)]
public class AmosRangeProperties
{
    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>α ∈ [0, 1): 0, the paper's 0.99, 1 − 2^-k, or a positive double below 1 (x, or 1/(1 + x) for x ≥ 1).</summary>
    private static Gen<double> Alpha { get; } = Gen.Frequency(
        (1, Gen.Constant(0.0)),
        (1, Gen.Constant(0.99)),
        (1, Gen.Choose(1, 53).Select(k => 1 - Math.ScaleB(1.0, -k))),
        (3, FullRangeDoubles.Positive.Select(x => x < 1 ? x : 1 / (1 + x))));

    [Property]
    public Property RunningLipschitz_IsWithinSixUlp() => Prop.ForAll(
        (from previous in FullRangeDoubles.NonNegative
         from alpha in Alpha
         from now in FullRangeDoubles.Signed
         from before in FullRangeDoubles.Signed
         from epsilon2 in FullRangeDoubles.Positive
         from distance in FullRangeDoubles.NonNegative
         select (previous, alpha, now, before, epsilon2, distance)).ToArbitrary(),
        c =>
        {
            var (previous, alpha, now, before, epsilon2, distance) = c;
            var exact = F(alpha) * F(previous) + (1 - F(alpha)) * Fraction.Abs(F(now) - F(before)) / (F(epsilon2) + F(distance));
            double computed = Amos.RunningLipschitz(previous, alpha, now, before, epsilon2, distance);
            return ExactAgreement.Within(computed, RationalInterval.Exact(exact), 6,
                $"L = {previous:R}, α = {alpha:R}, λ_t = {now:R}, λ_t−1 = {before:R}, ε₂ = {epsilon2:R}, d = {distance:R}");
        });
}
