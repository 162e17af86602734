using Fractions;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary><see cref="ExactMatrix.ToString"/> lists the rows in order, each in brackets, entries separated by ", ".</summary>
public sealed class ExactMatrixRun36Examples
{
    [Fact]
    public void ToString_ListsRowsInBrackets()
    {
        Fraction a = new(1, 2), b = new(-3), c = Fraction.Zero, d = new(7, 5), e = Fraction.One, f = new(-2, 9);
        var m = new ExactMatrix(new[,] { { a, b, c }, { d, e, f } });
        Assert.Equal($"[[{a}, {b}, {c}], [{d}, {e}, {f}]]", m.ToString());
        Assert.Equal($"[[{a}]]", new ExactMatrix(new[,] { { a } }).ToString());
    }
}
