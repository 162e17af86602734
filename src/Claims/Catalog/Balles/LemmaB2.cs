using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Balles;

/// <summary>Thesis Lemma B.2 (eq. B.9): (2L²/μ)(f(θ) − f*) ≥ ‖∇f(θ)‖² ≥ 2μ(f(θ) − f*).</summary>
internal static class LemmaB2
{
    internal static Claim Claim() => new(
        "balles/lemma-B.2",
        VarianceSources.Of("Lemma B.2", "(B.9)", "B.2.3"),
        "Let f be μ-strongly convex and L-smooth with minimizer θ* and f* = f(θ*). Then for any θ: (2L²/μ)(f(θ) − f*) ≥ ‖∇f(θ)‖² ≥ 2μ(f(θ) − f*).",
        "Both inequalities for every θ, on separable strongly convex functions (quadratics and non-quadratic ones with f'' varying between μ and L), with μ and L any valid constants (0 < μ ≤ inf f'', L ≥ sup f''; hypotheses re-checked exactly).",
        [new Upper(), new Lower()]);

    private static Func<IEnumerable<StronglyConvexPointInput>> Edges => () =>
    [
        new(new([1.0], [0.0], [0.0]), [1.0], 1, 1),
        new(new([1.0, 4.0], [0.0, 0.0], [0.0, 0.0]), [0.0, 1.0], 1, 4),
        new(new([1.0], [3.0], [0.0]), [10.0], 1, 4),
        new(new([2.0], [0.0], [1.0]), [1.0], 2, 2),
    ];

    /// <summary>f(θ) − f* = f(θ) (minimizer c, f* = 0), ‖∇f(θ)‖², μ and L, with the lemma's hypotheses checked in T.</summary>
    private static (T Gap, T GradientNormSquared, T Mu, T L) Read<T>(StronglyConvexPointInput input) where T : IReal<T>
    {
        var f = input.F;
        for (int i = 0; i < f.Dimension; i++)
        {
            Assume.Positive(T.Input(f.A[i]), "aᵢ ≤ 0: not strongly convex with minimizer c");
            Assume.NonNegative(T.Input(f.B[i]), "bᵢ < 0: the minimizer is not c");
        }
        var mu = Assume.Positive(T.Input(input.Mu), "μ ≤ 0");
        var l = T.Input(input.L);
        Assume.That(mu <= f.StrongConvexity<T>(), "μ > inf f'': f is not μ-strongly convex");
        Assume.That(l >= f.Smoothness<T>(), "L < sup f'': f is not L-smooth");
        var theta = input.Theta.Select(T.Input).ToArray();
        var g2 = f.Gradient<T>(theta).Aggregate(T.Of(0), (s, g) => s + g * g);
        return (f.Value<T>(theta), g2, mu, l);
    }

    /// <summary>The sum of the sides, or 1 where both are 0 (θ = θ*).</summary>
    private static T Scale<T>(T a, T b) where T : IReal<T> => T.Sign(a + b) > 0 ? a + b : T.Of(1);

    /// <summary>‖∇f‖² ≤ (2L²/μ)(f − f*).</summary>
    private sealed class Upper : Statement<StronglyConvexPointInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Upper()
        {
            Name = "gradient-upper";
            Description = "For all such f and θ: ‖∇f(θ)‖² ≤ (2L²/μ)(f(θ) − f*).";
            Tolerance = "None: every double-precision violation is decided in exact enclosures (√ at 128–2048 bits).";
            Domain = StronglyConvexPointInput.Domain(Edges);
            MarginUnit = "relative to the sum of both sides";
        }

        public override Relation<T> Evaluate<T>(StronglyConvexPointInput input)
        {
            var (gap, g2, mu, l) = Read<T>(input);
            var rhs = 2 * l * l / mu * gap;
            return Relation.LessOrEqual(g2, rhs, Scale(g2, rhs));
        }

        public override string Explain(StronglyConvexPointInput input) => "‖∇f‖² exceeds (2L²/μ)(f − f*).";
    }

    /// <summary>2μ(f − f*) ≤ ‖∇f‖² (Polyak–Łojasiewicz).</summary>
    private sealed class Lower : Statement<StronglyConvexPointInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Lower()
        {
            Name = "gradient-lower";
            Description = "For all such f and θ: 2μ(f(θ) − f*) ≤ ‖∇f(θ)‖² (the Polyak–Łojasiewicz inequality).";
            Tolerance = "None: every double-precision violation is decided in exact enclosures (√ at 128–2048 bits).";
            Domain = StronglyConvexPointInput.Domain(Edges);
            MarginUnit = "relative to the sum of both sides";
        }

        public override Relation<T> Evaluate<T>(StronglyConvexPointInput input)
        {
            var (gap, g2, mu, _) = Read<T>(input);
            var lhs = 2 * mu * gap;
            return Relation.LessOrEqual(lhs, g2, Scale(lhs, g2));
        }

        public override string Explain(StronglyConvexPointInput input) => "‖∇f‖² is below 2μ(f − f*).";
    }
}
