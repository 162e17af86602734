using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// Adam's input contract (thesis eqs. 5.1–5.4): each bad argument is an <see cref="ArgumentException"/> naming the
/// parameter and saying the range, and the edge values of each range are accepted.
/// </summary>
public class AdamInputExamples
{
    private static GradientSample Unit(params double[] g) => new(Vector<double>.Build.DenseOfArray(g), 1, null);

    [Fact]
    public void BatchSize_BelowOne_IsRejected_OneAndAboveAccepted()
    {
        var e = Assert.Throws<ArgumentException>(() => new Adam(0.1, batchSize: 0));
        Assert.Equal("batchSize", e.ParamName);
        Assert.Contains("batchSize must be ≥ 1, got 0", e.Message);
        Assert.Equal(1, new Adam(0.1, batchSize: 1).BatchSize);
        Assert.Equal(2, new Adam(0.1, batchSize: 2).BatchSize);
    }

    [Fact]
    public void Name_ShowsEveryHyperparameter()
    {
        Assert.Equal("adam(α=0.1, β1=0.9, β2=0.999, ε=1E-08, m=3)", new Adam(0.1, batchSize: 3).Name);
    }

    /// <summary>Direction rejects m = NaN (else m/(√v + ε) = NaN), v &lt; 0 (√v = NaN) and ε &lt; 0 (a negative denominator).</summary>
    [Fact]
    public void Direction_RejectsEachBadInput_NamingIt()
    {
        var m = Assert.Throws<ArgumentException>(() => Adam.Direction(double.NaN, 1, 0));
        Assert.Equal("m", m.ParamName);
        Assert.Contains("finite", m.Message);
        var v = Assert.Throws<ArgumentException>(() => Adam.Direction(1, -1, 0));
        Assert.Equal("v", v.ParamName);
        Assert.Contains("≥ 0", v.Message);
        var epsilon = Assert.Throws<ArgumentException>(() => Adam.Direction(1, 0, -1));
        Assert.Equal("epsilon", epsilon.ParamName);
        Assert.Contains("≥ 0", epsilon.Message);
    }

    [Fact]
    public void BiasCorrection_CountBelowOne_SaysTheRange()
    {
        var e = Assert.Throws<ArgumentException>(() => Adam.BiasCorrection(0.9, 0));
        Assert.Equal("count", e.ParamName);
        Assert.Contains("count must be ≥ 1, got 0", e.Message);
    }

    /// <summary>β is checked first: with β = 1 and count = 0 both bad, the exception names β (its range comes before the count's).</summary>
    [Fact]
    public void BiasCorrection_BetaIsCheckedBeforeTheCount()
    {
        var e = Assert.Throws<ArgumentException>(() => Adam.BiasCorrection(1.0, 0));
        Assert.Equal("beta", e.ParamName);
        Assert.Contains("[0, 1)", e.Message);
    }

    /// <summary>d = 1 is a valid dimension (one coordinate: the first step is −α·sign(g)·|g|/(|g| + ε) = −α/(1 + ε) at g = 1).</summary>
    [Fact]
    public void StartRule_AcceptsDimensionOne_AndRejectsZeroSayingTheRange()
    {
        var step = new Adam(0.5, epsilon: 0).StartRule(1).Step(Vector<double>.Build.Dense(1), Unit(1.0), 0);
        Assert.Equal([-0.5], step.ToArray());
        var e = Assert.Throws<ArgumentException>(() => new Adam(0.1).StartRule(0));
        Assert.Equal("dimension", e.ParamName);
        Assert.Contains("dimension must be ≥ 1, got 0", e.Message);
    }

    /// <summary>A NaN entry is rejected as non-finite (naming its index), before the range check of g² (which would only say "outside the range").</summary>
    [Fact]
    public void Step_NonFiniteGradient_IsRejectedAsNonFinite()
    {
        var e = Assert.Throws<ArgumentException>(() => new Adam(0.1).StartRule(2).Step(Vector<double>.Build.Dense(2), Unit(1.0, double.NaN), 0));
        Assert.Equal("gradient", e.ParamName);
        Assert.Contains("gradient[1] must be finite", e.Message);
    }

    /// <summary>A gradient longer than the rule's dimension was silently truncated to its first d entries; it is rejected.</summary>
    [Fact]
    public void Step_GradientOfAnotherLength_IsRejectedNamingTheGradient()
    {
        var rule = new Adam(0.1).StartRule(2);
        var e = Assert.Throws<ArgumentException>(() => rule.Step(Vector<double>.Build.Dense(2), Unit(1.0, 2.0, 3.0), 0));
        Assert.Equal("gradient", e.ParamName);
        Assert.Contains("length 3, expected 2", e.Message);
    }

    /// <summary>m/(√v + ε) adds ε to the root: m = 3, v = 4, ε = 1 gives 3/(2 + 1) = 1 exactly (and 3/2 at ε = 0).</summary>
    [Fact]
    public void Direction_AddsEpsilonToTheRoot()
    {
        Assert.Equal(1.0, Adam.Direction(3, 4, 1));
        Assert.Equal(1.5, Adam.Direction(3, 4, 0));
    }
}
