using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Xunit;
using Verification.Optimizers.FirstOrder;

namespace Verification.Tests.Properties.Optimizers;

/// <summary>
/// <see cref="Trajectory.Record"/> and the runs of <see cref="StatelessOptimizer"/> against closed forms: gradient
/// descent with step η on f(θ) = ½‖θ‖² multiplies θ by (1 − η) each step, so with η = ½ and θ₀ = (4, −8) the iterates
/// are θ_t = 2^-t·θ₀ and f(θ_t) = 40·4^-t, all exact in binary. A run stops, and says at which step, when θ or f(θ)
/// leaves the doubles. Found by mutation testing (docs/mutation-testing.md): the stop conditions, the step count and
/// the recorded θ₀ could be changed without a test failing.
/// </summary>
public class TrajectoryRecordExamples
{
    private static readonly Quadratic HalfSquaredNorm =
        Quadratic.Diagonal(Vector<double>.Build.Dense([1.0, 1.0]), Vector<double>.Build.Dense(2));

    [Fact]
    public void Record_OfGradientDescentOnHalfSquaredNorm_IsTheGeometricSequence()
    {
        var run = Trajectory.Record(new GradientDescent(0.5), HalfSquaredNorm, Vector<double>.Build.Dense([4.0, -8.0]), 3);
        Assert.Null(run.StoppedBecause);
        Assert.Equal(4, run.Points.Count);
        Assert.Equal(4, run.Values.Count);
        for (int t = 0; t <= 3; t++)
        {
            double scale = Math.ScaleB(1, -t);
            Assert.Equal([4.0 * scale, -8.0 * scale], run.Points[t].ToArray());
            Assert.Equal(40.0 * scale * scale, run.Values[t]);
        }
        Assert.Equal(40.0 / 64, run.FinalValue);
    }

    /// <summary>Zero steps is a valid request: the trajectory is θ₀ alone.</summary>
    [Fact]
    public void Record_OfZeroSteps_IsTheStartingPointAlone()
    {
        var run = Trajectory.Record(new GradientDescent(0.5), HalfSquaredNorm, Vector<double>.Build.Dense([4.0, -8.0]), 0);
        Assert.Null(run.StoppedBecause);
        Assert.Equal([4.0, -8.0], Assert.Single(run.Points).ToArray());
        Assert.Equal(40.0, Assert.Single(run.Values));
    }

    /// <summary>
    /// The shared check of every Start: a null objective is an ArgumentNullException naming it (not a NullReferenceException
    /// from reading its dimension), θ₀ is copied (the run owns it) and checked for finiteness and f's dimension.
    /// </summary>
    [Fact]
    public void StartingPoint_ChecksItsArguments_AndCopiesTheta0()
    {
        var theta0 = Vector<double>.Build.Dense([1.0, 2.0]);
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => OptimizerArguments.StartingPoint(null!, theta0)).ParamName);
        Assert.Equal("theta0", Assert.Throws<ArgumentException>(() =>
            OptimizerArguments.StartingPoint(HalfSquaredNorm, Vector<double>.Build.Dense([1.0, double.NaN]))).ParamName);
        Assert.Equal("theta0", Assert.Throws<ArgumentException>(() =>
            OptimizerArguments.StartingPoint(HalfSquaredNorm, Vector<double>.Build.Dense(3))).ParamName);
        var copy = OptimizerArguments.StartingPoint(HalfSquaredNorm, theta0);
        Assert.Equal(theta0, copy);
        Assert.NotSame(theta0, copy);
    }

    [Fact]
    public void Record_RejectsNegativeStepsAndMissingArguments()
    {
        var theta0 = Vector<double>.Build.Dense(2);
        var negative = Assert.Throws<ArgumentException>(() => Trajectory.Record(new GradientDescent(0.5), HalfSquaredNorm, theta0, -1));
        Assert.Equal("steps", negative.ParamName);
        Assert.Contains("steps must be ≥ 0, got -1", negative.Message);
        Assert.Equal("optimizer", Assert.Throws<ArgumentNullException>(() =>
            Trajectory.Record(null!, HalfSquaredNorm, theta0, 1)).ParamName);
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() =>
            Trajectory.Record(new GradientDescent(0.5), null!, theta0, 1)).ParamName);
    }

    /// <summary>
    /// On the linear f(θ) = −bᵀθ with b = (1e308, 0), gradient descent with η = 1 steps by Δθ = b (finite). From
    /// θ₀ = (1e308, 1), θ₁ = (2e308, 1) overflows in one coordinate, so the run stops at step 1 and keeps θ₀ only.
    /// </summary>
    [Fact]
    public void Record_StopsWhereOneCoordinateOfThetaOverflows()
    {
        var run = Trajectory.Record(new GradientDescent(1),
            Quadratic.Diagonal(Vector<double>.Build.Dense(2), Vector<double>.Build.Dense([1e308, 0.0])),
            Vector<double>.Build.Dense([1e308, 1.0]), 5);
        Assert.Single(run.Points);
        Assert.NotNull(run.StoppedBecause);
        Assert.StartsWith("θ", run.StoppedBecause);
        Assert.EndsWith("step 1", run.StoppedBecause);
    }

    /// <summary>
    /// With η = 1 + 1e100, θ_(t+1) = −1e100·θ_t (every step finite). From θ₀ = (1, 1): θ₁ = (−1e100, −1e100), f = 1e200, finite; θ₂ = (1e200, 1e200) is finite but
    /// f(θ₂) = 1e400 is not, so the run stops at step 2 with θ₀ and θ₁ recorded.
    /// </summary>
    [Fact]
    public void Record_StopsWhereTheValueOverflowsAlthoughThetaIsFinite()
    {
        var run = Trajectory.Record(new GradientDescent(1 + 1e100), HalfSquaredNorm, Vector<double>.Build.Dense([1.0, 1.0]), 5);
        Assert.Equal(2, run.Points.Count);
        Assert.Equal(1e200, run.Values[1], 1e186);
        Assert.NotNull(run.StoppedBecause);
        Assert.StartsWith("f", run.StoppedBecause);
        Assert.EndsWith("step 2", run.StoppedBecause);
    }

    [Fact]
    public void StatelessRun_CountsItsSteps()
    {
        var run = new GradientDescent(0.5).Start(HalfSquaredNorm, Vector<double>.Build.Dense([4.0, -8.0]));
        Assert.Equal(0, run.Iteration);
        run.Step();
        run.Step();
        Assert.Equal(2, run.Iteration);
        Assert.Equal([1.0, -2.0], run.Theta.ToArray());
    }

    [Fact]
    public void StatelessStart_RejectsANonFiniteStartingPoint()
    {
        Assert.Equal("theta0", Assert.ThrowsAny<ArgumentException>(() =>
            new GradientDescent(0.5).Start(HalfSquaredNorm, Vector<double>.Build.Dense([double.NaN, 0.0]))).ParamName);
    }
}
