using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// <see cref="HessianJet{T}"/> over <see cref="Float64"/>: a quotient of jets over different numbers of variables has no
/// meaning (their gradients live in different spaces) and is rejected naming the divisor.
/// </summary>
public class HessianJetBranchExamples
{
    [Fact]
    public void QuotientOfJetsOverDifferentVariableCounts_IsRejected()
    {
        var twoVariables = HessianJet<Float64>.Variable(new Float64(1), 0, 2);
        var threeVariables = HessianJet<Float64>.Variable(new Float64(2), 0, 3);
        ArgumentAssert.Rejects(() => _ = twoVariables / threeVariables, "b", "cannot be divided");
    }
}
