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
/// Sophia's coordinate step −η·clip(m/max(ρh, ε), 1) (<see cref="SophiaDiagonal.Update"/>) over the whole double range
/// (issue 15, item 1): against the exact rational built from η, ρ, ε, m, h within the 3 ulp of its doc comment.
/// </summary>
[Properties(MaxTest = 500)]
public class SophiaDiagonalRangeProperties
{
    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    [Property]
    public Property Update_IsWithinThreeUlpOfTheExactStep() => Prop.ForAll(
        (from eta in FullRangeDoubles.Positive
         from rho in FullRangeDoubles.Positive
         from epsilon in FullRangeDoubles.Positive
         from m in FullRangeDoubles.Signed
         from h in FullRangeDoubles.Signed
         select (eta, rho, epsilon, m, h)).ToArbitrary(),
        c =>
        {
            var (eta, rho, epsilon, m, h) = c;
            var denominator = F(rho) * F(h);
            if (denominator < F(epsilon))
                denominator = F(epsilon);
            var ratio = F(m) / denominator;
            if (ratio > Fraction.One) ratio = Fraction.One;
            if (ratio < Fraction.MinusOne) ratio = Fraction.MinusOne;
            double computed = new SophiaDiagonal(eta, rho, epsilon: epsilon).Update(m, h);
            return ExactAgreement.Within(computed, RationalInterval.Exact(-F(eta) * ratio), 3,
                $"η = {eta:R}, ρ = {rho:R}, ε = {epsilon:R}, m = {m:R}, h = {h:R}");
        });

    /// <summary>β ∈ [0, 1): uniform, App. K's 0.9 and 0.95, 1 − 2^-k near 1 (k ≤ 53), and tiny positive values.</summary>
    private static Gen<double> Beta { get; } = Gen.OneOf(
        Gen.Choose(0, int.MaxValue - 1).Select(k => k / (double)int.MaxValue),
        Gen.Elements(0.0, 0.5, 0.9, 0.95),
        Gen.Choose(1, 53).Select(k => 1 - Math.ScaleB(1.0, -k)),
        FullRangeDoubles.Positive.Where(b => b < 1));

    /// <summary>
    /// The moment update βx + (1 − β)y (<see cref="SophiaDiagonal.MomentUpdate"/>) over the whole double range, x and y
    /// independent or equal up to sign (the ±double.MaxValue pairs that could overflow): within its stated
    /// γ₃·(β|x| + (1 − β)|y|) + 2·2^-1074 of the exact rational, never ±∞ (the exact value is a convex combination).
    /// </summary>
    [Property]
    public Property MomentUpdate_IsWithinItsStatedBound() => Prop.ForAll(
        (from beta in Beta
         from x in FullRangeDoubles.Signed
         from other in FullRangeDoubles.Signed
         from pick in Gen.Choose(0, 3)
         select (beta, x, y: pick switch { 0 => x, 1 => -x, 2 => Math.CopySign(double.MaxValue, x), _ => other })).ToArbitrary(),
        c =>
        {
            var (beta, x, y) = c;
            double computed = SophiaDiagonal.MomentUpdate(beta, x, y);
            var b = F(beta);
            var exact = b * F(x) + (1 - b) * F(y);
            var magnitude = b * Fraction.Abs(F(x)) + (1 - b) * Fraction.Abs(F(y));
            var u = ExactDouble.Pow2(-53);
            var bound = 3 * u / (1 - 3 * u) * magnitude + 2 * ExactDouble.Pow2(-1074);
            return (double.IsFinite(computed) && Fraction.Abs(F(computed) - exact) <= bound)
                .Label($"β = {beta:R}, x = {x:R}, y = {y:R}: {computed:R}");
        });
}
