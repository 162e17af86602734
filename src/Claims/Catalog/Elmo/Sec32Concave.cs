using System.Diagnostics.CodeAnalysis;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elmo;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>elmo-amos §3.2: "ELMO makes use of concavity by taking larger steps in concave subspaces than otherwise".</summary>
internal static class Sec32Concave
{
    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim("elmo/sec-3.2-concave", ElmoSources.Of("§3.2 prose after eq. (7)", "(7)", "3.2"),
            "ELMO takes larger steps in concave subspaces than otherwise (since its step's second term is proportional to −λ_i).",
            "Compared at equal |g| and L (the parenthetical attributes the effect to λ alone): a concave eigenspace (λ₁ < 0) gets a strictly larger step than a non-concave one (λ₂ ≥ 0), and the step is non-increasing in λ.",
            [new Compare(Comparison.ConcaveLarger), new Compare(Comparison.NonIncreasing)]);
        yield return new Claim("elmo/sec-3.2-concave/strictly-decreasing", ElmoSources.Of("§3.2 prose after eq. (7)", "(7)", "3.2"),
            "ELMO's step x*(λ) is strictly decreasing in λ (at equal |g| and L).",
            "\"Decreasing in λ\" (claims.md's gloss) read strictly, for every pair λ₁ < λ₂; it differs from the as-written reading where ∇fᵀv_i = 0 and λ ≥ 0, where the step is 0 for every λ.",
            [new Compare(Comparison.StrictlyDecreasing)]);
    }

    private enum Comparison
    {
        ConcaveLarger,
        NonIncreasing,
        StrictlyDecreasing,
    }

    /// <summary>x*(λ₂) against x*(λ₁) for λ₁ &lt; λ₂ at equal |g|, L.</summary>
    private sealed class Compare : Statement<CurvaturePair>
    {
        private readonly Comparison _kind;

        [SetsRequiredMembers]
        public Compare(Comparison kind)
        {
            _kind = kind;
            (Name, Description) = kind switch
            {
                Comparison.ConcaveLarger => ("concave-larger", "For λ₁ < 0 ≤ λ₂, |g| ≥ 0, L > 0: x*(λ₂) < x*(λ₁)."),
                Comparison.NonIncreasing => ("non-increasing", "For λ₁ < λ₂, |g| ≥ 0, L > 0: x*(λ₂) ≤ x*(λ₁)."),
                _ => ("strictly-decreasing", "For λ₁ < λ₂, |g| ≥ 0, L > 0: x*(λ₂) < x*(λ₁)."),
            };
            Tolerance = "None: every double-precision violation is re-evaluated in exact rational intervals, which decide.";
            MarginUnit = "relative to x*(λ₁) + x*(λ₂)";
            Domain = Pairs;
            // Tight along the whole diagonal λ₁ = λ₂ (non-increasing) or at the corner λ₁ = λ₂ = 0 (concave-larger), where
            // interval boxes cannot close: proved by the mean value theorem in λ with |g| and L as parameters, from the sign
            // of ∂x*/∂λ (forward-mode differentiation of ElmoEigenspaceFormulas.Step, the code Evaluate compares).
            // concave-larger is x*(λ₂) ≤ x*(0) < x*(λ₁): x* is continuous and non-increasing on ℝ (the first part, whose
            // check covers every line of λ with closed boxes, λ = 0 included) and ∂x*/∂λ < 0 on (−∞, 0) (the second).
            Proofs = kind switch
            {
                Comparison.NonIncreasing => [NonIncreasingOnTheLine()],
                Comparison.ConcaveLarger =>
                [
                    NonIncreasingOnTheLine("x*(λ₂) ≤ x*(0) for every λ₂ ≥ 0"),
                    Monotonicity.ByMeanValueTheorem<CurvaturePair>(StepOfLambda, "(−∞, 0]", Monotonicity.Trend.StrictlyDecreasing, "∂x*/∂λ",
                        StepSlope.Negative, "x*(0) < x*(λ₁) for every λ₁ < 0 (x* continuous at λ = 0 by the first part's check)", Parameters),
                ],
                _ => [],
            };
        }

        private static ProofDomain<CurvaturePair> NonIncreasingOnTheLine(string? conclusion = null) =>
            Monotonicity.ByMeanValueTheorem<CurvaturePair>(StepOfLambda, "ℝ", Monotonicity.Trend.NonIncreasing, "∂x*/∂λ",
                StepSlope.NonPositive, conclusion, Parameters);

        public override Relation<T> Evaluate<T>(CurvaturePair input)
        {
            var l1 = T.Input(input.Lambda1);
            var l2 = T.Input(input.Lambda2);
            var a = Assume.NonNegative(T.Input(input.GradMagnitude), "|g| ≥ 0");
            var l = Assume.Positive(T.Input(input.Lipschitz), "L > 0");
            Assume.That(l1 < l2, "λ₁ < λ₂");
            if (_kind == Comparison.ConcaveLarger)
                Assume.That(T.Sign(l1) < 0 && T.Sign(l2) >= 0, "not a concave/non-concave pair");
            var x1 = ElmoEigenspaceFormulas.Step(l1, a, l);
            var x2 = ElmoEigenspaceFormulas.Step(l2, a, l);
            var scale = Margins.OrOne(x1 + x2);
            return _kind == Comparison.NonIncreasing ? Relation.LessOrEqual(x2, x1, scale) : Relation.Less(x2, x1, scale);
        }

        public override string Explain(CurvaturePair input) => _kind == Comparison.StrictlyDecreasing && input.GradMagnitude == 0 && input.Lambda1 >= 0
            ? "With ∇fᵀv_i = 0 and 0 ≤ λ₁ < λ₂, x* = 0 at both curvatures: the step is constant, not strictly decreasing, on the non-concave side."
            : "ELMO's step at the larger curvature is not smaller.";
    }

    /// <summary>x* as a function of λ with the parameters |g| ≥ 0, L &gt; 0, as the reductions name it.</summary>
    private const string StepOfLambda = "x*(·; |g|, L)";

    /// <summary>The parameters' range, as the reductions name it.</summary>
    private const string Parameters = "|g| ≥ 0, L > 0";

    private static Domain<CurvaturePair> Pairs { get; } = new()
    {
        Generator =
            from l1 in EdgeDoubles.Signed(1e-100, 1e100)
            from l2 in EdgeDoubles.Signed(1e-100, 1e100)
            from a in EdgeDoubles.NonNegative(1e-100, 1e100)
            from lip in EdgeDoubles.Positive(1e-100, 1e100)
            where l1 != l2
            select new CurvaturePair(Math.Min(l1, l2), Math.Max(l1, l2), a, lip),
        Edges = () =>
            from pair in new[] { (-1.0, 0.0), (-1.0, 1.0), (0.0, 1.0), (1.0, 2.0), (-2.0, -1.0), (-1e-100, 1e-100) }
            from a in new[] { 0.0, 1, 1e-100 }
            select new CurvaturePair(pair.Item1, pair.Item2, a, 1),
        Perturb = (p, r) =>
        {
            var q = r.Next(4) switch
            {
                0 => p with { Lambda1 = EdgeDoubles.Perturb(p.Lambda1, r, 0, 1e100) },
                1 => p with { Lambda2 = EdgeDoubles.Perturb(p.Lambda2, r, 0, 1e100) },
                2 => p with { GradMagnitude = Math.Abs(EdgeDoubles.Perturb(p.GradMagnitude, r, 0, 1e100)) },
                _ => p with { Lipschitz = EdgeDoubles.Perturb(p.Lipschitz, r, 1e-100, 1e100) },
            };
            return q.Lambda1 < q.Lambda2 ? q : p;
        },
        Shrink = p => Shrinks.Coordinates(p, q => [q.Lambda1, q.Lambda2, q.GradMagnitude, q.Lipschitz],
            (_, v) => CurvaturePair.Valid(v[0], v[1], v[2], v[3])),
        Describe = p => p.Describe(),
    };
}

