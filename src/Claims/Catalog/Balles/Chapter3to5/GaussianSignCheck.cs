using FsCheck;
using FsCheck.Fluent;
using Fractions;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Verification.Math.Statistics;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>
/// Statistical checks of P[sign X = sign μ], X ~ N(μ, σ²) (thesis App. B.2.1). Where μ = 0 the probability is known
/// exactly (P[X = 0] = 0); elsewhere it is estimated by Monte Carlo with a Hoeffding interval at level 1 − 1e-9, and a
/// claimed value is refuted only when the interval excludes it, with the claimed value enclosed rigorously (erf series).
/// The sample stream is seeded from the input's bits, so each input replays the same estimate.
/// </summary>
internal static class GaussianSignCheck
{
    /// <summary>Monte Carlo draws per input.</summary>
    internal const int Samples = 8000;

    /// <summary>1 − level of every interval. With ≤ 2000 evaluations per run, a false refutation has probability ≤ 2e-6.</summary>
    internal const double Delta = 1e-9;

    /// <summary>Inputs (μ, σ): μ = 0 and both signs, |μ|/σ from 1e-3 to 1e3 (beyond, ρ is 1/2 or 1 to double precision).</summary>
    internal static Gen<(double Mu, double Sigma)> Inputs { get; } =
        from sigma in EdgeDoubles.Positive(1e-3, 1e3)
        from ratio in EdgeDoubles.NonNegative(1e-3, 10)
        from sign in Gen.Elements(1.0, -1.0)
        select (sign * ratio * sigma, sigma);

    internal static (double Mu, double Sigma) Perturb((double Mu, double Sigma) p, System.Random r) =>
        (EdgeDoubles.Perturb(p.Mu, r), EdgeDoubles.Perturb(p.Sigma, r, 1e-300));

    /// <summary>The exact count of agreements among <see cref="Samples"/> draws, or 0 draws when μ = 0 (exact case).</summary>
    internal static (int Agree, int Draws) Agreements(double mu, double sigma) =>
        Cache.GetOrAdd((mu, sigma), key => Simulate(key.Mu, key.Sigma));

    /// <summary>Estimates already drawn: sides, certification and description of one input share one simulation.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(double Mu, double Sigma), (int, int)> Cache = new();

    private static (int Agree, int Draws) Simulate(double mu, double sigma)
    {
        if (Cache.Count > 100_000) Cache.Clear();
        if (mu == 0) return (0, 0);
        var random = new System.Random(unchecked((int)Verification.Engine.StableHash.Of($"{BitConverter.DoubleToInt64Bits(mu)}:{BitConverter.DoubleToInt64Bits(sigma)}")));
        int agree = 0;
        int s = System.Math.Sign(mu);
        for (int i = 0; i < Samples; i++)
            if (System.Math.Sign(mu + sigma * MonteCarlo.StandardNormal(random)) == s)
                agree++;
        return (agree, Samples);
    }

    /// <summary>Hoeffding's half-width for a mean of values in an interval of length <paramref name="range"/>.</summary>
    internal static double HalfWidth(int draws, double range) =>
        draws == 0 ? 0 : range * System.Math.Sqrt(System.Math.Log(2 / Delta) / (2.0 * draws));

    /// <summary>
    /// A rational upper bound of <see cref="HalfWidth"/>: the double is computed with a handful of correctly rounded
    /// operations (relative error &lt; 1e-15), so inflating it by 1e-12 bounds the exact value.
    /// </summary>
    internal static RationalInterval HalfWidthUpper(int draws, double range) =>
        RationalInterval.Exact(HalfWidth(draws, range) * (1 + 1e-12));

    /// <summary>An enclosure of erf(|μ|/(√2σ)).</summary>
    internal static RationalInterval ErfOfRatio(double mu, double sigma, int bits)
    {
        var ratio = RationalInterval.Exact(System.Math.Abs(mu)) / RationalInterval.Exact(sigma);
        var x = ratio / Interval.Of(2).Sqrt(bits);
        return ErfEnclosure.Erf(x, bits);
    }

    internal static IReadOnlyList<NamedValue> Describe((double Mu, double Sigma) p)
    {
        var (agree, draws) = Agreements(p.Mu, p.Sigma);
        return
        [
            NamedValue.Of("mu", p.Mu), NamedValue.Of("sigma", p.Sigma),
            NamedValue.Text("P[sign X = sign mu]", draws == 0 ? "0 exactly (X = 0 has probability 0)" : $"{agree}/{draws} (Monte Carlo, Hoeffding ±{HalfWidth(draws, 1):G3} at level 1 − {Delta:G1})"),
        ];
    }

    /// <summary>The estimate of P[sign X = sign μ] as an exact rational.</summary>
    internal static Fraction Estimate(double mu, double sigma)
    {
        var (agree, draws) = Agreements(mu, sigma);
        return draws == 0 ? Fraction.Zero : new Fraction(agree, draws);
    }
}
