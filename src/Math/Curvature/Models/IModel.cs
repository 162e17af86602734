using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Models;

/// <summary>
/// A prediction function f(x, θ): ℝ^D × ℝ^d → ℝ^M (balles-thesis §7.1) with its exact Jacobian J_θ f (M×d) and the
/// Hessians ∇²_θ f^(m) of its components, in closed form, plus the same function over <see cref="IDualScalar{T}"/>.
/// </summary>
public interface IModel
{
    /// <summary>Short stable name, e.g. "linear(D=2,M=1)".</summary>
    string Name { get; }

    /// <summary>D, the input length.</summary>
    int InputDimension { get; }

    /// <summary>d, the parameter length.</summary>
    int ParameterDimension { get; }

    /// <summary>M, the output length.</summary>
    int OutputDimension { get; }

    /// <summary>f(x, θ).</summary>
    Vector<double> Output(Vector<double> x, Vector<double> theta);

    /// <summary>J_θ f(x, θ), M×d.</summary>
    Matrix<double> Jacobian(Vector<double> x, Vector<double> theta);

    /// <summary>∇²_θ f^(m)(x, θ), d×d.</summary>
    Matrix<double> OutputHessian(Vector<double> x, Vector<double> theta, int m);

    /// <summary>f(x, θ) over dual scalars (no validation).</summary>
    T[] Output<T>(Vector<double> x, T[] theta) where T : IDualScalar<T>;
}
