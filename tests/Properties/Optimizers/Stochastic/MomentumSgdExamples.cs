using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>Momentum SGD's two forms (dampened EMA and heavy ball) on a constant gradient, by hand in exact binary fractions.</summary>
public class MomentumSgdExamples
{
    /// <summary>The name tells the two forms apart (a report must say which momentum produced a table).</summary>
    [Fact]
    public void Name_SaysWhichForm()
    {
        Assert.Equal("momentum(lr=0.5,β=0.25)", new MomentumSgd(0.5, 0.25).Name);
        Assert.Equal("momentum(lr=0.5,β=0.25,heavy-ball)", new MomentumSgd(0.5, 0.25, dampened: false).Name);
    }

    /// <summary>
    /// g = 4 at every step, lr = ½, β = ¼ (all exact): heavy ball m₀ = 4, m₁ = ¼·4 + 4 = 5, so Δ = −2, −2.5; dampened
    /// m₀ = ¾·4 = 3, m₁ = ¾ + 3 = 3.75, so Δ = −1.5, −1.875.
    /// </summary>
    [Fact]
    public void ConstantGradient_StepsAsEachFormSays()
    {
        var f = new LinearObjective(4);
        var heavy = new MomentumSgd(0.5, 0.25, dampened: false).Start(f, Vector<double>.Build.Dense(1));
        Assert.Equal(-2.0, heavy.Step()[0]);
        Assert.Equal(-2.5, heavy.Step()[0]);
        var ema = new MomentumSgd(0.5, 0.25).Start(f, Vector<double>.Build.Dense(1));
        Assert.Equal(-1.5, ema.Step()[0]);
        Assert.Equal(-1.875, ema.Step()[0]);
    }
}
