using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>
/// Inputs of the step-size/batch-size trade-off of thesis §4.2: batch size m (continuous, as §4.2.2 treats it),
/// noise-to-signal ratio η² (eq. 4.9), step factor γ, and a competitor value (a step factor or a batch size).
/// </summary>
internal sealed record StepBatchInput(double M, double Eta2, double Gamma, double Competitor)
{
    /// <summary>m, η², γ and the competitor read as inputs in arithmetic T.</summary>
    internal (T M, T Eta2, T Gamma, T Competitor) Read<T>() where T : IReal<T> =>
        (T.Input(M), T.Input(Eta2), T.Input(Gamma), T.Input(Competitor));

    internal IReadOnlyList<NamedValue> Describe() =>
        [NamedValue.Of("m", M), NamedValue.Of("eta^2", Eta2), NamedValue.Of("gamma", Gamma), NamedValue.Of("competitor", Competitor)];

    /// <summary>m integer or in [1e-6, 1e6], η² ≥ 0 (0 included), γ ∈ [0, 1] (1 often), a positive competitor up to <paramref name="competitorMax"/>.</summary>
    internal static Gen<StepBatchInput> Generator(double competitorMax) =>
        from m in Gen.Frequency((2, Gen.Choose(1, 64).Select(i => (double)i)), (1, EdgeDoubles.Positive(1e-6, 1e6)))
        from eta2 in EdgeDoubles.NonNegative(1e-6, 1e6)
        from gamma in Gen.Frequency((4, EdgeDoubles.NonNegative(1e-6, 1)), (1, Gen.Constant(1.0)))
        from competitor in EdgeDoubles.Positive(1e-6, competitorMax)
        select new StepBatchInput(m, eta2, gamma, competitor);

    /// <summary>A move of the competitor, η² or γ for climbing (η² and γ kept ≥ 0: an ulp step from 0 would leave the domain).</summary>
    internal StepBatchInput Perturb(System.Random random) => random.Next(3) switch
    {
        0 => this with { Competitor = EdgeDoubles.Perturb(Competitor, random, 1e-300) },
        1 => this with { Eta2 = Math.Abs(EdgeDoubles.Perturb(Eta2, random)) },
        _ => this with { Gamma = Math.Min(1, Math.Abs(EdgeDoubles.Perturb(Gamma, random))) },
    };

    /// <summary>
    /// The search domain with the given generator and edges; shrinking keeps m &gt; 0, η² ≥ 0, γ ∈ [0, 1] (a statement that
    /// needs a positive competitor says so with its hypotheses).
    /// </summary>
    internal static Domain<StepBatchInput> Domain(Gen<StepBatchInput> generator, Func<IEnumerable<StepBatchInput>> edges) => new()
    {
        Generator = generator,
        Edges = edges,
        Perturb = (s, r) => s.Perturb(r),
        Shrink = s => Shrinks.Coordinates(s, x => [x.M, x.Eta2, x.Gamma, x.Competitor], (x, v) =>
            v[0] > 0 && v[1] >= 0 && v[2] >= 0 && v[2] <= 1
                ? new StepBatchInput(v[0], v[1], v[2], v[3])
                : throw new ArgumentException("outside m > 0, η² ≥ 0, γ ∈ [0, 1].")),
        Describe = s => s.Describe(),
    };
}
