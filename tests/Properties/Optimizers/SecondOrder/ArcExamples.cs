using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.SecondOrder;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// ARC (Cartis, Gould &amp; Toint 2011, Alg. 2.1; the method elmo-amos §2.2 and §5 compare with) on one-dimensional
/// examples whose subproblem, predicted and actual decrease are known in closed form: the settings' ranges, each branch
/// of the acceptance rule (ρ &lt; η₁ rejects and multiplies σ by γ_inc, η₁ ≤ ρ &lt; η₂ keeps σ, ρ ≥ η₂ lowers σ to
/// max(σ_min, γ_dec·σ)) with its boundaries, the stationary case and what a run does with each outcome.
/// </summary>
/// <remarks>
/// The examples: f(θ) = 4θ + c(θ − 1)⁴ at θ = 1, where ∇f = 4 and H = 0, so with σ = 1 the model
/// m(s) = 4s + (σ/3)|s|³ has its global minimizer at s = −√(4/σ) = −2 and m(0) − m(s) = 8 − 8/3 = 16/3; the trial point
/// θ + s = −1 has f = −4 + 16c, so the actual decrease is 8 − 16c and ρ = (8 − 16c)/(16/3) = 3/2 − 3c.
/// </remarks>
public class ArcExamples
{
    /// <summary>
    /// The subproblem is solved by bisection to full precision, and f is a few operations on it: values agree with the
    /// closed forms to a few ulps, so 1e-12 relative.
    /// </summary>
    private const double Relative = 1e-12;

    private static Vector<double> At(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    /// <summary>f(θ) = 4θ + c(θ − 1)⁴, one dimension.</summary>
    private sealed class QuarticBend(double c) : IObjective
    {
        public string Name => "4θ + c(θ − 1)⁴";

        public int Dimension => 1;

        public double Value(Vector<double> theta)
        {
            double d = Checked(theta) - 1;
            return 4 * theta[0] + c * d * d * d * d;
        }

        public Vector<double> Gradient(Vector<double> theta)
        {
            double d = Checked(theta) - 1;
            return At(4 + 4 * c * d * d * d);
        }

        public Matrix<double> Hessian(Vector<double> theta)
        {
            double d = Checked(theta) - 1;
            return Matrix<double>.Build.Dense(1, 1, 12 * c * d * d);
        }
    }

    /// <summary>f(θ) = 4θ on θ ≥ 0 and undefined (NaN) below: every descent step from θ = 0 leaves the domain.</summary>
    private sealed class LinearOnNonNegatives : IObjective
    {
        public string Name => "4θ on θ ≥ 0";

        public int Dimension => 1;

        public double Value(Vector<double> theta) => Checked(theta) >= 0 ? 4 * theta[0] : double.NaN;

        public Vector<double> Gradient(Vector<double> theta)
        {
            Checked(theta);
            return At(4);
        }

        public Matrix<double> Hessian(Vector<double> theta)
        {
            Checked(theta);
            return Matrix<double>.Build.Dense(1, 1);
        }
    }

    /// <summary>The contract of <see cref="IObjective"/>: a finite θ of length 1.</summary>
    private static double Checked(Vector<double> theta)
    {
        if (theta.Count != 1 || !double.IsFinite(theta[0]))
            throw new ArgumentException("θ must be one finite number.", nameof(theta));
        return theta[0];
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= Relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Settings_RejectEachOutOfRangeConstant_NamingIt()
    {
        ArgumentAssert.Rejects(() => new ArcSettings(Sigma0: 0).Validated(), "Sigma0", "Sigma0 must be > 0");
        ArgumentAssert.Rejects(() => new ArcSettings(SigmaMin: -1).Validated(), "SigmaMin", "SigmaMin must be > 0");
        ArgumentAssert.Rejects(() => new ArcSettings(Eta1: 0).Validated(), "Eta1", "Eta1 must be > 0");
        ArgumentAssert.Rejects(() => new ArcSettings(Eta1: 0.05, Eta2: 0).Validated(), "Eta2", "Eta2 must be > 0");
        ArgumentAssert.Rejects(() => new ArcSettings(Eta1: 0.5, Eta2: 0.4).Validated(), "Eta2", "Eta2 must lie in [Eta1, 1), got 0.4 with Eta1 = 0.5.");
        ArgumentAssert.Rejects(() => new ArcSettings(Eta2: 1).Validated(), "Eta2", "Eta2 must lie in [Eta1, 1), got 1 with Eta1 = 0.1.");
        ArgumentAssert.Rejects(() => new ArcSettings(GammaIncrease: 1).Validated(), "GammaIncrease", "GammaIncrease must be > 1, got 1.");
        ArgumentAssert.Rejects(() => new ArcSettings(GammaIncrease: double.PositiveInfinity).Validated(), "GammaIncrease", "GammaIncrease must be finite");
        ArgumentAssert.Rejects(() => new ArcSettings(GammaDecrease: 1).Validated(), "GammaDecrease", "GammaDecrease must be < 1, got 1.");
        ArgumentAssert.Rejects(() => new ArcSettings(GammaDecrease: 0).Validated(), "GammaDecrease", "GammaDecrease must be > 0");
        // The constructor validates too.
        ArgumentAssert.Rejects(() => new Arc(new ArcSettings(GammaDecrease: 2)), "GammaDecrease", "GammaDecrease must be < 1");
    }

    /// <summary>The closed ends of the ranges: η₁ = η₂ (no "successful but not very successful" band) is allowed.</summary>
    [Fact]
    public void Settings_AcceptTheClosedEnds()
    {
        var equal = new ArcSettings(Eta1: 0.5, Eta2: 0.5);
        Assert.Same(equal, equal.Validated());
        var near = new ArcSettings(Eta1: 1e-300, Eta2: Math.BitDecrement(1.0), GammaIncrease: Math.BitIncrement(1.0), GammaDecrease: Math.BitDecrement(1.0), SigmaMin: double.Epsilon);
        Assert.Same(near, near.Validated());
    }

    [Fact]
    public void Construction_DefaultsWhenNull_AndNamesSigma0()
    {
        var arc = new Arc();
        Assert.Equal(new ArcSettings(), arc.Settings);
        Assert.Equal("arc(σ0=1)", arc.Name);
        Assert.Equal("arc(σ0=0.25)", new Arc(new ArcSettings(Sigma0: 0.25)).Name);
    }

    [Fact]
    public void Iterate_RejectsBadArguments_NamingThem()
    {
        var arc = new Arc();
        var f = new QuarticBend(0);
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => arc.Iterate(null!, At(1), 1)).ParamName);
        ArgumentAssert.Rejects(() => arc.Iterate(f, At(double.NaN), 1), "theta", "theta[0] must be finite");
        ArgumentAssert.Rejects(() => arc.Iterate(f, At(1, 2), 1), "theta", "theta has length 2, expected 1");
        ArgumentAssert.Rejects(() => arc.Iterate(f, At(1), 0), "sigma", "sigma must be > 0");
        ArgumentAssert.Rejects(() => arc.Iterate(f, At(1), double.NaN), "sigma", "sigma must be finite");
    }

