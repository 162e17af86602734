using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// <see cref="EnclosureSettings.Mapped{T}"/> checks its reader of a tag before it looks the value up: a null reader is
/// rejected with an <see cref="ArgumentNullException"/> naming <c>raw</c> whether or not the value is a mapped coordinate
/// (without the check, a value that no map applies to returned false and the null went unnoticed). With a reader, a value
/// that is no tag is not mapped, and a tagged coordinate under x = t² reads as the square of its box.
/// </summary>
public class EnclosureSettingsRun31Examples
{
    [Fact]
    public void Mapped_WithANullReader_IsRejectedEvenWhereNoMapApplies()
    {
        var e = Assert.Throws<ArgumentNullException>(() => EnclosureSettings.Mapped<RationalInterval>(0.5, null!, out _));
        Assert.Equal("raw", e.ParamName);
    }

    [Fact]
    public void Mapped_WithANullReader_IsRejectedForAMappedCoordinate()
    {
        using var tags = EnclosureSettings.UseTags([0.5], [new RationalInterval(1, 2)]);
        using var maps = EnclosureSettings.UseMaps([CoordinateMap.Square]);
        var e = Assert.Throws<ArgumentNullException>(() => EnclosureSettings.Mapped<RationalInterval>(0.5, null!, out _));
        Assert.Equal("raw", e.ParamName);
    }

    [Fact]
    public void Mapped_ReadsATaggedCoordinateThroughItsMap_AndLeavesOtherValuesAlone()
    {
        using var tags = EnclosureSettings.UseTags([0.5], [new RationalInterval(1, 2)]);
        using var maps = EnclosureSettings.UseMaps([CoordinateMap.Square]);
        static RationalInterval ReadTag(double v) => EnclosureSettings.TaggedBox(v) ?? RationalInterval.Exact(v);

        Assert.True(EnclosureSettings.Mapped(0.5, ReadTag, out RationalInterval squared));
        // x = t² over t ∈ [1, 2] is [1, 4] exactly (interval product of non-negative ends).
        Assert.Equal(new Fraction(1), squared.Lower);
        Assert.Equal(new Fraction(4), squared.Upper);
        Assert.False(EnclosureSettings.Mapped(0.75, ReadTag, out RationalInterval _)); // 0.75 is no tag
    }
}
