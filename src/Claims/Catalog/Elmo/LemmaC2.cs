using Verification.Claims.Catalog.Elmo.Shared;
using System.Diagnostics.CodeAnalysis;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elmo;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos Lemma C.2 (proved in M.4): |m(x*)| ≤ 5|M(x*)|; and the case analysis of its proof: with y = L|g|/λ², the
/// ratio m(x*)/M(x*) is 2 for λ = 0, ψ₅(y) ≤ 2 for λ &gt; 0 and ψ₆(y) ≤ 5 for λ &lt; 0, where
/// ψ₅(y) = (5(√(1+2y)−1)/y − 8)/((√(1+2y)−1)/y − 4) is increasing and ψ₆(y) = (5(√(1+2y)+1)/y + 8)/((√(1+2y)+1)/y + 4)
/// is decreasing on ℝ⁺, with lim_{y→∞} ψ₅ = 2 and lim_{y→0⁺} ψ₆ = 5.
/// </summary>
internal static class LemmaC2
{
    internal static Claim Claim() => new(
        "elmo/lemma-C.2",
        ElmoSources.Of("Lemma C.2", null, "C, proof M.4"),
        "ELMO satisfies |m_t^i(Δθ*ᵀv_i)| ≤ 5|M_t^i(Δθ*ᵀv_i)|.",
        "Literal reading over every eigenspace: any λ, |g| ≥ 0, L > 0; plus the case values and monotonicity the proof in M.4 states (ψ₅, ψ₆ with y = L|g|/λ²).",
        [
            new Bound(),
            new RatioCase(Case.Zero), new RatioCase(Case.Positive), new RatioCase(Case.Negative),
            new PsiBound(five: true), new PsiBound(five: false),
            new PsiMonotone(five: true), new PsiMonotone(five: false),
        ]);

    private const string Exact = "None: every double-precision violation is re-evaluated in exact rational intervals, which decide.";

    /// <summary>|m(x*)| ≤ 5·|M(x*)| over every eigenspace.</summary>
    private sealed class Bound : Statement<EigenspaceInput>
    {
        [SetsRequiredMembers]
        public Bound()
        {
            Name = "bound";
            Description = "For all λ ∈ ℝ, |g| ≥ 0, L > 0: |m(x*)| ≤ 5·|M(x*)| at x* of eq. (7).";
            Tolerance = Exact;
            MarginUnit = "relative to |g|x* + |λ|x*²/2 + Lx*³/6 (the size of the terms of M(x*) and m(x*))";
            Domain = EigenspaceInput.Domain;
            Proofs = EigenspaceCharts.All;
        }

        public override Relation<T> Evaluate<T>(EigenspaceInput input)
        {
            var (lambda, a, l) = input.Read<T>();
            var x = ElmoEigenspaceFormulas.Step(lambda, a, l);
            var scale = Shared.Margins.OrOne(ElmoFormulas.TermScale(-a, lambda, l, x));
            return Relation.LessOrEqual(T.Abs(ElmoFormulas.Lower(-a, lambda, l, x)), 5 * T.Abs(ElmoFormulas.Upper(-a, lambda, l, x)), scale);
        }
    }

    private enum Case
    {
        Zero,
        Positive,
        Negative,
    }

    /// <summary>One case of the proof: m(x*)/M(x*) = 2 (λ = 0), ψ₅(y) (λ &gt; 0) or ψ₆(y) (λ &lt; 0), for |g| &gt; 0.</summary>
    private sealed class RatioCase : Statement<EigenspaceInput>
    {
        private readonly Case _case;

