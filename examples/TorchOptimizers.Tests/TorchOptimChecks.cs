using System.Globalization;
using Verification.Checks;
using Verification.Checks.Properties;
using Verification.Engine;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;
using Verification.Optimizers.Torch;
using Xunit;

namespace TorchOptimizers.Tests;

/// <summary>
/// How a researcher checks optimizers they did not write: TorchSharp's own torch.optim optimizers
/// (Verification.Optimizers.Torch) through Verification.Checks, one property per call. These tests pin the findings of
/// docs/torchsharp-optimizers.md, each with a control that would make it fail if the check could not tell.
/// </summary>
public class TorchOptimChecks
{
    // A small budget keeps the example fast (each property well under a second); check-optimizer's default is 300.
    private static readonly CheckOptions Options = new(Budget: 100, Seed: 7);

    /// <summary>The ten adapters of docs/torchsharp-optimizers.md by type name.</summary>
    public static TheoryData<string> TorchOptimizers =>
    [
        nameof(TorchSgdMomentum), nameof(TorchSgdNesterov), nameof(TorchAdam), nameof(TorchAdamW), nameof(TorchRmsProp),
        nameof(TorchAdagrad), nameof(TorchAdamax), nameof(TorchNAdam), nameof(TorchRAdam), nameof(TorchRprop),
    ];

    /// <summary>The Adam family: per-coordinate steps divided by a root of squared gradients plus ε.</summary>
    public static TheoryData<string> AdamFamily => [.. AdamFamilyWithoutEpsilon.ByType.Keys];

    private static IOptimizer Create(string type) =>
        (IOptimizer)Activator.CreateInstance(typeof(TorchAdam).Assembly.GetType("Verification.Optimizers.Torch." + type, throwOnError: true)!)!;

    [Theory]
    [MemberData(nameof(TorchOptimizers))]
    public void FiniteSteps_Holds(string type)
    {
        var result = FiniteStepsCheck.Run(Create(type), Options);

        Assert.Equal(Verdict.Holds, result.Verdict);
        Assert.True(result.Accepted > 0, "finite-steps must have accepted inputs to hold");
    }

    [Fact]
    public void SgdMomentum_IsPolyaksHeavyBall_NesterovIsNot()
    {
        var heavyBall = new HeavyBallMomentum(0.1, 0.9);

        var momentum = OptimizerChecks.Check(new TorchSgdMomentum(), heavyBall, Options);
        var nesterov = OptimizerChecks.Check(new TorchSgdNesterov(), heavyBall, Options);

        Assert.Equal(Verdict.Holds, momentum.Verdict);
        Assert.Equal(Verdict.Refuted, nesterov.Verdict);
        // Nesterov's first step looks ahead through the buffer it just filled: −η(1 + β)∇f instead of heavy ball's −η∇f.
        // torch rounds three times (β·buf + g, η·(…), θ − …), so 2⁻⁵⁰ of the step (≈ 4.5 ulp) bounds the difference.
        double step = Vector(nesterov.Counterexample!.Outputs!, "Δθ_t");
        double expected = -0.1 * (1 + 0.9) * Gradient(nesterov.Counterexample);
        double tolerance = Math.ScaleB(Math.Abs(expected), -50);
        Assert.NotEqual(0.0, expected);
        Assert.InRange(step - expected, -tolerance, tolerance);
    }

    [Fact]
    public void WholeReport_SgdMomentumPassesWhatItDeclares()
    {
        var report = OptimizerChecks.Run(new TorchSgdMomentum(), Options);

        Assert.True(report.Passed, string.Join(", ", report.FailedDeclarations.Concat(report.UndecidedDeclarations).Select(p => p.Property)));
        Assert.Contains(report.Properties, p => p.Property == "heavy-ball-momentum" && p.Declared && p.Verdict == Verdict.Holds);
        // Informational: gradient methods do not move at a critical point, so they do not leave strict saddles.
        Assert.Contains(report.Properties, p => p.Property == "leaves-strict-saddles" && !p.Declared && p.Verdict == Verdict.Refuted);
    }

