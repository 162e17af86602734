using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos App. H: the asymptotics of M(x*) in L. Thm H.1: M(x*) = Θ(1/√L) as L → ∞; Thm H.2: for λ ≤ 0,
/// M(x*) = Θ(−1/L²) as L → 0⁺; Thm H.3: for λ &gt; 0, M(x*) − M(lim_{L→0⁺} x*) = Θ(L) as L → 0⁺.
/// </summary>
internal static class ThmH
{
    private const int Terms = 9;

    private static double[] Growing(EigenspaceInput e) =>
        [.. Enumerable.Range(0, Terms).Select(k => ElmoScalars.CrossoverL(e) * System.Math.Pow(10, 2 * k))];

    private static double[] Shrinking(EigenspaceInput e) =>
        [.. Enumerable.Range(0, Terms).Select(k => ElmoScalars.CrossoverL(e) * System.Math.Pow(10, -2 * k))];

    internal static IEnumerable<Claim> H1()
    {
        yield return new Claim("elmo/thm-H.1", ElmoSources.Of("Theorem H.1", null, "H.1"),
            "M_t^i(Δθ*ᵀv_i) = Θ(1/√L_t^i) when L_t^i → ∞.",
            "As written, for every eigenspace (any λ, |g| ≥ 0): the ratio |M(x*)|·√L along L → ∞ must stay bounded away from 0 and ∞.",
            [H1Trend("all-eigenspaces", e => null)]);
        yield return new Claim("elmo/thm-H.1/nonzero-gradient", ElmoSources.Of("Theorem H.1", null, "H.1"),
            "M_t^i(Δθ*ᵀv_i) = Θ(1/√L_t^i) when L_t^i → ∞, for eigenspaces with ∇fᵀv_i ≠ 0.",
            "Restricted to |g| > 0, the case the proof's normalizer (built from √(−∇fᵀv_i)) presupposes; with |g| = 0, M(x*) is 0 (λ ≥ 0) or −(2/3)|λ|³/L² (λ < 0), which the as-written reading includes.",
            [H1Trend("nonzero-gradient", e => e.GradMagnitude > 0 ? null : "|g| = 0 is excluded by this reading")]);
    }

    private static RatioTrend<EigenspaceInput> H1Trend(string name, Func<EigenspaceInput, string?> hypotheses) => new()
    {
        Name = name,
        Description = "Along L_k = (λ²/|g|)·10^(2k), k = 0..8 (|λ| or 1 when |g| = 0 or λ = 0), the ratio |M(x*)|·√L_k must neither vanish nor drift by 10⁶.",
        Tolerance = "Drift threshold 10⁶ and settled tail (spread ≤ 1e-3) over y = L|g|/λ² ∈ [1, 1e16]; M(x*) = −x*²(2S+λ)/6 has no cancellation; exact ratios certify a drift.",
        Generator = ElmoScalars.Moderate,
        Edges = ElmoScalars.ModerateEdges,
        Move = ElmoScalars.Move,
        Hypotheses = hypotheses,
        Sequence = Growing,
        SequenceName = "L_k",
        Ratio = (e, l) => ElmoScalars.UpperAtStep(e.Lambda, e.GradMagnitude, l) * System.Math.Sqrt(l),
        ExactRatio = (e, l, bits) => ElmoScalars.ExactUpperAtStep(e.Lambda, e.GradMagnitude, l, bits) * RationalInterval.Exact(l).Sqrt(bits),
        Show = e => [NamedValue.Of("lambda", e.Lambda), NamedValue.Of("gradMagnitude", e.GradMagnitude)],
        Why = e => e.GradMagnitude == 0
            ? (e.Lambda >= 0 ? "With ∇fᵀv_i = 0 and λ ≥ 0, x* = 0 and M(x*) = 0 for every L: not Θ(1/√L)." : "With ∇fᵀv_i = 0 and λ < 0, M(x*) = −(2/3)|λ|³/L², which is o(1/√L).")
            : "|M(x*)|·√L does not settle as L → ∞.",
    };

