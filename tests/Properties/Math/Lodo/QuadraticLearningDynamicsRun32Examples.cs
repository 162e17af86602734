using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// The hypergradient of lodo.md eq. (26), dℓ_{t+1}/dG = −H((I − GH)b_t − s_t)b_tᵀH, beyond the double range: in one
/// dimension with G = 0, H = 10^200, b = 10^200, s = 0 it is −H·b·H·b = −10^800 by hand, which has no double, so the
/// call is rejected naming g and saying which result left the range (mutation run 30: the message was not checked).
/// </summary>
public class QuadraticLearningDynamicsRun32Examples
{
    [Fact]
    public void Hypergradient_BeyondTheDoubleRange_IsRejectedNamingTheHypergradient()
    {
        var huge = Matrix<double>.Build.Dense(1, 1, 1e200);

        ArgumentAssert.Rejects(
            () => QuadraticLearningDynamics.Hypergradient(Matrix<double>.Build.Dense(1, 1), huge, Vector<double>.Build.Dense(1, 1e200), Vector<double>.Build.Dense(1)),
            "g", "dℓ_{t+1}/dG exceeds the double range");
    }
}
