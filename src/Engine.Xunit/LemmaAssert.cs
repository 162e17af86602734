using Verification.Engine;

namespace Verification.Engine.Xunit;

/// <summary>
/// xunit assertions over a researcher's own lemma (<see cref="Lemma{T1}"/>, or any <see cref="Statement{TInput}"/>):
/// the engine's full search with exact certification, and the exact check of a pinned counterexample. A failure is a
/// <see cref="LemmaFailedException"/> whose message is <see cref="LemmaReport"/>'s text: the certified counterexample,
/// both sides, the certified margin, the scope and the replay seed. Inconclusive and vacuous are failures, never passes.
/// </summary>
public static class LemmaAssert
{
    /// <summary>
    /// Passes when the search finds no counterexample (verdict holds, or proved); fails with the certified counterexample
    /// when refuted, and with the reason when inconclusive or vacuous.
    /// </summary>
    /// <param name="lemma">The statement.</param>
    /// <param name="seed">The search's seed (the failure message prints it; the same seed and budget replay the run).</param>
    /// <param name="budget">Evaluations for the random and climbing phases (edge cases come on top); ≥ 1.</param>
    /// <returns>The result, for further assertions.</returns>
    /// <exception cref="LemmaFailedException">the verdict is not holds or proved.</exception>
    /// <exception cref="ArgumentException">budget &lt; 1.</exception>
    public static ClaimResult Holds(IFormalization lemma, ulong seed = CatalogRun.DefaultSeed, int budget = CatalogRun.DefaultBudget)
    {
        ArgumentNullException.ThrowIfNull(lemma);
        var result = Lemmas.Check(lemma, seed, budget);
        if (result.Verdict is Verdict.Holds or Verdict.Proved)
            return result;
        string why = result.Verdict switch
        {
            Verdict.Refuted => "LemmaAssert.Holds() failure: the lemma is refuted by a counterexample certified in exact arithmetic.",
            Verdict.Inconclusive => "LemmaAssert.Holds() failure: the engine could not decide the lemma (inconclusive is not a pass; the notes say why).",
            _ => "LemmaAssert.Holds() failure: the lemma holds only trivially (vacuous) on every input that meets its hypotheses.",
        };
        throw new LemmaFailedException(why + "\n" + LemmaReport.Text(result, budget), result, null);
    }

    /// <summary>
    /// Passes when the search refutes the lemma with a certified counterexample (the failing statement a test documents);
    /// fails when it holds, is vacuous or is inconclusive.
    /// </summary>
    /// <returns>The certified counterexample.</returns>
    /// <exception cref="LemmaFailedException">no certified counterexample.</exception>
    public static Counterexample IsRefuted(IFormalization lemma, ulong seed = CatalogRun.DefaultSeed, int budget = CatalogRun.DefaultBudget)
    {
        ArgumentNullException.ThrowIfNull(lemma);
        var result = Lemmas.Check(lemma, seed, budget);
        if (result.Verdict == Verdict.Refuted && result.Counterexample is { } c)
            return c;
        throw new LemmaFailedException("LemmaAssert.IsRefuted() failure: no certified counterexample was found.\n" + LemmaReport.Text(result, budget), result, null);
    }

    /// <summary>
    /// Pins a known counterexample as a regression test: evaluates <paramref name="lemma"/> at
    /// <paramref name="counterexample"/> exactly and passes only when it is still a certified violation (for a statement
    /// "for almost every input", only on an open set).
    /// </summary>
    /// <returns>The certified counterexample at that input (both sides, certified margin, scope).</returns>
    /// <exception cref="LemmaFailedException">the input no longer violates the lemma, or cannot be decided.</exception>
    public static Counterexample Refutes<TInput>(ILemma<TInput> lemma, TInput counterexample) where TInput : notnull
    {
        ArgumentNullException.ThrowIfNull(lemma);
        return Refutes(lemma.Statement, counterexample);
    }

    /// <inheritdoc cref="Refutes{TInput}(ILemma{TInput}, TInput)"/>
    public static Counterexample Refutes<TInput>(Statement<TInput> statement, TInput counterexample) where TInput : notnull
    {
        ArgumentNullException.ThrowIfNull(statement);
        var check = Lemmas.At(statement, counterexample);
        if (check.Outcome == PinnedOutcome.Violated && check.Counterexample is { } c)
            return c;
        throw new LemmaFailedException("LemmaAssert.Refutes() failure: the pinned input is not a certified counterexample.\n" +
                                       LemmaReport.Text(statement.Name, check), null, check);
    }
}
