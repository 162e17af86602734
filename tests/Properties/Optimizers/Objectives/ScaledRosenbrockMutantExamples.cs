using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>ScaledRosenbrock.PaperStart is lodo §5.2's initialization (x, y) = (−0.5, 2).</summary>
public class ScaledRosenbrockMutantExamples
{
    [Fact]
    public void PaperStart_IsTheSection52Initialization() =>
        Assert.Equal([-0.5, 2.0], ScaledRosenbrock.PaperStart.ToArray());
}
