namespace Verification.Engine;

/// <summary>Building blocks for <see cref="Domain{TInput}.Shrink"/>: simpler candidates coordinate by coordinate.</summary>
public static class Shrinks
{
    /// <summary>
    /// For each real coordinate of <paramref name="input"/> (read by <paramref name="coordinates"/>), the input with that
    /// coordinate replaced by each of <see cref="Simplicity.Candidates"/> (0, ±1, ±2, its integer part, fewer
    /// significant bits, powers of two), rebuilt by <paramref name="rebuild"/>; a rebuild that throws ArgumentException
    /// (the candidate leaves the domain) is skipped.
    /// </summary>
    public static IEnumerable<TInput> Coordinates<TInput>(TInput input, Func<TInput, double[]> coordinates, Func<TInput, double[], TInput> rebuild)
    {
        ArgumentNullException.ThrowIfNull(coordinates);
        ArgumentNullException.ThrowIfNull(rebuild);
        var x = coordinates(input);
        for (int i = 0; i < x.Length; i++)
            foreach (double c in Simplicity.Candidates(x[i]))
            {
                var y = (double[])x.Clone();
                y[i] = c;
                TInput candidate;
                try
                {
                    candidate = rebuild(input, y);
                }
                catch (ArgumentException)
                {
                    continue;
                }
                yield return candidate;
            }
    }
}
