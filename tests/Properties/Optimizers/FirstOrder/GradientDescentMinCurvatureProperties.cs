using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Exact;
using Verification.Optimizers.FirstOrder;
using Verification.Optimizers.Guarantees;
using Verification.Tests.Properties.Numerics;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.FirstOrder;

/// <summary>
/// The μ of <see cref="GradientDescent"/>'s declared linear rate over every η it accepts (2^-1026 to double.MaxValue):
/// the least double at or above 1/(8η), compared in exact rationals: μ·η ≥ 1/8 and (the next double down)·η &lt; 1/8.
/// A μ below 1/(8η) would put a spectrum at μ outside [1/(8η), 15/(8η)], where the declared rate (7/8)² holds; to
/// nearest (the old code) μ was below at about half the η (η = 3: 0.041666666666666664 &lt; 1/24).
/// </summary>
[Properties(MaxTest = 500)]
public class GradientDescentMinCurvatureProperties
{
    private static readonly Fraction OneEighth = new(1, 8);

    [Property]
    public Property MinCurvature_IsOneOverEightEtaRoundedUp() => Prop.ForAll(
        FullRangeDoubles.Positive.Where(eta => eta >= GradientDescent.MinStepSize).ToArbitrary(),
        eta =>
        {
            double mu = new GradientDescent(eta).Guarantees.OfType<LinearConvergenceOnQuadratics>().Single().MinCurvature;
            var e = ExactDouble.ToFraction(eta);
            bool above = ExactDouble.ToFraction(mu) * e >= OneEighth;
            bool least = ExactDouble.ToFraction(Math.BitDecrement(mu)) * e < OneEighth;
            return (above && least).Label($"η = {eta:R}: μ = {mu:R}, μ·η ≥ 1/8: {above}, the double below gives < 1/8: {least}");
        });

    /// <summary>η = 3: 0.125/3 rounds to nearest down to 0.041666666666666664 (the old μ, below 1/24); now the next double up.</summary>
    [Fact]
    public void MinCurvature_WhereNearestIsBelow_IsTheNextDoubleUp() =>
        Assert.Equal(0.04166666666666667, new GradientDescent(3).Guarantees.OfType<LinearConvergenceOnQuadratics>().Single().MinCurvature);
}
