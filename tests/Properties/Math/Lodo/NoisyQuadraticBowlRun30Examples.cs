using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// The noisy quadratic bowl of lodo.md App. F.1 with every eigenvalue double.MaxValue: H = U·MaxValue·I·Uᵀ is
/// MaxValue·I in exact arithmetic, but U is orthogonal only up to rounding, and for these seeds an entry of the rounded
/// product (a sum of terms U_ik·MaxValue·U_jk) rounds beyond MaxValue, to ±∞. The constructor must reject this, naming
/// <c>largest</c> and saying why (mutation runs 28/29: its message was not reached by any test).
/// </summary>
public sealed class NoisyQuadraticBowlRun30Examples
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Bowl_WithEveryEigenvalueAtMaxValue_IsRejectedNamingLargest(int seed) =>
        ArgumentAssert.Rejects(
            () => new NoisyQuadraticBowl(2, 1, seed, double.MaxValue, double.MaxValue),
            "largest",
            "largest = 1.7976931348623157E+308 is too close to double.MaxValue: an entry of UDUᵀ rounds beyond it");
}
