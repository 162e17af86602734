using Verification.Figures;
using Xunit;

namespace Verification.Tests.Regression.Balles.Variance;

/// <summary>The curves of <see cref="VarianceFactorsPlot"/> against closed forms and their ordering (thesis Fig. 5.2).</summary>
public class VarianceFactorsPlotExamples
{
    private static readonly double[] Etas = LogAxis.Space(VarianceFactorsPlot.From, VarianceFactorsPlot.To, VarianceFactorsPlot.Points);

    [Fact]
    public void Curves_MatchClosedForms()
    {
        var (erf, adam, svag) = VarianceFactorsPlot.Curves(Etas);
        for (int k = 0; k < Etas.Length; k++)
        {
            double eta = Etas[k];
            // A few roundings per evaluation: 1e-14 relative.
            Assert.Equal(MathNet.Numerics.SpecialFunctions.Erf(1 / (Math.Sqrt(2) * eta)), erf[k], 1e-14);
            Assert.Equal(1 / Math.Sqrt(1 + eta * eta), adam[k], 1e-14);
            Assert.Equal(1 / (1 + eta * eta), svag[k], 1e-14);
        }
    }

    [Fact]
    public void SvagFactor_IsBelowAdams_Everywhere()
    {
        // (1 + η²)⁻¹ ≤ (1 + η²)^(−1/2) since 1 + η² ≥ 1; equality only at η = 0.
        var (_, adam, svag) = VarianceFactorsPlot.Curves(Etas);
        Assert.All(Enumerable.Range(0, Etas.Length), k => Assert.True(svag[k] < adam[k]));
    }

    [Fact]
    public void Plot_IsCreated()
    {
        var plot = new VarianceFactorsPlot().Create(new Verification.Engine.CatalogReport(1, 1, []));
        Assert.NotNull(plot);
        Assert.EndsWith(".png", new VarianceFactorsPlot().FileName);
    }
}
