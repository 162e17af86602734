using System.Diagnostics.CodeAnalysis;
using FsCheck;
using Fractions;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elmo;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos App. F.1: the eight-line chain rewriting Cauchy's step −2/(1 + √(1 − 2Lg/λ²))·g/λ into
/// (sgn(λ)·√(λ² − 2Lg) − λ)/L, and "the difference between our step and theirs is the sign on the square root".
/// </summary>
internal static class AppF1
{
    internal static Claim Claim() => new(
        "elmo/app-F.1",
        ElmoSources.Of("App. F.1", null, "F.1"),
        "Cauchy's step −2/(1 + √(1 − 2L∇fᵀv/λ²))·∇fᵀv/λ equals, line by line, (sgn(λ)·√(λ² − 2L∇fᵀv) − λ)/L; the difference from ELMO's step is the sign on the square root.",
        "Each of the seven equalities of the chain separately, over λ ≠ 0 (Cauchy's step divides by λ), g ≤ 0 (eq. 1), L > 0; and the sign sentence as an identity between the two closed forms.",
        [.. Enumerable.Range(2, 7).Select(k => (IFormalization)new ChainStep(k)), new SignOnTheRoot()]);

    private const string Tolerance =
        "Double-only rounding allowance 2^-40 ≈ 9.1e-13 of the scale: each line is a dozen roundings from exact relative to the size of its terms, and an identity between square roots is only confirmed at 2048 bits, so rounding noise would otherwise flood exact evaluation. Exact rational intervals decide every violation beyond it.";

    /// <summary>λ, g = −|g| and L with the statement's hypotheses λ ≠ 0, g ≤ 0, L &gt; 0.</summary>
    private static (T Lambda, T G, T Lipschitz) Read<T>(EigenspaceInput input) where T : IReal<T>
    {
        var (lambda, a, l) = input.Read<T>();
        Assume.NonZero(lambda, "λ = 0: Cauchy's step divides by λ");
        return (lambda, -a, l);
    }

    /// <summary>
    /// Line k of the chain (1-based), exactly as the paper writes it, with sgn(λ) written as |λ|/λ as the paper does, and
    /// the size of the terms it sums (the margin scale): lines 5–8 subtract terms of size up to (√(λ² − 2Lg) + |λ|)/L.
    /// </summary>
    private static (T Value, T Terms) Line<T>(int k, T l, T g, T lip) where T : IReal<T>
    {
        var sgn = T.Abs(l) / l;
        var absL = T.Abs(l);
        var root = T.Sqrt(l * l - 2 * lip * g);                  // √(λ² − 2Lg)
        var denominator = l + sgn * root;                          // same sign as λ: no cancellation
        var subtracted = (root + absL) / lip;                      // the size of the terms of lines 6–8
        return k switch
        {
            1 => Self(-(2 / (1 + T.Sqrt(1 - 2 * lip * g / (l * l)))) * (g / l)),
            2 => Self(-(2 / (1 + 1 / absL * root)) * (g / l)),
            3 => Self(-(2 * g) / denominator),
            4 => Self(1 / lip * (-(2 * lip * g) / denominator)),
            5 => (1 / lip * ((l * l - 2 * lip * g - l * l) / denominator), (2 * l * l - 2 * lip * g) / (lip * T.Abs(denominator))),
            6 => ((root - T.Sqrt(l * l)) / lip * (absL / l), subtracted),
            7 => ((root - absL / l * l) / lip * (absL / l), subtracted),
            _ => ((absL / l * root - l) / lip, subtracted),
        };

        static (T, T) Self(T value) => (value, T.Abs(value));
    }

    /// <summary>Line k equals line k − 1.</summary>
    private sealed class ChainStep : Statement<EigenspaceInput>
    {
        private readonly int _k;

        [SetsRequiredMembers]
        public ChainStep(int k)
        {
            _k = k;
            Name = $"line-{k}-equals-line-{k - 1}";
            Description = $"For all λ ≠ 0, g ≤ 0, L > 0: line {k} of the chain equals line {k - 1}.";
            Tolerance = AppF1.Tolerance;
            MarginUnit = "relative to the larger of the two lines' term sizes (|line| where it sums terms of one sign; (√(λ² − 2Lg) + |λ|)/L or (2λ² − 2Lg)/(L|λ + sgn(λ)√(λ² − 2Lg)|) where it subtracts)";
            Domain = ChainDomain;
            Proofs = ChainProofs(RootsOf(k, gradientZero: false), RootsOf(k, gradientZero: true));
        }

        /// <summary>
        /// The √ calls of line k then line k − 1 (each line takes S = √(λ² − 2Lg) first; line 1 then √(1 − 2Lg/λ²), line 6
        /// then √(λ²)), declared where they are not S itself: for |g| &gt; 0, √(1 − 2Lg/λ²) = |1/λ|·S and √(λ²) = |λ|; on
        /// the slice g = 0 every radicand is a square, λ² (S = |λ|) or 1.
        /// </summary>
        private static IReadOnlyList<RootFactor?> RootsOf(int k, bool gradientZero)
        {
            var calls = new List<RootFactor?>();
            foreach (int line in new[] { k, k - 1 })
            {
                calls.Add(gradientZero ? AbsLambda : null);
                if (line == 1)
                    calls.Add(gradientZero ? One : new RootFactor(0, -1, TimesRoot: true));
                else if (line == 6)
                    calls.Add(AbsLambda);
            }
            return calls;
        }

