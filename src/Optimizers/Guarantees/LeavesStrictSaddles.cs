namespace Verification.Optimizers.Guarantees;

/// <summary>
/// The step leaves a strict saddle point downhill: at a critical point θ (∇f(θ) = 0) of a quadratic whose Hessian has
/// a negative eigenvalue, f(θ + Δθ) &lt; f(θ). ELMO does (eq. 7 with g = 0 and λ &lt; 0 gives x* = 2|λ|/L &gt; 0);
/// gradient descent and Newton's method stay put.
/// </summary>
public sealed record LeavesStrictSaddles : Guarantee
{
    /// <inheritdoc />
    public override string Id => "leaves-strict-saddles";

    /// <inheritdoc />
    public override string Statement =>
        "At every critical point θ of a quadratic f whose Hessian has a negative eigenvalue: f(θ + Δθ) < f(θ) (elmo-amos eq. 7 with g = 0).";
}