/// <summary>
/// The sign of ∂x*/∂λ, ELMO's step (eq. 7) differentiated in the curvature λ with |g| and L held: the checks of §3.2's
/// monotonicity statements (<see cref="PartialDerivativeSign{TInput}"/>). x* = 2|g|/(S + |λ|) + 2·max(−λ, 0)/L, S =
/// √(λ² + 2L|g|) (<see cref="ElmoEigenspaceFormulas.Step{T}"/>): ∂x*/∂λ = −2|g|(λ/S + 1)/(S + λ)² ≤ 0 for λ &gt; 0
/// (0 where |g| = 0) and λ/S − 1 ≤ −1 for λ &lt; 0 (S ≥ |λ|; −2/L where |g| = 0).
/// </summary>
internal static class StepSlope
{
    /// <summary>The degrees of (λ, |g|, L) under (α, μ): λ ↦ μλ/α², |g| ↦ μ|g|/α, L ↦ μL/α³ (x* ↦ αx*).</summary>
    private static readonly IReadOnlyList<IReadOnlyList<double>> Degrees = [[-2, 1], [-1, 1], [-3, 1]];

    /// <summary>The same with λ = ±1/t² read from t, which has the degrees (1, −1/2).</summary>
    private static readonly IReadOnlyList<IReadOnlyList<double>> MappedDegrees = [[1, -0.5], [-1, 1], [-3, 1]];

    /// <summary>The eigenspace inputs with λ &lt; 0 (the search domain of the strict check).</summary>
    private static Domain<EigenspaceInput> ConcaveEigenspaces { get; } = new()
    {
        Generator = EigenspaceInput.Generator.Select(Concave),
        Edges = () => EigenspaceInput.EdgeCases().Where(e => e.Lambda < 0),
        Perturb = (e, r) => e.Perturb(r) is { Lambda: < 0 } q ? q : e,
        Shrink = e => EigenspaceInput.Domain.Shrink!(e).Where(q => q.Lambda < 0),
        Describe = e => e.Describe(),
    };

