using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.NaturalGradient;

/// <summary>
/// The cosine similarity of Fig. 7.3 (App. D.3.3): between the undamped natural gradient F⁻¹∇R and the undamped EF
/// direction F̃⁻¹∇R at θ, cos = ⟨u, v⟩/(‖u‖‖v‖).
/// </summary>
/// <remarks>
/// Range: the cosine is formed from u and v each scaled by a power of two to a largest entry in [1, 2) (exact, and the
/// cosine does not change), so ⟨u, v⟩ and ‖u‖‖v‖ neither overflow nor underflow (u = v = (1e200, 1e200) gave ∞/∞ = NaN,
/// u = v = (1e-200, 1e-200) gave 0/0 = NaN; both are 1). Within (d + 3)·u·(Σ|u_i v_i|/(‖u‖‖v‖)) + 3u of the cosine of the
/// solved u and v (their own accuracy is that of the Cholesky solves). Bit for bit the plain formula where every
/// entry, product and sum stays a normal double.
/// </remarks>
public static class DirectionCosine
{
    /// <summary>cos∠(F(θ)⁻¹∇R(θ), F̃(θ)⁻¹∇R(θ)); NaN-free: throws where a matrix is singular or the gradient is 0.</summary>
    /// <remarks>
    /// The cosine does not change when ∇R, F or F̃ is multiplied by a positive constant, so each is scaled by a power of
    /// two to a largest entry near 1 before the solves (F = 2^-1060·diag(1, 4), g = (1, 1) was rejected as singular, and
    /// g = (3, 7)·2^-1074 with F = diag(1, 3), F̃ = I gave 0.838 for 0.875: the solves divided the subnormals' few digits).
    /// Range: ∇R's nonzero entries within 2^1022 of the largest, and F's and F̃'s each within 2^1022 of its largest (else
    /// that one is left unscaled, as before); outside it the cosine is computed but carries no stated bound, and a solve
    /// beyond the double range is rejected as singular. Accuracy (u = 2^-53, S = Σ|u_i v_i|/(‖u‖‖v‖) of the exact directions) for
    /// diagonal F and F̃ within the range: (d + 20)·u·S + 3u + d·2^-1068, Cosine's (d + 3)u·S + 3u plus 4γ₄·S of the solved
    /// directions' relative errors (√f, two divisions: γ₄ per entry, counted twice in the inner product and twice in the
    /// norms), one u·S for the second-order terms, and the solves' subnormal roundings against ‖u‖, ‖v‖ ≥ 1/4. Dense F and
    /// F̃: their Cholesky solves' normwise error.
    /// </remarks>
    /// <exception cref="ArgumentException">∇R(θ) = 0 or not finite, or F or F̃ is not positive definite or numerically
    /// singular at θ (naming <c>theta</c>).</exception>
    public static double At(IFisherObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Require.Finite(theta, nameof(theta));
        var g = objective.Gradient(theta);
        if (!g.All(double.IsFinite))
            throw new ArgumentException($"the gradient at θ has a non-finite entry ({Require.Show(g.First(x => !double.IsFinite(x)))}): no direction to compare.", nameof(theta));
        double largest = g.AbsoluteMaximum();
        if (largest == 0)
            throw new ArgumentException("the gradient is 0 at θ: no direction to compare.", nameof(theta));
        int j = Math.ILogB(largest);
        var scaled = PowerOfTwoScaling.FirstEntryLosingDigits(g, j) >= 0 ? g : g.Map(x => Math.ScaleB(x, -j));
        var u = Solve(ScaledToOne(objective.Fisher(theta)), scaled, "F");
        var v = Solve(ScaledToOne(objective.EmpiricalFisher(theta)), scaled, "F̃");
        return Cosine(u, v);
    }

    /// <summary>
    /// 2^-k·m with k the exponent of m's largest entry; m unchanged where it is 0 or not finite (the solve rejects it) or
    /// where an entry would become subnormal (a flushed diagonal would turn a positive definite m into one that is not).
    /// </summary>
    private static Matrix<double> ScaledToOne(Matrix<double> m)
    {
        double largest = 0;
        foreach (double x in m.Enumerate())
            largest = Math.Max(largest, Math.Abs(x));
        if (largest == 0 || !double.IsFinite(largest))
            return m;
        int k = Math.ILogB(largest);
        foreach (double x in m.Enumerate())
            if (x != 0 && (long)Math.ILogB(x) - k < -1022)
                return m;
        return m.Map(x => Math.ScaleB(x, -k));
    }

    /// <summary>⟨u, v⟩/(‖u‖‖v‖) for non-zero finite u and v, from their power-of-two scalings (see the remarks).</summary>
    /// <exception cref="ArgumentException">u or v is 0, not finite, or their lengths differ.</exception>
    public static double Cosine(Vector<double> u, Vector<double> v)
    {
        Require.Finite(u, nameof(u));
        Require.Finite(v, nameof(v));
        Require.SameLength(u.Count, v.Count, nameof(v));
        double au = u.AbsoluteMaximum(), av = v.AbsoluteMaximum();
        if (au == 0 || av == 0)
            throw new ArgumentException("the cosine of a zero vector is undefined.", au == 0 ? nameof(u) : nameof(v));
        var su = u.Map(x => Math.ScaleB(x, -Math.ILogB(au)));
        var sv = v.Map(x => Math.ScaleB(x, -Math.ILogB(av)));
        return su.DotProduct(sv) / (su.L2Norm() * sv.L2Norm());
    }

    private static Vector<double> Solve(Matrix<double> m, Vector<double> g, string what)
    {
        // MathNet's own rejection (exactly singular or indefinite) said neither which of F and F̃ it was nor θ.
        var x = CholeskyFactor.Of(m, "theta", _ => $"{what} is not positive definite at θ (a Cholesky pivot is ≤ 0).").Solve(g);
        if (!x.All(double.IsFinite))
            throw new ArgumentException($"{what} is singular at θ: {what}⁻¹∇R is beyond the double range with {what} and ∇R scaled to a largest entry near 1 ({what}'s entries span more than the range).", "theta");
        if (x.AbsoluteMaximum() == 0)
            throw new ArgumentException($"{what}⁻¹∇R underflows to 0 at θ with {what} and ∇R scaled to a largest entry near 1 ({what}'s entries span more than the range).", "theta");
        return x;
    }
}
