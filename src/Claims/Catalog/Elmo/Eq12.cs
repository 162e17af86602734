using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;
using ElmoMath = Verification.Math.Elmo;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// A quasi-Newton step in the Hessian's eigenbasis (H = diag(λ), v_i = e_i exactly; the general case is a rotation of
/// this one): gradient ∇f, preconditioner Φ = BBᵀ ⪰ 0, step size α, eigenspace index i with λ_i &gt; 0, ∇f_i &lt; 0 (eq. 1), L.
/// </summary>
internal sealed record PreconditionedStep(double[] Lambdas, double[] Gradient, double[] B, double Alpha, double Lipschitz, int Index)
{
    internal int N => Lambdas.Length;

    internal double Phi(int r, int c) => Enumerable.Range(0, N).Sum(k => B[r * N + k] * B[c * N + k]);

    internal RationalInterval ExactPhi(int r, int c)
    {
        var s = RationalInterval.Zero;
        for (int k = 0; k < N; k++)
            s += RationalInterval.Exact(B[r * N + k]) * RationalInterval.Exact(B[c * N + k]);
        return s;
    }

    internal IReadOnlyList<NamedValue> Describe() =>
    [
        NamedValue.Of("lambda", Lambdas), NamedValue.Of("gradient", Gradient), NamedValue.Of("B (Φ = BBᵀ, row-major)", B),
        NamedValue.Of("alpha", Alpha), NamedValue.Of("lipschitz", Lipschitz), NamedValue.Text("i", Index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}

/// <summary>
/// elmo-amos eq. (12), App. D: for λ_i &gt; 0, |ΔΔ'| = |1 − (∇fᵀ/∇fᵀv_i)(αΦH)v_i·(√(1 + 2L|g|/λ²) + 1)/2|, and when
/// L ≈ 0 it is ≈ |r_tᵀv_i| with r_t = (I − HΦ)∇f/(∇fᵀv_i).
/// </summary>
internal static class Eq12
{
    /// <summary>y = L|g_i|/λ_i² at which "L ≈ 0" is evaluated.</summary>
    private const double SmallY = 1e-12;

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim("elmo/eq-12", ElmoSources.Of("eq. (12)", "(12)", "D"),
            "When λ_i > 0, |ΔΔ'^iθ_t| = |1 − (∇fᵀ/∇fᵀv_i)·(α_tΦ_tH)·v_i·(√(1 + 2L|∇fᵀv_i|/λ_i²) + 1)/2|; when L ≈ 0 this simplifies to |r_tᵀv_i| with r_t = (I − HΦ_t)∇f/(∇fᵀv_i).",
            "The identity for every L > 0; the approximation read with the step's whole preconditioner α_tΦ_t inside r_t (the metric η_t it generalizes is defined for the step's preconditioner), evaluated at L|g|/λ² = 1e-12.",
            [Identity(), Approximation(withAlpha: true)]);
        yield return new Claim("elmo/eq-12/literal-r", ElmoSources.Of("eq. (12)", "(12)", "D"),
            "When L ≈ 0, |ΔΔ'^iθ_t| ≈ |r_tᵀv_i| with r_t = (I − H·Φ_t)·∇f/(∇fᵀv_i) exactly as displayed (Φ_t without α_t).",
            "r_t as displayed omits α_t, while eq. (12) contains α_tΦ_t: the two agree only for α_t = 1, so this reading differs from the as-written one whenever the step size is not 1.",
            [Approximation(withAlpha: false)]);
    }

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
        l[s.Index] = System.Math.Abs(l[s.Index]) is var a && a > 0 ? a : 1;
        g[s.Index] = -(System.Math.Abs(g[s.Index]) is var b && b > 0 ? b : 1);
        return s with { Lambdas = l, Gradient = g };
    }

