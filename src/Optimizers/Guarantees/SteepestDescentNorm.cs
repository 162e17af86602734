namespace Verification.Optimizers.Guarantees;

/// <summary>The norm ‖·‖ of a steepest-descent method (balles-thesis.md Table 6.1) and its dual ‖·‖_*.</summary>
public enum SteepestDescentNorm
{
    /// <summary>ℓ₂, self-dual: gradient descent (and, normalized, normalized gradient descent).</summary>
    Euclidean,

    /// <summary>ℓ∞, dual ℓ₁: sign gradient descent.</summary>
    Max,
}
