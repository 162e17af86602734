using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Elmo;

/// <summary>
/// The ELMO step of elmo-amos eq. (7) and Alg. 1: along eigenvector v_i the minmax step is
/// x* = (√(λ² + 2L|g|) − λ)/L, the minimizer over x ≥ 0 of the upper model M of eq. (3)
/// with g = −|g| (eq. 1's sign convention).
/// </summary>
public static class ElmoStep
{
    /// <summary>
    /// x* of eq. (7) for one eigenspace: λ = <paramref name="lambda"/>, |g| = <paramref name="gradMagnitude"/>
    /// (|∇f(θ_t)ᵀv_i|), L = <paramref name="lipschitz"/> (L_t^i &gt; 0).
    /// </summary>
    /// <remarks>
    /// Domain: every finite λ, every finite |g| ≥ 0 and every finite L &gt; 0, subnormals and signed zeros included.
    /// Evaluated without cancellation, for λ ≥ 0 as 2|g|/(S + λ) (the rationalized form) and for λ &lt; 0 as
    /// (S + |λ|)/L, with S = √(λ² + 2L|g|) formed in double-double after splitting each input exactly into
    /// mantissa·2^exponent, so that nothing under- or overflows before the one final rounding.
    /// Accuracy: within 1 ulp of the exact value everywhere (the analysis gives ½ ulp + 2^-45 ulp where the exact
    /// value is a normal double and ¾·2^-1074 where it is subnormal, ulp never below 2^-1074); +∞ exactly when the
    /// exact value is at least 2^1024 − 2^970 (double.MaxValue + ½ ulp, where round-to-nearest overflows), decided in
    /// exact rational arithmetic near that threshold.
    /// </remarks>
    /// <exception cref="ArgumentException">λ not finite, |g| negative or not finite, L not positive or not finite.</exception>
    public static double Step(double lambda, double gradMagnitude, double lipschitz)
    {
        RequireEigenspace(lambda, gradMagnitude, lipschitz);
        return StepUnchecked(lambda, gradMagnitude, lipschitz);
    }

    /// <summary>
    /// The domain of one eigenspace's (λ, |g|, L) shared by eq. (7)'s x* and Lemma 3.2's φ: λ finite, |g| finite and ≥ 0,
    /// L finite and &gt; 0; an <see cref="ArgumentException"/> naming the parameter otherwise.
    /// </summary>
    internal static void RequireEigenspace(double lambda, double gradMagnitude, double lipschitz)
    {
        Require.Finite(lambda, nameof(lambda));
        Require.NonNegative(gradMagnitude, nameof(gradMagnitude));
        Require.Positive(lipschitz, nameof(lipschitz));
    }

    /// <summary><see cref="Step"/> without argument checks (inputs in its domain).</summary>
    internal static double StepUnchecked(double lambda, double gradMagnitude, double lipschitz)
    {
        if (lambda >= 0 && gradMagnitude == 0)
            return 0.0; // convex and no gradient: stay (also λ = −0.0)
        var root = ScaledRoot.Of(lambda, gradMagnitude, lipschitz);
        // x* ≥ T ⟺ S − λ ≥ T·L ⟺ S ≥ T·L + λ (both branches equal (S − λ)/L).
        Func<Fraction, bool> reaches = t => ScaledRoot.CompareRoot(lambda, gradMagnitude, lipschitz,
            t * ExactDouble.ToFraction(lipschitz) + ExactDouble.ToFraction(lambda)) >= 0;
        if (lambda >= 0) // 2|g|/(S + λ) = 2·m_g·2^e_g / ((S + λ)·2^-e·2^e)
            return ScaledRoot.Scale(root.DivideInto(root.GradMantissa), root.GradExponent - root.Exponent + 1, reaches);
        // (S + |λ|)/L
        return ScaledRoot.Scale(root.Divide(root.LipschitzMantissa), root.Exponent - root.LipschitzExponent, reaches);
    }

    /// <summary>
    /// The full ELMO step Δθ* = Σ_i x*_i·v_i of Alg. 1 for Hessian H, gradient ∇f and per-eigenspace
    /// constants L_i (ordered like the ascending eigenvalues of <see cref="SymmetricEigen.Decompose"/>).
    /// </summary>
    /// <remarks>
    /// Range: the inputs <see cref="SymmetricEigen.Decompose"/> accepts, every finite L_i &gt; 0, provided every x*_i
    /// and every entry of Δθ* is at most double.MaxValue in magnitude (otherwise an <see cref="ArgumentException"/>
    /// says which overflows). Accuracy: each x*_i is within 1 ulp of eq. (7) at the computed λ_i and |g_i|
    /// (<see cref="Step"/>); the sum adds at most about n·2^-53·Σ_i x*_i to each entry, on top of the
    /// eigendecomposition's backward error.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// bad H, ∇f or L (see <see cref="SymmetricEigen.Decompose"/>), or a step beyond double.MaxValue.
    /// </exception>
    public static Vector<double> StepVector(Matrix<double> hessian, Vector<double> gradient, Vector<double> lipschitz)
    {
        var eigen = SymmetricEigen.Decompose(hessian, gradient);
        Require.Positive(lipschitz, nameof(lipschitz));
        Require.SameLength(eigen.Dimension, lipschitz.Count, nameof(lipschitz));
        var step = Vector<double>.Build.Dense(eigen.Dimension);
        for (int i = 0; i < eigen.Dimension; i++)
        {
            double a = Math.Abs(eigen.GradientProjections[i]);
            double x = StepUnchecked(eigen.Values[i], a, lipschitz[i]);
            if (double.IsInfinity(x))
                throw new ArgumentException(
                    $"the ELMO step x*_{i} = (√(λ² + 2L|g|) − λ)/L exceeds double.MaxValue for λ = {Require.Show(eigen.Values[i])}, |g| = {Require.Show(a)}, " +
                    $"L = {Require.Show(lipschitz[i])}; StepVector's range needs every x*_i ≤ double.MaxValue.", nameof(lipschitz));
            step += x * eigen.Vectors.Column(i);
        }
        for (int j = 0; j < step.Count; j++)
            if (!double.IsFinite(step[j]))
                throw new ArgumentException(
                    $"the ELMO step Σ x*_i·v_i overflows in entry {j}; StepVector's range needs every entry ≤ double.MaxValue.", nameof(lipschitz));
        return step;
    }
}
