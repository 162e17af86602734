using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>The trace of a non-square exact matrix is rejected, naming the matrix itself ("this") and its shape.</summary>
public class ExactMatrixRun24Examples
{
    [Fact]
    public void Trace_OfANonSquareMatrix_IsRejectedNamingThis() =>
        ArgumentAssert.Rejects(() => ExactMatrix.FromIntegers(new long[,] { { 1, 2, 3 }, { 4, 5, 6 } }).Trace(), "this", "this must be square, got 2×3");
}