    /// <summary>
    /// Adam's scale invariance is refuted only through ε: the first step is α·g/(|g| + ε) per coordinate (m̂₁ = g,
    /// √v̂₁ = |g|), so for f and 2^k·f it differs by αε|g|(2^k − 1)/((|g| + ε)(2^k|g| + ε)), and not at all for ε = 0.
    /// The counterexample's two steps must match that closed form to 2⁻⁴⁰α (Adam's few roundings are ~10 ulp of α), and
    /// the closed forms for f and 2^k·f must differ by more than twice that, so the refutation is the ε term, not noise.
    /// </summary>
    [Fact]
    public void Adam_ScaleInvariance_IsRefutedOnlyThroughEpsilon()
    {
        const double Alpha = 0.01, Epsilon = 1e-8;
        double tolerance = Math.ScaleB(Alpha, -40);

        var result = InvarianceChecks.RunScale(new TorchAdam(), Options);

        Assert.Equal(Verdict.Refuted, result.Verdict);
        var counterexample = result.Counterexample!;
        Assert.Equal(1, result.CounterexampleDimension);
        double g = Gradient(counterexample);
        double c = Math.ScaleB(1, int.Parse(Input(counterexample, "c")["2^".Length..], CultureInfo.InvariantCulture));
        double Expected(double s) => -Alpha * (s * g) / (Math.Abs(s * g) + Epsilon);
        Assert.InRange(Vector(counterexample.Outputs!, "Δθ(f)") - Expected(1), -tolerance, tolerance);
        Assert.InRange(Vector(counterexample.Outputs!, "Δθ(c·f)") - Expected(c), -tolerance, tolerance);
        Assert.True(Math.Abs(Expected(1) - Expected(c)) > 2 * tolerance, "the closed forms must differ by more than the rounding allowed");
    }

    /// <summary>The control of the finding above, for each member of the family: with ε = 0 scale invariance holds.</summary>
    [Theory]
    [MemberData(nameof(AdamFamily))]
    public void AdamFamily_WithDefaultEpsilon_IsNotScaleInvariant_WithoutEpsilon_Is(string type)
    {
        var withEpsilon = InvarianceChecks.RunScale(Create(type), Options);
        var withoutEpsilon = InvarianceChecks.RunScale(AdamFamilyWithoutEpsilon.ByType[type], Options);

        Assert.Equal(Verdict.Refuted, withEpsilon.Verdict);
        Assert.Equal(Verdict.Holds, withoutEpsilon.Verdict);
        Assert.True(withoutEpsilon.Accepted > 0);
    }

    /// <summary>What ε is for: without it Adam's first step at ∇f = 0 is 0/0.</summary>
    [Fact]
    public void AdamWithoutEpsilon_IsNotFiniteAtAStationaryPoint()
    {
        var result = FiniteStepsCheck.Run(AdamFamilyWithoutEpsilon.Adam(), Options);

        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Equal(0.0, Gradient(result.Counterexample!));
        Assert.True(double.IsNaN(Vector(result.Counterexample!.Outputs!, "Δθ")));
    }

    /// <summary>
    /// Rprop adapts step sizes by the sign of the gradient only, so it is scale invariant, with its ε-free update.
    /// </summary>
    [Fact]
    public void Rprop_IsScaleInvariant()
    {
        var result = InvarianceChecks.RunScale(new TorchRprop(), Options);

        Assert.Equal(Verdict.Holds, result.Verdict);
        Assert.True(result.Accepted > 0);
    }

    /// <summary>
    /// Kingma &amp; Ba §2.1's bound, as TorchAdam declares it (20 steps), holds, and must: no gradient sequence can push
    /// Adam's step past α·S(t) (<see cref="AdamStepSupremum"/>), and S(20) ≈ 1.156 &lt; (1 − β₁)/√(1 − β₂) ≈ 3.162. The
    /// check includes the gradient sequences that attain S, so this is the control of the refutation below.
    /// </summary>
    [Fact]
    public void Adam_DeclaredStepBound_HoldsOverTwentySteps()
    {
        var result = OptimizerChecks.Check(new TorchAdam(), BoundedStep.ForAdam(0.01, 0.9, 0.999), Options);

        Assert.True(AdamStepSupremum(0.9, 0.999, 20) < 0.1 / Math.Sqrt(0.001));
        Assert.Equal(Verdict.Holds, result.Verdict);
        Assert.True(result.Accepted > 0);
    }

    /// <summary>
    /// Over 300 steps the same bound is refuted by the check itself, on an objective whose gradient grows geometrically
    /// along Adam's run. The counterexample must be possible: the step exceeds α(1 − β₁)/√(1 − β₂) only where
    /// S(t + 1) does (from the 210th step, t = 209), and it never exceeds α·S(t + 1) (2⁻⁴⁰ relative slack for rounding).
    /// </summary>
    [Fact]
    public void Adam_DefaultStepBound_IsRefutedOverThreeHundredSteps()
    {
        const double Alpha = 0.01, Beta1 = 0.9, Beta2 = 0.999;
        var guarantee = BoundedStep.ForAdam(Alpha, Beta1, Beta2, steps: 300);

        var result = OptimizerChecks.Check(new TorchAdam(), guarantee, Options);

        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Equal("gradient-sequences", result.Counterexample!.Formalization);
        AssertPossibleAdamCounterexample(result.Counterexample!, guarantee.Bound, Alpha, Beta1, Beta2);
        Assert.InRange(int.Parse(Output(result.Counterexample!, "t"), CultureInfo.InvariantCulture), 209, 299);
    }

