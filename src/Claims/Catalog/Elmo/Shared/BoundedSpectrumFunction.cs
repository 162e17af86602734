using Verification.Numerics.Arithmetic;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Objectives.Generic;

namespace Verification.Claims.Catalog.Elmo.Shared;

/// <summary>
/// A separable function whose terms' curvature ranges are disjoint and listed in ascending order, so the sorted
/// eigenvectors of Assumption 2 are the axes at every θ (V ≡ I, L_R = 0), each eigenvalue moves with L̃^i = sup|φ_i'''|
/// along its own axis, and the smallest L_H of Assumption 2's third line is max(max_i L̃^i, 1/min_i L̃^i).
/// </summary>
internal sealed record BoundedSpectrumFunction(SeparableObjective F)
{
    /// <summary>The generic twin (φ_i″ over IReal).</summary>
    internal GenericSeparableObjective Generic { get; } = new(F);

    /// <summary>L̃^i = sup|φ_i'''| (proven, rounded up).</summary>
    internal double[] Constants => [.. F.Terms.Select(t => t.ThirdBound)];

    /// <summary>The smallest L_H of Assumption 2, in doubles (for reports).</summary>
    internal double LH => Math.Max(Constants.Max(), 1 / Constants.Min());

    /// <summary>The smallest L_H of Assumption 2, max(max_i L̃^i, 1/min_i L̃^i), in arithmetic T.</summary>
    internal T LipschitzH<T>() where T : IReal<T>
    {
        var constants = Constants.Select(T.Of).ToArray();
        return T.Max(constants.Aggregate(T.Max), 1 / constants.Aggregate(T.Min));
    }

    /// <summary>λ_sup = max_i sup φ_i'' (the tightest admissible bound; an integer for every function of Thm M.4's list).</summary>
    internal double LambdaSup => F.EigenvalueSupremum;

    /// <summary>sup_θ max_i |λ_i(θ)| = max_i max(|inf φ_i''|, |sup φ_i''|).</summary>
    internal double SpectralRadius =>
        F.Terms.Max(t => Math.Max(Math.Abs(t.SecondInfimum), Math.Abs(t.SecondSupremum)));
}