    private static IEnumerable<PreconditionedStep> Edges() =>
    [
        new([1], [-1], [1], 1, 1, 0),
        new([2, -1], [-1, 0.5], [1, 0, 0, 1], 0.5, 1, 0),
        new([1, 3], [-2, 1], [1, 0.5, 0, 1], 2, 0.1, 0),
    ];

    private static PreconditionedStep Move(PreconditionedStep s, System.Random r) => r.Next(3) switch
    {
        0 => s with { Alpha = System.Math.Clamp(System.Math.Abs(EdgeDoubles.Perturb(s.Alpha, r, 1e-3, 10)), 1e-3, 10) },
        1 => s with { Lipschitz = System.Math.Clamp(System.Math.Abs(EdgeDoubles.Perturb(s.Lipschitz, r, 1e-3, 1e3)), 1e-3, 1e3) },
        _ => Normalize(s with { B = s.B.Select(x => EdgeDoubles.Perturb(x, r, 0, 1e2)).ToArray() }),
    };

    /// <summary>(Φ∇f)_i.</summary>
    private static double PhiGradient(PreconditionedStep s) => Enumerable.Range(0, s.N).Sum(k => s.Phi(s.Index, k) * s.Gradient[k]);

    private static RationalInterval ExactPhiGradient(PreconditionedStep s)
    {
        var sum = RationalInterval.Zero;
        for (int k = 0; k < s.N; k++)
            sum += s.ExactPhi(s.Index, k) * RationalInterval.Exact(s.Gradient[k]);
        return sum;
    }

    /// <summary>|ΔΔ'| from Notation 7–8: ((Δθ)_i − x*)/x* with Δθ = −αΦ∇f.</summary>
    private static double RelativeDistance(PreconditionedStep s, double lipschitz)
    {
        double x = ElmoMath.Step(s.Lambdas[s.Index], -s.Gradient[s.Index], lipschitz);
        return System.Math.Abs((-s.Alpha * PhiGradient(s) - x) / x);
    }

    private static RationalInterval ExactRelativeDistance(PreconditionedStep s, double lipschitz, int bits)
    {
        var x = ExactElmo.Step(s.Lambdas[s.Index], -s.Gradient[s.Index], lipschitz, bits);
        return ((-RationalInterval.Exact(s.Alpha) * ExactPhiGradient(s) - x) / x).Abs();
    }

    /// <summary>The right side of eq. (12): ∇fᵀ(αΦH)e_i = α·λ_i·(Φ∇f)_i (Φ symmetric, He_i = λ_ie_i).</summary>
    private static double Eq12Rhs(PreconditionedStep s, double lipschitz)
    {
        double l = s.Lambdas[s.Index], g = s.Gradient[s.Index];
        double root = System.Math.Sqrt(1 + 2 * lipschitz * System.Math.Abs(g) / (l * l));
        return System.Math.Abs(1 - s.Alpha * l * PhiGradient(s) / g * (root + 1) / 2);
    }

    private static RationalInterval ExactEq12Rhs(PreconditionedStep s, double lipschitz, int bits)
    {
        var l = RationalInterval.Exact(s.Lambdas[s.Index]);
        var g = RationalInterval.Exact(s.Gradient[s.Index]);
        var root = (RationalInterval.Exact(1.0) + RationalInterval.Exact(2.0) * RationalInterval.Exact(lipschitz) * g.Abs() / (l * l)).Sqrt(bits);
        return (RationalInterval.Exact(1.0) - RationalInterval.Exact(s.Alpha) * l * ExactPhiGradient(s) / g * (root + RationalInterval.Exact(1.0)) / RationalInterval.Exact(2.0)).Abs();
    }

    private static string? Hypotheses(PreconditionedStep s) =>
        double.IsFinite(RelativeDistance(s, s.Lipschitz)) && double.IsFinite(Eq12Rhs(s, s.Lipschitz)) ? null : "a side overflows double precision";

