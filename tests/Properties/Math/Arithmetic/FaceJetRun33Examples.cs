using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// The second Taylor coefficient of erf and erfc of a jet whose own second coefficient is not zero (mutation run 32: the
/// last term i = k of the recurrence k·E_k = (2/√π)·Σ_{i=1..k} i·a_i·g_{k−i}, g = e^(−a²), was never needed). At the
/// face c = 1 the coordinate is u = 1 + t and x = u² = 1 + 2t + t². By the chain rule, with x(0) = 1, x′(0) = 2,
/// x″(0) = 2: (erf x)″ = (2/√π)·e^(−x²)·(x″ − 2x·x′²), so the coefficient of t² is ½·(2/√π)·e^(−1)·(2 − 8) = −6/(√π·e)
/// = −1.2453224922617841…, and +6/(√π·e) for erfc. Without the term 2·a₂·g₀ it would be −8/(√π·e) ≈ −1.66.
/// </summary>
public sealed class FaceJetRun33Examples
{
    /// <summary>6/(√π·e) to 11 digits: 1.24532249226178411… (computed to 30 digits).</summary>
    private static readonly Fraction Low = new(124532249226, 100_000_000_000), High = new(124532249227, 100_000_000_000);

    [Theory]
    [InlineData(false, -1)]
    [InlineData(true, 1)]
    public void SecondCoefficient_OfErrorFunctionOfUSquared_IsSixOverRootPiE(bool complement, int sign)
    {
        using (EnclosureSettings.Use(128))
        using (EnclosureSettings.UseTags([0.5], [new RationalInterval(1, 2)]))
        using (FaceJet<RationalInterval>.Use(0, 1, 1, 3, new RationalInterval(0, 1)))
        {
            var u = FaceJet<RationalInterval>.Input(0.5);
            var x = u * u;
            var e = complement ? FaceJet<RationalInterval>.Erfc(x) : FaceJet<RationalInterval>.Erf(x);
            var coefficient = sign > 0 ? e.Face(2) : -e.Face(2); // 128-bit enclosures are far inside the 11-digit bracket
            Assert.True(Low <= coefficient.Lower && coefficient.Upper <= High, $"Face₂ = {e.Face(2)}, expected {sign}·6/(√π·e)");
        }
    }
}
