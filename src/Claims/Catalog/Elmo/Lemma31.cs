using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Optimizers.Objectives.Generic;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos Lemma 3.1 (eqs. 5, 6; restated as 16, 17 in M.2): ∃(L_t^i) with f(θ_{t+1}) − f(θ_t) ≤ Σ_i M_t^i(Δθ_tᵀv_i)
/// and ∃(L_t^i) with f(θ_{t+1}) − f(θ_t) ≥ Σ_i m_t^i(Δθ_tᵀv_i); and its readings with constants fixed in advance.
/// </summary>
internal static class Lemma31
{
    private static readonly ClaimSource Source = ElmoSources.Of("Lemma 3.1", "(5), (6)", "3.1, proofs M.2");

    private const string Statement = "Let f satisfy assumptions 1 and 2 and θ_{t+1} ∈ ℝⁿ, Δθ_t = θ_{t+1} − θ_t. Then ∃(L_t^i) ∈ (ℝ⁺)ⁿ: f(θ_{t+1}) − f(θ_t) ≤ Σ_i M_t^i(Δθ_tᵀv_i) (5), and ∃(L_t^i): f(θ_{t+1}) − f(θ_t) ≥ Σ_i m_t^i(Δθ_tᵀv_i) (6).";

    private const string Searched = "Test functions: two spectral quadratics (one rotated, one diagonal), two cubic-perturbed quadratics, a separable cubic, a separable cos/log-cosh/Lorentzian sum and a logistic regression, each written once over the arithmetic (exact, or enclosed where transcendental); θ_t ∈ [−3, 3]ⁿ, ‖Δθ_t‖ ∈ [1e-3, 3], θ_{t+1} = θ_t + Δθ_t; eigenvectors of H(θ_t): the axes where H is diagonal by construction, else the symmetric eigensolver's in doubles and enclosed exactly (isolated eigenvalues, spectral projectors) in rational arithmetic.";

    private const string Tolerance = "Double-only allowance 256·2⁻⁵² of the scale (which contains the size of every term R sums: those of f(θ_{t+1}), f(θ_t), ∇fᵀΔ and ½ΔᵀHΔ), so that the rounding of R does not send every input to exact arithmetic; exact rational intervals decide without it.";

