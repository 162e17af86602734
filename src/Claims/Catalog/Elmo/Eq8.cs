using System.Diagnostics.CodeAnalysis;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elmo;
using Verification.Optimizers.SecondOrder;

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
        [new NewtonNotDescending()]);

    /// <summary>0 ≤ M(|g|/λ) for λ &gt; 0, |g| &gt; 0, L·|g| ≥ 3λ².</summary>
    private sealed class NewtonNotDescending : Statement<EigenspaceInput>
    {
        [SetsRequiredMembers]
        public NewtonNotDescending()
        {
            Name = "newton-M-nonnegative";
            Description = "For all λ > 0, |g| > 0, L with L·|g| ≥ 3λ² (exactly): 0 ≤ M(|g|/λ).";
            Tolerance = "None: Newton's step is rational, so the exact re-evaluation of every double-precision violation is exact.";
            MarginUnit = "relative to |g|x_N + λx_N²/2 + Lx_N³/6 at Newton's step x_N = |g|/λ (the size of the terms of M(x_N))";
            // λ > 0, |g| > 0 and L = (3λ²/|g|)·(1 + t), t ≥ 0 with t = 0 (the boundary) often; and the general eigenspaces.
            Domain = EigenspaceInput.DomainOver(
                Gen.Frequency(
                    (4, from l in EdgeDoubles.Positive(1e-100, 1e100)
                        from a in EdgeDoubles.Positive(1e-100, 1e100)
                        from t in Gen.Frequency((2, Gen.Constant(0.0)), (3, EdgeDoubles.LogUniform(1e-16, 1e6)))
                        select new EigenspaceInput(l, a, 3 * l * l / a * (1 + t))),
                    (1, EigenspaceInput.Generator)),
                () => [new EigenspaceInput(1, 1, 3), new EigenspaceInput(2, 3, 4), new EigenspaceInput(1e-100, 1e100, 3e-300)]);
            // (λ, |g|, L) ↦ (μλ/α², μ|g|/α, μL/α³) keeps L|g|/λ² and both sides' degrees; α = L/λ, μ = L²/λ³ give λ = L = 1
            // and |g| = L|g|/λ² ∈ [3, ∞), written |g| = 3/t² with t ∈ (0, 1] (onto: t = √(3/|g|)). The premise is tight at
            // t = 1 (M(x_N) = 0 there) and M(x_N) = (9/2)(1 − t²)/t⁶ has a pole at t = 0 (|g| = ∞, no point of the domain).
            Proofs =
            [
                new ProofDomain<EigenspaceInput>
                {
                    Box =
                    [
                        new ProofCoordinate("λ", 1, 1),
                        new ProofCoordinate("t", 0, 1) { TightAt = [0, 1], Map = CoordinateMap.ScaledInverseSquare(3), Input = "|g|" },
                        new ProofCoordinate("L", 1, 1),
                    ],
                    At = v => new EigenspaceInput(v[0], v[1], v[2]),
                    Reduction = "(λ, |g|, L) ↦ (μλ/α², μ|g|/α, μL/α³) with α, μ > 0 maps every λ > 0, |g| > 0, L|g| ≥ 3λ² onto λ = L = 1, |g| ≥ 3",
                    Scaling = [[-2, 1], [0.5, -0.5], [-3, 1]],
                    CoversStatedDomain = true,
                },
            ];
        }

        public override Relation<T> Evaluate<T>(EigenspaceInput input)
        {
            var (lambda, a, l) = input.Read<T>();
            Assume.Positive(lambda, "λ > 0 (λ < 0 is outside the statement; at λ = 0 Newton's step |g|/λ is undefined)");
            Assume.Positive(a, "|g| > 0 (at |g| = 0 the threshold 3λ²/|g| is undefined)");
            Assume.That(l * a >= 3 * lambda * lambda, "premise L ≥ 3λ²/|g|");
            var newton = a / lambda;
            return Relation.LessOrEqual(T.Of(0), ElmoFormulas.Upper(-a, lambda, l, newton), ElmoFormulas.TermScale(-a, lambda, l, newton));
        }

        public override string Explain(EigenspaceInput input) => "M(|g|/λ) < 0 although L ≥ 3λ²/|g|.";
    }
}
