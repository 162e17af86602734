using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Sign;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Optimizers.NaturalGradient;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Sign;

/// <summary>
/// <see cref="SignGradientDescent.Update"/> (balles-thesis eq. 6.1) over the whole double range: for α and every ∇f(θ)_i
/// from subnormals to ±double.MaxValue, ±0 and ±∞, the step is exactly −α·sign(g_i) (−α, +α or a zero; no rounding), and
/// a gradient entry that is NaN is an ArgumentException naming theta, never another exception or a NaN step.
/// </summary>
[Properties(MaxTest = 300)]
public class SignGradientDescentRangeProperties
{
    private static Vector<double> Update(double alpha, double[] g) =>
        new SignGradientDescent(alpha).Update(new GivenCurvature(new double[g.Length], g), Vector<double>.Build.Dense(g.Length));

    [Property]
    public Property Update_IsExactlyMinusAlphaTimesTheSign() => Prop.ForAll(
        (from alpha in FullRangeDoubles.Positive
         from n in Gen.Choose(1, 4)
         from g in Gen.Frequency(
             (8, FullRangeDoubles.Signed),
             (1, Gen.Elements(double.PositiveInfinity, double.NegativeInfinity))).ArrayOf(n)
         select (alpha, g)).ToArbitrary(),
        c =>
        {
            var step = Update(c.alpha, c.g);
            var expected = c.g.Select(gi => gi > 0 ? -c.alpha : gi < 0 ? c.alpha : 0.0).ToArray();
            return expected.Select((x, i) => x == step[i]).All(ok => ok)
                .Label($"α = {c.alpha:R}, g = ({string.Join(", ", c.g.Select(x => x.ToString("R")))}): {step}");
        });

    /// <summary>
    /// A NaN gradient entry (an objective outside the library may return one) has no sign: rejected naming theta. It was
    /// an ArithmeticException from Math.Sign, which broke StatelessOptimizer's contract (finite or ArgumentException).
    /// </summary>
    [Fact]
    public void Update_WithANaNGradientEntry_IsRejectedNamingTheta()
    {
        var e = Assert.Throws<ArgumentException>(() => Update(0.5, [1.0, double.NaN]));
        Assert.Equal("theta", e.ParamName);
        Assert.Contains("entry 1 is NaN", e.Message);
    }
}
