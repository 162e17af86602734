using System.Globalization;
using Verification.Checks.Problems;
using Verification.Checks.Results;
using Verification.Checks.Search;
using Verification.Engine;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;

namespace Verification.Checks.Properties;

/// <summary>
/// <see cref="FreshRuns"/>, always required (the <see cref="IOptimizer.Start"/> contract): run A on (f, θ₀) for
/// <see cref="Steps"/> steps, then a run on another problem (same n, all eigenvalues 1, b = 1, θ₀ + 1), then run C on
/// (f, θ₀) again; C must take bit for bit A's steps and end the same way (same rejection or failure).
/// </summary>
public static class FreshRunsCheck
{
    /// <summary>T, the steps of each run.</summary>
    public const int Steps = 4;

    /// <summary>At most this many inputs (three runs each) whatever the budget: a leak shows on the first few.</summary>
    public const int MaxBudget = 100;

    /// <summary>Runs the check; always declared.</summary>
    public static PropertyResult Run(IOptimizer optimizer, CheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(options);
        var guarantee = new FreshRuns();
        var search = QuadraticSearch.Over(
            QuadraticGenerators.Cases(SpectrumKind.Any),
            [new QuadraticCase([1.0], Basis.Identity, [0.0], [1.0]), new QuadraticCase([2.0, -1.0], Basis.Identity, [1.0, 0.0], [1.0, 1.0])],
            q => Evaluate(optimizer, q), climb: false);
        var o = options.Validated();
        return search.Run(guarantee.Id, guarantee.Statement, declared: true, "none: the two runs must agree bit for bit", o with { Budget = Math.Min(o.Budget, MaxBudget) });
    }

    private static Evaluation Evaluate(IOptimizer optimizer, QuadraticCase q)
    {
        var (objective, _, rejected) = q.Build();
        if (objective is null)
            return Evaluation.Reject(rejected!);
        var first = OptimizerTrajectory.Run(optimizer, objective, q.ThetaVector, Steps, recordIterates: false);
        if (first.Steps.Count == 0 && first.Rejected is not null)
            return Evaluation.Reject("the optimizer rejected the input: " + first.Rejected);
        int n = q.Dimension;
        var other = new QuadraticCase(Enumerable.Repeat(1.0, n).ToArray(), Basis.Identity, Enumerable.Repeat(1.0, n).ToArray(), q.Theta.Select(x => x + 1).ToArray());
        var (otherObjective, _, _) = other.Build();
        if (otherObjective is not null)
            OptimizerTrajectory.Run(optimizer, otherObjective, other.ThetaVector, Steps, recordIterates: false);
        var again = OptimizerTrajectory.Run(optimizer, objective, q.ThetaVector, Steps, recordIterates: false);
        int common = Math.Min(first.Steps.Count, again.Steps.Count);
        for (int t = 0; t < common; t++)
            for (int i = 0; i < n; i++)
                if (BitConverter.DoubleToInt64Bits(first.Steps[t][i]) != BitConverter.DoubleToInt64Bits(again.Steps[t][i]))
                    return Differ(t, first.Steps[t], again.Steps[t]);
        if (first.Steps.Count != again.Steps.Count || first.Rejected != again.Rejected || first.Crash != again.Crash)
            return Evaluation.Fact("the runs end differently", [NamedValue.Text("first", End(first)), NamedValue.Text("again", End(again))],
                $"the first run on this problem {End(first)}, the run started after another run {End(again)}: state leaks between runs");
        return Evaluation.Satisfied([]);
    }

    private static Evaluation Differ(int t, MathNet.Numerics.LinearAlgebra.Vector<double> a, MathNet.Numerics.LinearAlgebra.Vector<double> b)
    {
        string at = t.ToString(CultureInfo.InvariantCulture);
        return Evaluation.Fact($"the steps differ at t = {at}",
            [NamedValue.Text("t", at), NamedValue.Text("Δθ_t (first run)", QuadraticCase.Show(a)), NamedValue.Text("Δθ_t (run after another run)", QuadraticCase.Show(b))],
            $"started again on the same problem after a run on another one, the optimizer takes a different step at t = {at}: state (momentum, moment estimates, counters) leaks between runs, against IOptimizer.Start's fresh-state contract");
    }

    private static string End(OptimizerTrajectory t) =>
        t.Crash is not null ? $"failed after {t.Steps.Count} steps ({t.Crash})"
        : t.Rejected is not null ? $"was rejected after {t.Steps.Count} steps ({t.Rejected})"
        : $"took {t.Steps.Count} steps";
}
