using System.Diagnostics.CodeAnalysis;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;

namespace Verification.Engine;

/// <summary>
/// A real function of one real variable, written once over any arithmetic (design.md, "Write each statement once"), so
/// that its derivative can be taken by forward-mode <see cref="Dual{T}"/> over the very code a statement evaluates.
/// </summary>
public interface IRealFunction
{
    /// <summary>
    /// f(x) in arithmetic <typeparamref name="T"/>, for every x of the open interval its <see cref="DerivativeSign"/> check
    /// declares; it states no hypotheses of its own (<see cref="Assume"/>): its domain is that interval, without holes.
    /// </summary>
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
/// "f′(x) ≥ 0" (or "≤ 0") for every x of an open interval (a, b), f′ from <see cref="Dual{T}"/> over f's own code: the
/// check of a monotonicity reduction (<see cref="Monotonicity.ByMeanValueTheorem{TInput}"/>).
/// </summary>
/// <remarks>
/// What keeps the check from proving a function that is not continuous on (a, b): f states no hypotheses (a hypothesis
/// of its own, which would let the prover close a box around a hole such as x = 0 for −1/x, makes the evaluation
/// undecided instead); the proof domains may declare tight values only where no point of (a, b) lies (a map's pole, or
/// a coordinate value that reads as an input ≤ a or ≥ b), so no box is closed off a face inside (a, b), where f could
/// jump: every point of (a, b) lies in a closed box on which f′ was enclosed by the chain rule with every comparison of
/// f's code decided for the whole box, i.e. f is one formula, analytic there (or in a half-open box off an end).
/// </remarks>
public sealed class DerivativeSign : Statement<double>
{
    private readonly IRealFunction _function;
    private readonly bool _nonNegative;
    private readonly double _lower;
    private readonly double _upper;

    /// <summary>The statement f′ ≥ 0 (<paramref name="nonNegative"/>) or f′ ≤ 0 on <paramref name="domain"/>.</summary>
    /// <param name="name">Its name, e.g. "psi5-derivative-nonnegative".</param>
    /// <param name="description">One sentence with its quantifier.</param>
    /// <param name="function">f, whose hypotheses restrict x to its domain.</param>
    /// <param name="nonNegative">True for f′ ≥ 0, false for f′ ≤ 0.</param>
    /// <param name="lower">a, the interval's lower end (−∞ allowed).</param>
    /// <param name="upper">b, the interval's upper end (+∞ allowed).</param>
    /// <param name="domain">The inputs to search.</param>
    /// <param name="proofs">Proof domains covering (a, b) (charts for unbounded ends), with tight values only at the ends of their coordinates.</param>
    /// <exception cref="ArgumentException">a ≥ b or a NaN end; a tight value inside a coordinate's range.</exception>
    [SetsRequiredMembers]
    public DerivativeSign(string name, string description, IRealFunction function, bool nonNegative, double lower, double upper,
        Domain<double> domain, IReadOnlyList<ProofDomain<double>> proofs)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(proofs);
        if (!(lower < upper))
            throw new ArgumentException($"the interval needs lower < upper, got ({lower}, {upper}).", nameof(lower));
        foreach (var c in proofs.SelectMany(p => p.Box))
            foreach (var t in c.TightAt)
                if (!OutsideInterval(c, t, lower, upper))
                    throw new ArgumentException($"coordinate {c.Name}: a derivative check may declare a tight value only where no point of ({lower}, {upper}) lies (a map's pole, or an end of the interval), got {t} (a face inside could hide a jump of f).", nameof(proofs));
        Name = name;
        Description = description;
        Tolerance = "None: every double-precision violation is re-evaluated in exact rational intervals, which decide.";
        MarginUnit = "absolute (f′ itself)";
        Domain = domain;
        Proofs = proofs;
        _function = function;
        _nonNegative = nonNegative;
        _lower = lower;
        _upper = upper;
    }

    /// <summary>True when coordinate c's value t is its map's pole or reads as an input outside (a, b), exactly.</summary>
    private static bool OutsideInterval(ProofCoordinate c, double t, double lower, double upper)
    {
        if (c.Map?.Pole is { } pole && pole == t)
            return true;
        RationalInterval x;
        using (EnclosureSettings.Use(128))
            x = c.Map is { } map ? map.Apply(RationalInterval.Exact(t)) : RationalInterval.Exact(t);
        return (double.IsFinite(lower) && x.Upper <= ExactDouble.ToFraction(lower))
            || (double.IsFinite(upper) && x.Lower >= ExactDouble.ToFraction(upper));
    }

    /// <inheritdoc />
    public override Relation<T> Evaluate<T>(double input)
    {
        // x with the unit derivative dx/dx = 1; any tags of the arithmetic T (a prover's own Dual) stay inside T.
        var value = T.Input(input);
        if (double.IsFinite(_lower))
            Assume.That(value > T.Of(_lower), $"x > {_lower}");
        if (double.IsFinite(_upper))
            Assume.That(value < T.Of(_upper), $"x < {_upper}");
        var x = new Dual<T>(value, [T.Of(1)]);
        T slope;
        try
        {
            slope = _function.At(x).Derivative(0);
        }
        catch (HypothesisException e)
        {
            throw new UndecidedException($"f states a hypothesis of its own (\"{e.Message}\"): its domain must be the whole interval ({_lower}, {_upper}).");
        }
        return _nonNegative ? Relation.LessOrEqual(T.Of(0), slope) : Relation.LessOrEqual(slope, T.Of(0));
    }
}
