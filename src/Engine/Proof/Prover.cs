using System.Globalization;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;

namespace Verification.Engine;

/// <summary>
/// Interval branch-and-bound on a statement's proof box (issue "Theorem checking"): a sub-box on which the relation,
/// evaluated in outward-rounded rational interval arithmetic, holds at every point is closed; one on which it fails at
/// every point is an open-set counterexample; otherwise the prover sharpens the enclosure (the mean-value form
/// d(m) + ∇d(X)·(X − m) with ∇d from forward-mode derivatives over intervals, and monotonicity: where ∂d/∂x_k has one
/// sign on the box, the relation is decided on the face where d is largest) and else splits the widest coordinate.
/// </summary>
internal sealed class Prover<TInput> where TInput : notnull
{
    private const int Bits = 128;

    private readonly Statement<TInput> _statement;
    private readonly ProofDomain<TInput> _domain;
    private readonly ProofCoordinate[] _box;
    private readonly ProofWorkBudget _work;

    internal Prover(Statement<TInput> statement, ProofDomain<TInput> domain, ProofWorkBudget work)
    {
        _statement = statement;
        _domain = domain;
        _work = work;
        _box = [.. domain.Box.Select(c => c.Validated())];
        _maps = [.. _box.Select(c => c.Map)];
    }

    /// <summary>Each coordinate's change of variables (null: none), read by every arithmetic's <c>Input</c>.</summary>
    private readonly CoordinateMap?[] _maps;

    private sealed record Box(double[] Lower, double[] Upper, double Volume);

    private enum Decision
    {
        Closed,
        Violated,
        Open,
    }

    internal sealed record Outcome(bool Proved, int Boxes, int Closed, double Volume, Counterexample? Refutation, string? Stall)
    {
        /// <summary>Null without a declared scaling; else null when every closed box was homogeneous, or what failed.</summary>
        internal string? ScalingFailure { get; init; }

        /// <summary>The method and what it showed, for the report (the exact identity method), or null.</summary>
        internal string? Method { get; init; }

        /// <summary>Null, or why a proved domain does not cover the stated domain despite its declaration.</summary>
        internal string? CoverageFailure { get; init; }
    }

    private string? _scalingFailure;

    internal Outcome Run()
    {
        using var work = ExactWork.Use(_work.Limit);
        var queue = new PriorityQueue<Box, double>();
        foreach (var start in Initial())
            queue.Enqueue(start, -start.Volume);
        int boxes = 0, closed = 0;
        double volume = 0;
        string? stall = null;
        while (queue.Count > 0)
        {
            if (boxes >= _domain.MaxBoxes)
            {
                var (lowest, count) = (queue.UnorderedItems.Select(i => i.Element).MinBy(b => b.Volume)!, queue.Count);
                stall = $"stopped after {boxes} boxes with {count} still open, e.g. {Describe(lowest)}";
                break;
            }
            var box = queue.Dequeue();
            boxes++;
            // A spent budget turns every later evaluation undecided (each charge is refused), and this box's decision may
            // already rest on a refused evaluation: stop here, the box not counted, rather than split on to MaxBoxes.
            var decided = WithinBudget(() => Decide(box, depth: 0));
            if (decided is null)
            {
                stall = WorkSpent(boxes, queue.Count + 1, box);
                break;
            }
            var (decision, judgement, tags) = decided.Value;
            if (decision == Decision.Closed)
            {
                if (WithinBudget(() => { CheckScaling(box); return true; }) is null)
                {
                    stall = WorkSpent(boxes, queue.Count + 1, box);
                    break;
                }
                closed++;
                volume += box.Volume;
                continue;
            }
            if (decision == Decision.Violated)
                return new Outcome(false, boxes, closed, volume, Refutation(box, tags!, judgement!.Value), null);
            var split = Split(box);
            if (split is null)
            {
                stall = $"a box at double resolution stays undecided: {Describe(box)}";
                break;
            }
            foreach (var child in split)
                queue.Enqueue(child, -child.Volume);
        }
        return new Outcome(stall is null && queue.Count == 0, boxes, closed, volume, null, stall) { ScalingFailure = _scalingFailure };
    }

