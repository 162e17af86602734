using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.SecondOrder;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// The diagonal Sophia (App. K's OPT²) as one optimizer: on its own (App. K's "pure Sophia" reference run) and in an AMOS
/// slot it is the same rule, its first steps follow the closed form, and it steps only the coordinates it owns.
/// </summary>
public class SophiaDiagonalExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    public static TheoryData<string> Problems => ["rosenbrock", "cubic-perturbed-quadratic"];

    private static (IObjective F, Vector<double> Start) Problem(string name) => name switch
    {
        "rosenbrock" => (new ScaledRosenbrock(), ScaledRosenbrock.PaperStart),
        _ => (new CubicPerturbedQuadratic(Matrix<double>.Build.DiagonalOfDiagonalArray([1.0, -0.5, 2.0]), 0.5, V(1.0, 0.5, -0.5), name), V(1.0, 1.0, 1.0)),
    };

    /// <summary>
    /// L_thresh = double.MaxValue: L_t^i is finite, so line 7 never picks OPT¹ and AMOS is Sophia on every coordinate; its
    /// iterates must be Sophia's own run bit for bit (same rule, same gradients, same Hessian diagonals, same step count).
    /// </summary>
    [Theory]
    [MemberData(nameof(Problems))]
    public void OnItsOwn_IsAmosWithEveryCoordinateOnOpt2(string problem)
    {
        var (f, start) = Problem(problem);
        var sophia = new SophiaDiagonal(0.05, rho: 0.5, hessianEvery: 2);
        var amos = (Amos.AmosRun)new Amos(new Sgd(0.05), sophia, new AmosSettings(double.MaxValue, AlphaL: 0.9)).Start(f, start);
        var alone = sophia.Start(f, start);
        for (int t = 0; t < 30; t++)
        {
            amos.Step();
            alone.Step();
            Assert.DoesNotContain(true, amos.UsesFirstOrder);
            Assert.Equal(amos.Theta.ToArray(), alone.Theta.ToArray());
        }
        Assert.NotEqual(start.ToArray(), alone.Theta.ToArray());
    }

    /// <summary>
    /// f(θ) = θ² (H = 2), θ₀ = 1, η = 1/4, ρ = 1, β₁ = β₂ = 1/2. Step 1: g = 2, m = 1, h = 1, ratio 1, Δ = −1/4 (exact).
    /// Step 2: g = 3/2, m = 5/4, h = 3/2, Δ = −(1/4)(5/6) = −5/24; every operation but the quotient is exact in binary, so
    /// the computed Δ is within one rounding of −5/24: |Δ + 5/24| ≤ 2⁻⁵³·(5/24).
    /// </summary>
    [Fact]
    public void FirstSteps_MatchTheClosedForm()
    {
        var run = new SophiaDiagonal(0.25, rho: 1, beta1: 0.5, beta2: 0.5).Start(Quadratic.Diagonal(V(2), V(0)), V(1));
        Assert.Equal(-0.25, run.Step()[0]);
        double second = run.Step()[0];
        Assert.True(Math.Abs(second + 5.0 / 24) <= Math.ScaleB(5.0 / 24, -53), $"Δ₂ = {second:R}, expected −5/24");
    }

    /// <summary>
    /// f(θ) = −θ² (H = −2): h = −1 ≤ 0, so the denominator is ε and the clip gives Δ = −η·sgn(m) = +η exactly (m = −1 at
    /// θ₀ = 1): Sophia never divides by a non-positive curvature.
    /// </summary>
    [Fact]
    public void NegativeCurvature_StepIsClippedToTheLearningRate()
    {
        var run = new SophiaDiagonal(0.25, rho: 1, beta1: 0.5, beta2: 0.5).Start(Quadratic.Diagonal(V(-2), V(0)), V(1));
        Assert.Equal(0.25, run.Step()[0]);
    }

    /// <summary>
    /// The rule steps only the owned coordinates: the other entries of Δ stay as they were (NaN here), and a coordinate's
    /// first owned step is that of a fresh rule (its state did not move while another coordinate was stepped); the Hessian
    /// diagonal is read once per refresh step and not at all when no coordinate is owned.
    /// </summary>
    [Fact]
    public void Rule_StepsOnlyTheOwnedCoordinates()
    {
        var sophia = new SophiaDiagonal(0.1, rho: 0.5, beta1: 0.5, beta2: 0.5);
        var g = V(1.5, -2);
        int calls = 0;
        Vector<double> Diagonal()
        {
            calls++;
            return V(3, 0.25);
        }

        var rule = sophia.StartCoordinates(2);
        var none = Vector<double>.Build.Dense(2, double.NaN);
        rule.Step(g, Diagonal, [], none);
        Assert.Equal(0, calls);
        Assert.All(none, x => Assert.True(double.IsNaN(x)));

        var first = Vector<double>.Build.Dense(2, double.NaN);
        rule.Step(g, Diagonal, [0], first);
        var second = Vector<double>.Build.Dense(2, double.NaN);
        rule.Step(g, Diagonal, [1], second);
        Assert.Equal(2, calls);
        Assert.True(double.IsNaN(first[1]) && double.IsNaN(second[0]));

        var fresh = Vector<double>.Build.Dense(2, double.NaN);
        sophia.StartCoordinates(2).Step(g, Diagonal, [0, 1], fresh);
        Assert.Equal(fresh[0], first[0]);
        Assert.Equal(fresh[1], second[1]);
        Assert.Equal("dimension", Assert.Throws<ArgumentException>(() => sophia.StartCoordinates(0)).ParamName);
    }

    /// <summary>
    /// Sophia with η = 2^400, ε = 2^100, m = 2^-1030 (subnormal), h = −1: ρh &lt; ε, so the step is −η·m/ε = −2^-730 exactly;
    /// m/ε underflowed to 0 first and the step was −0.
    /// </summary>
    [Fact]
    public void SophiaUpdate_WhereTheRatioUnderflows_KeepsTheStep() =>
        Assert.Equal(-Math.ScaleB(1.0, -730), new SophiaDiagonal(Math.ScaleB(1.0, 400), epsilon: Math.ScaleB(1.0, 100)).Update(Math.ScaleB(1.0, -1030), -1));

    /// <summary>Sophia with ρ = 2 at m = h = 1e308: m/(ρh) = 1/2 exactly, step −η/2; ρh overflowed and m/∞ gave 0.</summary>
    [Fact]
    public void SophiaUpdate_WhereRhoHOverflows_KeepsTheRatio() =>
        Assert.Equal(-0.05, new SophiaDiagonal(0.1, rho: 2).Update(1e308, 1e308));

    /// <summary>
    /// The moment update at x = y = ±double.MaxValue is exactly ±double.MaxValue (a convex combination, never ±∞) for App. K's
    /// β₁ = 0.9, β₂ = 0.95, β near 1 and β = 0 (other β may round one ulp below, inside the stated bound that the
    /// property checks); β = 1, a NaN or ±∞ moment or sample are ArgumentExceptions naming them.
    /// </summary>
    [Theory]
    [InlineData(0.9)]
    [InlineData(0.95)]
    [InlineData(1 - 1.1102230246251565e-16)]
    [InlineData(0.0)]
    public void MomentUpdate_AtMaxValue_IsMaxValue(double beta)
    {
        Assert.Equal(double.MaxValue, SophiaDiagonal.MomentUpdate(beta, double.MaxValue, double.MaxValue));
        Assert.Equal(-double.MaxValue, SophiaDiagonal.MomentUpdate(beta, -double.MaxValue, -double.MaxValue));
        Assert.Equal("beta", Assert.Throws<ArgumentException>(() => SophiaDiagonal.MomentUpdate(1, 0, 0)).ParamName);
        Assert.Equal("average", Assert.Throws<ArgumentException>(() => SophiaDiagonal.MomentUpdate(beta, double.NaN, 0)).ParamName);
        Assert.Equal("sample", Assert.Throws<ArgumentException>(() => SophiaDiagonal.MomentUpdate(beta, 0, double.PositiveInfinity)).ParamName);
    }

    /// <summary>A NaN moment is an ArgumentException naming it (it was a silent NaN step).</summary>
    [Fact]
    public void SophiaUpdate_OfANaNMoment_IsRejected() =>
        Assert.Equal("m", Assert.Throws<ArgumentException>(() => new SophiaDiagonal(0.1).Update(double.NaN, 1)).ParamName);

    /// <summary>
    /// Sophia with a subnormal ε = 2^-1070, ρ = 2^-60, h = 2^-1010·65/64, m = 2^-1074, η = 1: the exact ρh = ε·65/64 is above ε,
    /// so the step is −η·m/(ρh) = −2^-4·64/65 (≈ −0.0615). ρh rounded to the subnormal grid (spacing ε/16) is ε, and the
    /// step was −m/ε = −2^-4, 1.6% off; within the stated 3 ulp of the exact rational now.
    /// </summary>
    [Fact]
    public void SophiaUpdate_WhereSubnormalRhoHRoundsOntoASubnormalEpsilon_UsesTheExactRhoH()
    {
        double epsilon = Math.ScaleB(1.0, -1070), rho = Math.ScaleB(1.0, -60), h = Math.ScaleB(65.0 / 64, -1010), m = double.Epsilon;
        double step = new SophiaDiagonal(1, rho: rho, epsilon: epsilon).Update(m, h);
        var exact = -Verification.Numerics.Exact.ExactDouble.ToFraction(m)
            / (Verification.Numerics.Exact.ExactDouble.ToFraction(rho) * Verification.Numerics.Exact.ExactDouble.ToFraction(h));
        double ulps = Verification.Numerics.Exact.ExactDouble.UlpError(step, Verification.Numerics.Exact.RationalInterval.Exact(exact));
        Assert.True(ulps <= 3, $"step {step:R} is {ulps:G3} ulp off the exact −2^-4·64/65");
    }
}
