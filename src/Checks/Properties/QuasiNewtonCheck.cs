using Verification.Engine;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Checks.Problems;
using Verification.Checks.Results;
using Verification.Checks.Search;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;
using Verification.Numerics.Exact;

using static Verification.Checks.Properties.Shown;

namespace Verification.Checks.Properties;

/// <summary>
/// <see cref="QuasiNewton"/> (elmo-amos Definition 3) for an <see cref="IQuasiNewtonOptimizer"/>: at each generated
/// quadratic and θ, with Φ = Preconditioner(f, θ) and g the oracle's ∇f(θ), checks (exactly, from the doubles):
/// symmetry max|Φ_ij − Φ_ji| ≤ τ·max|Φ|; positive semi-definiteness, refuted by exhibiting v (Φ's eigenvector of its
/// least eigenvalue) with vᵀΦv &lt; −τ·Σ|v_iΦ_ijv_j|; and Δθ = −Φg up to ‖Δθ + Φg‖₁ ≤ τ(‖Δθ‖₁ + Σ|Φ_ij g_j|).
/// </summary>
public static class QuasiNewtonCheck
{
    /// <summary>Runs the check; an optimizer that is not an <see cref="IQuasiNewtonOptimizer"/> gets an inconclusive result saying so.</summary>
    public static PropertyResult Run(IOptimizer optimizer, CheckOptions options, bool declared = true)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(options);
        var guarantee = new QuasiNewton();
        if (optimizer is not IQuasiNewtonOptimizer quasi)
            return PropertyClaims.NotApplicable(guarantee.Id, guarantee.Statement, declared, Tolerances.RoundingText,
                "the optimizer declares quasi-newton but does not implement IQuasiNewtonOptimizer, so Φ cannot be inspected");
        var search = QuadraticSearch.Over(
            QuadraticGenerators.Cases(SpectrumKind.Any),
            Edges(),
            q => Evaluate(quasi, q));
        // Generated quadratics (their counterexamples shrink), and the fixed points of the built-in test functions.
        return search.Run(guarantee.Id, guarantee.Statement, declared, Tolerances.RoundingText, options.Validated(),
            BuiltInProblems.Formalization(guarantee.Statement, Tolerances.RoundingText, (f, t) => EvaluateAt(quasi, f, t, "the built-in test function")));
    }

    /// <summary>Indefinite, singular and rotated Hessians.</summary>
    public static IEnumerable<QuadraticCase> Edges()
    {
        yield return new QuadraticCase([-1.0], Basis.Identity, [0.0], [1.0]);
        yield return new QuadraticCase([-1.0, 2.0], Basis.Identity, [0.0, 0.0], [1.0, 1.0]);
        yield return new QuadraticCase([-1.0, 2.0], Basis.Hadamard, [0.0, 0.0], [1.0, 0.5]);
        yield return new QuadraticCase([0.0, 1.0], Basis.Identity, [1.0, 1.0], [0.0, 0.0]);
    }

    private static Evaluation Evaluate(IQuasiNewtonOptimizer optimizer, QuadraticCase q)
    {
        var (objective, _, rejected) = q.Build();
        if (objective is null)
            return Evaluation.Reject(rejected!);
        return EvaluateAt(optimizer, objective, q.ThetaVector, $"Hessian eigenvalues λ = {QuadraticCase.Show(q.Eigenvalues)}");
    }

    private static Evaluation EvaluateAt(IQuasiNewtonOptimizer optimizer, IObjective objective, Vector<double> theta, string problem)
    {
        var g = objective.Gradient(theta);
        if (!g.All(double.IsFinite))
            return Evaluation.Reject("the test problem's gradient is not finite here");
        if ((QuadraticStep.OutsideNormalRange("θ", theta) ?? QuadraticStep.OutsideNormalRange("∇f(θ)", g)) is { } tiny)
            return Evaluation.Reject(tiny);
        var step = OptimizerStep.Take(optimizer, objective, theta);
        if ((step.Problem ?? QuadraticStep.OutsideNormalRange("Δθ", step.Step!)) is { } stepProblem)
            return Evaluation.Reject(stepProblem);
        Matrix<double> phi;
        try
        {
            phi = optimizer.Preconditioner(objective, theta);
        }
        catch (ArgumentException e)
        {
            return Evaluation.Reject("Preconditioner rejected the input: " + e.Message);
        }
#pragma warning disable CA1031 // A user's optimizer may throw anything; report it as a finding.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Evaluation.Fact("Preconditioner threw " + e.GetType().Name + ": " + e.Message, [], "Preconditioner(f, θ) threw instead of returning Φ");
        }
        int n = theta.Count;
        var outputs = new List<NamedValue> { new("Δθ", QuadraticCase.Show(step.Step!)) };
        if (phi is null || phi.RowCount != n || phi.ColumnCount != n || !phi.Enumerate().All(double.IsFinite))
            return Evaluation.Fact("Φ is missing, of the wrong shape or not finite", outputs, "Preconditioner(f, θ) did not return a finite n×n matrix");
        outputs.Add(NamedValue.Text("Φ", "[" + string.Join("; ", Enumerable.Range(0, n).Select(i => QuadraticCase.Show(phi.Row(i).ToArray()))) + "]"));

        var exactPhi = ExactLinearAlgebra.Of(phi);
        var maxAbs = Fraction.Zero;
        var asymmetry = Fraction.Zero;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                maxAbs = FractionMax(maxAbs, exactPhi[i, j].Abs());
                asymmetry = FractionMax(asymmetry, (exactPhi[i, j] - exactPhi[j, i]).Abs());
            }
        var symmetry = Evaluation.LessOrEqual(asymmetry, Tolerances.Rounding * maxAbs, maxAbs, outputs,
            () => $"Φ is not symmetric: max|Φ_ij − Φ_ji| = {Show(asymmetry)} (Definition 3 requires Φᵀ = Φ)");
        if (symmetry.Kind == EvaluationKind.Violated)
            return symmetry;

        // PSD: the least eigenpair of the symmetric part in double, then vᵀΦv decided exactly.
        var sym = (phi + phi.Transpose()) / 2;
        var evd = sym.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        int least = Enumerable.Range(0, n).OrderBy(k => evd.EigenValues[k].Real).First();
        var v = ExactLinearAlgebra.Of(evd.EigenVectors.Column(least));
        var quadratic = ExactLinearAlgebra.Dot(v, ExactLinearAlgebra.Times(exactPhi, v));
        var formScale = ExactLinearAlgebra.AbsQuadraticForm(exactPhi, v);
        var psd = Evaluation.LessOrEqual(-quadratic, Tolerances.Rounding * formScale, formScale,
            [.. outputs, NamedValue.Text("v", QuadraticCase.Show(evd.EigenVectors.Column(least)))],
            () => $"Φ is not positive semi-definite: vᵀΦv = {Show(quadratic)} < 0 for the vector v shown (Φ's least eigenvalue ≈ {Show(evd.EigenValues[least].Real)}; {problem})");
        if (psd.Kind == EvaluationKind.Violated)
            return psd;

        var exactG = ExactLinearAlgebra.Of(g);
        var delta = ExactLinearAlgebra.Of(step.Step!);
        var phiG = ExactLinearAlgebra.Times(exactPhi, exactG);
        var residual = ExactLinearAlgebra.L1(ExactLinearAlgebra.Add(delta, phiG));
        var absPhiG = Fraction.Zero;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                absPhiG += (exactPhi[i, j] * exactG[j]).Abs();
        var stepScale = ExactLinearAlgebra.L1(delta) + absPhiG;
        var form = Evaluation.LessOrEqual(residual, Tolerances.Rounding * stepScale, stepScale, outputs,
            () => $"the step is not −Φ∇f: ‖Δθ + Φ∇f‖₁ = {Show(residual)} (Definition 3: θ_(t+1) = θ_t − Φ_t∇f(θ_t))");
        if (form.Kind == EvaluationKind.Violated)
            return form;
        // Satisfied: report the part closest to a violation (the search climbs on it).
        return new[] { symmetry, psd, form }.MaxBy(e => e.Margin);
    }

    private static Fraction FractionMax(Fraction a, Fraction b) => a.CompareTo(b) >= 0 ? a : b;
}