    /// <summary>
    /// <paramref name="step"/>'s result, or null when the work budget ran out in it: whether the refused charge escaped
    /// (<see cref="ExactWorkExceededException"/>) or was caught on the way as an undecided comparison.
    /// </summary>
    private static TResult? WithinBudget<TResult>(Func<TResult> step) where TResult : struct
    {
        try
        {
            var result = step();
            return ExactWork.IsSpent ? null : result;
        }
        catch (ExactWorkExceededException)
        {
            return null;
        }
    }

    /// <summary>Why the prover stopped when its work budget ran out on <paramref name="box"/>.</summary>
    private string WorkSpent(int boxes, int open, Box box) =>
        $"stopped when {_work.Text} ran out at box {boxes}, with {open} still open, e.g. {Describe(box)}";

    /// <summary>Dimensional analysis of the relation on a closed box (when a scaling reduction is declared).</summary>
    private void CheckScaling(Box box)
    {
        if (_domain.Scaling is not { } degrees || _scalingFailure is not null)
            return;
        var failure = HomogeneousOnPieces(box, degrees);
        if (!ExactWork.IsSpent) // a refused charge is no finding about the relation's degrees: the caller stops the proof
            _scalingFailure = failure;
    }

    /// <summary>
    /// Dimensional analysis of the box, or, where its closed enclosure cannot decide a branch, of its pieces: a box closed
    /// off a tight face (<see cref="FaceJet{T}"/>) takes one branch of the statement's code on the half-open box and
    /// another on the face, so the face is checked as a box of its own and the half-open box at its centre, where the
    /// branches are those of every point off the face (a face at a map's pole holds no point: only the centre is checked).
    /// </summary>
    private string? HomogeneousOnPieces(Box box, IReadOnlyList<IReadOnlyList<double>> degrees)
    {
        if (Homogeneous(box, degrees) is not { } failure)
            return null;
        var faces = TightFaces(box).ToList();
        if (faces.Count == 0 && !HasPoleFace(box))
            return failure;
        var centre = box.Lower.Select((lo, k) => lo + (box.Upper[k] - lo) / 2).ToArray();
        foreach (var face in faces)
            if (HomogeneousOnPieces(face, degrees) is { } faceFailure)
                return faceFailure;
        return Homogeneous(new Box(centre, centre, 0), degrees);
    }

    /// <summary>True when an end of the box is a map's pole declared tight (a box closed off it holds no point there).</summary>
    private bool HasPoleFace(Box box) => Enumerable.Range(0, _box.Length).Any(k =>
        box.Lower[k] < box.Upper[k] && (new[] { box.Lower[k], box.Upper[k] }).Any(face => _box[k].TightAt.Contains(face) && IsPole(k, face)));

    /// <summary>The faces of the box at declared tight values (every coordinate's ends that are tight values).</summary>
    private IEnumerable<Box> TightFaces(Box box)
    {
        for (int k = 0; k < _box.Length; k++)
        {
            if (box.Lower[k] == box.Upper[k])
                continue;
            foreach (var face in new[] { box.Lower[k], box.Upper[k] })
            {
                if (!_box[k].TightAt.Contains(face) || IsPole(k, face))
                    continue; // a pole's face holds no point of the domain: nothing to scale there
                var lower = (double[])box.Lower.Clone();
                var upper = (double[])box.Upper.Clone();
                lower[k] = upper[k] = face;
                yield return new Box(lower, upper, 0);
            }
        }
    }

