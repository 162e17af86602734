using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Curvature.AutoDiff;

/// <summary>
/// Gradients and Hessians of a scalar function written over <see cref="IDualScalar{T}"/>, by hyper-dual forward mode:
/// one evaluation per pair i ≤ j, exact up to the rounding of the function's own operations.
/// </summary>
public static class ForwardDerivatives
{
    /// <summary>∇g(θ) (the ε₁ parts of the diagonal seeds).</summary>
    /// <exception cref="ArgumentException">θ empty or not finite.</exception>
    public static Vector<double> Gradient(Func<HyperDual[], HyperDual> function, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(function);
        Require.Finite(theta, nameof(theta));
        int d = theta.Count;
        var g = Vector<double>.Build.Dense(d);
        for (int i = 0; i < d; i++)
            g[i] = function(Seed(theta, i, -1)).E1;
        return g;
    }

    /// <summary>∇²g(θ), symmetric by construction (entry (i, j) is computed once for i ≤ j).</summary>
    /// <remarks>
    /// Where the evaluation seeded at (i, j) has an ε₁ or ε₂ part that is ±∞ (∂g/∂θ_i or ∂g/∂θ_j beyond the double range,
    /// or overflowed on the way), the Hessian is rejected: its ε₁ε₂ part may have lost a term, the overflowed part times a
    /// part that underflowed to 0, which doubles cannot tell from an unseeded zero (<see cref="HyperDual"/>'s remarks). An
    /// overflowed part reaches the result's ε₁ or ε₂ part: a product carries it (a zero value beside it is rejected), a sum
    /// of both signs is rejected, a quotient by an overflowed value is rejected, and φ' is nonzero at a finite value.
    /// g(θ) = 8cθ₀·e^{kθ₁ − 1} with c = 2^1023, k = 2^-1074 at θ = (2^-4, 0) gave the all-finite [[0, 0], [0, 0]], exact
    /// ∂²g/∂θ₀∂θ₁ = 8c·k/e ≈ 1.3e-15. The rejection is conservative: it also comes where no term was lost (8c·θ₀ alone has
    /// the exact Hessian 0). A term lost where a part that underflowed meets a large factor (φ', φ'', a power of 1/b or
    /// another part) is rejected in the operation itself, by the underflow bounds every <see cref="HyperDual"/> carries
    /// (log(2^-1074 + θ·2^-538·2^-538) at θ = 0 gave g' = g'' = 0, exact ¼ and −1/16; see <see cref="UnderflowError"/>).
    /// </remarks>
    /// <exception cref="ArgumentException">θ empty or not finite; a <see cref="DoubleRangeException"/> naming θ where a first
    /// derivative of g at θ is beyond the double range (above).</exception>
    public static Matrix<double> Hessian(Func<HyperDual[], HyperDual> function, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(function);
        Require.Finite(theta, nameof(theta));
        int d = theta.Count;
        var h = Matrix<double>.Build.Dense(d, d);
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++)
            {
                var r = function(Seed(theta, i, j));
                if (!double.IsFinite(r.E1) || !double.IsFinite(r.E2))
                    throw FirstDerivativeBeyondRange(i, j, r.E1, r.E2, nameof(theta));
                h[i, j] = r.E12;
                h[j, i] = r.E12;
            }
        return h;
    }

    /// <summary>The rejection of a Hessian whose seeded evaluation (i, j) has an overflowed ε₁ or ε₂ part.</summary>
    internal static DoubleRangeException FirstDerivativeBeyondRange(int i, int j, double e1, double e2, string parameter) =>
        new($"the first derivatives along coordinates {i} and {j} are {Require.Show(e1)} and {Require.Show(e2)} at this point: one is ±∞ (beyond the double range, or overflowed on the way), so the second derivatives along it may have lost a term (an overflowed part times one that underflowed to 0); the Hessian is not computed. Every first derivative must be within ±double.MaxValue.",
            parameter);

    /// <summary>θ as hyper-duals with ε₁ on coordinate i and ε₂ on coordinate j (j = −1: ε₂ nowhere).</summary>
    private static HyperDual[] Seed(Vector<double> theta, int i, int j)
    {
        var x = new HyperDual[theta.Count];
        for (int k = 0; k < x.Length; k++)
            x[k] = new HyperDual(theta[k], k == i ? 1 : 0, k == j ? 1 : 0, 0);
        return x;
    }
}
