using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.SignGeometry;
using static Verification.Numerics.SignGeometry.SignGeometryFormulas;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles-thesis Prop. C.2, eq. (C.11) (and eqs. 6.15, 6.16): (1/T)Σ_{t&lt;T}‖∇f_t‖²_* ≤ 2L(f₀ − f*)/T for steepest descent.</summary>
internal static class PropC2
{
    internal static Claim Claim() => new(
        "balles/prop-C.2",
        SignSources.Of("Proposition C.2", "(C.11), (6.15)", "C.1.3"),
        "If f is L-smooth w.r.t. ‖·‖, steepest descent (6.9) satisfies (1/T)Σ_{t=0}^{T−1}‖∇f_t‖²_* ≤ 2L(f₀ − f*)/T.",
        "Run for T = 1…6 steps on PSD quadratics ½θᵀHθ (H ≠ 0, rank-deficient allowed, f* = 0) with the tight constant, in the " +
        "statement's arithmetic (exactly in rationals when certifying): norm-scaled sign-GD (eq. 6.10, giving eq. 6.15) and " +
        "coordinate descent (the ℓ1 steepest step).",
        [new Rate(SteepestNorm.Max, "sign-gd"), new Rate(SteepestNorm.One, "coordinate")]);

    /// <summary>(1/T)Σ‖∇f_t‖²_* ≤ 2L·f(θ₀)/T along the run.</summary>
    private sealed class Rate : Statement<SteepestRun>
    {
        private readonly SteepestNorm _norm;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Rate(SteepestNorm norm, string name)
        {
            _norm = norm;
            Name = name;
            Description = $"For all nonzero PSD H, θ₀, T: (1/T)Σ‖∇f_t‖²_* ≤ 2L·f(θ₀)/T along the {Lemma61.Label(norm)} steepest-descent run.";
            Tolerance = "None: the whole run is rational in the inputs; exact arithmetic decides every double-precision violation.";
            Domain = SteepestRun.Domain;
            MarginUnit = "relative to (1/T)Σ‖∇f_t‖²_* + 2L·f(θ₀)/T";
        }

        public override Relation<T> Evaluate<T>(SteepestRun input)
        {
            var (h, theta) = input.Read<T>();
            var l = Assume.Positive(Constant(_norm, h), "H = 0 (L = 0)");
            Assume.That(IsPositiveSemidefinite(h), "H is not positive semi-definite");
            var start = Quadratic(h, theta) / 2;
            T sum = T.Of(0);
            for (int t = 0; t < input.Steps; t++)
            {
                var g = h * theta;
                var dual = Dual(_norm, g);
                sum += dual * dual;
                theta = Add(theta, Step(_norm, g, l));
            }
            var lhs = sum / input.Steps;
            var rhs = 2 * l * start / input.Steps;
            return Relation.LessOrEqual(lhs, rhs, lhs + T.Abs(rhs));
        }

        public override string Explain(SteepestRun input) => "The averaged squared dual gradient norm exceeds the rate (C.11).";
    }
}