    private static Inequality<PreconditionedStep> Identity() => new()
    {
        Name = "identity",
        Description = "For n = 1..3, H = diag(λ), λ_i > 0, ∇f_i < 0, Φ = BBᵀ, α > 0, L > 0: |ΔΔ'| equals the right side of eq. (12).",
        Tolerance = "Relative 1e-10 of the larger side in double precision (both sides a few roundings from exact, but 1 − q may cancel); exact rational intervals decide.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-10,
        Generator = Steps,
        Edges = Edges,
        Move = Move,
        Hypotheses = Hypotheses,
        Sides = s =>
        {
            double lhs = RelativeDistance(s, s.Lipschitz), rhs = Eq12Rhs(s, s.Lipschitz);
            return new Sides(lhs, rhs, System.Math.Max(1, System.Math.Max(lhs, rhs)));
        },
        ExactSides = (s, bits) => new ExactSides(ExactRelativeDistance(s, s.Lipschitz, bits), ExactEq12Rhs(s, s.Lipschitz, bits)),
        Show = s => s.Describe(),
    };

    private static double SmallL(PreconditionedStep s) =>
        SmallY * s.Lambdas[s.Index] * s.Lambdas[s.Index] / System.Math.Abs(s.Gradient[s.Index]);

    /// <summary>|r_tᵀv_i| = |1 − λ_i·c·(Φ∇f)_i/∇f_i| with c = α (the step's preconditioner) or 1 (Φ as displayed).</summary>
    private static double Residual(PreconditionedStep s, bool withAlpha) =>
        System.Math.Abs(1 - (withAlpha ? s.Alpha : 1) * s.Lambdas[s.Index] * PhiGradient(s) / s.Gradient[s.Index]);

    private static Inequality<PreconditionedStep> Approximation(bool withAlpha) => new()
    {
        Name = withAlpha ? "small-L-approximation" : "small-L-approximation-literal",
        Description = $"At L = 1e-12·λ_i²/|∇f_i|: ||ΔΔ'| − |r_tᵀv_i|| ≤ 1e-9·(1 + |r_tᵀv_i|), r_t = (I − H{(withAlpha ? "αΦ" : "Φ")})∇f/∇f_i.",
        Tolerance = "Absolute-plus-relative 1e-9: the exact gap at y = 1e-12 is ≤ (y/2)·|q| ≈ 5e-13·|q|, three orders below; exact rational intervals decide.",
        Generator = withAlpha ? Steps : Steps.Select(s => s with { Alpha = s.Alpha == 1 ? 2 : s.Alpha }),
        Edges = Edges,
        Move = Move,
        Hypotheses = s => SmallL(s) > 0 && double.IsFinite(SmallL(s)) && double.IsFinite(RelativeDistance(s, SmallL(s))) ? null : "the small L leaves double range",
        Sides = s =>
        {
            double r = Residual(s, withAlpha);
            return new Sides(System.Math.Abs(RelativeDistance(s, SmallL(s)) - r), 1e-9 * (1 + r), 1 + r);
        },
        ExactSides = (s, bits) =>
        {
            var q = (withAlpha ? RationalInterval.Exact(s.Alpha) : RationalInterval.Exact(1.0)) * RationalInterval.Exact(s.Lambdas[s.Index]) * ExactPhiGradient(s) / RationalInterval.Exact(s.Gradient[s.Index]);
            var r = (RationalInterval.Exact(1.0) - q).Abs();
            var gap = (ExactRelativeDistance(s, SmallL(s), bits) - r).Abs();
            return new ExactSides(gap, RationalInterval.Exact(1e-9) * (RationalInterval.Exact(1.0) + r));
        },
        Show = s => [.. s.Describe(), NamedValue.Of("L (small)", SmallL(s))],
        Why = withAlpha ? null : s => $"At L → 0, |ΔΔ'| → |1 − α·λ_i(Φ∇f)_i/∇f_i| while the displayed r_t gives |1 − λ_i(Φ∇f)_i/∇f_i|: they differ unless α = 1 (here α = {s.Alpha.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}).",
    };
}
