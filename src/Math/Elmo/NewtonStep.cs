namespace Verification.Numerics.Elmo;

/// <summary>
/// Newton's step along an eigenvector (elmo-amos §3.3, App. F.2): x_N = −g/λ = |g|/λ with eq. (1)'s g = −|g|.
/// </summary>
public static class NewtonStep
{
    /// <summary>x_N = |g|/λ. Defined only for λ ≠ 0.</summary>
    /// <remarks>
    /// Domain: every finite λ ≠ 0 and finite |g| ≥ 0, subnormals included. One IEEE division, so the result is the
    /// correctly rounded quotient: within ½ ulp (subnormal results within ½·2^-1074), and ±∞ exactly where the exact
    /// |x_N| is at least double.MaxValue + ½ ulp (e.g. |g| = 1, λ = 2^-1074: the step 2^1074 is beyond the range).
    /// </remarks>
    /// <exception cref="ArgumentException">λ = 0 or not finite; |g| negative or not finite.</exception>
    public static double Along(double lambda, double gradMagnitude)
    {
        Require.Finite(lambda, nameof(lambda));
        Require.NonNegative(gradMagnitude, nameof(gradMagnitude));
        if (lambda == 0)
            throw new ArgumentException("lambda must be non-zero: Newton's step |g|/λ is undefined at λ = 0.", nameof(lambda));
        return gradMagnitude / lambda;
    }
}
