using System.Diagnostics.CodeAnalysis;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Engine.Generators;
using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Engine.Proof;

/// <summary>
/// Soundness of monotonicity in one input of a function of several (<see cref="PartialDerivativeSign{TInput}"/>, issue
/// "Theorem checking"): "x₁ &lt; x₂ ⇒ f(x₂, p) ≤ f(x₁, p) for every parameter p" is proved only through its check
/// ∂f/∂x ≤ 0 on boxes over (x, p) that cover every line of x. The search of each false statement here (and of its check)
/// looks only where it holds, so the verdict reaches the prover, which must then refuse.
/// </summary>
public class PartialDerivativeSignExamples
{
    private static FormalizationResult Run(IFormalization f) => f.Run(new RunSettings(200, 1) { ClaimSeed = 7 });

    /// <summary>2·max(−x, 0) + p/(2 + x) on x ∈ (−1, 1), p ∈ [0, 1]: ∂f/∂x = −2·[x &lt; 0] − p/(2 + x)² ≤ 0, a kink at x = 0.</summary>
    private sealed class DecreasingWithAKink : ISeveralInputFunction
    {
        public T At<T>(IReadOnlyList<T> v) where T : IReal<T> => 2 * T.Max(-v[0], T.Of(0)) + v[1] / (2 + v[0]);
    }

    /// <summary>(p − 1/2)x − x³ on p ∈ [0, 1]: ∂f/∂x = p − 1/2 − 3x² ≤ 0 for p ≤ 1/2 only (&gt; 0 near x = 0 once p &gt; 1/2).</summary>
    private sealed class DecreasingForSomeParametersOnly : ISeveralInputFunction
    {
        public T At<T>(IReadOnlyList<T> v) where T : IReal<T> => (v[1] - T.Ratio(1, 2)) * v[0] - v[0] * v[0] * v[0];
    }

    /// <summary>−x below the diagonal x &lt; p, 1 − x on it and above: ∂f/∂x = −1 on each piece, but f jumps up by 1 at x = p.</summary>
    private sealed class JumpUpAtTheDiagonal : ISeveralInputFunction
    {
        public T At<T>(IReadOnlyList<T> v) where T : IReal<T> => v[0] < v[1] ? -v[0] : 1 - v[0];
    }

    /// <summary>−x for x &lt; 0, p − x for x ≥ 0 (p ∈ [0, 1]): ∂f/∂x = −1 on each piece, a jump up by p at x = 0.</summary>
    private sealed class JumpUpByTheParameter : ISeveralInputFunction
    {
        public T At<T>(IReadOnlyList<T> v) where T : IReal<T> => v[0] >= T.Of(0) ? v[1] - v[0] : -v[0];
    }

    /// <summary>
    /// −2·max(x, 0) + 10⁻⁹x + x²/2 − px² (p ∈ [0, 1/4]): ∂f/∂x = 10⁻⁹ + (1 − 2p)x &gt; 0 on (−10⁻⁹/(1 − 2p), 0), just left
    /// of the kink, and &lt; 0 right of it; on a box [−ε, 0] it grows towards the face x = 0, where max takes the other branch.
    /// </summary>
    private sealed class RiseLeftOfAKink : ISeveralInputFunction
    {
        public T At<T>(IReadOnlyList<T> v) where T : IReal<T>
        {
            var (x, p) = (v[0], v[1]);
            return -2 * T.Max(x, T.Of(0)) + T.Ratio(1, 1_000_000_000) * x + x * x / 2 - p * x * x;
        }
    }

    private static IReadOnlyList<double> Inputs((double X, double P) point) => [point.X, point.P];

    /// <summary>Points with x ∈ [xLow, xHigh) and p ∈ [pLow, pHigh], from the unit edge doubles.</summary>
    private static Domain<(double X, double P)> Points(double xLow, double xHigh, double pLow, double pHigh) => new()
    {
        Generator =
            from u in EdgeDoubles.Unit
            from w in EdgeDoubles.Unit
            select (xLow + (xHigh - xLow) * u, pLow + (pHigh - pLow) * w),
        Describe = q => [NamedValue.Of("x", q.X), NamedValue.Of("p", q.P)],
    };

    private static ProofDomain<(double X, double P)> Chart(ProofCoordinate x, ProofCoordinate p, int maxBoxes = 512) => new()
    {
        Box = [x, p],
        At = v => (v[0], v[1]),
        CoversStatedDomain = true,
        MaxBoxes = maxBoxes,
    };

    /// <summary>x ∈ [−1, 1] (its ends tight: they are the interval's, outside it) and p ∈ [pLow, pHigh].</summary>
    private static ProofDomain<(double X, double P)> Square(double pLow, double pHigh) =>
        Chart(new ProofCoordinate("x", -1, 1) { TightAt = [-1, 1] }, new ProofCoordinate("p", pLow, pHigh));

