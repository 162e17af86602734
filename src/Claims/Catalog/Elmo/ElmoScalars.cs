using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Generators;
using Verification.Math;
using Verification.Math.Exact;
using ElmoMath = Verification.Math.Elmo;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// One-eigenspace quantities shared by the asymptotic claims (App. H, M.5): x* (eq. 7), M at any x (eq. 3), m (eq. 4),
/// in double precision and exactly, plus a generator of moderate (λ, |g|) whose L-sequences stay in double range.
/// </summary>
internal static class ElmoScalars
{
    /// <summary>λ of either sign (0 often) in ±[1e-3, 1e3], |g| ∈ {0} ∪ [1e-3, 1e3]; L is set by each sequence.</summary>
    internal static Gen<EigenspaceInput> Moderate { get; } =
        from l in EdgeDoubles.Signed(1e-3, 1e3)
        from a in EdgeDoubles.NonNegative(1e-3, 1e3)
        select new EigenspaceInput(l, a, 1);

    /// <summary>The (λ, |g|) corners: λ ∈ {0, ±1, ±1e-3, ±1e3}, |g| ∈ {0, 1, 1e-3, 1e3}.</summary>
    internal static IEnumerable<EigenspaceInput> ModerateEdges()
    {
        foreach (var l in new[] { 0.0, 1, -1, 1e-3, -1e-3, 1e3, -1e3 })
            foreach (var a in new[] { 0.0, 1, 1e-3, 1e3 })
                yield return new EigenspaceInput(l, a, 1);
    }

    /// <summary>Moves λ or |g| (L is not an input of the sequence claims).</summary>
    internal static EigenspaceInput Move(EigenspaceInput e, System.Random r) => r.Next(2) == 0
        ? e with { Lambda = System.Math.Clamp(EdgeDoubles.Perturb(e.Lambda, r, 0, 1e3), -1e3, 1e3) }
        : e with { GradMagnitude = System.Math.Min(1e3, System.Math.Abs(EdgeDoubles.Perturb(e.GradMagnitude, r, 0, 1e3))) };

    /// <summary>λ²/|g| (the L at which L|g|/λ² = 1), or |λ| when |g| = 0, or 1 when both vanish or λ = 0.</summary>
    internal static double CrossoverL(EigenspaceInput e) =>
        e.Lambda == 0 ? 1 : e.GradMagnitude > 0 ? e.Lambda * e.Lambda / e.GradMagnitude : System.Math.Abs(e.Lambda);

    /// <summary>x* at (λ, |g|, L).</summary>
    internal static double Step(double lambda, double a, double lipschitz) => ElmoMath.Step(lambda, a, lipschitz);

    /// <summary>
    /// M(x*) = −x*²(2S + λ)/6 with S = √(λ² + 2L|g|): eq. (3) at its minimizer, using M'(x*) = 0 (g = −λx* − (L/2)x*²).
    /// Both factors are sums of non-negative terms (2S + λ ≥ S ≥ 0), so there is no cancellation.
    /// </summary>
    internal static double UpperAtStep(double lambda, double a, double lipschitz)
    {
        double x = Step(lambda, a, lipschitz);
        double s = lambda >= 0 ? lambda + lipschitz * x : lipschitz * x - System.Math.Abs(lambda);
        return -x * x * (2 * s + lambda) / 6;
    }

    /// <summary>M(x) of eq. (3), exactly, at an enclosure of x.</summary>
    internal static RationalInterval ExactUpper(double lambda, double a, double lipschitz, RationalInterval x) =>
        ExactElmo.Upper(RationalInterval.Exact(-a), RationalInterval.Exact(lambda), RationalInterval.Exact(lipschitz), x);

    /// <summary>m(x) of eq. (4), exactly.</summary>
    internal static RationalInterval ExactLower(double lambda, double a, double lipschitz, RationalInterval x) =>
        ExactElmo.Lower(RationalInterval.Exact(-a), RationalInterval.Exact(lambda), RationalInterval.Exact(lipschitz), x);

    /// <summary>x* exactly.</summary>
    internal static RationalInterval ExactStep(double lambda, double a, double lipschitz, int bits) => ExactElmo.Step(lambda, a, lipschitz, bits);

    /// <summary>M(x*) exactly, from the definition (eq. 3 at the enclosure of x*).</summary>
    internal static RationalInterval ExactUpperAtStep(double lambda, double a, double lipschitz, int bits) =>
        ExactUpper(lambda, a, lipschitz, ExactStep(lambda, a, lipschitz, bits));

    /// <summary>M(x) in double precision.</summary>
    internal static double Upper(double lambda, double a, double lipschitz, double x) => CubicUpperModel.Evaluate(-a, lambda, lipschitz, x);

    /// <summary>m(x) in double precision.</summary>
    internal static double Lower(double lambda, double a, double lipschitz, double x) => CubicLowerModel.Evaluate(-a, lambda, lipschitz, x);
}
