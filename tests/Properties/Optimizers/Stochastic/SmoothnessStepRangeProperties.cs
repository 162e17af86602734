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
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// The steps −(γ/L)·g of thesis Propositions 4.1 and 4.2 over the whole double range of γ ∈ [0, 1], L &gt; 0 and g:
/// <see cref="SmoothnessStep"/> itself, <see cref="AdaptiveBatchSgd"/>'s rule (γ its step factor) and
/// <see cref="VarianceAdaptedStepSgd"/>'s rule (γ* = m/(m + η̂²) from the sample's s and g), each against the exact rational
/// step, or an ArgumentException naming the sample where it is computed beyond the range.
/// </summary>
[Properties(MaxTest = 400)]
public class SmoothnessStepRangeProperties
{
    private static readonly Fraction U = ExactDouble.Pow2(-53), Tiny = ExactDouble.Pow2(-1074);

    /// <summary>MaxValue − 2 ulp(MaxValue): a step computed beyond the range within SmoothnessStep's 2 ulp lies above it.</summary>
    private static readonly Fraction NearTop = ExactDouble.ToFraction(double.MaxValue) - ExactDouble.Pow2(972);

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>γ ∈ [0, 1] from anywhere in the range (1/x for x &gt; 1, so subnormal γ too), 1 itself often.</summary>
    private static Gen<double> Gammas { get; } = Gen.Frequency(
        (6, FullRangeDoubles.NonNegative.Select(x => x <= 1 ? x : 1 / x)), (1, Gen.Constant(1.0)));

    private static Gen<double[]> Gradients { get; } = Gen.Choose(1, 4).SelectMany(FullRangeDoubles.SignedOrOneScale);

    /// <summary>
    /// (g, s, L) with g tiny (|g_i| up to 2^-20·2^20), s large (up to 2^1010·2^20) and L small (below 2^-200), so η² = tr(s)/‖g‖²
    /// is about 2^1000 or beyond double.MaxValue and γ*·g/L often in the range: the rules' γ* = m/η² path, which the
    /// whole-range generators reach too rarely to check it (a mutant of it survived 400 tests without this mode).
    /// </summary>
    private static Gen<(double[] G, double[] S, double L)> LargeRatios { get; } =
        from d in Gen.Choose(1, 4)
        from g in Gen.ArrayOf(from k in Gen.Choose(-200, -40) from a in Gen.Choose(-(1 << 20), 1 << 20) select Math.ScaleB(a, k), d)
        from s in Gen.ArrayOf(from k in Gen.Choose(600, 1002) from a in Gen.Choose(0, 1 << 20) select Math.ScaleB(a, k), d)
        from l in Gen.Choose(-1074, -200).Select(k => Math.ScaleB(1.0, k))
        from a in Gen.Choose(1, 1 << 20)
        select (g, s, l * a);

    private static string Show(double[] x) => $"({string.Join(", ", x.Select(v => v.ToString("R")))})";

    /// <summary>
    /// True when <paramref name="run"/> returns each entry i within <paramref name="bound"/>(i) of its exact value, or
    /// throws an ArgumentException naming the sample for a step with an entry at or above <see cref="NearTop"/>.
    /// </summary>
    private static Property Agrees(Func<Vector<double>> run, Fraction[] exact, Func<int, Fraction> bound, string label)
    {
        bool nearTop = exact.Any(x => Fraction.Abs(x) >= NearTop);
        try
        {
            var step = run();
            for (int i = 0; i < exact.Length; i++)
                if (!double.IsFinite(step[i]) || Fraction.Abs(ExactDouble.ToFraction(step[i]) - exact[i]) > bound(i))
                    return false.Label($"{label}: step[{i}] = {step[i]:R}, exact ≈ {ExactDouble.ToDouble(exact[i]):R}, bound {ExactDouble.ToDouble(bound(i)):R}");
            return true.Label(label);
        }
        catch (ArgumentException e)
        {
            return (nearTop && e.ParamName == "sample" && e.Message.Contains("beyond the double range")).Label($"{label}: {e.Message}");
        }
    }

