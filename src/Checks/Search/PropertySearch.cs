using FsCheck;
using Verification.Checks.Results;
using Verification.Engine;

namespace Verification.Checks.Search;

/// <summary>
/// A property's search, run by the engine (src/Engine): edge cases, generated inputs of growing size, climbing on the
/// margin, then shrinking a certified counterexample to the simplest one; every input decided exactly from the doubles
/// the optimizer returned. Deterministic for a given seed and budget.
/// </summary>
internal sealed class PropertySearch<TInput> where TInput : notnull
{
    internal required Gen<TInput> Generator { get; init; }

    internal IEnumerable<TInput> Edges { get; init; } = [];

    internal required Func<TInput, Evaluation> Evaluate { get; init; }

    internal Func<TInput, System.Random, TInput>? Perturb { get; init; }

    internal Func<TInput, IEnumerable<TInput>> Shrink { get; init; } = _ => [];

    internal required Func<TInput, IReadOnlyList<NamedValue>> Describe { get; init; }

    /// <summary>The statement over generated inputs.</summary>
    internal PropertyStatement<TInput> Statement(string description, string tolerance)
    {
        var edges = Edges.ToList();
        return new PropertyStatement<TInput>
        {
            Name = "generated",
            Description = description,
            Tolerance = tolerance,
            Decide = Evaluate,
            MinimumDistinctInputs = 1,
            Domain = new Domain<TInput>
            {
                Generator = Generator,
                Edges = () => edges,
                Perturb = Perturb,
                Shrink = Shrink,
                Describe = Describe,
            },
        };
    }

    /// <summary>
    /// Runs the property as one claim: the generated inputs, then <paramref name="more"/> (e.g. the fixed points of the
    /// built-in test functions).
    /// </summary>
    internal PropertyResult Run(string property, string statement, bool declared, string tolerance, CheckOptions options, params IFormalization[] more)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options.Validated();
        var claim = PropertyClaims.Of(property, statement, [Statement(statement, tolerance), .. more]);
        return new PropertyResult(VerdictEngine.Check(claim, new RunSettings(options.Budget, options.Seed)), declared);
    }
}

/// <summary>How a property becomes an engine claim.</summary>
internal static class PropertyClaims
{
    /// <summary>A claim for <paramref name="property"/> with its formalizations.</summary>
    internal static Claim Of(string property, string statement, IReadOnlyList<IFormalization> formalizations) => new(
        property,
        new ClaimSource("check-optimizer", property, null, "generic optimizer property"),
        statement,
        "Checked on generated test problems, each decided exactly from the optimizer's own double outputs.",
        formalizations);

    /// <summary>A property that cannot be checked on this optimizer, with the reason (inconclusive, never a pass).</summary>
    internal static PropertyResult NotApplicable(string property, string statement, bool declared, string tolerance, string reason)
    {
        var tally = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        var f = new FormalizationResult("generated", statement, tolerance, StatementKind.Conformance, Verdict.Inconclusive, tally,
            double.NegativeInfinity, null, [reason]);
        return new PropertyResult(new ClaimResult(Of(property, statement, []), Verdict.Inconclusive, 0, null, [f], ["[generated] " + reason]), declared);
    }
}
