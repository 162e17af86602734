using FsCheck;
using Outcome = Verification.Claims.Model.Outcome;
using FsCheck.Fluent;
using Verification.Claims.Model;

namespace Verification.Claims.Engine;

/// <summary>
/// Margin-guided counterexample search (design.md): edge cases first, then FsCheck-generated inputs of growing
/// size, then hill-climbing from the inputs with the largest margins (the idea of Hypothesis's <c>target()</c>).
/// Every apparent violation, largest margin first, is certified exactly; a verdict is never taken from doubles.
/// </summary>
public sealed class MarginSearch<TInput> where TInput : notnull
{
    /// <summary>How many apparent violations are sent to the (slow) exact certifier at most.</summary>
    public const int MaxCertificationAttempts = 128;

    /// <summary>Fraction of the budget spent on random generation; the rest climbs.</summary>
    public const double RandomShare = 0.6;

    private const int PoolSize = 8;

    private readonly Formalization<TInput> _formalization;

    /// <summary>A search over <paramref name="formalization"/>.</summary>
    public MarginSearch(Formalization<TInput> formalization)
    {
        ArgumentNullException.ThrowIfNull(formalization);
        _formalization = formalization;
    }

    /// <summary>Runs the search; deterministic for a given <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="budget"/> &lt; 1.</exception>
    public LegacyResult Run(int budget, ulong seed)
    {
        if (budget < 1)
            throw new ArgumentException($"budget must be ≥ 1, got {budget}.", nameof(budget));
        ulong localSeed = seed ^ Verification.Engine.StableHash.Of(_formalization.Name);
        var tally = new Tally();
        var pool = new List<(TInput Input, double Margin)>();

        foreach (var input in _formalization.EdgeCases)
            Consider(input, tally, pool, fromEdge: true);

        int randomCount = System.Math.Max(1, (int)(budget * RandomShare));
        // Sizes grow from 1 to 100 like FsCheck's own runner, so small and large structures both appear.
        const int batches = 10;
        for (int b = 0; b < batches; b++)
        {
            int n = randomCount / batches + (b < randomCount % batches ? 1 : 0);
            if (n == 0) continue;
            // One FsCheck seed per batch (seed and odd gamma derived from the run's seed), so batches are independent.
            var here = new Rnd(localSeed + (ulong)b * 0x9E3779B97F4A7C15UL, 0x9E3779B97F4A7C15UL | 1);
            // FsCheck 3's Fluent Sample is (numberOfSamples, seed, size): n inputs at this batch's size.
            foreach (var input in _formalization.Generator.Sample(n, here, 1 + b * 11))
                Consider(input, tally, pool);
        }

        var random = new System.Random(unchecked((int)(localSeed ^ (localSeed >> 32))));
        int climbs = System.Math.Max(0, budget - randomCount);
        for (int i = 0; i < climbs && pool.Count > 0; i++)
        {
            // Prefer the best, but keep visiting the others so one plateau does not absorb the budget.
            int pick = random.NextDouble() < 0.5 ? 0 : random.Next(pool.Count);
            TInput next;
            try { next = _formalization.Perturb(pool[pick].Input, random); }
            catch (ArgumentException) { continue; }
            Consider(next, tally, pool);
        }

        return Decide(tally);
    }

    private int DescriptionLength(TInput input) => _formalization.Describe(input).Sum(v => v.Value.Length);

    private void Consider(TInput input, Tally tally, List<(TInput Input, double Margin)> pool, bool fromEdge = false)
    {
        tally.Cases++;
        Outcome outcome;
        try
        {
            outcome = _formalization.Evaluate(input);
        }
        catch (ArgumentException e)
        {
            outcome = Outcome.Reject(e.Message);
        }
        catch (Exception e) when (e is ArithmeticException or InvalidOperationException)
        {
            outcome = Outcome.Undecided(e.GetType().Name + ": " + e.Message);
        }

        switch (outcome.Kind)
        {
            case OutcomeKind.Rejected:
                tally.Rejected++;
                tally.RejectReasons.Add(outcome.Note ?? "outside the hypotheses");
                return;
            case OutcomeKind.Undecided:
                tally.Accepted++;
                tally.UndecidedOutcomes++;
                if (tally.UndecidedNotes.Count < 3)
                    tally.UndecidedNotes.Add(outcome.Note ?? "undecided");
                return;
            case OutcomeKind.SatisfiedTrivially:
                tally.Accepted++;
                tally.Trivial++;
                return;
        }

        tally.Accepted++;
        tally.WorstMargin = System.Math.Max(tally.WorstMargin, outcome.Margin);
        if (outcome.Kind == OutcomeKind.Violated)
        {
            tally.Violations++;
            tally.Candidates.Add((input, outcome, fromEdge));
        }
        if (!double.IsNaN(outcome.Margin))
        {
            pool.Add((input, outcome.Margin));
            pool.Sort((a, b) => b.Margin.CompareTo(a.Margin));
            if (pool.Count > PoolSize)
                pool.RemoveAt(pool.Count - 1);
        }
    }

