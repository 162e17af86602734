using MathNet.Numerics.LinearAlgebra;
using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
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
    /// The property at every fixed point, as a second formalization of the property's claim: the whole (finite) list is
    /// tried as edge cases, so a violation there is found at every seed (not shrunk).
    /// </summary>
    internal static IFormalization Formalization(string description, string tolerance, Func<IObjective, Vector<double>, Evaluation> evaluate) =>
        new PropertyStatement<int>
        {
            Name = "built-in-points",
            Description = description + " (at the fixed points of the built-in test functions: Rosenbrock of lodo §5.2, cubic-perturbed quadratics)",
            Tolerance = tolerance,
            Decide = i => evaluate(Points[i].Objective, Vector<double>.Build.DenseOfArray(Points[i].Theta)),
            MinimumDistinctInputs = 1,
            Domain = new Domain<int>
            {
                Generator = Gen.Choose(0, Points.Count - 1),
                Edges = () => Enumerable.Range(0, Points.Count),
                EdgesAreExhaustive = true,
                Describe = i => [NamedValue.Text("objective", Points[i].Name), NamedValue.Of("θ", Points[i].Theta)],
            },
        };
}
