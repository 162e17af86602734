using Verification.Numerics.Arithmetic;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// <see cref="SeparableSmoothnessFormulas.LowerBound"/> takes a d×d dual factor V for a d×d H (balles-thesis eq. 6.25's
/// dual, Y = VVᵀ/max_i (VVᵀ)_ii): a V with the right row count but another column count, or the reverse, is rejected
/// naming the witness, even though VVᵀ would still be defined.
/// </summary>
public sealed class SeparableSmoothnessFormulasRun36Examples
{
    [Fact]
    public void LowerBound_RejectsADualFactorWithOneWrongDimension()
    {
        var h = RealMatrix<Float64>.Identity(2);
        ArgumentAssert.Rejects(() => SeparableSmoothnessFormulas.LowerBound(h, new SeparableWitness([1.0, 1.0], new double[,] { { 1, 0, 0 }, { 0, 1, 0 } })),
            "witness", "the witness and H must both be 2×2");
        ArgumentAssert.Rejects(() => SeparableSmoothnessFormulas.LowerBound(h, new SeparableWitness([1.0, 1.0], new double[,] { { 1, 0 }, { 0, 1 }, { 0, 0 } })),
            "witness", "the witness and H must both be 2×2");
    }
}
