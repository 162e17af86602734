using FsCheck.Fluent;
using Verification.Claims.Catalog.Elmo.Inputs;
using Xunit;

namespace Verification.Tests.Properties.Claims.Catalog.Elmo.Inputs;

/// <summary>
/// A per-eigenspace domain over another generator keeps the moves, shrinks and description of
/// <see cref="EigenspaceInput.Domain"/>: only what is drawn and where the search starts change.
/// </summary>
public class EigenspaceInputExamples
{
    private static readonly EigenspaceInput[] Start = [new(1, 1, 3), new(-2, 0, 0.5)];

    [Fact]
    public void DomainOver_StartsFromTheGivenEdgesAndShrinksAsTheSharedDomain()
    {
        var domain = EigenspaceInput.DomainOver(Gen.Constant(new EigenspaceInput(3, 5, 7)), () => Start);
        Assert.Equal(Start, domain.Edges());
        // An input shrinks coordinate-wise toward small integers and dyadics: the same candidates in the same order.
        var input = new EigenspaceInput(3.75, 5, 7.5);
        Assert.NotEmpty(domain.Shrink!(input));
        Assert.Equal(EigenspaceInput.Domain.Shrink!(input), domain.Shrink!(input));
        Assert.Equal(EigenspaceInput.Domain.Describe(input), domain.Describe(input));
    }

    [Fact]
    public void DomainOver_RejectsAMissingGeneratorOrEdges()
    {
        Assert.Throws<ArgumentNullException>("generator", () => EigenspaceInput.DomainOver(null!, () => Start));
        Assert.Throws<ArgumentNullException>("edges", () => EigenspaceInput.DomainOver(Gen.Constant(Start[0]), null!));
    }
}