    /// <summary>Null when the relation's sides have equal degrees on the box (or no point meets the hypotheses); else why not.</summary>
    private string? Homogeneous(Box box, IReadOnlyList<IReadOnlyList<double>> degrees)
    {
        var tags = Tags(box);
        var boxes = Enumerable.Range(0, box.Lower.Length).Select(i => Interval(box.Lower[i], box.Upper[i])).ToArray();
        try
        {
            using (EnclosureSettings.Use(Bits))
            using (EnclosureSettings.UseTags(tags, boxes))
            using (EnclosureSettings.UseMaps(_maps))
            using (EnclosureSettings.UseDegrees(degrees))
            {
                var r = _statement.Evaluate<Graded>(_domain.At(tags));
                foreach (var (lhs, rhs) in Sides(r))
                    if (!Graded.SameDegree(lhs, rhs))
                        throw new NotHomogeneousException($"the sides have degrees ({string.Join(", ", lhs.Degree ?? [])}) and ({string.Join(", ", rhs.Degree ?? [])})");
            }
        }
        catch (HypothesisException)
        {
            // No point of the box meets the hypotheses: nothing to scale.
        }
        catch (Exception e) when (e is NotHomogeneousException or UndecidedException or ArithmeticException or ArgumentException)
        {
            return $"on {Describe(box)}: {e.Message}";
        }
        return null;
    }

    private static IEnumerable<(Graded Lhs, Graded Rhs)> Sides(Relation<Graded> r)
    {
        if (r.Kind == RelationKind.All)
        {
            foreach (var part in r.Parts)
                foreach (var x in Sides(part))
                    yield return x;
        }
        else if (r.Kind is not (RelationKind.Trivial or RelationKind.Undecided))
            yield return (r.Lhs, r.Rhs);
    }

    /// <summary>The whole box, cut at every coordinate's tight values.</summary>
    private IEnumerable<Box> Initial()
    {
        IEnumerable<Box> boxes = [new Box([.. _box.Select(c => c.Lower)], [.. _box.Select(c => c.Upper)], 1.0)];
        for (int k = 0; k < _box.Length; k++)
        {
            int coordinate = k;
            var cuts = _box[k].TightAt.Where(t => t > _box[coordinate].Lower && t < _box[coordinate].Upper).Distinct().Order().ToList();
            if (cuts.Count == 0)
                continue;
            boxes = boxes.SelectMany(b =>
            {
                var ends = new List<double> { b.Lower[coordinate] };
                ends.AddRange(cuts);
                ends.Add(b.Upper[coordinate]);
                double whole = RelativeWidth(coordinate, b.Lower[coordinate], b.Upper[coordinate]);
                return Enumerable.Range(0, ends.Count - 1).Select(i =>
                {
                    var lower = (double[])b.Lower.Clone();
                    var upper = (double[])b.Upper.Clone();
                    lower[coordinate] = ends[i];
                    upper[coordinate] = ends[i + 1];
                    return new Box(lower, upper, b.Volume * RelativeWidth(coordinate, ends[i], ends[i + 1]) / whole);
                });
            }).ToList();
        }
        return boxes;
    }

    /// <summary>Naive interval evaluation, then the mean-value form, then monotonicity on faces.</summary>
    private (Decision, ExactJudgement?, double[]?) Decide(Box box, int depth)
    {
        var tags = Tags(box);
        var input = _domain.At(tags);
        var boxes = Enumerable.Range(0, box.Lower.Length).Select(i => Interval(box.Lower[i], box.Upper[i])).ToArray();
        using (EnclosureSettings.Use(Bits))
        using (EnclosureSettings.UseTags(tags, boxes))
        using (EnclosureSettings.UseMaps(_maps))
        {
            try
            {
                var j = Judge.Exactly(_statement.Evaluate<RationalInterval>(input), Bits, topPrecision: false);
                if (j.Status == CertificationStatus.Satisfied)
                    return (Decision.Closed, j, tags);
                if (j.Status == CertificationStatus.Certified)
                    return (Decision.Violated, j, tags);
            }
            catch (HypothesisException)
            {
                return (Decision.Closed, null, tags); // no point of the box meets the hypotheses
            }
            catch (Exception e) when (e is UndecidedException or ArithmeticException or ArgumentException)
            {
                // Fall through to the sharper enclosures.
            }
        }
        return Sharper(box, tags, boxes, depth) || OffTightFaces(box, tags, boxes, depth)
            ? (Decision.Closed, null, tags)
            : (Decision.Open, null, tags);
    }

