using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>One eigenspace and a step x = x*(1 + ΔΔ') given by its relative distance ΔΔ' from ELMO's step (Notation 8).</summary>
internal sealed record RelativeStep(EigenspaceInput E, double Delta)
{
    internal IReadOnlyList<NamedValue> Describe() => [.. E.Describe(), NamedValue.Of("DeltaDelta'", Delta)];
}

/// <summary>
/// elmo-amos M.5, "Relative Descent Rate" (eq. 19): |(M(x) − M(x*))/M(x*)| = Θ(ΔΔ'²) and
/// |(m(x) − m(x*))/m(x*)| = Θ(|ΔΔ'|), with the closed forms the proof states.
/// </summary>
internal static class LemmaM5Relative
{
    /// <summary>Closed forms are compared with a relative tolerance of 1e-9: the double reference of the true ratio is accurate to a few ulps, the paper's forms cancel mildly.</summary>
    private const double ClosedFormTolerance = 1e-9;

    internal static Claim Claim() => new(
        "elmo/lemma-M.5-relative",
        ElmoSources.Of("Theorem \"Relative Descent Rate\"", "(19)", "M.5"),
        "|(M(Δθᵀv_i) − M(x*))/M(x*)| = Θ(ΔΔ'²) and |(m(Δθᵀv_i) − m(x*))/m(x*)| = Θ(|ΔΔ'|); the proof states the first ratio equals −ΔΔ'²(1 + ½ΔΔ'²) for λ = 0 and ((3/2)ψ₂(y) − 2)ΔΔ'³ − ΔΔ'² for λ < 0 (y = L|g|/λ², ψ₂(y) = y/(y + ¼√(1+2y) + ¼)), and the second equals ΔΔ'·(A + B·ΔΔ' + C·ΔΔ'²) with its displayed A, B, C.",
        "Θ read as ΔΔ' → 0 (for large |ΔΔ'| the cubic terms dominate both ratios, and the proof bounds only the coefficients). "
        + "Steps with x = x*(1 + ΔΔ') ≥ 0 (ΔΔ' ≥ −1), where |x|³ = x³ as the proof's expansion assumes; eigenspaces with x* > 0. "
        + "The λ > 0 closed form of the first part (and its ψ₁) is not legible in papers/elmo-amos.md (the display is blank), so it is not checked.",
        [ClosedFormLambdaZero(), ClosedFormLambdaNegative(), ClosedFormLower(), ThetaUpper(), ThetaLower()]);

    private static Gen<RelativeStep> Steps(Gen<EigenspaceInput> eigenspaces) =>
        from e in eigenspaces
        from d in Gen.Frequency(
            (4, EdgeDoubles.Signed(1e-6, 1e3).Select(x => System.Math.Max(-1, x))),
            (1, Gen.Elements(-1.0, 1.0, 0.5, -0.5, 2.0, 10.0)))
        select new RelativeStep(e, d);

    /// <summary>λ ∈ ±[1e-3, 1e3] (0 often), |g|, L ∈ [1e-3, 1e3]: the Θ sequences and closed forms stay far from under- and overflow.</summary>
    private static Gen<EigenspaceInput> ModerateWithL { get; } =
        from l in EdgeDoubles.Signed(1e-3, 1e3)
        from a in EdgeDoubles.Positive(1e-3, 1e3)
        from lip in EdgeDoubles.Positive(1e-3, 1e3)
        select new EigenspaceInput(l, a, lip);

    private static IEnumerable<RelativeStep> Edges(Func<double, bool> lambdaFilter)
    {
        foreach (var l in new[] { 0.0, 1, -1, 0.01, -0.01, 100, -100 }.Where(lambdaFilter))
            foreach (var d in new[] { 1.0, -0.5, 0.1, 3 })
                yield return new RelativeStep(new EigenspaceInput(l, 1, 1), d);
    }

    private static RelativeStep Move(RelativeStep s, System.Random r) => r.Next(3) == 0
        ? s with { Delta = System.Math.Max(-1, EdgeDoubles.Perturb(s.Delta, r, 0, 1e3)) }
        : s with { E = s.E.Perturb(r) };

    private static string? Admissible(RelativeStep s)
    {
        if (s.Delta < -1) return "ΔΔ' < −1 (x < 0), where the proof's expansion with x³ does not apply";
        if (EigenspaceSides.Representable(s.E) is { } r) return r;
        if (!(EigenspaceSides.Step(s.E) > 0)) return "x* = 0: ΔΔ' is undefined";
        double s2 = s.Delta * s.Delta * s.Delta * EigenspaceSides.Step(s.E);
        return double.IsFinite(s2 * s.E.Lipschitz * EigenspaceSides.Step(s.E) * EigenspaceSides.Step(s.E)) ? null : "the step's terms overflow";
    }

    /// <summary>The Θ sequences are run on λ ∈ {0} ∪ ±[1e-3, 1e3], |g|, L ∈ [1e-3, 1e3] (climbing may leave it), where they stay in double range.</summary>
    private static string? Moderate(RelativeStep s)
    {
        static bool In(double x) => x >= 1e-3 && x <= 1e3;
        return (s.E.Lambda == 0 || In(System.Math.Abs(s.E.Lambda))) && In(s.E.GradMagnitude) && In(s.E.Lipschitz)
            ? Admissible(s) : "outside the moderate range the Θ sequences are run on";
    }

    /// <summary>S = λ + Lx* (λ ≥ 0) or Lx* − |λ| (λ &lt; 0): √(λ² + 2L|g|) consistent with the computed x*.</summary>
    private static double Root(EigenspaceInput e)
    {
        double x = EigenspaceSides.Step(e);
        return e.Lambda >= 0 ? e.Lambda + e.Lipschitz * x : e.Lipschitz * x - System.Math.Abs(e.Lambda);
    }

    /// <summary>
    /// (M(x) − M(x*))/M(x*) = −(3Sδ² + Lx*δ³)/(2S + λ), from M'(x*) = 0 (g = −λx* − (L/2)x*²) and M(x*) = −x*²(2S + λ)/6.
    /// </summary>
    internal static double UpperRatio(EigenspaceInput e, double d)
    {
        double s = Root(e), w = e.Lipschitz * EigenspaceSides.Step(e);
        return -(3 * s * d * d + w * d * d * d) / (2 * s + e.Lambda);
    }

    /// <summary>(m(x) − m(x*))/m(x*) = (6Wδ + 3(W − λ)δ² + Wδ³)/(4S − λ), W = Lx* (same identities for m).</summary>
    internal static double LowerRatio(EigenspaceInput e, double d)
    {
        double s = Root(e), w = e.Lipschitz * EigenspaceSides.Step(e);
        return (6 * w * d + 3 * (w - e.Lambda) * d * d + w * d * d * d) / (4 * s - e.Lambda);
    }

    internal static RationalInterval ExactUpperRatio(EigenspaceInput e, double d, int bits)
    {
        var x = EigenspaceSides.ExactStep(e, bits);
        var at = EigenspaceSides.ExactUpper(e, x * (RationalInterval.Exact(1.0) + RationalInterval.Exact(d)));
        var star = EigenspaceSides.ExactUpper(e, x);
        return (at - star) / star;
    }

    internal static RationalInterval ExactLowerRatio(EigenspaceInput e, double d, int bits)
    {
        var x = EigenspaceSides.ExactStep(e, bits);
        var at = EigenspaceSides.ExactLower(e, x * (RationalInterval.Exact(1.0) + RationalInterval.Exact(d)));
        var star = EigenspaceSides.ExactLower(e, x);
        return (at - star) / star;
    }

    private static double[] Shrinking(RelativeStep s) =>
        [.. Enumerable.Range(1, 12).Select(k => (s.Delta < 0 ? -1 : 1) * System.Math.Pow(10, -k))];

    /// <summary>
    /// For m the linear term 6Wδ dominates the quadratic 3(W − λ)δ² only for |δ| ≪ 2W/|W − λ|, which is tiny when
    /// L|g|/λ² is (the proof's Remark): the sequence starts at ρ = 0.1·min(1, 2W/|W − λ|) so that it samples the limit.
    /// </summary>
    private static double[] ShrinkingPastCrossover(RelativeStep s)
    {
        double w = s.E.Lipschitz * EigenspaceSides.Step(s.E);
        double rho = 0.1 * System.Math.Min(1, 2 * w / System.Math.Abs(w - s.E.Lambda));
        return [.. Enumerable.Range(0, 12).Select(k => (s.Delta < 0 ? -1 : 1) * rho * System.Math.Pow(10, -k))];
    }

    private static RatioTrend<RelativeStep> ThetaUpper() => new()
    {
        Name = "upper-theta-small",
        Description = "Along ΔΔ'_k = ±10^(−k), k = 1..12 (sign of the input's ΔΔ'): |(M(x) − M(x*))/M(x*)|/ΔΔ'_k² must settle (no drift by 10⁶, not 0).",
        Tolerance = "Drift threshold 10⁶, settled tail spread ≤ 1e-3; the ratio is formed without cancellation from M'(x*) = 0; exact ratios from the definition of M certify a drift.",
        Generator = Steps(ModerateWithL),
        Edges = () => Edges(_ => true),
        Move = Move,
        Hypotheses = Moderate,
        Sequence = Shrinking,
        SequenceName = "DeltaDelta'_k",
        Ratio = (s, d) => UpperRatio(s.E, d) / (d * d),
        ExactRatio = (s, d, bits) => ExactUpperRatio(s.E, d, bits) / (RationalInterval.Exact(d) * RationalInterval.Exact(d)),
        Show = s => s.E.Describe(),
    };

    private static RatioTrend<RelativeStep> ThetaLower() => new()
    {
        Name = "lower-theta-small",
        Description = "Along ΔΔ'_k = ±ρ·10^(−k), k = 0..11, ρ = 0.1·min(1, 2Lx*/|Lx* − λ|) (past the crossover where the linear term dominates): |(m(x) − m(x*))/m(x*)|/|ΔΔ'_k| must settle (no drift by 10⁶, not 0).",
        Tolerance = "Drift threshold 10⁶, settled tail spread ≤ 1e-3; exact ratios certify a drift.",
        Generator = Steps(ModerateWithL),
        Edges = () => Edges(_ => true),
        Move = Move,
        Hypotheses = Moderate,
        Sequence = ShrinkingPastCrossover,
        SequenceName = "DeltaDelta'_k",
        Ratio = (s, d) => LowerRatio(s.E, d) / System.Math.Abs(d),
        ExactRatio = (s, d, bits) => ExactLowerRatio(s.E, d, bits) / RationalInterval.Exact(System.Math.Abs(d)),
        Show = s => s.E.Describe(),
    };

    private static Inequality<RelativeStep> ClosedForm(
        string name, string description, Func<RelativeStep, string?> hypotheses, Func<double, bool> lambdaFilter, Gen<EigenspaceInput> eigenspaces,
        bool upper, Func<RelativeStep, double> paper, Func<RelativeStep, int, RationalInterval> exactPaper, Func<RelativeStep, string> why) => new()
    {
        Name = name,
        Description = description,
        Tolerance = $"Relative {ClosedFormTolerance:G0} of |truth| + |closed form| in double precision (the truth is formed without cancellation); exact rational intervals from the definitions of M, m decide.",
        Relation = Relation.Equal,
        RelativeTolerance = ClosedFormTolerance,
        Generator = Steps(eigenspaces),
        Edges = () => Edges(lambdaFilter),
        Move = (s, r) => { var m = Move(s, r); return lambdaFilter(m.E.Lambda) ? m : s; },
        Hypotheses = s => hypotheses(s) ?? Admissible(s),
        Sides = s =>
        {
            double truth = upper ? UpperRatio(s.E, s.Delta) : LowerRatio(s.E, s.Delta);
            double claimed = paper(s);
            return new Sides(claimed, truth, System.Math.Abs(truth) + System.Math.Abs(claimed));
        },
        ExactSides = (s, bits) => new ExactSides(exactPaper(s, bits), upper ? ExactUpperRatio(s.E, s.Delta, bits) : ExactLowerRatio(s.E, s.Delta, bits)),
        Show = s => s.Describe(),
        Why = why,
    };

    private static Inequality<RelativeStep> ClosedFormLambdaZero() => ClosedForm(
        "upper-closed-form-lambda-zero",
        "For λ = 0, |g| > 0, L > 0, ΔΔ' ≥ −1: (M(x) − M(x*))/M(x*) = −ΔΔ'²(1 + ½ΔΔ'²).",
        s => s.E.Lambda == 0 ? null : "λ ≠ 0",
        l => l == 0,
        ModerateWithL.Select(e => e with { Lambda = 0 }),
        upper: true,
        s => -s.Delta * s.Delta * (1 + 0.5 * s.Delta * s.Delta),
        (s, _) =>
        {
            var d = RationalInterval.Exact(s.Delta);
            return -(d * d) * (RationalInterval.Exact(1.0) + d * d / RationalInterval.Exact(2.0));
        },
        _ => "At λ = 0, x* = √(2|g|/L), M(x*) = −(2/3)|g|x* and M(x) − M(x*) = |g|x*(ΔΔ'² + ΔΔ'³/3), so the ratio is −(3/2)ΔΔ'² − ΔΔ'³/2, not −ΔΔ'² − ΔΔ'⁴/2.");

    private static double Psi2(EigenspaceInput e)
    {
        double y = e.Lipschitz * e.GradMagnitude / (e.Lambda * e.Lambda);
        return y / (y + 0.25 * System.Math.Sqrt(1 + 2 * y) + 0.25);
    }

    private static RationalInterval ExactPsi2(EigenspaceInput e, int bits)
    {
        var l = RationalInterval.Exact(e.Lambda);
        var y = RationalInterval.Exact(e.Lipschitz) * RationalInterval.Exact(e.GradMagnitude) / (l * l);
        var quarter = RationalInterval.Exact(0.25);
        return y / (y + quarter * (RationalInterval.Exact(1.0) + RationalInterval.Exact(2.0) * y).Sqrt(bits) + quarter);
    }

    private static Inequality<RelativeStep> ClosedFormLambdaNegative() => ClosedForm(
        "upper-closed-form-lambda-negative",
        "For λ < 0, |g| > 0, L > 0, ΔΔ' ≥ −1: (M(x) − M(x*))/M(x*) = ((3/2)ψ₂(y) − 2)ΔΔ'³ − ΔΔ'², y = L|g|/λ².",
        s => s.E.Lambda < 0 && s.E.GradMagnitude > 0 ? null : "needs λ < 0 and |g| > 0",
        l => l < 0,
        ModerateWithL.Select(e => e with { Lambda = -System.Math.Abs(e.Lambda) }).Where(e => e.Lambda < 0),
        upper: true,
        s => (1.5 * Psi2(s.E) - 2) * s.Delta * s.Delta * s.Delta - s.Delta * s.Delta,
        (s, bits) =>
        {
            var d = RationalInterval.Exact(s.Delta);
            return (RationalInterval.Exact(1.5) * ExactPsi2(s.E, bits) - RationalInterval.Exact(2.0)) * d * d * d - d * d;
        },
        _ => "With s = √(1 + 2y) the exact ratio is −(3s·ΔΔ'² + (s + 1)·ΔΔ'³)/(2s − 1): the ΔΔ'³ coefficient matches the proof's, but the ΔΔ'² coefficient is −3s/(2s − 1) ∈ (−3, −3/2), never the stated −1.");

    /// <summary>The displayed A, B, C of the second part's final expression, literally, with D = 5λS − 5λ² − 8L|g|.</summary>
    private static (double A, double B, double C) PaperCoefficients(EigenspaceInput e)
    {
        double l = e.Lambda, la = e.Lipschitz * e.GradMagnitude, s = System.Math.Sqrt(l * l + 2 * la);
        double d = 5 * l * s - 5 * l * l - 8 * la;
        return ((12 * l * s - 12 * l * l - 12 * la) / d, (7 * l * (s - l) - 4 * la) / d, (2 * l * s - 2 * l * l - 2 * la) / d);
    }

    private static Inequality<RelativeStep> ClosedFormLower() => ClosedForm(
        "lower-closed-form",
        "For λ ∈ ℝ, |g| > 0, L > 0, ΔΔ' ≥ −1: (m(x) − m(x*))/m(x*) = ΔΔ'·(A + B·ΔΔ' + C·ΔΔ'²) with the proof's A = (12λS − 12λ² − 12L|g|)/D, B = (7λ(S − λ) − 4L|g|)/D, C = (2λS − 2λ² − 2L|g|)/D, D = 5λS − 5λ² − 8L|g|.",
        s => s.E.GradMagnitude > 0 ? null : "|g| = 0",
        _ => true,
        ModerateWithL,
        upper: false,
        s =>
        {
            var (a, b, c) = PaperCoefficients(s.E);
            return s.Delta * (a + b * s.Delta + c * s.Delta * s.Delta);
        },
        (s, bits) =>
        {
            var l = RationalInterval.Exact(s.E.Lambda);
            var la = RationalInterval.Exact(s.E.Lipschitz) * RationalInterval.Exact(s.E.GradMagnitude);
            var root = ExactElmo.Root(s.E.Lambda, s.E.GradMagnitude, s.E.Lipschitz, bits);
            RationalInterval K(double k) => RationalInterval.Exact(k);
            var d = K(5) * l * root - K(5) * l * l - K(8) * la;
            var a = (K(12) * l * root - K(12) * l * l - K(12) * la) / d;
            var b = (K(7) * l * (root - l) - K(4) * la) / d;
            var c = (K(2) * l * root - K(2) * l * l - K(2) * la) / d;
            var dd = RationalInterval.Exact(s.Delta);
            return dd * (a + b * dd + c * dd * dd);
        },
        _ => "Expanding m around x* with M'(x*) = 0 gives (m(x) − m(x*))/m(x*) = (6Wδ + 3(W − λ)δ² + Wδ³)/(4S − λ), W = Lx*: the proof's A and C agree, but its B = (2S − 5λ)/(4S − λ) differs from the true 3(S − 2λ)/(4S − λ) (at λ = 0: 1/2 against 3/4).");
}
