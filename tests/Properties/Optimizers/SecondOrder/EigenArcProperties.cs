using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>EigenARC (Alg. 3): the branches of lines 4–18 and the bracket ASSESS_LIPSCHITZ leaves.</summary>
[Properties(Arbitrary = [typeof(OptimizerArbitraries)], MaxTest = 100)]
public class EigenArcProperties
{
    private static readonly EigenArc Arc = new(new EigenArcSettings(MaxAdjustments: 40));

    private static EigenArcAdjustment Adjust(OptimizerProblem p, double l0)
    {
        var f = p.Objective;
        var e = SymmetricEigen.Decompose(f.Hessian(p.Point), f.Gradient(p.Point));
        return Arc.Adjust(f, p.Point, e, Vector<double>.Build.Dense(p.Dimension, l0));
    }

    /// <summary>
    /// Lines 8–16: after an uncapped liberal pass the constants pass the assessment (ASSESS &gt; η₁) and lowering the
    /// last one by γ₁ fails it (ASSESS ≤ η₁): the returned L is a bracket on the γ₁-grid.
    /// </summary>
    [Property]
    public Property LiberalBranch_LeavesABracket(OptimizerProblem p)
    {
        var f = p.Objective;
        var e = SymmetricEigen.Decompose(f.Hessian(p.Point), f.Gradient(p.Point));
        var adj = Arc.Adjust(f, p.Point, e, Vector<double>.Build.Dense(p.Dimension, 1e-3));
        if (adj.Branch != EigenArcBranch.Liberal || adj.Capped)
            return true.ToProperty().Classify(true, $"{adj.Branch}{(adj.Capped ? ", capped" : "")}");
        var lower = adj.After.Clone();
        lower[^1] /= Arc.Settings.Gamma1;
        double passing = AssessLipschitz.Ratio(f, p.Point, e, adj.After);
        double failing = AssessLipschitz.Ratio(f, p.Point, e, lower);
        return (passing > Arc.Settings.Eta1 && failing <= Arc.Settings.Eta1)
            .Label($"ASSESS(L) = {passing:R}, ASSESS(L with L_n/γ₁) = {failing:R}, η₁ = {Arc.Settings.Eta1:R}")
            .Classify(true, "bracket");
    }

    /// <summary>Line 5: when ASSESS &gt; η₂ every constant is multiplied by γ₂ and nothing else changes.</summary>
    [Property]
    public Property ConservativeBranch_ScalesByGamma2(OptimizerProblem p)
    {
        var adj = Adjust(p, 1e6);
        if (adj.Branch != EigenArcBranch.Conservative || adj.Capped)
            return true.ToProperty().Classify(true, adj.Branch.ToString());
        return (adj.After - Arc.Settings.Gamma2 * adj.Before).L2Norm().Equals(0.0).Label($"before {adj.Before}, after {adj.After}");
    }

    /// <summary>The branch taken is the one ASSESS(L_t) selects (lines 4, 7).</summary>
    [Property]
    public Property Branch_FollowsAssessment(OptimizerProblem p, bool small)
    {
        var adj = Adjust(p, small ? 1e-3 : 1e3);
        var s = Arc.Settings;
        var expected = adj.AssessBefore > s.Eta2 ? EigenArcBranch.Conservative
            : adj.AssessBefore < s.Eta1 ? EigenArcBranch.Liberal : EigenArcBranch.Kept;
        return (adj.Branch == expected && (expected != EigenArcBranch.Kept || adj.After.Equals(adj.Before)))
            .Label($"ASSESS = {adj.AssessBefore:R}: branch {adj.Branch}, expected {expected}");
    }

    /// <summary>Ratios are never NaN: −∞ marks a failed (non-finite) trial, 1 a zero step.</summary>
    [Property]
    public Property Assess_IsNeverNaN(OptimizerProblem p, bool small)
    {
        var f = p.Objective;
        var e = SymmetricEigen.Decompose(f.Hessian(p.Point), f.Gradient(p.Point));
        double r = AssessLipschitz.Ratio(f, p.Point, e, Vector<double>.Build.Dense(p.Dimension, small ? 1e-300 : 1e300));
        return (!double.IsNaN(r)).Label($"ratio {r:R}");
    }
}
