using Fractions;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// det(λI − A) exists only for a square A: <see cref="ExactMatrix.CharacteristicPolynomial"/> rejects a 2×3 matrix with an
/// ArgumentException naming the matrix itself (mutation run 33: removing the check, or its parameter name, survived).
/// </summary>
public sealed class ExactMatrixRun34Examples
{
    [Fact]
    public void CharacteristicPolynomial_OfANonSquareMatrix_IsRejected()
    {
        var a = ExactMatrix.Build(2, 3, (i, j) => new Fraction(i + j + 1));
        ArgumentAssert.Rejects(() => a.CharacteristicPolynomial(), "this", "must be square, got 2×3");
    }
}
