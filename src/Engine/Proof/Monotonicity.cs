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
/// A real function of several real inputs, written once over any arithmetic, so that its partial derivative in one input
/// (the others held as parameters) can be taken by forward-mode <see cref="Dual{T}"/> over the very code a statement
/// evaluates (<see cref="PartialDerivativeSign{TInput}"/>).
/// </summary>
public interface ISeveralInputFunction
{
    /// <summary>
    /// f at <paramref name="inputs"/> (in the order the check's projection gives them) in arithmetic <typeparamref name="T"/>,
    /// for every point of the check's domain; it states no hypotheses of its own (<see cref="Assume"/>).
    /// </summary>
    T At<T>(IReadOnlyList<T> inputs) where T : IReal<T>;
}

/// <summary>
/// A check "f′ ≥ 0" (or "≤ 0", "&gt; 0", "&lt; 0") on an open interval, for <see cref="Monotonicity.ByMeanValueTheorem{TInput}(string, string, Monotonicity.Trend, string, IDerivativeCheck, string?, string?)"/>,
/// which compares the sign it states with the trend it is asked to prove.
/// </summary>
public interface IDerivativeCheck : IFormalization
{
    /// <summary>True for f′ ≥ 0 (or &gt; 0), false for f′ ≤ 0 (or &lt; 0).</summary>
    bool NonNegative { get; }

    /// <summary>True when the sign is strict (f′ &gt; 0 or f′ &lt; 0).</summary>
    bool Strict { get; }
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
/// x₁ &lt; x₂ in I, f(x₂) − f(x₁) = f′(ξ)(x₂ − x₁) ≥ 0 for some ξ ∈ (x₁, x₂); where f is differentiable except at finitely
/// many points (the ends of the check's boxes where f's code changes branch), the theorem applies between them and the
/// inequalities chain. Continuity and differentiability are
/// the declaring statement's to argue (in its doc comment); the check supports it mechanically where f is branch-free
/// and built from +, −, ×, ÷, √ (and exp, ln, erf): every box the check closes evaluated f′ by the chain rule with every
/// divisor an interval without 0 and every √ argument bounded away from 0 (the derivative 1/(2√u) is a division by an
/// interval without 0, else <see cref="UndecidedException"/> and the box stays open), so f is analytic on each closed box
/// (or, for a box closed off a tight face, on the half-open box; see <see cref="FaceJet{T}"/>'s remarks).
/// </remarks>
public static class Monotonicity
{
    /// <summary>What a monotonicity reduction proves.</summary>
    public enum Trend
    {
        /// <summary>x₁ &lt; x₂ ⇒ f(x₁) ≤ f(x₂), from f′ ≥ 0.</summary>
        NonDecreasing,

        /// <summary>x₁ &lt; x₂ ⇒ f(x₂) ≤ f(x₁), from f′ ≤ 0.</summary>
        NonIncreasing,

        /// <summary>x₁ &lt; x₂ ⇒ f(x₁) &lt; f(x₂), from f′ &gt; 0.</summary>
        StrictlyIncreasing,

        /// <summary>x₁ &lt; x₂ ⇒ f(x₂) &lt; f(x₁), from f′ &lt; 0.</summary>
        StrictlyDecreasing,
    }

    /// <summary>
    /// The proof domain of a monotonicity statement proved entirely by the mean value theorem through
    /// <paramref name="derivativeCheck"/> (<see cref="ProofDomain{TInput}.ReductionOnly"/>).
    /// </summary>
    /// <param name="function">f's name, e.g. "ψ₅".</param>
    /// <param name="interval">The interval, e.g. "(0, ∞)".</param>
    /// <param name="increasing">True for "non-decreasing" (f′ ≥ 0), false for "non-increasing" (f′ ≤ 0).</param>
    /// <param name="derivativeCheck">The statement f′ ≥ 0 (or ≤ 0) on the interval, with proof domains covering it.</param>
    /// <exception cref="ArgumentException">an empty name or interval.</exception>
    public static ProofDomain<TInput> ByMeanValueTheorem<TInput>(string function, string interval, bool increasing, IDerivativeCheck derivativeCheck)
        where TInput : notnull =>
        ByMeanValueTheorem<TInput>(function, interval, increasing ? Trend.NonDecreasing : Trend.NonIncreasing, function + "′", derivativeCheck);

