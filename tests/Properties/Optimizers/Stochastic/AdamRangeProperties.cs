using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.Stochastic;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// Adam's rule over the whole gradient range with a constant gradient g: then m̃_n = (1 − β₁ⁿ)g and ṽ_n = (1 − β₂ⁿ)g²
/// exactly (β the doubles, 1 − β exact for β ∈ {0} ∪ [½, 1)), so the bias-corrected m = g and v = g², and every step n
/// has the exact reference −α·g/(|g| + ε).
/// Bound, counted per step n: m̃ gains at most 3u a step after the first (two products and a sum, all terms of g's sign),
/// (3n − 2)u; ṽ 2u a step, 2n·u; the bias corrections are within 4 ulp (8u) each, ÷c₁ and ÷c₂ add u; √ halves ṽ's
/// error and adds u, + ε and ÷ add u each, ×α u: (4n + 15.5)u relative, at most (4n + 15.5) ulp. The rounding of the
/// scaled mean's step into the subnormals adds ½ ulp, and a subnormal v with ε ≥ 2^-480·max(1, 1/√(1024(1 − β₂))) moves
/// √ṽ + ε by at most 2u·ε (Adam's remarks): 4n + 18 ulp in all.
/// Before the scaled mean (stop 42), a subnormal m̃ was rounded to the 2^-1074 grid: ε = 1e-8, g = −1e-320 gave
/// 9.98e-316 for the exact 1.0e-315 (about 400 ulp), which this property finds within a few dozen cases.
/// </summary>
[Properties(MaxTest = 400)]
public class AdamRangeProperties
{
    private static readonly Gen<double> Betas = Gen.Frequency(
        (1, Gen.Constant(0.0)),
        (4, Gen.Elements(0.5, 0.9, 0.99, 0.999, 1 - Math.ScaleB(1.0, -53))),
        (2, Gen.Choose(0, 1 << 30).Select(k => 0.5 + k * Math.ScaleB(1.0, -32))));

    private static readonly Gen<double> Epsilons = Gen.Frequency(
        (2, Gen.Elements(0.0, 1e-8, Adam.SmallEpsilon, 1.0)),
        (2, FullRangeDoubles.NonNegative));

    /// <summary>A constant gradient, mostly within |g| ≤ 2^511 (beyond it Adam rejects naming 2^511).</summary>
    private static readonly Gen<double> Gradients = Gen.Frequency(
        (6, FullRangeDoubles.Signed.Where(g => Math.Abs(g) <= Math.ScaleB(1.0, 511))),
        (2, FullRangeDoubles.Subnormal.SelectMany(g => Gen.Elements(g, -g))),
        (1, FullRangeDoubles.Signed));

    [Property]
    public Property ConstantGradientSteps_AreWithinTheirBoundOrRejected() => Prop.ForAll(
        (from alpha in FullRangeDoubles.NonNegative
         from beta1 in Betas
         from beta2 in Betas
         from epsilon in Epsilons
         from g in Gradients
         from steps in Gen.Choose(1, 4)
         select (alpha, beta1, beta2, epsilon, g, steps)).ToArbitrary(),
        c =>
        {
            string label = $"α = {c.alpha:R}, β₁ = {c.beta1:R}, β₂ = {c.beta2:R}, ε = {c.epsilon:R}, g = {c.g:R}";
            var rule = new Adam(c.alpha, c.beta1, c.beta2, c.epsilon).StartRule(1);
            var theta = Vector<double>.Build.Dense(1);
            var sample = new GradientSample(Vector<double>.Build.DenseOfArray([c.g]), 1, null);
            var fg = ExactDouble.ToFraction(c.g);
            // g = 0 gives m = 0 and the step 0 (Direction's 0/(√0 + ε), and its documented 0 at ε = 0).
            var exact = RationalInterval.Exact(fg.IsZero ? Fraction.Zero
                : -ExactDouble.ToFraction(c.alpha) * fg / (Fraction.Abs(fg) + ExactDouble.ToFraction(c.epsilon)));
            for (int n = 1; n <= c.steps; n++)
            {
                double step;
                try
                {
                    step = rule.Step(theta, sample, n - 1)[0];
                }
                catch (ArgumentException e)
                {
                    return (e.ParamName == "gradient" && (RejectionAllowed(c.beta2, c.epsilon, c.g, n, e.Message)
                            || NearOverflow(exact.Lower, n) && e.Message.Contains("beyond the double range")))
                        .Label($"{label}, step {n}: {e.Message}");
                }
                double error = ExactDouble.UlpError(step, exact);
                if (!(error <= 4 * n + 18))
                    return false.Label($"{label}, step {n}: {step:R}, exact {ExactDouble.ToDouble(exact.Lower):R}, {error} ulp");
            }
            return true.Label(label);
        });

