using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>ARC: the subproblem's optimality conditions and the acceptance rule's promise.</summary>
[Properties(Arbitrary = [typeof(OptimizerArbitraries)], MaxTest = 150)]
public class ArcProperties
{
    /// <summary>
    /// Cartis–Gould–Toint Thm 3.1: s is the global minimizer of m iff (H + μI)s = −∇f with μ = σ‖s‖ and H + μI ⪰ 0.
    /// </summary>
    [Property]
    public Property Subproblem_MeetsGlobalOptimalityConditions(OptimizerProblem p) => OptimalityConditions(p);

    /// <summary>
    /// The replay of a case found in CI: λ₁ + μ ≈ 5e-8 (nearly the hard case), where forming λ₁ + μ from μ ≈ 2
    /// cancelled and left a relative residual of 1e-9. The solver now bisects on the shift μ − max(0, −λ₁).
    /// </summary>
    [Property(Replay = "(11990924454045905528,12562708821704406181,24)")]
    public Property Subproblem_NearTheHardCase_MeetsGlobalOptimalityConditions(OptimizerProblem p) => OptimalityConditions(p);

    private static Property OptimalityConditions(OptimizerProblem p)
    {
        var f = p.Objective;
        var h = f.Hessian(p.Point);
        var g = f.Gradient(p.Point);
        var e = SymmetricEigen.Decompose(h, g);
        const double sigma = 0.5;
        var sol = CubicSubproblem.Solve(e, sigma);
        var s = sol.Step;
        double mu = sigma * s.L2Norm();
        var residual = h * s + mu * s + g;
        double scale = g.L2Norm() + h.L2Norm() * s.L2Norm() + mu * s.L2Norm() + 1e-300;
        bool stationary = residual.L2Norm() <= Tolerances.Optimizer.SubproblemStationarity * scale;
        bool shifted = e.Values[0] + mu >= -Tolerances.Optimizer.SubproblemStationarity * (Math.Abs(e.Values[0]) + mu + 1e-300);
        return (stationary && shifted && sol.PredictedDecrease >= 0)
            .Label($"‖(H + μI)s + g‖ = {residual.L2Norm():R} (scale {scale:R}), λ₁ + μ = {e.Values[0] + mu:R}, pred = {sol.PredictedDecrease:R}, hard {sol.HardCase}");
    }

    /// <summary>Every accepted step decreases f by at least η₁·(m(0) − m(s)); a rejected one leaves θ and doubles σ.</summary>
    [Property]
    public Property AcceptedSteps_DecreaseF_RejectedStepsStay(OptimizerProblem p)
    {
        var f = p.Objective;
        var arc = new Arc(new ArcSettings(Sigma0: 0.01));
        var run = (Arc.ArcRun)arc.Start(f, p.Point);
        for (int t = 0; t < 8; t++)
        {
            var before = run.Theta;
            double sigma = run.Sigma;
            var step = run.Step();
            var it = run.Last!;
            double fb = f.Value(before), fa = f.Value(run.Theta);
            if (it.Accepted && !(fa < fb || (it.PredictedDecrease == 0 && fa == fb)))
                return false.Label($"t = {t}: accepted but f {fb:R} → {fa:R} (pred {it.PredictedDecrease:R}, actual {it.ActualDecrease:R})");
            if (it.Accepted && it.ActualDecrease < arc.Settings.Eta1 * it.PredictedDecrease)
                return false.Label($"t = {t}: accepted with ρ < η₁");
            if (!it.Accepted && it.PredictedDecrease > 0 && (step.L2Norm() != 0 || run.Sigma != sigma * arc.Settings.GammaIncrease))
                return false.Label($"t = {t}: rejected but moved or σ {sigma:R} → {run.Sigma:R}");
        }
        return true.ToProperty();
    }
}
