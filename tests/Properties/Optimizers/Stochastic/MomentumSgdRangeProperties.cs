using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers;
using Verification.Optimizers.Stochastic;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// Momentum SGD's first step over the whole double range: lr ≥ 0, β ∈ [0, 1) and g_i from subnormals to
/// ±double.MaxValue. Exact reference −lr·(1 − β)·g (dampened) or −lr·g (heavy ball) as rationals. Bound (u = 2^-53): the
/// roundings of 1 − β, gain·g and lr·m, three in all (β·0 + x is exact), so within 3 ulp (relative γ₃ &lt; 3 ulp, and ½ of
/// 2^-1074 where the step is subnormal) wherever the exact m = gain·g is 0 or normal; below 2^-1022 m's absolute
/// rounding is scaled by lr (documented on the rule), so those cases are only required finite. Where the exact step is at
/// or beyond the overflow threshold the step must be an ArgumentException naming the gradient.
/// </summary>
[Properties(MaxTest = 500)]
public class MomentumSgdRangeProperties
{
    private static readonly Fraction MinNormal = ExactDouble.ToFraction(PowerOfTwoScaling.MinNormal);

    private static Vector<double> RuleStep(double lr, double beta, bool dampened, double[] g)
    {
        var gradient = Vector<double>.Build.DenseOfArray(g);
        var objective = new ScriptedStochasticObjective(Vector<double>.Build.Dense(g.Length), null, new GradientSample(gradient, 1, null));
        return new MomentumSgd(lr, beta, dampened).Start(objective, Vector<double>.Build.Dense(g.Length)).Step();
    }

    [Property]
    public Property FirstStep_IsWithinThreeUlpOrRejected() => Prop.ForAll(
        (from lr in FullRangeDoubles.NonNegative
         from beta in Gen.Frequency((1, Gen.Constant(0.0)), (4, Gen.Choose(1, 1 << 30).Select(k => k / (double)(1L << 30) * 0.999)))
         from dampened in Gen.Elements(true, false)
         from n in Gen.Choose(1, 3)
         from g in FullRangeDoubles.Signed.ArrayOf(n)
         select (lr, beta, dampened, g)).ToArbitrary(),
        c =>
        {
            var gain = c.dampened ? 1 - ExactDouble.ToFraction(c.beta) : Fraction.One;
            var exactM = c.g.Select(gi => gain * ExactDouble.ToFraction(gi)).ToArray();
            var exact = exactM.Select(m => -ExactDouble.ToFraction(c.lr) * m).ToArray();
            bool overflows = exact.Any(x => Fraction.Abs(x) >= ExactAgreement.OverflowThreshold);
            string label = $"lr = {c.lr:R}, β = {c.beta:R}, dampened {c.dampened}, g = ({string.Join(", ", c.g.Select(x => x.ToString("R")))})";
            Vector<double> step;
            try
            {
                step = RuleStep(c.lr, c.beta, c.dampened, c.g);
            }
            catch (ArgumentException e)
            {
                return (overflows && e.ParamName == "gradient" && e.Message.Contains("beyond the double range")).Label($"{label}: {e.Message}");
            }
            var result = (!overflows && step.All(double.IsFinite)).Label($"{label}: {step}, an exact entry overflows: {overflows}");
            for (int i = 0; i < c.g.Length; i++)
                if (exactM[i] == Fraction.Zero || Fraction.Abs(exactM[i]) >= MinNormal)
                    result = result.And(ExactAgreement.Within(step[i], RationalInterval.Exact(exact[i]), 3, $"{label}, entry {i}"));
            return result;
        });

    /// <summary>A NaN or ∞ gradient entry gave a NaN or ±∞ step; now rejected naming the gradient (fails on the old code).</summary>
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Step_WithANonFiniteGradient_IsRejected(double g)
    {
        var e = Assert.Throws<ArgumentException>(() => RuleStep(0.1, 0.9, true, [1.0, g]));
        Assert.Equal("gradient", e.ParamName);
    }
}
