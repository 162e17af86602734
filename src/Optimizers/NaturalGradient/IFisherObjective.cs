using MathNet.Numerics.LinearAlgebra;

namespace Verification.Optimizers.NaturalGradient;

/// <summary>
/// An objective of the form of balles-thesis eq. (7.1) that can also return its Fisher F(θ) (eq. 7.2) and empirical Fisher
/// F̃(θ) (eq. 7.3), in the same scaling as the objective (App. D.3: the mean over samples, so F/N and F̃/N).
/// </summary>
public interface IFisherObjective : IObjective
{
    /// <summary>F(θ) in the objective's scaling.</summary>
    Matrix<double> Fisher(Vector<double> theta);

    /// <summary>F̃(θ) in the objective's scaling.</summary>
    Matrix<double> EmpiricalFisher(Vector<double> theta);
}
