using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Lodo;
using Verification.Optimizers.Lodo;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Lodo;

/// <summary>
/// LodoRun.Accept at the edges of the double range (the class remarks of <see cref="LodoRun"/>), each case worked by
/// hand on the dense model of lodo.md §4.1 with β = 0 (so m_{t+1} = g): before these rules Accept stored θ_t + Δθ = ∞
/// silently, accepted a proposal that had overflowed, and advanced the meta-step counter and the recorded hypergradient
/// before the meta-rule could refuse, so a refused Accept changed the run.
/// </summary>
public class LodoAcceptRangeExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>A meta-rule Δθ = −α·h that records the index t of each call and refuses a non-finite h (as Sgd's does) or the calls listed.</summary>
    private sealed class RecordingSgdRule(double alpha, params int[] refuseCalls) : IStepRule
    {
        public List<int> Steps { get; } = [];

        public int BatchSize => 1;

        public Vector<double> Step(Vector<double> theta, GradientSample sample, int t)
        {
            Steps.Add(t);
            if (refuseCalls.Contains(Steps.Count - 1))
                throw new ArgumentException("scripted refusal.", "gradient");
            if (!sample.Gradient.All(double.IsFinite))
                throw new ArgumentException("gradient must be finite.", "gradient");
            return -alpha * sample.Gradient;
        }
    }

    private static LodoRun Run(double theta0, IStepRule rule) =>
        new Verification.Optimizers.Lodo.Lodo(new DensePreconditioner(1, 1), 0.0, () => rule, "recording", 0).Begin(V(0), V(0), V(theta0));

    [Fact]
    public void MetaStepBeyondTheRange_IsRejected_AndTheRunRefusesFurtherCalls()
    {
        // θ₀ = 1e308, α = 1. Step 1: m₀ = 0, so h = 0, Δθ = 0, m₁ = g₁ = 1. Step 2 at g₂ = 1e308: h = −g₂m₁ = −1e308,
        // Δθ = −α·h = 1e308, θ₀ + Δθ = 2e308 > MaxValue. The old Accept stored θ = ∞.
        var run = Run(1e308, new RecordingSgdRule(1));
        run.Propose();
        run.Accept(V(1));
        run.Propose();
        var e = Assert.Throws<ArgumentException>(() => run.Accept(V(1e308)));
        Assert.Equal("gradient", e.ParamName);
        Assert.Contains("the run diverged at meta-step 1: θ_t + Δθ is beyond the double range at entry 0 (θ_t = 1E+308, Δθ = 1E+308)", e.Message, StringComparison.Ordinal);
        Assert.Equal(1e308, run.Theta[0]);
        var later = Assert.Throws<InvalidOperationException>(() => run.Propose());
        Assert.Equal("the run diverged at meta-step 1: θ_t + Δθ is beyond the double range at entry 0 (θ_t = 1E+308, Δθ = 1E+308).", later.Message);
        Assert.Throws<InvalidOperationException>(() => run.Accept(V(1)));
    }

    [Fact]
    public void HypergradientBeyondTheRange_IsRejected_WithTheRunUnchanged()
    {
        // Step 1 at g₁ = 1e200 sets m₁ = 1e200; step 2 at g₂ = 1e200 has h = −g₂m₁ = −1e400. The old Accept recorded
        // h = −∞ and advanced the meta-step count before the rule refused it, so the next accepted step was fed t = 2.
        var rule = new RecordingSgdRule(1e-300);
        var run = Run(1, rule);
        run.Propose();
        run.Accept(V(1e200));
        var proposal = run.Propose();
        var e = Assert.Throws<ArgumentException>(() => run.Accept(V(1e200)));
        Assert.Equal("gradient", e.ParamName);
        Assert.Contains("the hypergradient −∂_θ(gᵀG(θ_t)m_t) has entry 0 beyond the double range at this gradient", e.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { 0.0 }, run.LastHypergradient!.ToArray());
        Assert.Equal(new[] { 1e200 }, run.Momentum.ToArray());
        Assert.Equal(new[] { 0 }, rule.Steps);
        run.Accept(V(1)); // the same proposal, now with a gradient whose hypergradient is −1e200
        Assert.Equal(new[] { 0, 1 }, rule.Steps);
        Assert.Equal(proposal.ToArray(), run.X.ToArray());
        Assert.Equal(new[] { -1e200 }, run.LastHypergradient!.ToArray());
    }

    [Fact]
    public void MetaRuleRefusal_IsRejectedNamingTheGradient_WithTheRunUnchanged()
    {
        // The rule refuses its second call; the run must stay at step 1's state and feed the retry t = 1 again.
        var rule = new RecordingSgdRule(0.5, 1);
        var run = Run(1, rule);
        run.Propose();
        run.Accept(V(2));
        run.Propose();
        var e = Assert.Throws<ArgumentException>(() => run.Accept(V(4)));
        Assert.Equal("gradient", e.ParamName);
        Assert.StartsWith("the meta-optimizer rejects the hypergradient formed at this gradient; the run is unchanged. scripted refusal.", e.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { 1.0 }, run.Theta.ToArray());
        Assert.Equal(new[] { 2.0 }, run.Momentum.ToArray());
        run.Accept(V(4)); // h = −4·2 = −8, Δθ = 4
        Assert.Equal(new[] { 0, 1, 1 }, rule.Steps);
        Assert.Equal(new[] { 5.0 }, run.Theta.ToArray());
        Assert.Equal(new[] { 4.0 }, run.Momentum.ToArray());
    }

    [Fact]
    public void ProposalBeyondTheRange_IsNotAccepted()
    {
        // θ = 1e300: step 1 sets m₁ = g₁ = 1e10; step 2 proposes 0 − 1e300·1e10 = −∞. The old Accept took it as x₂.
        var run = Run(1e300, new RecordingSgdRule(0));
        run.Propose();
        run.Accept(V(1e10));
        Assert.Equal(double.NegativeInfinity, run.Propose()[0]);
        var e = Assert.Throws<InvalidOperationException>(() => run.Accept(V(1)));
        Assert.Equal("the proposal x_{t+1} has entry 0 = -Infinity: x_t − G(θ_t)m_t is beyond the double range (the run diverged), so there is no gradient to accept.", e.Message);
        Assert.Equal(new[] { 0.0 }, run.X.ToArray());
    }

    [Fact]
    public void StepOfARunOnAnObjective_WhoseAcceptIsRejected_KeepsTheLastStepAndRefusesFurtherSteps()
    {
        // f = ½x², x₀ = 1e200, G = ½, β = 0. Step 1 stays at x₀ (m₀ = 0) and sets m₁ = g₁ = 1e200. Step 2 proposes
        // 5e199, whose gradient 5e199 makes h = −g m₁ = −5e399. The step is not taken: before, the run counted it, reported
        // the unaccepted proposal as its iterate and then called itself "non-finite" though x was finite.
        var lodo = Verification.Optimizers.Lodo.Lodo.WithSgd(new DensePreconditioner(1, 0.5), 1e-300, 0, 0);
        var run = lodo.Start(new Quadratic(Matrix<double>.Build.DenseIdentity(1), V(0)), V(1e200));
        run.Step();
        var e = Assert.Throws<InvalidOperationException>(() => run.Step());
        Assert.StartsWith("the run stopped at step 2, which was not taken: the hypergradient", e.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentException>(e.InnerException);
        Assert.Equal(1, run.Iteration);
        Assert.Equal(new[] { 1e200 }, run.Theta.ToArray());
        var again = Assert.Throws<InvalidOperationException>(() => run.Step());
        Assert.Equal(e.Message, again.Message);
    }
}
