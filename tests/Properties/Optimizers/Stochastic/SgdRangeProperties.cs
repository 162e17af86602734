using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.Stochastic;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// SGD's rule Δ = −α·g (thesis eq. 3.7) over the whole double range: α ≥ 0 and every g_i from subnormals to
/// ±double.MaxValue and ±0; each entry is the exact product rounded once (bit for bit against the rational), or, where an
/// exact entry is at or beyond the overflow threshold (MaxValue + ½ ulp), an ArgumentException naming the gradient.
/// </summary>
[Properties(MaxTest = 500)]
public class SgdRangeProperties
{
    private static Vector<double> Step(double alpha, double[] g) =>
        new Sgd(alpha).StartRule().Step(Vector<double>.Build.Dense(g.Length), new GradientSample(Vector<double>.Build.DenseOfArray(g), 1, null), 0);

    [Property]
    public Property Step_IsTheCorrectlyRoundedProductOrRejected() => Prop.ForAll(
        (from alpha in FullRangeDoubles.NonNegative
         from n in Gen.Choose(1, 4)
         from g in FullRangeDoubles.Signed.ArrayOf(n)
         select (alpha, g)).ToArbitrary(),
        c =>
        {
            var exact = c.g.Select(gi => -ExactDouble.ToFraction(c.alpha) * ExactDouble.ToFraction(gi)).ToArray();
            bool overflows = exact.Any(x => Fractions.Fraction.Abs(x) >= ExactAgreement.OverflowThreshold);
            string label = $"α = {c.alpha:R}, g = ({string.Join(", ", c.g.Select(x => x.ToString("R")))})";
            try
            {
                var step = Step(c.alpha, c.g);
                return (!overflows && exact.Select((x, i) => step[i] == ExactDouble.ToDouble(x)).All(ok => ok))
                    .Label($"{label}: {step}, exact overflow {overflows}");
            }
            catch (ArgumentException e)
            {
                return (overflows && e.ParamName == "gradient" && e.Message.Contains("beyond the double range")).Label($"{label}: {e.Message}");
            }
        });

    /// <summary>
    /// α = 0 with g = ∞ gave NaN (0·∞) and α = 10 with g = 1e308 gave −∞; both are now rejected naming the gradient
    /// (each fails on the old code).
    /// </summary>
    [Theory]
    [InlineData(0.0, double.PositiveInfinity, "finite gradient")]
    [InlineData(0.5, double.NaN, "finite gradient")]
    [InlineData(10.0, 1e308, "beyond the double range")]
    public void Step_WithANonFiniteOrOverflowingEntry_IsRejectedNamingTheGradient(double alpha, double g, string reason)
    {
        var e = Assert.Throws<ArgumentException>(() => Step(alpha, [1.0, g]));
        Assert.Equal("gradient", e.ParamName);
        Assert.Contains(reason, e.Message);
    }
}
