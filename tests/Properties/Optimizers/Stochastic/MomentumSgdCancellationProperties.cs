using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers;
using Verification.Optimizers.Stochastic;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// Momentum SGD's second step against the exact Δ₂* = −lr·(β·gain·g₀ + gain·g₁), gain = 1 − β dampened or 1, as
/// rationals. fl(βm) + fl(gain·g) can cancel, so the rule's documented bound is absolute. Derivation (u = 2^-53,
/// fl(x) = x/(1 + δ), |δ| ≤ u): fl(βm̂₁) carries three roundings (1 − β, gain·g₀, β·m) and fl(gain·g₁) two, so
/// their sum is within γ₃·S of m₂*, S = |β·gain·g₀| + |gain·g₁|; the addition moves it by at most u|m̂₂|, and −lr·m̂₂
/// by at most u|Δ̂₂|, with lr|m̂₂| ≤ (1 + u)|Δ̂₂|: |Δ̂₂ − Δ₂*| ≤ (2u + u²)|Δ̂₂| + lr·γ₃·S + 2^-1075 (the last where Δ̂₂
/// is subnormal). lr and |g| are kept in [2^-300, 2^300] so that no product is subnormal (a sum that cancels into the
/// subnormals is exact) and none overflows.
/// </summary>
[Properties(MaxTest = 500)]
public class MomentumSgdCancellationProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static double SecondStep(double lr, double beta, bool dampened, double g0, double g1)
    {
        var objective = new ScriptedStochasticObjective(Vector<double>.Build.Dense(1), null,
            new GradientSample(Vector<double>.Build.Dense(1, g0), 1, null),
            new GradientSample(Vector<double>.Build.Dense(1, g1), 1, null));
        var run = new MomentumSgd(lr, beta, dampened).Start(objective, Vector<double>.Build.Dense(1));
        run.Step();
        return run.Step()[0];
    }

    /// <summary>True when Δ̂₂ is within the absolute bound derived in the class summary.</summary>
    private static bool WithinBound(double lr, double beta, bool dampened, double g0, double g1, double step, out string detail)
    {
        Fraction b = ExactDouble.ToFraction(beta), gain = dampened ? 1 - b : Fraction.One, l = ExactDouble.ToFraction(lr);
        Fraction a = b * gain * ExactDouble.ToFraction(g0), c = gain * ExactDouble.ToFraction(g1);
        Fraction exact = -l * (a + c), computed = ExactDouble.ToFraction(step);
        Fraction bound = (2 * Unit + Unit * Unit) * Fraction.Abs(computed) + l * ExactAgreement.Gamma(3) * (Fraction.Abs(a) + Fraction.Abs(c))
                         + ExactDouble.Pow2(-1075);
        detail = $"lr = {lr:R}, β = {beta:R}, dampened {dampened}, g = ({g0:R}, {g1:R}): Δ₂ = {step:R}, exact {ExactDouble.ToDouble(exact):R}, bound {ExactDouble.ToDouble(bound):R}";
        return Fraction.Abs(computed - exact) <= bound;
    }

    private static readonly Gen<double> Scaled =
        from mantissa in Gen.Choose(1 << 20, (1 << 21) - 1)
        from low in Gen.Choose(0, int.MaxValue)
        from exponent in Gen.Choose(-300, 300)
        from negative in Gen.Elements(false, true)
        select (negative ? -1 : 1) * Math.ScaleB(mantissa + low / 2147483648.0, exponent - 20);

    [Property]
    public Property SecondStep_IsWithinTheAbsoluteBound() => Prop.ForAll(
        (from lr in Scaled.Select(Math.Abs)
         from beta in Gen.Frequency((1, Gen.Constant(0.0)), (4, Gen.Choose(1, 1 << 30).Select(k => k / (double)(1L << 30) * 0.999)))
         from dampened in Gen.Elements(true, false)
         from g0 in Scaled
         // Half the cases aim g₁ at −β·m₁/gain, where the two terms cancel.
         from cancel in Gen.Elements(false, true)
         from g1 in Scaled
         select (lr, beta, dampened, g0, g1: cancel && beta > 0 ? -beta * g0 : g1)).ToArbitrary(),
        c =>
        {
            double step = SecondStep(c.lr, c.beta, c.dampened, c.g0, c.g1);
            return WithinBound(c.lr, c.beta, c.dampened, c.g0, c.g1, step, out string detail).Label(detail);
        });

    /// <summary>
    /// The rule's documented example: gradients 10 then −9 at β = 0.9, lr = 1 cancel to Δ̂₂ = 0 while the exact
    /// Δ₂* = −(1 − β)(10β − 9) ≈ −2.2e-17 is a nonzero double; the relative error is 1, the absolute bound holds.
    /// </summary>
    [Fact]
    public void Cancellation_LosesTheRelativeDigitsButKeepsTheAbsoluteBound()
    {
        double step = SecondStep(1, 0.9, true, 10, -9);
        Assert.True(WithinBound(1, 0.9, true, 10, -9, step, out string detail), detail);
        Assert.Equal(0.0, step);
    }
}
