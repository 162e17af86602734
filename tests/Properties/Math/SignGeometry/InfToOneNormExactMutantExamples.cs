using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>The exact ‖H‖∞,1 rejects a null matrix naming it.</summary>
public class InfToOneNormExactMutantExamples
{
    [Fact]
    public void Compute_RejectsNull()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => InfToOneNormExact.Compute(null!));
        Assert.Equal("h", ex.ParamName);
    }
}
