using MathNet.Numerics.LinearAlgebra;

namespace Verification.Optimizers;

/// <summary>
/// An objective whose third derivative is known exactly, for the curvature-drift quantities of
/// elmo-amos.md (eq. 2 and Assumption 2).
/// </summary>
public interface IThirdOrderObjective : IObjective
{
    /// <summary>
    /// The third derivative applied once: T(θ)[u] = d/dt H(θ + t·u) at t = 0, a symmetric matrix.
    /// </summary>
    Matrix<double> ThirdDerivativeAlong(Vector<double> theta, Vector<double> u);

    /// <summary>
    /// A rigorous spectral Hessian-Lipschitz constant L_H of eq. (2) (‖H(θ) − H(θ')‖₂ ≤ L_H‖θ − θ'‖₂ for all θ, θ'),
    /// or null when the objective has none (its third derivative is unbounded).
    /// </summary>
    double? HessianLipschitz { get; }
}
