using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Stochastic;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Verification.Tests.Properties.Optimizers.NaturalGradient;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// <see cref="NoiseToSignal.Exact"/> of a <see cref="NoisyGradientObjective"/> (Σ = diag(σ²), thesis eq. 4.9) over the
/// whole double range: σ and ∇f drawn from subnormals to double.MaxValue (and 0), against the exact rational ‖σ‖²/‖∇f‖²
/// of the inputs, within the (4d + 1) ulp of the doc comment (4d − 1 roundings of positive terms, each within 1 ulp of
/// the result it enters: ulp(x) ≥ u·x), ±∞ exactly where that value is beyond double.MaxValue (or ∇f = 0 ≠ σ), 0 where
/// σ = 0. ∇f is the given gradient of an objective that returns it unchanged.
/// </summary>
[Properties(MaxTest = 400)]
public class NoiseToSignalExactRangeProperties
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static double? ExactOf(double[] gradient, double[] sigma) =>
        NoiseToSignal.Exact(new NoisyGradientObjective(new GivenCurvature(new double[gradient.Length], gradient), V(sigma), 1), V(new double[gradient.Length]));

    [Property]
    public Property Exact_IsWithinItsBoundOfTheExactRatio() => Prop.ForAll(
        (from d in Gen.Choose(1, 4)
         from g in FullRangeDoubles.SignedOrOneScale(d)
         from sigma in Gen.Frequency((2, Gen.ArrayOf(FullRangeDoubles.NonNegative, d)), (1, FullRangeDoubles.SignedOrOneScale(d).Select(x => x.Select(Math.Abs).ToArray())))
         select (g, sigma)).ToArbitrary(),
        c =>
        {
            var (g, sigma) = c;
            double computed = ExactOf(g, sigma)!.Value;
            Fraction trace = Fraction.Zero, norm2 = Fraction.Zero;
            foreach (double v in sigma)
                trace += ExactDouble.ToFraction(v) * ExactDouble.ToFraction(v);
            foreach (double v in g)
                norm2 += ExactDouble.ToFraction(v) * ExactDouble.ToFraction(v);
            string at = $"∇f = [{string.Join(", ", g.Select(v => v.ToString("R")))}], σ = [{string.Join(", ", sigma.Select(v => v.ToString("R")))}]";
            if (trace.IsZero)
                return (computed == 0).Label($"{at}: σ = 0 but η² = {computed:R}");
            if (norm2.IsZero)
                return (computed == double.PositiveInfinity).Label($"{at}: ∇f = 0 but η² = {computed:R}");
            return ExactAgreement.Within(computed, RationalInterval.Exact(trace / norm2), 4 * g.Length + 1, at);
        });

    /// <summary>
    /// σ = 2^-600 with ∇f = 2^-700: σ² underflowed to 0, so the old η² was 0 for the exact 2^200; σ = ∇f = 2^700: σ²
    /// overflowed, so the old η² was rejected (variance not finite, naming θ) for the exact 1; σ = (2^600, 1) with
    /// ∇f = (2^600, 0): the exact (2^1200 + 1)/2^1200 rounds to 1. Each failed on the old code.
    /// </summary>
    [Fact]
    public void Exact_WhereTheSquaresLeaveTheRange_IsTheRatio()
    {
        Assert.Equal(Math.ScaleB(1.0, 200), ExactOf([Math.ScaleB(1.0, -700)], [Math.ScaleB(1.0, -600)]));
        Assert.Equal(1.0, ExactOf([Math.ScaleB(1.0, 700)], [Math.ScaleB(1.0, 700)]));
        Assert.Equal(1.0, ExactOf([Math.ScaleB(1.0, 600), 0], [Math.ScaleB(1.0, 600), 1]));
    }
}
