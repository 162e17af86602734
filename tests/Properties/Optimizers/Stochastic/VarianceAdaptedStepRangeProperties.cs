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
/// The first two steps of SVAG and M-SVAG (thesis Algs. 4 and 2, §5.4.4; <see cref="VarianceAdapted"/>'s rule) over the
/// whole range of α &gt; 0 and of the gradients g_0 = a_0·2^s, g_1 = a_1·2^s (|a_j| ≤ 2^10, s from −1074, so g_j
/// subnormal, to 501, so |g_j| ≤ 2^511), with β = j/1024. Those inputs make the moving averages m̃, ṽ and the bias
/// correction 1 − β^(t+1) exact (at most 40 significant bits each), so the exact step −α·γ·x (x = g_t or m_t) is a
/// rational of the inputs: step 0 is −α·g_0 (γ = 1, m_0 = g_0), step 1 has m = (1 − β)(βg_0 + g_1)/(1 − β²),
/// v = (1 − β)(βg_0² + g_1²)/(1 − β²), ŝ = (v − m²)/(1 − ρ) (eq. 5.16), γ = m²/(m² + κŝ) (eqs. 5.17, 5.19).
/// Bound (u = 2^-53), relative: m and v are each rounded once (m/c, v/c); γ's condition number in them is at most
/// (x + A/B)/(1 + x) ≤ 1 + A/B per unit of v/m² (x = (A/B)·(v − m²)/m², A/B = κ/(1 − ρ) from Factor's doc), so
/// γ(m̂, v̂) is within 3.1u·(1 + A/B) of γ (3u first order; 0.1u covers the second order, below 10^-12·u for β ≥ 2^-10);
/// Factor is within 28 ulp ≤ 56u of γ(m̂, v̂) (its doc, relative also where it is subnormal, as mantissa·2^exponent);
/// x = m̂ adds u (M-SVAG); the product α·γ·x two roundings. Absolute: 2^-1074 for a subnormal step (one final rounding
/// after a rounded mantissa). A step whose exact value is beyond ±MaxValue is an ArgumentException naming the sample;
/// one within the bound of the threshold may be either.
/// </summary>
[Properties(MaxTest = 400)]
public class VarianceAdaptedStepRangeProperties
{
    private static readonly Fraction U = ExactDouble.Pow2(-53);

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>The steps Δθ_0, Δθ_1 of the rule on the scripted gradients (an exception is returned, not thrown).</summary>
    private static (double[] Steps, ArgumentException? Error) Run(double alpha, double beta, bool momentum, double g0, double g1)
    {
        var (run, _) = Scripted(alpha, beta, [g0, g1], momentum);
        var steps = new List<double>();
        try
        {
            steps.Add(run.Step()[0]);
            steps.Add(run.Step()[0]);
            return ([.. steps], null);
        }
        catch (ArgumentException e)
        {
            return ([.. steps], e);
        }
    }

    /// <summary>The exact steps and each one's relative bound, as above.</summary>
    private static (Fraction Step, Fraction Relative)[] Exact(double alpha, double beta, bool momentum, double g0, double g1)
    {
        Fraction a = ExactDouble.ToFraction(alpha), b = ExactDouble.ToFraction(beta);
        Fraction x0 = ExactDouble.ToFraction(g0), x1 = ExactDouble.ToFraction(g1);
        var product = (1 + U) * (1 + U) - 1;
        var first = (-a * x0, product);
        var c = 1 - b * b;
        var m = (1 - b) * (b * x0 + x1) / c;
        var v = (1 - b) * (b * x0 * x0 + x1 * x1) / c;
        var rho = (1 - b) * (1 + b * b) / ((1 + b) * c);
        var kappa = momentum ? rho : Fraction.One;
        var gamma = m == 0 ? Fraction.Zero : m * m / (m * m + kappa * (v - m * m) / (1 - rho));
        var ab = kappa / (1 - rho);
        var relative = (1 + 31 * U / 10 * (1 + ab)) * (1 + 56 * U) * (momentum ? 1 + U : Fraction.One) * (1 + product) - 1;
        var second = (-a * gamma * (momentum ? m : x1), relative);
        return [first, second];
    }