    /// <summary>The order of the Taylor expansion at tight faces (third order closes m(x*) ≤ M(x*), tight to third order at |g| = 0).</summary>
    private const int FaceOrder = 3;

    /// <summary>
    /// For a box with an end at a declared tight value of some coordinate (a face where the relation may be tight, or where
    /// the statement branches): closed when the relation holds on the half-open box off that face, by the Taylor expansion
    /// at the face (<see cref="FaceJet{T}"/>), and on the face itself, decided as a box of its own.
    /// </summary>
    private bool OffTightFaces(Box box, double[] tags, RationalInterval[] boxes, int depth)
    {
        for (int k = 0; k < tags.Length; k++)
        {
            if (box.Lower[k] == box.Upper[k])
                continue;
            foreach (var (face, side) in new[] { (box.Lower[k], 1), (box.Upper[k], -1) })
            {
                if (!_box[k].TightAt.Contains(face) || !HoldsOffFace(tags, boxes, k, face, side))
                    continue;
                if (IsPole(k, face))
                    return true; // the face is where the map sends t to infinity: no point of the domain lies on it
                var lower = (double[])box.Lower.Clone();
                var upper = (double[])box.Upper.Clone();
                lower[k] = upper[k] = face;
                if (Decide(new Box(lower, upper, 0), depth + 1).Item1 == Decision.Closed)
                    return true;
            }
        }
        return false;
    }

    /// <summary>True when <paramref name="face"/> is coordinate k's map's pole (t there has no input: x = ∞).</summary>
    private bool IsPole(int k, double face) => _maps[k]?.Pole is { } pole && pole == face;

    /// <summary>Every comparison of the relation holds at every point of the box off its face x_k = <paramref name="face"/>.</summary>
    private bool HoldsOffFace(double[] tags, RationalInterval[] boxes, int k, double face, int side)
    {
        var c = RationalInterval.Exact(face);
        var range = side > 0 ? boxes[k] - c : c - boxes[k];
        try
        {
            Relation<FaceJet<RationalInterval>> r;
            using (EnclosureSettings.Use(Bits))
            using (EnclosureSettings.UseTags(tags, boxes))
            using (EnclosureSettings.UseMaps(_maps))
            using (FaceJet<RationalInterval>.Use(k, face, side, FaceOrder, range))
            {
                r = _statement.Evaluate<FaceJet<RationalInterval>>(_domain.At(tags));
                foreach (var (kind, difference) in FlattenJets(r))
                {
                    if (kind == RelationKind.Trivial)
                        continue;
                    if (kind is not (RelationKind.LessOrEqual or RelationKind.Less)
                        || !FaceJet<RationalInterval>.HoldsOffFace(difference, strict: kind == RelationKind.Less))
                        return false;
                }
            }
            return true;
        }
        catch (HypothesisException)
        {
            return true; // no point of the half-open box meets the hypotheses
        }
        catch (Exception e) when (e is UndecidedException or ArithmeticException or ArgumentException)
        {
            return false;
        }
    }

    private static IEnumerable<(RelationKind Kind, FaceJet<RationalInterval> Difference)> FlattenJets(Relation<FaceJet<RationalInterval>> r)
    {
        if (r.Kind == RelationKind.All)
            return r.Parts.SelectMany(FlattenJets);
        return [(r.Kind, r.Kind is RelationKind.Trivial or RelationKind.Undecided ? default : r.Lhs - r.Rhs)];
    }

