using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Verification.Math.SignGeometry;
using static Verification.Claims.Catalog.Balles.Chapter6.SignExact;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>
/// balles-thesis appendix C.2: the closed forms (C.14)–(C.17) for the 2×2 PD quadratic, and the side note's sentence
/// "We see that λ_max can easily exceed l_max".
/// </summary>
internal static class AppC2
{
    internal static Claim Claim() => new(
        "balles/app-C.2",
        SignSources.Of("Appendix C.2", "(C.14)–(C.17)", "C.2"),
        "For PD H = [[a, b], [b, d]]: L∞(H) = a + d + 2|b| (C.14), = L_sep(H); ρ_diag(H)⁻¹Σλ_i = a + d + 2|b| (C.15); " +
        "λ_1/2 = (a+d)/2 ± √((a−d)²/4 + b²) (C.16); for d ≥ a, l_max = d + |b| (C.17); and \"we see that λ_max can easily exceed l_max\".",
        "Every PD 2×2 H (b = 0, a = d, b² → ad, 2^±40 scales). l = (l_1, l_2) is the minimizer of eq. (6.25). The closing sentence is " +
        "read as \"for H with b ≠ 0 (the non-axis-aligned case the example is about), λ_max > l_max\": an existential \"can exceed\" is not " +
        "refutable by one input, but no witness exists either, since diag(l) ⪰ H forces l_max ≥ λ_max for every H.",
        [C14(), Coincide(), C15(), C16(), C17(), Sentence()]);

    private static Fraction Closed(PairCase c) => F(c.A) + F(c.D) + 2 * F(c.B).Abs();

    private static Inequality<PairCase> C14() => new()
    {
        Name = "C.14",
        Description = "For all PD H: ‖H‖∞,1 = a + d + 2|b|.",
        Tolerance = "Doubles within 1e-15 relative (one rounding each side); exact rationals decide.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-15,
        Generator = PairCases.PositiveDefinite, Edges = PairCases.Edges, Move = PairCases.Move, Show = PairCases.Show, Hypotheses = PairCases.RequirePd,
        Sides = c => new Sides(SignDouble.InfToOne(c.H), c.A + c.D + 2 * System.Math.Abs(c.B), c.A + c.D + 2 * System.Math.Abs(c.B)),
        ExactSides = (c, _) => new ExactSides(I(InfToOne(F(c.H))), I(Closed(c))),
        Why = _ => "‖H‖∞,1 differs from a + d + 2|b|.",
    };

    private static Inequality<PairCase> Coincide() => new()
    {
        Name = "Linf-equals-Lsep",
        Description = "For all PD H: L∞(H) = L_sep(H), i.e. max(L∞ − L_sep^upper, L_sep^lower − L∞) ≤ 0 with the certified SDP bracket.",
        Tolerance = "L_sep is known through its certified bracket (width ≲ 1e-9 relative); the check is sound for refutation and blind below that width.",
        Generator = PairCases.PositiveDefinite, Edges = PairCases.Edges, Move = PairCases.Move, Show = PairCases.Show, Hypotheses = PairCases.RequirePd,
        Sides = c =>
        {
            var br = BracketCache.Of(c.H);
            double linf = SignDouble.InfToOne(c.H);
            return new Sides(System.Math.Max(linf - br.Upper, br.Lower - linf), 0, linf);
        },
        ExactSides = (c, _) =>
        {
            var br = BracketCache.Of(c.H);
            var linf = InfToOne(F(c.H));
            var gap = linf - br.UpperExact > br.LowerExact - linf ? linf - br.UpperExact : br.LowerExact - linf;
            return new ExactSides(I(gap), RationalInterval.Zero);
        },
        Why = _ => "L∞ lies outside the certified bracket of L_sep.",
    };

    private static Inequality<PairCase> C15() => new()
    {
        Name = "C.15",
        Description = "For all PD H: ρ_diag(H)⁻¹ Σλ_i = a + d + 2|b|.",
        Tolerance = "Doubles within 1e-12 relative (eigenvalues from MathNet); exact rationals (Σλ = tr H) decide.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-12,
        Generator = PairCases.PositiveDefinite, Edges = PairCases.Edges, Move = PairCases.Move, Show = PairCases.Show, Hypotheses = PairCases.RequirePd,
        Sides = c => new Sides(SignGeometryBounds.Prop64Bound(Matrix<double>.Build.DenseOfArray(c.H)), c.A + c.D + 2 * System.Math.Abs(c.B), c.A + c.D + 2 * System.Math.Abs(c.B)),
        ExactSides = (c, _) =>
        {
            var h = F(c.H);
            return new ExactSides(I(EntrywiseL1(h) * Trace(h) / DiagL1(h)), I(Closed(c)));
        },
        Why = _ => "ρ_diag⁻¹Σλ differs from a + d + 2|b|.",
    };

