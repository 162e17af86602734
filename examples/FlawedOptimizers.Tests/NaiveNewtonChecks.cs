using Verification.Engine;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Checks;
using Verification.Checks.Problems;
using Verification.Checks.Properties;
using Verification.Checks.Results;
using Verification.Optimizers.Guarantees;
using Xunit;

namespace FlawedOptimizers.Tests;

/// <summary>
/// How a researcher uses Verification.Checks from their own test project: each generic property is one call that
/// returns a verdict and the smallest counterexample found. These tests pin that the deliberate flaw of
/// <see cref="NaiveNewton"/> is detected, and that what it gets right passes.
/// </summary>
public class NaiveNewtonChecks
{
    // A small budget keeps the example fast; the CLI's default is CheckOptions.DefaultBudget.
    private static readonly CheckOptions Options = new(Budget: 120, Seed: 7);

    [Fact]
    public void QuasiNewton_IsRefuted_BecausePhiHasANegativeEigenvalue()
    {
        var result = QuasiNewtonCheck.Run(new NaiveNewton(), Options);

        Assert.Equal(Verdict.Refuted, result.Verdict);
        var counterexample = Assert.IsType<Counterexample>(result.Counterexample);
        Assert.Contains("not positive semi-definite", counterexample.Explanation, StringComparison.Ordinal);
        // The shrinker reduces it to one dimension: a single concave direction is enough.
        Assert.Equal(1, result.CounterexampleDimension);
    }

    [Fact]
    public void ConcaveDirections_IsRefuted_TheStepGoesUphill()
    {
        var result = OptimizerChecks.Check(new NaiveNewton(), new NoAscentInConcaveDirections(), Options);

        Assert.True(result.FailsDeclaration);
        Assert.Contains("uphill", result.Counterexample!.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void DescentOnConvexQuadratics_Holds_NewtonIsExactThere()
    {
        var result = DescentOnConvexQuadraticsCheck.Run(new NaiveNewton(), new DescentOnConvexQuadratics(double.PositiveInfinity), Options);

        Assert.Equal(Verdict.Holds, result.Verdict);
        Assert.True(result.Accepted > 0, "some generated quadratics must meet the hypotheses");
    }

    [Fact]
    public void WholeReport_NamesTheRefutedDeclarations()
    {
        var report = OptimizerChecks.Run(new NaiveNewton(), Options);

        var failed = report.FailedDeclarations.Select(p => p.Property).ToList();
        Assert.Contains("quasi-newton", failed);
        Assert.Contains("no-ascent-in-concave-directions", failed);
        Assert.DoesNotContain("finite-steps", failed);
        Assert.False(report.Passed);
    }

    /// <summary>
    /// The library's generators also plug into FsCheck directly: on one-dimensional quadratics with a nonzero
    /// curvature of either sign, the naive Newton step lands on the stationary point θ* = b/λ (Newton's defining
    /// property, which it keeps; its flaw is that θ* is a maximum when λ &lt; 0).
    /// </summary>
    [Property(MaxTest = 60)]
    public Property OneDimensional_StepReachesTheStationaryPoint()
    {
        // The generators reach 2^±1000; keep to the normal range, where the oracle's gradient neither overflows nor underflows.
        var cases = QuadraticGenerators.Cases(SpectrumKind.WellConditioned, Gen.Choose(-2, 2), Gen.Constant(1))
            .Where(c => c.Theta.Concat(c.Linear).All(x => x == 0 || Math.Abs(Math.ILogB(x)) < 900));
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (objective, _, _) = c.Build();
            var step = new NaiveNewton().Update(objective!, c.ThetaVector);
            double stationary = c.Linear[0] / c.Eigenvalues[0];
            double reached = c.Theta[0] + step[0];
            // Φ = 1/λ, Φ·g and θ + Δθ are three roundings, b/λ a fourth, each ≤ ε/2 relative to a term: the gap is
            // ≤ 2ε·(|θ*| + |θ| + |Δθ|) ≈ 4.4e-16·(…); 8e-16 leaves room and is still far below any real error.
            return Math.Abs(reached - stationary) <= 8e-16 * (Math.Abs(stationary) + Math.Abs(c.Theta[0]) + Math.Abs(step[0]));
        });
    }
}