    internal static IEnumerable<Claim> H2()
    {
        yield return new Claim("elmo/thm-H.2", ElmoSources.Of("Theorem H.2", null, "H.2"),
            "If λ_i(θ_t) ≤ 0 then M_t^i(Δθ*ᵀv_i) = Θ(−1/(L_t^i)²) when L_t^i → 0⁺.",
            "As written, λ ≤ 0 including λ = 0 and any |g| ≥ 0: |M(x*)|·L² along L → 0⁺ must stay bounded away from 0 and ∞.",
            [H2Trend("flat-nonzero-gradient", e => e.Lambda == 0 && e.GradMagnitude > 0 ? null : "this formalization takes the boundary case λ = 0 with |g| > 0"),
             H2Trend("concave-or-flat", e => e.Lambda <= 0 ? null : "λ > 0 is outside the theorem")]);
        yield return new Claim("elmo/thm-H.2/strictly-concave", ElmoSources.Of("Theorem H.2", null, "H.2"),
            "If λ_i(θ_t) < 0 then M_t^i(Δθ*ᵀv_i) = Θ(−1/(L_t^i)²) when L_t^i → 0⁺.",
            "λ < 0 only: the proof divides by λ³ (its normalizer (2/3)λ³/L²), which is 0 at λ = 0, so the flat case is outside what it proves.",
            [H2Trend("strictly-concave", e => e.Lambda < 0 ? null : "λ ≥ 0 is excluded by this reading")]);
    }

    private static RatioTrend<EigenspaceInput> H2Trend(string name, Func<EigenspaceInput, string?> hypotheses) => new()
    {
        Name = name,
        Description = "Along L_k = (λ²/|g|)·10^(−2k), k = 0..8 (|λ| or 1 when |g| = 0 or λ = 0), |M(x*)|·L_k² must neither vanish nor drift by 10⁶.",
        Tolerance = "Drift threshold 10⁶ and settled tail (spread ≤ 1e-3) over y = L|g|/λ² ∈ [1e-16, 1]; exact ratios certify a drift.",
        Generator = ElmoScalars.Moderate,
        Edges = ElmoScalars.ModerateEdges,
        Move = ElmoScalars.Move,
        Hypotheses = hypotheses,
        Sequence = Shrinking,
        SequenceName = "L_k",
        Ratio = (e, l) => ElmoScalars.UpperAtStep(e.Lambda, e.GradMagnitude, l) * l * l,
        ExactRatio = (e, l, bits) => ElmoScalars.ExactUpperAtStep(e.Lambda, e.GradMagnitude, l, bits) * RationalInterval.Exact(l) * RationalInterval.Exact(l),
        Show = e => [NamedValue.Of("lambda", e.Lambda), NamedValue.Of("gradMagnitude", e.GradMagnitude)],
        Why = e => e.Lambda == 0
            ? (e.GradMagnitude == 0 ? "At λ = 0 and ∇fᵀv_i = 0, M(x*) = 0 for every L." : "At λ = 0 (allowed by λ ≤ 0), x* = √(2|g|/L) and M(x*) = −(2/3)|g|√(2|g|/L) = Θ(L^(−1/2)), not Θ(L^(−2)).")
            : "|M(x*)|·L² does not settle as L → 0⁺.",
    };

    internal static IEnumerable<Claim> H3()
    {
        yield return new Claim("elmo/thm-H.3", ElmoSources.Of("Theorem H.3", null, "H.3"),
            "If λ_i(θ_t) > 0 then M_t^i(Δθ*ᵀv_i) − M_t^i(lim_{L→0⁺} Δθ*ᵀv_i) = Θ(L_t^i) when L_t^i → 0⁺.",
            "As written: both terms use the same M_t^i (with the current L), evaluated at x*(L) and at Newton's step x_N = |g|/λ; any |g| ≥ 0.",
            [H3Trend("same-model-nonzero-gradient", sameModel: true, e => e.Lambda > 0 && e.GradMagnitude > 0 ? null : "this formalization takes λ > 0 with |g| > 0"),
             H3Trend("same-model", sameModel: true, e => e.Lambda > 0 ? null : "λ ≤ 0 is outside the theorem")]);
        yield return new Claim("elmo/thm-H.3/newton-model", ElmoSources.Of("Theorem H.3", null, "H.3"),
            "If λ_i > 0 and ∇fᵀv_i ≠ 0 then M_t^i(Δθ*ᵀv_i) − M_0(x_N) = Θ(L_t^i) when L_t^i → 0⁺, M_0 the quadratic model (L = 0).",
            "The second term read as the limit of the whole expression M_L(x*(L)) as L → 0⁺, i.e. Newton's quadratic model at its minimizer, −|g|²/(2λ): the reading under which a Θ(L) gap appears; |g| > 0 because with |g| = 0 both terms are 0.",
            [H3Trend("newton-model", sameModel: false, e => e.Lambda > 0 && e.GradMagnitude > 0 ? null : "this reading needs λ > 0 and |g| > 0")]);
    }

