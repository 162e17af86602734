using System.Globalization;
using Fractions;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Verification.Checks.Problems;
using Verification.Checks.Results;
using Verification.Checks.Search;
using Verification.Engine;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;
using Verification.Numerics.Exact;

using static Verification.Checks.Properties.Shown;

namespace Verification.Checks.Properties;

/// <summary>
/// Guarantees about trajectories, checked by replaying T steps of one run on generated quadratics with a correctly
/// rounded oracle (<see cref="RoundedQuadratic"/>) and deciding each step exactly from the doubles the run returned:
/// <see cref="MonotoneDescentOnConvexQuadratics"/>, <see cref="LinearConvergenceOnQuadratics"/>,
/// <see cref="BoundedStep"/> and <see cref="HeavyBallMomentum"/>. Step t is judged from the iterate θ_t the run reports,
/// with θ_t + Δθ_t in exact arithmetic (the rounding of the next iterate is the run's, not the step's); the run stops
/// early where the oracle overflows. A rejection or failure of the optimizer puts the input outside these properties
/// (finite-steps reports it).
/// </summary>
public static class TrajectoryChecks
{
    /// <summary>The slack of the relational trajectory properties, for reports.</summary>
    public const string ToleranceText =
        "per step: slack τ = 2⁻⁴⁰ relative to the step's first-order rounding scale (Σ|g_iΔθ_i| + Σ|Δθ_iA_ijΔθ_j|), with ∇f correctly rounded at every iterate; decisions are exact rational arithmetic on the doubles the run returned";