    /// <summary>
    /// The proof domain of a monotonicity statement proved by the mean value theorem through
    /// <paramref name="derivativeCheck"/>, with the derivative named (e.g. "∂x*/∂λ" for a function of several inputs whose
    /// other inputs are parameters) and, optionally, the part of the statement it proves.
    /// </summary>
    /// <param name="function">f's name, e.g. "x*(·; |g|, L)".</param>
    /// <param name="interval">The interval, e.g. "ℝ".</param>
    /// <param name="trend">What is proved; a strict trend needs a strict check.</param>
    /// <param name="derivative">The derivative's name, e.g. "∂x*/∂λ".</param>
    /// <param name="derivativeCheck">The statement on the derivative's sign over the interval, with proof domains covering it.</param>
    /// <param name="conclusion">
    /// Null when the trend is the statement itself; else the part of the statement it gives (e.g. "x*(0) &lt; x*(λ₁) for
    /// λ₁ &lt; 0"), when the statement is proved by several such domains, each a part of it.
    /// </param>
    /// <param name="parameters">Null for a function of one input; else the parameters' range, e.g. "|g| ≥ 0, L &gt; 0".</param>
    /// <exception cref="ArgumentException">an empty name, interval or derivative; an undefined trend; a check whose sign does not give the trend.</exception>
    public static ProofDomain<TInput> ByMeanValueTheorem<TInput>(string function, string interval, Trend trend, string derivative,
        IDerivativeCheck derivativeCheck, string? conclusion = null, string? parameters = null)
        where TInput : notnull
    {
        if (string.IsNullOrWhiteSpace(function))
            throw new ArgumentException("the function needs a name.", nameof(function));
        if (string.IsNullOrWhiteSpace(interval))
            throw new ArgumentException("the interval needs a description.", nameof(interval));
        if (string.IsNullOrWhiteSpace(derivative))
            throw new ArgumentException("the derivative needs a name.", nameof(derivative));
        ArgumentNullException.ThrowIfNull(derivativeCheck);
        if (!Enum.IsDefined(trend))
            throw new ArgumentException($"the trend must be one of {string.Join(", ", Enum.GetNames<Trend>())}, got {(int)trend}.", nameof(trend));
        bool increasing = trend is Trend.NonDecreasing or Trend.StrictlyIncreasing;
        bool strict = trend is Trend.StrictlyIncreasing or Trend.StrictlyDecreasing;
        if (derivativeCheck.NonNegative != increasing || (strict && !derivativeCheck.Strict))
            throw new ArgumentException(
                $"the check {derivativeCheck.Name} states {(derivativeCheck.NonNegative ? "f′ ≥ 0" : "f′ ≤ 0")}{(derivativeCheck.Strict ? " strictly" : "")}, which does not give \"{trend}\".",
                nameof(derivativeCheck));
        string sign = (increasing, strict) switch
        {
            (true, false) => "≥",
            (false, false) => "≤",
            (true, true) => ">",
            (false, true) => "<",
        };
        string words = trend switch
        {
            Trend.NonDecreasing => "non-decreasing",
            Trend.NonIncreasing => "non-increasing",
            Trend.StrictlyIncreasing => "strictly increasing",
            _ => "strictly decreasing",
        };
        return new ProofDomain<TInput>
        {
            Box = [],
            At = _ => throw new InvalidOperationException("a domain proved only through its reduction has no box to read."),
            Reduction = (conclusion is null ? "" : conclusion + " ⇐ ")
                + $"mean value theorem{(parameters is null ? "" : $", for every {parameters}")}: {function} is {words} on {interval} ⇐ {function} continuous on {interval} and {derivative} {sign} 0 in its interior ({derivative} by forward-mode differentiation of {function}'s own code)",
            ReductionCheck = derivativeCheck,
            ReductionOnly = true,
            CoversStatedDomain = true,
        };
    }

