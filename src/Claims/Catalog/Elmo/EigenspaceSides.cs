using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Math;
using ElmoMath = Verification.Math.Elmo;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// The quantities of one eigenspace at ELMO's step, in double precision (the reference) and as exact
/// enclosures (for certification): x* (eq. 7), M(x*) (eq. 3), m(x*) (eq. 4).
/// </summary>
internal static class EigenspaceSides
{
    internal static double Step(EigenspaceInput e) => ElmoMath.Step(e.Lambda, e.GradMagnitude, e.Lipschitz);

    internal static double UpperAtStep(EigenspaceInput e) => CubicUpperModel.Evaluate(e.G, e.Lambda, e.Lipschitz, Step(e));

    internal static double LowerAtStep(EigenspaceInput e) => CubicLowerModel.Evaluate(e.G, e.Lambda, e.Lipschitz, Step(e));

    internal static RationalInterval ExactStep(EigenspaceInput e, int bits) => ExactElmo.Step(e.Lambda, e.GradMagnitude, e.Lipschitz, bits);

    internal static RationalInterval ExactUpper(EigenspaceInput e, RationalInterval x) =>
        ExactElmo.Upper(RationalInterval.Exact(e.G), RationalInterval.Exact(e.Lambda), RationalInterval.Exact(e.Lipschitz), x);

    internal static RationalInterval ExactLower(EigenspaceInput e, RationalInterval x) =>
        ExactElmo.Lower(RationalInterval.Exact(e.G), RationalInterval.Exact(e.Lambda), RationalInterval.Exact(e.Lipschitz), x);

    /// <summary>A margin scale for values of M and m at x*: |g|·x* + |λ|x*²/2 + Lx*³/6 (each term's size).</summary>
    internal static double ModelScale(EigenspaceInput e)
    {
        double s = RawScale(e);
        return s > 0 && double.IsFinite(s) ? s : 1.0;
    }

    private static double RawScale(EigenspaceInput e)
    {
        double x = Step(e);
        return e.GradMagnitude * x + System.Math.Abs(e.Lambda) * x * x / 2 + e.Lipschitz * x * x * x / 6;
    }

    /// <summary>Shared hypotheses: M and m at x* must be finite in double precision to be compared.</summary>
    internal static string? Representable(EigenspaceInput e)
    {
        double x = Step(e);
        if (!double.IsFinite(x) || !double.IsFinite(RawScale(e)))
            return "x* or the terms of M(x*) overflow double precision (the statement is checked where they are representable)";
        return null;
    }

    internal static Inequality<EigenspaceInput> Build(
        string name, string description, string tolerance,
        Func<EigenspaceInput, Sides> sides, Func<EigenspaceInput, int, ExactSides> exact,
        Func<EigenspaceInput, string>? why = null, Func<EigenspaceInput, string?>? hypotheses = null) => new()
    {
        Name = name,
        Description = description,
        Tolerance = tolerance,
        Generator = EigenspaceInput.Generator,
        Edges = EigenspaceInput.EdgeCases,
        Move = (e, r) => e.Perturb(r),
        Show = e => e.Describe(),
        Hypotheses = e => hypotheses?.Invoke(e) ?? Representable(e),
        Sides = sides,
        ExactSides = exact,
        Why = why,
    };
}
