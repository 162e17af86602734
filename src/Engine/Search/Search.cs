using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;

namespace Verification.Engine;

/// <summary>
/// The search behind every statement (design.md, "Search is margin-guided"): the domain's edge cases first, then
/// edge-biased random inputs of growing size, then climbing on the double margin from the inputs closest to a
/// violation (the idea of Hypothesis's <c>target()</c>). Every distinct input whose double evaluation is violated or
/// undecided is re-evaluated exactly at once (128, 512, 2048 bits); a certified violation ends the search and is
/// shrunk to the simplest certified violation, and its scope (open set or degenerate) is decided on exact boxes.
/// Inputs are deduplicated by their description. Deterministic for a given seed and budget.
/// </summary>
internal sealed class Search<TInput> where TInput : notnull
{
    /// <summary>Fraction of the budget spent on random generation; the rest climbs.</summary>
    internal const double RandomShare = 0.6;

    /// <summary>Precisions of exact re-evaluation, tried in turn until one decides.</summary>
    internal static readonly int[] Precisions = [128, 512, 2048];

    /// <summary>Relative radii of the boxes tried around a counterexample, largest first.</summary>
    internal static readonly double[] BoxRadii = [Math.ScaleB(1, -10), Math.ScaleB(1, -30), Math.ScaleB(1, -60), Math.ScaleB(1, -100)];

    private const int PoolSize = 8;
    private const int ShrinkEvaluations = 300;

    /// <summary>Shrinking stops once its exact re-evaluations together have spent this many inputs' work budgets.</summary>
    private const int ShrinkWorkFactor = 8;

    /// <summary>
    /// The search's exact re-evaluations together may spend this many inputs' work budgets; violations after that are
    /// unexamined (and the verdict inconclusive), as beyond the count <see cref="RunSettings.MaxExactEvaluations"/>.
    /// </summary>
    private const int TotalWorkFactor = 16;

    private readonly Statement<TInput> _statement;
    private readonly RunSettings _settings;
    private readonly Dictionary<string, bool> _seen = new(StringComparer.Ordinal);
    private readonly List<(TInput Input, double Margin)> _pool = [];
    private readonly Dictionary<string, int> _rejectReasons = new(StringComparer.Ordinal);
    private readonly List<string> _errorNotes = [];
    private readonly List<string> _undecidedNotes = [];
    private readonly List<string> _overBudgetNotes = [];
    private readonly List<string> _trivialReasons = [];
    private readonly List<string> _degenerateNotes = [];
    private int _cases, _distinct, _accepted, _rejected, _trivial, _violations, _certified, _artefacts, _undecidable, _unexamined, _errors;
    private int _exactRejected, _degenerate, _exactUsed, _settledUndecided, _overBudget;
    private long _totalWork;
    private double _worstMargin = double.NegativeInfinity;
    private Found? _found;

    /// <summary>
    /// The scope of a certified violation (<see cref="ScopeAt"/>): with whether its exact boxes ran out of work budget (then no
    /// open box was certified, but none was shown absent either) and the work they spent.
    /// </summary>
    private readonly record struct ScopeFinding(Scope Scope, string? Box, string? Note, bool OverBudget = false, long Work = 0);

    private sealed record Found(TInput Input, DoubleJudgement Double, ExactJudgement Exact, Scope Scope, string? Box, string? ScopeNote, string Origin);

    private string _phase = "edge case";

    internal Search(Statement<TInput> statement, RunSettings settings)
    {
        _statement = statement;
        _settings = settings;
    }

    private int ExactBudget => _settings.MaxExactEvaluations ?? Math.Max(256, _settings.Budget);

    private long ExactWorkBudget => _settings.MaxExactWork ?? RunSettings.DefaultMaxExactWork;

    private long ShrinkWorkBudget => Times(ShrinkWorkFactor, ExactWorkBudget);

    private long TotalWorkBudget => Times(TotalWorkFactor, ExactWorkBudget);

    private static long Times(int factor, long budget) => budget > long.MaxValue / factor ? long.MaxValue : factor * budget;

