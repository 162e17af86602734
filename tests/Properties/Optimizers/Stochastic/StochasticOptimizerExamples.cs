using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Stochastic;
using Xunit;
using Verification.Optimizers.FirstOrder;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>Conformance of the stochastic optimizers with thesis eqs. (3.7), (5.1)–(5.5), Algs. 2 and 4 and §5.4.4.</summary>
public class StochasticOptimizerExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static NoisyGradientObjective NoisyQuadratic(int seed) =>
        new(Quadratic.Diagonal(V(1, 10), V(1, -2)), V(0.5, 2), seed);

    [Fact]
    public void Sgd_OnADeterministicObjective_IsGradientDescent()
    {
        var q = Quadratic.Diagonal(V(1, 3), V(1, 1));
        var a = Trajectory.Record(new Sgd(0.1), q, V(2, -1), 10);
        var b = Trajectory.Record(new GradientDescent(0.1), q, V(2, -1), 10);
        Assert.Equal(b.Points.Select(p => p.ToArray()), a.Points.Select(p => p.ToArray()));
    }

    [Fact]
    public void Runs_OfASeededObjective_ReplayTheSameSamples()
    {
        var opt = VarianceAdapted.MSvag(0.1, 0.9);
        var a = Trajectory.Record(opt, NoisyQuadratic(3), V(1, 1), 20);
        var b = Trajectory.Record(opt, NoisyQuadratic(3), V(1, 1), 20);
        var c = Trajectory.Record(opt, NoisyQuadratic(4), V(1, 1), 20);
        Assert.Equal(a.Values, b.Values);
        Assert.NotEqual(a.Values, c.Values);
    }

    [Theory]
    [InlineData(1.0, 0.9)]
    [InlineData(-3e-200, 0.5)]   // m² underflows: the factor must still be 1 at t = 0
    [InlineData(7e150, 0.999)]
    public void MSvag_FirstStep_IsAnSgdStep(double g, double beta)
    {
        // §5.4.4: ŝ₀ = 0 gives γ = 1 and m₀ = g₀. The bias correction (1 − β)g/(1 − β) may round: 2 ulp.
        var q = Quadratic.Diagonal(V(0), V(-g));   // ∇f(0) = −b = g
        var run = VarianceAdapted.MSvag(0.5, beta).Start(q, V(0));
        double step = run.Step()[0];
        Assert.Equal(-0.5 * g, step, Math.Abs(0.5 * g) * 4.5e-16);
    }

    /// <summary>
    /// g = 2e154 squares to 4e308, beyond double.MaxValue: formerly g² = ∞ reached MovingAverages.Add, whose
    /// ArgumentException named its own input "y"; now the step rejects the sample up front, naming the range 2^511.
    /// </summary>
    [Theory]
    [InlineData(false, 2e154)]
    [InlineData(true, -2e154)]
    [InlineData(false, 6.7039039649713e153)]   // just above 2^511 ≈ 6.703903964971299e153
    public void VarianceAdapted_GradientBeyondItsRange_IsRejectedNamingTheSample(bool momentum, double g)
    {
        var q = Quadratic.Diagonal(V(0, 1), V(-g, 0));   // ∇f(0) = −b = (g, 0)
        var optimizer = momentum ? VarianceAdapted.MSvag(0.1, 0.9) : VarianceAdapted.Svag(0.1, 0.9);
        var run = optimizer.Start(q, V(0, 0));
        var e = Assert.Throws<ArgumentException>(() => run.Step());
        Assert.Equal("sample", e.ParamName);
        Assert.Contains("2^511", e.Message);
        Assert.Equal(0, run.Iteration);
    }

    /// <summary>
    /// The largest accepted entry, g = 2^511 (v = g² = 2^1022 is a double): SVAG and M-SVAG are invariant under g → 2^k·g
    /// (m scales by 2^k, v by 2^2k, the factor is a function of v/m²), and scaling by a power of two commutes with every
    /// rounding while no value leaves the normal range, so each step is 2^511 times the step at g = 1, bit for bit.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void VarianceAdapted_AtTheLargestAcceptedGradient_IsTheUnitRunScaled(bool momentum)
    {
        double g = MovingAverages.MaxSquaredEntry;
        Assert.Equal(Math.ScaleB(1.0, 511), g);
        var optimizer = momentum ? VarianceAdapted.MSvag(0.5, 0.9) : VarianceAdapted.Svag(0.5, 0.9);
        var unit = optimizer.Start(Quadratic.Diagonal(V(0, 0), V(-1, -0.75)), V(0, 0));
        var largest = optimizer.Start(Quadratic.Diagonal(V(0, 0), V(-g, -0.75 * g)), V(0, 0));
        for (int t = 0; t < 5; t++)
        {
            var expected = unit.Step() * Math.ScaleB(1.0, 511);
            Assert.Equal(expected.ToArray(), largest.Step().ToArray());
        }
    }

    [Fact]
    public void VarianceAdapted_SkipsCoordinatesWhereMAndVAreZero_AndKeepsFactorsInUnitInterval()
    {
        var q = Quadratic.Diagonal(V(0, 1), V(0, 1));   // first coordinate has ∇f = 0 and no noise below
        var noisy = new NoisyGradientObjective(q, V(0, 1), 5);
        var run = VarianceAdapted.Svag(0.1, 0.9).Start(noisy, V(0, 0));
        for (int t = 0; t < 30; t++)
            Assert.Equal(0, run.Step()[0]);
        for (int t = 1; t < 50; t++)
        {
            double f = VarianceAdapted.Factor(0.3, 0.3 * 0.3 * (1 + t), 0.9, t, momentum: true);
            Assert.InRange(f, 0, 1);
        }
        Assert.Equal(1, VarianceAdapted.Factor(2, 4, 0.9, 0, momentum: false));
    }

    [Fact]
    public void VarianceAdapted_RejectsBetaZero_BecauseRhoIsOneThere()
    {
        var e = Assert.Throws<ArgumentException>(() => VarianceAdapted.MSvag(0.1, 0));
        Assert.Equal("beta", e.ParamName);
        Assert.Contains("ρ(0, t) = 1", e.Message);
        Assert.Equal(1, MovingAverages.Rho(0.9, 0), 15);
        Assert.Equal((1 - 0.9) / (1 + 0.9), MovingAverages.Rho(0.9, 10_000), 15);
    }

    [Theory]
    [InlineData(0.3, 0.2)]
    [InlineData(-1e-160, 4e-320)]
    [InlineData(2.0, 1.0)]      // v < m² (possible when β₁ ≠ β₂): the factor exceeds 1
    [InlineData(-5.0, 1e6)]
    public void AdamDirection_WithoutEpsilon_EqualsSignTimesFactor(double m, double v)
    {
        // Eq. (5.5): m/√v = sign(m)(1 + η̂²)^(−1/2); the factor form is computed as |m|/√v, so agreement is to rounding.
        double direct = Adam.Direction(m, v, 0);
        double decomposed = AdamDecomposition.Direction(m, v);
        Assert.Equal(direct, decomposed, Math.Abs(direct) * 1e-15);
        double gamma = 1 / Math.Sqrt(1 + AdamDecomposition.RelativeVariance(m, v));
        Assert.Equal(AdamDecomposition.Factor(m, v), gamma, AdamDecomposition.Factor(m, v) * 1e-12);
    }

    [Fact]
    public void AdamDecomposition_AtMZero_IsZeroOrUndefined()
    {
        Assert.Equal(0, AdamDecomposition.Factor(0, 1));
        Assert.Equal(double.PositiveInfinity, AdamDecomposition.RelativeVariance(0, 1));
        Assert.Equal("m", Assert.Throws<ArgumentException>(() => AdamDecomposition.Factor(0, 0)).ParamName);
        Assert.Equal(0, Adam.Direction(0, 0, 0));
    }

    [Fact]
    public void Adam_WithBeta1Below_Beta2_CanHaveFactorAboveOne()
    {
        // The eq-5.5/adam-moments finding on the optimizer itself: g = 0 (20 times), then 1, with β₁ = 0.5, β₂ = 0.9:
        // m ≈ 0.5, v ≈ 0.1/(1 − 0.9²¹) ≈ 0.112 < m², so |m|/√v ≈ 1.49.
        var run = new Adam(1, 0.5, 0.9, 0);
        var q = new ScriptedGradients([.. new double[20], 1]);
        var r = run.Start(q, V(0));
        double last = 0;
        for (int t = 0; t < 21; t++) last = r.Step()[0];
        Assert.True(Math.Abs(last) > 1, $"|step| = {Math.Abs(last)} should exceed α = 1");
    }

    [Fact]
    public void SgdRules_OfChapter4_FollowPropositions41And42()
    {
        Assert.Equal(0.5, VarianceAdaptedStepSgd.OptimalStepFactor(4, 4));
        Assert.Equal(0, VarianceAdaptedStepSgd.OptimalStepFactor(double.PositiveInfinity, 1));
        var rule = new AdaptiveBatchSgd(1, 1, 2, 100);
        Assert.Equal(20, rule.BatchSizeFor(10));   // m* = 2·1·10/(2 − 1)
        Assert.Equal(2, rule.BatchSizeFor(0));
        Assert.Equal(100, rule.BatchSizeFor(1e300));
        var exact = Trajectory.Record(new VarianceAdaptedStepSgd(10, 1, exactNoise: true), NoisyQuadratic(1), V(1, 1), 200);
        Assert.Null(exact.StoppedBecause);
        Assert.True(exact.FinalValue < exact.Values[0]);
        Assert.Equal("batchSize", Assert.Throws<ArgumentException>(() => new VarianceAdaptedStepSgd(1, 1)).ParamName);
    }

    [Fact]
    public void NoisySampler_HasCovarianceSigmaSquaredOverM_WithinItsConfidenceInterval()
    {
        // Eq. (3.5) for the seeded wrapper: Var[gᵢ] = σᵢ²/m. 4000 minibatches of m = 4; the sample variance of a normal
        // mean has relative standard error √(2/(n − 1)) ≈ 2.2 %; 6 standard errors (≈ 13 %) is a 1e-9-level interval.
        var objective = NoisyQuadratic(17);
        var sampler = objective.OpenSampler();
        var theta = V(0.5, -0.5);
        var mean = objective.Gradient(theta);
        const int n = 4000, m = 4;
        var sum = new double[2];
        for (int k = 0; k < n; k++)
        {
            var g = sampler.Sample(theta, m).Gradient;
            for (int i = 0; i < 2; i++) sum[i] += (g[i] - mean[i]) * (g[i] - mean[i]);
        }
        var sigma2 = objective.PerSampleVariance(theta)!;
        for (int i = 0; i < 2; i++)
            Assert.InRange(sum[i] / n / (sigma2[i] / m), 1 - 6 * Math.Sqrt(2.0 / (n - 1)), 1 + 6 * Math.Sqrt(2.0 / (n - 1)));
    }

    /// <summary>A one-dimensional stochastic objective whose gradients follow a script (f = 0): for moment checks.</summary>
    private sealed class ScriptedGradients(double[] script) : IStochasticObjective
    {
        public string Name => "scripted";

        public int Dimension => 1;

        public double Value(Vector<double> theta) => 0;

        public Vector<double> Gradient(Vector<double> theta) => V(0);

        public Matrix<double> Hessian(Vector<double> theta) => Matrix<double>.Build.Dense(1, 1);

        public Vector<double>? PerSampleVariance(Vector<double> theta) => null;

        public IGradientSampler OpenSampler() => new Sampler(script);

        private sealed class Sampler(double[] script) : IGradientSampler
        {
            private int next;

            public GradientSample Sample(Vector<double> theta, int batchSize) => new(V(script[next++ % script.Length]), batchSize, null);
        }
    }
}
