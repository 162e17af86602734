using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// L_sep of balles-thesis eq. (6.25) is accepted up to and including <see cref="SeparableSmoothness.MaxDimension"/>: at
/// that dimension H = 0 has L_sep = 0 (l = 0 is feasible, 0 ≼ diag(0), and Σ l_i ≥ 0), so the bracket is exactly [0, 0].
/// </summary>
public class SeparableSmoothnessRun24Examples
{
    [Fact]
    public void ZeroMatrixAtTheLargestDimension_HasBracketZero()
    {
        int d = SeparableSmoothness.MaxDimension;
        var bracket = SeparableSmoothness.Bracket(Matrix<double>.Build.Dense(d, d));
        Assert.Equal(0.0, bracket.Lower);
        Assert.Equal(0.0, bracket.Upper);
        Assert.Equal(d, bracket.Diagonal.Length);
    }
}