    /// <summary>
    /// The proof domains of a derivative check with the differentiated coordinate marked
    /// (<see cref="ProofCoordinate.Differentiated"/>), after checking them: every domain is a box (no reduction of its own
    /// to prove, no exact identity), <paramref name="variable"/> picks one coordinate of each, which is not a single value
    /// (a line of the variable must be covered by boxes), and that coordinate declares tight values only where no point of
    /// (a, b) lies (a map's pole, or a value that reads as an input ≤ a or ≥ b): a face inside (a, b) could hide a jump.
    /// </summary>
    internal static IReadOnlyList<ProofDomain<TInput>> DifferentiatedCharts<TInput>(IReadOnlyList<ProofDomain<TInput>> proofs,
        Func<ProofDomain<TInput>, int> variable, double lower, double upper)
        where TInput : notnull
    {
        ArgumentNullException.ThrowIfNull(proofs);
        var marked = new List<ProofDomain<TInput>>();
        foreach (var p in proofs)
        {
            if (p.ReductionOnly || p.Identity is not null || p.Box.Count == 0)
                throw new ArgumentException("a derivative check is proved on boxes: no reduction-only or identity domain.", nameof(proofs));
            int k = variable(p);
            var c = p.Box[k];
            if (!(c.Lower < c.Upper))
                throw new ArgumentException($"coordinate {c.Name} is the differentiated variable but holds a single value [{c.Lower}, {c.Upper}]: its lines must be covered by boxes.", nameof(proofs));
            foreach (var t in c.TightAt)
                if (!OutsideInterval(c, t, lower, upper))
                    throw new ArgumentException($"coordinate {c.Name}: a derivative check may declare a tight value only where no point of ({lower}, {upper}) lies (a map's pole, or an end of the interval), got {t} (a face inside could hide a jump of f).", nameof(proofs));
            marked.Add(p.WithDifferentiated(k));
        }
        return marked;
    }

    /// <summary>
    /// The one evaluation both derivative checks share: x restricted to (a, b) by hypotheses, the slope from f's own code
    /// (a hypothesis f states itself leaves the evaluation undecided, see <see cref="DerivativeSign"/>'s remarks), and the
    /// relation "0 ≤ slope", "slope ≤ 0", "0 &lt; slope" or "slope &lt; 0".
    /// </summary>
    internal static Relation<T> SlopeSign<T>(T x, string variableName, double lower, double upper, Func<T> slope,
        bool nonNegative, bool strict, string domainText) where T : IReal<T>
    {
        if (double.IsFinite(lower))
            Assume.That(x > T.Of(lower), $"{variableName} > {lower}");
        if (double.IsFinite(upper))
            Assume.That(x < T.Of(upper), $"{variableName} < {upper}");
        T value;
        try
        {
            value = slope();
        }
        catch (HypothesisException e)
        {
            throw new UndecidedException($"f states a hypothesis of its own (\"{e.Message}\"): its domain must be {domainText}.");
        }
        return (nonNegative, strict) switch
        {
            (true, false) => Relation.LessOrEqual(T.Of(0), value),
            (false, false) => Relation.LessOrEqual(value, T.Of(0)),
            (true, true) => Relation.Less(T.Of(0), value),
            (false, true) => Relation.Less(value, T.Of(0)),
        };
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
}

/// <summary>
/// "f′(x) ≥ 0" (or "≤ 0") for every x of an open interval (a, b), f′ from <see cref="Dual{T}"/> over f's own code: the
/// check of a monotonicity reduction (<see cref="Monotonicity.ByMeanValueTheorem{TInput}(string, string, bool, IDerivativeCheck)"/>).
/// </summary>
/// <remarks>
/// What keeps the check from proving a function that is not continuous on (a, b): f states no hypotheses (a hypothesis
/// of its own, which would let the prover close a box around a hole such as x = 0 for −1/x, makes the evaluation
/// undecided instead); the proof domains may declare tight values only where no point of (a, b) lies (a map's pole, or
/// a coordinate value that reads as an input ≤ a or ≥ b), so no box is closed off a face inside (a, b), where f could
/// jump: every point of (a, b) lies in a closed box on which f′ was enclosed by the chain rule with every comparison of
/// f's code decided for the whole box, i.e. f is one formula, analytic there (or in a half-open box off an end). Two
/// boxes that meet at x = c both hold c, where f has one value, so f is continuous across c even where its code changes
/// branch there (|x|, max, min decided "≤" on one box and "≥" on the other); f′ may jump at c, so the prover never
/// reduces a box to its face at c (the coordinate is marked <see cref="ProofCoordinate.Differentiated"/>), and the
/// mean value theorem is applied between such points. At a single point on such a tie, f′ as computed is a one-sided
/// derivative of each term, which only the search (never a proof) evaluates.
/// </remarks>
public sealed class DerivativeSign : Statement<double>, IDerivativeCheck
{
    private readonly IRealFunction _function;
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
    /// <param name="proofs">Proof domains of one coordinate (x, or t with x = φ(t)) covering (a, b), with tight values only at the ends of their coordinates.</param>
    /// <exception cref="ArgumentException">a ≥ b or a NaN end; a proof domain that is not one non-degenerate coordinate; a tight value inside the interval.</exception>
    [SetsRequiredMembers]
    public DerivativeSign(string name, string description, IRealFunction function, bool nonNegative, double lower, double upper,
        Domain<double> domain, IReadOnlyList<ProofDomain<double>> proofs)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(proofs);
        if (!(lower < upper))
            throw new ArgumentException($"the interval needs lower < upper, got ({lower}, {upper}).", nameof(lower));
        Name = name;
        Description = description;
        Tolerance = "None: every double-precision violation is re-evaluated in exact rational intervals, which decide.";
        MarginUnit = "absolute (f′ itself)";
        Domain = domain;
        Proofs = Monotonicity.DifferentiatedCharts(proofs, p => p.Box.Count == 1
            ? 0
            : throw new ArgumentException($"a check of f′ for f of one input is proved on boxes of one coordinate, got {p.Box.Count}.", nameof(proofs)),
            lower, upper);
        _function = function;
        NonNegative = nonNegative;
        _lower = lower;
        _upper = upper;
    }

