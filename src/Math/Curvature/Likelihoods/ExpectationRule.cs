namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// E_{y~p(·|f)}[φ(y)] ≈ Σ_k Weights[k]·φ(Labels[k]). <see cref="TailBound"/> is a rigorous upper bound on the part the
/// rule leaves out, Σ_{omitted y} p(y)·max(‖∇_f log p(y|f)‖₂², ‖∇²_f log p(y|f)‖₂, 1): 0 where the rule is exact (finite
/// support; Gaussian, where every integrand is a polynomial of degree ≤ 4 in y), positive for the truncated Poisson sum.
/// </summary>
/// <param name="Labels">The nodes y_k.</param>
/// <param name="Weights">The weights w_k (probabilities for a finite or truncated support).</param>
/// <param name="TailBound">Upper bound on the omitted mass of the integrands, as above.</param>
/// <param name="Method">How the rule was obtained, for reports.</param>
public sealed record ExpectationRule(IReadOnlyList<double> Labels, IReadOnlyList<double> Weights, double TailBound, string Method)
{
    /// <summary>
    /// Gauss–Hermite with 3 nodes for N(μ, v): y ∈ {μ, μ ± √(3v)}, weights 2/3, 1/6, 1/6; exact for polynomials in y of
    /// degree ≤ 5 (it reproduces the moments 1, 0, v, 0, 3v², 0 of y − μ). Range: finite μ and finite v &gt; 0, else an
    /// <see cref="ArgumentException"/> (a negative v gave NaN nodes). Accuracy: node 0 is μ; nodes 1 and 2 are within
    /// u·|μ ∓ √(3v)| + 4u·√(3v) + 2^-1074 of μ ∓ √(3v) (√3, √v and their product within 3.01u, the sum one more rounding),
    /// never overflowing (μ ± √(3v) with |μ| ≤ double.MaxValue rounds to at most double.MaxValue, as √(3v) &lt; 2^513);
    /// the weights are 2/3 and 1/6 correctly rounded.
    /// </summary>
    /// <exception cref="ArgumentException">mean not finite, or variance not finite and &gt; 0.</exception>
    public static ExpectationRule Gaussian(double mean, double variance)
    {
        Require.Finite(mean, nameof(mean));
        Require.Positive(variance, nameof(variance));
        double s = Math.Sqrt(3.0) * Math.Sqrt(variance); // √(3σ²) without overflowing 3σ² above 6e307
        return new ExpectationRule([mean, mean - s, mean + s], [2.0 / 3, 1.0 / 6, 1.0 / 6], 0,
            "3-node Gauss–Hermite, exact for polynomials of degree ≤ 5 in y");
    }
}
