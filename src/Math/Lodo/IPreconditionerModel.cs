using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Lodo;

/// <summary>
/// A learned preconditioner G(θ) of lodo.md §3: a matrix-valued function of a parameter vector θ, with the
/// products and the one derivative LODO (Algorithm 1) needs.
/// </summary>
public interface IPreconditionerModel
{
    /// <summary>n, the dimension G(θ) acts on.</summary>
    int Dimension { get; }

    /// <summary>The length of θ.</summary>
    int ParameterCount { get; }

    /// <summary>A short, stable description (used in optimizer names).</summary>
    string Name { get; }

    /// <summary>G(θ)v.</summary>
    Vector<double> Apply(Vector<double> theta, Vector<double> v);

    /// <summary>G(θ) as a dense n×n matrix.</summary>
    Matrix<double> Dense(Vector<double> theta);

    /// <summary>∂/∂θ (aᵀ G(θ) u), the only derivative the hypergradient of Algorithm 1 needs.</summary>
    Vector<double> BilinearGradient(Vector<double> theta, Vector<double> a, Vector<double> u);

    /// <summary>The initial θ₀ of Algorithm 1 (random for eq. 2, deterministic for the dense model).</summary>
    Vector<double> Initial(System.Random random);
}
