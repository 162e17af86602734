using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Engine;

namespace Verification.Claims.Catalog.Elmo.Shared;

/// <summary>
/// Proof domains of the per-eigenspace statements (issue "Theorem checking", item 3): a statement over every λ ∈ ℝ,
/// |g| ≥ 0, L &gt; 0 whose relation is invariant under λ ↦ μλ/α², |g| ↦ μ|g|/α, L ↦ μL/α³ (α, μ &gt; 0; x* ↦ αx*,
/// M(x*) and m(x*) ↦ μ·) is proved on four compact charts with L = 1, which the scalings map onto the whole domain:
/// where λ² ≥ L|g| and λ ≠ 0, α = L/|λ|, μ = α³/L give λ = ±1 and |g| = L|g|/λ² ∈ [0, 1]; where λ² &lt; L|g|,
/// α = √(L/|g|) gives |g| = 1 and λ = λ/√(L|g|) ∈ (−1, 1); λ = |g| = 0 is the point chart. The invariance is checked by
/// the prover, by dimensional analysis of the statement's own code on every closed box (<see cref="ProofDomain{TInput}.Scaling"/>).
/// </summary>
internal static class EigenspaceCharts
{
    /// <summary>The degrees of (λ, |g|, L) under (α, μ).</summary>
    private static readonly IReadOnlyList<IReadOnlyList<double>> Degrees = [[-2, 1], [-1, 1], [-3, 1]];

    /// <summary>The degrees of (λ, s, L) with |g| = s² under (α, μ) (declared before the charts that read it).</summary>
    private static readonly IReadOnlyList<IReadOnlyList<double>> RootDegrees = [[-2, 1], [-0.5, 0.5], [-3, 1]];

    private const string Reduction = "(λ, |g|, L) ↦ (μλ/α², μ|g|/α, μL/α³) with α, μ > 0 maps every eigenspace onto the charts with L = 1: λ = ±1, |g| ∈ [0, 1]; |g| = 1, λ ∈ [−1, 1]; λ = |g| = 0";

    /// <summary>
    /// The four charts. Declared tight: |g| = 0 and λ = 0 (x* and both models vanish there, and x* branches on |g| = 0), and
    /// the charts' common edge λ² = L|g| (|λ| = |g| = 1), where case hypotheses such as λ ≤ √(L|g|) switch.
    /// </summary>
    internal static IReadOnlyList<ProofDomain<EigenspaceInput>> All { get; } =
    [
        Chart(new ProofCoordinate("λ", -1, -1), new ProofCoordinate("|g|", 0, 1) { TightAt = [0, 1] }),
        Chart(new ProofCoordinate("λ", 1, 1), new ProofCoordinate("|g|", 0, 1) { TightAt = [0, 1] }),
        Chart(new ProofCoordinate("λ", -1, 1) { TightAt = [-1, 0, 1] }, new ProofCoordinate("|g|", 1, 1)),
        Chart(new ProofCoordinate("λ", 0, 0), new ProofCoordinate("|g|", 0, 0)),
    ];

    /// <summary>
    /// The same four charts with |g| = s², s ∈ [0, 1], on the charts λ = ±1 (onto: s = √|g|), for statements that read √|g|
    /// and are tight at |g| = 0 (√(|g|/L) is not analytic in |g| there, but is s in s). s has half the degrees of |g|.
    /// </summary>
    internal static IReadOnlyList<ProofDomain<EigenspaceInput>> SquareRootGradient { get; } =
    [
        Chart(new ProofCoordinate("λ", -1, -1), RootOfGradient(), RootDegrees),
        Chart(new ProofCoordinate("λ", 1, 1), RootOfGradient(), RootDegrees),
        Chart(new ProofCoordinate("λ", -1, 1) { TightAt = [-1, 0, 1] }, new ProofCoordinate("|g|", 1, 1)),
        Chart(new ProofCoordinate("λ", 0, 0), new ProofCoordinate("|g|", 0, 0)),
    ];

    private static ProofCoordinate RootOfGradient() =>
        new("s", 0, 1) { TightAt = [0, 1], Map = Numerics.Arithmetic.CoordinateMap.Square, Input = "|g|" };

    private static ProofDomain<EigenspaceInput> Chart(ProofCoordinate lambda, ProofCoordinate gradMagnitude,
        IReadOnlyList<IReadOnlyList<double>>? degrees = null) => new()
    {
        Box = [lambda, gradMagnitude, new ProofCoordinate("L", 1, 1)],
        At = v => new EigenspaceInput(v[0], v[1], v[2]),
        Reduction = Reduction,
        Scaling = degrees ?? Degrees,
        CoversStatedDomain = true,
        MaxBoxes = 160, // the proved statements close each chart in at most ~60 boxes; the stalled ones stall at a face
    };
}
