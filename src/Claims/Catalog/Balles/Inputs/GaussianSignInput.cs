using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>X ~ N(μ, σ²) (thesis App. B.2.1), or one coordinate of g ~ N(∇f, Σ) with μ = ∇fᵢ, σ = σᵢ (eq. 5.10).</summary>
internal sealed record GaussianSignInput(double Mu, double Sigma)
{
    /// <summary>μ and σ read as inputs in arithmetic T.</summary>
    internal (T Mu, T Sigma) Read<T>() where T : IReal<T> => (T.Input(Mu), T.Input(Sigma));

    internal IReadOnlyList<NamedValue> Describe() => [NamedValue.Of("mu", Mu), NamedValue.Of("sigma", Sigma)];

    /// <summary>μ = 0 and both signs with |μ|/σ from 1e-3 to 10 (beyond, ρ is 1 to double precision), σ ∈ [1e-3, 1e3].</summary>
    internal static Gen<GaussianSignInput> Generator { get; } =
        from sigma in EdgeDoubles.Positive(1e-3, 1e3)
        from ratio in EdgeDoubles.NonNegative(1e-3, 10)
        from sign in Gen.Elements(1.0, -1.0)
        select new GaussianSignInput(sign * ratio * sigma, sigma);

    /// <summary>The search domain: climbing moves μ and σ, shrinking simplifies both (keeping σ &gt; 0).</summary>
    internal static Domain<GaussianSignInput> Domain(Func<IEnumerable<GaussianSignInput>> edges) => new()
    {
        Generator = Generator,
        Edges = edges,
        Perturb = (p, r) => new GaussianSignInput(EdgeDoubles.Perturb(p.Mu, r), EdgeDoubles.Perturb(p.Sigma, r, 1e-300)),
        Shrink = p => Shrinks.Coordinates(p, x => [x.Mu, x.Sigma], (_, v) => v[1] > 0
            ? new GaussianSignInput(v[0], v[1])
            : throw new ArgumentException("σ must be > 0.")),
        Describe = p => p.Describe(),
    };
}