    internal FormalizationResult Run()
    {
        ulong seed = _settings.Seed ^ _settings.ClaimSeed ^ StableHash.Of(_statement.Name);
        var domain = _statement.Domain;

        foreach (var input in domain.Edges())
        {
            Consider(input);
            if (_found is not null)
                break;
        }

        int randomCount = Math.Max(1, (int)(_settings.Budget * RandomShare));
        const int batches = 10;
        _phase = "random input";
        for (int b = 0; b < batches && _found is null; b++)
        {
            int n = randomCount / batches + (b < randomCount % batches ? 1 : 0);
            if (n == 0)
                continue;
            // One independent FsCheck stream per batch (a mixed seed: seed + b·γ would be the same SplitMix stream shifted
            // by b draws); FsCheck 3's Sample is (count, seed, size): sizes grow from 1 to 100.
            var rnd = new Rnd(Mix(seed ^ Mix((ulong)b + 1)), 0x9E3779B97F4A7C15UL | 1);
            foreach (var input in domain.Generator.Sample(n, rnd, 1 + b * 11))
            {
                Consider(input);
                if (_found is not null)
                    break;
            }
        }

        var random = new System.Random(unchecked((int)(seed ^ (seed >> 32))));
        _phase = "margin climbing";
        int climbs = domain.Perturb is null ? 0 : Math.Max(0, _settings.Budget - randomCount);
        for (int i = 0; i < climbs && _pool.Count > 0 && _found is null; i++)
        {
            // Prefer the best, but keep visiting the others so one plateau does not absorb the budget.
            int pick = random.NextDouble() < 0.5 ? 0 : random.Next(_pool.Count);
            TInput next;
            try
            {
                next = domain.Perturb!(_pool[pick].Input, random);
            }
            catch (ArgumentException)
            {
                continue; // a move that leaves the domain is not an input
            }
            Consider(next);
        }

        return Decide();
    }

    /// <summary>SplitMix64's finaliser: a bijective mix, so distinct batch numbers give unrelated seeds.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private string Key(TInput input) =>
        string.Join("; ", _statement.Domain.Describe(input).Select(v => v.Name + "=" + v.Value));

