using MathNet.Numerics.LinearAlgebra;
using Verification.Checks;
using Verification.Numerics;
using Verification.Optimizers;
using Xunit;
using Verification.Numerics.Elmo;
using Verification.Optimizers.FirstOrder;

namespace Verification.Tests.Properties.Checks;

/// <summary>The regret measurement against ELMO (elmo-amos §3.4): ELMO itself has ΔΔ' = 0 and M(x)/M(x*) = 1.</summary>
public class ElmoRegretExamples
{
    /// <summary>ELMO's step with L_i = L_H of the cubic-perturbed test functions.</summary>
    private sealed class ElmoWithKnownLipschitz : StatelessOptimizer
    {
        public override string Name => "elmo(L=L_H)";

        public override Vector<double> Update(IObjective objective, Vector<double> theta)
        {
            double l = ((IThirdOrderObjective)objective).HessianLipschitz!.Value;
            return ElmoStep.StepVector(objective.Hessian(theta), objective.Gradient(theta), Vector<double>.Build.Dense(theta.Count, l));
        }
    }

    [Fact]
    public void Elmo_HasZeroDistanceAndRatioOne()
    {
        var (rows, notes) = ElmoRegret.Measure(new ElmoWithKnownLipschitz());

        Assert.Empty(notes);
        Assert.Equal(ElmoRegret.Problems.Sum(p => p.Objective.Dimension), rows.Count);
        // x is recomputed as Δθᵀv_i from the assembled step: a few ulps of |x*| apart (eigenvector products, n ≤ 3).
        Assert.All(rows, r => Assert.True(Tolerances.Close(r.Step, r.ElmoStep, 1e-12, 1e-15), $"{r.Problem}: x = {r.Step}, x* = {r.ElmoStep}"));
        Assert.All(rows.Where(r => !double.IsNaN(r.RegretRatio)), r => Assert.True(Tolerances.Close(r.RegretRatio, 1, 1e-9), $"{r.Problem}: ratio {r.RegretRatio}"));
    }

    [Fact]
    public void GradientDescent_HasRatioAtMostOne()
    {
        // x* minimizes M (eq. 7), so M(x) ≥ M(x*) and, with M(x*) < 0, the ratio is ≤ 1 for any step.
        var (rows, _) = ElmoRegret.Measure(new GradientDescent(0.1));

        Assert.NotEmpty(rows);
        Assert.All(rows.Where(r => !double.IsNaN(r.RegretRatio)), r => Assert.True(r.RegretRatio <= 1 + 1e-12, $"{r.Problem}: ratio {r.RegretRatio}"));
    }
}
