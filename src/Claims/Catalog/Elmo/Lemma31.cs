using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos Lemma 3.1 (eqs. 5, 6; restated as 16, 17 in M.2): ∃(L_t^i) with f(θ_{t+1}) − f(θ_t) ≤ Σ_i M_t^i(Δθ_tᵀv_i)
/// and ≥ Σ_i m_t^i(Δθ_tᵀv_i); its readings with stated constants; and the first proof's opening inequality.
/// </summary>
internal static class Lemma31
{
    private static readonly ClaimSource Source = ElmoSources.Of("Lemma 3.1", "(5), (6)", "3.1, proofs M.2");

    private const string Statement = "Let f satisfy assumptions 1 and 2 and θ_{t+1} ∈ ℝⁿ, Δθ_t = θ_{t+1} − θ_t. Then ∃(L_t^i) ∈ (ℝ⁺)ⁿ: f(θ_{t+1}) − f(θ_t) ≤ Σ_i M_t^i(Δθ_tᵀv_i) (5), and ∃(L_t^i): f(θ_{t+1}) − f(θ_t) ≥ Σ_i m_t^i(Δθ_tᵀv_i) (6).";

    private const string Searched = "Test functions: two spectral quadratics (one rotated, one diagonal), two cubic-perturbed quadratics, a separable cubic, a separable cos/log-cosh/Lorentzian sum and a logistic regression; θ_t ∈ [−3, 3]ⁿ, ‖Δθ_t‖ ∈ [1e-3, 3]; eigenpairs of H(θ_t) by SymmetricEigen (exact coordinate axes where H(θ_t) is exactly diagonal).";

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim("elmo/lemma-3.1", Source, Statement,
            "As written the constants are existential and chosen after θ_{t+1}: for Δθ_t ≠ 0, Σ_i|Δθ_tᵀv_i|³ > 0, so L = 6·max(0, ±R)/Σ|c_i|³ (R the Taylor remainder) and every larger constant satisfies (5)/(6); for Δθ_t = 0 both sides are 0. " + Searched,
            [Existential(+1), Existential(-1)]);
        yield return new Claim("elmo/lemma-3.1/spectral-LH", Source, Statement + " With every L_t^i = L_H of eq. (2).",
            "Hypothesis eq. (2) (what the first proof in M.2 assumes instead of Assumption 2, and which M.2 says implies it with L_t^i = L_H), constants fixed in advance as that L_H. Differs from the as-written reading because the constant no longer depends on θ_{t+1}. " + Searched,
            [Bound("upper-eq5", +1, _ => true, ConstantLH, ExactConstantLH), Bound("lower-eq6", -1, _ => true, ConstantLH, ExactConstantLH)]);
        yield return new Claim("elmo/lemma-3.1/separable", Source, Statement + " For f = Σ_i φ_i(θ_i) with L_t^i = sup|φ_i'''|.",
            "Separable f only, with each eigenspace's constant the sup of the matching term's third derivative (H is diagonal, its eigenvectors the axes). Differs from the spectral reading because constants are per eigenspace; it is the setting where Assumption 2's refinement is exact. " + Searched,
            [Bound("upper-eq5", +1, IsSeparable, ConstantSeparable, ExactConstantSeparable), Bound("lower-eq6", -1, IsSeparable, ConstantSeparable, ExactConstantSeparable)]);
        yield return new Claim("elmo/lemma-3.1/first-proof", Source, Statement + " With L_t^i = n²·L_H, the constant L̃_H = L_H·n² the first proof in M.2 arrives at.",
            "The first proof ends with Σ_i L̃_H|c_i|³, L̃_H = L_H·n²; read as L_t^i = n²L_H (the larger reading L_t^i = 6n²L_H follows from it). Differs from spectral-LH by the factor n². " + Searched,
            [Bound("upper-eq5", +1, _ => true, ConstantFirstProof, ExactConstantFirstProof), Bound("lower-eq6", -1, _ => true, ConstantFirstProof, ExactConstantFirstProof)]);
    }

    private static bool IsSeparable(int i) => ElmoTestFunctions.All[i].SeparableBounds is not null;

    private static double[] ConstantLH(TaylorCase c) => [.. Enumerable.Repeat(c.F.Objective.HessianLipschitz!.Value, c.F.Dimension)];

    private static RationalInterval[] ExactConstantLH(TaylorCase c) => [.. Enumerable.Repeat(c.F.HessianLipschitz, c.F.Dimension)];

    private static double[] ConstantFirstProof(TaylorCase c) => [.. ConstantLH(c).Select(l => l * c.F.Dimension * c.F.Dimension)];

    private static RationalInterval[] ExactConstantFirstProof(TaylorCase c) =>
        [.. ExactConstantLH(c).Select(l => l * RationalInterval.Exact((double)(c.F.Dimension * c.F.Dimension)))];

    private static double[] ConstantSeparable(TaylorCase c) => c.F.SeparableBounds!;

    private static RationalInterval[] ExactConstantSeparable(TaylorCase c) => [.. c.F.SeparableBounds!.Select(RationalInterval.Exact)];

    private static Inequality<TaylorCase> Existential(int sign) => new()
    {
        Name = sign > 0 ? "upper-eq5-exists" : "lower-eq6-exists",
        Description = sign > 0
            ? "For each (f, θ_t, Δθ_t): some (L_t^i) ∈ (ℝ⁺)ⁿ gives f(θ_{t+1}) − f(θ_t) ≤ Σ_i M_t^i(Δθ_tᵀv_i)."
            : "For each (f, θ_t, Δθ_t): some (L_t^i) ∈ (ℝ⁺)ⁿ gives f(θ_{t+1}) − f(θ_t) ≥ Σ_i m_t^i(Δθ_tᵀv_i).",
        Tolerance = "None: the sufficient constant is computed and reported; no inequality is evaluated at a fixed constant.",
        Generator = TaylorCase.Generator(_ => true),
        Edges = () => TaylorCase.Edges(_ => true),
        Move = (c, r) => c.Move(r),
        Trivially = c =>
        {
            var t = new TaylorTerms(c);
            double cubes = t.CubicSum([.. Enumerable.Repeat(6.0, c.F.Dimension)]);
            if (cubes == 0)
                return "Δθ_t = 0: both sides are 0";
            double needed = 6 * System.Math.Max(0, sign * t.Remainder + t.Allowance) / cubes;
            return $"L_t^i = {needed.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)} (or any larger constant) satisfies it, since Σ|Δθᵀv_i|³ > 0";
        },
        Sides = _ => new Sides(0, 0, 1),
        ExactSides = (_, _) => new ExactSides(RationalInterval.Zero, RationalInterval.Zero),
        Show = c => c.Describe(),
    };

    internal static Inequality<TaylorCase> Bound(string name, int sign, Func<int, bool> functions,
        Func<TaylorCase, double[]> constants, Func<TaylorCase, RationalInterval[]> exactConstants) => new()
    {
        Name = name,
        Description = sign > 0
            ? "f(θ_{t+1}) − f(θ_t) ≤ Σ_i M_t^i(Δθ_tᵀv_i), i.e. R ≤ Σ_i (L_t^i/6)|Δθ_tᵀv_i|³ with R = f(θ_{t+1}) − f(θ_t) − ∇fᵀΔθ_t − ½Δθ_tᵀHΔθ_t."
            : "f(θ_{t+1}) − f(θ_t) ≥ Σ_i m_t^i(Δθ_tᵀv_i), i.e. −R ≤ Σ_i (L_t^i/6)|Δθ_tᵀv_i|³.",
        Tolerance = $"The double remainder gets a rounding allowance of {TaylorTerms.RoundingUlps}ε·(|f(θ_{{t+1}})| + |f(θ_t)| + |∇fᵀΔ| + |ΔᵀHΔ|); a violation is certified exactly on polynomial functions where H(θ_t) is exactly diagonal (exact eigenbasis), and where R has the harmless sign exactly.",
        Generator = TaylorCase.Generator(functions),
        Edges = () => TaylorCase.Edges(functions),
        Move = (c, r) => c.Move(r),
        Hypotheses = c => functions(c.Function) ? null : "not a function of this reading",
        Sides = c =>
        {
            var t = new TaylorTerms(c);
            double cubic = t.CubicSum(constants(c));
            return new Sides(sign * t.Remainder, cubic + t.Allowance, System.Math.Abs(t.Remainder) + cubic + t.Allowance + double.Epsilon);
        },
        ExactSides = (c, _) =>
        {
            var (remainder, _, _, step) = TaylorTerms.ExactPieces(c);
            var signed = sign > 0 ? remainder : -remainder;
            var t = new TaylorTerms(c);
            if (!t.ExactBasis)
            {
                // The right side is ≥ 0 in every eigenbasis: a non-positive signed remainder settles the case without one.
                if (signed.IsNonPositive)
                    return new ExactSides(signed, RationalInterval.Zero);
                throw new InvalidOperationException("the eigenbasis of H(θ_t) is known only in floating point here, so Σ|Δθᵀv_i|³ has no exact enclosure");
            }
            var l = exactConstants(c);
            var sum = RationalInterval.Zero;
            for (int i = 0; i < step.Length; i++)
            {
                var a = step[i].Abs();
                sum += l[i] * a * a * a;
            }
            return new ExactSides(signed, sum / RationalInterval.Exact(6.0));
        },
        Show = c => c.Describe(),
        Why = c => c.F.SeparableBounds is null && c.F.Objective.HessianLipschitz > 0
            ? "A third derivative along a direction that mixes eigenvectors (here (c/6)(uᵀΔ)³ with u across the axes) reaches L_H‖Δ‖³/6, but Σ_i|Δᵀv_i|³ ≤ ‖Δ‖³ with equality only along an eigenvector: the constant L_H of eq. (2) is too small per eigenspace (Nesterov–Polyak's bound uses ‖Δ‖³, not Σ|Δᵀv_i|³)."
            : "The remainder exceeds the per-eigenspace cubic bound.",
    };
}
