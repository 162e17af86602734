using TorchSharp;
using static TorchSharp.torch;

namespace Verification.Numerics.Torch.Stochastic;

/// <summary>
/// The variance adaptation factors of thesis Fig. 5.2 elementwise on tensors of η ≥ 0 (counterpart of
/// Verification.Numerics.Statistics.VarianceAdaptationFactors): erf((√2η)⁻¹), (1 + η²)^(−1/2) and (1 + η²)⁻¹, the latter
/// two as 1/hypot(1, η) so that η² cannot overflow; erf((√2·0)⁻¹) is its limit 1.
/// </summary>
public static class TorchVarianceAdaptationFactors
{
    /// <summary>erf(1/(√2η)).</summary>
    public static Tensor Erf(Tensor eta)
    {
        Check(eta);
        using var scope = NewDisposeScope();
        var positive = eta.gt(TorchScalars.Zero);
        var safe = where(positive, eta, ones_like(eta));
        var value = special.erf(safe.Times(Math.Sqrt(2)).reciprocal());
        return where(positive, value, ones_like(value)).MoveToOuterDisposeScope();
    }

    /// <summary>(1 + η²)^(−1/2).</summary>
    public static Tensor Adam(Tensor eta)
    {
        Check(eta);
        using var scope = NewDisposeScope();
        return hypot(ones_like(eta), eta).reciprocal().MoveToOuterDisposeScope();
    }

    /// <summary>(1 + η²)⁻¹.</summary>
    public static Tensor Svag(Tensor eta)
    {
        Check(eta);
        using var scope = NewDisposeScope();
        var a = hypot(ones_like(eta), eta).reciprocal();
        return (a * a).MoveToOuterDisposeScope();
    }

    private static void Check(Tensor eta)
    {
        TorchArguments.Floating(eta, nameof(eta));
        TorchArguments.NonNegative(eta, nameof(eta));
    }
}
