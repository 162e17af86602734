using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Elmo;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>What each line of Alg. 1 guarantees, checked on the optimizer (not on Verification.Numerics alone).</summary>
[Properties(Arbitrary = [typeof(OptimizerArbitraries)], MaxTest = 200)]
public class ElmoOptimizerProperties
{
    private static readonly ElmoOptimizer Elmo = new(new FunctionLipschitz("1+i", (_, _, e) =>
        Vector<double>.Build.Dense(e.Dimension, i => 1.0 + i)));

    /// <summary>Lines 3–6: the step along v_i is ElmoStep.Step(λ_i, |∇fᵀv_i|, L_t^i) with L_t^i from the oracle.</summary>
    [Property]
    public Property Step_PerEigenspace_IsElmoStep(OptimizerProblem p)
    {
        var f = p.Objective;
        var it = Elmo.Iterate(f, p.Point);
        var expected = Enumerable.Range(0, p.Dimension)
            .Select(i => ElmoStep.Step(it.Eigen.Values[i], Math.Abs(it.Eigen.GradientProjections[i]), 1.0 + i)).ToArray();
        var projected = it.Eigen.Vectors.Transpose() * it.Step;
        double scale = expected.Select(Math.Abs).DefaultIfEmpty(0).Max() + 1e-300;
        int worst = Enumerable.Range(0, p.Dimension).MaxBy(i => Math.Abs(projected[i] - expected[i]));
        bool same = it.EigenspaceSteps.SequenceEqual(expected)
            && Math.Abs(projected[worst] - expected[worst]) <= Tolerances.Optimizer.Reassembly * scale;
        return same.Label($"i = {worst}: vᵢᵀΔθ = {projected[worst]:R}, Elmo.Step = {expected[worst]:R}");
    }

    /// <summary>
    /// Definition 3 / Lemma 3.2: Φ is symmetric PSD and the step is −Φ∇f, except along eigenspaces with g_i = 0 and
    /// λ_i &lt; 0, where ELMO moves 2|λ_i|/L_t^i (to the cubic model's minimum) and no Φ can produce a step from g_i = 0.
    /// </summary>
    [Property]
    public Property Step_IsMinusPhiGradient_PlusSaddleEscape(OptimizerProblem p)
    {
        var f = p.Objective;
        var it = Elmo.Iterate(f, p.Point);
        var phi = it.Preconditioner();
        var g = f.Gradient(p.Point);
        var escape = Vector<double>.Build.Dense(p.Dimension);
        foreach (int i in ElmoPreconditioner.SingularDirections(it.Eigen))
            escape += it.EigenspaceSteps[i] * it.Eigen.Vectors.Column(i);
        var residual = it.Step - (-(phi * g) + escape);
        // Forming Φg costs O(n) roundings of size ε‖Φ‖‖g‖ (Φ is huge where λ_i ≈ 0 and g_i ≈ 0).
        double scale = it.Step.L2Norm() + phi.L2Norm() * g.L2Norm() + 1e-300;
        bool symmetric = (phi - phi.Transpose()).L2Norm() <= Tolerances.Optimizer.Reassembly * (phi.L2Norm() + 1e-300);
        double minEig = ElmoPreconditioner.Factors(it.Eigen, it.Lipschitz).DefaultIfEmpty(0).Min();
        return (symmetric && minEig >= 0 && residual.L2Norm() <= Tolerances.Optimizer.Reassembly * scale)
            .Label($"symmetric {symmetric}, min φ = {minEig:R}, ‖Δθ + Φ∇f − escape‖ = {residual.L2Norm():R} (scale {scale:R})");
    }

    /// <summary>Eq. (14) through the optimizer: every eigenspace's upper model at the step is ≤ 0.</summary>
    [Property]
    public Property Step_UpperModelPerEigenspace_IsNonPositive(OptimizerProblem p)
    {
        var it = Elmo.Iterate(p.Objective, p.Point);
        for (int i = 0; i < p.Dimension; i++)
        {
            double g = it.Eigen.GradientProjections[i], l = it.Eigen.Values[i], lip = it.Lipschitz[i], x = it.EigenspaceSteps[i];
            double m = CubicUpperModel.Evaluate(g, l, lip, x);
            double scale = Math.Abs(g * x) + Math.Abs(l) * x * x / 2 + lip * x * x * x / 6;
            if (m > Tolerances.Optimizer.ModelTerms * scale)
                return false.Label($"i = {i}: M(x) = {m:R} > 0 at λ = {l:R}, g = {g:R}, L = {lip:R}, x = {x:R}");
        }
        return true.ToProperty();
    }

    /// <summary>With L_t^i = √n·L_H the eigenspace models bound the true change (‖x‖₂³ ≤ √n·Σ|x_i|³), so f never increases.</summary>
    [Property]
    public Property Step_WithSqrtNTimesHessianLipschitz_DoesNotIncreaseF(OptimizerProblem p)
    {
        var f = p.Objective;
        var elmo = new ElmoOptimizer(new HessianLipschitzOracle(scale: Math.Sqrt(p.Dimension)));
        var step = elmo.Update(f, p.Point);
        double before = f.Value(p.Point), after = f.Value(p.Point + step);
        // The exact inequality holds for the exact eigensystem. The computed one is exact for a matrix within ~ε‖H‖ of H
        // (backward stability), which moves the quadratic term by ~ε‖H‖‖Δθ‖², and f itself is evaluated to a few ulps.
        double scale = Math.Abs(before) + Math.Abs(after)
            + f.Gradient(p.Point).L2Norm() * step.L2Norm() + f.Hessian(p.Point).L2Norm() * step.DotProduct(step) + 1e-300;
        return (after <= before + 1e-12 * scale).Label($"f before {before:R}, after {after:R}");
    }
}
