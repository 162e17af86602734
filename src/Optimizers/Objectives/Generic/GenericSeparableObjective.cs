using Verification.Numerics.Arithmetic;

namespace Verification.Optimizers.Objectives.Generic;

/// <summary>
/// f(θ) = Σ_i φ_i(θ_i) over <see cref="IReal{T}"/>, the twin of <see cref="SeparableObjective"/>: H = diag(φ_i″(θ_i)),
/// so the axes are an eigenbasis in term order, and L_H = max_i sup|φ_i‴| (the terms' proven bounds).
/// </summary>
public sealed class GenericSeparableObjective : IGenericObjective
{
    private readonly IGenericScalarTerm[] terms;

    /// <summary>The twin of <paramref name="reference"/> (every term must have a generic version).</summary>
    /// <exception cref="ArgumentException">a term without a generic version.</exception>
    public GenericSeparableObjective(SeparableObjective reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        Reference = reference;
        terms = [.. reference.Terms.Select(GenericScalarTerm.Of)];
        ThirdBounds = [.. reference.Terms.Select(t => t.ThirdBound)];
    }

    /// <inheritdoc />
    public IThirdOrderObjective Reference { get; }

    /// <summary>The terms φ_i.</summary>
    public IReadOnlyList<IGenericScalarTerm> Terms => terms;

    /// <summary>sup|φ_i‴| per term (proven, rounded up): the per-eigenspace constants of the separable reading of Lemma 3.1.</summary>
    public IReadOnlyList<double> ThirdBounds { get; }

    /// <inheritdoc />
    public bool HasDiagonalHessian => true;

    /// <inheritdoc />
    public T Value<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        GenericArguments.Length(theta, terms.Length);
        T sum = terms[0].Value(theta[0]);
        for (int i = 1; i < terms.Length; i++)
            sum += terms[i].Value(theta[i]);
        return sum;
    }

    /// <summary>Σ_i of each term's own term magnitude (<see cref="IGenericScalarTerm.Magnitude"/>).</summary>
    public T TermMagnitude<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        GenericArguments.Length(theta, terms.Length);
        T sum = terms[0].Magnitude(theta[0]);
        for (int i = 1; i < terms.Length; i++)
            sum += terms[i].Magnitude(theta[i]);
        return sum;
    }

    /// <inheritdoc />
    public T[] Gradient<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        GenericArguments.Length(theta, terms.Length);
        return [.. terms.Select((t, i) => t.First(theta[i]))];
    }

    /// <inheritdoc />
    public RealMatrix<T> Hessian<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        GenericArguments.Length(theta, terms.Length);
        return RealMatrix<T>.Diagonal([.. terms.Select((t, i) => t.Second(theta[i]))]);
    }

    /// <inheritdoc />
    public T HessianLipschitz<T>() where T : IReal<T> => T.Of(ThirdBounds.Max());
}