    private void Consider(TInput input)
    {
        _cases++;
        string key;
        try
        {
            key = Key(input);
        }
        catch (Exception e) when (e is ArgumentException or ArithmeticException or InvalidOperationException)
        {
            RecordError(input, e, null);
            return;
        }
        if (!_seen.TryAdd(key, true))
            return;
        _distinct++;

        DoubleJudgement d;
        try
        {
            d = Judge.InDouble(_statement.Evaluate<Float64>(input));
        }
        catch (HypothesisException h)
        {
            Reject(h.Message);
            return;
        }
        catch (UndecidedException u)
        {
            d = new DoubleJudgement(Finding.Undecided, double.NaN, double.NaN, double.NaN, "undecided", u.Message);
        }
        catch (DoubleRangeException r)
        {
            // A valid input whose value doubles cannot hold (beyond ±double.MaxValue): settled exactly below, like an
            // undecided comparison, never counted as a failure of the code under test nor discarded.
            d = new DoubleJudgement(Finding.Undecided, double.NaN, double.NaN, double.NaN, "beyond the double range", r.Message);
        }
        catch (Exception e) when (IsFinding(e))
        {
            RecordError(input, e, key);
            return;
        }

        switch (d.Finding)
        {
            case Finding.Trivial:
                _accepted++;
                _trivial++;
                if (_trivialReasons.Count < 3 && d.Note is not null && !_trivialReasons.Contains(d.Note))
                    _trivialReasons.Add(d.Note);
                return;
            case Finding.Satisfied:
                _accepted++;
                _worstMargin = Math.Max(_worstMargin, d.Margin);
                AddToPool(input, d.Margin);
                return;
        }

        // Violated or undecided in double: settle it exactly, now.
        _violations++;
        if (_exactUsed >= ExactBudget || _totalWork >= TotalWorkBudget)
        {
            _accepted++;
            _unexamined++;
            return;
        }
        _exactUsed++;
        var exact = Certify(input, out var error);
        _totalWork = ExactWork.Sum(_totalWork, exact.Work);
        if (error is not null)
        {
            RecordError(input, error, key);
            return;
        }
        switch (exact.Status)
        {
            case CertificationStatus.OutsideHypotheses:
                _exactRejected++;
                Reject("exactly: " + exact.Detail);
                return;
            case CertificationStatus.Satisfied:
                _accepted++;
                if (exact.Trivial)
                    _trivial++;
                else if (d.Finding == Finding.Violated)
                    _artefacts++;
                else
                    _settledUndecided++;
                return;
            case CertificationStatus.Undecidable:
                _accepted++;
                _undecidable++;
                if (exact.OverBudget)
                {
                    _overBudget++;
                    if (_overBudgetNotes.Count < 2)
                        _overBudgetNotes.Add(Describe(input) + ": " + exact.Detail);
                }
                else if (_undecidedNotes.Count < 2)
                    _undecidedNotes.Add(Describe(input) + ": " + exact.Detail);
                return;
        }

        _accepted++;
        _certified++;
        _worstMargin = Math.Max(_worstMargin, double.IsNaN(d.Margin) ? double.MaxValue : d.Margin);
        var (scope, box, note, scopeOverBudget, scopeWork) = ScopeAt(input);
        _totalWork = ExactWork.Sum(_totalWork, scopeWork);
        if (_statement.AlmostEverywhere && scope != Scope.OpenSet && scopeOverBudget)
        {
            // The hedge allows a violation on a set of measure zero only: one whose boxes ran out of budget is undecided.
            _certified--;
            _undecidable++;
            _overBudget++;
            if (_overBudgetNotes.Count < 2)
                _overBudgetNotes.Add(Describe(input) + ": certified here, but " + note);
            return;
        }
        if (_statement.AlmostEverywhere && scope != Scope.OpenSet)
        {
            // "For almost every input": a violation on a set of measure zero is what the hedge allows.
            _degenerate++;
            if (_degenerateNotes.Count < 2)
                _degenerateNotes.Add(Describe(input));
            return;
        }
        _found = new Found(input, d, exact, scope, box, note, _phase);
    }

    private void AddToPool(TInput input, double margin)
    {
        if (double.IsNaN(margin) || _statement.Domain.Perturb is null)
            return;
        _pool.Add((input, margin));
        _pool.Sort((a, b) => b.Margin.CompareTo(a.Margin));
        if (_pool.Count > PoolSize)
            _pool.RemoveAt(_pool.Count - 1);
    }

    private void Reject(string reason)
    {
        _rejected++;
        _rejectReasons[reason] = _rejectReasons.GetValueOrDefault(reason) + 1;
    }

    private void RecordError(TInput input, Exception e, string? key)
    {
        _errors++;
        if (_errorNotes.Count < 3)
        {
            string where = key ?? "an input whose description failed";
            string note = $"the code under test failed at {where}: {e.Message}";
            if (!_errorNotes.Contains(note))
                _errorNotes.Add(note);
        }
    }

    /// <summary>
    /// Exceptions that are findings about the code under test (anything but the engine's own control flow and
    /// conditions no evaluation should catch).
    /// </summary>
    private static bool IsFinding(Exception e) =>
        e is not (HypothesisException or UndecidedException or OutOfMemoryException or StackOverflowException or OperationCanceledException);

    private string Describe(TInput input) =>
        string.Join(", ", _statement.Domain.Describe(input).Select(v => $"{v.Name} = {v.Value}"));

    /// <summary>Exact re-evaluation at growing precision; <paramref name="error"/> is set when the code under test threw.</summary>
    private ExactJudgement Certify(TInput input, out Exception? error)
    {
        using var work = ExactWork.Use(ExactWorkBudget);
        var result = CertifyWithin(input, out error);
        return result with { Work = Math.Min(ExactWork.Used, ExactWorkBudget) }; // the charge that overran it was refused, not performed
    }

