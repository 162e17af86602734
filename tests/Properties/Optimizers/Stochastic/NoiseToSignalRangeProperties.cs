using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.Stochastic;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// η² = tr(s)/‖g‖² (thesis eq. 4.9, <see cref="NoiseToSignal.Estimate"/>) over the whole double range (issue 15, item 1):
/// against the exact rational Σs_i/Σg_i² built from the inputs, within the (3d + 1) ulp of the doc comment, ±∞ exactly
/// where the exact ratio is beyond double.MaxValue (or g = 0 ≠ tr(s)).
/// </summary>
[Properties(MaxTest = 300)]
public class NoiseToSignalRangeProperties
{
    [Property]
    public Property Estimate_IsWithinItsBoundOfTheExactRatio() => Prop.ForAll(
        (from d in Gen.Choose(1, 4)
         from g in Gen.ArrayOf(FullRangeDoubles.Signed, d)
         from s in Gen.ArrayOf(FullRangeDoubles.NonNegative, d)
         select (g, s)).ToArbitrary(),
        c =>
        {
            var (g, s) = c;
            double computed = NoiseToSignal.Estimate(new GradientSample(Vector<double>.Build.DenseOfArray(g), 2, Vector<double>.Build.DenseOfArray(s)));
            Fraction trace = Fraction.Zero, norm2 = Fraction.Zero;
            foreach (double v in s)
                trace += ExactDouble.ToFraction(v);
            foreach (double v in g)
                norm2 += ExactDouble.ToFraction(v) * ExactDouble.ToFraction(v);
            string at = $"g = [{string.Join(", ", g.Select(v => v.ToString("R")))}], s = [{string.Join(", ", s.Select(v => v.ToString("R")))}]";
            if (trace.IsZero)
                return (computed == 0).Label($"{at}: tr(s) = 0 but η² = {computed:R}");
            if (norm2.IsZero)
                return (computed == double.PositiveInfinity).Label($"{at}: g = 0 but η² = {computed:R}");
            return ExactAgreement.Within(computed, RationalInterval.Exact(trace / norm2), 3 * g.Length + 1, at);
        });
}
