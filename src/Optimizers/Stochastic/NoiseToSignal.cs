using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Objectives;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// Estimates of the noise-to-signal ratio η² = tr(Σ)/‖∇f‖² (thesis eq. 4.9) from a minibatch: tr(s)/‖g‖² with the
/// per-sample variance estimate s (eq. 3.30) and the minibatch gradient g. The plug-in ‖g‖² overestimates ‖∇f‖² by
/// tr(Σ)/m on average, so the estimate is biased low; §4.3 accepts such heuristics. +∞ where g = 0 and s ≠ 0.
/// </summary>
/// <remarks>
/// Range: every finite g and s (an entry that is not finite, or s and g of different lengths, is an
/// <see cref="ArgumentException"/>). The ratio is formed from g and s scaled by powers of two to a largest entry in
/// [1, 2), so neither ‖g‖² nor tr(s) over- or underflows before the ratio does (g = 1e-200, s = 1e-300 gave
/// ‖g‖² = 0 and +∞, exact 1e100; g = 1e200 gave 0 for every s ≤ 1e300, exact up to 1e-100): within (3d + 1) ulp of
/// tr(s)/‖g‖² for non-negative s (d entries; all terms positive, no cancellation; plus 2^-1074 where subnormal), ±∞ only
/// where that value is beyond double.MaxValue or g = 0 (and −∞ if tr(s) &lt; 0 there, which a variance never is). Inside
/// [2^-100, 2^100] the plain formula runs, bit for bit the former results.
/// </remarks>
public static class NoiseToSignal
{
    /// <summary>tr(s)/‖g‖²; 0 when the batch has one sample (no variance estimate) or s = 0.</summary>
    /// <exception cref="ArgumentException">g or s has an entry that is not finite, or their lengths differ.</exception>
    public static double Estimate(GradientSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        Require.Finite(sample.Gradient, nameof(sample));
        if (sample.PerSampleVariance is null) return 0;
        Require.Finite(sample.PerSampleVariance, nameof(sample));
        Require.SameLength(sample.Gradient.Count, sample.PerSampleVariance.Count, nameof(sample));
        return Ratio(sample.PerSampleVariance, sample.Gradient);
    }

    /// <summary>
    /// The exact η² = tr(Σ(θ))/‖∇f(θ)‖² of a stochastic objective with a closed-form Σ, or null: the ratio of the remarks
    /// on the objective's own ∇f(θ) and diag Σ(θ). For a <see cref="NoisyGradientObjective"/> (Σ = diag(σ²)) it is ‖σ‖²/‖∇f‖²
    /// within (4d + 1) ulp for every finite σ and ∇f (d entries, 4d − 1 roundings of positive terms), ±∞ only where that
    /// value is beyond double.MaxValue or ∇f = 0 ≠ σ: where a σ_i² under- or overflows as a double (σ = 1e-170 with
    /// ∇f = 1e-200 gave 0 for the exact 1e60; σ = ∇f = 1e200 was rejected for the exact 1) it is formed from σ scaled by
    /// a power of two, as ∇f is, and elsewhere from the rounded σ_i², bit for bit the former results.
    /// </summary>
    /// <exception cref="ArgumentException">The objective's gradient or variance at θ has an entry that is not finite (a variance of a <see cref="NoisyGradientObjective"/> never is).</exception>
    public static double? Exact(IObjective objective, Vector<double> theta)
    {
        if (ExactInputs(objective, theta) is not (var grad, var variance)) return null;
        if (objective is NoisyGradientObjective noisy && !SquaresAreNormal(noisy.NoiseScale, variance))
            return SquaredNormRatio(noisy.NoiseScale, grad);
        Require.Finite(variance, nameof(theta));
        return Ratio(variance, grad);
    }

    /// <summary>∇f(θ) and diag Σ(θ) of a stochastic objective with a closed-form Σ, checked as <see cref="Exact"/> states; null otherwise.</summary>
    private static (Vector<double> Gradient, Vector<double> Variance)? ExactInputs(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (objective is not IStochasticObjective s || s.PerSampleVariance(theta) is not { } variance) return null;
        var grad = objective.Gradient(theta);
        Require.Finite(grad, nameof(theta));
        Require.SameLength(grad.Count, variance.Count, nameof(theta));
        return (grad, variance);
    }

    /// <summary>True where every σ_i is 0 or its rounded square σ_i² is a normal finite double (within ½ ulp of σ_i²).</summary>
    private static bool SquaresAreNormal(Vector<double> sigma, Vector<double> squares)
    {
        for (int i = 0; i < sigma.Count; i++)
            if (sigma[i] != 0 && !(squares[i] >= 2.2250738585072014e-308 && squares[i] <= double.MaxValue))
                return false;
        return true;
    }

    /// <summary>
    /// ‖σ‖²/‖g‖² (0 for σ = 0, +∞ for g = 0 ≠ σ) from σ and g scaled by powers of two to a largest entry in [1, 2): each
    /// sum of squares lies in [1, 4d), so neither over- nor underflows; 2d − 1 roundings each, one for the quotient and the
    /// final scaling's (2^-1074 where the result is subnormal). Entries below 2^-1074 of their vector's largest are lost in
    /// the scaling, an error below d·2^-1074 relative.
    /// </summary>
    private static double SquaredNormRatio(Vector<double> sigma, Vector<double> gradient)
    {
        if (SquaredNormRatioParts(sigma, gradient) is (var mantissa, var exponent))
            return Math.ScaleB(mantissa, exponent);
        return sigma.All(x => x == 0) ? 0 : double.PositiveInfinity;
    }