    [Property]
    public Property FirstTwoSteps_AreWithinTheirBoundOfTheExactStepsOrRejected() => Prop.ForAll(
        (from alpha in FullRangeDoubles.Positive
         from j in Gen.Choose(1, 1023)
         from a0 in Gen.Choose(-1024, 1024)
         from a1 in Gen.Choose(-1024, 1024)
         from s in Gen.Frequency((3, Gen.Choose(-1074, 501)), (1, Gen.Choose(-1074, -1000)), (1, Gen.Choose(450, 501)))
         from momentum in Gen.Elements(false, true)
         select (alpha, beta: j / 1024.0, g0: Math.ScaleB(a0, s), g1: Math.ScaleB(a1, s), momentum)).ToArbitrary(),
        c =>
        {
            var (steps, error) = Run(c.alpha, c.beta, c.momentum, c.g0, c.g1);
            var exact = Exact(c.alpha, c.beta, c.momentum, c.g0, c.g1);
            string label = $"α = {c.alpha:R}, β = {c.beta:R}, g = ({c.g0:R}, {c.g1:R}), {(c.momentum ? "M-SVAG" : "SVAG")}";
            var tiny = ExactDouble.Pow2(-1074);
            for (int t = 0; t < 2; t++)
            {
                var (step, relative) = exact[t];
                var magnitude = Fraction.Abs(step);
                if (t == steps.Length)
                {
                    bool mayOverflow = magnitude * (1 + relative) + tiny >= ExactAgreement.OverflowThreshold;
                    return (mayOverflow && error!.ParamName == "sample" && error.Message.Contains("beyond the double range"))
                        .Label($"{label}: step {t} rejected ({error?.Message}), exact ≈ {ExactDouble.ToDouble(step):R}");
                }
                if (!double.IsFinite(steps[t]) || Fraction.Abs(ExactDouble.ToFraction(steps[t]) - step) > relative * magnitude + tiny)
                    return false.Label($"{label}: step {t} = {steps[t]:R}, exact ≈ {ExactDouble.ToDouble(step):R}, bound {ExactDouble.ToDouble(relative * magnitude + tiny):R}");
            }
            return true.Label(label);
        });

