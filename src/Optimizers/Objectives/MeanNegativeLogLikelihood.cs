using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Optimizers.NaturalGradient;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// R(θ)/N = −(1/N)Σ_n log p(y_n|f(x_n, θ)), the averaged objective the thesis's experiments use (App. D.3), with F/N and F̃/N.
/// </summary>
public sealed class MeanNegativeLogLikelihood : IFisherObjective
{
    private readonly LikelihoodProblem _problem;

    /// <summary>Wraps <paramref name="problem"/>; <paramref name="name"/> names it in reports and snapshots.</summary>
    public MeanNegativeLogLikelihood(LikelihoodProblem problem, string name)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("name must not be empty.", nameof(name));
        _problem = problem;
        Name = name;
    }

    /// <summary>The underlying sum-form problem (eq. 7.1).</summary>
    public LikelihoodProblem Problem => _problem;

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int Dimension => _problem.Dimension;

    private double Scale => 1.0 / _problem.Count;

    /// <inheritdoc />
    public double Value(Vector<double> theta) => Scale * _problem.Risk(theta);

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta) => Scale * _problem.RiskGradient(theta);

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta) => Scale * _problem.Hessian(theta);

    /// <inheritdoc />
    public Matrix<double> Fisher(Vector<double> theta) => Scale * _problem.Fisher(theta);

    /// <inheritdoc />
    public Matrix<double> EmpiricalFisher(Vector<double> theta) => Scale * _problem.EmpiricalFisher(theta);
}
