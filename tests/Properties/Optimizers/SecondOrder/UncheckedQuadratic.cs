using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// f(θ) = ½θᵀAθ − bᵀθ without any check of θ (unlike <see cref="Quadratic"/>): for tests of an optimizer's own argument checks.
/// </summary>
internal sealed class UncheckedQuadratic(Matrix<double> a, Vector<double> b) : IObjective
{
    public string Name => "unchecked quadratic";
    public int Dimension => b.Count;
    public double Value(Vector<double> theta) => 0.5 * theta.DotProduct(a * theta) - b.DotProduct(theta);
    public Vector<double> Gradient(Vector<double> theta) => a * theta - b;
    public Matrix<double> Hessian(Vector<double> theta) => a.Clone();
}
