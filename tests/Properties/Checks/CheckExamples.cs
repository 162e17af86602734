using Verification.Engine;
using MathNet.Numerics.LinearAlgebra;
using Verification.Checks;
using Verification.Checks.Properties;
using Verification.Checks.Results;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;
using Xunit;
using Verification.Optimizers.FirstOrder;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Properties.Checks;

/// <summary>
/// The checks have teeth: optimizers with one known defect each are refuted by the property that names it, with a
/// shrunk counterexample, and an honest optimizer is not.
/// </summary>
public class CheckExamples
{
    private static readonly CheckOptions Options = new(Budget: 150, Seed: 11);

    /// <summary>A one-line optimizer for these examples.</summary>
    private sealed class Rule(string name, Func<IObjective, Vector<double>, Vector<double>> update) : StatelessOptimizer
    {
        public override string Name => name;

        public override Vector<double> Update(IObjective objective, Vector<double> theta) => update(objective, theta);
    }

    [Fact]
    public void AscentStep_IsRefutedForDescent_ShrunkToOneDimension()
    {
        var ascent = new Rule("ascent", (f, t) => 0.1 * f.Gradient(t));

        var result = DescentOnConvexQuadraticsCheck.Run(ascent, new DescentOnConvexQuadratics(20), Options);

        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Equal(1, result.CounterexampleDimension);
        Assert.Contains("f rises", result.Counterexample!.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void GradientDescent_DeclaringTooWideARange_IsRefutedNearTheTrueBound()
    {
        // η = 0.1 descends only for λ < 20; a declared bound of 25 admits λ ∈ [20, 25), where it ascends.
        var result = DescentOnConvexQuadraticsCheck.Run(new GradientDescent(0.1), new DescentOnConvexQuadratics(25), Options);

        Assert.Equal(Verdict.Refuted, result.Verdict);
        var lambda = result.Counterexample!.Inputs.Single(i => i.Name == "λ").Value;
        Assert.True(lambda.Trim('[', ']').Split(", ").Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).Max() >= 20, lambda);
    }

    [Fact]
    public void GradientDescent_HoldsOnItsOwnRange()
    {
        var result = DescentOnConvexQuadraticsCheck.Run(new GradientDescent(0.1), new DescentOnConvexQuadratics(20), Options);

        Assert.Equal(Verdict.Holds, result.Verdict);
        Assert.True(result.Accepted > Options.Budget / 2, $"only {result.Accepted} accepted inputs");
    }

    [Fact]
    public void ZeroStep_IsRefutedForDescent_AsEquality()
    {
        var lazy = new Rule("lazy", (f, t) => Vector<double>.Build.Dense(t.Count));

        var result = DescentOnConvexQuadraticsCheck.Run(lazy, new DescentOnConvexQuadratics(1), Options);

        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Contains("unchanged", result.Counterexample!.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void NaNStep_IsRefutedByFiniteSteps()
    {
        var nan = new Rule("nan-at-singular", (f, t) => f.Hessian(t).Determinant() == 0 ? Vector<double>.Build.Dense(t.Count, double.NaN) : -f.Gradient(t));

        var result = FiniteStepsCheck.Run(nan, Options);

        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Contains("not finite", result.Counterexample!.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowingOptimizer_IsRefutedByFiniteSteps()
    {
        var crash = new Rule("crash", (f, t) => throw new InvalidOperationException("singular"));

        var result = FiniteStepsCheck.Run(crash, Options);

        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Contains("InvalidOperationException", result.Counterexample!.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void OptimizerRejectingEverything_IsInconclusive_NotHolds()
    {
        // A documented rejection names a parameter of the entry points (objective, theta0, theta).
        var refuse = new Rule("refuse", (f, t) => throw new ArgumentException("never", "theta"));

        var result = FiniteStepsCheck.Run(refuse, Options);

        Assert.Equal(Verdict.Inconclusive, result.Verdict);
    }

    [Fact]
    public void ArgumentExceptionFromDeeperDown_IsAFiniteStepsViolation_NotARejection()
    {
        // A dimension mismatch inside a vector library throws ArgumentException about its own parameter ("other").
        var mismatch = new Rule("mismatch", (f, t) => throw new ArgumentException("All vectors must have the same dimensionality.", "other"));

        var result = FiniteStepsCheck.Run(mismatch, Options);

        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Contains("ArgumentException: All vectors must have the same dimensionality.", result.Counterexample!.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void SignDescent_IsRefutedForRotationEquivariance()
    {
        var sign = new Rule("sign", (f, t) => -0.1 * f.Gradient(t).Map(g => (double)Math.Sign(g)));

        var result = InvarianceChecks.RunRotation(sign, Options);

        Assert.Equal(Verdict.Refuted, result.Verdict);
    }

    [Fact]
    public void SignDescent_ClimbsAConcaveDirection_AndIsRefutedForIt()
    {
        // Along a concave eigenvector that weights a mixed-sign gradient unevenly, sign(g)ᵀu and gᵀu differ in sign.
        // Random cases rarely line this up, so the edge cases alone (a budget of 4) must find it.
        var sign = new Rule("sign", (f, t) => -0.1 * f.Gradient(t).Map(g => (double)Math.Sign(g)));

        var result = ConcaveDirectionsCheck.Run(sign, Options with { Budget = ConcaveDirectionsCheck.Edges().Count() });

        Assert.Equal(Verdict.Refuted, result.Verdict);
    }

    [Fact]
    public void SaddleFreeNewton_DoesNotClimbConcaveDirections()
        => Assert.Equal(Verdict.Holds, ConcaveDirectionsCheck.Run(new SaddleFreeNewton(), Options).Verdict);

    [Fact]
    public void SameSeed_SameResult()
    {
        var a = OptimizerChecks.Run(new GradientDescent(0.1), Options);
        var b = OptimizerChecks.Run(new GradientDescent(0.1), Options);

        Assert.Equal(a.Properties.Select(Summary), b.Properties.Select(Summary));
    }

    private static string Summary(PropertyResult p) =>
        $"{p.Property} {p.Verdict} {p.Cases} {p.Accepted} {string.Join(";", p.Counterexample?.Inputs.Select(i => i.Value) ?? [])}";
}
