using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Checks.Search;

/// <summary>
/// A property of an optimizer as an engine statement (kind conformance): the optimizer runs in doubles on the input,
/// and its outputs are decided exactly (<see cref="Evaluation"/>). The engine's double pass sees the exact decision
/// rounded (so it can climb on the margin and never misses a violation that rounding would hide); its exact pass
/// certifies from the exact sides. A fact (a non-finite step, an exception) is a violation with margin 1.
/// </summary>
internal sealed class PropertyStatement<TInput> : Statement<TInput> where TInput : notnull
{
    internal PropertyStatement() => Kind = StatementKind.Conformance;

    private readonly Dictionary<TInput, Evaluation> decided = new(ReferenceEqualityComparer.Instance as IEqualityComparer<TInput> ?? EqualityComparer<TInput>.Default);
    private readonly Func<TInput, Evaluation> decide = _ => throw new InvalidOperationException("Decide is not set.");

    /// <summary>
    /// The exact decision on one input. Memoized per input object: the engine asks for the relation in double and
    /// exact arithmetic, the outputs and the explanation of the same input, and each decision runs the optimizer
    /// (in check-optimizer, in another process), possibly over many steps.
    /// </summary>
    internal required Func<TInput, Evaluation> Decide
    {
        get => Memoized;
        init => decide = value;
    }

    private Evaluation Memoized(TInput input)
    {
        lock (decided)
        {
            if (decided.TryGetValue(input, out var known))
                return known;
        }
        var e = decide(input);
        lock (decided)
        {
            if (decided.Count >= 4096)
                decided.Clear();
            decided[input] = e;
        }
        return e;
    }

    public override Relation<T> Evaluate<T>(TInput input)
    {
        var e = Decide(input);
        switch (e.Kind)
        {
            case EvaluationKind.Rejected:
                Assume.That(false, e.Note ?? "outside the hypotheses");
                break;
            case EvaluationKind.Fact:
                return Relation.LessOrEqual(T.Of(1), T.Of(0)).Labelled(e.Note ?? "a fact about the output");
        }
        if (!T.IsRigorous)
        {
            // Keep the exact decision in the double pass: if rounding the sides would flip it, report the rounded
            // exact margin instead (a violation by less than the double spacing must still reach certification).
            double lhs = Verification.Numerics.Exact.ExactDouble.ToDouble(e.Lhs), rhs = Verification.Numerics.Exact.ExactDouble.ToDouble(e.Rhs);
            bool doubleViolated = e.Strict ? lhs >= rhs : lhs > rhs;
            if (doubleViolated != (e.Kind == EvaluationKind.Violated) || !double.IsFinite(lhs) || !double.IsFinite(rhs))
            {
                double margin = Verification.Numerics.Exact.ExactDouble.ToDouble((e.Lhs - e.Rhs) / e.Scale);
                if (e.Kind == EvaluationKind.Violated && margin == 0 && !e.Strict)
                    margin = double.Epsilon;
                return e.Strict ? Relation.Less(T.Of(margin), T.Of(0)) : Relation.LessOrEqual(T.Of(margin), T.Of(0));
            }
        }
        var (l, r, s) = (T.Rational(e.Lhs), T.Rational(e.Rhs), T.Rational(e.Scale));
        return e.Strict ? Relation.Less(l, r, s) : Relation.LessOrEqual(l, r, s);
    }

    public override IReadOnlyList<NamedValue> Outputs(TInput input) => Decide(input).Outputs;

    public override string Explain(TInput input) => Decide(input).Explanation ?? "the property fails at these inputs";
}
