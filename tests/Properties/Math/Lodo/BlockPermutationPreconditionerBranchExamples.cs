using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary><see cref="BlockPermutationPreconditioner"/> rejects a null permutation layer, naming which one.</summary>
public class BlockPermutationPreconditionerBranchExamples
{
    [Fact]
    public void NullLayer_IsRejected() =>
        ArgumentAssert.Rejects(() => _ = new BlockPermutationPreconditioner(2, 2, 1, [[1, 0], null!], 0.1),
            "permutations", "[1] is null");
}