    /// <summary>Runs the check of <paramref name="guarantee"/>.</summary>
    public static PropertyResult RunMonotoneDescent(IOptimizer optimizer, MonotoneDescentOnConvexQuadratics guarantee, CheckOptions options, bool declared = true)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(guarantee);
        ArgumentNullException.ThrowIfNull(options);
        double c = guarantee.MaxCurvature;
        var search = QuadraticSearch.Over(
            QuadraticGenerators.Cases(SpectrumKind.Convex, QuadraticGenerators.ExponentsBelow(c)),
            DescentOnConvexQuadraticsCheck.Edges(c),
            q => EvaluateSteps(optimizer, q, guarantee.Steps, convexBelow: c, (run, t, x, next) =>
            {
                var change = run.ExactValue(next) - run.ExactValue(x);
                return (change, Fraction.Zero, $"f(θ_t + Δθ_t) − f(θ_t) = {Show(change)} > 0 at t = {t}: the run goes uphill on a convex quadratic with λ_max < {Show(c)}");
            }));
        return search.Run(guarantee.Id, guarantee.Statement, declared, ToleranceText, options.Validated());
    }

    /// <summary>Runs the check of <paramref name="guarantee"/>.</summary>
    public static PropertyResult RunLinearConvergence(IOptimizer optimizer, LinearConvergenceOnQuadratics guarantee, CheckOptions options, bool declared = true)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(guarantee);
        ArgumentNullException.ThrowIfNull(options);
        double mu = guarantee.MinCurvature, l = guarantee.MaxCurvature;
        var rate = ExactDouble(guarantee.Rate);
        var search = QuadraticSearch.Over(
            SpectrumBetween(mu, l),
            [new QuadraticCase([mu], Basis.Identity, [0.0], [1.0]), new QuadraticCase([l], Basis.Identity, [0.0], [1.0]),
             new QuadraticCase([mu, l], Basis.Identity, [1.0, -1.0], [0.0, 0.0]), new QuadraticCase([l, mu], Basis.Hadamard, [0.0, 0.0], [1.0, 1.0])],
            q => q.Eigenvalues.Any(x => x < mu || x > l)
                ? Evaluation.Reject("an eigenvalue is outside [μ, L]")
                : EvaluateSteps(optimizer, q, guarantee.Steps, convexBelow: double.PositiveInfinity, (run, t, x, next) =>
                {
                    var optimum = run.Minimum();
                    var before = run.ExactValue(x) - optimum;
                    var after = run.ExactValue(next) - optimum;
                    return (after, rate * before, $"f(θ_{{t+1}}) − f* = {Show(after)} exceeds ρ·(f(θ_t) − f*) = {Show(rate * before)} at t = {t} (ρ = {Show(guarantee.Rate)}, spectrum in [{Show(mu)}, {Show(l)}])");
                }));
        return search.Run(guarantee.Id, guarantee.Statement, declared, ToleranceText, options.Validated());
    }

    /// <summary>Runs the check of <paramref name="guarantee"/>.</summary>
    public static PropertyResult RunHeavyBall(IOptimizer optimizer, HeavyBallMomentum guarantee, CheckOptions options, bool declared = true)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(guarantee);
        ArgumentNullException.ThrowIfNull(options);
        var beta = ExactDouble(guarantee.Momentum);
        var eta = ExactDouble(guarantee.LearningRate);
        var search = QuadraticSearch.Over(
            QuadraticGenerators.Cases(SpectrumKind.Any),
            [new QuadraticCase([1.0], Basis.Identity, [0.0], [1.0]), new QuadraticCase([-1.0, 2.0], Basis.Identity, [1.0, 0.0], [1.0, 1.0])],
            q => EvaluateRecurrence(optimizer, q, guarantee.Steps, beta, eta));
        return search.Run(guarantee.Id, guarantee.Statement, declared,
            "per coordinate: |Δθ_t − (βΔθ_{t−1} − η∇f(θ_t))| ≤ τ(β|Δθ_{t−1}| + η|∇f(θ_t)| + |Δθ_t|) + 2⁻⁵²(|θ_{t+1}| + β|θ_t|), τ = 2⁻⁴⁰: the rounding of one step of the recurrence, plus that of the reported iterates (for implementations whose Δθ is a difference of iterates); ∇f correctly rounded at every iterate; decided exactly", options.Validated());
    }

    /// <summary>Runs the check of <paramref name="guarantee"/>.</summary>
    public static PropertyResult RunBoundedStep(IOptimizer optimizer, BoundedStep guarantee, CheckOptions options, bool declared = true)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(guarantee);
        ArgumentNullException.ThrowIfNull(options);
        var bound = ExactDouble(guarantee.Bound);
        var search = QuadraticSearch.Over(
            QuadraticGenerators.Cases(SpectrumKind.Any),
            [new QuadraticCase([-1.0], Basis.Identity, [0.0], [0.0009765625]), new QuadraticCase([1.0], Basis.Identity, [0.0], [1000.0]),
             new QuadraticCase([-0.0625], Basis.Identity, [0.0], [1.0])],
            q =>
            {
                var (objective, rejected) = RoundedQuadratic.Of(q);
                return objective is null ? Evaluation.Reject(rejected!) : EvaluateBound(optimizer, objective, q.ThetaVector, guarantee.Steps, bound, guarantee.Bound);
            });
        string tolerance = "|Δθ_{t,i}| ≤ B(1 + τ) with τ = 2⁻⁴⁰ (rounding in the optimizer's own step); decided exactly";
        return search.Run(guarantee.Id, guarantee.Statement, declared, tolerance, options.Validated(),
            BuiltInProblems.Formalization(guarantee.Statement, tolerance, (f, theta) => EvaluateBound(optimizer, f, theta, guarantee.Steps, bound, guarantee.Bound)),
            GradientSequenceObjective.Formalization(guarantee.Statement, tolerance, optimizer, guarantee.Steps, (f, theta) => EvaluateBound(optimizer, f, theta, guarantee.Steps, bound, guarantee.Bound)));
    }

    private static Evaluation EvaluateBound(IOptimizer optimizer, IObjective objective, Vector<double> theta, int steps, Fraction bound, double shown)
    {
        var (run, rejectedRun) = RunWithFiniteSteps(optimizer, objective, theta, steps);
        if (run is null)
            return Evaluation.Reject(rejectedRun!);
        double worst = 0;
        int wt = 0, wi = 0;
        for (int t = 0; t < run.Steps.Count; t++)
            for (int i = 0; i < run.Steps[t].Count; i++)
                if (Math.Abs(run.Steps[t][i]) > worst)
                    (worst, wt, wi) = (Math.Abs(run.Steps[t][i]), t, i);
        var lhs = Verification.Numerics.Exact.ExactDouble.ToFraction(worst);
        var rhs = bound * (Fraction.One + Tolerances.Rounding);
        var outputs = new[] { NamedValue.Text("t", wt.ToString(CultureInfo.InvariantCulture)), NamedValue.Text("Δθ_t", QuadraticCase.Show(run.Steps[wt])) };
        return Evaluation.LessOrEqual(lhs, rhs, bound, outputs,
            () => $"|Δθ_{{t,i}}| = {Show(worst)} exceeds the bound {Show(shown)} at t = {wt}, i = {wi} (after {wt} earlier steps of the same run)");
    }

    private static Evaluation EvaluateRecurrence(IOptimizer optimizer, QuadraticCase q, int steps, Fraction beta, Fraction eta)
    {
        var (objective, run, rejected) = RunOnQuadratic(optimizer, q, steps);
        if (objective is null || run is null)
            return Evaluation.Reject(rejected!);
        // The first violating coordinate over the run, else the closest by (|difference| − allowed) / scale.
        (Fraction Diff, Fraction Allowed, Fraction Scale, int T, int I, Fraction Expected)? worst = null;
        var previous = new Fraction[q.Dimension];
        Array.Fill(previous, Fraction.Zero);
        for (int t = 0; t < run.Steps.Count && t < run.Iterates.Count; t++)
        {
            var g = objective.Gradient(run.Iterates[t]);
            var delta = ExactLinearAlgebra.Of(run.Steps[t]);
            var theta = ExactLinearAlgebra.Of(run.Iterates[t]);
            var next = t + 1 < run.Iterates.Count ? ExactLinearAlgebra.Of(run.Iterates[t + 1]) : ExactLinearAlgebra.Add(theta, delta);
            for (int i = 0; i < delta.Length; i++)
            {
                var gi = Verification.Numerics.Exact.ExactDouble.ToFraction(g[i]);
                var expected = beta * previous[i] - eta * gi;
                var diff = (delta[i] - expected).Abs();
                var scale = beta * previous[i].Abs() + eta * gi.Abs() + delta[i].Abs();
                // An implementation that only exposes its iterates reports Δθ_t = θ_{t+1} − θ_t, off by the rounding of
                // θ_{t+1} = fl(θ_t + Δθ_t) (≤ 2⁻⁵³|θ_{t+1}|) and, through Δθ_{t−1}, of θ_t: allow 2⁻⁵²(|θ_{t+1}| + β|θ_t|).
                var allowed = Tolerances.Rounding * scale + IterateRounding * (next[i].Abs() + beta * theta[i].Abs());
                var s = Evaluation.MarginScale(scale);
                // The first step that breaks the recurrence (the simplest story); until one does, the closest call.
                bool worstViolates = worst is { } v && v.Diff.CompareTo(v.Allowed) > 0;
                if (worst is null || !worstViolates && ((diff - allowed) / s).CompareTo((worst.Value.Diff - worst.Value.Allowed) / worst.Value.Scale) > 0)
                    worst = (diff, allowed, s, t, i, expected);
            }
            previous = delta;
        }
        var w = worst!.Value;
        var outputs = new[] { NamedValue.Text("t", w.T.ToString(CultureInfo.InvariantCulture)), NamedValue.Text("Δθ_t", QuadraticCase.Show(run.Steps[w.T])),
            NamedValue.Text("Δθ_{t−1}", w.T == 0 ? "(none: fresh run)" : QuadraticCase.Show(run.Steps[w.T - 1])) };
        return Evaluation.LessOrEqual(w.Diff, w.Allowed, w.Scale, outputs,
            () => $"at t = {w.T}, coordinate {w.I}: Δθ = {Show(run.Steps[w.T][w.I])} but the heavy-ball recurrence βΔθ_{{t−1}} − η∇f(θ_t) gives {Show(ExactLinearAlgebra.ToDouble(w.Expected))}"
                + (w.T == 0 ? " (a fresh run starts with zero velocity)" : ""));
    }

    /// <summary>2⁻⁵²: twice the unit roundoff, the rounding of one reported iterate plus an inexact difference of two.</summary>
    private static readonly Fraction IterateRounding = new(1, 1L << 52);

    /// <summary>Compares a/b with c/d for nonnegative a, c and b, d ≥ 0 (0/0 counts as 0, x/0 as +∞).</summary>
    private static int Compare(Fraction a, Fraction b, Fraction c, Fraction d)
    {
        if (b.IsZero || d.IsZero)
            return (b.IsZero && !a.IsZero ? 1 : 0).CompareTo(d.IsZero && !c.IsZero ? 1 : 0);
        return (a * d).CompareTo(c * b);
    }

    private static Evaluation EvaluateSteps(
        IOptimizer optimizer, QuadraticCase q, int steps, double convexBelow,
        Func<RoundedQuadratic, int, Fraction[], Fraction[], (Fraction Lhs, Fraction Rhs, string Why)> relation)
    {
        if (DescentOnConvexQuadraticsCheck.OutsideDeclaredCurvature(q, convexBelow) is { } outside)
            return Evaluation.Reject(outside);
        var (objective, run, rejected) = RunOnQuadratic(optimizer, q, steps);
        if (objective is null || run is null)
            return Evaluation.Reject(rejected!);
        (Fraction Lhs, Fraction Rhs, Fraction Scale, int T, string Why)? worst = null;
        for (int t = 0; t < run.Steps.Count && t < run.Iterates.Count; t++)
        {
            var x = ExactLinearAlgebra.Of(run.Iterates[t]);
            var delta = ExactLinearAlgebra.Of(run.Steps[t]);
            var next = ExactLinearAlgebra.Add(x, delta);
            var (lhs, rhs, why) = relation(objective, t, x, next);
            var scale = ExactLinearAlgebra.AbsDot(objective.ExactGradient(x), delta) + ExactLinearAlgebra.AbsQuadraticForm(objective.A, delta);
            var slacked = rhs + Tolerances.Rounding * scale;
            var s = Evaluation.MarginScale(scale);
            if (worst is null || ((lhs - slacked) / s).CompareTo((worst.Value.Lhs - worst.Value.Rhs) / worst.Value.Scale) > 0)
                worst = (lhs, slacked, s, t, why);
        }
        if (worst is null)
            return Evaluation.Reject("no step to judge");
        var w = worst.Value;
        var outputs = new[] { NamedValue.Text("t", w.T.ToString(CultureInfo.InvariantCulture)), NamedValue.Text("θ_t", QuadraticCase.Show(run.Iterates[w.T])),
            NamedValue.Text("Δθ_t", QuadraticCase.Show(run.Steps[w.T])) };
        return Evaluation.LessOrEqual(w.Lhs, w.Rhs, w.Scale, outputs, () => w.Why);
    }

    /// <summary>
    /// At most <paramref name="steps"/> steps of <paramref name="optimizer"/> from θ, stopped early where the oracle's
    /// gradient overflows; null with the reason where the run is outside these properties (finite-steps reports it):
    /// the optimizer rejected the input or failed, took no step, or returned a non-finite step.
    /// </summary>
    private static (OptimizerTrajectory? Run, string? Rejected) RunWithFiniteSteps(IOptimizer optimizer, IObjective objective, Vector<double> theta, int steps)
    {
        var run = OptimizerTrajectory.Run(optimizer, objective, theta, steps, stop: x => !objective.Gradient(x).All(double.IsFinite));
        if (run.Steps.Count == 0 || run.Crash is not null)
            return (null, run.Rejected is not null ? "the optimizer rejected the input: " + run.Rejected : "the optimizer failed (see finite-steps): " + (run.Crash ?? "no step"));
        if (run.Steps.Any(s => !s.All(double.IsFinite)))
            return (null, "a step is not finite (see finite-steps)");
        return (run, null);
    }

    /// <summary>
    /// <see cref="RunWithFiniteSteps"/> from the case's θ on its quadratic with correctly rounded gradients
    /// (<see cref="RoundedQuadratic"/>); null with the reason where the case or the run is outside these properties.
    /// </summary>
    private static (RoundedQuadratic? Objective, OptimizerTrajectory? Run, string? Rejected) RunOnQuadratic(IOptimizer optimizer, QuadraticCase q, int steps)
    {
        var (objective, rejected) = RoundedQuadratic.Of(q);
        if (objective is null)
            return (null, null, rejected);
        var (run, rejectedRun) = RunWithFiniteSteps(optimizer, objective, q.ThetaVector, steps);
        return (objective, run, rejectedRun);
    }

    /// <summary>f* = −½bᵀA⁻¹b, exactly (A ≻ 0), through the eigenbasis: f* = −½Σ (Bᵀb)_k²/(‖u‖²λ_k).</summary>
    private static Fraction Minimum(this RoundedQuadratic q)
    {
        var c = q.Case;
        int n = c.Dimension;
        var norm2 = new Fraction(c.Basis.Norm2(n));
        var sum = Fraction.Zero;
        for (int k = 0; k < n; k++)
        {
            var projection = Fraction.Zero;
            for (int i = 0; i < n; i++)
            {
                int e = c.Basis.Entry(n, i, k);
                if (e != 0)
                    projection += e * Verification.Numerics.Exact.ExactDouble.ToFraction(c.Linear[i]);
            }
            sum += projection * projection / (norm2 * Verification.Numerics.Exact.ExactDouble.ToFraction(c.Eigenvalues[k]));
        }
        return -sum / 2;
    }

    private static Gen<QuadraticCase> SpectrumBetween(double mu, double l) =>
        from n in Gen.Choose(1, 4)
        from basis in Gen.Elements(Basis.Identity, Basis.Identity, Basis.Hadamard)
        from k in Gen.Choose(0, 16).ArrayOf(n)
        from t in Gen.Choose(-3, 3)
        from p in Gen.Choose(-8, 8).ArrayOf(n)
        from q in Gen.Choose(-8, 8).ArrayOf(n)
        select new QuadraticCase(
            k.Select(x => Math.Clamp(mu + (l - mu) * x / 16, mu, l)).ToArray(),
            basis.Supports(n) ? basis : Basis.Identity,
            q.Select(x => Math.ScaleB(x, t)).ToArray(),
            p.Select(x => Math.ScaleB(x, t)).ToArray());

    private static Fraction ExactDouble(double x) => Verification.Numerics.Exact.ExactDouble.ToFraction(x);
}
