using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Guarantees;

namespace Verification.Optimizers.SecondOrder;

/// <summary>
/// Saddle-free Newton (Dauphin et al. 2014), Φ = |H|⁻¹ = V·diag(1/|λ_i|)·Vᵀ: Newton's step with every curvature
/// replaced by its magnitude, so every eigenspace descends. Φ is symmetric PSD (Definition 3). Where λ_i = 0 the
/// pseudo-inverse is used (φ_i = 0, no step along v_i). Declares quasi-Newton, no ascent in concave directions,
/// objective-scale invariance and rotation equivariance. It does not leave an exact strict saddle (∇f = 0 ⇒ Δθ = −Φ·0 = 0,
/// check-optimizer: λ = [-1], b = [0], θ = [0]) nor descend at a singular convex Hessian (λ = [0], b = [1], θ = [0]: Δθ = 0).
/// </summary>
public sealed class SaddleFreeNewton : StatelessOptimizer, IQuasiNewtonOptimizer, IDeclaresGuarantees
{
    /// <inheritdoc />
    public IReadOnlyList<Guarantee> Guarantees { get; } =
    [
        new QuasiNewton(),
        new NoAscentInConcaveDirections(),
        new ObjectiveScaleInvariance(),
        new RotationEquivariance(),
    ];

    /// <inheritdoc />
    public override string Name => "saddle-free-newton";

    /// <inheritdoc />
    /// <remarks>−∇f_i/|H_ii| correctly rounded for a diagonal H; otherwise the accuracy stated on <see cref="Newton.Update"/>.</remarks>
    public override Vector<double> Update(IObjective objective, Vector<double> theta)
    {
        var (eigen, x) = Newton.EigenspaceSteps(objective, theta, absoluteCurvature: true);
        return Newton.Combine(eigen, x);
    }

    /// <summary>
    /// Φ = |H(θ)|⁺ = V·diag(1/|λ_i|)·Vᵀ (0 for λ_i = 0): for a diagonal H each Φ_ii is 1/|H_ii| correctly rounded and Φ_ij = 0
    /// (the eigenvectors are ±e_i); otherwise within SymmetricEigen's normwise error (as <see cref="Newton.Update"/>).
    /// </summary>
    /// <exception cref="ArgumentException">θ not finite or of the wrong length; some 0 &lt; |λ_i| with 1/|λ_i| beyond
    /// double.MaxValue (before, its ∞ met the eigenvectors' zeros and gave ∞ and NaN entries silently).</exception>
    public Matrix<double> Preconditioner(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Require.Finite(theta, nameof(theta));
        Require.SameLength(objective.Dimension, theta.Count, nameof(theta));
        var eigen = SymmetricEigen.Decompose(objective.Hessian(theta), objective.Gradient(theta));
        var phi = eigen.Values.Select(l => l == 0 ? 0.0 : 1 / Math.Abs(l)).ToArray();
        if (phi.Any(double.IsInfinity))
            throw new ArgumentException(
                $"|H(θ)|⁺ has an eigenvalue 1/|λ| beyond double.MaxValue (λ = {Require.ShowAll(eigen.Values.ToArray())}): the range needs |λ| = 0 or |λ| ≥ 1/double.MaxValue.",
                nameof(theta));
        return eigen.Vectors * Matrix<double>.Build.DiagonalOfDiagonalArray(phi) * eigen.Vectors.Transpose();
    }
}
