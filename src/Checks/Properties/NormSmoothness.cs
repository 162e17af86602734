using Fractions;
using Verification.Optimizers.Guarantees;
using Verification.Numerics.Exact;

namespace Verification.Checks.Properties;

/// <summary>
/// The tightest smoothness constant (balles-thesis eq. 6.7) of a quadratic with Hessian A, exactly:
/// ℓ₂: L₂ = max_i |λ_i|; ℓ∞: L∞ = ‖A‖_{∞,1} = max over sign vectors s of ‖As‖₁ (eq. 6.18; ‖Ax‖₁ is convex in x, so its
/// maximum over the cube ‖x‖∞ ≤ 1 is at a vertex).
/// </summary>
internal static class NormSmoothness
{
    internal static Fraction Of(SteepestDescentNorm norm, Fraction[,] a, double[] eigenvalues)
    {
        if (norm == SteepestDescentNorm.Euclidean)
            return eigenvalues.Select(l => ExactLinearAlgebra.Of([Math.Abs(l)])[0]).Aggregate(Fraction.Zero, (m, x) => m.CompareTo(x) >= 0 ? m : x);
        int n = eigenvalues.Length;
        var best = Fraction.Zero;
        for (int mask = 0; mask < 1 << n; mask++)
        {
            var s = Enumerable.Range(0, n).Select(i => (mask >> i & 1) == 0 ? Fraction.One : Fraction.MinusOne).ToArray();
            var l1 = ExactLinearAlgebra.L1(ExactLinearAlgebra.Times(a, s));
            if (l1.CompareTo(best) > 0)
                best = l1;
        }
        return best;
    }

    /// <summary>‖g‖_*: ℓ₂ → an enclosure of √(Σg²) ([lower, upper]); ℓ∞ → ‖g‖₁ exactly (lower = upper).</summary>
    internal static (Fraction Lower, Fraction Upper) DualNorm(SteepestDescentNorm norm, Fraction[] g)
    {
        if (norm == SteepestDescentNorm.Max)
        {
            var l1 = ExactLinearAlgebra.L1(g);
            return (l1, l1);
        }
        var root = new Verification.Numerics.Exact.RationalInterval(ExactLinearAlgebra.SquaredL2(g), ExactLinearAlgebra.SquaredL2(g)).Sqrt(128);
        return (root.Lower, root.Upper);
    }

    /// <summary>‖g‖_*² exactly (no square root needed).</summary>
    internal static Fraction SquaredDualNorm(SteepestDescentNorm norm, Fraction[] g)
    {
        if (norm == SteepestDescentNorm.Euclidean)
            return ExactLinearAlgebra.SquaredL2(g);
        var l1 = ExactLinearAlgebra.L1(g);
        return l1 * l1;
    }
}
