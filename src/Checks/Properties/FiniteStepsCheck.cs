using System.Globalization;
using Verification.Engine;
using FsCheck;
using FsCheck.Fluent;
using Verification.Checks.Problems;
using Verification.Checks.Results;
using Verification.Checks.Search;
using Verification.Optimizers;

namespace Verification.Checks.Properties;

/// <summary>
/// Always checked, over the first <see cref="Steps"/> steps of a run (so stateful optimizers are exercised beyond their
/// first step): at every iterate where the test problem's own f, ∇f and H are finite, the step is a finite vector of
/// the right length, and the optimizer throws nothing but a documented rejection of bad input
/// (<see cref="OptimizerStep.IsDocumentedRejection"/>: an <see cref="ArgumentException"/> naming <c>objective</c>,
/// <c>theta0</c> or <c>theta</c>). Inputs: tiny and huge magnitudes (down to 2⁻¹⁰⁷⁴, up to 1e300), zero gradients,
/// singular and indefinite Hessians. An input rejected at its first step is outside the hypotheses; a declared property
/// with no accepted input is inconclusive, never a pass.
/// </summary>
public static class FiniteStepsCheck
{
    /// <summary>The property's ID.</summary>
    public const string Id = "finite-steps";

    /// <summary>The statement checked.</summary>
    public const string Statement =
        "For the first 8 steps of a run from every finite input, at every iterate where f, ∇f and H are finite (tiny and huge magnitudes, ∇f = 0, singular and indefinite H), the step is a finite vector of length n and the optimizer throws nothing but an ArgumentException naming objective, theta0 or theta (a documented rejection of bad input).";

    /// <summary>T, the number of steps of each run checked.</summary>
    public const int Steps = 8;

    private static readonly double[] Wide = [0, 1, -1, 0.5, 3, double.Epsilon, -double.Epsilon, 1e-300, 1e-150, 1e150, -1e150, 1e300, -1e300, 2.2250738585072014E-308];

    private static Gen<QuadraticCase> Generator { get; } = Gen.Frequency(
        (3, QuadraticGenerators.Cases(SpectrumKind.Any)),
        (2, from n in Gen.Choose(1, 4)
            from l in Gen.Elements(Wide).ArrayOf(n)
            from b in Gen.Elements(Wide).ArrayOf(n)
            from t in Gen.Elements(Wide).ArrayOf(n)
            select new QuadraticCase(l.ToArray(), Basis.Identity, b.ToArray(), t.ToArray())));

    /// <summary>Hand-picked edges: ∇f = 0, H = 0, singular, indefinite, subnormal and huge entries.</summary>
    public static IEnumerable<QuadraticCase> Edges()
    {
        yield return new QuadraticCase([1.0], Basis.Identity, [0.0], [0.0]);                 // ∇f = 0 at the minimum
        yield return new QuadraticCase([0.0], Basis.Identity, [0.0], [0.0]);                 // H = 0, ∇f = 0
        yield return new QuadraticCase([0.0, 1.0], Basis.Identity, [1.0, 0.0], [0.0, 0.0]);  // singular H, ∇f in its null space
        yield return new QuadraticCase([-1.0, 1.0], Basis.Identity, [0.0, 0.0], [0.0, 0.0]); // strict saddle, ∇f = 0
        yield return new QuadraticCase([-1.0, 2.0], Basis.Hadamard, [1.0, -1.0], [0.5, 0.25]);
        yield return new QuadraticCase([double.Epsilon], Basis.Identity, [0.0], [1.0]);      // subnormal curvature and gradient
        yield return new QuadraticCase([1e-300, 1e-300], Basis.Identity, [0.0, 0.0], [1e-10, 1.0]);
        yield return new QuadraticCase([1e300], Basis.Identity, [0.0], [1.0]);               // huge curvature and gradient
        yield return new QuadraticCase([1.0], Basis.Identity, [0.0], [1e150]);               // huge θ
        yield return new QuadraticCase([1e-150, -1e150], Basis.Identity, [1.0, 1.0], [0.0, 0.0]);
    }

    /// <summary>Runs the check; always declared.</summary>
    public static PropertyResult Run(IOptimizer optimizer, CheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(options);
        string tolerance = "none: non-finite entries and exceptions are facts of the output";
        var search = QuadraticSearch.Over(
            Generator,
            Edges(),
            c => Evaluate(optimizer, c),
            climb: false);
        // Generated quadratics (their counterexamples shrink), and the fixed points of the built-in test functions.
        return search.Run(Id, Statement, declared: true, tolerance, options.Validated(),
            BuiltInProblems.Formalization(Statement, tolerance, (f, t) => EvaluateAt(optimizer, f, t, "the built-in test function")));
    }

    private static Evaluation Evaluate(IOptimizer optimizer, QuadraticCase c)
    {
        var (objective, _, rejected) = c.Build();
        if (objective is null)
            return Evaluation.Reject(rejected!);
        return EvaluateAt(optimizer, objective, c.ThetaVector, $"λ = {QuadraticCase.Show(c.Eigenvalues)}");
    }

    private static Evaluation EvaluateAt(IOptimizer optimizer, IObjective objective, MathNet.Numerics.LinearAlgebra.Vector<double> theta, string problem)
    {
        if (!IsFiniteThere(objective, theta))
            return Evaluation.Reject("the test problem's own f, ∇f or H is not finite here");
        var run = OptimizerTrajectory.Run(optimizer, objective, theta, Steps, stop: t => !IsFiniteThere(objective, t));
        if (run.Steps.Count == 0 && run.Rejected is not null)
            return Evaluation.Reject("the optimizer rejected the input with an ArgumentException: " + run.Rejected);
        int at = run.Steps.Count;
        if (run.Crash is not null)
            return Evaluation.Fact("the optimizer failed: " + run.Crash, [NamedValue.Text("t", at.ToString(CultureInfo.InvariantCulture))],
                $"{run.Crash} on a finite input ({problem}), instead of returning a finite step of length n or rejecting the input with an ArgumentException naming objective, theta0 or theta");
        for (int t = 0; t < run.Steps.Count; t++)
        {
            var step = run.Steps[t];
            var bad = step.Select((v, i) => (v, i)).Where(p => !double.IsFinite(p.v)).ToList();
            if (bad.Count == 0)
                continue;
            string where = string.Join(", ", bad.Take(3).Select(p => $"Δθ[{p.i.ToString(CultureInfo.InvariantCulture)}] = {p.v.ToString(CultureInfo.InvariantCulture)}"));
            string when = t.ToString(CultureInfo.InvariantCulture);
            return Evaluation.Fact("the returned step holds non-finite entries: " + where,
                [NamedValue.Text("t", when), NamedValue.Text("Δθ", QuadraticCase.Show(step))],
                $"the step at t = {when} is not finite ({where}) although θ_t, f, ∇f and H are ({problem})");
        }
        return Evaluation.Satisfied([]);
    }

    private static bool IsFiniteThere(IObjective objective, MathNet.Numerics.LinearAlgebra.Vector<double> theta) =>
        double.IsFinite(objective.Value(theta)) && objective.Gradient(theta).All(double.IsFinite) && objective.Hessian(theta).Enumerate().All(double.IsFinite);
}