    /// <summary>c = 0: ρ = 3/2 ≥ η₂, very successful: accepted and σ ← max(σ_min, γ_dec·σ) = ½.</summary>
    [Fact]
    public void VerySuccessfulStep_IsAccepted_AndLowersSigma()
    {
        var it = new Arc().Iterate(new QuarticBend(0), At(1), 1);
        AssertClose(-2, it.Trial[0]);
        AssertClose(16.0 / 3, it.PredictedDecrease);
        AssertClose(8, it.ActualDecrease);
        Assert.True(it.Accepted);
        Assert.Equal(1, it.SigmaBefore);
        Assert.Equal(0.5, it.SigmaAfter);
    }

    /// <summary>c = ¼: ρ = 3/4 ∈ [η₁, η₂): accepted, σ unchanged.</summary>
    [Fact]
    public void SuccessfulStep_IsAccepted_AndKeepsSigma()
    {
        var it = new Arc().Iterate(new QuarticBend(0.25), At(1), 1);
        AssertClose(-2, it.Trial[0]);
        AssertClose(4, it.ActualDecrease);
        Assert.True(it.Accepted);
        Assert.Equal(1, it.SigmaAfter);
    }

    /// <summary>c = ½: ρ = 0 &lt; η₁: rejected, σ ← γ_inc·σ = 2; and c = 1 (ρ = −3/2, f rose) likewise, with γ_inc = 3.</summary>
    [Fact]
    public void UnsuccessfulStep_IsRejected_AndRaisesSigma()
    {
        var flat = new Arc().Iterate(new QuarticBend(0.5), At(1), 1);
        Assert.False(flat.Accepted);
        Assert.True(Math.Abs(flat.ActualDecrease) <= 1e-11, $"actual {flat.ActualDecrease:R}"); // 8 − 16·½ = 0 up to the rounding of s
        Assert.Equal(2, flat.SigmaAfter);
        var rose = new Arc(new ArcSettings(GammaIncrease: 3)).Iterate(new QuarticBend(1), At(1), 0.5);
        // σ = ½: s = −√8, pred = 4√8 − (1/6)·8√8 = (8/3)√8, actual = 4√8 − 64: ρ = (4√8 − 64)/((8/3)√8) < 0.
        AssertClose(-Math.Sqrt(8), rose.Trial[0]);
        AssertClose(8.0 / 3 * Math.Sqrt(8), rose.PredictedDecrease);
        AssertClose(4 * Math.Sqrt(8) - 64, rose.ActualDecrease);
        Assert.False(rose.Accepted);
        Assert.Equal(0.5, rose.SigmaBefore);
        Assert.Equal(1.5, rose.SigmaAfter);
    }

