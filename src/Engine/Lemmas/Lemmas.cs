namespace Verification.Engine;

/// <summary>Checks a researcher's own statements with the engine: the whole search, or the exact evaluation at one input.</summary>
public static class Lemmas
{
    /// <summary>The claim a statement is checked as: its name as ID, its statement, its note as the interpretation.</summary>
    public static Claim ClaimOf(IFormalization statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var lemma = statement as ILemma;
        return new Claim(statement.Name, new ClaimSource("own", statement.Name, null, ""), statement.Description,
            lemma?.Note ?? "", [statement])
        {
            Reading = lemma?.Reading ?? Reading.AsWritten,
        };
    }

    /// <summary>
    /// Searches <paramref name="statement"/> for a certified counterexample (the same run as <c>verify</c> gives a catalog
    /// claim): deterministic for the seed and budget, so the result replays from them.
    /// </summary>
    /// <exception cref="ArgumentException">budget &lt; 1.</exception>
    public static ClaimResult Check(IFormalization statement, ulong seed = CatalogRun.DefaultSeed, int budget = CatalogRun.DefaultBudget) =>
        VerdictEngine.Check(ClaimOf(statement), new RunSettings(budget, seed));

    /// <inheritdoc cref="Check(IFormalization, ulong, int)"/>
    public static ClaimResult Check(ILemma lemma, ulong seed = CatalogRun.DefaultSeed, int budget = CatalogRun.DefaultBudget) =>
        Check((IFormalization)lemma, seed, budget);

    /// <summary>
    /// Evaluates <paramref name="statement"/> at <paramref name="input"/> only, in double precision and exactly (no
    /// search, no shrinking): a certified violation comes back with both sides, the certified margin and its scope.
    /// </summary>
    public static PinnedCheck At<TInput>(Statement<TInput> statement, TInput input) where TInput : notnull
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(input);
        return new Search<TInput>(statement, new RunSettings(1, CatalogRun.DefaultSeed)).Pin(input);
    }

    /// <inheritdoc cref="At{TInput}(Statement{TInput}, TInput)"/>
    public static PinnedCheck At<TInput>(ILemma<TInput> lemma, TInput input) where TInput : notnull
    {
        ArgumentNullException.ThrowIfNull(lemma);
        return At(lemma.Statement, input);
    }
}