    /// <summary>The mean-value form and, for one comparison, monotonicity on faces.</summary>
    private bool Sharper(Box box, double[] tags, RationalInterval[] boxes, int depth)
    {
        Relation<Dual<RationalInterval>> onBox;
        Relation<Dual<RationalInterval>> atPoint;
        RationalInterval[] points;
        try
        {
            using (EnclosureSettings.Use(Bits))
            using (EnclosureSettings.UseMaps(_maps))
            {
                using (EnclosureSettings.UseTags(tags, boxes))
                    onBox = _statement.Evaluate<Dual<RationalInterval>>(_domain.At(tags));
                // The expansion point m must lie in the box (the remainder's ∇d is enclosed over the box only); a tag
                // need not (ProofTags moves a tag that another coordinate already uses, e.g. off a degenerate box).
                points = tags.Select((t, k) => RationalInterval.Exact(t >= box.Lower[k] && t <= box.Upper[k] ? t : box.Lower[k])).ToArray();
                using (EnclosureSettings.UseTags(tags, points))
                    atPoint = _statement.Evaluate<Dual<RationalInterval>>(_domain.At(tags));
            }
        }
        catch (Exception e) when (e is HypothesisException or UndecidedException or ArithmeticException or ArgumentException)
        {
            return false;
        }
        var partsBox = Flatten(onBox).ToList();
        var partsPoint = Flatten(atPoint).ToList();
        if (partsBox.Count != partsPoint.Count)
            return false;
        var monotoneFaces = new List<Box>();
        for (int p = 0; p < partsBox.Count; p++)
        {
            var (kb, db) = partsBox[p];
            var (kp, dp) = partsPoint[p];
            if (kb != kp)
                return false;
            if (kb == RelationKind.Trivial)
                continue;
            if (kb is not (RelationKind.LessOrEqual or RelationKind.Less))
                return false; // identities are decided exactly at points only
            // Mean-value form: d(X) ⊆ d(m) + Σ ∂d/∂x_k(X)·(X_k − m_k).
            var enclosure = dp.Value;
            for (int k = 0; k < tags.Length; k++)
                enclosure += db.Derivative(k) * (boxes[k] - points[k]); // about the point d was evaluated at
            bool holds = kb == RelationKind.Less ? enclosure.Upper.Sign() < 0 : enclosure.Upper.Sign() <= 0;
            if (holds)
                continue;
            // Monotonicity: for a single comparison, where ∂d/∂x_k has one sign, d is largest on one face.
            if (partsBox.Count != 1 || depth >= tags.Length)
                return false;
            var face = Face(box, db, _box);
            if (face is null)
                return false;
            monotoneFaces.Add(face);
        }
        foreach (var face in monotoneFaces)
            if (Decide(face, depth + 1).Item1 != Decision.Closed)
                return false;
        return true;
    }

    /// <summary>
    /// The face where d is largest, fixing every coordinate on which ∂d/∂x_k has a determined sign; null if none. A
    /// <see cref="ProofCoordinate.Differentiated"/> coordinate is never fixed: d holds a derivative in it, which can jump
    /// at the face, where the code may take another branch than on the box.
    /// </summary>
    private static Box? Face(Box box, Dual<RationalInterval> d, ProofCoordinate[] coordinates)
    {
        var lower = (double[])box.Lower.Clone();
        var upper = (double[])box.Upper.Clone();
        bool any = false;
        for (int k = 0; k < lower.Length; k++)
        {
            if (lower[k] == upper[k] || coordinates[k].Differentiated)
                continue;
            var dk = d.Derivative(k);
            if (dk.Lower.Sign() >= 0)
                lower[k] = upper[k];
            else if (dk.Upper.Sign() <= 0)
                upper[k] = lower[k];
            else
                continue;
            any = true;
        }
        return any ? new Box(lower, upper, 0) : null;
    }