    /// <summary>
    /// Steps 0 to 4 of SVAG and M-SVAG on inputs that keep the moving averages exact for five steps: β = j/64 and
    /// g_t = a_t·2^s with |a_t| ≤ 2^6 (m̃_4 needs at most 37 significant bits, ṽ_4 at most 46, 1 − β^5 30), s from −1074 to
    /// 505. Step t has m = (1 − β)Σ_k β^(t−k)g_k/(1 − β^(t+1)), v likewise with g_k², ρ(β, t) =
    /// (1 − β)(1 + β^(t+1))/((1 + β)(1 − β^(t+1))), ŝ = (v − m²)/(1 − ρ), γ = m²/(m² + κŝ), and the same relative bound
    /// as the first two steps (m and v each rounded once, γ's condition number at most 1 + κ/(1 − ρ), Factor's 28 ulp, the
    /// product): the rule's remarks state it for every step where the recursions are exact, and this checks it there.
    /// </summary>
    [Property]
    public Property FirstFiveSteps_OnExactlyAveragedInputs_AreWithinTheirBoundOrRejected() => Prop.ForAll(
        (from alpha in FullRangeDoubles.Positive
         from j in Gen.Choose(1, 63)
         from count in Gen.Choose(3, 5)
         from a in Gen.ArrayOf(Gen.Choose(-64, 64), count)
         from s in Gen.Frequency((3, Gen.Choose(-1074, 505)), (1, Gen.Choose(-1074, -1000)), (1, Gen.Choose(450, 505)))
         from momentum in Gen.Elements(false, true)
         select (alpha, beta: j / 64.0, g: a.Select(x => Math.ScaleB(x, s)).ToArray(), momentum)).ToArbitrary(),
        c =>
        {
            var (run, label) = Scripted(c.alpha, c.beta, c.g, c.momentum);
            Fraction alpha = ExactDouble.ToFraction(c.alpha), b = ExactDouble.ToFraction(c.beta), tiny = ExactDouble.Pow2(-1074);
            var product = (1 + U) * (1 + U) - 1;
            Fraction mean = 0, square = 0;
            for (int t = 0; t < c.g.Length; t++)
            {
                var x = ExactDouble.ToFraction(c.g[t]);
                mean = b * mean + (1 - b) * x;
                square = b * square + (1 - b) * x * x;
                Fraction step, relative;
                if (t == 0)
                    (step, relative) = (-alpha * x, product);
                else
                {
                    var power = Fraction.Pow(b, t + 1);
                    Fraction m = mean / (1 - power), v = square / (1 - power);
                    var rho = (1 - b) * (1 + power) / ((1 + b) * (1 - power));
                    var kappa = c.momentum ? rho : Fraction.One;
                    var gamma = m == 0 ? Fraction.Zero : m * m / (m * m + kappa * (v - m * m) / (1 - rho));
                    relative = (1 + 31 * U / 10 * (1 + kappa / (1 - rho))) * (1 + 56 * U) * (c.momentum ? 1 + U : Fraction.One) * (1 + product) - 1;
                    step = -alpha * gamma * (c.momentum ? m : x);
                }
                var magnitude = Fraction.Abs(step);
                double computed;
                try
                {
                    computed = run.Step()[0];
                }
                catch (ArgumentException e)
                {
                    bool mayOverflow = magnitude * (1 + relative) + tiny >= ExactAgreement.OverflowThreshold;
                    return (mayOverflow && e.ParamName == "sample" && e.Message.Contains("beyond the double range"))
                        .Label($"{label}: step {t} rejected ({e.Message}), exact ≈ {ExactDouble.ToDouble(step):R}");
                }
                if (!double.IsFinite(computed) || Fraction.Abs(ExactDouble.ToFraction(computed) - step) > relative * magnitude + tiny)
                    return false.Label($"{label}: step {t} = {computed:R}, exact ≈ {ExactDouble.ToDouble(step):R}, bound {ExactDouble.ToDouble(relative * magnitude + tiny):R}");
            }
            return true.Label(label);
        });

