using TorchSharp;
using static TorchSharp.torch;

namespace Verification.Numerics.Torch.Stochastic;

/// <summary>
/// Tensor form of the SGD steps of thesis chapters 3–4 for large d, from a minibatch of per-sample gradients
/// (an m × d tensor, one row per sample): plain SGD Δθ = −α·g (eq. 3.7) and the Prop. 4.1 step rule
/// Δθ = −(γ*/L)·g with γ* = (1 + η²/m)⁻¹ (eq. 4.11) and η² = tr(s)/‖g‖² (eq. 4.9) from the unbiased per-sample variance
/// s = Σⱼ(gⱼ − g)²/(m − 1) (eq. 3.30). Counterpart of Verification.Optimizers.Stochastic (Sgd, VarianceAdaptedStepSgd).
/// </summary>
public static class TorchSgdStep
{
    /// <summary>−α·g with g the mean of the rows of <paramref name="perSampleGradients"/>.</summary>
    /// <exception cref="ArgumentException">α ≤ 0 or non-finite, or the gradients are not a finite m × d float tensor.</exception>
    public static Tensor Plain(Tensor perSampleGradients, double stepSize)
    {
        Require.Positive(stepSize, nameof(stepSize));
        CheckBatch(perSampleGradients, minimumRows: 1);
        using var g = perSampleGradients.mean([0L]);
        using var negativeStep = (-stepSize).ToScalar();
        return g.mul(negativeStep);
    }

    /// <summary>
    /// −(γ*/L)·g (Prop. 4.1). Where g = 0 and s ≠ 0, η² = ∞ and the step is 0; where s = 0, η² = 0 and γ* = 1.
    /// </summary>
    /// <exception cref="ArgumentException">L ≤ 0 or non-finite, fewer than two rows, or a non-finite/non-float tensor.</exception>
    public static Tensor OptimalStepRule(Tensor perSampleGradients, double smoothness)
    {
        Require.Positive(smoothness, nameof(smoothness));
        CheckBatch(perSampleGradients, minimumRows: 2);
        long m = perSampleGradients.shape[0];
        using var g = perSampleGradients.mean([0L]);
        using var s = perSampleGradients.var(0L, unbiased: true, keepdim: false);
        using var traceTensor = s.sum();
        using var norm2Tensor = g.dot(g);
        double trace = traceTensor.Value();
        double norm2 = norm2Tensor.Value();
        double gamma = trace == 0 ? 1 : norm2 == 0 ? 0 : 1 / (1 + trace / norm2 / m);
        using var negativeStep = (-gamma / smoothness).ToScalar();
        return g.mul(negativeStep);
    }

    private static void CheckBatch(Tensor gradients, int minimumRows)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        if (gradients.dtype != ScalarType.Float64 && gradients.dtype != ScalarType.Float32)
            throw new ArgumentException($"perSampleGradients must be Float64 or Float32, got {gradients.dtype}.", "perSampleGradients");
        if (gradients.dim() != 2 || gradients.shape[0] < minimumRows || gradients.shape[1] < 1)
            throw new ArgumentException(
                $"perSampleGradients must be an m × d tensor with m ≥ {minimumRows} and d ≥ 1, got shape [{string.Join("×", gradients.shape)}].",
                "perSampleGradients");
        using var entries = gradients.isfinite();
        using var finite = entries.all();
        if (!finite.item<bool>())
            throw new ArgumentException("perSampleGradients must be finite.", "perSampleGradients");
    }
}
