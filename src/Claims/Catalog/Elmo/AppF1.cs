using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos App. F.1: the eight-line chain rewriting Cauchy's step −2/(1 + √(1 − 2Lg/λ²))·g/λ into
/// (sgn(λ)·√(λ² − 2Lg) − λ)/L, and "the difference between our step and theirs is the sign on the square root".
/// </summary>
internal static class AppF1
{
    /// <summary>Line k of the chain (1-based) in exact arithmetic; g ≤ 0, λ ≠ 0.</summary>
    private static RationalInterval Line(int k, EigenspaceInput e, int bits)
    {
        var one = RationalInterval.Exact(1.0);
        var two = RationalInterval.Exact(2.0);
        var l = RationalInterval.Exact(e.Lambda);
        var g = RationalInterval.Exact(e.G);
        var lip = RationalInterval.Exact(e.Lipschitz);
        var sgn = RationalInterval.Exact((double)System.Math.Sign(e.Lambda));
        var absL = l.Abs();
        var root = (l * l - two * lip * g).Sqrt(bits);          // √(λ² − 2Lg)
        return k switch
        {
            1 => -(two / (one + (one - two * lip * g / (l * l)).Sqrt(bits))) * (g / l),
            2 => -(two / (one + one / absL * root)) * (g / l),
            3 => -(two * g) / (l + sgn * root),
            4 => one / lip * (-(two * lip * g) / (l + sgn * root)),
            5 => one / lip * ((l * l - two * lip * g - l * l) / (l + sgn * root)),
            6 => (root - (l * l).Sqrt(bits)) / lip * (absL / l),
            7 => (root - absL / l * l) / lip * (absL / l),
            _ => (absL / l * root - l) / lip,
        };
    }

    /// <summary>Line k in double precision, written as the paper writes it.</summary>
    private static double LineDouble(int k, EigenspaceInput e)
    {
        double l = e.Lambda, g = e.G, lip = e.Lipschitz, sgn = System.Math.Sign(l), absL = System.Math.Abs(l);
        double root = System.Math.Sqrt(l * l - 2 * lip * g);
        return k switch
        {
            1 => CauchyStep.Along(l, g, lip),
            2 => -(2 / (1 + root / absL)) * (g / l),
            3 => -2 * g / (l + sgn * root),
            4 => 1 / lip * (-2 * lip * g / (l + sgn * root)),
            5 => 1 / lip * ((l * l - 2 * lip * g - l * l) / (l + sgn * root)),
            6 => (root - System.Math.Sqrt(l * l)) / lip * (absL / l),
            7 => (root - absL / l * l) / lip * (absL / l),
            _ => (absL / l * root - l) / lip,
        };
    }

    private static Gen<EigenspaceInput> Generator { get; } =
        from l in EdgeDoubles.Signed(1e-6, 1e6).Where(l => l != 0)
        from a in EdgeDoubles.NonNegative(1e-6, 1e6)
        from lip in EdgeDoubles.Positive(1e-6, 1e6)
        select new EigenspaceInput(l, a, lip);

    private static string? Hypotheses(EigenspaceInput e) =>
        e.Lambda == 0 ? "λ = 0: Cauchy's step divides by λ"
        : Enumerable.Range(1, 8).All(k => double.IsFinite(LineDouble(k, e))) ? null : "a line overflows or divides by zero in double precision";

    private static Inequality<EigenspaceInput> Step(int k) => new()
    {
        Name = $"line-{k}-equals-line-{k - 1}",
        Description = $"For all λ ≠ 0, g ≤ 0, L > 0: line {k} of the chain equals line {k - 1}.",
        Tolerance = "Relative 1e-9 of the larger side in double precision (lines 5–7 cancel by design when λ² ≫ 2L|g|); exact arithmetic decides.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-9,
        Generator = Generator,
        Edges = () => EigenspaceInput.EdgeCases().Where(e => e.Lambda != 0),
        Move = (e, r) => e.Perturb(r),
        Hypotheses = Hypotheses,
        Sides = e =>
        {
            double a = LineDouble(k, e), b = LineDouble(k - 1, e);
            return new Sides(a, b, System.Math.Max(System.Math.Max(System.Math.Abs(a), System.Math.Abs(b)), double.Epsilon));
        },
        ExactSides = (e, bits) => new ExactSides(Line(k, e, bits), Line(k - 1, e, bits)),
        Show = e => [NamedValue.Of("lambda", e.Lambda), NamedValue.Of("g", e.G), NamedValue.Of("lipschitz", e.Lipschitz)],
        Why = _ => $"Line {k} of App. F.1 does not equal line {k - 1}.",
    };

    /// <summary>Cauchy's step equals ELMO's with the root's sign flipped by sgn(λ): (sgn(λ)·S − λ)/L against (S − λ)/L.</summary>
    private static Inequality<EigenspaceInput> SignOnTheRoot() => new()
    {
        Name = "differs-by-root-sign",
        Description = "For all λ ≠ 0, g ≤ 0, L > 0: Cauchy's step equals (σ·√(λ² + 2L|g|) − λ)/L with σ = sgn(λ), while ELMO's x* is the same with σ = +1; so they coincide for λ > 0 and differ only in that sign for λ < 0.",
        Tolerance = "Relative 1e-9 in double precision; exact arithmetic decides.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-9,
        Generator = Generator,
        Move = (e, r) => e.Perturb(r),
        Hypotheses = Hypotheses,
        Sides = e =>
        {
            double cauchy = CauchyStep.Along(e.Lambda, e.G, e.Lipschitz);
            double elmo = Verification.Math.Elmo.Step(e.Lambda, e.GradMagnitude, e.Lipschitz);
            // Flip the sign of the root in x* = (S − λ)/L: S = L·x* + λ.
            double root = e.Lipschitz * elmo + e.Lambda;
            double flipped = e.Lambda > 0 ? elmo : (-root - e.Lambda) / e.Lipschitz;
            return new Sides(cauchy, flipped, System.Math.Max(System.Math.Abs(cauchy), System.Math.Abs(flipped)));
        },
        ExactSides = (e, bits) =>
        {
            var x = ExactElmo.Step(e.Lambda, e.GradMagnitude, e.Lipschitz, bits);
            var l = RationalInterval.Exact(e.Lambda);
            var lip = RationalInterval.Exact(e.Lipschitz);
            var root = lip * x + l;
            var flipped = e.Lambda > 0 ? x : (-root - l) / lip;
            return new ExactSides(Line(1, e, bits), flipped);
        },
        Show = e => [NamedValue.Of("lambda", e.Lambda), NamedValue.Of("g", e.G), NamedValue.Of("lipschitz", e.Lipschitz)],
        Why = _ => "Cauchy's step is not ELMO's step with the root's sign set by sgn(λ).",
    };

    internal static Claim Claim() => new(
        "elmo/app-F.1",
        ElmoSources.Of("App. F.1", null, "F.1"),
        "Cauchy's step −2/(1 + √(1 − 2L∇fᵀv/λ²))·∇fᵀv/λ equals, line by line, (sgn(λ)·√(λ² − 2L∇fᵀv) − λ)/L; the difference from ELMO's step is the sign on the square root.",
        "Each of the seven equalities of the chain separately, over λ ≠ 0 (Cauchy's step divides by λ), g ≤ 0 (eq. 1), L > 0; and the sign sentence as an identity between the two closed forms.",
        [.. Enumerable.Range(2, 7).Select(Step), SignOnTheRoot()]);
}