    /// <summary>Exact re-evaluation at growing precision, inside the work budget <see cref="Certify"/> has set.</summary>
    private ExactJudgement CertifyWithin(TInput input, out Exception? error)
    {
        error = null;
        ExactJudgement last = new(CertificationStatus.Undecidable, 0, false, "not evaluated");
        for (int i = 0; i < Precisions.Length; i++)
        {
            int bits = Precisions[i];
            using var scope = EnclosureSettings.Use(bits);
            try
            {
                var relation = _statement.Evaluate<RationalInterval>(input);
                last = Judge.Exactly(relation, bits, topPrecision: i == Precisions.Length - 1);
            }
            catch (ExactWorkExceededException w)
            {
                // More bits would cost more: the case stays undecided at this budget.
                return new ExactJudgement(CertificationStatus.Undecidable, 0, false, $"{w.Message} ({bits}-bit enclosures)", OverBudget: true);
            }
            catch (HypothesisException h)
            {
                return new ExactJudgement(CertificationStatus.OutsideHypotheses, 0, false, h.Message);
            }
            catch (UndecidedException u)
            {
                last = new ExactJudgement(CertificationStatus.Undecidable, 0, false, $"{u.Message} ({bits}-bit enclosures)");
            }
            catch (Exception e) when (IsFinding(e))
            {
                error = e;
                return last;
            }
            if (last.Status != CertificationStatus.Undecidable)
                return last;
        }
        return last;
    }

    /// <summary>
    /// The scope of a certified violation at <paramref name="input"/>: by exact boxes (<see cref="ScopeOf"/>), except for
    /// a statement about an implementation's output (conformance, replay), whose outputs are fixed doubles of one run.
    /// </summary>
    private ScopeFinding ScopeAt(TInput input) =>
        _statement.Kind is StatementKind.Conformance or StatementKind.Replay
            ? new(Scope.Degenerate, null, "scope not analysed: the statement is about an implementation's output at this input")
            : ScopeOf(input);

    /// <summary>
    /// Open set when the relation is certified violated on an exact box around the input (every real input read with
    /// <c>T.Input</c> widened by a relative radius, largest first); degenerate otherwise.
    /// </summary>
    private ScopeFinding ScopeOf(TInput input)
    {
        bool overBudget = false;
        long spent = 0;
        foreach (double radius in BoxRadii)
        {
            using var scope = EnclosureSettings.Use(Precisions[0], radius);
            using var work = ExactWork.Use(ExactWorkBudget);
            int before = EnclosureSettings.InputsWidened;
            try
            {
                var judgement = Judge.Exactly(_statement.Evaluate<RationalInterval>(input), Precisions[0], topPrecision: false);
                if (EnclosureSettings.InputsWidened == before)
                    return new(Scope.Degenerate, null, "no real input to widen: the statement reads no input with T.Input", Work: ExactWork.Sum(spent, ExactWork.Used));
                if (judgement.Status == CertificationStatus.Certified)
                    return new(Scope.OpenSet, BoxText(radius), null, Work: ExactWork.Sum(spent, ExactWork.Used));
            }
            catch (ExactWorkExceededException)
            {
                // Not decided at this budget: no box is certified, but the point is not shown degenerate either.
                overBudget = true;
            }
            catch (Exception e) when (e is HypothesisException or UndecidedException or ArithmeticException or ArgumentException)
            {
                // The box leaves the hypotheses or cannot be decided: try a smaller one.
            }
            spent = ExactWork.Sum(spent, Math.Min(ExactWork.Used, ExactWorkBudget)); // an overrunning charge was refused
        }
        return overBudget
            ? new(Scope.Degenerate, null, $"scope not determined: the exact boxes around it reached the work budget of {ExactWorkBudget:N0} word products, so no open box could be certified (it may be one)", true, spent)
            : new(Scope.Degenerate, null, null, Work: spent);
    }

    private static string BoxText(double radius) => string.Create(CultureInfo.InvariantCulture,
        $"every real input x in [x − r·max(|x|, 2^-1022), x + r·max(|x|, 2^-1022)] with r = 2^{Math.ILogB(radius)} around the inputs shown");