    private static PartialDerivativeSign<(double X, double P)> Check(string name, ISeveralInputFunction f, double pLow, double pHigh,
        Domain<(double X, double P)> search, IReadOnlyList<ProofDomain<(double X, double P)>> charts) =>
        new(name + "-slope", "∂f/∂x ≤ 0", f, Inputs, variable: 0, "x", nonNegative: false, strict: false, -1, 1, search, charts);

    /// <summary>
    /// x₁ &lt; x₂ ⇒ f(x₂, p) ≤ f(x₁, p) for x₁, x₂ ∈ (−1, 1) and p ∈ [pLow, pHigh], searched on x ∈ [xLow, xHigh) only (and
    /// its check on the same points), proved through ∂f/∂x ≤ 0 on the given charts.
    /// </summary>
    private sealed class NonIncreasingInX : Statement<(double X1, double X2, double P)>
    {
        private readonly ISeveralInputFunction _f;

        [SetsRequiredMembers]
        public NonIncreasingInX(string name, ISeveralInputFunction f, double pLow, double pHigh, double xLow, double xHigh,
            IReadOnlyList<ProofDomain<(double X, double P)>> charts)
        {
            _f = f;
            Name = name;
            Description = name;
            Tolerance = "none";
            var xs = EdgeDoubles.Unit.Select(u => xLow + (xHigh - xLow) * u);
            Domain = new Domain<(double, double, double)>
            {
                Generator =
                    from a in xs
                    from b in xs
                    from w in EdgeDoubles.Unit
                    where a != b
                    select (Math.Min(a, b), Math.Max(a, b), pLow + (pHigh - pLow) * w),
                Describe = q => [NamedValue.Of("x1", q.Item1), NamedValue.Of("x2", q.Item2), NamedValue.Of("p", q.Item3)],
            };
            Proofs =
            [
                Monotonicity.ByMeanValueTheorem<(double, double, double)>("f(·, p)", "(−1, 1)", Monotonicity.Trend.NonIncreasing, "∂f/∂x",
                    Check(name, f, pLow, pHigh, Points(xLow, xHigh, pLow, pHigh), charts), parameters: $"p ∈ [{pLow}, {pHigh}]"),
            ];
        }

        public override Relation<T> Evaluate<T>((double X1, double X2, double P) input)
        {
            var x1 = T.Input(input.X1);
            var x2 = T.Input(input.X2);
            var p = T.Input(input.P);
            Assume.That(x1 > T.Of(-1) && x2 < T.Of(1) && x1 < x2, "−1 < x₁ < x₂ < 1");
            return Relation.LessOrEqual(_f.At<T>([x2, p]), _f.At<T>([x1, p]));
        }
    }

    [Fact]
    public void DecreasingInXForEveryParameter_IsProvedThroughItsPartialDerivative()
    {
        var result = Run(new NonIncreasingInX("kinked", new DecreasingWithAKink(), 0, 1, -1, 1, [Square(0, 1)]));

        Assert.True(result.Verdict == Verdict.Proved, string.Join("; ", result.Proof?.Notes ?? []));
        Assert.Contains("mean value theorem, for every p ∈ [0, 1]", result.Proof!.Reduction, StringComparison.Ordinal);
        Assert.Contains("∂f/∂x ≤ 0", result.Proof.Reduction, StringComparison.Ordinal);
        Assert.True(result.Proof.Boxes > 0);
    }

