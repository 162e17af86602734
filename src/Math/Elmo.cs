using MathNet.Numerics.LinearAlgebra;

namespace Verification.Math;

/// <summary>
/// The ELMO step of elmo-amos eq. (7) and Alg. 1: along eigenvector v_i the minmax step is
/// x* = (√(λ² + 2L|g|) − λ)/L, the minimizer over x ≥ 0 of the upper model M of eq. (3)
/// with g = −|g| (eq. 1's sign convention).
/// </summary>
public static class Elmo
{
    /// <summary>
    /// x* of eq. (7) for one eigenspace: λ = <paramref name="lambda"/>, |g| = <paramref name="gradMagnitude"/>
    /// (|∇f(θ_t)ᵀv_i|), L = <paramref name="lipschitz"/> (L_t^i &gt; 0).
    /// </summary>
    /// <remarks>
    /// Evaluated without cancellation and without intermediate overflow:
    /// for λ ≥ 0 as 2|g|/(S + λ) (the rationalized form), for λ &lt; 0 as (S + |λ|)/L, where
    /// S = √(λ² + 2L|g|) is formed after an exact power-of-two scaling of λ and √(2L|g|).
    /// The result is within 4 ulp of the exact value for every finite λ, |g| ∈ {0} ∪ [1e-150, 1e150]
    /// and L ∈ [1e-150, 1e150]; it is +∞ only when the exact value exceeds <see cref="double.MaxValue"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">λ not finite, |g| negative or not finite, L not positive or not finite.</exception>
    public static double Step(double lambda, double gradMagnitude, double lipschitz)
    {
        Require.Finite(lambda, nameof(lambda));
        Require.NonNegative(gradMagnitude, nameof(gradMagnitude));
        Require.Positive(lipschitz, nameof(lipschitz));
        return StepUnchecked(lambda, gradMagnitude, lipschitz);
    }

    internal static double StepUnchecked(double lambda, double a, double lipschitz)
    {
        double absLambda = System.Math.Abs(lambda);
        // u = 2·L·|g| in one rounding. On the documented domain L·|g| ∈ [1e-300, 1e300], so u is a
        // normal double; outside it (overflow or subnormal) fall back to √(2L)·√|g|, which cannot overflow.
        double u = 2 * lipschitz * a;
        bool uIsNormal = double.IsNormal(u) || u == 0;
        double r = uIsNormal ? System.Math.Sqrt(u) : System.Math.Sqrt(2 * lipschitz) * System.Math.Sqrt(a);
        double largest = System.Math.Max(absLambda, r);
        if (largest == 0)
            return 0.0;

        // Exact scaling by 2^-e puts the larger of |λ| and √u in [1, 2): λ² cannot overflow, and
        // terms that underflow are below half an ulp of the other.
        int e = System.Math.ILogB(largest);
        double ls = System.Math.ScaleB(absLambda, -e);
        double us = uIsNormal ? System.Math.ScaleB(u, -2 * e) : System.Math.ScaleB(r, -e) * System.Math.ScaleB(r, -e);
        double sScaled = System.Math.Sqrt(ls * ls + us); // S·2^-e ∈ [1, 2√2)

        if (lambda >= 0)
            return System.Math.ScaleB(a / (sScaled + ls), 1 - e); // 2|g|/(S + λ), no cancellation
        return System.Math.ScaleB((sScaled + ls) / lipschitz, e);  // (S + |λ|)/L, both terms positive
    }

    /// <summary>
    /// The full ELMO step Δθ* = Σ_i x*_i·v_i of Alg. 1 for Hessian H, gradient ∇f and per-eigenspace
    /// constants L_i (ordered like the ascending eigenvalues of <see cref="SymmetricEigen.Decompose"/>).
    /// </summary>
    public static Vector<double> StepVector(Matrix<double> hessian, Vector<double> gradient, Vector<double> lipschitz)
    {
        var eigen = SymmetricEigen.Decompose(hessian, gradient);
        Require.Positive(lipschitz, nameof(lipschitz));
        Require.SameLength(eigen.Dimension, lipschitz.Count, nameof(lipschitz));
        var step = Vector<double>.Build.Dense(eigen.Dimension);
        for (int i = 0; i < eigen.Dimension; i++)
        {
            double x = StepUnchecked(eigen.Values[i], System.Math.Abs(eigen.GradientProjections[i]), lipschitz[i]);
            step += x * eigen.Vectors.Column(i);
        }
        return step;
    }
}