    /// <summary>SmoothnessStep's 2 ulp: 2·max(2^-52·|x|, 2^-1074) ≤ 2^-51·|x| + 2^-1073.</summary>
    private static Fraction TwoUlp(Fraction x) => 4 * U * Fraction.Abs(x) + 2 * Tiny;

    private static Fraction[] ExactStep(Fraction gamma, double smoothness, double[] g) =>
        [.. g.Select(gi => -gamma * ExactDouble.ToFraction(gi) / ExactDouble.ToFraction(smoothness))];

    [Property]
    public Property Of_IsWithinTwoUlpOrRejected() => Prop.ForAll(
        (from gamma in Gammas
         from smoothness in FullRangeDoubles.Positive
         from g in Gradients
         select (gamma, smoothness, g)).ToArbitrary(),
        c =>
        {
            var exact = ExactStep(ExactDouble.ToFraction(c.gamma), c.smoothness, c.g);
            return Agrees(() => SmoothnessStep.Of(c.gamma, c.smoothness, V(c.g), "sample"), exact, i => TwoUlp(exact[i]),
                $"γ = {c.gamma:R}, L = {c.smoothness:R}, g = {Show(c.g)}");
        });

    /// <summary>AdaptiveBatchSgd's first step on a scripted sample (any s ≥ 0): −(γ/L)·g, SmoothnessStep's 2 ulp.</summary>
    [Property]
    public Property AdaptiveBatchSgdStep_IsWithinTwoUlpOrRejected() => Prop.ForAll(
        (from gamma in Gammas.Where(x => x > 0)
         from smoothness in FullRangeDoubles.Positive
         from g in Gradients
         from s in Gen.ArrayOf(FullRangeDoubles.NonNegative, g.Length)
         select (gamma, smoothness, g, s)).ToArbitrary(),
        c =>
        {
            var objective = new ScriptedStochasticObjective(V(c.g), null, new GradientSample(V(c.g), 2, V(c.s)));
            var exact = ExactStep(ExactDouble.ToFraction(c.gamma), c.smoothness, c.g);
            return Agrees(() => new AdaptiveBatchSgd(c.smoothness, c.gamma, 2, 8).Start(objective, V(new double[c.g.Length])).Step(),
                exact, i => TwoUlp(exact[i]),
                $"γ = {c.gamma:R}, L = {c.smoothness:R}, g = {Show(c.g)}, s = {Show(c.s)}");
        });

