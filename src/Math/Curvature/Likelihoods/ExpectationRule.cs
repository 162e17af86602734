namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// E_{y~p(·|f)}[φ(y)] ≈ Σ_k Weights[k]·φ(Labels[k]). <see cref="TailBound"/> is a rigorous upper bound on the part the
/// rule leaves out, Σ_{omitted y} p(y)·max(‖∇_f log p(y|f)‖₂², ‖∇²_f log p(y|f)‖₂, 1): 0 where the rule is exact (finite
/// support; Gaussian, where every integrand is a polynomial of degree ≤ 4 in y), positive for the truncated Poisson sum.
/// </summary>
/// <remarks>
/// Range: at least one node, every label finite, one weight per label, each in [0, 1] (a probability, or a weight of a
/// rule whose weights are nonnegative and sum to 1), and a finite TailBound ≥ 0; else an <see cref="ArgumentException"/>
/// naming the parameter (before, any lists were accepted: a NaN, negative or missing weight surfaced only as a wrong
/// expectation).
/// </remarks>
/// <param name="Labels">The nodes y_k.</param>
/// <param name="Weights">The weights w_k (probabilities for a finite or truncated support).</param>
/// <param name="TailBound">Upper bound on the omitted mass of the integrands, as above.</param>
/// <param name="Method">How the rule was obtained, for reports.</param>
/// <exception cref="ArgumentException">
/// No node, a label not finite, a weight list of another length, a weight NaN or outside [0, 1], or a tail bound not
/// finite and ≥ 0.
/// </exception>
public sealed record ExpectationRule(IReadOnlyList<double> Labels, IReadOnlyList<double> Weights, double TailBound, string Method)
{
    /// <summary>The nodes y_k: at least one, each finite.</summary>
    public IReadOnlyList<double> Labels { get; } = CheckLabels(Labels);

    /// <summary>The weights w_k, one per label, each in [0, 1].</summary>
    public IReadOnlyList<double> Weights { get; } = CheckWeights(Weights, Labels);

    /// <summary>Upper bound on the omitted mass of the integrands: finite and ≥ 0.</summary>
    public double TailBound { get; } = Require.NonNegative(TailBound, nameof(TailBound));

    /// <summary>How the rule was obtained, for reports.</summary>
    public string Method { get; } = Method ?? throw new ArgumentNullException(nameof(Method));

    /// <summary>
    /// The offsets y_k − μ of the nodes from the mean where the rule has them (<see cref="Gaussian"/>: 0, −√(3v), √(3v)),
    /// else null. The nodes themselves are rounded to the grid of μ, so that beyond |μ| ≈ 2^53·√(3v) they are μ itself, while
    /// the offsets keep every digit: a likelihood whose log p depends on y and f₀ only through y − f₀ is evaluated at them.
    /// </summary>
    internal IReadOnlyList<double>? Offsets { get; init; }

    private static IReadOnlyList<double> CheckLabels(IReadOnlyList<double> labels)
    {
        ArgumentNullException.ThrowIfNull(labels, nameof(Labels));
        if (labels.Count == 0)
            throw new ArgumentException("Labels must hold at least one node, got none.", nameof(Labels));
        for (int k = 0; k < labels.Count; k++)
            if (!double.IsFinite(labels[k]))
                throw new ArgumentException($"Labels[{k}] must be finite, got {Require.Show(labels[k])}.", nameof(Labels));
        return labels;
    }

    private static IReadOnlyList<double> CheckWeights(IReadOnlyList<double> weights, IReadOnlyList<double> labels)
    {
        ArgumentNullException.ThrowIfNull(weights, nameof(Weights));
        if (weights.Count != labels.Count)
            throw new ArgumentException($"Weights must have one entry per label ({labels.Count}), got {weights.Count}.", nameof(Weights));
        for (int k = 0; k < weights.Count; k++)
            if (!(weights[k] >= 0 && weights[k] <= 1))
                throw new ArgumentException($"Weights[{k}] must be in [0, 1], got {Require.Show(weights[k])}.", nameof(Weights));
        return weights;
    }

    /// <summary>
    /// Gauss–Hermite with 3 nodes for N(μ, v): y ∈ {μ, μ ± √(3v)}, weights 2/3, 1/6, 1/6; exact for polynomials in y of
    /// degree ≤ 5 (it reproduces the moments 1, 0, v, 0, 3v², 0 of y − μ). Range: finite μ and finite v &gt; 0, else an
    /// <see cref="ArgumentException"/> (a negative v gave NaN nodes). Accuracy: node 0 is μ; nodes 1 and 2 are within
    /// u·|μ ∓ √(3v)| + 4u·√(3v) + 2^-1074 of μ ∓ √(3v) (√3, √v and their product within 3.01u, the sum one more rounding),
    /// never overflowing (μ ± √(3v) with |μ| ≤ double.MaxValue rounds to at most double.MaxValue, as √(3v) &lt; 2^513);
    /// the weights are 2/3 and 1/6 correctly rounded. The offsets 0 and ∓√(3v) (<see cref="Offsets"/>) are within 3.01u of
    /// their exact values at every μ.
    /// </summary>
    /// <exception cref="ArgumentException">mean not finite, or variance not finite and &gt; 0.</exception>
    public static ExpectationRule Gaussian(double mean, double variance)
    {
        Require.Finite(mean, nameof(mean));
        Require.Positive(variance, nameof(variance));
        double s = Math.Sqrt(3.0) * Math.Sqrt(variance); // √(3σ²) without overflowing 3σ² above 6e307
        return new ExpectationRule([mean, mean - s, mean + s], [2.0 / 3, 1.0 / 6, 1.0 / 6], 0,
            "3-node Gauss–Hermite, exact for polynomials of degree ≤ 5 in y") { Offsets = [0, -s, s] };
    }
}
