using FsCheck;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Outcome = Verification.Claims.Model.Outcome;

namespace Verification.Claims.Engine;

/// <summary>The two sides of a relation in double precision, and the scale its margin is measured in.</summary>
public readonly record struct Sides(double Lhs, double Rhs, double Scale);

/// <summary>The two sides of a relation as exact enclosures.</summary>
public readonly record struct ExactSides(RationalInterval Lhs, RationalInterval Rhs);

/// <summary>Which relation an <see cref="Inequality{TInput}"/> checks.</summary>
public enum Relation
{
    /// <summary>lhs ≤ rhs.</summary>
    LessOrEqual,

    /// <summary>lhs = rhs (up to the stated double tolerance; exactly in certification).</summary>
    Equal,

    /// <summary>lhs &lt; rhs strictly: equality is a violation (e.g. a second minimizer).</summary>
    Less,
}

/// <summary>
/// A formalization "for all inputs meeting the hypotheses, lhs(input) R rhs(input)" written as data: the
/// double sides, their exact enclosures, the hypotheses, and the domain's generator. Most claims are this.
/// </summary>
public sealed class Inequality<TInput> : Formalization<TInput> where TInput : notnull
{
    /// <inheritdoc />
    public override required string Name { get; init; }

    /// <inheritdoc />
    public override required string Description { get; init; }

    /// <inheritdoc />
    public override required string Tolerance { get; init; }

    /// <inheritdoc />
    public override required Gen<TInput> Generator { get; init; }

    /// <summary>The relation checked.</summary>
    public Relation Relation { get; init; } = Relation.LessOrEqual;

    /// <summary>For <see cref="Relation.Equal"/>: the relative tolerance of the double comparison.</summary>
    public double RelativeTolerance { get; init; }

    /// <summary>Both sides in double precision.</summary>
    public required Func<TInput, Sides> Sides { get; init; }

    /// <summary>Both sides as exact enclosures, at a given √ precision in bits.</summary>
    public required Func<TInput, int, ExactSides> ExactSides { get; init; }

    /// <summary>Null when the input meets the hypotheses, else the reason it does not.</summary>
    public Func<TInput, string?> Hypotheses { get; init; } = _ => null;

    /// <summary>Null unless the input satisfies the statement only trivially (the reason).</summary>
    public Func<TInput, string?> Trivially { get; init; } = _ => null;

    /// <summary>Edge cases tried first.</summary>
    public Func<IEnumerable<TInput>> Edges { get; init; } = () => [];

    /// <summary>Local move for climbing.</summary>
    public Func<TInput, System.Random, TInput>? Move { get; init; }

    /// <summary>Names and round-trip values of an input.</summary>
    public required Func<TInput, IReadOnlyList<NamedValue>> Show { get; init; }

    /// <summary>One sentence on what breaks at a counterexample.</summary>
    public Func<TInput, string>? Why { get; init; }

    /// <inheritdoc />
    public override IEnumerable<TInput> EdgeCases => Edges();

    /// <inheritdoc />
    public override Outcome Evaluate(TInput input)
    {
        if (Hypotheses(input) is { } reason)
            return Outcome.Reject(reason);
        if (Trivially(input) is { } trivial)
            return Outcome.Trivial(trivial);
        var s = Sides(input);
        return Relation switch
        {
            Relation.Equal => Outcome.Close(s.Lhs, s.Rhs, s.Scale, RelativeTolerance),
            Relation.Less => Outcome.Less(s.Lhs, s.Rhs, s.Scale),
            _ => Outcome.LessOrEqual(s.Lhs, s.Rhs, s.Scale),
        };
    }

    /// <inheritdoc />
    public override Certificate Certify(TInput input)
    {
        double scale = Sides(input).Scale;
        return ExactCheck.WithGrowingPrecision(bits =>
        {
            var exact = ExactSides(input, bits);
            return Relation switch
            {
                Relation.Equal => ExactCheck.Equal(exact.Lhs, exact.Rhs, scale),
                Relation.Less => ExactCheck.Less(exact.Lhs, exact.Rhs, scale),
                _ => ExactCheck.LessOrEqual(exact.Lhs, exact.Rhs, scale),
            };
        });
    }

    /// <inheritdoc />
    public override TInput Perturb(TInput input, System.Random random) => Move is null ? input : Move(input, random);

    /// <inheritdoc />
    public override IReadOnlyList<NamedValue> Describe(TInput input) => Show(input);

    /// <inheritdoc />
    public override string Explain(TInput input) => Why is null ? base.Explain(input) : Why(input);
}
