using BigInteger = System.Numerics.BigInteger;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="PoissonLog"/> (log p = y·f − λ − log y!, ∇ = y − λ, ∇² = −λ with λ = e^f: an exponential family with natural
/// parameter f, the hypothesis of balles-thesis Prop. 7.1) over the whole double range (issue 15, item 1), against λ
/// enclosed to 96 bits and log y! enclosed from the exact factorial (y ≤ 1000) or from Stirling's series, whose remainder
/// after the 1/(360y³) term lies in (0, 1/(1260y⁵)). Each result is within the accuracy the doc comment states, or an
/// <see cref="ArgumentException"/>: required where the exact result is beyond ±double.MaxValue, allowed only where a term
/// (|y·f|, λ or log y!) is, as the remarks document. A band of relative width <see cref="Band"/> around the threshold may go
/// either way.
/// </summary>
[Properties(MaxTest = 150)] // exact exp/log enclosures at 96 bits and factorials up to 1000!: a few ms a case
public class PoissonLogRangeProperties
{
    /// <summary>u = 2^-53.</summary>
    private const double Unit = 1.1102230246251565e-16;

    /// <summary>Relative width of the undecided band around the range's end: far above the few u of any result.</summary>
    private const double Band = 1e-12;

    /// <summary>Enclosure precision: 2^-96 relative, far below the 2^-53 of the results compared.</summary>
    private const int Bits = 96;

    /// <summary>Up to here log y! is enclosed from the exact factorial, above by Stirling's series (remainder &lt; 1e-18 there).</summary>
    private const int ExactFactorialReach = 1000;

    private static readonly Fraction Max = ExactDouble.ToFraction(double.MaxValue);

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    /// <summary>½log 2π, enclosed once.</summary>
    private static readonly RationalInterval HalfLogTwoPi =
        RationalInterval.Exact(new Fraction(1, 2)) * ExactLog.Of(ExactConstants.Pi(Bits) * RationalInterval.Exact(2.0), Bits);

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>Counts: small ones, thousands, and every binade up to double.MaxValue (Positive floored: its subnormals give 0).</summary>
    internal static Gen<double> Labels { get; } = Gen.Frequency(
        (3, Gen.Choose(0, 30).Select(i => (double)i)),
        (2, Gen.Choose(31, 5000).Select(i => (double)i)),
        (3, FullRangeDoubles.Positive.Select(Math.Floor)));

    /// <summary>(y, f): f anywhere, f in ±800 (λ from 2^-1154 to beyond double.MaxValue), or f ≈ log y (y·f, λ and log y! cancel).</summary>
    private static Gen<(double Y, double F)> LabelsAndRates { get; } = Gen.Frequency(
        (3, from y in Labels from f in FullRangeDoubles.Signed select (y, f)),
        (3, from y in Labels from n in Gen.Choose(-800 * 4096, 800 * 4096) select (y, n / 4096.0)),
        (2, from y in Labels from k in Gen.Choose(-3, 3) select (y, FullRangeDoubles.Nudge(Math.Log(Math.Max(y, 1)), k))));

    /// <summary>λ = e^f enclosed; null where f &gt; 4096 (λ &gt; 2^5909, beyond the range); [0, 2^-5900] below −4096.</summary>
    internal static RationalInterval? Lambda(double f) => f > ExactExp.MaxArgument
        ? null
        : f < -ExactExp.MaxArgument ? new RationalInterval(Fraction.Zero, ExactDouble.Pow2(-5900)) : ExactExp.Of(f, Bits);

    /// <summary>
    /// log y! enclosed: 0 for y ≤ 1, the log of the exact factorial up to <see cref="ExactFactorialReach"/>, above it
    /// (y + ½)log y − y + ½log 2π + 1/(12y) − 1/(360y³) + R with 0 &lt; R &lt; 1/(1260y⁵) (Stirling's series for log Γ(y) plus
    /// log y; its remainder lies between 0 and the first omitted term).
    /// </summary>
    internal static RationalInterval LogFactorial(double y)
    {
        if (y <= 1)
            return RationalInterval.Zero;
        if (y <= ExactFactorialReach)
        {
            BigInteger factorial = BigInteger.One;
            for (int k = 2; k <= (int)y; k++)
                factorial *= k;
            return ExactLog.Of(new Fraction(factorial), Bits);
        }
        var n = F(y);
        var log = ExactLog.Of(n, Bits);
        var series = RationalInterval.Exact(n + new Fraction(1, 2)) * log - RationalInterval.Exact(n) + HalfLogTwoPi
            + RationalInterval.Exact(Fraction.One / (12 * n) - Fraction.One / (360 * n * n * n));
        return series + new RationalInterval(Fraction.Zero, Fraction.One / (1260 * n * n * n * n * n));
    }

    /// <summary>The larger endpoint of |x|.</summary>
    private static Fraction Magnitude(RationalInterval x) => FractionExtensions.Max(Fraction.Abs(x.Lower), Fraction.Abs(x.Upper));

    /// <summary>
    /// log p within 7u·(|y·f| + λ + log y!) + 2^-1073, ∇ within 4u·(y + λ) + 2^-1074 and ∇² within 1 ulp of the enclosures,
    /// each rejected exactly where its exact value is beyond the range, or (allowed) where one of its terms is; log p over
    /// <see cref="Real"/> is the checked log p bit for bit.
    /// </summary>
    [Property]
    public Property LogDensityGradientAndHessian_AreAccurateOrRejectedOverTheWholeRange() => Prop.ForAll(
        LabelsAndRates.ToArbitrary(),
        x =>
        {
            var (y, f) = x;
            var likelihood = new PoissonLog();
            string at = $"y = {y:R}, f = {f:R}";
            var lambda = Lambda(f);
            var lf = LogFactorial(y);
            var yf = F(y) * F(f);
            var limit = Max * F(1 - Band);
            bool lambdaBeyond = lambda is not { } l || l.Upper >= limit;
            if (lambda is not { } lam)
                return Rejected(() => likelihood.LogDensity(y, V(f)), $"log p at {at}")
                    .And(Rejected(() => likelihood.Gradient(y, V(f)), $"∇ at {at}"))
                    .And(Rejected(() => likelihood.Hessian(y, V(f)), $"∇² at {at}"));
            var logP = RationalInterval.Exact(yf) - lam - lf;
            var logScale = Fraction.Abs(yf) + lam.Upper + lf.Upper;
            bool logTermBeyond = Fraction.Abs(yf) >= limit || lambdaBeyond || lf.Upper >= limit;
            var gradient = RationalInterval.Exact(F(y)) - lam;
            return WithinOrRejected(() => likelihood.LogDensity(y, V(f)), logP, F(7 * Unit) * logScale + 2 * Tiny, logTermBeyond, $"log p at {at}")
                .And(WithinOrRejected(() => likelihood.Gradient(y, V(f))[0], gradient, F(4 * Unit) * (F(y) + lam.Upper) + Tiny, lambdaBeyond, $"∇ at {at}"))
                .And(WithinOrRejected(() => likelihood.Hessian(y, V(f))[0, 0], -lam, ExactDouble.UnitInLastPlace(lam.Upper), lambdaBeyond, $"∇² at {at}"))
                .And(RealMatchesChecked(likelihood, y, f, at));
        });

    /// <summary>
    /// log y! (<see cref="PoissonLog.LogFactorial"/>) within 6u relative of the enclosure for every natural y, +0 for y ≤ 1,
    /// and +∞ only where log y! is beyond double.MaxValue (y above about 2.6e305).
    /// </summary>
    [Property]
    public Property LogFactorial_IsWithinSixURelative() => Prop.ForAll(
        Labels.ToArbitrary(),
        y =>
        {
            double computed = PoissonLog.LogFactorial(y);
            string at = $"log y! at y = {y:R}";
            if (y <= 1)
                return (BitConverter.DoubleToInt64Bits(computed) == 0).Label($"{at}: {computed:R}, not +0");
            var exact = LogFactorial(y);
            if (exact.Lower > Max * F(1 + Band))
                return (computed == double.PositiveInfinity).Label($"{at}: {computed:R}, but log y! is beyond double.MaxValue");
            if (exact.Upper >= Max * F(1 - Band))
                return true.ToProperty();
            return GaussianTermsRangeProperties.WithinRelative(computed, exact, 6, at);
        });

    /// <summary>
    /// The expectation rule (<see cref="LikelihoodBase.Expectation"/> of <see cref="PoissonLog"/>) for every log rate η ≤ 4 (and a rejection naming the limit
    /// above it): nodes 0…K with K + 1 ≥ 2λ + 2, each weight within (δ + 2u)(1 + 2δ)·p(y) + 2^-1074 of p(y) = e^-λ·λ^y/y!, where
    /// δ = 7u·(y|η| + λ + log y!) bounds the error of the log-weight (as for log p); for η &lt; −746 and y ≥ 1 the weight is 0
    /// (p(y) &lt; 2^-1076). The tail bound is at least an independent bound on Σ_{y&gt;K} p(y)·y², which dominates the omitted
    /// integrand max((y − λ)², λ, 1) for y ≥ K + 1 ≥ 2λ + 2: Σ_{y&gt;K} y²λ^y/y! = λ²R_{K−2} + λR_{K−1} with the Taylor remainder
    /// R_n = Σ_{j&gt;n} λ^j/j! ≤ λ^(n+1)/(n+1)!·1/(1 − λ/(n+2)) (a geometric series), so the tail is at most
    /// e^-λ·λ^(K+1)·(1/((K−1)!(1 − λ/K)) + 1/(K!(1 − λ/(K+1)))), half the rule's 4p(K+1)(K+1)² for λ ≤ K/2.
    /// </summary>
    [Property]
    public Property Expectation_HasAccurateWeightsAndARigorousTailBound() => Prop.ForAll(
        Gen.Frequency(
            (3, FullRangeDoubles.Signed),
            (3, Gen.Choose(-40 * 4096, 4 * 4096).Select(n => n / 4096.0)),
            (1, Gen.Choose(-760 * 256, -240 * 256).Select(n => n / 256.0)), // λ^(K+1) near the subnormal range
            (1, Gen.Choose(4 * 4096 + 1, 8 * 4096).Select(n => n / 4096.0))).ToArbitrary(),
        eta =>
        {
            var likelihood = new PoissonLog();
            string at = $"η = {eta:R}";
            if (eta > PoissonLog.MaxLogRate)
                return ArgumentAssert.IsRejection(() => likelihood.Expectation(V(eta)), "f", "must be ≤ 4 for the truncated expectation")
                    .Label($"{at}: not rejected beyond η ≤ 4");
            var rule = likelihood.Expectation(V(eta));
            var lambda = Lambda(eta)!.Value;
            int k = rule.Labels.Count - 1;
            var result = (rule.Weights.Count == k + 1 && rule.Labels.Select((label, i) => label == i).All(b => b)
                    && 2 * lambda.Upper + 2 <= new Fraction(k + 1))
                .Label($"{at}: nodes [{string.Join(", ", rule.Labels)}] are not 0…K with K + 1 ≥ 2λ + 2");
            var expMinusLambda = new RationalInterval(ExactExp.Of(-lambda.Upper, Bits).Lower, ExactExp.Of(-lambda.Lower, Bits).Upper);
            BigInteger factorial = BigInteger.One;
            for (int y = 0; y <= k; y++)
            {
                if (y > 0)
                    factorial *= y;
                var p = expMinusLambda * new RationalInterval(Power(lambda.Lower, y), Power(lambda.Upper, y)) / RationalInterval.Exact(new Fraction(factorial));
                double w = rule.Weights[y];
                if (eta < -746 && y >= 1)
                {
                    result = result.And((w == 0).Label($"{at}: weight {y} is {w:R}, but p(y) < 2^-1076 and the log-weight ≤ η < −746"));
                    continue;
                }
                // δ is itself evaluated in doubles (a few roundings and the enclosures' midpoints): 1e-10 relative covers that.
                double delta = 7 * Unit * (y * Math.Abs(eta) + lambda.Midpoint + LogFactorial(y).Midpoint) * (1 + 1e-10);
                var bound = F((delta + 2 * Unit) * (1 + 2 * delta)) * p.Upper + Tiny;
                var error = FractionExtensions.Max(Fraction.Abs(F(w) - p.Lower), Fraction.Abs(F(w) - p.Upper));
                result = result.And((error <= bound).Label($"{at}: weight {y} = {w:R} vs p = {p.Midpoint:R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}"));
            }
            var kk = new Fraction(k);
            var lambdaUp = lambda.Upper;
            var power = Power(lambdaUp, k + 1);
            var kMinusOneFactorial = new Fraction(factorial) / kk;
            var tail = expMinusLambda.Upper * power
                * (Fraction.One / (kMinusOneFactorial * (1 - lambdaUp / kk)) + Fraction.One / (new Fraction(factorial) * (1 - lambdaUp / (kk + 1))));
            return result.And((F(rule.TailBound) >= tail).Label($"{at}: tail bound {rule.TailBound:R} below the tail's bound {ExactDouble.ToDouble(tail):R} (K = {k})"))
                .And((rule.TailBound <= 4 * PoissonLog.RelativeTail * Math.Max(1, Math.Exp(eta))).Label($"{at}: tail bound {rule.TailBound:R} above its aim"));
        });

    /// <summary>Labels off the support (negative, fractional) and non-finite f are rejected, naming y or f.</summary>
    [Property]
    public Property InvalidArguments_AreRejected() => Prop.ForAll(
        (from y in Gen.Frequency((1, FullRangeDoubles.Positive.Select(v => -v)), (1, FullRangeDoubles.Positive.Where(v => v != Math.Floor(v))))
         from f in FullRangeDoubles.Signed
         from bad in Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity)
         select (y, f, bad)).ToArbitrary(),
        x =>
        {
            var (y, f, bad) = x;
            var likelihood = new PoissonLog();
            return ArgumentAssert.IsRejection(() => likelihood.LogDensity(y, V(f)), "y", "must be an integer in [0, ∞]").Label($"log p at y = {y:R}")
                .And(ArgumentAssert.IsRejection(() => likelihood.Gradient(y, V(f)), "y", "must be an integer in [0, ∞]").Label($"∇ at y = {y:R}"))
                .And(ArgumentAssert.IsRejection(() => likelihood.Hessian(0, V(bad)), "f", "must be finite").Label($"∇² at f = {bad}"))
                .And(ArgumentAssert.IsRejection(() => likelihood.Expectation(V(bad)), "f", "must be finite").Label($"E at f = {bad}"));
        });

    private static Fraction Power(Fraction x, int n)
    {
        var result = Fraction.One;
        for (int i = 0; i < n; i++)
            result *= x;
        return result;
    }

    /// <summary>log p over <see cref="Real"/> (no validation) equals the checked log p bit for bit wherever the latter returns.</summary>
    private static Property RealMatchesChecked(PoissonLog likelihood, double y, double f, string at)
    {
        double checkedValue;
        try
        {
            checkedValue = likelihood.LogDensity(y, V(f));
        }
        catch (ArgumentException)
        {
            return true.ToProperty();
        }
        double real = likelihood.LogDensity<Real>(y, [new Real(f)]).Value;
        return (BitConverter.DoubleToInt64Bits(real) == BitConverter.DoubleToInt64Bits(checkedValue))
            .Label($"log p over Real at {at}: {real:R} vs {checkedValue:R}");
    }

    /// <summary>Every result beyond the range here: λ &gt; 2^5909.</summary>
    private static Property Rejected(Action act, string what)
    {
        try
        {
            act();
        }
        catch (ArgumentException e)
        {
            return e.Message.Contains("beyond the double range", StringComparison.Ordinal).Label($"{what}: rejected without naming the range ({e.Message})");
        }
        return false.Label($"{what}: returned, though λ > 2^5909 puts the exact value beyond ±double.MaxValue");
    }

    /// <summary>
    /// |computed − exact| ≤ bound, or an <see cref="ArgumentException"/> naming the range: required where the exact value
    /// is beyond ±double.MaxValue (1 + <see cref="Band"/>), allowed only there or where a term is (<paramref name="termBeyond"/>).
    /// </summary>
    private static Property WithinOrRejected(Func<double> compute, RationalInterval exact, Fraction bound, bool termBeyond, string what)
    {
        var magnitude = Magnitude(exact);
        bool beyond = Fraction.Abs(exact.Lower) > Max * F(1 + Band) && exact.Lower.Sign() == exact.Upper.Sign();
        bool inside = magnitude < Max * F(1 - Band);
        double computed;
        try
        {
            computed = compute();
        }
        catch (ArgumentException e)
        {
            return ((!inside || termBeyond) && e.Message.Contains("double range", StringComparison.Ordinal))
                .Label($"{what}: rejected ({e.Message}) but the exact {exact.Midpoint:R} and its terms are in range");
        }
        if (beyond)
            return false.Label($"{what}: returned {computed:R} but the exact value is beyond ±double.MaxValue");
        if (!inside)
            return true.ToProperty();
        var c = F(computed);
        var error = FractionExtensions.Max(Fraction.Abs(c - exact.Lower), Fraction.Abs(c - exact.Upper));
        return (error <= bound).Label($"{what}: {computed:R} vs exact {exact.Midpoint:R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
    }
}
