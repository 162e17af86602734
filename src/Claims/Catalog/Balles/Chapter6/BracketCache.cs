using System.Collections.Concurrent;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Verification.Math.SignGeometry;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>
/// L_sep brackets by matrix value: the double sides, the exact sides and two formalizations ask for the same H, and each
/// bracket is an interior-point solve plus exact certification. Bounded; cleared when full. Deterministic (a pure function).
/// </summary>
internal static class BracketCache
{
    private const int Capacity = 4096;
    private static readonly ConcurrentDictionary<string, SeparableBracket> Cache = new();

    internal static SeparableBracket Of(double[,] h)
    {
        string key = string.Join(",", h.Cast<double>().Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "/" + h.GetLength(0);
        if (Cache.TryGetValue(key, out var hit))
            return hit;
        if (Cache.Count >= Capacity)
            Cache.Clear();
        return Cache.GetOrAdd(key, _ => SeparableSmoothness.Bracket(Matrix<double>.Build.DenseOfArray(h)));
    }
}
