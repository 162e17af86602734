using MathNet.Numerics.LinearAlgebra;

namespace Verification.Optimizers;

/// <summary>
/// Oracle access to a twice-differentiable objective f: ℝⁿ → ℝ — what an optimizer may query at θ
/// (elmo-amos.md §2: f, ∇f, H or Hessian-vector products). Implementations validate θ
/// (length <see cref="Dimension"/>, finite entries) and throw <see cref="ArgumentException"/> otherwise.
/// </summary>
public interface IObjective
{
    /// <summary>A short, stable name (used in reports and snapshots).</summary>
    string Name { get; }

    /// <summary>n, the length of θ.</summary>
    int Dimension { get; }

    /// <summary>f(θ).</summary>
    double Value(Vector<double> theta);

    /// <summary>∇f(θ).</summary>
    Vector<double> Gradient(Vector<double> theta);

    /// <summary>H(θ) = ∇²f(θ), symmetric.</summary>
    Matrix<double> Hessian(Vector<double> theta);

    /// <summary>
    /// H(θ)v. The default forms H(θ) (which validates θ) and the product (<see cref="HessianProduct"/>: v finite and of
    /// length n, else an ArgumentException naming v; never NaN); matrix-free objectives override it.
    /// </summary>
    Vector<double> HessianVectorProduct(Vector<double> theta, Vector<double> v) => HessianProduct.Of(Hessian(theta), v, Dimension);
}
