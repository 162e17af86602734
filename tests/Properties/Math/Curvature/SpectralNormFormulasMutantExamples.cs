using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>The row-sum norm max_i Σ_j |A_ij| rejects a null matrix naming it, before any entry is read.</summary>
public class SpectralNormFormulasMutantExamples
{
    [Fact]
    public void RowSumNorm_RejectsNull()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => SpectralNormFormulas.RowSumNorm<Float64>(null!));
        Assert.Equal("a", ex.ParamName);
    }
}