    /// <summary>
    /// VarianceAdaptedStepSgd's first step: −γ*·g/L with the exact γ* = m/(m + η²), η² = tr(s)/‖g‖² (γ* = 0 for g = 0 ≠ s,
    /// 1 for s = 0). Bound (u = 2^-53, k ulp ≤ 2ku relative plus k·2^-1074): η̂² within θ = (3d + 1)·2u relatively
    /// (NoiseToSignal.Estimate's doc), which moves γ* by at most θ/(1 − θ) relatively (its condition number η²/(m + η²) ≤ 1)
    /// and by at most 2^-1073 relatively where η̂² is subnormal (an absolute 2^-1074/m on a γ* above ½); γ̂* within 3 ulp
    /// (OptimalStepFactor: 6u; γ* is normal there, as η²/m &lt; 2^1021), or, where η²/m ≥ 2^1021, m/η̂² from η̂²'s mantissa
    /// (one rounding, 2u; m/η² is γ* to 2^-1021 relatively); the step within SmoothnessStep's 2 ulp of −γ̂*·g/L (4u,
    /// 2·2^-1074). So |step − exact| ≤ ((1 + θ/(1 − θ))(1 + 6u)(1 + 4u) − 1 + 2^-1020)·|exact| + 2·2^-1074. (Before the
    /// rule formed m/η² from 2^1021 on, a subnormal γ̂* needed 4·2^-1074·|g/L| more, which hid errors of 2^-40 in the step.)
    /// </summary>
    [Property]
    public Property VarianceAdaptedStepSgdStep_IsWithinItsBoundOrRejected() => Prop.ForAll(
        (from inputs in Gen.Frequency(
             (4, from smoothness in FullRangeDoubles.Positive
                 from g in Gradients
                 from s in Gen.Frequency(
                     (3, Gen.ArrayOf(FullRangeDoubles.NonNegative, g.Length)),
                     (1, FullRangeDoubles.SignedOrOneScale(g.Length).Select(x => x.Select(Math.Abs).ToArray())))
                 select (g, s, smoothness)),
             (1, LargeRatios))
         from m in Gen.Frequency((3, Gen.Choose(2, 16)), (1, Gen.Choose(2, 1 << 20)))
         select (smoothness: inputs.Item3, g: inputs.Item1, s: inputs.Item2, m)).ToArbitrary(),
        c =>
        {
            var trace = c.s.Aggregate(Fraction.Zero, (sum, x) => sum + ExactDouble.ToFraction(x));
            var norm2 = c.g.Aggregate(Fraction.Zero, (sum, x) => sum + ExactDouble.ToFraction(x) * ExactDouble.ToFraction(x));
            var gamma = trace == 0 ? Fraction.One : norm2 == 0 ? Fraction.Zero : c.m * norm2 / (c.m * norm2 + trace);
            var theta = (3 * c.g.Length + 1) * 2 * U;
            var relative = (1 + theta / (1 - theta)) * (1 + 6 * U) * (1 + 4 * U) - 1 + ExactDouble.Pow2(-1020);
            var exact = ExactStep(gamma, c.smoothness, c.g);
            var objective = new ScriptedStochasticObjective(V(c.g), null, new GradientSample(V(c.g), c.m, V(c.s)));
            return Agrees(() => new VarianceAdaptedStepSgd(c.smoothness, c.m).Start(objective, V(new double[c.g.Length])).Step(),
                exact,
                i => relative * Fraction.Abs(exact[i]) + 2 * Tiny,
                $"L = {c.smoothness:R}, g = {Show(c.g)}, s = {Show(c.s)}, m = {c.m}");
        });

    /// <summary>
    /// The idealized rule's first step (exact η² = tr(Σ)/‖∇f‖² of the objective, ∇f independent of the sample's g): −γ*·g/L
    /// with γ* = m‖∇f‖²/(m‖∇f‖² + tr(Σ)) (0 for ∇f = 0 ≠ Σ, 1 for tr(Σ) = 0). The bound is the estimated rule's above with
    /// θ from NoiseToSignal.Exact's doc, the same (3d + 1) ulp for an objective that is not a NoisyGradientObjective.
    /// </summary>
    [Property]
    public Property VarianceAdaptedStepSgdExactStep_IsWithinItsBoundOrRejected() => Prop.ForAll(
        (from inputs in Gen.Frequency(
             (4, from smoothness in FullRangeDoubles.Positive
                 from grad in Gradients
                 from sigma in Gen.Frequency(
                     (3, Gen.ArrayOf(FullRangeDoubles.NonNegative, grad.Length)),
                     (1, FullRangeDoubles.SignedOrOneScale(grad.Length).Select(x => x.Select(Math.Abs).ToArray())))
                 select (grad, sigma, smoothness)),
             (1, LargeRatios))
         from g in FullRangeDoubles.SignedOrOneScale(inputs.Item1.Length)
         from m in Gen.Frequency((3, Gen.Choose(1, 16)), (1, Gen.Choose(1, 1 << 20)))
         select (smoothness: inputs.Item3, g, grad: inputs.Item1, sigma: inputs.Item2, m)).ToArbitrary(),
        c =>
        {
            var trace = c.sigma.Aggregate(Fraction.Zero, (sum, x) => sum + ExactDouble.ToFraction(x));
            var norm2 = c.grad.Aggregate(Fraction.Zero, (sum, x) => sum + ExactDouble.ToFraction(x) * ExactDouble.ToFraction(x));
            var gamma = trace == 0 ? Fraction.One : norm2 == 0 ? Fraction.Zero : c.m * norm2 / (c.m * norm2 + trace);
            var theta = (3 * c.g.Length + 1) * 2 * U;
            var relative = (1 + theta / (1 - theta)) * (1 + 6 * U) * (1 + 4 * U) - 1 + ExactDouble.Pow2(-1020);
            var exact = ExactStep(gamma, c.smoothness, c.g);
            var objective = new ScriptedStochasticObjective(V(c.grad), V(c.sigma), new GradientSample(V(c.g), c.m, null));
            return Agrees(() => new VarianceAdaptedStepSgd(c.smoothness, c.m, exactNoise: true).Start(objective, V(new double[c.g.Length])).Step(),
                exact,
                i => relative * Fraction.Abs(exact[i]) + 2 * Tiny,
                $"L = {c.smoothness:R}, g = {Show(c.g)}, ∇f = {Show(c.grad)}, diag Σ = {Show(c.sigma)}, m = {c.m}");
        });

