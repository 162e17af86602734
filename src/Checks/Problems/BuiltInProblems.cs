using MathNet.Numerics.LinearAlgebra;
using Verification.Checks.Results;
using Verification.Checks.Search;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;

namespace Verification.Checks.Problems;

/// <summary>
/// Fixed points on the library's non-quadratic test functions (the Rosenbrock function of lodo §5.2 and
/// cubic-perturbed quadratics), tried by finite-steps and quasi-newton before the generated quadratics: the paper's
/// start, a minimum (∇f = 0), an indefinite region and huge coordinates.
/// </summary>
public static class BuiltInProblems
{
    /// <summary>(name, objective, θ).</summary>
    public static IReadOnlyList<(string Name, IObjective Objective, double[] Theta)> Points { get; } = Build();

    private static List<(string, IObjective, double[])> Build()
    {
        var rosenbrock = new ScaledRosenbrock();
        var list = new List<(string, IObjective, double[])>
        {
            ("rosenbrock at the paper's start", rosenbrock, [-0.5, 2.0]),
            ("rosenbrock at its minimum (∇f = 0)", rosenbrock, [1.0, 1.0]),
            ("rosenbrock where H is indefinite", rosenbrock, [0.0, 1.0]),
            ("rosenbrock at huge θ", rosenbrock, [1e50, -1e50]),
        };
        foreach (var (name, f, theta) in ElmoRegret.Problems)
        {
            list.Add((name, f, theta));
            list.Add((name + " at θ = 0", f, new double[theta.Length]));
        }
        return list;
    }

    /// <summary>
    /// After a generated search that found nothing: evaluates <paramref name="evaluate"/> at every fixed point and
    /// returns the first violation as a refuted result (not shrunk), else <paramref name="result"/> with the points
    /// counted and noted.
    /// </summary>
    internal static PropertyResult Then(PropertyResult result, Func<IObjective, Vector<double>, Evaluation> evaluate)
    {
        int cases = 0, accepted = 0;
        foreach (var (name, objective, theta) in Points)
        {
            cases++;
            Evaluation e;
            try { e = evaluate(objective, Vector<double>.Build.DenseOfArray(theta)); }
            catch (ArgumentException) { continue; }
            if (e.Kind == EvaluationKind.Rejected)
                continue;
            accepted++;
            if (e.Kind != EvaluationKind.Violated)
                continue;
            var counterexample = new PropertyCounterexample(
                [new NamedInput("objective", name), new NamedInput("θ", QuadraticCase.Show(theta)), .. e.Outputs],
                theta.Length, e.Lhs, e.Rhs, e.Margin, e.Certification ?? "exact", e.Explanation ?? "the property fails here", 0);
            return result with
            {
                Verdict = PropertyVerdict.Refuted,
                Cases = result.Cases + cases,
                Accepted = result.Accepted + accepted,
                Counterexample = counterexample,
                Notes = [.. result.Notes, "found at a fixed point of a built-in test function (not shrunk)"],
            };
        }
        return result with
        {
            Verdict = result.Verdict == PropertyVerdict.Inconclusive && accepted > 0 ? PropertyVerdict.Holds : result.Verdict,
            Cases = result.Cases + cases,
            Accepted = result.Accepted + accepted,
            Notes = [.. result.Notes, $"also held at {accepted} of {cases} fixed points of the built-in test functions (Rosenbrock of lodo §5.2, cubic-perturbed quadratics)"],
        };
    }
}
