using FsCheck;
using FsCheck.Fluent;
using Fractions;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Verification.Math.Lodo;
using Outcome = Verification.Claims.Model.Outcome;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// lodo.md §4.1 footnote 2, eqs. (11)–(13): along the flow (10), d‖BD⁻¹‖²_F/dt = −2tr(BᵀDBΣ_B) = −2‖D^½BΣ_B^½‖²_F &lt; 0,
/// "where the strict equality is only satisfied for A = 0". All in exact rationals: U is a Cayley transform, Σ solves the
/// Stein equation Σ = BΣBᵀ + UᵀCU (the series, when ρ(A) &lt; 1).
/// </summary>
internal static class Eq11To13
{
    /// <summary>Noise covariance: positive definite (MMᵀ + I), rank one (vvᵀ), or an explicit matrix for edge cases.</summary>
    internal enum Noise { Definite, RankOne }

    internal sealed record FlowInput(int N, int Seed, Noise Noise, ExactMatrix? ExplicitA = null, ExactMatrix? ExplicitC = null)
    {
        internal (ExactMatrix A, ExactMatrix U, ExactMatrix D, ExactMatrix C) Data()
        {
            var r = new System.Random(Seed);
            var s = new long[N, N];
            for (int i = 0; i < N; i++)
                for (int j = i + 1; j < N; j++) { s[i, j] = r.Next(-2, 3); s[j, i] = -s[i, j]; }
            var u = ExactMatrix.Cayley(ExactMatrix.FromIntegers(s));
            Fraction[] diag = [new(1, 4), new(1, 2), Fraction.One, new(2), new(3)];
            var d = ExactMatrix.Build(N, N, (i, j) => i == j ? diag[r.Next(diag.Length)] : Fraction.Zero);
            int zeroRows = r.Next(3) == 0 ? r.Next(N) : 0; // some A have zero rows: low rank, nilpotent-like
            var a = ExplicitA ?? ExactMatrix.Build(N, N, (i, _) => i < zeroRows ? Fraction.Zero : new Fraction(r.Next(-3, 4), 8));
            var m = ExactMatrix.Build(N, N, (_, _) => new Fraction(r.Next(-2, 3)));
            var v = ExactMatrix.Build(N, 1, (_, _) => new Fraction(r.Next(-2, 3)));
            var c = ExplicitC ?? (Noise == Noise.Definite ? m * m.Transpose() + ExactMatrix.Identity(N) : v * v.Transpose());
            return (a, u, d, c);
        }

        internal double Radius => HessianLearningFlow.SpectralRadius(Data().A.ToDouble());

        internal IReadOnlyList<NamedValue> Describe()
        {
            var (a, u, d, c) = Data();
            return [NamedValue.Text("A", a.ToString()), NamedValue.Text("U", u.ToString()), NamedValue.Text("D", d.ToString()),
                NamedValue.Text("E[ssᵀ]", c.ToString()), NamedValue.Of("rho(A)", Radius)];
        }
    }

    private static Gen<FlowInput> Generator(Noise noise) =>
        from n in Gen.Choose(1, 3)
        from seed in Gen.Choose(0, int.MaxValue)
        select new FlowInput(n, seed, noise);

    /// <summary>A = [[0, ½], [0, 0]] (nilpotent), U = I, C = e₁e₁ᵀ: BΣ = 0 although A ≠ 0.</summary>
    internal static FlowInput NilpotentEdge => new(2, 0, Noise.RankOne,
        ExactMatrix.Build(2, 2, (i, j) => i == 0 && j == 1 ? new Fraction(1, 2) : Fraction.Zero),
        ExactMatrix.Build(2, 2, (i, j) => i == 0 && j == 0 ? Fraction.One : Fraction.Zero));

    private static string? Convergent(FlowInput e) =>
        e.Radius < 1 - 1e-9 ? null : $"ρ(A) = {Require(e.Radius)} ≥ 1: the series Σ Aⁿ E[ssᵀ](Aⁿ)ᵀ of eq. (10) diverges";

