using System.Diagnostics.CodeAnalysis;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Engine.Generators;
using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Engine.Proof;

/// <summary>
/// Soundness of monotonicity proofs by the mean value theorem (<see cref="Monotonicity"/>, issue "Theorem checking"):
/// a statement "x₁ &lt; x₂ ⇒ f(x₁) ≤ f(x₂)" is proved only through its check f′ ≥ 0 on the whole interval. The search of
/// each false statement here (and of its check) looks only where it holds, so the verdict reaches the prover, which must
/// then refuse.
/// </summary>
public class MonotonicityExamples
{
    private static FormalizationResult Run(IFormalization f) => f.Run(new RunSettings(200, 1) { ClaimSeed = 7 });

    /// <summary>
    /// √(1 + x) on (0, ∞): increasing, f′ = 1/(2√(1 + x)) → 0 at infinity (f′ = t/(2√(1 + t²)) with x = 1/t², first
    /// order at the pole; x/(1 + x), whose f′ vanishes to order 4 there, is beyond the prover's order-3 face expansion).
    /// </summary>
    private sealed class Saturating : IRealFunction
    {
        public T At<T>(T x) where T : IReal<T> => T.Sqrt(1 + x);
    }

    /// <summary>(x − 1)² on (0, 2): decreasing on (0, 1), increasing on (1, 2).</summary>
    private sealed class Parabola : IRealFunction
    {
        public T At<T>(T x) where T : IReal<T> => (x - 1) * (x - 1);
    }

    /// <summary>x³ − 3·10⁻⁶x on (0, 1): f′ = 3x² − 3·10⁻⁶ &lt; 0 only on (0, 10⁻³).</summary>
    private sealed class BarelyDecreasingNearZero : IRealFunction
    {
        public T At<T>(T x) where T : IReal<T> => x * x * x - 3 * T.Ratio(1, 1_000_000) * x;
    }

    /// <summary>
    /// |x| + (1 − 10⁻⁹)x − x²/2 on (−1, 1): f′ = −10⁻⁹ − x &lt; 0 on (−10⁻⁹, 0), where f decreases just left of its kink
    /// at 0, and f′ = 2 − 10⁻⁹ − x &gt; 0 right of it. On a box [−ε, 0], f′ grows towards the face x = 0, where |x| takes
    /// the other branch (+x, f′ = 2 − 10⁻⁹): deciding the box on that face would prove a false monotonicity.
    /// </summary>
    private sealed class DipLeftOfAKink : IRealFunction
    {
        public T At<T>(T x) where T : IReal<T> => T.Abs(x) + (1 - T.Ratio(1, 1_000_000_000)) * x - x * x / 2;
    }

    /// <summary>−1/x on (−1, 1): f′ = 1/x² &gt; 0 wherever f is defined, but f jumps from +∞ to −∞ at x = 0.</summary>
    private sealed class PoleInside : IRealFunction
    {
        public T At<T>(T x) where T : IReal<T> => -1 / x;
    }

    /// <summary>−1/x with its own hypothesis x ≠ 0, which would let the prover close boxes around the hole.</summary>
    private sealed class PoleInsideWithAHypothesis : IRealFunction
    {
        public T At<T>(T x) where T : IReal<T>
        {
            Assume.That(T.Sign(x) != 0, "x ≠ 0");
            return -1 / x;
        }
    }

    /// <summary>
    /// x₁ &lt; x₂ ⇒ f(x₁) ≤ f(x₂) on (lower, upper), searched on [searchLow, searchHigh) only, proved through f′ ≥ 0 on the
    /// given chart(s).
    /// </summary>
    private sealed class Increasing : Statement<(double First, double Second)>
    {
        private readonly IRealFunction _f;
        private readonly double _lower;
        private readonly double _upper;

        [SetsRequiredMembers]
        public Increasing(string name, IRealFunction f, double lower, double upper, double searchLow, double searchHigh,
            IReadOnlyList<ProofDomain<double>> charts)
        {
            (_f, _lower, _upper) = (f, lower, upper);
            Name = name;
            Description = name;
            Tolerance = "none";
            var points = EdgeDoubles.Unit.Select(u => searchLow + (searchHigh - searchLow) * u);
            Domain = new Domain<(double, double)>
            {
                Generator = from a in points from b in points where a != b select (Math.Min(a, b), Math.Max(a, b)),
                Describe = p => [NamedValue.Of("x1", p.Item1), NamedValue.Of("x2", p.Item2)],
            };
            var check = new DerivativeSign(name + "-derivative", name + "′ ≥ 0", f, nonNegative: true, lower, upper,
                new Domain<double> { Generator = points, Describe = x => [NamedValue.Of("x", x)] }, charts);
            Proofs = [Monotonicity.ByMeanValueTheorem<(double, double)>("f", $"({lower}, {upper})", increasing: true, check)];
        }

        public override Relation<T> Evaluate<T>((double First, double Second) input)
        {
            var x1 = T.Input(input.First);
            var x2 = T.Input(input.Second);
            Assume.That(x1 > T.Of(_lower) && x2 < T.Of(_upper) && x1 < x2, "lower < x₁ < x₂ < upper");
            return Relation.LessOrEqual(_f.At(x1), _f.At(x2));
        }
    }