    private static IEnumerable<(RelationKind Kind, Dual<RationalInterval> Difference)> Flatten(Relation<Dual<RationalInterval>> r)
    {
        if (r.Kind == RelationKind.All)
        {
            foreach (var part in r.Parts)
                foreach (var x in Flatten(part))
                    yield return x;
            yield break;
        }
        yield return (r.Kind, r.Kind is RelationKind.Trivial or RelationKind.Undecided ? default : r.Lhs - r.Rhs);
    }

    private static double[] Tags(Box box) => ProofTags.For(box.Lower, box.Upper);

    private static RationalInterval Interval(double lo, double hi) =>
        new(ExactDouble.ToFraction(lo), ExactDouble.ToFraction(hi));

    /// <summary>Halves the coordinate that is widest relative to the whole box (geometrically on logarithmic ones).</summary>
    private Box[]? Split(Box box)
    {
        int best = -1;
        double widest = 0;
        for (int k = 0; k < _box.Length; k++)
        {
            double w = RelativeWidth(k, box.Lower[k], box.Upper[k]);
            if (w > widest)
            {
                widest = w;
                best = k;
            }
        }
        if (best < 0)
            return null;
        double lo = box.Lower[best], hi = box.Upper[best];
        double mid = _box[best].Logarithmic ? Math.Sqrt(lo) * Math.Sqrt(hi) : lo + (hi - lo) / 2;
        if (!(mid > lo && mid < hi))
            mid = lo + (hi - lo) / 2;
        if (!(mid > lo && mid < hi))
            return null;
        double fraction = RelativeWidth(best, lo, mid) / widest;
        var leftUpper = (double[])box.Upper.Clone();
        leftUpper[best] = mid;
        var rightLower = (double[])box.Lower.Clone();
        rightLower[best] = mid;
        return [new Box(box.Lower, leftUpper, box.Volume * fraction), new Box(rightLower, box.Upper, box.Volume * (1 - fraction))];
    }

    private double RelativeWidth(int k, double lo, double hi)
    {
        var c = _box[k];
        if (c.Upper == c.Lower)
            return 0;
        return c.Logarithmic
            ? (Math.Log(hi) - Math.Log(lo)) / (Math.Log(c.Upper) - Math.Log(c.Lower))
            : (hi - lo) / (c.Upper - c.Lower);
    }

    private string Describe(Box box) => string.Join(", ", Enumerable.Range(0, _box.Length).Select(k =>
        string.Create(CultureInfo.InvariantCulture, $"{_box[k].Name} ∈ [{box.Lower[k]:R}, {box.Upper[k]:R}]")));

    private Counterexample Refutation(Box box, double[] tags, ExactJudgement judgement)
    {
        // The box's centre as an input, through the coordinates' maps (shown only: the certificate is the box's).
        var input = _domain.At([.. tags.Select((t, k) => _maps[k] is { } map ? Float64.Estimate(map.Apply(Float64.Input(t))) : t)]);
        double lhs = double.NaN, rhs = double.NaN, margin = double.NaN;
        string relation = "the relation";
        try
        {
            var d = Judge.InDouble(_statement.Evaluate<Float64>(input));
            (lhs, rhs, margin, relation) = (d.Lhs, d.Rhs, d.Margin, d.Relation);
        }
        catch (Exception e) when (e is HypothesisException or UndecidedException or ArithmeticException or ArgumentException)
        {
            // The box is certified; its centre's double evaluation is only shown.
        }
        return new Counterexample(_statement.Name, _statement.Domain.Describe(input), relation, lhs, rhs, margin,
            judgement.CertifiedMargin, _statement.MarginUnit, Scope.OpenSet, "every point of the box " + Describe(box), false,
            "interval branch-and-bound: the relation fails at every point of the box (" + judgement.Detail + ")",
            _statement.Explain(input), 0, null, "proof search");
    }
}
