using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.SecondOrder;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>The one SGD as AMOS's OPT¹ (elmo-amos App. K): the same rule restricted to the coordinates a slot owns.</summary>
public class SgdExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>
    /// SGD in both slots: whichever slot owns a coordinate, its step is −α·∂_i f, so AMOS must be SGD's own run bit for bit.
    /// The case must really split the coordinates between the slots at some step (else it would not test the restriction).
    /// </summary>
    [Fact]
    public void InBothAmosSlots_IsSgdOnItsOwn()
    {
        var f = new ScaledRosenbrock();
        var sgd = new Sgd(0.05);
        var amos = (Amos.AmosRun)new Amos(sgd, new Sgd(0.05), new AmosSettings(0.1, AlphaL: 0.9)).Start(f, ScaledRosenbrock.PaperStart);
        var alone = sgd.Start(f, ScaledRosenbrock.PaperStart);
        bool split = false;
        for (int t = 0; t < 30; t++)
        {
            amos.Step();
            alone.Step();
            split |= amos.UsesFirstOrder.Distinct().Count() == 2;
            Assert.Equal(amos.Theta.ToArray(), alone.Theta.ToArray());
        }
        Assert.True(split, "the assignment never split the coordinates between OPT¹ and OPT²");
    }

    /// <summary>The coordinate rule writes −α·g_i on the owned coordinates (exact: one product) and nothing elsewhere.</summary>
    [Fact]
    public void Rule_WritesMinusAlphaGradientOnTheOwnedCoordinatesOnly()
    {
        var delta = Vector<double>.Build.Dense(3, double.NaN);
        new Sgd(0.5).StartCoordinates(3).Step(V(3, -5, 7), () => throw new InvalidOperationException("SGD reads no curvature"), [0, 2], delta);
        Assert.Equal(-1.5, delta[0]);
        Assert.True(double.IsNaN(delta[1]));
        Assert.Equal(-3.5, delta[2]);
    }

    /// <summary>AMOS feeds its slots the exact gradient, so a minibatch SGD cannot fill one (its m would be ignored).</summary>
    [Fact]
    public void Amos_RejectsAMinibatchSlot()
    {
        var e = Assert.Throws<ArgumentException>(() => new Amos(new Sgd(0.1, batchSize: 4), new SophiaDiagonal(0.1), new AmosSettings(0.1)));
        Assert.Equal("firstOrder", e.ParamName);
        Assert.Equal("secondOrder", Assert.Throws<ArgumentException>(() => new Amos(new Sgd(0.1), new Sgd(0.1, batchSize: 2), new AmosSettings(0.1))).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentException>(() => new Sgd(0.1).StartCoordinates(-1)).ParamName);
    }
}
