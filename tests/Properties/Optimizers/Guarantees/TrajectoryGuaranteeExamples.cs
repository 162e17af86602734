using Verification.Optimizers.Guarantees;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Guarantees;

/// <summary>
/// The trajectory guarantees (declared over T replayed steps) and the bounded step: each rejects a parameter outside its
/// documented range with an ArgumentException that names it and states the range, accepts the range's edges, and states
/// its parameters and the last replayed step t = T − 1 in its statement. Found by mutation testing
/// (docs/mutation-testing.md): with only the optimizers' own tests, none of these checks and texts had a covering test.
/// </summary>
public class TrajectoryGuaranteeExamples
{
    /// <summary>T ∈ [1, 1000]: 0 and 1001 are rejected naming the parameter, 1 and 1000 accepted.</summary>
    [Fact]
    public void TrajectorySteps_AcceptsExactlyOneToMax()
    {
        Assert.Equal(1000, TrajectorySteps.Max);
        Assert.Equal(1, TrajectorySteps.Require(1, "steps"));
        Assert.Equal(1000, TrajectorySteps.Require(1000, "steps"));
        ArgumentAssert.Rejects(() => TrajectorySteps.Require(0, "steps"), "steps", "steps must be in [1, 1000], got 0");
        ArgumentAssert.Rejects(() => TrajectorySteps.Require(1001, "horizon"), "horizon", "horizon must be in [1, 1000], got 1001");
        ArgumentAssert.Rejects(() => new MonotoneDescentOnConvexQuadratics(1, steps: 0), "steps", "[1, 1000]");
    }

    [Fact]
    public void MonotoneDescent_RejectsANonPositiveBound_AndStatesItsSteps()
    {
        ArgumentAssert.Rejects(() => new MonotoneDescentOnConvexQuadratics(0), "maxCurvature", "maxCurvature must be > 0, got 0");
        ArgumentAssert.Rejects(() => new MonotoneDescentOnConvexQuadratics(double.NaN), "maxCurvature", "must be > 0");
        var g = new MonotoneDescentOnConvexQuadratics(double.Epsilon, steps: 7);
        Assert.Equal(7, g.Steps);
        Assert.Equal("monotone-descent-on-convex-quadratics", g.Id);
        Assert.Contains("λ_max(A) < 5E-324", g.Statement);
        Assert.Contains("t = 0, …, 6 of one run", g.Statement);
    }

    /// <summary>0 &lt; μ ≤ L &lt; ∞ and ρ ∈ (0, 1]: μ = L and ρ = 1 are the accepted edges.</summary>
    [Fact]
    public void LinearConvergence_ChecksItsRanges_AndStatesThem()
    {
        ArgumentAssert.Rejects(() => new LinearConvergenceOnQuadratics(0, 1, 0.5), "minCurvature", "minCurvature must be finite and > 0, got 0");
        ArgumentAssert.Rejects(() => new LinearConvergenceOnQuadratics(double.PositiveInfinity, double.PositiveInfinity, 0.5), "minCurvature", "finite and > 0");
        ArgumentAssert.Rejects(() => new LinearConvergenceOnQuadratics(2, 1, 0.5), "maxCurvature", "maxCurvature must be finite and ≥ minCurvature = 2, got 1");
        ArgumentAssert.Rejects(() => new LinearConvergenceOnQuadratics(1, double.PositiveInfinity, 0.5), "maxCurvature", "finite and ≥ minCurvature");
        ArgumentAssert.Rejects(() => new LinearConvergenceOnQuadratics(1, 2, 0), "rate", "rate must be in (0, 1], got 0");
        ArgumentAssert.Rejects(() => new LinearConvergenceOnQuadratics(1, 2, 1.5), "rate", "(0, 1]");
        var edge = new LinearConvergenceOnQuadratics(3, 3, 1, steps: 4);
        Assert.Equal((3.0, 3.0, 1.0, 4), (edge.MinCurvature, edge.MaxCurvature, edge.Rate, edge.Steps));
        Assert.Equal("linear-convergence-on-quadratics", edge.Id);
        Assert.Contains("eigenvalues in [3, 3]", edge.Statement);
        Assert.Contains("≤ 1·(f(θ_t) − f*) for t = 0, …, 3 of one run", edge.Statement);
    }

    /// <summary>η &gt; 0 and β ∈ [0, 1): β = 0 (plain gradient descent) is accepted, β = 1 rejected.</summary>
    [Fact]
    public void HeavyBall_ChecksItsRanges_AndStatesThem()
    {
        ArgumentAssert.Rejects(() => new HeavyBallMomentum(0, 0.5), "learningRate", "> 0");
        ArgumentAssert.Rejects(() => new HeavyBallMomentum(0.1, 1), "momentum", "momentum must be in [0, 1), got 1");
        ArgumentAssert.Rejects(() => new HeavyBallMomentum(0.1, -0.25), "momentum", "[0, 1)");
        var g = new HeavyBallMomentum(0.125, 0, steps: 3);
        Assert.Equal((0.125, 0.0, 3), (g.LearningRate, g.Momentum, g.Steps));
        Assert.Equal("heavy-ball-momentum", g.Id);
        Assert.Contains("for t = 1, …, 2, with η = 0.125, β = 0", g.Statement);
    }