    /// <summary>
    /// The paper's other case, (1 − β₁) ≤ √(1 − β₂) with the bound α: for β₁² ≥ β₂ (0.81 ≥ 0.8) S(t) grows without bound,
    /// and 20 steps suffice (S(20) ≈ 1.20, attained on gradients that decay by β₂/β₁ ≈ 0.89 per step); the generated
    /// quadratics already refute it (their gradients decay along the run too), so any formalization may.
    /// </summary>
    [Fact]
    public void Adam_StepBound_OfThePapersOtherCase_IsRefutedWithinTwentySteps()
    {
        const double Alpha = 0.01, Beta1 = 0.9, Beta2 = 0.8;
        var adam = new TorchOptimWithoutEpsilon("torch.optim.Adam(lr=0.01, β2=0.8)", p => TorchSharp.torch.optim.Adam(p, Alpha, beta1: Beta1, beta2: Beta2));
        var guarantee = BoundedStep.ForAdam(Alpha, Beta1, Beta2);

        var result = OptimizerChecks.Check(adam, guarantee, Options);

        Assert.Equal(Alpha, guarantee.Bound);
        Assert.Equal(Verdict.Refuted, result.Verdict);
        AssertPossibleAdamCounterexample(result.Counterexample!, guarantee.Bound, Alpha, Beta1, Beta2);
    }

    private static void AssertPossibleAdamCounterexample(Counterexample counterexample, double bound, double alpha, double beta1, double beta2)
    {
        int t = int.Parse(Output(counterexample, "t"), CultureInfo.InvariantCulture);
        double step = Math.Abs(Vector(counterexample.Outputs!, "Δθ_t"));
        double supremum = alpha * AdamStepSupremum(beta1, beta2, t + 1);
        Assert.True(step > bound, $"|Δθ_t| = {step:R} must exceed the bound {bound:R}");
        Assert.True(step <= supremum * (1 + Math.ScaleB(1, -40)), $"|Δθ_t| = {step:R} exceeds the supremum α·S({t + 1}) = {supremum:R}");
    }

    /// <summary>
    /// S(t), the largest |m̂_t|/√v̂_t over all gradient sequences g₁ … g_t (ε = 0), by Cauchy–Schwarz:
    /// (1 − β₁)√(1 − β₂^t) / ((1 − β₁^t)√(1 − β₂)) · √(Σ_{k&lt;t} (β₁²/β₂)^k), attained by g_k ∝ (β₂/β₁)^k. Evaluated in
    /// double (a few roundings of positive terms: relative error far below the 2⁻⁴⁰ the assertions allow).
    /// </summary>
    private static double AdamStepSupremum(double beta1, double beta2, int t)
    {
        double sum = 0, term = 1;
        for (int k = 0; k < t; k++, term *= beta1 * beta1 / beta2)
            sum += term;
        return (1 - beta1) * Math.Sqrt(1 - Math.Pow(beta2, t)) / ((1 - Math.Pow(beta1, t)) * Math.Sqrt(1 - beta2)) * Math.Sqrt(sum);
    }

    private static string Output(Counterexample counterexample, string name) => counterexample.Outputs!.Single(i => i.Name == name).Value;

    private static string Input(Counterexample counterexample, string name) => counterexample.Inputs.Single(i => i.Name == name).Value;

    /// <summary>The one entry of a one-dimensional vector written "[x]" (round-trip text).</summary>
    private static double Vector(IReadOnlyList<NamedValue> values, string name)
    {
        string text = values.Single(i => i.Name == name).Value;
        Assert.StartsWith("[", text, StringComparison.Ordinal);
        return double.Parse(text.Trim('[', ']'), CultureInfo.InvariantCulture);
    }

    /// <summary>∇f(θ) = λθ − b of a one-dimensional counterexample in the identity basis (exact for these small inputs).</summary>
    private static double Gradient(Counterexample counterexample)
    {
        Assert.Equal("identity", Input(counterexample, "basis"));
        return Vector(counterexample.Inputs, "λ") * Vector(counterexample.Inputs, "θ") - Vector(counterexample.Inputs, "b");
    }
}