    /// <summary>Greedy shrinking: a simpler candidate replaces the counterexample when it is certified too (and keeps an open-set scope).</summary>
    private (Found Found, int Steps) Shrink(Found found)
    {
        var shrink = _statement.Domain.Shrink;
        if (shrink is null)
            return (found, 0);
        int steps = 0, evaluations = 0;
        long work = 0;
        long complexity = Simplicity.Of(_statement.Domain.Describe(found.Input));
        bool progress = true;
        while (progress && evaluations < ShrinkEvaluations && work <= ShrinkWorkBudget)
        {
            progress = false;
            var candidates = shrink(found.Input)
                .Select(c => (Input: c, Complexity: SafeComplexity(c)))
                .Where(c => c.Complexity < complexity)
                .OrderBy(c => c.Complexity)
                .ToList();
            foreach (var (candidate, candidateComplexity) in candidates)
            {
                if (evaluations++ >= ShrinkEvaluations)
                    break;
                var exact = Certify(candidate, out var error);
                work = ExactWork.Sum(work, exact.Work);
                if (work > ShrinkWorkBudget)
                    break;
                if (error is not null || exact.Status != CertificationStatus.Certified)
                    continue;
                var (scope, box, note, _, scopeWork) = found.Scope == Scope.OpenSet ? ScopeOf(candidate) : new ScopeFinding(Scope.Degenerate, null, found.ScopeNote);
                work = ExactWork.Sum(work, scopeWork);
                if (found.Scope == Scope.OpenSet && scope != Scope.OpenSet)
                    continue;
                DoubleJudgement d;
                try
                {
                    d = Judge.InDouble(_statement.Evaluate<Float64>(candidate));
                }
                catch (Exception e) when (e is HypothesisException or UndecidedException || IsFinding(e))
                {
                    d = new DoubleJudgement(Finding.Undecided, double.NaN, double.NaN, double.NaN, found.Double.Relation, null);
                }
                found = new Found(candidate, d, exact, scope, box, note, found.Origin);
                complexity = candidateComplexity;
                steps++;
                progress = true;
                break;
            }
        }
        return (found, steps);
    }

    private Counterexample CounterexampleOf(Found found, int steps) => new(
        _statement.Name,
        _statement.Domain.Describe(found.Input),
        found.Double.Relation ?? "the relation",
        found.Double.Lhs,
        found.Double.Rhs,
        found.Double.Margin,
        found.Exact.CertifiedMargin,
        _statement.MarginUnit,
        found.Scope,
        found.Box,
        _statement.Kind == StatementKind.Conformance,
        "exact rational interval arithmetic: " + found.Exact.Detail,
        Explain(found.Input),
        steps,
        OutputsOf(found.Input),
        found.Origin);