    private LegacyResult Decide(Tally tally)
    {
        var notes = new List<string>();
        Counterexample? counterexample = null;
        int artifacts = 0, undecidable = 0;

        // Largest margin first; among equal margins the input with the shortest description (a crude shrink).
        // Rounding noise has tiny positive margins, so a real violation at margin 0 (a strict inequality met with
        // equality) could sit behind many of them: the hand-picked edge cases are therefore certified first.
        var ordered = tally.Candidates
            .OrderByDescending(c => c.FromEdge)
            .ThenByDescending(c => c.Outcome.Margin)
            .ThenBy(c => DescriptionLength(c.Input))
            .Take(MaxCertificationAttempts)
            .ToList();
        var undecidableDetails = new List<string>();
        foreach (var (input, outcome, _) in ordered)
        {
            Certificate certificate;
            try
            {
                certificate = _formalization.Certify(input);
            }
            catch (Exception e) when (e is ArgumentException or ArithmeticException or InvalidOperationException)
            {
                certificate = Certificate.Unknown("exact re-evaluation", e.GetType().Name + ": " + e.Message);
            }

            switch (certificate.Status)
            {
                case CertificationStatus.Certified:
                    counterexample = new Counterexample(
                        _formalization.Name, _formalization.Describe(input), outcome.Lhs, outcome.Rhs, outcome.Margin,
                        certificate.CertifiedMargin, certificate.Method + ": " + certificate.Detail, _formalization.Explain(input));
                    break;
                case CertificationStatus.RoundingArtifact:
                    artifacts++;
                    break;
                default:
                    undecidable++;
                    if (undecidableDetails.Count < 2)
                        undecidableDetails.Add(certificate.Detail);
                    break;
            }
            if (counterexample is not null)
                break;
        }

        Verdict verdict;
        if (counterexample is not null)
            verdict = Verdict.Refuted;
        else if (undecidable > 0)
        {
            verdict = Verdict.Inconclusive;
            notes.Add($"{undecidable} apparent violation(s) could be neither certified nor dismissed in exact arithmetic: " + string.Join("; ", undecidableDetails));
        }
        else if (tally.UndecidedOutcomes > 0)
        {
            verdict = Verdict.Inconclusive;
            notes.Add($"{tally.UndecidedOutcomes} evaluation(s) were undecided: " + string.Join("; ", tally.UndecidedNotes));
        }
        else if (tally.Accepted == 0)
        {
            verdict = Verdict.Inconclusive;
            notes.Add("no generated input met the statement's hypotheses");
        }
        else if (tally.Trivial == tally.Accepted)
        {
            verdict = Verdict.Vacuous;
            notes.Add("every accepted input satisfied the statement only trivially");
        }
        else
            verdict = Verdict.Holds;

        if (artifacts > 0)
            notes.Add(artifacts == tally.Violations
                ? $"{artifacts} double-precision violation(s), all rounding: exact arithmetic shows the statement holds there"
                : $"{tally.Violations} double-precision violation(s); the {artifacts} examined in exact arithmetic were all rounding");
        if (tally.Rejected > 0)
            notes.Add($"{tally.Rejected} input(s) outside the hypotheses, e.g. \"{tally.RejectReasons.GroupBy(r => r).OrderByDescending(g => g.Count()).First().Key}\"");
        if (tally.Trivial > 0 && verdict != Verdict.Vacuous)
            notes.Add($"{tally.Trivial} input(s) satisfied it only trivially");

        return new LegacyResult(
            _formalization.Name, _formalization.Description, _formalization.Tolerance, verdict,
            tally.Cases, tally.Accepted, tally.Violations, artifacts, undecidable,
            tally.WorstMargin, counterexample, notes);
    }

    private sealed class Tally
    {
        public int Cases;
        public int Accepted;
        public int Rejected;
        public int Trivial;
        public int Violations;
        public int UndecidedOutcomes;
        public double WorstMargin = double.NegativeInfinity;
        public readonly List<string> RejectReasons = [];
        public readonly List<string> UndecidedNotes = [];
        public readonly List<(TInput Input, Outcome Outcome, bool FromEdge)> Candidates = [];
    }
}
