using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Exact;
using Verification.Optimizers.Stochastic;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// SVAG's and M-SVAG's factor 1/(1 + κ·ŝ/m²) (thesis eqs. 5.16–5.19, <see cref="VarianceAdapted.Factor"/>) over the whole
/// double range of m and v (v within a few ulp of m² included, where v − m² cancels) and every β ∈ (0, 1), against the
/// exact rational 1/(1 + κ/(1 − ρ)·max(0, (v − m²)/m²)) with ρ = (1 − β)(1 + β^(t+1))/((1 + β)(1 − β^(t+1))).
/// </summary>
[Properties(MaxTest = 300)]
public class VarianceAdaptedRangeProperties
{
    private static Fraction ExactFactor(double m, double v, double beta, int t, bool momentum)
    {
        var b = ExactDouble.ToFraction(beta);
        var p = MovingAveragesRangeProperties.ExactPower(beta, t + 1);
        var rho = (Fraction.One - b) * (Fraction.One + p) / ((Fraction.One + b) * (Fraction.One - p));
        var m2 = ExactDouble.ToFraction(m) * ExactDouble.ToFraction(m);
        var eta2 = FractionExtensions.Max(Fraction.Zero, (ExactDouble.ToFraction(v) - m2) / m2);
        var kappa = momentum ? rho : Fraction.One;
        return Fraction.One / (Fraction.One + kappa / (Fraction.One - rho) * eta2);
    }

    [Property]
    public Property Factor_IsWithinItsStatedUlps() => Prop.ForAll(
        (from m in FullRangeDoubles.Signed.Where(x => x != 0)
         from v in Gen.Frequency(
             (2, FullRangeDoubles.NonNegative),
             (3, from ulps in Gen.Choose(-3, 3) select FullRangeDoubles.Nudge(Math.Min(m * m, double.MaxValue), ulps)))
         from beta in MovingAveragesRangeProperties.Betas.Where(b => b > 0)
         from t in Gen.Choose(1, 48)
         from momentum in Gen.Elements(false, true)
         select (m, v: Math.Max(v, 0), beta, t, momentum)).ToArbitrary(),
        c => ExactAgreement.Within(VarianceAdapted.Factor(c.m, c.v, c.beta, c.t, c.momentum),
            RationalInterval.Exact(ExactFactor(c.m, c.v, c.beta, c.t, c.momentum)), 28,
            $"m = {c.m:R}, v = {c.v:R}, β = {c.beta:R}, t = {c.t}, momentum = {c.momentum}"));

    /// <summary>
    /// β = 2^-30 at t = 1: κ/(1 − ρ) ≈ 1/(2β) = 2^29, and m = 1.1 + 2^-50, v = m² rounded and moved up 7 ulp give
    /// v − m² ≈ 1.6e-15, so κη̂²/(1 − ρ) ≈ 7e-7. The former (v/|m| − |m|)/|m| erred by about u absolute, 2^29·u after the
    /// magnification: the factor was 0.9999992413960056 (exact 0.99999929459676…, 4.8e8 ulp away).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Factor_WithSmallBetaAndVNearMSquared_KeepsTheVariance(bool momentum)
    {
        double m = 1.1 + Math.ScaleB(1, -50), beta = Math.ScaleB(1, -30);
        double v = FullRangeDoubles.Nudge(m * m, 7);
        var exact = RationalInterval.Exact(ExactFactor(m, v, beta, 1, momentum));
        double error = ExactDouble.UlpError(VarianceAdapted.Factor(m, v, beta, 1, momentum), exact);
        Assert.True(error <= 28, $"{error:R} ulp");
    }

    /// <summary>β = 2^-60: 1 − ρ(β, 1) = 2β(1 − β)/((1 + β)(1 − β²)) ≈ 2^-59 rounded to 0 in 1 − ρ, and v = m² gave ∞·0 = NaN (exact factor 1).</summary>
    [Fact]
    public void Factor_WithTinyBeta_IsFinite()
    {
        double beta = Math.ScaleB(1, -60);
        Assert.Equal(1.0, VarianceAdapted.Factor(3, 9, beta, 1, momentum: false));
        var exact = RationalInterval.Exact(ExactFactor(3, 10, beta, 1, momentum: false));
        Assert.True(ExactDouble.UlpError(VarianceAdapted.Factor(3, 10, beta, 1, momentum: false), exact) <= 28);
    }

    /// <summary>
    /// M-SVAG at β = 0.99, t = 600: κ/(1 − ρ) = (1 − β)(1 + β^601)/(2β(1 − β^600)) ≈ 0.005, and m = ¼, v = 2^1021 give
    /// η̂² = 2^1025 − 1 beyond double.MaxValue: the factor ≈ 5.5e-307 is normal, but the former ∞ for η̂² made it 0.
    /// </summary>
    [Fact]
    public void Factor_WhereTheRelativeVarianceOverflows_IsNotZero()
    {
        double m = 0.25, v = Math.ScaleB(1, 1021), beta = 0.99;
        var exact = RationalInterval.Exact(ExactFactor(m, v, beta, 600, momentum: true));
        double computed = VarianceAdapted.Factor(m, v, beta, 600, momentum: true);
        Assert.True(computed > 0 && ExactDouble.UlpError(computed, exact) <= 28, $"{computed:R} against {exact}");
    }

    [Fact]
    public void Factor_RejectsBetaZeroAfterTheFirstStep()
    {
        Assert.Equal(1, VarianceAdapted.Factor(2, 5, 0, 0, momentum: false)); // t = 0: ŝ₀ = 0, no division
        Assert.Equal("beta", Assert.Throws<ArgumentException>(() => VarianceAdapted.Factor(1, 1, 0, 1, momentum: false)).ParamName);
        Assert.Equal("t", Assert.Throws<ArgumentException>(() => VarianceAdapted.Factor(1, 1, 0.5, -1, momentum: false)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentException>(() => VarianceAdapted.Factor(1, 1, 1, 1, momentum: false)).ParamName);
    }
}
