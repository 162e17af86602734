using Verification.Engine;
using Verification.Engine.Xunit;
using Xunit;

namespace OwnLemma.Tests;

public class DescentLemmaTests
{
    [Fact]
    public void StepOneOverL_Holds() => LemmaAssert.Holds(new DescentLemma(1));

    [Fact]
    public void StepTwoOverL_IsRefutedAtThePinnedCounterexample() =>
        LemmaAssert.Refutes(new DescentLemma(2), (new SymmetricMatrix([0, 0, 1], []), [0.0, 0, 1], 1.0));
}