        [SetsRequiredMembers]
        public RatioCase(Case c)
        {
            _case = c;
            (Name, Description) = c switch
            {
                Case.Zero => ("case-lambda-zero", "λ = 0, |g| > 0, L > 0: m(x*)/M(x*) = 2."),
                Case.Positive => ("case-lambda-positive", "λ > 0, |g| > 0, L > 0: m(x*)/M(x*) = ψ₅(L|g|/λ²)."),
                _ => ("case-lambda-negative", "λ < 0, |g| > 0, L > 0: m(x*)/M(x*) = ψ₆(L|g|/λ²)."),
            };
            Tolerance = "Double-only rounding allowance 2^-40 ≈ 9.1e-13 of the scale: m(x*) and M(x*) are sums of terms that cancel to a few hundred ulp where L|g|/λ² is extreme, and an identity between square roots is only confirmed at 2048 bits. Exact rational intervals decide every violation beyond it.";
            MarginUnit = "relative to the case's value (2, ψ₅ ∈ (1, 2) or ψ₆ ∈ (2, 5))";
            // The ratio depends on y = L|g|/λ² only, so moderate magnitudes lose nothing: λ, |g|, L ∈ [1e-50, 1e50] reach
            // y ∈ [1e-200, 1e200] while x*, M(x*) and m(x*) stay inside double range (no overflow to settle exactly).
            var lambdas = c switch
            {
                Case.Zero => Gen.Constant(0.0),
                Case.Positive => EdgeDoubles.Positive(1e-50, 1e50),
                _ => EdgeDoubles.Positive(1e-50, 1e50).Select(l => -l),
            };
            Domain = new Domain<EigenspaceInput>
            {
                Generator =
                    from l in lambdas
                    from a in EdgeDoubles.Positive(1e-50, 1e50)
                    from lip in EdgeDoubles.Positive(1e-50, 1e50)
                    select new EigenspaceInput(l, a, lip),
                Edges = () => EigenspaceInput.EdgeCases().Where(e => e.GradMagnitude > 0 && InCase(c, e.Lambda)),
                Perturb = (e, r) => r.Next(3) switch
                {
                    0 => c == Case.Zero ? e : e with { Lambda = EdgeDoubles.Perturb(e.Lambda, r, 1e-50, 1e50) },
                    1 => e with { GradMagnitude = EdgeDoubles.Perturb(e.GradMagnitude, r, 1e-50, 1e50) },
                    _ => e with { Lipschitz = EdgeDoubles.Perturb(e.Lipschitz, r, 1e-50, 1e50) },
                },
                Shrink = e => EigenspaceInput.Domain.Shrink!(e).Where(m => InCase(c, m.Lambda)),
                Describe = e => e.Describe(),
            };
        }

        private static bool InCase(Case c, double lambda) => c switch
        {
            Case.Zero => lambda == 0,
            Case.Positive => lambda > 0,
            _ => lambda < 0,
        };

        public override Relation<T> Evaluate<T>(EigenspaceInput input)
        {
            var (inputLambda, a, l) = input.Read<T>();
            Assume.Positive(a, "|g| > 0 (ψ is defined on y = L|g|/λ² > 0; at |g| = 0, λ ≥ 0, M(x*) = 0)");
            // The λ = 0 case fixes λ: it is a constant of that case, not an input.
            var lambda = _case == Case.Zero ? T.Of(0) : inputLambda;
            var expected = T.Of(2);
            if (_case != Case.Zero)
            {
                Assume.That(_case == Case.Positive ? lambda > 0 : lambda < 0, "not this case of the proof");
                var y = l * a / (lambda * lambda);
                expected = _case == Case.Positive ? Psi5(y) : Psi6(y);
            }
            var x = ElmoEigenspaceFormulas.Step(lambda, a, l);
            var ratio = ElmoFormulas.Lower(-a, lambda, l, x) / ElmoFormulas.Upper(-a, lambda, l, x);
            return Relation.Equal(ratio, expected, expected, Math.ScaleB(1, -40));
        }
    }

    /// <summary>ψ₅(y) ≤ 2, or ψ₆(y) ≤ 5, for every y &gt; 0.</summary>
    private sealed class PsiBound : Statement<double>
    {
        private readonly bool _five;