        public override Relation<T> Evaluate<T>(EigenspaceInput input)
        {
            var (lambda, g, l) = Read<T>(input);
            var (current, currentTerms) = Line(_k, lambda, g, l);
            var (previous, previousTerms) = Line(_k - 1, lambda, g, l);
            return Relation.Equal(current, previous, Shared.Margins.OrOne(T.Max(currentTerms, previousTerms)), Math.ScaleB(1, -40));
        }

        public override string Explain(EigenspaceInput input) => $"Line {_k} of App. F.1 does not equal line {_k - 1}.";
    }

    /// <summary>Cauchy's step equals ELMO's with the root's sign set by sgn(λ): (sgn(λ)·S − λ)/L against (S − λ)/L.</summary>
    private sealed class SignOnTheRoot : Statement<EigenspaceInput>
    {
        [SetsRequiredMembers]
        public SignOnTheRoot()
        {
            Name = "differs-by-root-sign";
            Description = "For all λ ≠ 0, g ≤ 0, L > 0: Cauchy's step equals (σ·√(λ² + 2L|g|) − λ)/L with σ = sgn(λ), while ELMO's x* is the same with σ = +1; so they coincide for λ > 0 and differ only in that sign for λ < 0.";
            Tolerance = AppF1.Tolerance;
            MarginUnit = "relative to |Cauchy's step| + (S + |λ|)/L, S = L·x* + λ (the size of the terms of the flipped form)";
            Domain = ChainDomain;
        }

        public override Relation<T> Evaluate<T>(EigenspaceInput input)
        {
            var (lambda, g, l) = Read<T>(input);
            var (cauchy, _) = Line(1, lambda, g, l);
            var x = ElmoEigenspaceFormulas.Step(lambda, -g, l);
            // ELMO's x* = (S − λ)/L: S = L·x* + λ, and the root's sign flipped gives (−S − λ)/L.
            var root = l * x + lambda;
            var flipped = T.Sign(lambda) > 0 ? x : (-root - lambda) / l;
            return Relation.Equal(cauchy, flipped, Shared.Margins.OrOne(T.Abs(cauchy) + (T.Abs(root) + T.Abs(lambda)) / l), Math.ScaleB(1, -40));
        }

        public override string Explain(EigenspaceInput input) => "Cauchy's step is not ELMO's step with the root's sign set by sgn(λ).";
    }

    private static readonly RootFactor AbsLambda = new(0, 1);
    private static readonly RootFactor One = new(0, 0);

    /// <summary>
    /// Exact identity proofs (issue "Theorem checking") on four pieces that cover the stated domain λ ≠ 0, g ≤ 0, L &gt; 0:
    /// λ &gt; 0 or λ &lt; 0, times |g| &gt; 0 or the slice |g| = 0, with L &gt; 0. Each grid box [1, 2]³ (|g| = 0 on the
    /// slice) extends to its region where the code's branches (sgn(λ), |·|, the margins' max and sign) and divisors (λ,
    /// L, 1 + √(1 − 2Lg/λ²), λ + sgn(λ)·S) are decided the box's way. The slice is separate because the margins' scale is
    /// exactly 0 there (the lines vanish with g), a branch the region |g| ≥ 0 would not decide.
    /// </summary>
    private static IReadOnlyList<ProofDomain<EigenspaceInput>> ChainProofs(IReadOnlyList<RootFactor?> roots, IReadOnlyList<RootFactor?> rootsAtZeroGradient)
    {
        var negative = RegionInterval.Of(null, true, Fraction.Zero, true);
        return
        [
            Piece(1, 2, RegionInterval.Positive, 1, 2, RegionInterval.Positive, roots),
            Piece(-2, -1, negative, 1, 2, RegionInterval.Positive, roots),
            Piece(1, 2, RegionInterval.Positive, 0, 0, RegionInterval.Point(Fraction.Zero), rootsAtZeroGradient),
            Piece(-2, -1, negative, 0, 0, RegionInterval.Point(Fraction.Zero), rootsAtZeroGradient),
        ];

        static ProofDomain<EigenspaceInput> Piece(double lambdaLo, double lambdaHi, RegionInterval lambda, double gradLo, double gradHi,
            RegionInterval gradient, IReadOnlyList<RootFactor?> roots) => new()
        {
            Box = [new ProofCoordinate("λ", lambdaLo, lambdaHi), new ProofCoordinate("|g|", gradLo, gradHi), new ProofCoordinate("L", 1, 2)],
            At = v => new EigenspaceInput(v[0], v[1], v[2]),
            CoversStatedDomain = true,
            Identity = new ExactIdentity { Region = [lambda, gradient, RegionInterval.Positive], Roots = roots },
        };
    }

    /// <summary>λ ∈ ±[1e-6, 1e6] (not 0), |g| ∈ {0} ∪ [1e-6, 1e6], L ∈ [1e-6, 1e6]; edges: the eigenspace edges with λ ≠ 0.</summary>
    private static Domain<EigenspaceInput> ChainDomain { get; } = new()
    {
        Generator =
            from l in EdgeDoubles.Signed(1e-6, 1e6).Where(l => l != 0)
            from a in EdgeDoubles.NonNegative(1e-6, 1e6)
            from lip in EdgeDoubles.Positive(1e-6, 1e6)
            select new EigenspaceInput(l, a, lip),
        Edges = () => EigenspaceInput.EdgeCases().Where(e => e.Lambda != 0),
        Perturb = (e, r) => e.Perturb(r),
        Shrink = EigenspaceInput.Domain.Shrink,
        Describe = e => [NamedValue.Of("lambda", e.Lambda), NamedValue.Of("g", e.G), NamedValue.Of("lipschitz", e.Lipschitz)],
    };
}
