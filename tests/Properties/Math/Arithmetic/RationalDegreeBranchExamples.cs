using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// Two branches of <see cref="RationalDegree"/> that its degree-bound property does not reach: a divisor exactly 0 on the
/// whole box is a DivideByZeroException that says so, and a declared √ (|w| with x ≡ w²) whose factor w is itself not a
/// rational function (here exp) is marked not rational rather than decided on.
/// </summary>
public class RationalDegreeBranchExamples
{
    [Fact]
    public void DivisionByTheExactZero_SaysTheDivisorIsZeroOnTheBox()
    {
        var e = Assert.Throws<DivideByZeroException>(() => RationalDegree.Of(1) / RationalDegree.Of(0));
        Assert.Contains("exactly 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeclaredRootWithAMarkedFactor_IsMarkedAsNotRational()
    {
        RationalDegree root;
        using (var session = RationalDegree.Track(null))
        {
            // w = exp(2) is not a rational operation: the declaration cannot be checked as x ≡ w², so √x is marked.
            session.DeclareRoots([new DeclaredRoot(RationalDegree.Exp(RationalDegree.Of(2)), TimesRoot: false)]);
            root = RationalDegree.Sqrt(RationalDegree.Of(4));
        }
        Assert.NotNull(root.NotRational);
        Assert.Contains("declared factor", root.NotRational, StringComparison.Ordinal);
    }
}
