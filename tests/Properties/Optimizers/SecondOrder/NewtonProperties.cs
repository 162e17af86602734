using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Elmo;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>Newton (Φ = H⁻¹), saddle-free Newton (Φ = |H|⁻¹) and Cauchy's method on the optimizer interface.</summary>
[Properties(Arbitrary = [typeof(OptimizerArbitraries)], MaxTest = 200)]
public class NewtonProperties
{
    /// <summary>Along every v_i with λ_i ≠ 0: λ_i·(vᵢᵀΔθ) = −g_i (Newton); |λ_i|·(vᵢᵀΔθ) = −g_i (saddle-free); 0 where λ_i = 0.</summary>
    [Property]
    public Property Steps_SolveTheirLinearSystemsPerEigenspace(OptimizerProblem p)
    {
        var f = p.Objective;
        var e = SymmetricEigen.Decompose(f.Hessian(p.Point), f.Gradient(p.Point));
        var newton = e.Vectors.Transpose() * new Newton().Update(f, p.Point);
        var free = e.Vectors.Transpose() * new SaddleFreeNewton().Update(f, p.Point);
        double scale = Enumerable.Range(0, p.Dimension).Select(i => e.Values[i] == 0 ? 0 : Math.Abs(e.GradientProjections[i] / e.Values[i])).Max() + 1e-300;
        for (int i = 0; i < p.Dimension; i++)
        {
            double lam = e.Values[i], g = e.GradientProjections[i];
            double xn = lam == 0 ? 0 : -g / lam, xs = lam == 0 ? 0 : -g / Math.Abs(lam);
            if (Math.Abs(newton[i] - xn) > Tolerances.Optimizer.Reassembly * scale || Math.Abs(free[i] - xs) > Tolerances.Optimizer.Reassembly * scale)
                return false.Label($"i = {i}, λ = {lam:R}, g = {g:R}: Newton {newton[i]:R} vs {xn:R}, saddle-free {free[i]:R} vs {xs:R}");
        }
        return true.ToProperty();
    }

    /// <summary>Saddle-free Newton is quasi-Newton (Definition 3): Φ symmetric PSD and Δθ = −Φ∇f; it never ascends to first order.</summary>
    [Property]
    public Property SaddleFree_IsQuasiNewton(OptimizerProblem p)
    {
        var f = p.Objective;
        var sfn = new SaddleFreeNewton();
        var phi = sfn.Preconditioner(f, p.Point);
        var g = f.Gradient(p.Point);
        var step = sfn.Update(f, p.Point);
        // Forming Φg costs O(n) roundings of size ε‖Φ‖‖g‖ (‖Φ‖ = 1/min|λ_i| is huge near a zero eigenvalue).
        double scale = step.L2Norm() + phi.L2Norm() * g.L2Norm() + 1e-300;
        double minEig = phi.Evd(Symmetricity.Symmetric).EigenValues.Min(z => z.Real);
        bool psd = minEig >= -Tolerances.Optimizer.Reassembly * (phi.L2Norm() + 1e-300);
        bool same = (step + phi * g).L2Norm() <= Tolerances.Optimizer.Reassembly * scale;
        double slope = g.DotProduct(step);
        return (psd && same && slope <= Tolerances.Optimizer.Reassembly * scale * (g.L2Norm() + 1e-300))
            .Label($"min eig Φ = {minEig:R}, ‖Δθ + Φg‖ = {(step + phi * g).L2Norm():R}, ∇fᵀΔθ = {slope:R}");
    }

    /// <summary>App. F.1: for λ_i &gt; 0 Cauchy's step equals ELMO's (the sign on the root is +); for λ_i &lt; 0 it is its mirror −x*(|λ|).</summary>
    [Property]
    public Property Cauchy_MatchesElmoWithSignOfLambda(OptimizerProblem p)
    {
        var f = p.Objective;
        var oracle = new ConstantLipschitz(2);
        var e = SymmetricEigen.Decompose(f.Hessian(p.Point), f.Gradient(p.Point));
        var x = e.Vectors.Transpose() * new CauchyMethod(oracle).Update(f, p.Point);
        for (int i = 0; i < p.Dimension; i++)
        {
            double lam = e.Values[i], a = Math.Abs(e.GradientProjections[i]);
            double expected = (lam < 0 ? -1 : 1) * ElmoStep.Step(Math.Abs(lam), a, 2);
            double scale = Math.Abs(expected) + x.AbsoluteMaximum() + 1e-300;
            if (Math.Abs(x[i] - expected) > 1e-11 * scale)
                return false.Label($"i = {i}, λ = {lam:R}, |g| = {a:R}: Cauchy {x[i]:R}, sgn(λ)·x*(|λ|) = {expected:R}");
        }
        return true.ToProperty();
    }
}
