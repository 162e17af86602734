using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>μ ≤ L, c_v, M_v &gt; 0 and e₀ &gt; 0: the constants of Theorem 5.1's proof, (B.17)–(B.20).</summary>
internal sealed record SvagConstantsInput(double Mu, double L, double Cv, double Mv, double E0)
{
    /// <summary>c = c₁/(2L(c₂e₀ + c₃)) with c₁ = 4μ², c₂ = 2(1 + c_v)L²/μ, c₃ = M_v (eqs. B.17, B.20), and e₀, in arithmetic T.</summary>
    internal (T C, T E0) Read<T>() where T : IReal<T>
    {
        T mu = T.Input(Mu), l = T.Input(L), cv = T.Input(Cv), mv = T.Input(Mv), e0 = T.Input(E0);
        Assume.That(T.Sign(mu) > 0 && l >= mu && T.Sign(cv) > 0 && T.Sign(mv) > 0 && T.Sign(e0) > 0, "outside 0 < μ ≤ L, c_v, M_v, e₀ > 0");
        var c1 = 4 * mu * mu;
        var c2 = 2 * (1 + cv) * l * l / mu;
        return (c1 / (2 * l * (c2 * e0 + mv)), e0);
    }

    internal IReadOnlyList<NamedValue> Describe() =>
        [NamedValue.Of("mu", Mu), NamedValue.Of("L", L), NamedValue.Of("c_v", Cv), NamedValue.Of("M_v", Mv), NamedValue.Of("e0", E0)];

    internal static Gen<SvagConstantsInput> Generator { get; } =
        from mu in EdgeDoubles.Positive(1e-3, 1e3)
        from ratio in EdgeDoubles.Positive(1, 1e3)
        from cv in EdgeDoubles.Positive(1e-3, 1e3)
        from mv in EdgeDoubles.Positive(1e-3, 1e3)
        from e0 in EdgeDoubles.Positive(1e-3, 1e3)
        select new SvagConstantsInput(mu, Math.Max(mu, mu * ratio), cv, mv, e0);

    /// <summary>The search domain: climbing drives c_v and M_v toward 0 (where c·e₀ approaches its bound μ³/((1 + c_v)L³)).</summary>
    internal static Domain<SvagConstantsInput> Domain(Func<IEnumerable<SvagConstantsInput>> edges) => new()
    {
        Generator = Generator,
        Edges = edges,
        Perturb = (c, r) => c with { Cv = EdgeDoubles.Perturb(c.Cv, r, 1e-300), Mv = EdgeDoubles.Perturb(c.Mv, r, 1e-300) },
        Shrink = c => Shrinks.Coordinates(c, x => [x.Mu, x.L, x.Cv, x.Mv, x.E0], (_, v) => new SvagConstantsInput(v[0], v[1], v[2], v[3], v[4])),
        Describe = c => c.Describe(),
    };
}
