using Verification.Numerics.Arithmetic;

namespace Verification.Engine;

/// <summary>
/// A statement about a probability or an expectation, decided from samples (kind <see cref="StatementKind.Statistical"/>):
/// a Monte Carlo mean of values in [a, b] with Hoeffding's interval at level 1 − δ, where δ is the share of the run's
/// family-wise error rate each test is allotted (<see cref="CatalogRun.FamilyWiseErrorRate"/>). The claim is refuted
/// on an input only when the interval excludes the claimed value, which is enclosed exactly; the half-width is computed
/// in the same arithmetic (outward-rounded log and √ in the exact evaluation), so a refutation is rigorous up to δ.
/// </summary>
public abstract class StatisticalStatement<TInput> : Statement<TInput> where TInput : notnull
{
    [ThreadStatic]
    private static double _delta;

    /// <summary>A statistical statement.</summary>
    protected StatisticalStatement() => Kind = StatementKind.Statistical;

    /// <summary>The error probability this thread's test may have (set by the engine for each run).</summary>
    public static double Delta => _delta > 0 ? _delta : 1e-9;

    /// <inheritdoc />
    public override FormalizationResult Run(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        double previous = _delta;
        _delta = settings.Validated().StatisticalDelta;
        try
        {
            return base.Run(settings);
        }
        finally
        {
            _delta = previous;
        }
    }

    /// <summary>
    /// Hoeffding's half-width for the mean of <paramref name="samples"/> values in an interval of length
    /// <paramref name="range"/> at error probability δ: range·√(ln(2/δ)/(2n)).
    /// </summary>
    public static T HoeffdingHalfWidth<T>(int samples, T range, double delta) where T : IReal<T>
    {
        if (samples < 1)
            throw new ArgumentException($"samples must be ≥ 1, got {samples}.", nameof(samples));
        if (!(delta > 0 && delta < 1))
            throw new ArgumentException($"delta must be in (0, 1), got {delta}.", nameof(delta));
        return range * T.Sqrt(T.Log(2 / T.Of(delta)) / (2 * (T)samples));
    }

    /// <summary>
    /// The relation "the claimed value lies in the Monte Carlo interval": |mean − claimed| ≤ half-width, with the mean an
    /// exact count over <paramref name="samples"/> and the half-width Hoeffding's at <see cref="Delta"/>.
    /// </summary>
    protected static Relation<T> WithinInterval<T>(long hits, int samples, T claimed, T range, T valueOfHit, T valueOfMiss) where T : IReal<T>
    {
        var mean = (valueOfHit * (T)(int)hits + valueOfMiss * (T)(samples - (int)hits)) / (T)samples;
        var half = HoeffdingHalfWidth(samples, range, Delta);
        return Relation.LessOrEqual(T.Abs(mean - claimed), half, range).Labelled($"Monte Carlo, {samples} samples, Hoeffding at level 1 − {Delta:G2}");
    }
}
