using FsCheck;
using FsCheck.Fluent;
using Verification.Checks.Results;

namespace Verification.Checks.Search;

/// <summary>
/// The search behind every property: hand-picked edge cases first, then FsCheck-generated inputs of growing size,
/// then hill-climbing on the margin from the inputs closest to a violation (the engine's margin-guided idea,
/// src/Claims/Engine/MarginSearch.cs). Every evaluation is exact, so the first violation found is certified; it is
/// then shrunk greedily (FsCheck-style: a simpler candidate that still violates replaces it) to the smallest
/// counterexample found. Deterministic for a given seed and budget.
/// </summary>
internal sealed class PropertySearch<TInput> where TInput : notnull
{
    private const int PoolSize = 8;
    private const double RandomShare = 0.6;

    internal required Gen<TInput> Generator { get; init; }

    internal IEnumerable<TInput> Edges { get; init; } = [];

    internal required Func<TInput, Evaluation> Evaluate { get; init; }

    internal Func<TInput, System.Random, TInput>? Perturb { get; init; }

    internal Func<TInput, IEnumerable<TInput>> Shrink { get; init; } = _ => [];

    internal required Func<TInput, IComparable> Size { get; init; }

    internal required Func<TInput, IReadOnlyList<NamedInput>> Describe { get; init; }

    internal required Func<TInput, int> Dimension { get; init; }

    internal PropertyResult Run(string property, string statement, bool declared, string tolerance, CheckOptions options)
    {
        ulong seed = options.Seed ^ Fnv(property);
        var tally = new Tally();
        (TInput Input, Evaluation Eval)? found = null;
        var pool = new List<(TInput Input, double Margin)>();

        foreach (var input in Edges)
            if ((found = Consider(input, tally, pool)) is not null)
                break;

        int randomCount = System.Math.Max(1, (int)(options.Budget * RandomShare));
        const int batches = 10;
        for (int b = 0; b < batches && found is null; b++)
        {
            int n = randomCount / batches + (b < randomCount % batches ? 1 : 0);
            if (n == 0) continue;
            var rnd = new Rnd(seed + (ulong)b * 0x9E3779B97F4A7C15UL, 0x9E3779B97F4A7C15UL | 1);
            foreach (var input in Generator.Sample(n, rnd, 1 + b * 11))
                if ((found = Consider(input, tally, pool)) is not null)
                    break;
        }

        var random = new System.Random(unchecked((int)(seed ^ (seed >> 32))));
        for (int i = 0; found is null && Perturb is not null && pool.Count > 0 && tally.Cases < options.Budget; i++)
        {
            int pick = random.NextDouble() < 0.5 ? 0 : random.Next(pool.Count);
            found = Consider(Perturb(pool[pick].Input, random), tally, pool);
        }

        if (found is not { } hit)
        {
            var notes = Notes(tally);
            if (tally.Accepted == 0)
                return new PropertyResult(property, statement, declared, PropertyVerdict.Inconclusive, tally.Cases, 0, tolerance, null,
                    ["no input met the hypotheses or was accepted by the optimizer", .. notes]);
            notes.Insert(0, $"largest margin reached {ShowMargin(tally)} (≤ 0 means satisfied with room)");
            return new PropertyResult(property, statement, declared, PropertyVerdict.Holds, tally.Cases, tally.Accepted, tolerance, null, notes);
        }

        var (smallest, eval, steps) = ShrinkFrom(hit.Input, hit.Eval, tally, options.Budget);
        var counterexample = new PropertyCounterexample(
            [.. Describe(smallest), .. eval.Outputs], Dimension(smallest), eval.Lhs, eval.Rhs, eval.Margin,
            eval.Certification ?? "exact", eval.Explanation ?? "the property fails at these inputs", steps);
        return new PropertyResult(property, statement, declared, PropertyVerdict.Refuted, tally.Cases, tally.Accepted, tolerance, counterexample, Notes(tally));
    }

    private static string ShowMargin(Tally tally) => tally.WorstMargin.ToString("G3", System.Globalization.CultureInfo.InvariantCulture);

    private (TInput Input, Evaluation Eval, int Steps) ShrinkFrom(TInput input, Evaluation eval, Tally tally, int budget)
    {
        int steps = 0;
        int limit = tally.Cases + System.Math.Max(200, budget);
        bool progress = true;
        while (progress && tally.Cases < limit)
        {
            progress = false;
            foreach (var candidate in Shrink(input))
            {
                if (tally.Cases >= limit)
                    break;
                if (Size(candidate).CompareTo(Size(input)) >= 0)
                    continue;
                tally.Cases++;
                Evaluation e;
                try { e = Evaluate(candidate); }
                catch (ArgumentException) { continue; }
                if (e.Kind != EvaluationKind.Violated)
                    continue;
                (input, eval) = (candidate, e);
                steps++;
                progress = true;
                break;
            }
        }
        return (input, eval, steps);
    }

    private (TInput, Evaluation)? Consider(TInput input, Tally tally, List<(TInput Input, double Margin)> pool)
    {
        tally.Cases++;
        Evaluation e;
        try { e = Evaluate(input); }
        catch (ArgumentException ex) { e = Evaluation.Reject("the test problem rejected the input: " + ex.Message); }
        switch (e.Kind)
        {
            case EvaluationKind.Rejected:
                tally.Rejected++;
                tally.Reasons.Add(e.Note ?? "outside the hypotheses");
                return null;
            case EvaluationKind.Violated:
                tally.Accepted++;
                return (input, e);
        }
        tally.Accepted++;
        tally.WorstMargin = System.Math.Max(tally.WorstMargin, e.Margin);
        if (!double.IsNaN(e.Margin))
        {
            pool.Add((input, e.Margin));
            pool.Sort((a, b) => b.Margin.CompareTo(a.Margin));
            if (pool.Count > PoolSize)
                pool.RemoveAt(pool.Count - 1);
        }
        return null;
    }

    private static List<string> Notes(Tally tally)
    {
        var notes = new List<string>();
        if (tally.Rejected > 0)
            notes.Add($"{tally.Rejected} input(s) outside the hypotheses or refused, most often: \"{tally.Reasons.GroupBy(r => r).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key}\"");
        return notes;
    }

    private static ulong Fnv(string text)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in text)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return h;
    }

    private sealed class Tally
    {
        public int Cases;
        public int Accepted;
        public int Rejected;
        public double WorstMargin = double.NegativeInfinity;
        public readonly List<string> Reasons = [];
    }
}