    /// <summary>The very-successful update is max(σ_min, γ_dec·σ): σ_min binds when γ_dec·σ is below it.</summary>
    [Fact]
    public void VerySuccessfulStep_DoesNotLowerSigmaBelowSigmaMin()
    {
        var it = new Arc(new ArcSettings(SigmaMin: 0.75)).Iterate(new QuarticBend(0), At(1), 1);
        Assert.True(it.Accepted);
        Assert.Equal(0.75, it.SigmaAfter);
        var quarter = new Arc(new ArcSettings(GammaDecrease: 0.25)).Iterate(new QuarticBend(0), At(1), 1);
        Assert.Equal(0.25, quarter.SigmaAfter);
    }

    /// <summary>
    /// The boundaries of Alg. 2.1: ρ = η₁ is successful (accepted, σ kept), ρ = η₂ very successful (σ lowered).
    /// η₁ and η₂ are set to the ρ this very iteration computes, so the comparison is exact.
    /// </summary>
    [Fact]
    public void RatioOnABoundary_BelongsToTheUpperBranch()
    {
        var f = new QuarticBend(0.25);
        var first = new Arc().Iterate(f, At(1), 1);
        double rho = first.ActualDecrease / first.PredictedDecrease;
        Assert.True(Math.Abs(rho - 0.75) <= 1e-12, $"ρ = {rho:R}"); // 3/2 − 3·¼
        var atEta1 = new Arc(new ArcSettings(Eta1: rho, Eta2: 0.9)).Iterate(f, At(1), 1);
        Assert.True(atEta1.Accepted);
        Assert.Equal(1, atEta1.SigmaAfter);
        var atEta2 = new Arc(new ArcSettings(Eta1: 0.1, Eta2: rho)).Iterate(f, At(1), 1);
        Assert.True(atEta2.Accepted);
        Assert.Equal(0.5, atEta2.SigmaAfter);
        var aboveEta1 = new Arc(new ArcSettings(Eta1: Math.BitIncrement(rho), Eta2: 0.9)).Iterate(f, At(1), 1);
        Assert.False(aboveEta1.Accepted);
        Assert.Equal(2, aboveEta1.SigmaAfter);
    }

    /// <summary>
    /// A stationary point with H ⪰ 0 (f = ½θ² at 0): m(0) − m(s) = 0, a zero step, nothing accepted, σ unchanged
    /// (the ratio 0/0 is never formed).
    /// </summary>
    [Fact]
    public void StationaryPoint_GivesAZeroStep_AndKeepsSigma()
    {
        var f = new Quadratic(Matrix<double>.Build.Dense(1, 1, 1.0), At(0), "½θ²");
        var it = new Arc().Iterate(f, At(0), 3);
        Assert.Equal(At(0), it.Trial);
        Assert.Equal(0, it.PredictedDecrease);
        Assert.Equal(0, it.ActualDecrease);
        Assert.False(it.Accepted);
        Assert.Equal(3, it.SigmaBefore);
        Assert.Equal(3, it.SigmaAfter);
    }

    /// <summary>
    /// A trial point where f is not defined (NaN) counts as an actual decrease of −∞: rejected; and γ_inc·σ beyond
    /// double.MaxValue is held at double.MaxValue.
    /// </summary>
    [Fact]
    public void UndefinedTrialValue_IsMinusInfinity_AndSigmaSaturates()
    {
        var it = new Arc().Iterate(new LinearOnNonNegatives(), At(0), double.MaxValue / 1.5);
        Assert.Equal(double.NegativeInfinity, it.ActualDecrease);
        Assert.False(it.Accepted);
        Assert.Equal(double.MaxValue, it.SigmaAfter);
        var small = new Arc().Iterate(new LinearOnNonNegatives(), At(0), 1);
        Assert.Equal(double.NegativeInfinity, small.ActualDecrease);
        Assert.Equal(2, small.SigmaAfter);
    }

    /// <summary>f(θ) = θ₁·10³⁰⁰ + θ₂·10⁻³⁰⁰, validating θ as <see cref="IObjective"/> asks.</summary>
    private sealed class SteepPlane : IObjective
    {
        public string Name => "steep plane";

        public int Dimension => 2;

        public double Value(Vector<double> theta)
        {
            if (theta.Count != 2 || !theta.All(double.IsFinite))
                throw new ArgumentException("θ must be two finite numbers.", nameof(theta));
            return 1e300 * theta[0] + 1e-300 * theta[1];
        }

