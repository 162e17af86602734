using System.Diagnostics.CodeAnalysis;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Optimizers.Objectives;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>elmo-amos Thm M.4: Assumption 2 and λ_i(θ) ≤ λ_sup imply eq. (2) with constant 2L_H·λ_sup + L_H.</summary>
internal static class ThmM4
{
    internal static IReadOnlyList<BoundedSpectrumFunction> Functions { get; } =
    [
        new(new SeparableObjective([new LorentzianTerm(-10, 1)])),
        new(new SeparableObjective([new LorentzianTerm(-20, 1), new LorentzianTerm(-3, 2)])),
        new(new SeparableObjective([new LorentzianTerm(1, 2), new LorentzianTerm(5, 1)])),
        new(new SeparableObjective([new CosineQuadraticTerm(1, -3), new LogCoshTerm(1)])),
        new(new SeparableObjective([new LorentzianTerm(-1, 2)])),
    ];

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim("elmo/thm-M.4", ElmoSources.Of("Theorem M.4", "(2)", "M.2"),
            "If f satisfies assumptions 1 and 2 and ∃λ_sup ∀θ ∀i: λ_i(θ) ≤ λ_sup, then eq. (2) holds, with constant 2L_H·λ_sup + L_H (the proof's last line).",
            "The conclusion read with the constant the proof derives (claims.md), for the tightest λ_sup and the smallest L_H of Assumption 2, on separable functions whose sorted eigenvectors are fixed (V ≡ I, L_R = 0) so every Assumption-2 constant is exact. "
            + "(Read as the bare existence of some L_H in eq. (2) it would hold trivially on these functions, whose third derivatives are bounded.) The actual Lipschitz ratio ‖H(θ) − H(φ)‖₂/‖θ − φ‖ is compared with the constant.",
            [new Bound("proof-constant", absolute: false)]);
        yield return new Claim("elmo/thm-M.4/spectral-norm", ElmoSources.Of("Theorem M.4", "(2)", "M.2"),
            "Under the same hypotheses, eq. (2) holds with constant 2L_H·sup_θ‖Λ(θ)‖₂ + L_H.",
            "The proof bounds ‖Λ‖₂ by sup λ_i, but the spectral norm is max_i|λ_i|: this reading uses sup_θ max_i|λ_i(θ)| (what the Cauchy–Schwarz step needs), and differs from the as-written constant whenever eigenvalues are negative.",
            [new Bound("abs-spectrum-constant", absolute: true)]);
    }

    /// <summary>‖H(θ) − H(φ)‖₂ = max_i |φ_i″(θ_i) − φ_i″(φ_i)| (H is diagonal) against (2L_H·s + L_H)·‖θ − φ‖₂.</summary>
    private sealed class Bound : Statement<PointPair>
    {
        private readonly bool _absolute;

        [SetsRequiredMembers]
        public Bound(string name, bool absolute)
        {
            _absolute = absolute;
            Name = name;
            Description = absolute
                ? "For θ ≠ φ: ‖H(θ) − H(φ)‖₂ ≤ (2L_H·sup‖Λ‖₂ + L_H)·‖θ − φ‖₂."
                : "For θ ≠ φ: ‖H(θ) − H(φ)‖₂ ≤ (2L_H·λ_sup + L_H)·‖θ − φ‖₂.";
            Tolerance = "None: H is diagonal, so ‖ΔH‖₂ = max_i|Δφ_i''| is evaluated directly; exact rational intervals (cos and sech² enclosed) decide every double-precision doubt.";
            MarginUnit = "relative to ‖H(θ) − H(φ)‖₂ + |constant|·‖θ − φ‖₂";
            Domain = PointPair.Domain;
        }

        public override Relation<T> Evaluate<T>(PointPair input)
        {
            var f = input.F;
            var theta = RealVector.Input<T>(input.Theta);
            var phi = RealVector.Input<T>(input.Phi);
            var difference = theta.Zip(phi, (a, b) => a - b).ToArray();
            var distanceSquared = Assume.Positive(RealVector.Dot(difference, difference), "θ ≠ φ");
            T dh = T.Of(0);
            for (int i = 0; i < theta.Length; i++)
                dh = T.Max(dh, T.Abs(f.Generic.Terms[i].Second(theta[i]) - f.Generic.Terms[i].Second(phi[i])));
            var lh = f.LipschitzH<T>();
            var sup = T.Of(_absolute ? f.SpectralRadius : f.LambdaSup);
            var rhs = (2 * lh * sup + lh) * T.Sqrt(distanceSquared);
            return Relation.LessOrEqual(dh, rhs, Margins.Positive(dh + T.Abs(rhs)));
        }

        public override string Explain(PointPair input) => _absolute || input.F.LambdaSup >= 0
            ? "The Hessian moves faster than the constant allows."
            : "All eigenvalues are ≤ λ_sup < 0 here, so 2L_H·λ_sup + L_H is negative (or below the true rate): the proof's third inequality bounds ‖Λ‖₂ = max_i|λ_i| by sup λ_i, which fails for negative eigenvalues.";
    }
}
