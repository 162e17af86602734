using TorchSharp;
using static TorchSharp.torch;

namespace Verification.Numerics.Torch;

/// <summary>
/// Elementwise S + |λ| with S = √(λ² + 2L|g|), the denominator of eq. (7)'s rationalized step and of Lemma 3.2's φ, held
/// as <see cref="Sum"/>·2^<see cref="Exponent"/> with <see cref="Sum"/> ∈ [1/2, 2.8) (or 0 where λ = |g| = 0), together
/// with the exact splits |g| = <see cref="GradMantissa"/>·2^<see cref="GradExponent"/> and
/// L = <see cref="LipschitzMantissa"/>·2^<see cref="LipschitzExponent"/> (mantissas in [1/2, 1), torch.frexp).
/// Tensor counterpart of the reference's ScaledRoot, in the working precision instead of double-double.
/// </summary>
/// <remarks>
/// Each input is split exactly by torch.frexp (subnormals included), and the common exponent
/// e = max(e_λ, ⌈e_{2L|g|}/2⌉) is taken out, so that |λ|·2^-e ∈ [0, 1) and 2L|g|·2^-2e ∈ [0, 2) with the larger of the two
/// at least 1/4: nothing under- or overflows before the caller's final power-of-two scaling (<see cref="ScaleByPowerOfTwo"/>),
/// and a term that the scaling takes below the dtype's normal range is below u of the other one, so it cannot matter.
/// Roundings, each at most u of the working precision: 2·m_L·m_g (1), the square of λ's scaled mantissa (1), their sum
/// (1), √ (1, plus half the 3 before it) and the sum with |λ|·2^-e (1): <see cref="Sum"/> is within 3.5u (first order)
/// of the exact (S + |λ|)·2^-e. The scalings by powers of two are exact.
/// </remarks>
/// <param name="Sum">(S + |λ|)·2^-e, within 3.5u of the exact value; in [1/2, 2.8), or 0 where λ = |g| = 0.</param>
/// <param name="Exponent">e, an int32 tensor.</param>
/// <param name="GradMantissa">|g|·2^-e_g ∈ [1/2, 1), or 0 where |g| = 0.</param>
/// <param name="GradExponent">e_g (int32; 0 where |g| = 0).</param>
/// <param name="LipschitzMantissa">L·2^-e_L ∈ [1/2, 1).</param>
/// <param name="LipschitzExponent">e_L (int32).</param>
internal sealed record TorchScaledRoot(
    Tensor Sum, Tensor Exponent, Tensor GradMantissa, Tensor GradExponent, Tensor LipschitzMantissa, Tensor LipschitzExponent)
{
    /// <summary>
    /// Below every exponent torch.frexp returns (≥ −1073 for float64): the exponent used for a zero λ or |g|, so that it
    /// never decides the common exponent; a mantissa 0 scaled by any clamped power of two stays 0.
    /// </summary>
    private const int AbsentExponent = -4096;

    /// <summary>
    /// The split S + |λ| for validated, same-shaped λ (finite), |g| (finite, ≥ 0) and L (finite, &gt; 0); the caller owns
    /// the dispose scope.
    /// </summary>
    public static TorchScaledRoot Of(Tensor lambda, Tensor gradMagnitude, Tensor lipschitz)
    {
        var (lambdaMantissa, lambdaExponent) = frexp(lambda.abs());
        var (gradMantissa, gradExponent) = frexp(gradMagnitude);
        var (lipschitzMantissa, lipschitzExponent) = frexp(lipschitz);

        // 2L|g| = product·2^productExponent, product = 2·m_L·m_g ∈ [1/2, 2) (one rounding), 0 where |g| = 0.
        var product = (lipschitzMantissa * gradMantissa).Times(2);
        var productExponent = lipschitzExponent.Plus(gradExponent);

        using var absentExponent = AbsentExponent.ToScalar();
        var absent = full_like(lambdaExponent, absentExponent);
        var lambdaTop = where(lambda.ne(TorchScalars.Zero), lambdaExponent, absent);
        var rootTop = where(gradMagnitude.gt(TorchScalars.Zero), productExponent.Plus(1).div(TorchScalars.Two, RoundingMode.floor), absent); // ⌈e_{2L|g|}/2⌉
        var e = maximum(lambdaTop, rootTop);

        var scaledLambda = ScaleByPowerOfTwo(lambdaMantissa, lambdaExponent - e);   // |λ|·2^-e ∈ [0, 1)
        var scaledProduct = ScaleByPowerOfTwo(product, productExponent - e.Times(2)); // 2L|g|·2^-2e ∈ [0, 2)
        var root = sqrt((scaledLambda * scaledLambda).Plus(scaledProduct));           // S·2^-e ∈ [1/2, √3) unless λ = |g| = 0
        return new TorchScaledRoot(root.Plus(scaledLambda), e, gradMantissa, gradExponent, lipschitzMantissa, lipschitzExponent);
    }

    /// <summary>
    /// x·2^n elementwise for a float tensor x and an integer tensor n of the same shape, rounded once (correctly rounded
    /// x·2^n, subnormal results included) wherever |x| ∈ [2^-4, 2^6] or x = 0, the range every caller's mantissa quotient
    /// lies in.
    /// </summary>
    /// <remarks>
    /// n is clamped to ±2K (K = 1022 in float64, 126 in float32): beyond it such an x·2^n is 0 or ±∞ in the dtype either
    /// way. The power is applied as two factors 2^a·2^b, a = ⌊n/2⌋, each an exact normal power of two looked up in a table
    /// (no pow or exp2, whose error bounds on CUDA allow a wrong power), so x·2^a is exact whenever the final result is
    /// finite and non-zero and the one rounding is the last multiplication. torch.ldexp is not used: it multiplies by
    /// pow(2, n), which is ∞ for n ≥ 1024 and 0 below the subnormal range even where x·2^n is not.
    /// </remarks>
    public static Tensor ScaleByPowerOfTwo(Tensor x, Tensor n)
    {
        int k = x.dtype == ScalarType.Float64 ? 1022 : 126;
        using var lowest = (-2 * k).ToScalar();
        using var highest = (2 * k).ToScalar();
        var clamped = n.clamp(lowest, highest);
        var a = clamped.div(TorchScalars.Two, RoundingMode.floor);
        var b = clamped - a;
        var powers = tensor(Enumerable.Range(-k, 2 * k + 1).Select(i => Math.ScaleB(1.0, i)).ToArray(), ScalarType.Float64)
            .to(x.dtype, x.device);
        return x * Power(powers, a, k) * Power(powers, b, k);
    }

    /// <summary>2^m elementwise from the table of 2^-k … 2^k.</summary>
    private static Tensor Power(Tensor powers, Tensor m, int k) =>
        powers.index_select(0, m.Plus(k).to(ScalarType.Int64).reshape(-1)).reshape(m.shape);
}
