using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Guarantees;
using Verification.Numerics.Elmo;

namespace Verification.Optimizers.SecondOrder;

/// <summary>
/// Newton's method, Δθ = −H⁻¹∇f (elmo-amos §3.3: Φ = H⁻¹, which need not be PSD, so this is not a
/// quasi-Newton optimizer of Definition 3). Along v_i the step is x_N = |g_i|/λ_i (<see cref="NewtonStep.Along"/>);
/// where λ_i = 0 the inverse does not exist and the Moore–Penrose pseudo-inverse is used (x_i = 0).
/// Declares objective-scale invariance and rotation equivariance only; check-optimizer refutes descent on convex
/// quadratics at a singular Hessian (λ = [0], b = [1], θ = [0]: the pseudo-inverse gives Δθ = 0 although ∇f ≠ 0).
/// </summary>
public sealed class Newton : StatelessOptimizer, IDeclaresGuarantees
{
    /// <inheritdoc />
    public IReadOnlyList<Guarantee> Guarantees { get; } =
    [
        new ObjectiveScaleInvariance(),
        new RotationEquivariance(),
    ];

    /// <inheritdoc />
    public override string Name => "newton";

    /// <summary>The per-eigenspace steps x_i at θ (ascending-eigenvalue order) and the eigensystem they use.</summary>
    public static (EigenSystem Eigen, double[] Steps) EigenspaceSteps(IObjective objective, Vector<double> theta, bool absoluteCurvature)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Require.Finite(theta, nameof(theta));
        Require.SameLength(objective.Dimension, theta.Count, nameof(theta));
        var eigen = SymmetricEigen.Decompose(objective.Hessian(theta), objective.Gradient(theta));
        var x = new double[eigen.Dimension];
        for (int i = 0; i < x.Length; i++)
        {
            double lambda = absoluteCurvature ? Math.Abs(eigen.Values[i]) : eigen.Values[i];
            x[i] = lambda == 0 ? 0.0 : NewtonStep.Along(lambda, Math.Abs(eigen.GradientProjections[i]));
            if (!double.IsFinite(x[i]))
                throw new ArgumentException(
                    $"theta gives a Newton step that overflows along eigenvalue {Require.Show(eigen.Values[i])} (|g| = {Require.Show(Math.Abs(eigen.GradientProjections[i]))}).",
                    nameof(theta));
        }
        return (eigen, x);
    }

    /// <summary>
    /// Σ_i x_i·v_i; an ArgumentException (naming θ, where the step was taken) when some x_i or entry of the sum is beyond
    /// double.MaxValue, so no optimizer built on it returns ∞ or NaN (StatelessOptimizer's contract).
    /// </summary>
    internal static Vector<double> Combine(EigenSystem eigen, double[] x)
    {
        var step = Vector<double>.Build.Dense(eigen.Dimension);
        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]))
                throw new ArgumentException(
                    $"theta gives a step x_{i} = {Require.Show(x[i])} along eigenvalue {Require.Show(eigen.Values[i])} beyond the double range.", "theta");
            step += x[i] * eigen.Vectors.Column(i);
        }
        if (!step.All(double.IsFinite))
            throw new ArgumentException("theta gives a step Σ x_i·v_i whose entries exceed double.MaxValue.", "theta");
        return step;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Accuracy: the step of the computed eigensystem, each x_i = |g_i|/λ_i within ½ ulp. For a diagonal H that system is
    /// exact at any spread of the entries (SymmetricEigen's diagonal path, since stop 42: H = diag(1e308, −5.6e-37),
    /// ∇f = (−4e-44, 2.1e27) gave Δθ₂ = 0 for 3.75e63), and each entry of Δθ is −∇f_i/H_ii correctly rounded
    /// (EigenspaceOptimizerDiagonalRangeProperties, SymmetricEigenProperties). For a dense H, λ_i and g_i carry
    /// SymmetricEigen's normwise backward error (order n·2^-52·‖H‖₂ and n·2^-53·‖∇f‖₂), so along an eigenvalue or
    /// projection far below those norms the step has no relative accuracy. The same holds for saddle-free Newton, ELMO and
    /// Cauchy's method (within 1 ulp per x_i for the last two).
    /// </remarks>
    public override Vector<double> Update(IObjective objective, Vector<double> theta)
    {
        var (eigen, x) = EigenspaceSteps(objective, theta, absoluteCurvature: false);
        return Combine(eigen, x);
    }
}