    /// <summary>∂x*/∂λ ≤ 0 for every λ ∈ ℝ, |g| ≥ 0, L &gt; 0.</summary>
    internal static PartialDerivativeSign<EigenspaceInput> NonPositive { get; } = new("step-slope-nonpositive",
        "For every λ ∈ ℝ, |g| ≥ 0, L > 0: ∂x*/∂λ ≤ 0 (one-sided at λ = 0, where the code changes branch).",
        new Step(), Inputs, variable: 0, "λ", nonNegative: false, strict: false, double.NegativeInfinity, double.PositiveInfinity,
        EigenspaceInput.Domain, Charts(negativeOnly: false));

    /// <summary>∂x*/∂λ &lt; 0 for every λ &lt; 0, |g| ≥ 0, L &gt; 0.</summary>
    internal static PartialDerivativeSign<EigenspaceInput> Negative { get; } = new("step-slope-negative-when-concave",
        "For every λ < 0, |g| ≥ 0, L > 0: ∂x*/∂λ < 0.",
        new Step(), Inputs, variable: 0, "λ", nonNegative: false, strict: true, double.NegativeInfinity, 0,
        ConcaveEigenspaces, Charts(negativeOnly: true));

    /// <summary>x*(λ, |g|, L), the very code <c>Compare.Evaluate</c> compares.</summary>
    private sealed class Step : ISeveralInputFunction
    {
        public T At<T>(IReadOnlyList<T> inputs) where T : IReal<T> => ElmoEigenspaceFormulas.Step(inputs[0], inputs[1], inputs[2]);
    }

    private static IReadOnlyList<double> Inputs(EigenspaceInput e) => [e.Lambda, e.GradMagnitude, e.Lipschitz];

    private const string Reduction = "(λ, |g|, L) ↦ (μλ/α², μ|g|/α, μL/α³) with α, μ > 0 maps every line of λ at fixed (|g|, L) onto the line at L = 1 and |g| = 1/2 (|g| > 0) or |g| = 0, by λ ↦ cλ with c > 0";

    /// <summary>
    /// Charts over every λ with the parameters reduced by the scaling: for |g| &gt; 0, α = √(L/(2|g|)) and μ = α³/L give
    /// L = 1, |g| = 1/2 and λ ↦ λ/√(2L|g|); for |g| = 0, α = 1 and μ = 1/L give L = 1 and λ ↦ λ/L. Either way λ ↦ cλ with
    /// c &gt; 0, so a line of λ maps onto the chart's line in order, and x* ↦ αx*, ∂x*/∂λ ↦ (α/c)·∂x*/∂λ keep their signs.
    /// Each line is λ ∈ [−1, 1] directly and λ = ±1/t², t ∈ (0, 1] (onto [1, ∞) and (−∞, −1], t = 1/√|λ|; the face
    /// t = 0 is λ = ±∞, the map's pole). With |g| = 1/2 and L = 1, S = √(λ² + 1).
    /// </summary>
    private static IReadOnlyList<ProofDomain<EigenspaceInput>> Charts(bool negativeOnly)
    {
        var charts = new List<ProofDomain<EigenspaceInput>>();
        foreach (var gradMagnitude in new[] { 0.5, 0 })
        {
            charts.Add(Chart(negativeOnly
                ? new ProofCoordinate("λ", -1, 0) { TightAt = [0] } // λ = 0 is the interval's end, outside it: its face holds no point
                : new ProofCoordinate("λ", -1, 1), gradMagnitude, Degrees));
            charts.Add(Chart(new ProofCoordinate("t", 0, 1) { TightAt = [0], Map = CoordinateMap.NegativeInverseSquare, Input = "λ" },
                gradMagnitude, MappedDegrees));
            if (!negativeOnly)
                charts.Add(Chart(new ProofCoordinate("t", 0, 1) { TightAt = [0], Map = CoordinateMap.InverseSquare, Input = "λ" },
                    gradMagnitude, MappedDegrees));
        }
        return charts;
    }

    private static ProofDomain<EigenspaceInput> Chart(ProofCoordinate lambda, double gradMagnitude, IReadOnlyList<IReadOnlyList<double>> degrees) => new()
    {
        Box = [lambda, new ProofCoordinate("|g|", gradMagnitude, gradMagnitude), new ProofCoordinate("L", 1, 1)],
        At = v => new EigenspaceInput(v[0], v[1], v[2]),
        Reduction = Reduction,
        Scaling = degrees,
        CoversStatedDomain = true,
    };

    private static EigenspaceInput Concave(EigenspaceInput e) => e with { Lambda = e.Lambda < 0 ? e.Lambda : e.Lambda > 0 ? -e.Lambda : -1 };
}