        public Vector<double> Gradient(Vector<double> theta) => At(1e300, 1e-300);

        public Matrix<double> Hessian(Vector<double> theta) => Matrix<double>.Build.Dense(2, 2);
    }

    /// <summary>
    /// With σ = 2^-1074 and ∇f = (10³⁰⁰, 10⁻³⁰⁰) (H = 0) the subproblem's minimizer has ‖s‖ = √(‖∇f‖/σ) ≈ 1.4e312, beyond
    /// the double range: the iteration is rejected naming sigma. (Before stop 42 the solver returned s₁ close to
    /// −double.MaxValue, a silent wrong value, and the trial θ + s overflowed.) A trial beyond the range can no longer be
    /// reached from a solvable subproblem: m(0) − m(s) ≥ σ‖s‖³/6 ≤ MaxValue bounds ‖s‖ by about 1e211, below half an ulp of
    /// MaxValue, so Iterate's −∞ actual decrease for a non-finite trial stays as a guard only.
    /// </summary>
    [Fact]
    public void StepBeyondTheRange_IsRejectedNamingSigma() =>
        ArgumentAssert.Rejects(() => new Arc().Iterate(new SteepPlane(), At(-1e308, 0), double.Epsilon), "sigma", "double.MaxValue");

    /// <summary>f = +∞ at θ = 0 only, ∇f = (−1), H = 0: the trial s = 1 has a finite value.</summary>
    private sealed class InfiniteAtTheOrigin : IObjective
    {
        public string Name => "infinite-at-the-origin";

        public int Dimension => 1;

        public double Value(Vector<double> theta) => theta[0] == 0 ? double.PositiveInfinity : 0;

        public Vector<double> Gradient(Vector<double> theta) => At(-1);

        public Matrix<double> Hessian(Vector<double> theta) => Matrix<double>.Build.Dense(1, 1);
    }

    /// <summary>
    /// A non-finite f(θ) is rejected naming theta: before stop 42 the actual decrease ∞ − 0 = ∞ gave ρ = +∞ and an
    /// accepted, very successful step (and ∞ − ∞ a NaN ratio) silently.
    /// </summary>
    [Fact]
    public void InfiniteValueAtTheta_IsRejectedNamingTheta() =>
        ArgumentAssert.Rejects(() => new Arc().Iterate(new InfiniteAtTheOrigin(), At(0), 1), "theta", "finite f(θ)");

    /// <summary>A run starts at σ₀ with no record; an accepted step moves θ by s and returns s; σ follows each record.</summary>
    [Fact]
    public void Run_MovesOnAcceptance()
    {
        var run = (Arc.ArcRun)new Arc(new ArcSettings(Sigma0: 1)).Start(new QuarticBend(0), At(1));
        Assert.Equal(0, run.Iteration);
        Assert.Null(run.Last);
        Assert.Equal(1, run.Sigma);
        var step = run.Step();
        Assert.Equal(1, run.Iteration);
        Assert.NotNull(run.Last);
        Assert.True(run.Last!.Accepted);
        Assert.Equal(run.Last.Trial, step);
        AssertClose(-2, step[0]);
        Assert.Equal(1 + step[0], run.Theta[0]);
        Assert.Equal(0.5, run.Sigma);
        // Second step from θ = −1 with σ = ½ on f = 4θ (c = 0): s = −√8, still very successful.
        var second = run.Step();
        Assert.Equal(2, run.Iteration);
        AssertClose(-Math.Sqrt(8), second[0]);
        Assert.Equal(0.25, run.Sigma);
    }

    /// <summary>A rejected step returns the zero vector, leaves θ exactly where it was and raises σ.</summary>
    [Fact]
    public void Run_StaysOnRejection()
    {
        var run = (Arc.ArcRun)new Arc(new ArcSettings(Sigma0: 1)).Start(new QuarticBend(1), At(1));
        var step = run.Step();
        Assert.Equal(1, run.Iteration);
        Assert.False(run.Last!.Accepted);
        Assert.Equal(At(0), step);
        Assert.Equal(At(1), run.Theta);
        Assert.Equal(2, run.Sigma);
        // σ = 2: s = −√2, m(0) − m(s) = 4√2 − (2/3)(√2)³ = (8/3)√2; f(1 − √2) = 4 − 4√2 + (√2)⁴ = 8 − 4√2, so the
        // actual decrease is 4√2 − 4 and ρ = (4√2 − 4)/((8/3)√2) = 0.439… ∈ [η₁, η₂): accepted, σ kept.
        var second = run.Step();
        Assert.True(run.Last!.Accepted);
        AssertClose(-Math.Sqrt(2), second[0]);
        Assert.Equal(2, run.Sigma);
        Assert.Equal(2, run.Iteration);
    }
}
