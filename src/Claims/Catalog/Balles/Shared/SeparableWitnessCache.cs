using System.Collections.Concurrent;
using System.Globalization;
using Verification.Numerics.SignGeometry;

namespace Verification.Claims.Catalog.Balles.Shared;

/// <summary>
/// L_sep witnesses (<see cref="SeparableWitness"/>) by matrix value: the double and the exact evaluation of a statement and
/// two formalizations ask for the same H, and each witness is an interior-point solve with exact certification. The
/// witness is a pure function of H, so caching changes no result. Bounded; cleared when full.
/// </summary>
internal static class SeparableWitnessCache
{
    private const int Capacity = 4096;
    private static readonly ConcurrentDictionary<string, SeparableWitness> Cache = new(StringComparer.Ordinal);

    internal static SeparableWitness Of(double[,] h)
    {
        string key = h.GetLength(0).ToString(CultureInfo.InvariantCulture) + ":" +
                     string.Join(",", h.Cast<double>().Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        if (Cache.TryGetValue(key, out var hit))
            return hit;
        if (Cache.Count >= Capacity)
            Cache.Clear();
        return Cache.GetOrAdd(key, _ => SeparableWitness.Of(h));
    }
}
