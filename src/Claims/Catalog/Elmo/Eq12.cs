using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elmo;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos eq. (12), App. D: for λ_i &gt; 0, |ΔΔ'| = |1 − (∇fᵀ/∇fᵀv_i)(αΦH)v_i·(√(1 + 2L|g|/λ²) + 1)/2|, and when
/// L ≈ 0 it is ≈ |r_tᵀv_i| with r_t = (I − HΦ)∇f/(∇fᵀv_i).
/// </summary>
internal static class Eq12
{
    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim("elmo/eq-12", ElmoSources.Of("eq. (12)", "(12)", "D"),
            "When λ_i > 0, |ΔΔ'^iθ_t| = |1 − (∇fᵀ/∇fᵀv_i)·(α_tΦ_tH)·v_i·(√(1 + 2L|∇fᵀv_i|/λ_i²) + 1)/2|; when L ≈ 0 this simplifies to |r_tᵀv_i| with r_t = (I − HΦ_t)∇f/(∇fᵀv_i).",
            "The identity for every L > 0; the approximation read with the step's whole preconditioner α_tΦ_t inside r_t (the metric η_t it generalizes is defined for the step's preconditioner), evaluated at L|g|/λ² = 1e-12.",
            [new Identity(), new SmallLApproximation(withAlpha: true)]);
        yield return new Claim("elmo/eq-12/literal-r", ElmoSources.Of("eq. (12)", "(12)", "D"),
            "When L ≈ 0, |ΔΔ'^iθ_t| ≈ |r_tᵀv_i| with r_t = (I − H·Φ_t)·∇f/(∇fᵀv_i) exactly as displayed (Φ_t without α_t).",
            "r_t as displayed omits α_t, while eq. (12) contains α_tΦ_t: the two agree only for α_t = 1, so this reading differs from the as-written one whenever the step size is not 1.",
            [new SmallLApproximation(withAlpha: false)]);
    }

    /// <summary>
    /// The step's hypotheses (λ_i &gt; 0, ∇f_i &lt; 0 by eq. 1, α &gt; 0, L &gt; 0) and |ΔΔ'| = |((Δθ)_i − x*)/x*| of Notation 7–8
    /// with Δθ = −αΦ∇f, at the given L.
    /// </summary>
    private static T RelativeDistance<T>(PreconditionedStep.Read<T> s, T lipschitz) where T : IReal<T>
    {
        Assume.Positive(s.Lambda, "λ_i > 0");
        Assume.That(T.Sign(s.G) < 0, "∇fᵀv_i < 0 (eq. 1, and ≠ 0 so that x* > 0)");
        Assume.Positive(s.Alpha, "α > 0");
        var x = ElmoEigenspaceFormulas.Step(s.Lambda, -s.G, lipschitz);
        return T.Abs((-s.Alpha * s.PhiGradient() - x) / x);
    }

    /// <summary>|ΔΔ'| equals the right side of eq. (12) for every L &gt; 0.</summary>
    private sealed class Identity : Statement<PreconditionedStep>
    {
        [SetsRequiredMembers]
        public Identity()
        {
            Name = "identity";
            Description = "For n = 1..3, H = diag(λ), λ_i > 0, ∇f_i < 0, Φ = BBᵀ, α > 0, L > 0: |ΔΔ'| equals the right side of eq. (12).";
            Tolerance = "Double-only rounding allowance 2^-44 ≈ 5.7e-14 of the scale: (Φ∇f)_i sums n² products and each side adds about ten roundings (≤ 30ε of the scale), and an identity between square roots is only confirmed at 2048 bits, so rounding noise would otherwise flood exact evaluation. Exact rational intervals decide every violation beyond it.";
            MarginUnit = "relative to 1 + α·λ_i·Σ_k Σ_j |B_ij||B_kj||∇f_k|/|∇f_i|·(√(1 + 2L|g|/λ²) + 1)/2 (the size of the terms of 1 − q on either side)";
            Domain = StepDomain(Steps);
        }

        public override Relation<T> Evaluate<T>(PreconditionedStep input)
        {
            var s = input.ReadAs<T>();
            var l = Assume.Positive(s.Lipschitz, "L > 0");
            var lhs = RelativeDistance(s, l);
            var a = -s.G;
            var half = (T.Sqrt(1 + 2 * l * a / (s.Lambda * s.Lambda)) + 1) / 2;
            var rhs = T.Abs(1 - s.Alpha * s.Lambda * s.PhiGradient() / s.G * half);
            var scale = 1 + s.Alpha * s.Lambda * s.PhiGradientTerms() / a * half;
            return Relation.Equal(lhs, rhs, scale, Math.ScaleB(1, -44));
        }
    }

    /// <summary>At L = 1e-12·λ_i²/|∇f_i|: ||ΔΔ'| − |r_tᵀv_i|| ≤ 1e-9·(1 + |r_tᵀv_i|).</summary>
    private sealed class SmallLApproximation : Statement<PreconditionedStep>
    {
        private readonly bool _withAlpha;

        [SetsRequiredMembers]
        public SmallLApproximation(bool withAlpha)
        {
            _withAlpha = withAlpha;
            Name = withAlpha ? "small-L-approximation" : "small-L-approximation-literal";
            Description = $"At L = 1e-12·λ_i²/|∇f_i| (the input's L is not used): ||ΔΔ'| − |r_tᵀv_i|| ≤ 1e-9·(1 + |r_tᵀv_i|), r_t = (I − H{(withAlpha ? "αΦ" : "Φ")})∇f/∇f_i.";
            Tolerance = "\"≈\" read as absolute-plus-relative 1e-9: the exact gap at y = L|g|/λ² = 1e-12 is ≤ (y/2)·|q| ≈ 5e-13·|q|, three orders below. No double-only allowance; exact rational intervals decide.";
            MarginUnit = "relative to 1 + |r_tᵀv_i|";
            Domain = StepDomain(withAlpha ? Steps : Steps.Select(s => s with { Alpha = s.Alpha == 1 ? 2 : s.Alpha }));
        }

        public override Relation<T> Evaluate<T>(PreconditionedStep input)
        {
            var s = input.ReadAs<T>();
            var a = -s.G;
            Assume.Positive(a, "∇fᵀv_i < 0 (eq. 1)");
            var smallL = T.Ratio(1, 1_000_000_000_000) * s.Lambda * s.Lambda / a;
            var distance = RelativeDistance(s, smallL);
            var r = T.Abs(1 - (_withAlpha ? s.Alpha : T.Of(1)) * s.Lambda * s.PhiGradient() / s.G);
            return Relation.LessOrEqual(T.Abs(distance - r), T.Ratio(1, 1_000_000_000) * (1 + r), 1 + r);
        }

        public override string Explain(PreconditionedStep input) => _withAlpha
            ? "|ΔΔ'| at small L differs from |r_tᵀv_i|."
            : $"At L → 0, |ΔΔ'| → |1 − α·λ_i(Φ∇f)_i/∇f_i| while the displayed r_t gives |1 − λ_i(Φ∇f)_i/∇f_i|: they differ unless α = 1 (here α = {input.Alpha.ToString("R", CultureInfo.InvariantCulture)}).";
    }

    /// <summary>n = 1..3, λ and ∇f in ±[1e-3, 1e3], B in ±[1e-2, 1e2], α ∈ [1e-3, 10], L ∈ [1e-3, 1e3], then λ_i &gt; 0, ∇f_i &lt; 0.</summary>
    private static Gen<PreconditionedStep> Steps { get; } =
        from n in Gen.Choose(1, 3)
        from lambdas in EdgeDoubles.Signed(1e-3, 1e3).ArrayOf(n)
        from grad in EdgeDoubles.Signed(1e-3, 1e3).ArrayOf(n)
        from b in EdgeDoubles.Signed(1e-2, 1e2).ArrayOf(n * n)
        from alpha in EdgeDoubles.Positive(1e-3, 1e1)
        from l in EdgeDoubles.Positive(1e-3, 1e3)
        from i in Gen.Choose(0, n - 1)
        select Normalize(new PreconditionedStep(lambdas, grad, b, alpha, l, i));

    /// <summary>Makes λ_i &gt; 0 and ∇f_i &lt; 0 (eq. 1's orientation of v_i = e_i).</summary>
    private static PreconditionedStep Normalize(PreconditionedStep s)
    {
        var l = (double[])s.Lambdas.Clone();
        var g = (double[])s.Gradient.Clone();
        l[s.Index] = Math.Abs(l[s.Index]) is var a && a > 0 ? a : 1;
        g[s.Index] = -(Math.Abs(g[s.Index]) is var b && b > 0 ? b : 1);
        return s with { Lambdas = l, Gradient = g };
    }

    private static Domain<PreconditionedStep> StepDomain(Gen<PreconditionedStep> generator) => new()
    {
        Generator = generator,
        Edges = () =>
        [
            new([1], [-1], [1], 1, 1, 0),
            new([2, -1], [-1, 0.5], [1, 0, 0, 1], 0.5, 1, 0),
            new([1, 3], [-2, 1], [1, 0.5, 0, 1], 2, 0.1, 0),
        ],
        Perturb = (s, r) => r.Next(3) switch
        {
            0 => s with { Alpha = Math.Clamp(EdgeDoubles.Perturb(s.Alpha, r, 1e-3, 10), 1e-3, 10) },
            1 => s with { Lipschitz = Math.Clamp(EdgeDoubles.Perturb(s.Lipschitz, r, 1e-3, 1e3), 1e-3, 1e3) },
            _ => Normalize(s with { B = s.B.Select(x => EdgeDoubles.Perturb(x, r, 0, 1e2)).ToArray() }),
        },
        Shrink = s => Shrinks.Coordinates(s, q => q.Coordinates(), (q, v) => q.With(v)),
        Describe = s => s.Describe(),
    };
}