    /// <summary>
    /// Evaluates one given input (a known counterexample) in double precision and exactly, without searching: a certified
    /// violation comes back as a counterexample with its scope; anything else with the reason.
    /// </summary>
    internal PinnedCheck Pin(TInput input)
    {
        IReadOnlyList<NamedValue> inputs;
        try
        {
            inputs = _statement.Domain.Describe(input);
        }
        catch (Exception e) when (IsFinding(e))
        {
            return new PinnedCheck(PinnedOutcome.CodeFailed, [], $"the input cannot be described: {e.Message}", null);
        }
        DoubleJudgement d;
        try
        {
            d = Judge.InDouble(_statement.Evaluate<Float64>(input));
        }
        catch (HypothesisException h)
        {
            d = new DoubleJudgement(Finding.Undecided, double.NaN, double.NaN, double.NaN, "outside the hypotheses in double precision", h.Message);
        }
        catch (UndecidedException u)
        {
            d = new DoubleJudgement(Finding.Undecided, double.NaN, double.NaN, double.NaN, "undecided", u.Message);
        }
        catch (DoubleRangeException r)
        {
            d = new DoubleJudgement(Finding.Undecided, double.NaN, double.NaN, double.NaN, "beyond the double range", r.Message);
        }
        catch (Exception e) when (IsFinding(e))
        {
            return new PinnedCheck(PinnedOutcome.CodeFailed, inputs, $"the code under test failed in double precision: {e.Message}", null);
        }
        var exact = Certify(input, out var error);
        if (error is not null)
            return new PinnedCheck(PinnedOutcome.CodeFailed, inputs, $"the code under test failed in exact arithmetic: {error.Message}", null);
        switch (exact.Status)
        {
            case CertificationStatus.OutsideHypotheses:
                return new PinnedCheck(PinnedOutcome.OutsideHypotheses, inputs, "outside the hypotheses (exactly): " + exact.Detail, null);
            case CertificationStatus.Satisfied:
                return new PinnedCheck(PinnedOutcome.Satisfied, inputs, "the statement holds here exactly: " + exact.Detail, null);
            case CertificationStatus.Undecidable:
                return new PinnedCheck(PinnedOutcome.Undecidable, inputs, "exact arithmetic decides neither way: " + exact.Detail, null);
        }
        var (scope, box, note, scopeOverBudget, _) = ScopeAt(input);
        var counterexample = CounterexampleOf(new Found(input, d, exact, scope, box, note, "pinned input"), 0);
        if (_statement.AlmostEverywhere && scope != Scope.OpenSet && scopeOverBudget)
            return new PinnedCheck(PinnedOutcome.Undecidable, inputs,
                "a certified violation whose scope is undecided (the statement allows degenerate points only): " + note, null);
        if (_statement.AlmostEverywhere && scope != Scope.OpenSet)
            return new PinnedCheck(PinnedOutcome.AllowedException, inputs,
                "a certified violation at a degenerate point, which the statement's \"almost every input\" allows", counterexample);
        return new PinnedCheck(PinnedOutcome.Violated, inputs, "certified violation", counterexample);
    }

    private long SafeComplexity(TInput input)
    {
        try
        {
            return Simplicity.Of(_statement.Domain.Describe(input));
        }
        catch (Exception e) when (e is ArgumentException or ArithmeticException or InvalidOperationException)
        {
            return long.MaxValue;
        }
    }

