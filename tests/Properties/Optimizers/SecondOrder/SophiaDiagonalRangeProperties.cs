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
}
