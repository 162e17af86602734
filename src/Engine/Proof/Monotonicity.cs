using System.Diagnostics.CodeAnalysis;
using Verification.Numerics.Arithmetic;

namespace Verification.Engine;

/// <summary>
/// A real function of one real variable, written once over any arithmetic (design.md, "Write each statement once"), so
/// that its derivative can be taken by forward-mode <see cref="Dual{T}"/> over the very code a statement evaluates.
/// </summary>
public interface IRealFunction
{
    /// <summary>f(x) in arithmetic <typeparamref name="T"/>; the hypotheses of its domain through <see cref="Assume"/>.</summary>
    T At<T>(T x) where T : IReal<T>;
}

/// <summary>
/// Monotonicity statements proved by the mean value theorem (issue "Theorem checking", items 2 and 3): a statement
/// "x₁ ≤ x₂ ⇒ f(x₁) ≤ f(x₂)" (or ≥) is tight along the whole diagonal x₁ = x₂, where interval arithmetic cannot close
/// a box (f(X) − f(X) is not 0 over an interval X). It is reduced instead to "f′(x) ≥ 0 (or ≤ 0) for every x of the
/// interval", a one-input statement (<see cref="DerivativeSign"/>) proved by the same prover, with f′ from
/// <see cref="Dual{T}"/> over f's own generic code.
/// </summary>
/// <remarks>
/// The reduction: if f is continuous on an interval I and differentiable in its interior with f′ ≥ 0 there, then for
/// x₁ &lt; x₂ in I, f(x₂) − f(x₁) = f′(ξ)(x₂ − x₁) ≥ 0 for some ξ ∈ (x₁, x₂). Continuity and differentiability are
/// the declaring statement's to argue (in its doc comment); the check supports it mechanically where f is branch-free
/// and built from +, −, ×, ÷, √ (and exp, ln, erf): every box the check closes evaluated f′ by the chain rule with every
/// divisor an interval without 0 and every √ argument bounded away from 0 (the derivative 1/(2√u) is a division by an
/// interval without 0, else <see cref="UndecidedException"/> and the box stays open), so f is analytic on each closed box
/// (or, for a box closed off a tight face, on the half-open box; see <see cref="FaceJet{T}"/>'s remarks).
/// </remarks>
public static class Monotonicity
{
    /// <summary>
    /// The proof domain of a monotonicity statement proved entirely by the mean value theorem through
    /// <paramref name="derivativeCheck"/> (<see cref="ProofDomain{TInput}.ReductionOnly"/>).
    /// </summary>
    /// <param name="function">f's name, e.g. "ψ₅".</param>
    /// <param name="interval">The interval, e.g. "(0, ∞)".</param>
    /// <param name="increasing">True for "non-decreasing" (f′ ≥ 0), false for "non-increasing" (f′ ≤ 0).</param>
    /// <param name="derivativeCheck">The statement f′ ≥ 0 (or ≤ 0) on the interval, with proof domains covering it.</param>
    /// <exception cref="ArgumentException">an empty name or interval.</exception>
    public static ProofDomain<TInput> ByMeanValueTheorem<TInput>(string function, string interval, bool increasing, IFormalization derivativeCheck)
        where TInput : notnull
    {
        if (string.IsNullOrWhiteSpace(function))
            throw new ArgumentException("the function needs a name.", nameof(function));
        if (string.IsNullOrWhiteSpace(interval))
            throw new ArgumentException("the interval needs a description.", nameof(interval));
        ArgumentNullException.ThrowIfNull(derivativeCheck);
        string sign = increasing ? "≥" : "≤";
        string trend = increasing ? "non-decreasing" : "non-increasing";
        return new ProofDomain<TInput>
        {
            Box = [],
            At = _ => throw new InvalidOperationException("a domain proved only through its reduction has no box to read."),
            Reduction = $"mean value theorem: {function} is {trend} on {interval} ⇐ {function} continuous on {interval} and {function}′ {sign} 0 there ({function}′ by forward-mode differentiation of {function}'s own code)",
            ReductionCheck = derivativeCheck,
            ReductionOnly = true,
            CoversStatedDomain = true,
        };
    }
}

/// <summary>
/// "f′(x) ≥ 0" (or "≤ 0") for every x of f's domain, f′ from <see cref="Dual{T}"/> over f's own code: the check of a
/// monotonicity reduction (<see cref="Monotonicity.ByMeanValueTheorem{TInput}"/>).
/// </summary>
public sealed class DerivativeSign : Statement<double>
{
    private readonly IRealFunction _function;
    private readonly bool _nonNegative;

    /// <summary>The statement f′ ≥ 0 (<paramref name="nonNegative"/>) or f′ ≤ 0 on <paramref name="domain"/>.</summary>
    /// <param name="name">Its name, e.g. "psi5-derivative-nonnegative".</param>
    /// <param name="description">One sentence with its quantifier.</param>
    /// <param name="function">f, whose hypotheses restrict x to its domain.</param>
    /// <param name="nonNegative">True for f′ ≥ 0, false for f′ ≤ 0.</param>
    /// <param name="domain">The inputs to search.</param>
    /// <param name="proofs">Proof domains covering f's whole domain (charts for unbounded ends).</param>
    [SetsRequiredMembers]
    public DerivativeSign(string name, string description, IRealFunction function, bool nonNegative, Domain<double> domain,
        IReadOnlyList<ProofDomain<double>> proofs)
    {
        ArgumentNullException.ThrowIfNull(function);
        Name = name;
        Description = description;
        Tolerance = "None: every double-precision violation is re-evaluated in exact rational intervals, which decide.";
        MarginUnit = "absolute (f′ itself)";
        Domain = domain;
        Proofs = proofs;
        _function = function;
        _nonNegative = nonNegative;
    }

    /// <inheritdoc />
    public override Relation<T> Evaluate<T>(double input)
    {
        // x with the unit derivative dx/dx = 1; any tags of the arithmetic T (a prover's own Dual) stay inside T.
        var x = new Dual<T>(T.Input(input), [T.Of(1)]);
        var slope = _function.At(x).Derivative(0);
        return _nonNegative ? Relation.LessOrEqual(T.Of(0), slope) : Relation.LessOrEqual(slope, T.Of(0));
    }
}