    private FormalizationResult Decide()
    {
        var notes = new List<string>();
        Counterexample? counterexample = null;
        Verdict verdict;
        if (_found is not null)
        {
            var (found, steps) = Shrink(_found);
            counterexample = CounterexampleOf(found, steps);
            if (found.ScopeNote is not null)
                notes.Add(found.ScopeNote);
            verdict = Verdict.Refuted;
        }
        else if (_errors > 0)
        {
            verdict = Verdict.Inconclusive;
            notes.Add($"{_errors} input(s) meeting the hypotheses made the code under test fail; it must answer or reject through the hypotheses");
            notes.AddRange(_errorNotes);
        }
        else if (_undecidable + _unexamined > 0)
        {
            verdict = Verdict.Inconclusive;
            if (_undecidable > _overBudget)
                notes.Add($"{_undecidable - _overBudget} double-precision violation(s) could be decided neither way in exact arithmetic up to {Precisions[^1]} bits, e.g. {string.Join("; ", _undecidedNotes)}");
            if (_overBudget > 0)
                notes.Add($"{_overBudget} double-precision violation(s) were left undecided when their exact re-evaluation reached its work budget of {ExactWorkBudget:N0} word products per input (RunSettings.MaxExactWork), e.g. {string.Join("; ", _overBudgetNotes)}");
            if (_unexamined > 0)
                notes.Add(_totalWork >= TotalWorkBudget
                    ? $"{_unexamined} double-precision violation(s) were left unexamined (after the exact re-evaluations had spent {TotalWorkBudget:N0} word products, {TotalWorkFactor} inputs' work budgets)"
                    : $"{_unexamined} double-precision violation(s) were left unexamined (over the exact budget of {ExactBudget})");
        }
        else if (_accepted < _statement.MinimumDistinctInputs && !_statement.Domain.EdgesAreExhaustive)
        {
            verdict = Verdict.Inconclusive;
            notes.Add($"only {_accepted} distinct input(s) met the hypotheses; at least {_statement.MinimumDistinctInputs} are needed for a verdict");
        }
        else if (_trivial == _accepted)
        {
            verdict = Verdict.Vacuous;
            notes.Add($"every one of the {_accepted} accepted inputs satisfied it only trivially: " + string.Join("; ", _trivialReasons));
        }
        else
            verdict = Verdict.Holds;

        if (_artefacts > 0)
            notes.Add($"{_artefacts} double-precision violation(s), each shown by exact arithmetic to be rounding (the statement holds there)");
        if (_settledUndecided > 0)
            notes.Add($"{_settledUndecided} input(s) that double precision could not evaluate (overflow, NaN) hold in exact arithmetic");
        if (_exactRejected > 0)
            notes.Add($"{_exactRejected} input(s) accepted in double precision fail the hypotheses exactly");
        if (_degenerate > 0)
            notes.Add($"{_degenerate} certified violation(s) on a set of measure zero, which \"almost every\" allows, e.g. {string.Join("; ", _degenerateNotes)}");
        if (_rejected > 0)
        {
            var common = _rejectReasons.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First();
            notes.Add($"{_rejected} input(s) outside the hypotheses, most often \"{common.Key}\"");
        }
        if (_trivial > 0 && verdict != Verdict.Vacuous)
            notes.Add($"{_trivial} input(s) satisfied it only trivially");

        ProofResult? proof = null;
        if (verdict == Verdict.Holds && _settings.Prove && _statement.Proofs.Count > 0)
        {
            (proof, var refutation) = Prove();
            if (refutation is not null)
            {
                verdict = Verdict.Refuted;
                counterexample = refutation;
            }
            else if (proof.Proved && proof.CoversStatedDomain)
                verdict = Verdict.Proved;
        }

        var tally = new Tally(_cases, _distinct, _accepted, _rejected, _trivial, _violations, _certified, _artefacts, _undecidable, _unexamined, _errors);
        return new FormalizationResult(_statement.Name, _statement.Description, _statement.Tolerance, _statement.Kind, verdict,
            tally, _worstMargin, counterexample, notes.Distinct(StringComparer.Ordinal).ToList()) { Proof = proof };
    }

    /// <summary>Runs the prover on every proof domain; a refutation on an open box ends it.</summary>
    private (ProofResult Proof, Counterexample? Refutation) Prove()
    {
        int boxes = 0, closed = 0;
        double volume = 0;
        bool proved = true, covers = true;
        var notes = new List<string>();
        var reductions = new List<string>();
        var described = new List<string>();
        foreach (var domain in _statement.Proofs)
        {
            if (domain.ReductionOnly)
            {
                // Proved entirely through the reduction: its check, proved on its own stated domain, is the proof.
                var reduced = ProveByReduction(domain);
                described.Add(reduced.Domain);
                boxes += reduced.Boxes;
                closed += reduced.Closed;
                volume += reduced.Volume / _statement.Proofs.Count;
                notes.Add(reduced.Note);
                if (domain.Reduction is { } text)
                    reductions.Add(text);
                proved &= reduced.Proved;
                covers &= reduced.Proved && domain.CoversStatedDomain;
                continue;
            }
            described.Add(domain.Describe());
            var work = ProofWorkBudget.For(domain, _settings);
            var outcome = domain.Identity is null ? new Prover<TInput>(_statement, domain, work).Run() : new IdentityProver<TInput>(_statement, domain, work).Run();
            if (outcome.Method is { } method)
                notes.Add(method);
            boxes += outcome.Boxes;
            closed += outcome.Closed;
            volume += outcome.Volume / _statement.Proofs.Count;
            if (outcome.Refutation is not null)
                return (new ProofResult(string.Join("; ", _statement.Proofs.Select(d => d.Describe())), false, false, boxes, closed, volume, null,
                    ["an open box of violations was found: " + outcome.Refutation.Box]), outcome.Refutation);
            if (!outcome.Proved)
            {
                proved = false;
                notes.Add($"on {domain.Describe()}: {outcome.Stall}");
            }
            bool domainCovers = domain.CoversStatedDomain && outcome.CoverageFailure is null;
            if (domain.CoversStatedDomain && outcome.CoverageFailure is { } coverageFailure)
                notes.Add(coverageFailure);
            if (domain.Reduction is { } reduction)
            {
                reductions.Add(reduction);
                if (domain.Scaling is not null)
                {
                    if (outcome.ScalingFailure is { } failure)
                    {
                        domainCovers = false;
                        notes.Add($"the reduction \"{reduction}\" fails its check: the relation is not scale invariant ({failure})");
                    }
                    else if (outcome.Proved)
                        notes.Add($"the reduction \"{reduction}\" was checked by dimensional analysis of the statement on every box");
                    covers &= domainCovers;
                    continue;
                }
                var check = domain.ReductionCheck?.Run(_settings);
                if (check is null || check.Verdict != Verdict.Proved)
                {
                    domainCovers = false;
                    notes.Add(check is null
                        ? $"the reduction \"{reduction}\" has no check"
                        : $"the reduction \"{reduction}\" was checked but not proved ({ReportText(check.Verdict)})");
                }
                else
                    notes.Add($"the reduction \"{reduction}\" was proved ({check.Proof?.Boxes ?? 0} boxes)");
            }
            covers &= domainCovers;
        }
        if (proved && !covers)
            notes.Add("proved on this domain only: it is not the whole stated domain");
        notes = [.. notes.Distinct(StringComparer.Ordinal)];
        var result = new ProofResult(string.Join("; ", described), proved, covers, boxes, closed,
            volume, reductions.Count == 0 ? null : string.Join("; ", reductions.Distinct(StringComparer.Ordinal)), notes);
        return (result, null);
    }