    /// <summary>
    /// The idealized rule where the exact η² overflows: ∇f = 1e-200, diag Σ = 1e300 (η² = 1e700), g = 1e200, L = 1e-320,
    /// m = 1. OptimalStepFactor(∞) = 0 gave step 0 for the exact −1e-700·1e200/1e-320 ≈ −1e-180 (fails on the old code);
    /// the same through a NoisyGradientObjective (σ = 1e200, ∇f = 1e-200: η² = 1e800, g = ∇f + σ·ξ). Bound: the property's,
    /// d = 1, under 18 ulp (as the estimate's case below).
    /// </summary>
    [Fact]
    public void VarianceAdaptedStepSgdExactStep_WhereTheExactRatioOverflows_IsNotZero()
    {
        var objective = new ScriptedStochasticObjective(V(1e-200), V(1e300), new GradientSample(V(1e200), 1, null));
        double step = new VarianceAdaptedStepSgd(1e-320, 1, exactNoise: true).Start(objective, V(0)).Step()[0];
        var f = ExactDouble.ToFraction(1e-200);
        var exact = -f * f / (f * f + ExactDouble.ToFraction(1e300)) * ExactDouble.ToFraction(1e200) / ExactDouble.ToFraction(1e-320);
        Assert.True(ExactDouble.UlpError(step, RationalInterval.Exact(exact)) <= 18, $"step = {step:R}, exact ≈ {ExactDouble.ToDouble(exact):R}");

        var noisy = new NoisyGradientObjective(new LinearObjective(1e-200), V(1e200), 7);
        var sample = noisy.OpenSampler().Sample(V(0), 1);
        double noisyStep = new VarianceAdaptedStepSgd(1e-320, 1, exactNoise: true).Start(noisy, V(0)).Step()[0];
        var sigma = ExactDouble.ToFraction(1e200);
        var noisyExact = -f * f / (f * f + sigma * sigma) * ExactDouble.ToFraction(sample.Gradient[0]) / ExactDouble.ToFraction(1e-320);
        Assert.True(ExactDouble.UlpError(noisyStep, RationalInterval.Exact(noisyExact)) <= 18, $"step = {noisyStep:R}, exact ≈ {ExactDouble.ToDouble(noisyExact):R}");
    }

    /// <summary>
    /// s = 1e300, g = 1e-50, L = 1e-320, m = 2: η̂² = 1e400 overflows, and 1/(1 + ∞) gave γ* = 0 and step 0 for the exact
    /// −2e-400·1e-50/1e-320 ≈ −2e-130 (fails on the old code). Now within the property's bound: d = 1, so θ = 8u, plus
    /// 6u and 4u: about 18u relative, under 18 ulp (u·|x| &lt; ulp(x)).
    /// </summary>
    [Fact]
    public void VarianceAdaptedStepSgdStep_WhereTheEstimateOverflows_IsNotZero()
    {
        var objective = new ScriptedStochasticObjective(V(1e-50), null, new GradientSample(V(1e-50), 2, V(1e300)));
        double step = new VarianceAdaptedStepSgd(1e-320, 2).Start(objective, V(0)).Step()[0];
        var g = ExactDouble.ToFraction(1e-50);
        var exact = -2 * g * g / (2 * g * g + ExactDouble.ToFraction(1e300)) * g / ExactDouble.ToFraction(1e-320);
        Assert.True(ExactDouble.UlpError(step, RationalInterval.Exact(exact)) <= 18, $"step = {step:R}, exact ≈ {ExactDouble.ToDouble(exact):R}");
    }
}