        [SetsRequiredMembers]
        public PsiBound(bool five)
        {
            _five = five;
            Name = five ? "psi5-at-most-2" : "psi6-at-most-5";
            Description = five ? "For all y > 0: ψ₅(y) ≤ 2 (the λ > 0 bound)." : "For all y > 0: ψ₆(y) ≤ 5 (the λ < 0 bound).";
            Tolerance = Exact;
            MarginUnit = five ? "relative to 2" : "relative to 5";
            Domain = PsiArguments;
            // y > 0 has no scaling symmetry: y ∈ (0, 1] directly (y = 0 fails the hypothesis; ψ₆ → 5 there), and y ∈ [1, ∞)
            // as y = 1/t² with t ∈ (0, 1] (onto: t = 1/√y), where √(1 + 2y) = √(t² + 2)/t is a Laurent expansion at t = 0
            // (ψ₅ → 2 there; the face t = 0 is y = ∞, no point of the domain).
            Proofs = PsiCharts;
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            var y = Assume.Positive(T.Input(input), "y > 0");
            return _five ? Relation.LessOrEqual(Psi5(y), T.Of(2), T.Of(2)) : Relation.LessOrEqual(Psi6(y), T.Of(5), T.Of(5));
        }
    }

    /// <summary>ψ₅(y₁) ≤ ψ₅(y₂), or ψ₆(y₂) ≤ ψ₆(y₁), for every 0 &lt; y₁ &lt; y₂.</summary>
    private sealed class PsiMonotone : Statement<RealPair>
    {
        private readonly bool _five;

        [SetsRequiredMembers]
        public PsiMonotone(bool five)
        {
            _five = five;
            Name = five ? "psi5-increasing" : "psi6-decreasing";
            Description = five ? "For all 0 < y₁ < y₂: ψ₅(y₁) ≤ ψ₅(y₂)." : "For all 0 < y₁ < y₂: ψ₆(y₂) ≤ ψ₆(y₁).";
            Tolerance = Exact;
            MarginUnit = "relative to 5 (the range of ψ₅ and ψ₆ lies in [1, 5])";
            Domain = new Domain<RealPair>
            {
                Generator =
                    from y1 in EdgeDoubles.Positive(1e-12, 1e12)
                    from f in Gen.Frequency((2, EdgeDoubles.LogUniform(1e-15, 1e-3)), (1, EdgeDoubles.LogUniform(1e-3, 1e6)))
                    select new RealPair(y1, y1 * (1 + f)),
                Edges = () => [new(1e-300, 1e-150), new(1, 2), new(1, 1e300), new(1e150, 1e300)],
                Perturb = (p, r) => p with { Second = Math.Max(p.First, EdgeDoubles.Perturb(p.Second, r, 1e-300, 1e300)) },
                Shrink = p => Shrinks.Coordinates(p, q => [q.First, q.Second],
                    (_, v) => v[0] > 0 && v[1] > v[0] ? new RealPair(v[0], v[1]) : throw new ArgumentException("need 0 < y₁ < y₂.", nameof(p))),
                Describe = p => [NamedValue.Of("y1", p.First), NamedValue.Of("y2", p.Second)],
            };
            // Tight along the whole diagonal y₁ = y₂, where intervals cannot close a box: proved by the mean value theorem
            // from the sign of ψ′ on (0, ∞). ψ₅ and ψ₆ are continuous and differentiable on (0, ∞): each is built from
            // +, −, ×, ÷ and √ without branches, the √ argument 1 + 2y is > 1, the divisors √(1+2y) + 1 > 2,
            // q − 4 < −2 (q = 2/(√(1+2y)+1) ∈ (0, 1)) and 1 + 4·y/(√(1+2y)+1) > 1 do not vanish; and the check's own
            // proof fails on any box where a divisor or a √ argument is not bounded away from 0.
            Proofs = [Monotonicity.ByMeanValueTheorem<RealPair>(five ? "ψ₅" : "ψ₆", "(0, ∞)", increasing: five, PsiDerivative(five))];
        }

        public override Relation<T> Evaluate<T>(RealPair input)
        {
            var y1 = Assume.Positive(T.Input(input.First), "y₁ > 0");
            var y2 = T.Input(input.Second);
            Assume.That(y1 < y2, "y₁ < y₂");
            return _five ? Relation.LessOrEqual(Psi5(y1), Psi5(y2), T.Of(5)) : Relation.LessOrEqual(Psi6(y2), Psi6(y1), T.Of(5));
        }
    }