    /// <summary>
    /// A domain proved only through its reduction (<see cref="ProofDomain{TInput}.ReductionOnly"/>): proved when the
    /// reduction's check is proved on its whole stated domain; the check's proof domain and box count are this domain's.
    /// </summary>
    private (string Domain, bool Proved, int Boxes, int Closed, double Volume, string Note) ProveByReduction(ProofDomain<TInput> domain)
    {
        string reduction = domain.Reduction ?? "(no text)";
        if (domain.Reduction is null || domain.ReductionCheck is null)
            return (domain.Describe(), false, 0, 0, 0, $"the reduction \"{reduction}\" has no check, so nothing is proved by it");
        var check = domain.ReductionCheck.Run(_settings);
        if (check.Verdict != Verdict.Proved || check.Proof is not { } proof)
            return (domain.Describe(), false, check.Proof?.Boxes ?? 0, check.Proof?.Closed ?? 0, 0,
                $"the reduction \"{reduction}\" was checked but its check {domain.ReductionCheck.Name} was not proved ({ReportText(check.Verdict)}"
                + (check.Proof is { } partial ? $"; on {partial.Domain}: {string.Join("; ", partial.Notes)}" : "") + ")");
        return ($"{proof.Domain} (the boxes of the reduction's check {domain.ReductionCheck.Name})", true, proof.Boxes, proof.Closed, 1,
            $"the reduction \"{reduction}\" was proved: its check {domain.ReductionCheck.Name} is proved on {proof.Domain} ({proof.Boxes} boxes"
            + (proof.Reduction is { } inner ? $"; through {inner}" : "") + ")");
    }

    private static string ReportText(Verdict v) => Engine.Reporting.ReportText.Verdict(v);



    private IReadOnlyList<NamedValue> OutputsOf(TInput input)
    {
        try
        {
            return _statement.Outputs(input);
        }
        catch (Exception e) when (IsFinding(e))
        {
            return [NamedValue.Text("outputs", "could not be recomputed: " + e.Message)];
        }
    }

    private string Explain(TInput input)
    {
        try
        {
            return _statement.Explain(input);
        }
        catch (Exception e) when (e is ArgumentException or ArithmeticException or InvalidOperationException)
        {
            return "The statement fails at these inputs.";
        }
    }
}