    /// <inheritdoc />
    public bool NonNegative { get; }

    /// <inheritdoc />
    public bool Strict => false;

    /// <inheritdoc />
    public override Relation<T> Evaluate<T>(double input)
    {
        // x with the unit derivative dx/dx = 1; any tags of the arithmetic T (a prover's own Dual) stay inside T.
        var value = T.Input(input);
        return Monotonicity.SlopeSign(value, "x", _lower, _upper, () => _function.At(new Dual<T>(value, [T.Of(1)])).Derivative(0),
            NonNegative, strict: false, $"the whole interval ({_lower}, {_upper})");
    }
}

/// <summary>
/// "∂f/∂x_k ≥ 0" (or "≤ 0", "&gt; 0", "&lt; 0") for every point of a domain of several inputs whose input x_k lies in
/// an open interval (a, b), the partial derivative from <see cref="Dual{T}"/> over f's own code, the other inputs held
/// as parameters: the check of "f is monotone in x_k for every value of the parameters"
/// (<see cref="Monotonicity.ByMeanValueTheorem{TInput}(string, string, Monotonicity.Trend, string, IDerivativeCheck, string?, string?)"/>).
/// </summary>
/// <remarks>
/// <para>
/// The proof boxes span every coordinate; the one that x_k reads (found by probing each domain's <c>At</c>) is marked
/// <see cref="ProofCoordinate.Differentiated"/> and must be an interval, not a single value, so that for each value p of
/// the parameters the line {(x, p) : a &lt; x &lt; b} is covered by boxes, each closed in x (<see cref="DerivativeSign"/>'s
/// argument then holds on every line: f(·, p) is continuous on (a, b), one analytic formula on each closed piece, and its
/// derivative has the stated sign there; the mean value theorem between the pieces' ends gives the trend). The parameters'
/// coordinates may declare tight values (a face there only changes which parameters a box holds, not the line), changes
/// of variables, and a scaling reduction (<see cref="ProofDomain{TInput}.Scaling"/>, checked by the prover's dimensional
/// analysis on every closed box): a scaling of positive factors maps each line x ↦ c·x (c &gt; 0) onto a line of a chart
/// and multiplies f by a positive factor, so both the sign of ∂f/∂x_k and the continuity on the line carry over. The
/// interval's finite ends must then be 0 (a scaled x_k keeps its sign, not its value), which the dimensional analysis
/// enforces (a comparison of x_k with a non-zero constant is not homogeneous).
/// </para>
/// <para>
/// f states no hypotheses of its own: the domain's hypotheses on the parameters are kept by the proof boxes and the
/// search's inputs, and an evaluation of f outside them (an <see cref="ArgumentException"/> of its code) leaves the box
/// undecided instead of closed.
/// </para>
/// </remarks>
public sealed class PartialDerivativeSign<TInput> : Statement<TInput>, IDerivativeCheck where TInput : notnull
{
    private readonly ISeveralInputFunction _function;
    private readonly Func<TInput, IReadOnlyList<double>> _inputs;
    private readonly int _variable;
    private readonly string _variableName;
    private readonly double _lower;
    private readonly double _upper;

