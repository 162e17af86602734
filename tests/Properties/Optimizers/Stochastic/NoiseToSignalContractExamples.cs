using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// η² = tr(Σ)/‖∇f‖² (thesis eq. 4.9) and its minibatch estimate tr(s)/‖g‖²: the input contract, the trace (a sum, not a
/// maximum) and the sign of the infinite value at g = 0; expected values by hand.
/// </summary>
public class NoiseToSignalContractExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static double Estimate(double[] g, double[] s) => NoiseToSignal.Estimate(new GradientSample(V(g), 2, V(s)));

    /// <summary>A null sample or objective is an ArgumentNullException naming it (not a NullReferenceException, nor a silent null).</summary>
    [Fact]
    public void NullArguments_AreNamed()
    {
        Assert.Equal("sample", Assert.Throws<ArgumentNullException>(() => NoiseToSignal.Estimate(null!)).ParamName);
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => NoiseToSignal.Exact(null!, V(0))).ParamName);
    }

    /// <summary>g and s of different lengths are rejected (a longer s would add foreign entries to the trace).</summary>
    [Fact]
    public void Estimate_RejectsMislengthVariance()
    {
        var e = Assert.Throws<ArgumentException>(() => Estimate([1, 1], [1, 1, 1]));
        Assert.Equal("sample", e.ParamName);
        Assert.Contains("length", e.Message);
    }

    /// <summary>The objective's gradient must be finite and as long as its variance, else rejected naming θ.</summary>
    [Fact]
    public void Exact_RejectsNonFiniteOrMislengthGradient()
    {
        var nanGradient = new ScriptedStochasticObjective(V(double.NaN, 1), V(1, 1));
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => NoiseToSignal.Exact(nanGradient, V(0, 0))).ParamName);
        var longVariance = new ScriptedStochasticObjective(V(1, 1), V(1, 1, 1));
        var e = Assert.Throws<ArgumentException>(() => NoiseToSignal.Exact(longVariance, V(0, 0)));
        Assert.Equal("theta", e.ParamName);
        Assert.Contains("length", e.Message);
    }

    /// <summary>g = (1, 0), s = (1, 3): tr(s) = 4 (a maximum would give 3), ‖g‖² = 1, η² = 4; the exact form alike.</summary>
    [Fact]
    public void Trace_IsTheSumOfTheVariances()
    {
        Assert.Equal(4.0, Estimate([1, 0], [1, 3]));
        Assert.Equal(4.0, NoiseToSignal.Exact(new ScriptedStochasticObjective(V(1, 0), V(1, 3)), V(0, 0)));
    }

    /// <summary>
    /// At g = 0 the ratio is ±∞ with the sign of tr(s) (the remarks of <see cref="NoiseToSignal"/>: −∞ if tr(s) &lt; 0, which a
    /// variance never is), the same inside the plain range (s = −1) and beyond it (s = −2^200), and +∞ for tr(s) &gt; 0.
    /// </summary>
    [Fact]
    public void ZeroGradient_GivesInfinityWithTheSignOfTheTrace()
    {
        Assert.Equal(double.PositiveInfinity, Estimate([0], [1]));
        Assert.Equal(double.PositiveInfinity, Estimate([0], [Math.ScaleB(1, 200)]));
        Assert.Equal(double.NegativeInfinity, Estimate([0], [-Math.ScaleB(1, 200)]));
        Assert.Equal(double.NegativeInfinity, Estimate([0], [-1]));
    }

    /// <summary>
    /// A closed-form variance that is not finite (∞ or NaN; an objective other than <c>NoisyGradientObjective</c>) is
    /// rejected naming θ, as a non-finite gradient is: tr(Σ) = ∞ has no ratio (it was the silent +∞, or NaN).
    /// </summary>
    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void Exact_RejectsANonFiniteVariance_NamingTheta(double bad) =>
        ArgumentAssert.Rejects(() => NoiseToSignal.Exact(new ScriptedStochasticObjective(V(1, 1), V(bad, 1)), V(0, 0)), "theta", "must be finite");

    /// <summary>The parts form names a null sample as <see cref="NoiseToSignal.Estimate"/> does (not a NullReferenceException).</summary>
    [Fact]
    public void EstimateParts_OfANullSample_NamesIt() =>
        Assert.Equal("sample", Assert.Throws<ArgumentNullException>(() => NoiseToSignal.EstimateParts(null!)).ParamName);
}
