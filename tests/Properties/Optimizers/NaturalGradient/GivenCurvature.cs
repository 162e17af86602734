using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.NaturalGradient;

namespace Verification.Tests.Properties.Optimizers.NaturalGradient;

/// <summary>
/// An objective that returns the given curvature and gradient at every θ: F(θ) with the given diagonal and one value off
/// the diagonal, F̃(θ) the same or diagonal with <paramref name="empiricalDiagonal"/>. With diagonal B the exact NGD/EFGD
/// step −γg_i/(b_i + λ) and the directions F⁻¹∇R, F̃⁻¹∇R are rationals of the inputs.
/// </summary>
internal sealed class GivenCurvature(double[] diagonal, double[] gradient, double offDiagonal = 0, double[]? empiricalDiagonal = null)
    : IFisherObjective
{
    public string Name => "given-curvature";

    public int Dimension => diagonal.Length;

    public double Value(Vector<double> theta) => 0;

    public Vector<double> Gradient(Vector<double> theta) => Vector<double>.Build.DenseOfArray(gradient);

    public Matrix<double> Hessian(Vector<double> theta) => Fisher(theta);

    public Matrix<double> Fisher(Vector<double> theta) =>
        Matrix<double>.Build.Dense(Dimension, Dimension, (i, j) => i == j ? diagonal[i] : offDiagonal);

    public Matrix<double> EmpiricalFisher(Vector<double> theta) => empiricalDiagonal is null
        ? Fisher(theta)
        : Matrix<double>.Build.Dense(Dimension, Dimension, (i, j) => i == j ? empiricalDiagonal[i] : 0);
}
