namespace Verification.Engine;

/// <summary>Checks a list of claims in parallel, with the same results as one after another.</summary>
public static class CatalogRun
{
    /// <summary>The budget used when none is given: enough to reach the edge cases and climb, fast enough for CI.</summary>
    public const int DefaultBudget = 2000;

    /// <summary>The seed used when none is given, so that a plain run is reproducible.</summary>
    public const ulong DefaultSeed = 20261123;

    /// <summary>
    /// The family-wise error rate of the statistical tests of one run: the chance that any statistical verdict of the
    /// run is wrong because of sampling (union bound over every test of every statistical formalization).
    /// </summary>
    public const double FamilyWiseErrorRate = 1e-6;

    /// <summary>
    /// Checks <paramref name="claims"/> on up to <paramref name="parallelism"/> threads (default: every core). Each claim
    /// depends only on its ID, the seed and the budget, so the report is the same for any parallelism;
    /// <paramref name="progress"/> sees each result in catalog order, as soon as it and those before it are done.
    /// </summary>
    /// <param name="claims">The claims, in report order.</param>
    /// <param name="budget">Evaluations per formalization (≥ 1).</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="progress">Called once per claim, in order, with its index and result.</param>
    /// <param name="parallelism">Threads to use; null for <see cref="Environment.ProcessorCount"/>.</param>
    /// <param name="statisticalFamily">
    /// The statistical formalizations the error rate is shared by: those of the whole catalog, so that a filtered run
    /// tests each at the same level as a full one. Null: those of <paramref name="claims"/>.
    /// </param>
    /// <exception cref="ArgumentException">budget &lt; 1, parallelism &lt; 1, or a family smaller than the run's.</exception>
    public static CatalogReport Execute(IReadOnlyList<Claim> claims, int budget, ulong seed,
        Action<int, Claim, ClaimResult>? progress = null, int? parallelism = null, int? statisticalFamily = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (budget < 1)
            throw new ArgumentException($"budget must be ≥ 1, got {budget}.", nameof(budget));
        int threads = parallelism ?? Environment.ProcessorCount;
        if (threads < 1)
            throw new ArgumentException($"parallelism must be ≥ 1, got {threads}.", nameof(parallelism));
        int own = StatisticalCount(claims);
        int family = statisticalFamily ?? own;
        if (family < own)
            throw new ArgumentException($"the statistical family ({family}) must include the run's {own} statistical formalizations.", nameof(statisticalFamily));
        double delta = StatisticalDelta(family, budget);
        var settings = new RunSettings(budget, seed) { StatisticalDelta = delta };
        var results = new ClaimResult?[claims.Count];
        int reported = 0;
        var gate = new object();
        void Report()
        {
            // Emit every finished result whose predecessors are finished too, in catalog order.
            lock (gate)
            {
                while (reported < claims.Count && results[reported] is { } r)
                {
                    progress?.Invoke(reported, claims[reported], r);
                    reported++;
                }
            }
        }
        Parallel.For(0, claims.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            results[i] = VerdictEngine.Check(claims[i], settings);
            Report();
        });
        Report();
        return new CatalogReport(seed, budget, results.Select(r => r!).ToList()) { StatisticalDelta = delta };
    }

    /// <summary>
    /// The error probability of one statistical test, so that every test a run can make stays below
    /// <see cref="FamilyWiseErrorRate"/> together: α/(statistical formalizations × tests each), where a formalization
    /// makes at most one test per evaluated input (the budget, its edge cases and its shrinking).
    /// </summary>
    public static double StatisticalDelta(int statisticalFormalizations, int budget)
    {
        if (statisticalFormalizations < 0)
            throw new ArgumentException($"the count must be ≥ 0, got {statisticalFormalizations}.", nameof(statisticalFormalizations));
        double tests = (double)Math.Max(1, statisticalFormalizations) * (budget + 1000);
        return FamilyWiseErrorRate / tests;
    }

    /// <summary>How many formalizations of <paramref name="claims"/> are statistical.</summary>
    public static int StatisticalCount(IEnumerable<Claim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return claims.Sum(c => c.Formalizations.Count(f => f.Kind == StatementKind.Statistical));
    }
}
