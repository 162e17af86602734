using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.NaturalGradient;

/// <summary>
/// θ_{t+1} = θ_t − γ(B(θ_t) + λI)⁻¹∇R(θ_t) for a curvature matrix B the objective provides (balles-thesis eqs. D.31, D.32),
/// solved by Cholesky (B is positive semi-definite, so B + λI is positive definite for λ &gt; 0).
/// </summary>
public abstract class DampedPreconditionedDescent : StatelessOptimizer, IQuasiNewtonOptimizer
{
    /// <summary>Step size γ &gt; 0 and damping λ &gt; 0.</summary>
    protected DampedPreconditionedDescent(double stepSize, double damping)
    {
        StepSize = Require.Positive(stepSize, nameof(stepSize));
        Damping = Require.Positive(damping, nameof(damping));
    }

    /// <summary>γ.</summary>
    public double StepSize { get; }

    /// <summary>λ.</summary>
    public double Damping { get; }

    /// <summary>B(θ): the Fisher or the empirical Fisher.</summary>
    protected abstract Matrix<double> Curvature(IFisherObjective objective, Vector<double> theta);

    private static IFisherObjective Fisherable(IObjective objective) => objective as IFisherObjective
        ?? throw new ArgumentException($"objective {objective.Name} does not provide a Fisher (IFisherObjective).", nameof(objective));

    /// <summary>(B(θ) + λI) for a checked objective.</summary>
    private Matrix<double> Damped(IFisherObjective objective, Vector<double> theta) =>
        Curvature(objective, theta) + Damping * Matrix<double>.Build.DenseIdentity(objective.Dimension);

    /// <inheritdoc />
    public override Vector<double> Update(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var fo = Fisherable(objective);
        return -StepSize * Damped(fo, theta).Cholesky().Solve(objective.Gradient(theta));
    }

    /// <summary>Φ = γ(B(θ) + λI)⁻¹ (elmo-amos Definition 3).</summary>
    public Matrix<double> Preconditioner(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var fo = Fisherable(objective);
        return StepSize * Damped(fo, theta).Inverse();
    }
}

/// <summary>NGD (eq. D.31): θ_{t+1} = θ_t − γ(F(θ_t) + λI)⁻¹∇R(θ_t).</summary>
public sealed class NaturalGradientDescent(double stepSize, double damping) : DampedPreconditionedDescent(stepSize, damping)
{
    /// <inheritdoc />
    public override string Name => $"ngd(γ={Require.Show(StepSize)},λ={Require.Show(Damping)})";

    /// <inheritdoc />
    protected override Matrix<double> Curvature(IFisherObjective objective, Vector<double> theta) => objective.Fisher(theta);
}

/// <summary>EFGD (eq. D.32): θ_{t+1} = θ_t − γ(F̃(θ_t) + λI)⁻¹∇R(θ_t).</summary>
public sealed class EmpiricalFisherGradientDescent(double stepSize, double damping) : DampedPreconditionedDescent(stepSize, damping)
{
    /// <inheritdoc />
    public override string Name => $"efgd(γ={Require.Show(StepSize)},λ={Require.Show(Damping)})";

    /// <inheritdoc />
    protected override Matrix<double> Curvature(IFisherObjective objective, Vector<double> theta) => objective.EmpiricalFisher(theta);
}
