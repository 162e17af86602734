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
    /// <exception cref="ArgumentException">∇R(θ) = 0, or F or F̃ is not positive definite at θ.</exception>
    public static double At(IFisherObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Require.Finite(theta, nameof(theta));
        var g = objective.Gradient(theta);
        if (g.L2Norm() == 0)
            throw new ArgumentException("the gradient is 0 at θ: no direction to compare.", nameof(theta));
        var u = Solve(objective.Fisher(theta), g, "F");
        var v = Solve(objective.EmpiricalFisher(theta), g, "F̃");
        return Cosine(u, v);
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
            throw new ArgumentException($"{what} is singular at θ.", "theta");
        return x;
    }
}
