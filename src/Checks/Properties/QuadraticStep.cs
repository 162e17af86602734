using Fractions;
using Verification.Engine;
using MathNet.Numerics.LinearAlgebra;
using Verification.Checks.Problems;
using Verification.Checks.Results;
using Verification.Checks.Search;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Numerics.Exact;

namespace Verification.Checks.Properties;

/// <summary>A generated quadratic, the optimizer's step on it, and both in exact rationals.</summary>
internal sealed record QuadraticStep(
    QuadraticCase Case,
    Quadratic Objective,
    Fraction[,] A,
    Fraction[] Theta,
    Fraction[] Gradient,
    Vector<double> Step,
    Fraction[] Delta)
{
    /// <summary>
    /// 2⁻¹⁰⁰⁰: nonzero entries of θ, b, λ, ∇f and Δθ below this magnitude are subnormal or close to it, where a double
    /// step keeps no relative precision (−0.1·5e-324 rounds to 0). The relational properties reject such inputs;
    /// finite-steps covers them.
    /// </summary>
    internal static readonly double NormalFloor = Math.ScaleB(1.0, -1000);

    /// <summary>Null when every nonzero entry is at least <see cref="NormalFloor"/> in magnitude, else the reason.</summary>
    internal static string? OutsideNormalRange(string name, IEnumerable<double> values) =>
        values.Any(v => v != 0 && Math.Abs(v) < NormalFloor)
            ? $"{name} has a nonzero entry below 2⁻¹⁰⁰⁰ in magnitude (subnormal range, no relative precision; finite-steps covers it)"
            : null;

    /// <summary>Δθ as a named output for counterexamples.</summary>
    internal IReadOnlyList<NamedValue> Outputs => [NamedValue.Text("Δθ", QuadraticCase.Show(Step))];

    /// <summary>f(θ + Δθ) − f(θ), exactly.</summary>
    internal Fraction Change => Case.ExactValue(A, ExactLinearAlgebra.Add(Theta, Delta)) - Case.ExactValue(A, Theta);

    /// <summary>Σ|g_iΔθ_i| + Σ|Δθ_iA_ijΔθ_j|: the first-order rounding scale of <see cref="Change"/>.</summary>
    internal Fraction ChangeScale => ExactLinearAlgebra.AbsDot(Gradient, Delta) + ExactLinearAlgebra.AbsQuadraticForm(A, Delta);

    /// <summary>
    /// Builds the case, checks that the oracle's gradient is exact there (so a violation is the optimizer's, not
    /// the test problem's rounding), and takes one step. Null with the reason when the case is outside the domain or
    /// the step is missing or not finite.
    /// </summary>
    internal static (QuadraticStep? Step, string? Rejected) Take(IOptimizer optimizer, QuadraticCase c)
    {
        var (objective, a, rejected) = c.Build();
        if (objective is null)
            return (null, rejected);
        if ((OutsideNormalRange("θ", c.Theta) ?? OutsideNormalRange("b", c.Linear) ?? OutsideNormalRange("λ", c.Eigenvalues)) is { } tiny)
            return (null, tiny);
        var theta = ExactLinearAlgebra.Of(c.Theta);
        var exactGradient = c.ExactGradient(a, theta);
        var oracle = objective.Gradient(c.ThetaVector);
        for (int i = 0; i < oracle.Count; i++)
            if (!ExactLinearAlgebra.IsExactly(oracle[i], exactGradient[i]))
                return (null, "the test problem's gradient is rounded (or overflows) at this θ");
        if (OutsideNormalRange("∇f(θ)", oracle) is { } tinyGradient)
            return (null, tinyGradient);
        var step = OptimizerStep.Take(optimizer, objective, c.ThetaVector);
        if ((step.Problem ?? OutsideNormalRange("Δθ", step.Step!)) is { } problem)
            return (null, problem);
        return (new QuadraticStep(c, objective, a, theta, exactGradient, step.Step!, ExactLinearAlgebra.Of(step.Step!)), null);
    }

    /// <summary>
    /// <see cref="Take"/> for the properties about a negative eigenvalue (concave directions, strict saddles): a case
    /// without one is outside them, rejected before any step is taken.
    /// </summary>
    internal static (QuadraticStep? Step, string? Rejected) TakeWithNegativeEigenvalue(IOptimizer optimizer, QuadraticCase c) =>
        c.Eigenvalues.Any(l => l < 0) ? Take(optimizer, c) : (null, "no negative eigenvalue");

    /// <summary>The largest eigenvalue magnitude, for messages.</summary>
    internal static string Spectrum(QuadraticCase c) => QuadraticCase.Show(c.Eigenvalues);
}
