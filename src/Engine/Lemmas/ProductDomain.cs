using FsCheck;
using FsCheck.Fluent;

namespace Verification.Engine;

/// <summary>The domain of several independent inputs, each from its own <see cref="Domain{TInput}"/>.</summary>
internal static class ProductDomain
{
    /// <summary>At most this many combinations of the parts' edge cases are tried (all of them when there are fewer).</summary>
    internal const int MaxEdgeCombinations = 64;

    internal sealed record Part(
        Gen<object> Generator,
        Func<IReadOnlyList<object>> Edges,
        Func<object, System.Random, object>? Perturb,
        Func<object, IEnumerable<object>>? Shrink,
        Func<object, IReadOnlyList<NamedValue>> Describe);

    internal static Part Of<T>(Domain<T> domain) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(domain);
        return new Part(
            domain.Generator.Select(x => (object)x),
            () => [.. domain.Edges().Select(x => (object)x)],
            domain.Perturb is { } p ? (x, r) => p((T)x, r) : null,
            domain.Shrink is { } s ? x => s((T)x).Select(y => (object)y) : null,
            x => domain.Describe((T)x));
    }

    internal static Domain<TInput> Of<TInput>(Func<object[], TInput> build, Func<TInput, object[]> split, params Part[] parts) where TInput : notnull
    {
        var generator = parts.Aggregate(Gen.Constant(Array.Empty<object>()),
            (acc, part) => acc.SelectMany(xs => part.Generator, (xs, x) => (object[])[.. xs, x]));
        return new Domain<TInput>
        {
            Generator = generator.Select(build),
            Edges = () => Edges(parts).Select(build),
            Perturb = parts.Any(p => p.Perturb is not null)
                ? (input, random) =>
                {
                    var xs = split(input);
                    var movable = Enumerable.Range(0, parts.Length).Where(i => parts[i].Perturb is not null).ToList();
                    int i = movable[random.Next(movable.Count)];
                    xs[i] = parts[i].Perturb!(xs[i], random);
                    return build(xs);
                }
                : null,
            Shrink = parts.Any(p => p.Shrink is not null) ? input => Shrink(input, build, split, parts) : null,
            Describe = input =>
            {
                var xs = split(input);
                return [.. parts.SelectMany((p, i) => p.Describe(xs[i]))];
            },
        };
    }

    private static IEnumerable<TInput> Shrink<TInput>(TInput input, Func<object[], TInput> build, Func<TInput, object[]> split, Part[] parts)
    {
        var xs = split(input);
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i].Shrink is not { } shrink)
                continue;
            foreach (var candidate in shrink(xs[i]))
            {
                var ys = (object[])xs.Clone();
                ys[i] = candidate;
                yield return build(ys);
            }
        }
    }

    /// <summary>
    /// Every combination of the parts' edges when there are at most <see cref="MaxEdgeCombinations"/>; otherwise the
    /// first edge of every part, each part's other edges with the others at their first, and the "diagonals" (the k-th
    /// edge of every part, cycling).
    /// </summary>
    private static IEnumerable<object[]> Edges(Part[] parts)
    {
        var edges = parts.Select(p => p.Edges()).ToArray();
        if (edges.Any(e => e.Count == 0))
            yield break;
        long combinations = edges.Aggregate(1L, (n, e) => n * e.Count);
        if (combinations <= MaxEdgeCombinations)
        {
            var index = new int[parts.Length];
            for (long c = 0; c < combinations; c++)
            {
                yield return [.. index.Select((k, i) => edges[i][k])];
                for (int i = parts.Length - 1; i >= 0; i--)
                {
                    if (++index[i] < edges[i].Count)
                        break;
                    index[i] = 0;
                }
            }
            yield break;
        }
        var first = edges.Select(e => e[0]).ToArray();
        yield return first;
        for (int i = 0; i < parts.Length; i++)
            for (int k = 1; k < edges[i].Count; k++)
            {
                var xs = (object[])first.Clone();
                xs[i] = edges[i][k];
                yield return xs;
            }
        int longest = edges.Max(e => e.Count);
        for (int k = 1; k < longest; k++)
            yield return [.. edges.Select(e => e[k % e.Count])];
    }
}
