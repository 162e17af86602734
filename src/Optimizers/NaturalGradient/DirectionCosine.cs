using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.NaturalGradient;

/// <summary>
/// The cosine similarity of Fig. 7.3 (App. D.3.3): between the undamped natural gradient F⁻¹∇R and the undamped EF
/// direction F̃⁻¹∇R at θ, cos = ⟨u, v⟩/(‖u‖‖v‖).
/// </summary>
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
        return u.DotProduct(v) / (u.L2Norm() * v.L2Norm());
    }

    private static Vector<double> Solve(Matrix<double> m, Vector<double> g, string what)
    {
        var x = m.Cholesky().Solve(g);
        if (!x.All(double.IsFinite))
            throw new ArgumentException($"{what} is singular at θ.", "theta");
        return x;
    }
}