    [Fact]
    public void DecreasingForSomeParametersOnly_IsNotProved()
    {
        // The searches see p ≤ 1/2 only; for p > 1/2, f increases near x = 0.
        var result = Run(new NonIncreasingInX("some-p", new DecreasingForSomeParametersOnly(), 0, 1, -1, 1, [Square(0, 1)]));

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true });
    }

    [Fact]
    public void DecreasingForSomeParametersOnly_HasItsCheckRefutedOnAnOpenBox()
    {
        // The search sees p ≤ 1/2 only; the prover finds a box (p > 1/2, x near 0) where ∂f/∂x > 0 at every point.
        var check = Check("some-p", new DecreasingForSomeParametersOnly(), 0, 1, Points(-1, 1, 0, 0.5), [Square(0, 1)]);

        var result = Run(check);

        Assert.Equal(Verdict.Refuted, result.Verdict);
    }

    [Fact]
    public void JumpAtABranchThatMovesWithTheParameter_IsNotProvedFromTheSlopesOfItsPieces()
    {
        // Searched below the diagonal only (x < −1/2 ≤ p), where f = −x; ∂f/∂x = −1 everywhere, so the check's search holds.
        var result = Run(new NonIncreasingInX("diagonal-jump", new JumpUpAtTheDiagonal(), -0.5, 0.5, -1, -0.5, [Square(-0.5, 0.5)]));

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true });
    }

    [Fact]
    public void JumpAtABranchWhoseHeightIsTheParameter_IsNotProvedFromTheSlopesOfItsPieces()
    {
        var result = Run(new NonIncreasingInX("step-jump", new JumpUpByTheParameter(), 0, 1, -1, -0.25, [Square(0, 1)]));

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true });
    }

    [Fact]
    public void SlopeOfTheWrongSignJustLeftOfAKink_IsNotProvedFromTheKinksOtherBranch()
    {
        var result = Run(new NonIncreasingInX("kink", new RiseLeftOfAKink(), 0, 0.25, 0.25, 1, [Square(0, 0.25)]));

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true });
    }

    [Fact]
    public void DifferentiatedCoordinate_IsMarkedAndTheParameterIsNot()
    {
        var check = Check("kinked", new DecreasingWithAKink(), 0, 1, Points(-1, 1, 0, 1), [Square(0, 1)]);

        var box = check.Proofs.Single().Box;
        Assert.True(box[0].Differentiated);
        Assert.False(box[1].Differentiated);
    }

    [Fact]
    public void DifferentiatedCoordinateHeldAtOneValue_IsRejected()
    {
        // A chart with x fixed covers no line of x: nothing would be known about f between the values of x it holds.
        var e = Assert.Throws<ArgumentException>(() => Check("fixed-x", new DecreasingWithAKink(), 0, 1, Points(-1, 1, 0, 1),
            [Chart(new ProofCoordinate("x", 0.5, 0.5), new ProofCoordinate("p", 0, 1))]));

        Assert.Equal("proofs", e.ParamName);
    }

    [Theory]
    [InlineData(true)] // x is read as 2·(coordinate): not a coordinate passed through unchanged
    [InlineData(false)] // x and p both read the first coordinate
    public void ChartThatDoesNotPassOneCoordinateToTheVariable_IsRejected(bool doubled)
    {
        var chart = new ProofDomain<(double X, double P)>
        {
            Box = [new ProofCoordinate("x", -1, 1), new ProofCoordinate("p", 0, 1)],
            At = doubled ? v => (2 * v[0], v[1]) : v => (v[0], v[0]),
            CoversStatedDomain = true,
        };

        var e = Assert.Throws<ArgumentException>(() => Check("unread", new DecreasingWithAKink(), 0, 1, Points(-1, 1, 0, 1), [chart]));

        Assert.Equal("proofs", e.ParamName);
    }

    [Fact]
    public void TightValueInsideTheIntervalOfTheVariable_IsRejectedButOneOfAParameterIsNot()
    {
        var inside = Record.Exception(() => Check("inside", new DecreasingWithAKink(), 0, 1, Points(-1, 1, 0, 1),
            [Chart(new ProofCoordinate("x", -1, 1) { TightAt = [0] }, new ProofCoordinate("p", 0, 1))]));
        var parameter = Record.Exception(() => Check("parameter", new DecreasingWithAKink(), 0, 1, Points(-1, 1, 0, 1),
            [Chart(new ProofCoordinate("x", -1, 1) { TightAt = [-1, 1] }, new ProofCoordinate("p", 0, 1) { TightAt = [0, 0.5] })]));

        Assert.Equal("proofs", Assert.IsType<ArgumentException>(inside).ParamName);
        Assert.Null(parameter);
    }

    [Theory]
    [InlineData(Monotonicity.Trend.NonDecreasing)] // the check states ∂f/∂x ≤ 0
    [InlineData(Monotonicity.Trend.StrictlyDecreasing)] // the check is not strict
    public void TrendTheCheckDoesNotGive_IsRejected(Monotonicity.Trend trend)
    {
        var check = Check("kinked", new DecreasingWithAKink(), 0, 1, Points(-1, 1, 0, 1), [Square(0, 1)]);

        var e = Assert.Throws<ArgumentException>(() => Monotonicity.ByMeanValueTheorem<(double, double)>("f", "(−1, 1)", trend, "∂f/∂x", check));

        Assert.Equal("derivativeCheck", e.ParamName);
    }

    [Fact]
    public void UndefinedTrend_IsRejected()
    {
        var check = Check("kinked", new DecreasingWithAKink(), 0, 1, Points(-1, 1, 0, 1), [Square(0, 1)]);

        var e = Assert.Throws<ArgumentException>(() =>
            Monotonicity.ByMeanValueTheorem<(double, double)>("f", "(−1, 1)", (Monotonicity.Trend)99, "∂f/∂x", check));

        Assert.Equal("trend", e.ParamName);
    }
}
