using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// Forward mode (<see cref="HyperDual"/>, and <see cref="HyperDualReal{T}"/> over <see cref="Float64"/>, which runs it) where a
/// derivative part has overflowed to ±∞ and meets a zero (issue 15, item 1): a zero value may be an underflowed result,
/// so a product term of it with an overflowed part is undetermined in doubles and is rejected; a zero part of an unseeded
/// direction is exact and stays 0. The function is g(θ) = e^{cθ}·e^{−800−θ} with c = 2^33 at θ = 700/c (exact in doubles):
/// e^{cθ} = e^700 is finite, its ε₁ part c·e^700 ≈ 8.7e313 is beyond the range, and e^{−800−θ} is 0 in doubles.
/// </summary>
public class HyperDualOverflowedPartExamples
{
    private static readonly double C = Math.ScaleB(1, 33), Theta = Math.ScaleB(700, -33);

    /// <summary>
    /// ∇g = (c − 1)·e^{−100−θ} ≈ 3.2e-34, a normal double, came out 0 (the term c·e^700 times the value 0 of e^{−800−θ} was
    /// taken as 0): now a DoubleRangeException, the "undecided in doubles" rejection.
    /// </summary>
    [Fact]
    public void Gradient_OfAnOverflowedPartTimesAnUnderflowedValue_IsRejected()
    {
        AutoDiffRejectionExamples.RejectsOutOfRange(() => ForwardDerivatives.Gradient(
            t => HyperDual.Exp(HyperDual.Constant(C) * t[0]) * HyperDual.Exp(HyperDual.Constant(-800) - t[0]),
            Vector<double>.Build.Dense(1, Theta)), "b", "and the derivative parts");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => ForwardModeFormulas.Gradient(
            t => HyperDualReal<Float64>.Exp(-800 - t[0]) * HyperDualReal<Float64>.Exp(HyperDualReal<Float64>.Of(C) * t[0]), [new Float64(Theta)]),
            "b", "and the derivative parts");
    }

    /// <summary>
    /// Whichever part has overflowed (ε₁, ε₂ or ε₁ε₂) and whichever side the zero value is on, the product is rejected:
    /// 0·(1 + ∞ε) has the undetermined term 0·∞ in that part.
    /// </summary>
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void Product_OfAZeroValueAndAnyOverflowedPart_IsRejected(int part, bool zeroOnTheLeft)
    {
        var overflowed = new HyperDual(1, part == 1 ? double.PositiveInfinity : 0, part == 2 ? double.PositiveInfinity : 0,
            part == 3 ? double.PositiveInfinity : 0);
        var zero = HyperDual.Constant(0);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = zeroOnTheLeft ? zero * overflowed : overflowed * zero, "b", "and the derivative parts");
    }

    /// <summary>The same product as a quotient, e^{−800−θ}/e^{−cθ}: the dividend's value 0 times the divisor's overflowed part.</summary>
    [Fact]
    public void Quotient_OfAnUnderflowedValueByAnOverflowedPart_IsRejected()
    {
        var x = new HyperDual(Theta, 1, 0, 0);
        var divisor = HyperDual.Exp(-(HyperDual.Constant(C) * x)); // value e^-700, ε₁ part −c·e^-700 (finite) …
        var overflowed = new HyperDual(divisor.Value, double.NegativeInfinity, 0, 0); // … here overflowed, as a part may be
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDual.Exp(HyperDual.Constant(-800) - x) / overflowed, "b", "and the derivative parts");
    }

    /// <summary>
    /// A nonzero value times the overflowed part is still the part's ±∞ (exact beyond the range: ∇(2e^{cθ}) = 2c·e^700 ≈
    /// 1.7e314), and the unseeded ε₂ and ε₁ε₂ parts (exact zeros) stay 0: not rejected.
    /// </summary>
    [Fact]
    public void Product_OfANonzeroValueAndAnOverflowedPart_IsTheOverflowAndUnseededPartsStayZero()
    {
        var g = HyperDual.Exp(HyperDual.Constant(C) * new HyperDual(Theta, 1, 0, 0)) * HyperDual.Constant(2);
        Assert.Equal(double.PositiveInfinity, g.E1);
        Assert.Equal(0, g.E2);
        Assert.Equal(0, g.E12);
        Assert.Equal(2 * Math.Exp(700), g.Value); // e^700·2: the doubling is exact
    }
}
