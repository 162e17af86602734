using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// A likelihood p(y|f) of the output f ∈ 𝔽 = ℝ^M of a prediction function (balles-thesis §7.1, eq. 7.1), with the
/// log-density, ∇_f log p and ∇²_f log p in closed form, the same log-density over <see cref="IDualScalar{T}"/> (for
/// forward-mode checks), and an <see cref="ExpectationRule"/> that integrates over y ~ p(·|f) exactly (or with a
/// stated tail bound). Labels y are doubles: a real value, 0/1, a class index or a count.
/// </summary>
public interface ILikelihood
{
    /// <summary>Short stable name, e.g. "bernoulli-logit".</summary>
    string Name { get; }

    /// <summary>M, the length of f.</summary>
    int OutputDimension { get; }

    /// <summary>
    /// True when f is (a linear function of) the natural parameter of an exponential family, i.e. log p(y|f) =
    /// fᵀT(y) − A(f) + log h(y), so ∇²_f log p does not depend on y (the hypothesis of Prop. 7.1).
    /// </summary>
    bool IsNaturalParameterization { get; }

    /// <summary>Throws <see cref="ArgumentException"/> unless f lies in the parameter domain (length M, finite, e.g. a probability in (0, 1)).</summary>
    void ValidateOutput(Vector<double> f, string name);

    /// <summary>Throws <see cref="ArgumentException"/> unless y is in the support.</summary>
    void ValidateLabel(double y, string name);

    /// <summary>log p(y|f).</summary>
    double LogDensity(double y, Vector<double> f);

    /// <summary>∇_f log p(y|f).</summary>
    Vector<double> Gradient(double y, Vector<double> f);

    /// <summary>∇²_f log p(y|f).</summary>
    Matrix<double> Hessian(double y, Vector<double> f);

    /// <summary>log p(y|f) over any dual scalar (no validation; callers validate the real parts first).</summary>
    T LogDensity<T>(double y, T[] f) where T : IDualScalar<T>;

    /// <summary>Nodes and weights with E_{y~p(·|f)}[φ(y)] = Σ_k w_k φ(y_k) for the integrands the curvature matrices need.</summary>
    ExpectationRule Expectation(Vector<double> f);
}
