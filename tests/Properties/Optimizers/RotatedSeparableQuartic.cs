using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;

namespace Verification.Tests.Properties.Optimizers;

/// <summary>
/// f(θ) = Σ_k φ_k(u_kᵀθ) with φ_k(z) = ½a_k z² + (c_k/24) z⁴ and U = [u_1 … u_n] orthogonal: a Hessian
/// H(θ) = U·diag(φ_k''(u_kᵀθ))·Uᵀ that is diagonal in the rotated basis U, with eigenvalue φ_k''(z) = a_k + c_k z²/2 along
/// u_k. Where c_k = 0 that eigenvalue never changes (its eigenspace's Lipschitz rate of Assumption 2 is 0). Closed forms
/// throughout, so a test can follow each eigenspace's scalar coordinate z_k = u_kᵀθ on its own.
/// </summary>
public sealed class RotatedSeparableQuartic : IObjective
{
    public RotatedSeparableQuartic(Matrix<double> rotation, double[] quadratic, double[] quartic)
    {
        Rotation = rotation;
        Quadratic = quadratic;
        Quartic = quartic;
    }

    /// <summary>U, column k is u_k.</summary>
    public Matrix<double> Rotation { get; }

    /// <summary>a_k.</summary>
    public double[] Quadratic { get; }

    /// <summary>c_k ≥ 0.</summary>
    public double[] Quartic { get; }

    public string Name => "rotated-separable-quartic";

    public int Dimension => Quadratic.Length;

    /// <summary>φ_k'(z) = a_k z + c_k z³/6.</summary>
    public double First(int k, double z) => Quadratic[k] * z + Quartic[k] * z * z * z / 6;

    /// <summary>φ_k''(z) = a_k + c_k z²/2, the eigenvalue along u_k.</summary>
    public double Second(int k, double z) => Quadratic[k] + Quartic[k] * z * z / 2;

    /// <summary>z = Uᵀθ.</summary>
    public Vector<double> Coordinates(Vector<double> theta) => Rotation.TransposeThisAndMultiply(theta);

    public double Value(Vector<double> theta)
    {
        var z = Coordinates(theta);
        double sum = 0;
        for (int k = 0; k < Dimension; k++)
            sum += Quadratic[k] * z[k] * z[k] / 2 + Quartic[k] * Math.Pow(z[k], 4) / 24;
        return sum;
    }

    public Vector<double> Gradient(Vector<double> theta)
    {
        var z = Coordinates(theta);
        return Rotation * Vector<double>.Build.Dense(Dimension, k => First(k, z[k]));
    }

    public Matrix<double> Hessian(Vector<double> theta)
    {
        var z = Coordinates(theta);
        var h = Rotation * Matrix<double>.Build.DiagonalOfDiagonalArray([.. Enumerable.Range(0, Dimension).Select(k => Second(k, z[k]))]) * Rotation.Transpose();
        return (h + h.Transpose()) * 0.5;
    }
}