    [Fact]
    public void FreshRuns_HasItsIdAndStatement()
    {
        var g = new FreshRuns();
        Assert.Equal("fresh-runs", g.Id);
        Assert.Contains("bit for bit the same steps", g.Statement);
    }

    /// <summary>The bound is finite and &gt; 0 and its source is named.</summary>
    [Fact]
    public void BoundedStep_ChecksItsArguments_AndStatesThem()
    {
        ArgumentAssert.Rejects(() => new BoundedStep(0), "bound", "bound must be finite and > 0, got 0");
        ArgumentAssert.Rejects(() => new BoundedStep(double.PositiveInfinity), "bound", "finite and > 0");
        ArgumentAssert.Rejects(() => new BoundedStep(1, source: " "), "source", "source must say where the bound comes from");
        ArgumentAssert.Rejects(() => new BoundedStep(1, steps: 0), "steps", "[1, 1000]");
        var g = new BoundedStep(0.5, 2, "sign descent");
        Assert.Equal((0.5, 2, "sign descent"), (g.Bound, g.Steps, g.Source));
        Assert.Equal("bounded-step", g.Id);
        Assert.Contains("|Δθ_{t,i}| ≤ 0.5 for every coordinate i and t = 0, …, 1 of one run (sign descent)", g.Statement);
    }

    /// <summary>
    /// Kingma &amp; Ba §2.1: |Δ| ≤ α(1 − β₁)/√(1 − β₂) where (1 − β₁) &gt; √(1 − β₂), else α. β₁ = 0.75, β₂ = 15/16: 1/4 &gt; 1/4
    /// is false, so α (the edge, where both forms agree); β₁ = 0, β₂ = 3/4: 1 &gt; 1/2, so α·1/(1/2) = 2α; β₁ = 1/2,
    /// β₂ = 15/16: 1/2 &gt; 1/4, so α·(1/2)/(1/4) = 2α again, with a factor 1 − β₁ ≠ 1 (all exact).
    /// </summary>
    [Fact]
    public void BoundedStepForAdam_TakesKingmaAndBasCases()
    {
        var large = BoundedStep.ForAdam(0.25, 0, 0.75);
        Assert.Equal(0.5, large.Bound);
        Assert.Contains("case (1 − β₁) > √(1 − β₂)", large.Source);
        Assert.Equal(0.5, BoundedStep.ForAdam(0.25, 0.5, 0.9375).Bound); // α(1 − β₁)/√(1 − β₂) = 0.25·0.5/0.25, with β₁ ≠ 0
        var edge = BoundedStep.ForAdam(0.25, 0.75, 0.9375, steps: 5);
        Assert.Equal(0.25, edge.Bound);
        Assert.Equal(5, edge.Steps);
        Assert.Contains("case (1 − β₁) ≤ √(1 − β₂)", edge.Source);
        var small = BoundedStep.ForAdam(0.25, 0.9, 0.5);
        Assert.Equal(0.25, small.Bound);
        Assert.Contains("β₁ = 0.9, β₂ = 0.5", small.Source);

        ArgumentAssert.Rejects(() => BoundedStep.ForAdam(0, 0.5, 0.5), "stepSize", "> 0");
        ArgumentAssert.Rejects(() => BoundedStep.ForAdam(1, 1, 0.5), "beta1", "beta1 must be in [0, 1), got 1");
        ArgumentAssert.Rejects(() => BoundedStep.ForAdam(1, -0.5, 0.5), "beta1", "[0, 1)");
        ArgumentAssert.Rejects(() => BoundedStep.ForAdam(1, 0.5, 1), "beta2", "beta2 must be in [0, 1), got 1");
        ArgumentAssert.Rejects(() => BoundedStep.ForAdam(1, 0.5, -0.5), "beta2", "[0, 1)");
        Assert.Equal(1, BoundedStep.ForAdam(1, 0, 0).Bound); // β₁ = β₂ = 0: 1 > 1 is false, so α
    }

    /// <summary>
    /// The ends of the range: α(1 − β₁)/√(1 − β₂) = 1e308/0.1 overflows, so the rejection names stepSize, the argument out
    /// of range (the old code named the constructor's bound); α = 2^-1074, β₁ = 1/2, β₂ = 0.99: α(1 − β₁) alone rounds to
    /// 0 (the old code rejected it naming bound), while the exact bound 2^-1074·0.5/√(0.010000000000000009) =
    /// 2^-1074·4.9999999999999978 rounds to 5·2^-1074.
    /// </summary>
    [Fact]
    public void BoundedStepForAdam_AtTheRangesEnds_NamesStepSizeOrKeepsTheBound()
    {
        ArgumentAssert.Rejects(() => BoundedStep.ForAdam(1e308, 0, 0.99), "stepSize", "within double.MaxValue");
        Assert.Equal(5 * double.Epsilon, BoundedStep.ForAdam(double.Epsilon, 0.5, 0.99).Bound);
    }

    [Fact]
    public void SteepestDescent_RejectsAnUndefinedNorm_SayingSo()
    {
        var e = Assert.Throws<ArgumentException>(() => new SteepestDescent((SteepestDescentNorm)7, SteepestDescentScaling.NormScaled, 1));
        Assert.Equal("norm", e.ParamName);
        Assert.Contains("norm must be a SteepestDescentNorm, got 7", e.Message);
    }
}