    /// <summary>
    /// M_L(x*) − M_L(x_N) = (x* − x_N)·[(λ/2)(x* − x_N) + (L/6)(x*² + x*x_N + x_N²)], with
    /// x* − x_N = −2L|g|²/(λ(S + λ)²) (from g = −λx_N and S − λ = 2L|g|/(S + λ)): no cancellation.
    /// </summary>
    internal static double SameModelGap(double lambda, double a, double l)
    {
        double x = ElmoScalars.Step(lambda, a, l);
        double xn = a / lambda;
        double s = lambda + l * x;
        double d = -2 * l * a * a / (lambda * (s + lambda) * (s + lambda));
        return d * (lambda / 2 * d + l / 6 * (x * x + x * xn + xn * xn));
    }

    private static RatioTrend<EigenspaceInput> H3Trend(string name, bool sameModel, Func<EigenspaceInput, string?> hypotheses) => new()
    {
        Name = name,
        Description = sameModel
            ? "Along L_k = (λ²/|g|)·10^(−2k), k = 0..8, |M_L(x*) − M_L(|g|/λ)|/L_k must neither vanish nor drift by 10⁶."
            : "Along L_k = (λ²/|g|)·10^(−2k), k = 0..8, |M_L(x*) − (−|g|²/(2λ))|/L_k must neither vanish nor drift by 10⁶.",
        Tolerance = "Drift threshold 10⁶ and settled tail (spread ≤ 1e-3); the gap is formed without cancellation (factored through x* − x_N = −2L|g|²/(λ(S+λ)²)); exact ratios certify a drift.",
        Generator = ElmoScalars.Moderate,
        Edges = ElmoScalars.ModerateEdges,
        Move = ElmoScalars.Move,
        Hypotheses = hypotheses,
        Sequence = Shrinking,
        SequenceName = "L_k",
        Ratio = (e, l) =>
        {
            double gap = SameModelGap(e.Lambda, e.GradMagnitude, l);
            double xn = e.GradMagnitude / e.Lambda;
            return (sameModel ? gap : gap + l / 6 * xn * xn * xn) / l;
        },
        ExactRatio = (e, l, bits) =>
        {
            var x = ElmoScalars.ExactStep(e.Lambda, e.GradMagnitude, l, bits);
            var xn = RationalInterval.Exact(e.GradMagnitude) / RationalInterval.Exact(e.Lambda);
            var atStep = ElmoScalars.ExactUpper(e.Lambda, e.GradMagnitude, l, x);
            var reference = sameModel
                ? ElmoScalars.ExactUpper(e.Lambda, e.GradMagnitude, l, xn)
                : ElmoScalars.ExactUpper(e.Lambda, e.GradMagnitude, 0, xn);
            return (atStep - reference) / RationalInterval.Exact(l);
        },
        Show = e => [NamedValue.Of("lambda", e.Lambda), NamedValue.Of("gradMagnitude", e.GradMagnitude)],
        Why = e => e.GradMagnitude == 0
            ? "With ∇fᵀv_i = 0, x* = x_N = 0 and the difference is 0 for every L."
            : "x*(L) minimizes M_L, so M_L(x*) − M_L(x_N) = −(L²/8)·x_N⁴/λ + o(L²): the gap is Θ(L²), and the ratio to L tends to 0.",
    };
}
