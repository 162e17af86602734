namespace Verification.Optimizers.Guarantees;

/// <summary>
/// The step does not change when the objective is multiplied by a constant c &gt; 0: Δθ(c·f, θ) = Δθ(f, θ)
/// (Newton's method and sign descent are; gradient descent is not). Checked with c a power of two, so that c·f's
/// oracle is exact.
/// </summary>
public sealed record ObjectiveScaleInvariance : Guarantee
{
    /// <inheritdoc />
    public override string Id => "objective-scale-invariance";

    /// <inheritdoc />
    public override string Statement => "For every objective f, θ and c > 0: Δθ(c·f, θ) = Δθ(f, θ).";
}