    private static string Require(double x) => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static Inequality<FlowInput> Identity(string name, string description, Func<FlowInput, Fraction> left, Func<FlowInput, Fraction> right, Noise noise) => new()
    {
        Name = name,
        Description = description,
        Tolerance = "Both sides are computed in exact rationals (Σ from the Stein equation); the double comparison (relative 1e-12) only rounds them.",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-12,
        Generator = Generator(noise),
        Edges = () => [new FlowInput(1, 1, noise), new FlowInput(2, 2, noise), new FlowInput(3, 3, noise)],
        Move = (e, r) => e with { Seed = r.Next() },
        Hypotheses = Convergent,
        Sides = e =>
        {
            double l = ExactDouble.ToDouble(left(e)), rr = ExactDouble.ToDouble(right(e));
            return new Sides(l, rr, System.Math.Max(System.Math.Max(System.Math.Abs(l), System.Math.Abs(rr)), double.Epsilon));
        },
        ExactSides = (e, _) => new ExactSides(RationalInterval.Exact(left(e)), RationalInterval.Exact(right(e))),
        Show = e => e.Describe(),
        Why = _ => $"{name}: the two expressions differ.",
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(FlowInput, int), Fraction> Rates = new();

    /// <summary>The three exact rates, memoized per input (the search revisits inputs; each needs an exact Stein solve).</summary>
    private static Fraction Rate(FlowInput e, int which) => Rates.GetOrAdd((e, which), key =>
    {
        var (a, u, d, c) = key.Item1.Data();
        return key.Item2 switch
        {
            11 => HessianLearningFlow.RateByDefinition(a, u, d, c),
            12 => HessianLearningFlow.RateEq12(a, u, d, c),
            _ => HessianLearningFlow.RateEq13(a, u, d, c),
        };
    });

    private static Fraction ByDefinition(FlowInput e) => Rate(e, 11);

    private static Fraction Eq12(FlowInput e) => Rate(e, 12);

    private static Fraction Eq13(FlowInput e) => Rate(e, 13);

    private static Inequality<FlowInput> Negative(Noise noise, IEnumerable<FlowInput> edges, bool anyRadius) => new()
    {
        Name = "negative-unless-A-is-zero",
        Description = "For A ≠ 0 with ρ(A) < 1: d‖BD⁻¹‖²_F/dt < 0 strictly along eq. (10) (A = 0 is the stated equality case).",
        Tolerance = "Exact rationals; the double value is the rounding of the exact rate.",
        Relation = Relation.Less,
        Generator = Generator(noise),
        Edges = () => edges,
        Move = (e, r) => e with { Seed = r.Next() },
        Hypotheses = anyRadius ? _ => null : Convergent,
        Trivially = e => e.Data().A.MaxAbs().IsZero ? "A = 0: the stated equality case" : null,
        Sides = e => new Sides(ExactDouble.ToDouble(ByDefinition(e)), 0, 1),
        ExactSides = (e, _) => new ExactSides(RationalInterval.Exact(ByDefinition(e)), RationalInterval.Zero),
        Show = e => e.Describe(),
        Why = e => e.Noise == Noise.RankOne
            ? "With a singular E[ssᵀ] the rate −2‖D^½BΣ^½‖²_F vanishes whenever BΣ = 0, which happens for A ≠ 0 (here A is nilpotent and kills the noise direction): the footnote's \"only for A = 0\" needs E[ssᵀ] ≻ 0."
            : "The rescaled error does not decrease along eq. (10).",
    };

    /// <summary>Without the ρ(A) &lt; 1 hypothesis: where the series diverges the flow has no value; said, not hidden.</summary>
    private sealed class AnyRadius : Formalization<FlowInput>
    {
        public override string Name { get; init; } = "any-spectral-radius";

        public override string Description { get; init; } = "For every A (ρ(A) unrestricted, entries in ⅛ℤ ∩ [−3/8, 3/8] and up to 2 on edges): eq. (12)'s rate is defined and negative.";

        public override string Tolerance { get; init; } = "Exact where ρ(A) < 1; where ρ(A) ≥ 1 the partial sums of the series are recorded (K = 10, 20, 40) and the evaluation is undecided.";

        public override Gen<FlowInput> Generator { get; init; } = Eq11To13.Generator(Noise.Definite);

        public override IEnumerable<FlowInput> EdgeCases =>
        [
            new FlowInput(2, 7, Noise.Definite, ExactMatrix.Build(2, 2, (i, j) => i == j ? new Fraction(3, 2) : Fraction.Zero)),
            new FlowInput(1, 8, Noise.Definite, ExactMatrix.Build(1, 1, (_, _) => -Fraction.One)),
        ];

        public override FlowInput Perturb(FlowInput input, System.Random random) => input with { Seed = random.Next() };

        public override Outcome Evaluate(FlowInput e)
        {
            if (Convergent(e) is { } reason)
            {
                var (a, _, _, c) = e.Data();
                var norms = new[] { 10, 20, 40 }.Select(k => HessianLearningFlow.PartialNoiseSum(a.ToDouble(), c.ToDouble(), k).FrobeniusNorm());
                return Outcome.Undecided(reason + "; ‖partial sums‖_F at K = 10, 20, 40: " + string.Join(", ", norms.Select(Require)) + " (the derivation of §4.1/A.2 assumes ‖A‖₂ < 1)");
            }
            return e.Data().A.MaxAbs().IsZero ? Outcome.Trivial("A = 0") : Outcome.Less(ExactDouble.ToDouble(ByDefinition(e)), 0, 1);
        }

        public override Certificate Certify(FlowInput input)
        {
            var rate = ByDefinition(input);
            return rate.Sign() >= 0
                ? Certificate.Proven(0, "exact rational arithmetic", $"rate = {rate}")
                : Certificate.Artifact("exact rational arithmetic", $"rate = {rate}");
        }

        public override IReadOnlyList<NamedValue> Describe(FlowInput input) => input.Describe();
    }

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "lodo/eq-11-13",
            LodoSources.Of("footnote 2, eqs. (11)–(13)", "(11)–(13)", "4.1"),
            "Along eq. (10), d‖BD⁻¹‖²_F/dt = d/dt tr(D⁻²BᵀB) = −2tr(BᵀDBΣ_B) = −2‖D^½BΣ_B^½‖²_F < 0, with equality only for A = 0 (H = UDUᵀ, B = UᵀAU, Σ_B = Σ Bⁿ UᵀE[ssᵀ]U(Bⁿ)ᵀ).",
            "n ∈ 1..3, exactly orthogonal rational U, D ≻ 0 diagonal, A ∈ ⅛ℤ^{n×n} with ρ(A) < 1 (the §4.1 assumption; the series is the Stein solution), E[ssᵀ] = MMᵀ + I ≻ 0. Eq. (11) is taken by definition (an exact central difference along dA/dt of eq. (10), exact because the norm is quadratic in A); (13) without square roots as −2tr(DBΣBᵀ).",
            [
                Identity("eq-11-equals-eq-12", "For all such inputs: the derivative of ‖BD⁻¹‖²_F along (10), by definition, equals −2tr(BᵀDBΣ_B).", ByDefinition, Eq12, Noise.Definite),
                Identity("eq-12-equals-eq-13", "For all such inputs: −2tr(BᵀDBΣ_B) = −2‖D^½BΣ_B^½‖²_F.", Eq12, Eq13, Noise.Definite),
                Negative(Noise.Definite, [new FlowInput(2, 5, Noise.Definite), new FlowInput(3, 6, Noise.Definite)], false),
            ]);
        yield return new Claim(
            "lodo/eq-11-13/singular-noise",
            LodoSources.Of("footnote 2, eqs. (11)–(13)", "(13)", "4.1"),
            "The rate is < 0 except at A = 0, for noise s from \"some light tailed distribution of zero mean\" (§4.1), E[ssᵀ] possibly singular.",
            "§4.1 allows any zero-mean light-tailed noise, e.g. N(0, Σ) with Σ singular; this reading takes E[ssᵀ] of rank one. It differs from the main reading only when the noise misses a direction.",
            [Negative(Noise.RankOne, [NilpotentEdge, new FlowInput(2, 9, Noise.RankOne)], false)]);
        yield return new Claim(
            "lodo/eq-11-13/any-radius",
            LodoSources.Of("footnote 2, eq. (10)", "(10)–(13)", "4.1"),
            "The footnote's derivative, without the assumption that A starts with norm below 1.",
            "The footnote states no hypothesis on A; §4.1 assumes ‖A_t‖₂ < 1. Where ρ(A) ≥ 1 the series of eq. (10) diverges, so the flow and the rate have no value: the reading differs from the main one exactly there.",
            [new AnyRadius()]);
    }
}