    private static ProofDomain<double> Chart(double lower, double upper, params double[] tight) =>
        new() { Box = [new ProofCoordinate("x", lower, upper) { TightAt = tight }], At = v => v[0], CoversStatedDomain = true };

    /// <summary>(0, 1] directly and [1, ∞) as x = 1/t².</summary>
    private static IReadOnlyList<ProofDomain<double>> PositiveHalfLine =>
    [
        Chart(0, 1, 0),
        new ProofDomain<double>
        {
            Box = [new ProofCoordinate("t", 0, 1) { TightAt = [0], Map = CoordinateMap.InverseSquare, Input = "x" }],
            At = v => v[0],
            CoversStatedDomain = true,
        },
    ];

    [Fact]
    public void IncreasingFunction_IsProvedThroughItsDerivative()
    {
        var result = Run(new Increasing("saturating", new Saturating(), 0, double.PositiveInfinity, 0, 10, PositiveHalfLine));

        Assert.True(result.Verdict == Verdict.Proved, string.Join("; ", result.Proof?.Notes ?? []));
        Assert.Contains("mean value theorem", result.Proof!.Reduction, StringComparison.Ordinal);
        Assert.Contains("x = 1/t²", result.Proof.Domain, StringComparison.Ordinal);
        Assert.True(result.Proof.Boxes > 0);
    }

    [Fact]
    public void NonMonotoneFunction_IsNotProvedMonotone()
    {
        var result = Run(new Increasing("parabola", new Parabola(), 0, 2, 1, 2, [Chart(0, 2, 0, 2)]));

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true });
    }

    [Fact]
    public void DerivativeNegativeOnlyOnATinyInterval_IsNotProved()
    {
        var result = Run(new Increasing("barely", new BarelyDecreasingNearZero(), 0, 1, 0.5, 1, [Chart(0, 1, 0, 1)]));

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true });
    }

    [Fact]
    public void DerivativeNegativeJustLeftOfAKink_IsNotProvedFromTheKinksOtherBranch()
    {
        // The searches look only at x ≥ 1/4, where f′ > 0; the prover must not decide a box [−ε, 0] on its face x = 0.
        var result = Run(new Increasing("kink", new DipLeftOfAKink(), -1, 1, 0.25, 1, [Chart(-1, 1, -1, 1)]));

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true });
    }

    [Fact]
    public void ProofDomainsOfADerivativeCheck_MarkTheirCoordinateAsDifferentiated()
    {
        var check = new DerivativeSign("saturating-derivative", "f′ ≥ 0", new Saturating(), nonNegative: true, 0, double.PositiveInfinity,
            new Domain<double> { Generator = EdgeDoubles.Unit, Describe = x => [NamedValue.Of("x", x)] }, PositiveHalfLine);

        Assert.All(check.Proofs, p => Assert.True(p.Box.Single().Differentiated));
    }

    [Fact]
    public void ProofDomainOfTwoCoordinates_IsRejectedForAFunctionOfOneInput()
    {
        var twoCoordinates = new ProofDomain<double>
        {
            Box = [new ProofCoordinate("x", 0, 1), new ProofCoordinate("y", 0, 1)],
            At = v => v[0],
            CoversStatedDomain = true,
        };

        var e = Assert.Throws<ArgumentException>(() => new DerivativeSign("two", "two", new Saturating(), nonNegative: true, 0, 1,
            new Domain<double> { Generator = EdgeDoubles.Unit, Describe = x => [NamedValue.Of("x", x)] }, [twoCoordinates]));

        Assert.Equal("proofs", e.ParamName);
    }

    [Fact]
    public void PositiveDerivativeAroundAPoleInside_IsNotProved()
    {
        var result = Run(new Increasing("pole", new PoleInside(), -1, 1, 0.5, 1, [Chart(-1, 1, -1, 1)]));

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true });
    }

    [Fact]
    public void FunctionWithAHypothesisOfItsOwn_IsUndecidedNotOutsideTheHypotheses()
    {
        // A hypothesis of f would let the prover close a box around its hole (no point meets the hypotheses there).
        var check = new DerivativeSign("hole", "hole", new PoleInsideWithAHypothesis(), nonNegative: true, -1, 1,
            new Domain<double> { Generator = EdgeDoubles.Unit, Describe = x => [NamedValue.Of("x", x)] }, [Chart(-1, 1, -1, 1)]);

        Assert.Throws<UndecidedException>(() => check.Evaluate<Float64>(0));
    }

    [Theory]
    [InlineData(0.0)] // inside (−1, 1), as the shared end of two charts
    [InlineData(0.5)]
    public void TightValueInsideTheInterval_IsRejected(double face)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new Increasing("interior-face", new PoleInside(), -1, 1, 0.5, 1, [Chart(-1, face, -1, face), Chart(face, 1, face, 1)]));

        Assert.Equal("proofs", e.ParamName);
    }

    [Fact]
    public void TightValueAtThePoleOrOutsideTheInterval_IsAccepted()
    {
        var e = Record.Exception(() => new Increasing("ends", new Saturating(), 0, double.PositiveInfinity, 0, 10, PositiveHalfLine));

        Assert.Null(e);
    }
}