    /// <summary>‖σ‖²/‖g‖² as the scaled quotient of <see cref="SquaredNormRatio"/> and its power of two; null for σ = 0 or g = 0.</summary>
    private static (double Mantissa, int Exponent)? SquaredNormRatioParts(Vector<double> sigma, Vector<double> gradient)
    {
        double scaledSigma2 = ScaledSquaredNorm(sigma, out int ks), scaledNorm2 = ScaledSquaredNorm(gradient, out int kg);
        return scaledSigma2 > 0 && scaledNorm2 > 0 ? (scaledSigma2 / scaledNorm2, 2 * ks - 2 * kg) : null;
    }

    /// <summary>tr(s)/‖g‖² (0 for tr(s) = 0, +∞ for g = 0 ≠ tr(s)) with both scaled as in the remarks.</summary>
    private static double Ratio(Vector<double> variance, Vector<double> gradient)
    {
        if (ScaledSum.Ordinary(variance) && ScaledSum.Ordinary(gradient))
        {
            double trace = variance.Sum();
            if (trace == 0) return 0;
            double norm2 = gradient * gradient;
            return trace / norm2; // g = 0: norm2 = +0, so ±∞ with the sign of tr(s), as on the scaled path below
        }
        double scaledTrace = ScaledTrace(variance, out int kt);
        if (scaledTrace == 0) return 0;
        double scaledNorm2 = ScaledSquaredNorm(gradient, out int kg);
        if (scaledNorm2 == 0) return scaledTrace > 0 ? double.PositiveInfinity : double.NegativeInfinity;
        return Math.ScaleB(scaledTrace / scaledNorm2, kt - 2 * kg);
    }

    /// <summary>
    /// The estimate tr(s)/‖g‖² as mantissa·2^exponent (as <see cref="Estimate"/>, whose +∞ it refines): the scaled quotient
    /// of the remarks before its final scaling, so within the same (3d + 1) ulp; null where g = 0, s is null or tr(s) ≤ 0.
    /// For a caller that divides by a large one (γ* = m/(m + η²) ≈ m/η², <see cref="VarianceAdaptedStepSgd"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The inputs <see cref="Estimate"/> rejects.</exception>
    internal static (double Mantissa, int Exponent)? EstimateParts(GradientSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        Require.Finite(sample.Gradient, nameof(sample));
        if (sample.PerSampleVariance is null) return null;
        var variance = Require.Finite(sample.PerSampleVariance, nameof(sample));
        Require.SameLength(sample.Gradient.Count, variance.Count, nameof(sample));
        return RatioParts(variance, sample.Gradient);
    }

    /// <summary>
    /// The exact η² of <see cref="Exact"/> as mantissa·2^exponent (its scaled quotient before the final scaling, within the
    /// same (3d + 1), or for a <see cref="NoisyGradientObjective"/> (4d + 1), ulp); null where the objective has no
    /// closed-form Σ, ∇f = 0 or tr(Σ) ≤ 0. For <see cref="VarianceAdaptedStepSgd"/>'s idealized rule, whose γ* = m/η² to
    /// 2^-1021 where η² is beyond double.MaxValue (then <see cref="Exact"/> is +∞).
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Exact"/>.</exception>
    internal static (double Mantissa, int Exponent)? ExactParts(IObjective objective, Vector<double> theta)
    {
        if (ExactInputs(objective, theta) is not (var grad, var variance)) return null;
        if (objective is NoisyGradientObjective noisy && !SquaresAreNormal(noisy.NoiseScale, variance))
            return SquaredNormRatioParts(noisy.NoiseScale, grad);
        Require.Finite(variance, nameof(theta));
        return RatioParts(variance, grad);
    }

    /// <summary>tr(s)/‖g‖² as the scaled quotient of the remarks and its power of two; null for g = 0 or tr(s) ≤ 0.</summary>
    private static (double Mantissa, int Exponent)? RatioParts(Vector<double> variance, Vector<double> gradient)
    {
        double scaledTrace = ScaledTrace(variance, out int kt), scaledNorm2 = ScaledSquaredNorm(gradient, out int kg);
        return scaledTrace > 0 && scaledNorm2 > 0 ? (scaledTrace / scaledNorm2, kt - 2 * kg) : null;
    }

    /// <summary>Σ(v_i·2^-k)² with k = ⌊log₂ max|v_i|⌋ (0 for v = 0): in [1, 4d) once any entry is non-zero.</summary>
    private static double ScaledSquaredNorm(Vector<double> v, out int k)
    {
        k = ScaleOf(v);
        double sum = 0;
        foreach (double x in v)
        {
            double w = Math.ScaleB(x, -k);
            sum += w * w;
        }
        return sum;
    }

    /// <summary>Σ v_i·2^-k with k = ⌊log₂ max|v_i|⌋ (0 for v = 0): each term in (−2, 2), so the sum of d of them cannot overflow.</summary>
    private static double ScaledTrace(Vector<double> v, out int k)
    {
        k = ScaleOf(v);
        double sum = 0;
        foreach (double x in v)
            sum += Math.ScaleB(x, -k);
        return sum;
    }

    /// <summary>⌊log₂ max|v_i|⌋, or 0 for v = 0.</summary>
    private static int ScaleOf(Vector<double> v)
    {
        double largest = v.AbsoluteMaximum();
        return largest == 0 ? 0 : Math.ILogB(largest);
    }
}