    /// <summary>
    /// y &gt; 0 has no scaling symmetry: y ∈ (0, 1] directly (y = 0 fails the hypothesis; the face is expanded), and
    /// y ∈ [1, ∞) as y = 1/t² with t ∈ (0, 1] (onto: t = 1/√y), where √(1 + 2y) = √(t² + 2)/t is a Laurent expansion at
    /// t = 0 (the face t = 0 is y = ∞, no point of the domain).
    /// </summary>
    private static IReadOnlyList<ProofDomain<double>> PsiCharts { get; } =
    [
        new ProofDomain<double> { Box = [new ProofCoordinate("y", 0, 1) { TightAt = [0] }], At = v => v[0], CoversStatedDomain = true },
        new ProofDomain<double>
        {
            Box = [new ProofCoordinate("t", 0, 1) { TightAt = [0], Map = CoordinateMap.InverseSquare, Input = "y" }],
            At = v => v[0],
            CoversStatedDomain = true,
        },
    ];

    /// <summary>
    /// y &gt; 0 as y = (1 − s²)/(2s²), s ∈ (0, 1) (onto: s = 1/√(1 + 2y)), where √(1 + 2y) = 1/s exactly: ψ′'s terms that
    /// cancel to leading order at y = ∞ (s = 0, the pole) cancel exactly in the face expansion. s = 1 is y = 0, outside
    /// the domain (the hypothesis y &gt; 0 fails there; the face is expanded).
    /// </summary>
    private static IReadOnlyList<ProofDomain<double>> PsiDerivativeChart { get; } =
    [
        new ProofDomain<double>
        {
            Box = [new ProofCoordinate("s", 0, 1) { TightAt = [0, 1], Map = CoordinateMap.RationalizedSquareRoot(2), Input = "y" }],
            At = v => v[0],
            CoversStatedDomain = true,
        },
    ];

    /// <summary>ψ₅ or ψ₆ on y &gt; 0, as a function for <see cref="DerivativeSign"/>.</summary>
    private sealed class Psi(bool five) : IRealFunction
    {
        public T At<T>(T y) where T : IReal<T> => five ? Psi5(y) : Psi6(y);
    }

    /// <summary>
    /// The check of ψ₅'s (ψ₆'s) monotonicity by the mean value theorem: ψ₅′(y) ≥ 0 (ψ₆′(y) ≤ 0) for every y &gt; 0, on the
    /// chart <see cref="PsiDerivativeChart"/>. The derivative is tight only at y = ∞ (ψ₅′, ψ₆′ → 0 as ψ₅ → 2, ψ₆ → 5),
    /// the chart's pole s = 0.
    /// </summary>
    private static DerivativeSign PsiDerivative(bool five) => new(
        five ? "psi5-derivative-nonnegative" : "psi6-derivative-nonpositive",
        five ? "For all y > 0: ψ₅′(y) ≥ 0." : "For all y > 0: ψ₆′(y) ≤ 0.",
        new Psi(five), nonNegative: five, 0, double.PositiveInfinity, PsiArguments, PsiDerivativeChart);

    private static Domain<double> PsiArguments { get; } = new()
    {
        Generator = EdgeDoubles.Positive(1e-150, 1e150),
        Edges = () => [1e-300, 1e-150, 1, 1e150, 1e300],
        Perturb = (y, r) => EdgeDoubles.Perturb(y, r, 1e-300, 1e300),
        Shrink = y => Simplicity.Candidates(y).Where(c => c > 0),
        Describe = y => [NamedValue.Of("y", y)],
    };

    /// <summary>ψ₅(y) with q = (√(1+2y) − 1)/y written as 2/(√(1+2y) + 1) (the same value for y &gt; 0, without cancellation).</summary>
    private static T Psi5<T>(T y) where T : IReal<T>
    {
        var q = 2 / (T.Sqrt(1 + 2 * y) + 1);
        return (5 * q - 8) / (q - 4);
    }

    /// <summary>ψ₆(y) = (5p + 8)/(p + 4) with p = (√(1+2y) + 1)/y, written as (5 + 8/p)/(1 + 4/p) so that p overflowing (y → 0) is harmless.</summary>
    private static T Psi6<T>(T y) where T : IReal<T>
    {
        var inverse = y / (T.Sqrt(1 + 2 * y) + 1);
        return (5 + 8 * inverse) / (1 + 4 * inverse);
    }
}
