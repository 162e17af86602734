using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// <see cref="EnclosureSettings.UseMaps"/> rejects a null list of maps with an <see cref="ArgumentNullException"/> naming
/// <c>maps</c> (without the check the null was stored and read as "no maps"), and an empty list is accepted.
/// </summary>
public class EnclosureSettingsRun35Examples
{
    [Fact]
    public void UseMaps_WithNull_IsRejectedNamingMaps()
    {
        var e = Assert.Throws<ArgumentNullException>(() => EnclosureSettings.UseMaps(null!));
        Assert.Equal("maps", e.ParamName);
        using var scope = EnclosureSettings.UseMaps([]);
    }
}
