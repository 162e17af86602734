using Fractions;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// The vector sum of <see cref="SignGeometryFormulas"/> over exact rationals: (1/3, −2) + (1/6, 5) = (1/2, 3) by hand, and
/// (a + b) − b = a, so <see cref="SignGeometryFormulas.Add{T}"/> and <see cref="SignGeometryFormulas.Subtract{T}"/> are inverse.
/// </summary>
public class SignGeometryFormulasRun25Examples
{
    private static RationalInterval Q(long numerator, long denominator) => RationalInterval.Exact(new Fraction(numerator, denominator));

    [Fact]
    public void Add_IsTheEntrywiseSum()
    {
        RationalInterval[] a = [Q(1, 3), Q(-2, 1)], b = [Q(1, 6), Q(5, 1)];
        var sum = SignGeometryFormulas.Add(a, b);
        Fraction[] expected = [new Fraction(1, 2), new Fraction(3)];
        var back = SignGeometryFormulas.Subtract(sum, b);
        Assert.Equal(2, sum.Length);
        for (int i = 0; i < 2; i++)
        {
            Assert.True(sum[i].Lower == expected[i] && sum[i].Upper == expected[i], $"sum[{i}] = {sum[i]}, expected {expected[i]}");
            Assert.True(back[i].Lower == a[i].Lower && back[i].Upper == a[i].Upper, $"(a + b − b)[{i}] = {back[i]}, expected {a[i]}");
        }
    }
}