    private static Inequality<PairCase> C16() => new()
    {
        Name = "C.16",
        Description = "For all PD H: λ = (a+d)/2 ± √((a−d)²/4 + b²) are the roots of det(H − λI) = (a − λ)(d − λ) − b².",
        Tolerance = "Doubles: |det(H − λ_max I)| + |det(H − λ_min I)| within 1e-12 of (a + d)²; exact: enclosures of √ with 128–2048 bits decide.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-12,
        Generator = PairCases.PositiveDefinite, Edges = PairCases.Edges, Move = PairCases.Move, Show = PairCases.Show, Hypotheses = PairCases.RequirePd,
        Sides = c =>
        {
            double Det(double l) => (c.A - l) * (c.D - l) - c.B * c.B;
            double s = (c.A + c.D) * (c.A + c.D);
            return new Sides(System.Math.Abs(Det(c.LambdaMax)) + System.Math.Abs(Det(c.LambdaMin)), 0, s);
        },
        ExactSides = (c, bits) =>
        {
            var a = RationalInterval.Exact(F(c.A));
            var d = RationalInterval.Exact(F(c.D));
            var b = RationalInterval.Exact(F(c.B));
            RationalInterval Det(RationalInterval l) => (a - l) * (d - l) - b * b;
            return new ExactSides(Det(c.ExactLambdaMax(bits)).Abs() + Det(c.ExactLambdaMin(bits)).Abs(), RationalInterval.Zero);
        },
        Why = _ => "The stated λ is not a root of the characteristic polynomial.",
    };

    private static Inequality<PairCase> C17() => new()
    {
        Name = "C.17",
        Description = "For all PD H: l* = (a + |b|, d + |b|) is feasible (diag(l*) ⪰ H) and optimal (Σl* equals the dual value ⟨H, Y*⟩ of " +
            "Y* = [[1, sign b], [sign b, 1]] ⪰ 0, Y*_ii = 1), so l_max = max(a, d) + |b| = d + |b| when d ≥ a.",
        Tolerance = "None: feasibility and the duality gap are exact rationals (gap reported as lhs, 1 if infeasible).",
        Generator = PairCases.PositiveDefinite, Edges = PairCases.Edges, Move = PairCases.Move, Show = PairCases.Show, Hypotheses = PairCases.RequirePd,
        Sides = c => new Sides(GapOrInfeasible(c) > 0 ? 1 : 0, 0, 1),
        ExactSides = (c, _) => new ExactSides(I(GapOrInfeasible(c)), RationalInterval.Zero),
        Why = _ => "(a + |b|, d + |b|) is not the minimizer of eq. (6.25).",
    };

    private static Fraction GapOrInfeasible(PairCase c)
    {
        var h = F(c.H);
        var b = F(c.B).Abs();
        Fraction[] l = [h[0, 0] + b, h[1, 1] + b];
        if (!IsPositiveSemidefinite(DiagPlus(l, h, -1)))
            return Fraction.One;
        var s = new Fraction(h[0, 1].Sign() >= 0 ? 1 : -1);
        var dual = h[0, 0] + h[1, 1] + 2 * s * h[0, 1];
        return l[0] + l[1] - dual;
    }

    private static Inequality<PairCase> Sentence() => new()
    {
        Name = "lambda-max-exceeds-l-max",
        Description = "For all PD H with b ≠ 0: l_max < λ_max (\"λ_max can easily exceed l_max\").",
        Tolerance = "None: λ_max is enclosed with 128–2048-bit √; exact arithmetic decides.",
        Relation = Relation.Less,
        Generator = PairCases.PositiveDefinite, Edges = PairCases.Edges, Move = PairCases.Move, Show = PairCases.Show,
        Hypotheses = c => c.B == 0 ? "b = 0 (axis-aligned: l = (a, d), the example is about b ≠ 0)" : PairCases.RequirePd(c),
        Sides = c => new Sides(c.LMax, c.LambdaMax, c.LMax),
        ExactSides = (c, bits) => new ExactSides(I(c.ExactLMax), c.ExactLambdaMax(bits)),
        Why = _ => "diag(l) ⪰ H implies λ_max(H) ≤ λ_max(diag(l)) = l_max for every H, so λ_max never exceeds l_max; " +
                   "the sentence has the comparison backwards (§6.4.4's side note states it the right way: l_max can exceed λ_max).",
    };
}