    /// <summary>The statement ∂f/∂x_k ≥ 0 (<paramref name="nonNegative"/>) or ≤ 0, strictly when <paramref name="strict"/>.</summary>
    /// <param name="name">Its name, e.g. "step-slope-nonpositive".</param>
    /// <param name="description">One sentence with its quantifiers.</param>
    /// <param name="function">f, of the inputs <paramref name="inputs"/> gives, with no hypotheses of its own.</param>
    /// <param name="inputs">The real inputs of a point, in f's order (each a coordinate's value, unchanged).</param>
    /// <param name="variable">k, the index of the differentiated input among <paramref name="inputs"/>.</param>
    /// <param name="variableName">x_k's name, e.g. "λ".</param>
    /// <param name="nonNegative">True for ∂f/∂x_k ≥ 0 (or &gt; 0), false for ≤ 0 (or &lt; 0).</param>
    /// <param name="strict">True for a strict sign.</param>
    /// <param name="lower">a (−∞ allowed).</param>
    /// <param name="upper">b (+∞ allowed).</param>
    /// <param name="domain">The points to search.</param>
    /// <param name="proofs">Boxes over every coordinate covering the domain (with x_k in (a, b)), charts and reductions declared.</param>
    /// <exception cref="ArgumentException">
    /// a ≥ b or a NaN end; k outside the inputs; a proof domain whose <c>At</c> does not pass exactly one coordinate through
    /// to x_k unchanged, or where that coordinate is a single value or declares a tight value inside (a, b).
    /// </exception>
    [SetsRequiredMembers]
    public PartialDerivativeSign(string name, string description, ISeveralInputFunction function, Func<TInput, IReadOnlyList<double>> inputs,
        int variable, string variableName, bool nonNegative, bool strict, double lower, double upper, Domain<TInput> domain,
        IReadOnlyList<ProofDomain<TInput>> proofs)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(proofs);
        if (!(lower < upper))
            throw new ArgumentException($"the interval needs lower < upper, got ({lower}, {upper}).", nameof(lower));
        if (variable < 0)
            throw new ArgumentException($"the variable's index must be ≥ 0, got {variable}.", nameof(variable));
        if (string.IsNullOrWhiteSpace(variableName))
            throw new ArgumentException("the variable needs a name.", nameof(variableName));
        _inputs = inputs;
        _variable = variable;
        Name = name;
        Description = description;
        Tolerance = "None: every double-precision violation is re-evaluated in exact rational intervals, which decide.";
        MarginUnit = $"absolute (∂f/∂{variableName} itself)";
        Domain = domain;
        Proofs = Monotonicity.DifferentiatedCharts(proofs, p => VariableCoordinate(p) is (>= 0 and var k, _)
            ? k
            : throw new ArgumentException($"the proof domain {p.Describe()}: {VariableCoordinate(p).Why}", nameof(proofs)), lower, upper);
        _function = function;
        _variableName = variableName;
        NonNegative = nonNegative;
        Strict = strict;
        _lower = lower;
        _upper = upper;
    }

    /// <inheritdoc />
    public bool NonNegative { get; }

    /// <inheritdoc />
    public bool Strict { get; }

    /// <summary>
    /// The coordinate of <paramref name="domain"/> that x_k reads: <c>At</c> at a point of distinct probe values must pass
    /// exactly one of them to x_k, and no other input may read it (x_k is that coordinate, not a function of several).
    /// </summary>
    private (int Index, string Why) VariableCoordinate(ProofDomain<TInput> domain)
    {
        var probe = Enumerable.Range(0, domain.Box.Count).Select(i => 0.375 + 0.25 * i).ToArray();
        IReadOnlyList<double> read;
        try
        {
            read = _inputs(domain.At(probe));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return (-1, "its At cannot be probed for the variable: " + e.Message);
        }
        if (_variable >= read.Count)
            return (-1, $"the variable's index {_variable} lies outside its {read.Count} inputs");
        int k = Array.IndexOf(probe, read[_variable]);
        if (k < 0 || read.Where((x, i) => i != _variable && x == probe[k]).Any())
            return (-1, "its At does not pass one coordinate unchanged to the differentiated input alone");
        return (k, "");
    }

    /// <inheritdoc />
    public override Relation<T> Evaluate<T>(TInput input)
    {
        var raw = _inputs(input);
        // Every input read by T.Input (tags and maps of the prover's boxes); x_k alone gets the unit derivative.
        var values = raw.Select(T.Input).ToArray();
        var point = values.Select((v, i) => new Dual<T>(v, i == _variable ? [T.Of(1)] : null)).ToArray();
        return Monotonicity.SlopeSign(values[_variable], _variableName, _lower, _upper, () => _function.At<Dual<T>>(point).Derivative(0),
            NonNegative, Strict, "the check's whole domain");
    }
}