    /// <summary>
    /// A computed step beyond ±MaxValue is rejected; with the step's bound the exact one is then within (4n + 18) ulp of
    /// MaxValue or beyond (α = MaxValue⁻, ε = 1e-300: the computed ratio g/(√v + ε) rounds above 1).
    /// </summary>
    private static bool NearOverflow(Fraction exact, int n) =>
        Fraction.Abs(exact) >= ExactDouble.ToFraction(double.MaxValue) - (4 * n + 18) * ExactDouble.ToFraction(Math.ScaleB(1.0, 971));

    /// <summary>
    /// Beyond 2^511 (g² not a double); or ε below the small-ε threshold with the moving average of g² before the bias
    /// correction, (1 − β₂ⁿ)g² exactly, below 2^-1022 (to a relative 2^-40: the computed one may round just below).
    /// </summary>
    private static bool RejectionAllowed(double beta2, double epsilon, double g, int n, string message)
    {
        if (Math.Abs(g) > Math.ScaleB(1.0, 511))
            return message.Contains("2^511");
        bool epsilonTooSmall = epsilon < Adam.SmallEpsilon || epsilon * Math.Sqrt(1024 * (1 - beta2)) < Adam.SmallEpsilon;
        var b2 = ExactDouble.ToFraction(beta2);
        var v = (Fraction.One - Fraction.Pow(b2, n)) * ExactDouble.ToFraction(g) * ExactDouble.ToFraction(g);
        return epsilonTooSmall && v < ExactDouble.ToFraction(Math.ScaleB(1.0, -1022)) * (1 + ExactDouble.ToFraction(Math.ScaleB(1.0, -40)))
            && message.Contains("below 2^-1022");
    }

    /// <summary>
    /// A computed step beyond the range was −∞ (α = MaxValue⁻, β₁ = 0, β₂ = 0.9, ε = 1e-300: the second step's ratio
    /// g/(√v + ε) rounds to 1 + 2^-52); it is now rejected naming the gradient, the exact step being within the step's
    /// error of MaxValue (fails on the old code).
    /// </summary>
    [Fact]
    public void StepThatRoundsBeyondTheRange_IsRejectedNamingTheGradient()
    {
        double alpha = Math.BitDecrement(double.MaxValue), g = 2.0501330894674953e-143;
        var rule = new Adam(alpha, 0, 0.9, 1e-300).StartRule(1);
        var sample = new GradientSample(Vector<double>.Build.DenseOfArray([g]), 1, null);
        Assert.Equal(-alpha, rule.Step(Vector<double>.Build.Dense(1), sample, 0)[0]);
        var e = Assert.Throws<ArgumentException>(() => rule.Step(Vector<double>.Build.Dense(1), sample, 1));
        Assert.Equal("gradient", e.ParamName);
        Assert.Contains("beyond the double range", e.Message);
    }

    /// <summary>
    /// A subnormal mean m̃ (fails on the old code, which rounded m̃ to the 2^-1074 grid): the first and third steps of a
    /// constant gradient within the property's bound; ε = 1e-8, g = −1e-320 gave 9.98e-316 for 1.0e-315, and α = 1e10,
    /// g = 1e-315 a normal step 1e-297 about 1e8 ulp off.
    /// </summary>
    [Theory]
    [InlineData(0.001, 1e-8, -1e-320)]
    [InlineData(1e10, 1e-8, 1e-315)]
    [InlineData(1e300, 1.0, 4.9406564584124654e-324)]
    [InlineData(1.7976931348623157e308, 3.2033329522929615e-145, -2.2250738585072009e-308)]
    [InlineData(1e300, 2.961193260766428e225, 2.8440215324133162e-192)] // m/(√v + ε) = 9.6e-418 underflowed: −0 for −9.6e-118
    public void SubnormalMean_StepsAreAccurate(double alpha, double epsilon, double g)
    {
        var rule = new Adam(alpha, epsilon: epsilon).StartRule(1);
        var sample = new GradientSample(Vector<double>.Build.DenseOfArray([g]), 1, null);
        var fg = ExactDouble.ToFraction(g);
        var exact = RationalInterval.Exact(-ExactDouble.ToFraction(alpha) * fg / (Fraction.Abs(fg) + ExactDouble.ToFraction(epsilon)));
        for (int n = 1; n <= 3; n++)
        {
            double step = rule.Step(Vector<double>.Build.Dense(1), sample, n - 1)[0];
            double error = ExactDouble.UlpError(step, exact);
            Assert.True(error <= 4 * n + 18, $"step {n}: {step:R}, exact {ExactDouble.ToDouble(exact.Lower):R}, {error} ulp");
        }
    }
}