    /// <summary>
    /// Up to six steps on gradients whose moving averages the rule's recursions round (any β in (0, 1) down to subnormals
    /// and up to 1 − 2^-53, gradients with full 53-bit mantissas over the whole range up to 2^511, mixed in magnitude or at
    /// one scale; β mostly in (0, 1) at 20 bits, where γ is well conditioned), against the exact recursion of eqs.
    /// 5.16–5.19 carried in rationals. The rule's rounded m̃ and ṽ are within carried absolute bounds of the exact ones
    /// (each step: β·m̃ and the sum two roundings, γ₂; (1 − β)·g three, fl(1 − β), the product and the sum, γ₃; so
    /// E_t = β(1 + γ₂)E_{t−1} + γ₂·β|m̃*_{t−1}| + γ₃(1 − β)|g_t|, and for ṽ with g² one rounding more, γ₄), no absolute
    /// term (the scaled sums keep their mantissas). γ depends on m and v through r = m²/v = m̃²/(c·ṽ) only, as
    /// r/(r + A(1 − r)) with A = κ/(1 − ρ) (1 from r ≥ 1 on, where the rule clamps ŝ at 0), which increases with r; the rule's
    /// doubles m = m̃/c, v = ṽ/c (c within 4 ulp ≤ 8u, each quotient one rounding) put r within a relative η = (1 + u)²/((1 −
    /// u)(1 − 8u)) − 1 of m̃²/(c*·ṽ). So the computed γ lies in γ([r_lo, r_hi])·(1 ± 56u) (Factor's 28 ulp), r_lo and r_hi
    /// from m̃* ∓ E and ṽ* ± F, and the step −α·γ·x within that interval times x's (g exactly, or m̃/c within E and 9u)
    /// and two roundings, plus 2^-1074. The interval is wide where m̃ cancels (γ from 0) and for tiny β, where
    /// A ≈ 1/(2β) amplifies r's relative η: γ's own condition, not slack (β = 2^-60, g = (1, 1.5): γ ≈ 18/19 at step 1,
    /// the interval about [1.4e-3, 1]); elsewhere it is tight. A step
    /// whose interval reaches the overflow threshold may be rejected naming the sample; none other may.
    /// </summary>
    [Property]
    public Property Steps_OnRoundedAverages_AreWithinTheirCarriedBoundOrRejected() => Prop.ForAll(
        (from alpha in FullRangeDoubles.Positive
         from beta in Gen.Frequency((3, Gen.Choose(1, 1 << 20).Select(k => k / (double)((1 << 20) + 1))), (1, FullRangeDoubles.Beta.Where(b => b > 0)))
         from count in Gen.Choose(2, 6)
         from g in Gen.Frequency(
             (1, Gen.ArrayOf(FullRangeDoubles.Signed.Select(x => Math.Abs(x) > Math.ScaleB(1.0, 511) ? Math.ScaleB(x, -600) : x), count)),
             (2, from s in Gen.Choose(-1074, 500)
                 from values in Gen.ArrayOf(FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x)), count)
                 from shifts in Gen.ArrayOf(Gen.Choose(-3, 3), count)
                 select values.Select((v, k) => Math.Min(Math.Abs(Math.ScaleB(v, s + shifts[k])), Math.ScaleB(1.0, 511)) * Math.Sign(v)).ToArray()))
         from momentum in Gen.Elements(false, true)
         select (alpha, beta, g, momentum)).ToArbitrary(),
        c =>
        {
            var (run, label) = Scripted(c.alpha, c.beta, c.g, c.momentum);
            Fraction alpha = ExactDouble.ToFraction(c.alpha), b = ExactDouble.ToFraction(c.beta), tiny = ExactDouble.Pow2(-1074);
            Fraction gamma2 = ExactAgreement.Gamma(2), gamma3 = ExactAgreement.Gamma(3), gamma4 = ExactAgreement.Gamma(4);
            var eta = (1 + U) * (1 + U) / ((1 - U) * (1 - 8 * U)) - 1;
            var rounding = (1 + 56 * U) * (1 + U) * (1 + U) - 1;
            Fraction mean = 0, square = 0, meanError = 0, squareError = 0;
            for (int t = 0; t < c.g.Length; t++)
            {
                var x = ExactDouble.ToFraction(c.g[t]);
                meanError = b * (1 + gamma2) * meanError + gamma2 * b * Fraction.Abs(mean) + gamma3 * (1 - b) * Fraction.Abs(x);
                squareError = b * (1 + gamma2) * squareError + gamma2 * b * square + gamma4 * (1 - b) * x * x;
                mean = b * mean + (1 - b) * x;
                square = b * square + (1 - b) * x * x;
                var correction = 1 - Fraction.Pow(b, t + 1);
                RationalInterval gamma;
                if (t == 0)
                    gamma = RationalInterval.Exact(Fraction.One);
                else
                {
                    var power = Fraction.Pow(b, t + 1);
                    var rho = (1 - b) * (1 + power) / ((1 + b) * (1 - power));
                    var a = (c.momentum ? rho : Fraction.One) / (1 - rho);
                    Fraction high = Fraction.Abs(mean) + meanError, low = Fraction.Abs(mean) - meanError;
                    var rLow = low <= 0 ? Fraction.Zero : low * low / ((square + squareError) * correction) * (1 - eta);
                    var rHigh = square - squareError <= 0 ? (Fraction?)null : high * high / ((square - squareError) * correction) * (1 + eta);
                    gamma = new RationalInterval(Gamma(rLow, a), rHigh is { } r ? Gamma(r, a) : Fraction.One);
                }
                var along = c.momentum
                    ? new RationalInterval(mean - meanError, mean + meanError) / RationalInterval.Exact(correction)
                      * new RationalInterval((1 - U) / (1 + 8 * U), (1 + U) / (1 - 8 * U))
                    : RationalInterval.Exact(x);
                var step = RationalInterval.Exact(-alpha) * gamma * along * new RationalInterval(1 - rounding, 1 + rounding);
                var reach = Fraction.Abs(step.Lower) > Fraction.Abs(step.Upper) ? Fraction.Abs(step.Lower) : Fraction.Abs(step.Upper);
                double computed;
                try
                {
                    computed = run.Step()[0];
                }
                catch (ArgumentException e)
                {
                    return (reach + tiny >= ExactAgreement.OverflowThreshold && e.ParamName == "sample" && e.Message.Contains("beyond the double range"))
                        .Label($"{label}: step {t} rejected ({e.Message}), interval [{ExactDouble.ToDouble(step.Lower):R}, {ExactDouble.ToDouble(step.Upper):R}]");
                }
                var value = ExactDouble.ToFraction(double.IsFinite(computed) ? computed : 0);
                if (!double.IsFinite(computed) || value < step.Lower - tiny || value > step.Upper + tiny)
                    return false.Label($"{label}: step {t} = {computed:R} outside [{ExactDouble.ToDouble(step.Lower):R}, {ExactDouble.ToDouble(step.Upper):R}] ± 2^-1074");
            }
            return true.Label(label);
        });

    /// <summary>The rule (SVAG or M-SVAG) started on the scripted gradients g_0, g_1, …, and a label naming the case.</summary>
    private static (IOptimizerRun Run, string Label) Scripted(double alpha, double beta, double[] g, bool momentum)
    {
        var rule = momentum ? VarianceAdapted.MSvag(alpha, beta) : VarianceAdapted.Svag(alpha, beta);
        var objective = new ScriptedStochasticObjective(V(0), null, [.. g.Select(x => new GradientSample(V(x), 1, null))]);
        return (rule.Start(objective, V(0)),
            $"α = {alpha:R}, β = {beta:R}, g = ({string.Join(", ", g.Select(x => x.ToString("R")))}), {(momentum ? "M-SVAG" : "SVAG")}");
    }

    /// <summary>γ(r) = r/(r + A(1 − r)) for r in [0, 1), 1 from r = 1 on (ŝ clamped at 0).</summary>
    private static Fraction Gamma(Fraction r, Fraction a) => r >= 1 ? Fraction.One : r / (r + a * (1 - r));

    /// <summary>
    /// Cases the old rule got wrong, each failing on it: (1) β = 0.9, g = 3·2^-1074, α = 1e300: (1 − β)·g rounded to 0, so
    /// m = v = 0 and the step was 0 for the exact −α·g ≈ −1.5e-23; (2) SVAG, β = ½, g = (2^-600, −2^-600), α = 1: g² = 0,
    /// so v = 0 and γ = 1 at step 1 for the exact γ = 1/19 (step 2^-600/19, not 2^-600); (3) α = 1e300, g = 1e10: the
    /// first step was −∞ for the exact −1e310, now rejected naming the sample. Tolerances (u = 2^-53, k roundings within
    /// k·u relative, under k ulp): step 0 has m_0 = ((1 − β)·g)/c and α·m_0, four roundings (SVAG: one), so 4 ulp; step 1
    /// the property's bound at β = ½ (A/B = 9/4): 3.1·(13/4) + 56 + 2 &lt; 69 ulp.
    /// </summary>
    [Fact]
    public void Steps_TheOldRuleGotWrong_AreExactOrRejected()
    {
        double g = Math.ScaleB(3, -1074);
        foreach (bool momentum in new[] { false, true })
        {
            var (steps, error) = Run(1e300, 0.9, momentum, g, g);
            Assert.Null(error);
            var exact = -ExactDouble.ToFraction(1e300) * ExactDouble.ToFraction(g);
            Assert.True(ExactDouble.UlpError(steps[0], RationalInterval.Exact(exact)) <= 4, $"step 0 = {steps[0]:R}");
        }
        var (svag, _) = Run(1, 0.5, false, Math.ScaleB(1, -600), -Math.ScaleB(1, -600));
        var expected = ExactDouble.Pow2(-600) / 19;
        Assert.True(ExactDouble.UlpError(svag[1], RationalInterval.Exact(expected)) <= 69, $"step 1 = {svag[1]:R}, exact 2^-600/19");
        var (_, overflow) = Run(1e300, 0.5, false, 1e10, 1e10);
        Assert.NotNull(overflow);
        Assert.Equal("sample", overflow.ParamName);
        Assert.Contains("beyond the double range", overflow.Message);
    }
}
