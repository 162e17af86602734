using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.SignGeometry;
using static Verification.Numerics.SignGeometry.SignGeometryFormulas;

namespace Verification.Claims.Catalog.Balles;

/// <summary>
/// balles-thesis Prop. 6.3: a twice-differentiable f is L-smooth w.r.t. ‖·‖ iff ‖∇²f(θ)‖ ≤ L for all θ, with the induced
/// norm ‖H‖ = max_{‖θ‖≤1}‖Hθ‖_* of eq. (6.17).
/// </summary>
internal static class Prop63
{
    internal static Claim Claim() => new(
        "balles/prop-6.3",
        SignSources.Of("Proposition 6.3", "(6.17)", "6.4.1"),
        "A twice-differentiable f: ℝ^d → ℝ is L-smooth w.r.t. ‖·‖ if and only if ‖∇²f(θ)‖ ≤ L for all θ (‖·‖ the induced norm (6.17)).",
        "The \"if\" direction on a non-quadratic f = ½θᵀAθ + Σ c_i·½log(1+θ_i²), c_i ≥ 0, whose gradient Aθ + c∘θ/(1+θ²) is rational: " +
        "ψ(t) = ½log(1+t²) has ψ'' ∈ [−1/8, 1] (ends at t = √3 and t = 0), the induced norm is convex in the diagonal, so " +
        "L = sup_θ‖∇²f(θ)‖ = max over c_i·ψ'' ∈ {c_i, −c_i/8} of ‖A + diag(·)‖, computed exactly; then ‖∇f(θ') − ∇f(θ)‖_* ≤ L‖θ' − θ‖ is " +
        "checked for the maximum norm and the ℓ1 norm. For quadratics the \"only if\" direction is the definition of the induced norm " +
        "(the maximizing vertex of eq. 6.18 attains the ratio); it is exercised by the eq-6.18 and lemma-6.1 checks.",
        [new Lipschitz(SteepestNorm.Max), new Lipschitz(SteepestNorm.One)]);

    /// <summary>‖∇f(θ') − ∇f(θ)‖_* ≤ sup_θ‖∇²f(θ)‖·‖θ' − θ‖.</summary>
    private sealed class Lipschitz : Statement<PerturbedQuadratic>
    {
        private readonly SteepestNorm _norm;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Lipschitz(SteepestNorm norm)
        {
            _norm = norm;
            Name = Lemma61.Label(norm);
            Description = $"For all θ, θ': ‖∇f(θ') − ∇f(θ)‖_* ≤ (sup_θ‖∇²f(θ)‖)·‖θ' − θ‖ in the {Lemma61.Label(norm)}.";
            Tolerance = "None: gradients and the constant are rational in the inputs; exact arithmetic decides every double-precision violation.";
            Domain = PerturbedQuadratic.Domain;
            MarginUnit = "relative to ‖∇f(θ') − ∇f(θ)‖_* + L‖θ' − θ‖";
        }

        public override Relation<T> Evaluate<T>(PerturbedQuadratic input)
        {
            var (a, c, theta, thetaPrime) = input.Read<T>();
            foreach (var ci in c)
                Assume.NonNegative(ci, "some c_i < 0");
            var lhs = Dual(_norm, Subtract(Gradient(a, c, thetaPrime), Gradient(a, c, theta)));
            var rhs = Sup(a, c) * Primal(_norm, Subtract(thetaPrime, theta));
            return Relation.LessOrEqual(lhs, rhs, lhs + rhs);
        }

        /// <summary>∇f(θ) = Aθ + c∘θ/(1 + θ²).</summary>
        private static T[] Gradient<T>(RealMatrix<T> a, T[] c, T[] theta) where T : IReal<T>
        {
            var g = a * theta;
            for (int i = 0; i < theta.Length; i++)
                g[i] += c[i] * theta[i] / (1 + theta[i] * theta[i]);
            return g;
        }

        /// <summary>max over the 2^d diagonal vertices c_i·ψ'' ∈ {c_i, −c_i/8} of ‖A + diag(·)‖.</summary>
        private T Sup<T>(RealMatrix<T> a, T[] c) where T : IReal<T>
        {
            int d = c.Length;
            T best = T.Of(0);
            for (int mask = 0; mask < 1 << d; mask++)
            {
                var shift = Enumerable.Range(0, d).Select(i => ((mask >> i) & 1) == 1 ? -c[i] / 8 : c[i]).ToArray();
                best = T.Max(best, Constant(_norm, DiagonalPlus(shift, a, 1)));
            }
            return best;
        }

        public override string Explain(PerturbedQuadratic input) => "The gradient moves by more than sup‖∇²f‖ allows.";
    }
}