    private const string Unit = "relative to the size of the terms of R (‖f‖(θ_{t+1}) + ‖f‖(θ_t) + Σ|∂_i f·Δ_i| + ½Σ|Δ_i H_ij Δ_j|, ‖f‖ the sum of |terms| of f) + the right side";

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim("elmo/lemma-3.1", Source, Statement,
            "As written the constants are existential and chosen after θ_{t+1}. Decided per input: R (the Taylor remainder) and Σ_i|Δθ_tᵀv_i|³ are computed; where the sum is > 0 the witness L_t^i = 12|R|/Σ|Δθ_tᵀv_i|³ + 1 is formed and (5)/(6) are checked with it (they hold, with room, by construction of the witness, so the input satisfies the existential only trivially); where it is 0 (Δθ_t = 0) both sides must be 0 for every constant, which is checked. A failed check would be a violation. " + Searched,
            [new WitnessExists(+1), new WitnessExists(-1)]);
        yield return new Claim("elmo/lemma-3.1/spectral-LH", Source, Statement + " With every L_t^i = L_H of eq. (2).",
            "Hypothesis eq. (2) (what the first proof in M.2 assumes instead of Assumption 2, and which M.2 says implies it with L_t^i = L_H), constants fixed in advance as that L_H. Differs from the as-written reading because the constant no longer depends on θ_{t+1}. " + Searched,
            [new FixedConstants("upper-eq5", +1, Constants.SpectralLH), new FixedConstants("lower-eq6", -1, Constants.SpectralLH)]);
        yield return new Claim("elmo/lemma-3.1/separable", Source, Statement + " For f = Σ_i φ_i(θ_i) with L_t^i = sup|φ_i'''|.",
            "Separable f only, with each eigenspace's constant the sup of the matching term's third derivative (H is diagonal, its eigenvectors the axes). Differs from the spectral reading because constants are per eigenspace; it is the setting where Assumption 2's refinement is exact. " + Searched,
            [new FixedConstants("upper-eq5", +1, Constants.Separable), new FixedConstants("lower-eq6", -1, Constants.Separable)]);
        yield return new Claim("elmo/lemma-3.1/first-proof", Source, Statement + " With L_t^i = n²·L_H, the constant L̃_H = L_H·n² the first proof in M.2 arrives at.",
            "The first proof ends with Σ_i L̃_H|c_i|³, L̃_H = L_H·n²; read as L_t^i = n²L_H (the larger reading L_t^i = 6n²L_H follows from it). Differs from spectral-LH by the factor n². " + Searched,
            [new FixedConstants("upper-eq5", +1, Constants.FirstProof), new FixedConstants("lower-eq6", -1, Constants.FirstProof)]);
    }

    /// <summary>Which constants (L_t^i) a fixed-constant reading uses.</summary>
    private enum Constants
    {
        /// <summary>Every L_t^i = L_H of eq. (2).</summary>
        SpectralLH,

        /// <summary>L_t^i = sup|φ_i'''| of term i (separable f).</summary>
        Separable,

        /// <summary>Every L_t^i = n²·L_H.</summary>
        FirstProof,
    }

    private static T[] ConstantsOf<T>(Constants rule, IGenericObjective f) where T : IReal<T> => rule switch
    {
        Constants.SpectralLH => [.. Enumerable.Repeat(f.HessianLipschitz<T>(), f.Dimension)],
        Constants.FirstProof => [.. Enumerable.Repeat(f.HessianLipschitz<T>() * (f.Dimension * f.Dimension), f.Dimension)],
        _ => [.. ((GenericSeparableObjective)f).ThirdBounds.Select(T.Of)],
    };

    private static bool IsSeparable(int function) => ElmoTestFunctions.All[function] is GenericSeparableObjective;

    private static string Show<T>(T x) where T : IReal<T> => T.Estimate(x).ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>Eq. (5) (sign +1) or (6) (sign −1) with constants fixed in advance.</summary>
    private sealed class FixedConstants : Statement<TaylorCase>
    {
        private readonly int _sign;
        private readonly Constants _rule;

        [SetsRequiredMembers]
        public FixedConstants(string name, int sign, Constants rule)
        {
            _sign = sign;
            _rule = rule;
            Name = name;
            Description = sign > 0
                ? "f(θ_{t+1}) − f(θ_t) ≤ Σ_i M_t^i(Δθ_tᵀv_i), i.e. R ≤ Σ_i (L_t^i/6)|Δθ_tᵀv_i|³ with R = f(θ_{t+1}) − f(θ_t) − ∇fᵀΔθ_t − ½Δθ_tᵀHΔθ_t."
                : "f(θ_{t+1}) − f(θ_t) ≥ Σ_i m_t^i(Δθ_tᵀv_i), i.e. −R ≤ Σ_i (L_t^i/6)|Δθ_tᵀv_i|³.";
            Tolerance = Lemma31.Tolerance;
            MarginUnit = Unit;
            Domain = TaylorCase.Domain(rule == Constants.Separable ? IsSeparable : _ => true);
        }

        public override Relation<T> Evaluate<T>(TaylorCase input)
        {
            if (_rule == Constants.Separable)
                Assume.That(input.F is GenericSeparableObjective, "f is separable");
            var t = new TaylorTerms<T>(input);
            var signed = _sign > 0 ? t.Remainder : -t.Remainder;
            var rhs = t.CubicSum(ConstantsOf<T>(_rule, input.F));
            return Relation.LessOrEqual(signed, rhs, Margins.Positive(t.TermScale + rhs), TaylorTerms<T>.Allowance);
        }

        public override string Explain(TaylorCase input) => input.F is GenericCubicPerturbedQuadratic
            ? "A third derivative along a direction that mixes eigenvectors (here (c/6)(uᵀΔ)³ with u across the eigenvectors) reaches L_H‖Δ‖³/6, but Σ_i|Δᵀv_i|³ ≤ ‖Δ‖³ with equality only along an eigenvector: the constant L_H of eq. (2) is too small per eigenspace (Nesterov–Polyak's bound uses ‖Δ‖³, not Σ|Δᵀv_i|³)."
            : "The remainder exceeds the per-eigenspace cubic bound.";
    }

    /// <summary>
    /// Eq. (5) (sign +1) or (6) (sign −1) as written: some (L_t^i) ∈ (ℝ⁺)ⁿ, chosen for this θ_{t+1}, satisfies it. The
    /// witness is computed and checked; the input counts as satisfied trivially only when the check passes.
    /// </summary>
    private sealed class WitnessExists : Statement<TaylorCase>
    {
        private readonly int _sign;

        [SetsRequiredMembers]
        public WitnessExists(int sign)
        {
            _sign = sign;
            Name = sign > 0 ? "upper-eq5-exists" : "lower-eq6-exists";
            Description = sign > 0
                ? "For each (f, θ_t, Δθ_t): some (L_t^i) ∈ (ℝ⁺)ⁿ gives f(θ_{t+1}) − f(θ_t) ≤ Σ_i M_t^i(Δθ_tᵀv_i); checked with the witness L_t^i = 12|R|/Σ_i|Δθ_tᵀv_i|³ + 1 where that sum is > 0, and as 0 ≤ 0 where it is 0."
                : "For each (f, θ_t, Δθ_t): some (L_t^i) ∈ (ℝ⁺)ⁿ gives f(θ_{t+1}) − f(θ_t) ≥ Σ_i m_t^i(Δθ_tᵀv_i); checked with the witness L_t^i = 12|R|/Σ_i|Δθ_tᵀv_i|³ + 1 where that sum is > 0, and as 0 ≤ 0 where it is 0.";
            Tolerance = "None: the witness satisfies (5)/(6) with room |R| + Σ|Δθ_tᵀv_i|³/6, so the check is decided exactly wherever double precision doubts it.";
            MarginUnit = Unit;
            Domain = TaylorCase.Domain(_ => true);
        }

        public override Relation<T> Evaluate<T>(TaylorCase input)
        {
            var t = new TaylorTerms<T>(input);
            var signed = _sign > 0 ? t.Remainder : -t.Remainder;
            var cubes = t.CubedCoordinates().Aggregate((a, b) => a + b);
            if (cubes > T.Of(0))
            {
                // Any L ≥ 6·max(0, ±R)/Σ|c_i|³ works; this witness is above it by |R| + Σ|c_i|³/6 > 0 on the right side.
                var witness = 12 * T.Abs(t.Remainder) / cubes + 1;
                var rhs = witness * cubes / 6;
                if (signed < rhs)
                    return Relation.Trivially<T>($"Σ_i|Δθ_tᵀv_i|³ = {Show(cubes)} > 0, so L_t^i = {Show(witness)} (any constant ≥ {Show(T.Max(signed, T.Of(0)) * 6 / cubes)}) satisfies it");
                return Relation.LessOrEqual(signed, rhs, Margins.Positive(t.TermScale + rhs));
            }
            // Σ|c_i|³ = 0 over an orthonormal eigenbasis means Δθ_t = 0, where Σ_i M_t^i(0) = 0 for every constant.
            if (signed <= T.Of(0))
                return Relation.Trivially<T>("Δθ_t = 0: f(θ_{t+1}) − f(θ_t) = 0 = Σ_i M_t^i(0) for every (L_t^i)");
            return Relation.LessOrEqual(signed, T.Of(0), Margins.Positive(t.TermScale));
        }

        public override string Explain(TaylorCase input) =>
            "The computed witness does not satisfy the inequality: the remainder or the eigen-coordinates are not what the lemma's quantities are.";
    }
}
