using FsCheck;
using FsCheck.Fluent;
using Fractions;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos eq. (8), §3.3: for λ_i ≥ 0, Newton's step |g|/λ has M(|g|/λ) ≥ 0 whenever L ≥ 3λ²/|g|.
/// </summary>
internal static class Eq8
{
    internal static Claim Claim() => new(
        "elmo/eq-8",
        ElmoSources.Of("eq. (8)", "(8)", "3.3"),
        "∀i with λ_i ≥ 0: M_t^i(|∇fᵀv_i|/λ_i) ≥ 0 whenever L_t^i ≥ 3λ_i²/|∇fᵀv_i|.",
        "As written the quantifier includes λ_i = 0, where Newton's step |g|/λ is undefined, and |g| = 0, where 3λ²/|g| is; both are rejected as outside the statement's meaning (noted), the rest is checked.",
        [NewtonNotDescending()]);

    /// <summary>λ &gt; 0, |g| &gt; 0 and L = (3λ²/|g|)·(1 + t), t ≥ 0 with t = 0 (the boundary) often.</summary>
    private static Gen<EigenspaceInput> Generator { get; } = Gen.Frequency(
        (4, from l in EdgeDoubles.Positive(1e-100, 1e100)
            from a in EdgeDoubles.Positive(1e-100, 1e100)
            from t in Gen.Frequency((2, Gen.Constant(0.0)), (3, EdgeDoubles.LogUniform(1e-16, 1e6)))
            select new EigenspaceInput(l, a, 3 * l * l / a * (1 + t))),
        (1, EigenspaceInput.Generator));

    private static string? Hypotheses(EigenspaceInput e)
    {
        if (e.Lambda < 0) return "λ < 0 is outside the statement (λ_i ≥ 0)";
        if (e.Lambda == 0) return "λ = 0: Newton's step |g|/λ is undefined";
        if (e.GradMagnitude == 0) return "|g| = 0: the threshold 3λ²/|g| is undefined";
        // The premise is decided exactly: L·|g| ≥ 3λ².
        var lhs = ExactDouble.ToFraction(e.Lipschitz) * ExactDouble.ToFraction(e.GradMagnitude);
        var rhs = new Fraction(3) * ExactDouble.ToFraction(e.Lambda) * ExactDouble.ToFraction(e.Lambda);
        if (lhs < rhs) return "premise L ≥ 3λ²/|g| not met";
        double x = e.GradMagnitude / e.Lambda;
        return double.IsFinite(CubicUpperModel.Evaluate(e.G, e.Lambda, e.Lipschitz, x)) && double.IsFinite(Scale(e))
            ? null : "M at Newton's step overflows double precision";
    }

    private static double Scale(EigenspaceInput e)
    {
        double x = e.GradMagnitude / e.Lambda;
        return e.GradMagnitude * x + e.Lambda * x * x / 2 + e.Lipschitz * x * x * x / 6;
    }

    private static Inequality<EigenspaceInput> NewtonNotDescending() => new()
    {
        Name = "newton-M-nonnegative",
        Description = "For all λ > 0, |g| > 0, L with L·|g| ≥ 3λ² (exactly): 0 ≤ M(|g|/λ).",
        Tolerance = "None in double precision; Newton's step is rational, so certification is exact.",
        Generator = Generator,
        Edges = () => [new EigenspaceInput(1, 1, 3), new EigenspaceInput(2, 3, 4), new EigenspaceInput(1e-100, 1e100, 3e-300)],
        Move = (e, r) => e.Perturb(r),
        Hypotheses = Hypotheses,
        Sides = e => new Sides(0, CubicUpperModel.Evaluate(e.G, e.Lambda, e.Lipschitz, NewtonStep.Along(e.Lambda, e.GradMagnitude)), Scale(e)),
        ExactSides = (e, _) =>
        {
            var l = RationalInterval.Exact(e.Lambda);
            var x = RationalInterval.Exact(e.GradMagnitude) / l;
            return new ExactSides(RationalInterval.Zero,
                ExactElmo.Upper(RationalInterval.Exact(e.G), l, RationalInterval.Exact(e.Lipschitz), x));
        },
        Show = e => e.Describe(),
        Why = _ => "M(|g|/λ) < 0 although L ≥ 3λ²/|g|.",
    };
}
