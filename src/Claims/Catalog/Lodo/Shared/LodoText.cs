using System.Globalization;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>Round-trip text of the vectors and matrices LODO inputs carry (what a report prints and replays).</summary>
internal static class LodoText
{
    internal static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    internal static string Vector(IEnumerable<double> v) => "[" + string.Join(", ", v.Select(Number)) + "]";

    /// <summary>An n×n row-major array as [[…], […]].</summary>
    internal static string Matrix(IReadOnlyList<double> rowMajor, int n) =>
        "[" + string.Join(", ", Enumerable.Range(0, n).Select(i => Vector(rowMajor.Skip(i * n).Take(n)))) + "]";

    internal static string Integer(long x) => x.ToString(CultureInfo.InvariantCulture);
}
