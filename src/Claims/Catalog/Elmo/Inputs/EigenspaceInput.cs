using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Elmo.Inputs;

/// <summary>
/// One Hessian eigenspace of elmo-amos §3: eigenvalue λ, gradient magnitude |g| = |∇fᵀv| (eq. 1 makes
/// ∇fᵀv = −|g|), and Lipschitz constant L &gt; 0.
/// </summary>
public sealed record EigenspaceInput(double Lambda, double GradMagnitude, double Lipschitz)
{
    /// <summary>g = ∇fᵀv = −|g| (eq. 1).</summary>
    public double G => -GradMagnitude;

    /// <summary>The inputs as named round-trip values.</summary>
    public IReadOnlyList<NamedValue> Describe() =>
        [NamedValue.Of("lambda", Lambda), NamedValue.Of("gradMagnitude", GradMagnitude), NamedValue.Of("lipschitz", Lipschitz)];

    /// <summary>
    /// λ of either sign with exact 0 often, |g| ∈ {0} ∪ [1e-150, 1e150], L ∈ [1e-150, 1e150], plus points on
    /// the curve L|g| = λ² (where the dimensionless ratio L|g|/λ² that drives the cubic models crosses 1).
    /// </summary>
    public static Gen<EigenspaceInput> Generator { get; } = Gen.Frequency(
        (6, from l in EdgeDoubles.Signed(1e-150, 1e150)
            from a in EdgeDoubles.NonNegative(1e-150, 1e150)
            from lip in EdgeDoubles.Positive(1e-150, 1e150)
            select new EigenspaceInput(l, a, lip)),
        (3, from l in EdgeDoubles.Signed(1e-6, 1e6)
            from a in EdgeDoubles.NonNegative(1e-6, 1e6)
            from lip in EdgeDoubles.Positive(1e-6, 1e6)
            select new EigenspaceInput(l, a, lip)),
        (2, from l in EdgeDoubles.Signed(1e-3, 1e3)
            from ratio in EdgeDoubles.Positive(1e-12, 1e12)
            from lip in EdgeDoubles.Positive(1e-3, 1e3)
            select new EigenspaceInput(l, l == 0 ? ratio : ratio * l * l / lip, lip)));

    /// <summary>The boundary cases every ELMO claim is tried on: λ = 0, |g| = 0, both signs, extreme scales.</summary>
    public static IEnumerable<EigenspaceInput> EdgeCases()
    {
        double[] lambdas = [0, 1, -1, 1e-150, -1e-150, 1e150, -1e150, 3];
        double[] grads = [0, 1, 1e-150, 1e150];
        double[] lips = [1, 1e-150, 1e150];
        foreach (var l in lambdas)
            foreach (var a in grads)
                foreach (var lip in lips)
                    yield return new EigenspaceInput(l, a, lip);
    }

    /// <summary>
    /// The search domain of the per-eigenspace statements: <see cref="Generator"/>, <see cref="EdgeCases"/>, climbing by
    /// <see cref="Perturb"/>, shrinking each of λ, |g|, L toward small integers and dyadics (keeping |g| ≥ 0, L &gt; 0).
    /// </summary>
    public static Domain<EigenspaceInput> Domain { get; } = DomainOver(Generator, EdgeCases);

    /// <summary>
    /// A per-eigenspace domain that draws from <paramref name="generator"/> and starts from <paramref name="edges"/>, with
    /// <see cref="Domain"/>'s moves, shrinks and description (for statements whose hypotheses need other inputs).
    /// </summary>
    public static Domain<EigenspaceInput> DomainOver(Gen<EigenspaceInput> generator, Func<IEnumerable<EigenspaceInput>> edges)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(edges);
        return new()
        {
            Generator = generator,
            Edges = edges,
            Perturb = (e, r) => e.Perturb(r),
            Shrink = e => Shrinks.Coordinates(e, x => [x.Lambda, x.GradMagnitude, x.Lipschitz], (_, v) => Valid(v[0], v[1], v[2])),
            Describe = e => e.Describe(),
        };
    }

    /// <summary>The input (λ, |g|, L), or an <see cref="ArgumentException"/> when |g| &lt; 0 or L ≤ 0 (a shrink candidate off the domain).</summary>
    public static EigenspaceInput Valid(double lambda, double gradMagnitude, double lipschitz) =>
        gradMagnitude >= 0 && lipschitz > 0 && double.IsFinite(lambda) && double.IsFinite(gradMagnitude) && double.IsFinite(lipschitz)
            ? new EigenspaceInput(lambda, gradMagnitude, lipschitz)
            : throw new ArgumentException($"need λ finite, |g| ≥ 0 and L > 0 finite, got ({lambda}, {gradMagnitude}, {lipschitz}).", nameof(gradMagnitude));

    /// <summary>
    /// λ, |g| = −g and L as inputs of a statement in arithmetic T (each read with T.Input), with the domain's own
    /// hypotheses |g| ≥ 0 and L &gt; 0 as <see cref="Assume"/>: an exact box around |g| = 0 reaches negative |g|, which is
    /// outside the domain, so such a box is not reported as an open set of counterexamples.
    /// </summary>
    public (T Lambda, T GradMagnitude, T Lipschitz) Read<T>() where T : IReal<T> =>
        (T.Input(Lambda), Assume.NonNegative(T.Input(GradMagnitude), "|g| ≥ 0"), Assume.Positive(T.Input(Lipschitz), "L > 0"));

    /// <summary>Moves one coordinate a little, for margin climbing.</summary>
    public EigenspaceInput Perturb(System.Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(3) switch
        {
            0 => this with { Lambda = EdgeDoubles.Perturb(Lambda, random, 0, 1e300) },
            1 => this with { GradMagnitude = Math.Abs(EdgeDoubles.Perturb(GradMagnitude, random, 0, 1e300)) },
            _ => this with { Lipschitz = Math.Max(1e-300, Math.Abs(EdgeDoubles.Perturb(Lipschitz, random, 1e-300, 1e300))) },
        };
    }
}
