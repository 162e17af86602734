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
    /// <exception cref="ArgumentException">θ empty or not finite.</exception>
    public static Matrix<double> Hessian(Func<HyperDual[], HyperDual> function, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(function);
        Require.Finite(theta, nameof(theta));
        int d = theta.Count;
        var h = Matrix<double>.Build.Dense(d, d);
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++)
            {
                double v = function(Seed(theta, i, j)).E12;
                h[i, j] = v;
                h[j, i] = v;
            }
        return h;
    }

    /// <summary>θ as hyper-duals with ε₁ on coordinate i and ε₂ on coordinate j (j = −1: ε₂ nowhere).</summary>
    private static HyperDual[] Seed(Vector<double> theta, int i, int j)
    {
        var x = new HyperDual[theta.Count];
        for (int k = 0; k < x.Length; k++)
            x[k] = new HyperDual(theta[k], k == i ? 1 : 0, k == j ? 1 : 0, 0);
        return x;
    }
}
