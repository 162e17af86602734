using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.SignGeometry;
using static Verification.Claims.Catalog.Balles.Chapter6.SignExact;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>balles-thesis Prop. 6.4, eq. (6.19): for nonzero PSD H, ‖H‖∞,1 ≤ ρ_diag(H)⁻¹ Σ_i λ_i.</summary>
internal static class Prop64
{
    internal static Claim Claim() => new(
        "balles/prop-6.4",
        SignSources.Of("Proposition 6.4", "(6.19)", "6.4.2"),
        "For nonzero positive semi-definite H: ‖H‖∞,1 ≤ ρ_diag(H)⁻¹ Σ_i λ_i with ρ_diag(H) = Σ_i|H_ii| / Σ_{i,j}|H_ij|.",
        "Any nonzero PSD H (rank-deficient included, checked exactly). Σ_i λ_i = tr H exactly, so the right side is the rational " +
        "Σ|H_ij|·tr H/Σ|H_ii|; in double precision it is computed as written from MathNet eigenvalues.",
        [Build()]);

    private static Inequality<QuadraticCase> Build() => new()
    {
        Name = "psd",
        Description = "For all nonzero PSD H: ‖H‖∞,1 ≤ ρ_diag(H)⁻¹ Σ λ_i.",
        Tolerance = "None in the comparison; an apparent violation from eigenvalue rounding (equality holds for diagonal H) is dismissed exactly via Σλ = tr H.",
        Generator = SignInputs.PsdCase,
        Edges = SignInputs.Edges,
        Move = SignInputs.Move,
        Show = c => [SignInputs.ShowMatrix("H", c.H)],
        Hypotheses = c => SignInputs.IsZero(c.H) ? "H = 0 (the proposition needs H nonzero)" : SignInputs.RequirePsd(c.H),
        Sides = c =>
        {
            var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(c.H);
            double lhs = SignDouble.InfToOne(c.H);
            double rhs = SignGeometryBounds.Prop64Bound(m);
            return new Sides(lhs, rhs, lhs + System.Math.Abs(rhs));
        },
        ExactSides = (c, _) =>
        {
            var h = F(c.H);
            return new ExactSides(I(InfToOne(h)), I(EntrywiseL1(h) * Trace(h) / DiagL1(h)));
        },
        Why = _ => "‖H‖∞,1 exceeds the diagonal-concentration bound.",
    };
}
