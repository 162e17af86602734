using MathNet.Numerics.LinearAlgebra;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch.SignGeometry;

/// <summary>
/// How far a tensor sign-descent run (<see cref="Verification.Numerics.Torch.SignGeometry.TorchSignDescent.Run"/>) may drift
/// from the reference on ½θᵀHθ − bᵀθ, carried along the reference run in u = u_dtype + u₆₄ (both sides):
/// <list type="bullet">
/// <item>g = Hθ − b: |Δg_i| ≤ Σ_j|H_ij|·e + (d + 1)u(Σ_j|H_ij θ_j| + |b_i|). Each sign is certified only where
/// |g_i| &gt; |Δg_i|; otherwise the runs may legitimately part and the case is rejected.</item>
/// <item>With certified signs the plain step ±α is identical on both sides; the norm-scaled radius ‖g‖₁/L∞ moves by
/// (‖HΔθ‖₁ + rounding)/L∞ + u·radius ≤ e + (Σ_i(d + 1)u(Σ_j|H_ij θ_j| + |b_i|) + d·u·‖g‖₁)/L∞ + u·radius, since
/// ‖HΔθ‖₁ ≤ ‖H‖∞,1·‖Δθ‖∞ = L∞·e (eq. 6.18): the drift at most doubles per step.</item>
/// <item>θ + step rounds once: u·|θ_{t+1}|. The drift e is the ∞-norm bound, first order.</item>
/// </list>
/// </summary>
internal sealed class SignRunBound(Matrix<double> hessian, Vector<double> linear, double? lInfinity, ScalarType dtype)
{
    private readonly double unit = Tolerances.Torch.Unit(dtype) + Tolerances.Torch.Float64Unit;

    /// <summary>The current bound on ‖θ_tensor − θ_reference‖_∞.</summary>
    public double Drift { get; private set; }

    /// <summary>Advances over the reference step θ → <paramref name="next"/>; throws where a sign cannot be certified.</summary>
    public void Advance(Vector<double> theta, Vector<double> next)
    {
        int d = theta.Count;
        var g = hessian * theta - linear;
        double gradientRounding = 0;
        for (int i = 0; i < d; i++)
        {
            double rowAbs = 0, terms = Math.Abs(linear[i]);
            for (int j = 0; j < d; j++)
            {
                rowAbs += Math.Abs(hessian[i, j]);
                terms += Math.Abs(hessian[i, j] * theta[j]);
            }
            double dg = rowAbs * Drift + (d + 1) * unit * terms;
            if (!(Math.Abs(g[i]) > dg))
                throw new UncertifiableCaseException($"∂_{i}f = {g[i]:R} is within its drift {dg:R} of 0: the sign is not certain; pick another problem.");
            gradientRounding += (d + 1) * unit * terms;
        }
        double stepDrift = 0;
        if (lInfinity is { } l)
        {
            double norm = g.L1Norm();
            stepDrift = Drift + (gradientRounding + d * unit * norm) / l + unit * norm / l;
        }
        Drift += stepDrift + unit * next.AbsoluteMaximum();
    }
}
