using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.FirstOrder;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Verification.Tests.Properties.Optimizers.NaturalGradient;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.FirstOrder;

/// <summary>
/// <see cref="GradientDescent.Update"/> over the whole double range: with η and every ∇f(θ)_i drawn from subnormals to
/// ±double.MaxValue (and ±0), each entry is the exact −η·g_i correctly rounded (one multiplication, ½ ulp), or, where
/// an exact entry is at or beyond the overflow threshold (double.MaxValue + ½ ulp, where IEEE gives ±∞), the update
/// is an ArgumentException naming theta. The reference is the exact rational product rounded once
/// (<see cref="ExactDouble.ToDouble"/>), so the comparison is bit for bit (a zero result compared by value). η below
/// 2^-1026 is rejected by the constructor naming stepSize (documented there); every η from 2^-1026 to double.MaxValue
/// constructs, with its declared guarantees' curvatures finite.
/// </summary>
[Properties(MaxTest = 500)]
public class GradientDescentRangeProperties
{
    [Property]
    public Property Update_IsTheCorrectlyRoundedStepOrRejected() => Prop.ForAll(
        (from eta in FullRangeDoubles.Positive
         from n in Gen.Choose(1, 4)
         from g in FullRangeDoubles.Signed.ArrayOf(n)
         select (eta, g)).ToArbitrary(),
        c =>
        {
            var exact = c.g.Select(gi => -ExactDouble.ToFraction(c.eta) * ExactDouble.ToFraction(gi)).ToArray();
            bool overflows = exact.Any(x => Fractions.Fraction.Abs(x) >= ExactAgreement.OverflowThreshold);
            var objective = new GivenCurvature(new double[c.g.Length], c.g);
            var theta = Vector<double>.Build.Dense(c.g.Length);
            string label = $"η = {c.eta:R}, g = ({string.Join(", ", c.g.Select(x => x.ToString("R")))})";
            if (c.eta < Math.ScaleB(1.0, -1026))
            {
                var rejected = Record.Exception(() => new GradientDescent(c.eta));
                return (rejected is ArgumentException { ParamName: "stepSize" } e0 && e0.Message.Contains("at least 2^-1026"))
                    .Label($"{label}: η below 2^-1026 gave {rejected?.Message ?? "no rejection"}");
            }
            GradientDescent optimizer;
            try
            {
                optimizer = new GradientDescent(c.eta);
            }
            catch (ArgumentException e)
            {
                return false.Label($"{label}: the constructor rejected η ({e.Message})");
            }
            try
            {
                var step = optimizer.Update(objective, theta);
                if (overflows)
                    return false.Label($"{label}: an exact entry overflows, but the step {step} was returned");
                for (int i = 0; i < exact.Length; i++)
                    if (step[i] != ExactDouble.ToDouble(exact[i]))
                        return false.Label($"{label}: entry {i} = {step[i]:R}, correctly rounded {ExactDouble.ToDouble(exact[i]):R}");
                return true.ToProperty();
            }
            catch (ArgumentException e)
            {
                return (overflows && e.ParamName == "theta" && e.Message.Contains("beyond the double range"))
                    .Label($"{label}: rejected ({e.Message}), exact entries overflow: {overflows}");
            }
        });

    /// <summary>
    /// η = 1e308 and η = MaxValue: 8η overflowed, so μ = 1/(8η) was 0 and the constructor rejected η naming minCurvature
    /// (failing on the old code). Now μ = 0.125/η, the exact 1/(8η) rounded up (subnormal here), and L = 1/η.
    /// </summary>
    [Theory]
    [InlineData(1e308)]
    [InlineData(double.MaxValue)]
    [InlineData(1.390671161567e-309)]
    public void Constructor_AtTheEndsOfItsRange_DeclaresFiniteCurvatures(double eta)
    {
        Assert.Equal(GradientDescent.MinStepSize, Math.ScaleB(1.0, -1026));
        var rate = new GradientDescent(eta).Guarantees.OfType<Verification.Optimizers.Guarantees.LinearConvergenceOnQuadratics>().Single();
        var exactMu = Fractions.Fraction.One / (8 * ExactDouble.ToFraction(eta));
        var exactL = Fractions.Fraction.One / ExactDouble.ToFraction(eta);
        Assert.True(ExactDouble.ToFraction(rate.MinCurvature) >= exactMu && ExactDouble.ToFraction(Math.BitDecrement(rate.MinCurvature)) < exactMu); // rounded up
        Assert.Equal(Math.Min(ExactDouble.ToDouble(exactL), double.MaxValue), rate.MaxCurvature);
    }

    /// <summary>η just below 2^-1026 is rejected naming stepSize and the range (it was rejected naming maxCurvature).</summary>
    [Fact]
    public void Constructor_BelowItsRange_NamesStepSize()
    {
        var e = Assert.Throws<ArgumentException>(() => new GradientDescent(Math.BitDecrement(GradientDescent.MinStepSize)));
        Assert.Equal("stepSize", e.ParamName);
        Assert.Contains("at least 2^-1026", e.Message);
    }
}
