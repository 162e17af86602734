using Verification.Numerics.Arithmetic;

namespace Verification.Optimizers.Objectives.Generic;

/// <summary>
/// A test function written once over <see cref="IReal{T}"/>: f, ∇f and H in doubles (<see cref="Float64"/>) and in exact
/// rational intervals from the same code, so that a statement about f (a Taylor remainder, eq. 15, Lemma 3.1) is
/// certified exactly at a counterexample. Each is the generic twin of a double implementation in
/// <c>Verification.Optimizers.Objectives</c> (<see cref="Reference"/>), with which it agrees in doubles.
/// </summary>
public interface IGenericObjective
{
    /// <summary>The double implementation this is the generic version of (same function, same parameters).</summary>
    IThirdOrderObjective Reference { get; }

    /// <summary>The reference's name.</summary>
    string Name => Reference.Name;

    /// <summary>n, the length of θ.</summary>
    int Dimension => Reference.Dimension;

    /// <summary>True when H(θ) is diagonal at every θ by construction, so the coordinate axes, in coordinate order, are an eigenbasis.</summary>
    bool HasDiagonalHessian { get; }

    /// <summary>f(θ).</summary>
    /// <exception cref="ArgumentException">θ of a length other than <see cref="Dimension"/>.</exception>
    T Value<T>(IReadOnlyList<T> theta) where T : IReal<T>;

    /// <summary>
    /// The size of the terms f(θ) sums (each term's absolute value, added): what the rounding of f(θ) is proportional to,
    /// and so the scale of a statement that cancels values of f. At least |f(θ)|.
    /// </summary>
    /// <exception cref="ArgumentException">θ of a length other than <see cref="Dimension"/>.</exception>
    T TermMagnitude<T>(IReadOnlyList<T> theta) where T : IReal<T>;

    /// <summary>∇f(θ).</summary>
    /// <exception cref="ArgumentException">θ of a length other than <see cref="Dimension"/>.</exception>
    T[] Gradient<T>(IReadOnlyList<T> theta) where T : IReal<T>;

    /// <summary>H(θ) = ∇²f(θ), symmetric entry for entry.</summary>
    /// <exception cref="ArgumentException">θ of a length other than <see cref="Dimension"/>.</exception>
    RealMatrix<T> Hessian<T>(IReadOnlyList<T> theta) where T : IReal<T>;

    /// <summary>
    /// A spectral Hessian-Lipschitz constant L_H of elmo-amos eq. (2): exact where it is known in closed form (|c|‖u‖³ with
    /// its √ enclosed), else the reference's rigorous (rounded-up) double bound.
    /// </summary>
    T HessianLipschitz<T>() where T : IReal<T>;

    /// <summary>
    /// L_H·‖Δ‖³ for a step with ‖Δ‖² = <paramref name="stepNormSquared"/>: the eq. (2) bound on the drift of the second-order
    /// model. Implementations with an irrational L_H take one square root of the whole product, so that where the bound
    /// is attained with rational sides (a step along u for the cubic-perturbed quadratic) it stays a rational in exact
    /// arithmetic and the equality is decided.
    /// </summary>
    T LipschitzCubicBound<T>(T stepNormSquared) where T : IReal<T> =>
        HessianLipschitz<T>() * stepNormSquared * T.Sqrt(stepNormSquared);
}

/// <summary>Argument checks shared by the generic objectives.</summary>
internal static class GenericArguments
{
    internal static void Length<T>(IReadOnlyList<T> theta, int dimension)
    {
        ArgumentNullException.ThrowIfNull(theta);
        if (theta.Count != dimension)
            throw new ArgumentException($"theta must have length {dimension}, got {theta.Count}.", nameof(theta));
    }
}
