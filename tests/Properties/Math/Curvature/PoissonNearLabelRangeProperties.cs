using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The Poisson score y − λ (λ = eᶠ) relatively accurate for counts y from 1 to 1e300 and f = ln y + s, s over
/// ±(2^-1074 … 10) (f rounded; the exact f − ln y is what the double f gives), against y − e^f enclosed until its relative
/// width is below 2^-60: <see cref="PoissonLog"/>'s gradient, <see cref="CurvatureFormulas.LogDensityDerivatives{T}"/>'s
/// and forward mode's ε₁ part of <see cref="CurvatureFormulas.LogDensity{U}"/> over <see cref="HyperDualReal{T}"/> of
/// doubles, each within 6.3u·|y − λ| + 2^-1074 (<see cref="PoissonNearLabel"/>: s 1.01u, expm1's condition 1.39, its
/// Horner 3.9u, the product by y 1u; outside |s| ≤ ln 2 the written y − λ, where |y − λ| ≥ max(y, λ)/2, so λ's 2u and the
/// subtraction's u are 5u); the ε₁ε₂ part −λ within 3.7u (y·eˢ: eˢ's 2u, s's absolute 0.71u through exp, the product u;
/// the written −eᶠ 2u). Before, the score kept only λ's absolute error near f = ln y (0 for −3.1e-59 at y = 1).
/// </summary>
[Properties(MaxTest = 200)]
public class PoissonNearLabelRangeProperties
{
    /// <summary>u = 2^-53.</summary>
    private const double Unit = 1.1102230246251565e-16;

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>Counts from 1 to 1e300: small, thousands, and floors of every binade.</summary>
    private static Gen<double> Counts { get; } = Gen.Frequency(
        (3, Gen.Choose(1, 30).Select(i => (double)i)),
        (2, Gen.Choose(31, 100000).Select(i => (double)i)),
        (3, Gen.Choose(0, 996).Select(k => Math.Floor(Math.ScaleB(1.5, k)))));

    /// <summary>s: ±2^k for k over −1074…3, a mantissa drawn, and 0 and the largest, ±10.</summary>
    private static Gen<double> Offsets { get; } = Gen.Frequency(
        (8, from k in Gen.Choose(-1074, 3) from m in Gen.Choose(0, 1 << 30) from negative in Gen.Elements(true, false)
            select (negative ? -1 : 1) * Math.Min(10, Math.ScaleB(1 + m / (double)(1 << 30), k))),
        (1, Gen.Elements(0.0, 10.0, -10.0, 0.6931471805599453, -0.6931471805599453)));

    private static Arbitrary<(double Y, double F)> Cases { get; } =
        (from y in Counts from s in Offsets select (y, Math.Log(y) + s)).ToArbitrary();

    /// <summary>y − e^f enclosed to a relative width below 2^-60 (bits doubled from 128).</summary>
    private static RationalInterval Score(double y, double f)
    {
        for (int bits = 128; ; bits *= 2)
        {
            var score = RationalInterval.Exact(y) - ExactExp.Of(f, bits);
            if (score.Lower.Sign() == score.Upper.Sign() && score.Width * ExactDouble.Pow2(60) <= Fraction.Abs(score.Lower.Sign() > 0 ? score.Lower : score.Upper))
                return score;
        }
    }

    /// <summary>s = f − ln y enclosed (ln y by <see cref="ExactLog"/>, bits doubled until s's sign is decided and its width is below 2^-60·|s|).</summary>
    private static RationalInterval LogRatio(double y, double f)
    {
        for (int bits = 128; ; bits *= 2)
        {
            var s = RationalInterval.Exact(f) - ExactLog.Of(F(y), bits);
            if (s.IsExactlyZero || s.Lower.Sign() == s.Upper.Sign() && s.Lower.Sign() != 0
                && s.Width * ExactDouble.Pow2(60) <= Fraction.Abs(s.Lower.Sign() > 0 ? s.Lower : s.Upper))
                return s;
        }
    }

    /// <summary>
    /// φ(x) = eˣ − 1 − x for a rational |x| ≤ 0.75: Σ_{k=2}^{30} x^k/k! plus [−T, T], T = 3|x|³¹/31! (the tail, e^0.75 &lt; 3),
    /// which is below 2^-120·x² there.
    /// </summary>
    private static RationalInterval ExpRemainderAt(Fraction x)
    {
        Fraction term = x, sum = Fraction.Zero;
        for (int k = 2; k <= 30; k++)
        {
            term = term * x / new Fraction(k);
            sum += term;
        }
        var tail = 3 * Fraction.Abs(term * x * x / new Fraction(31));
        return new RationalInterval(sum - tail, sum + tail);
    }

    /// <summary>φ over an interval of one sign (φ is monotone on each side of 0): the hull of its ends' enclosures.</summary>
    private static RationalInterval ExpRemainder(RationalInterval s)
    {
        var (a, b) = (ExpRemainderAt(s.Lower), ExpRemainderAt(s.Upper));
        return new RationalInterval((a.Lower <= b.Lower ? a.Lower : b.Lower), FractionExtensions.Max(a.Upper, b.Upper));
    }

    /// <summary>
    /// c(y) = y ln y − y − log y! enclosed: up to 1000 from the exact factorial (200-bit logs), above −½ln(2πy) − R(y) with
    /// R(y) = 1/(12y) − 1/(360y³) + [0, 1/(1260y⁵)] (Stirling's series; its remainder after the y⁻³ term lies between 0 and
    /// the next term).
    /// </summary>
    private static RationalInterval LabelConstant(double y)
    {
        var count = F(y);
        if (y <= 1000)
        {
            var factorial = System.Numerics.BigInteger.One;
            for (int k = 2; k <= (int)y; k++)
                factorial *= k;
            return RationalInterval.Exact(count) * ExactLog.Of(count, 200) - RationalInterval.Exact(count)
                - ExactLog.Of(new Fraction(factorial), 200);
        }
        var halfLogTwoPiY = RationalInterval.Exact(new Fraction(1, 2)) * ExactLog.Of(ExactConstants.Pi(200) * RationalInterval.Exact(2 * count), 200);
        var r = Fraction.One / (12 * count) - Fraction.One / (360 * count * count * count);
        var last = Fraction.One / (1260 * count * count * count * count * count);
        return -halfLogTwoPiY - new RationalInterval(r, r + last);
    }

    private static Property Within(string what, double computed, RationalInterval exact, double units)
    {
        var c = F(computed);
        var error = FractionExtensions.Max(Fraction.Abs(c - exact.Lower), Fraction.Abs(c - exact.Upper));
        var bound = F(units * Unit) * FractionExtensions.Max(Fraction.Abs(exact.Lower), Fraction.Abs(exact.Upper)) + Tiny;
        return (error <= bound).Label($"{what}: {computed:R} vs exact {exact.Midpoint:R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
    }

    [Property]
    public Property Score_IsRelativelyAccurate_NearAndAwayFromTheLabel() => Prop.ForAll(Cases, c =>
    {
        var (y, f) = c;
        string at = $"y = {y:R}, f = {f:R}";
        var exact = Score(y, f);
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.PoissonLog, 1);
        var (gradient, hessian) = CurvatureFormulas.LogDensityDerivatives(shape, [Float64.Of(y)], [Float64.Of(f)]);
        var forward = CurvatureFormulas.LogDensity(shape, [HyperDualReal<Float64>.Constant(Float64.Of(y))],
            [HyperDualReal<Float64>.Variable(Float64.Of(f), true, true)]);
        var lambda = -ExactExp.Of(f, 128);
        return Within($"PoissonLog ∇ at {at}", new PoissonLog().Gradient(y, Vector<double>.Build.DenseOfArray([f]))[0], exact, 6.3)
            .And(Within($"LogDensityDerivatives ∇ at {at}", gradient[0].Value, exact, 6.3))
            .And(Within($"forward ε₁ at {at}", forward.E1.Value, exact, 6.3))
            .And(Within($"forward ε₁ε₂ at {at}", forward.E12.Value, lambda, 3.7))
            .And(Within($"LogDensityDerivatives ∇² at {at}", hessian[0, 0].Value, lambda, 2));
    });

    /// <summary>
    /// Where y ≥ 1 and |f − ln y| ≤ 0.69 (inside the band), log p within 9.8u relative plus 2^-1074 (<see cref="PoissonNearLabel.LogDensity"/>:
    /// c(y) − y·φ(s), two terms ≤ 0) against y·f − e^f − log y! enclosed; over <see cref="HyperDual"/> (LikelihoodProblem's
    /// forward mode) the ε₁ part y − λ within 6.3u and the ε₁ε₂ part −λ within 3.7u, as above. Elsewhere the written form
    /// (checked against its absolute bound by PoissonLogRangeProperties).
    /// </summary>
    [Property]
    public Property LogDensity_IsRelativelyAccurate_NearTheLabel() => Prop.ForAll(Cases, c =>
    {
        var (y, f) = c;
        if (!(y >= 1 && Math.Abs(f - Math.Log(y)) <= 0.69)) // inside the band of PoissonNearLabel.Applies (ln 2), decided here
            return true.ToProperty();
        string at = $"y = {y:R}, f = {f:R}";
        var likelihood = new PoissonLog();
        var logP = LabelConstant(y) - RationalInterval.Exact(F(y)) * ExpRemainder(LogRatio(y, f));
        var forward = likelihood.LogDensity(y, [new HyperDual(f, 1, 1, 0)]);
        return Within($"log p at {at}", likelihood.LogDensity(y, Vector<double>.Build.DenseOfArray([f])), logP, 9.8)
            .And(Within($"HyperDual ε₁ at {at}", forward.E1, Score(y, f), 6.3))
            .And(Within($"HyperDual ε₁ε₂ at {at}", forward.E12, -ExactExp.Of(f, 128), 3.7));
    });

    /// <summary>f − ln y away from the band: ±(0.69 … 12.7) on a 2^-12 grid, just across 10 (where the written form returns), and down to −2^20.</summary>
    private static Gen<double> FarOffsets { get; } = Gen.Frequency(
        (6, from n in Gen.Choose((int)(0.69 * 4096), 52000) from negative in Gen.Elements(true, false) select (negative ? -n : n) / 4096.0),
        (2, Gen.Choose(-4096, 4096).Select(n => 10 + n / 1048576.0)),
        (2, from k in Gen.Choose(0, 20) from m in Gen.Choose(0, 1 << 20) select -Math.ScaleB(1 + m / 1048576.0, k)));

    /// <summary>
    /// log p for counts y from 1 to 1e300 with f − ln y outside the band (<see cref="FarOffsets"/>), against y·f − e^f − log y!
    /// enclosed (e^f and log y! to 96 bits, <see cref="PoissonLogRangeProperties"/>): within 10u relative below −0.7 and 22u
    /// from 0.7 to 10 (c(y) − y·φ(s), <see cref="PoissonNearLabel.LogDensity"/>), within 7.5u + 2^-1073 beyond 10 (the written
    /// form, <see cref="PoissonNearLabel.LogDensityApplies"/>); over <see cref="Real"/> bit for bit, and, since stop 47, for
    /// |f − ln y| &gt; 0.7 (outside HyperDual's band) as the value of <see cref="HyperDual"/> seeded (1, 1, 0) bit for bit, whose
    /// ε₁ part, the written y − λ with |y − λ| ≥ max(y, λ)/2 there, is within 5u of y − e^f (PoissonLog's remarks: λ's 2u
    /// doubled and the subtraction's u) and whose ε₁ε₂ part −λ is within 2u (exp's ulp). Before (the band only), the written form was 18.6 ulp off at y = 100, f = ln y − 0.7, and
    /// its bound there grows with ln y; over HyperDual it stayed so until stop 47 (2276 ulp at y = 1e300, f = ln y − 0.75).
    /// </summary>
    [Property]
    public Property LogDensity_IsRelativelyAccurate_AwayFromTheLabel() => Prop.ForAll(
        (from y in Counts from s in FarOffsets select (y, Math.Log(y) + s)).ToArbitrary(), c =>
    {
        var (y, f) = c;
        string at = $"y = {y:R}, f = {f:R}";
        var likelihood = new PoissonLog();
        var lambda = PoissonLogRangeProperties.Lambda(f)!.Value; // e^f, to 2^-5900 absolute below −ExactExp.MaxArgument
        var logP = RationalInterval.Exact(F(y) * F(f)) - lambda - PoissonLogRangeProperties.LogFactorial(y);
        double s = f - Math.Log(y); // the exact s within 2^-42 of it: the bounds below hold with that slack
        double units = s < -0.701 ? 10 : s > 10.001 ? 7.5 : 22;
        double computed = likelihood.LogDensity(y, Vector<double>.Build.DenseOfArray([f]));
        double real = likelihood.LogDensity<Real>(y, [new Real(f)]).Value;
        var result = Within($"log p at {at}", computed, logP, units)
            .And((BitConverter.DoubleToInt64Bits(real) == BitConverter.DoubleToInt64Bits(computed)).Label($"log p over Real at {at}: {real:R} vs {computed:R}"));
        if (!(Math.Abs(s) > 0.7)) // FarOffsets starts at 0.68994: inside the ln 2 band HyperDual takes φ as a jet primitive
            return result;
        var hyper = likelihood.LogDensity(y, [new HyperDual(f, 1, 1, 0)]);
        return result
            .And((BitConverter.DoubleToInt64Bits(hyper.Value) == BitConverter.DoubleToInt64Bits(computed)).Label($"log p over HyperDual at {at}: {hyper.Value:R} vs {computed:R}"))
            .And(Within($"HyperDual ε₁ at {at}", hyper.E1, RationalInterval.Exact(F(y)) - lambda, 5))
            .And(Within($"HyperDual ε₁ε₂ at {at}", hyper.E12, -lambda, 2));
    });

    /// <summary>Counts ≥ 1 over every binade up to double.MaxValue (beyond the 1e300 of <see cref="Counts"/>), and the small ones.</summary>
    private static Gen<double> WholeRangeCounts { get; } = Gen.Frequency(
        (1, Gen.Choose(1, 40).Select(i => (double)i)),
        (3, FullRangeDoubles.Positive.Select(Math.Floor).Where(y => y >= 1)));

    /// <summary>f anywhere (±0, subnormal, down to −MaxValue, up to 800) or ln y plus an offset outside the band (<see cref="FarOffsets"/>).</summary>
    private static Gen<(double Y, double F)> WholeRangeCases { get; } = Gen.Frequency(
        (2, from y in WholeRangeCounts from f in FullRangeDoubles.Signed.Where(f => f <= 800) select (y, f)),
        (1, from y in WholeRangeCounts from f in Gen.Elements(0.0, -0.0, double.Epsilon, -double.Epsilon) select (y, f)),
        (2, from y in WholeRangeCounts from s in FarOffsets select (y, Math.Log(y) + s)))
        .Where(c => Math.Abs(c.Item2 - Math.Log(c.Item1)) > 0.701);

    /// <summary>
    /// log p for counts y from 1 to double.MaxValue and f over the whole range with f − ln y outside the band (|s| &gt; 0.701;
    /// inside, the near-label property's reference is needed): within the relative bounds of
    /// <see cref="LogDensity_IsRelativelyAccurate_AwayFromTheLabel"/> (10u below −0.7, 22u to 10, 7.5u beyond), or rejected
    /// naming the range exactly where |log p| exceeds double.MaxValue (a band of 2^-40 relative either way) or, as
    /// <see cref="PoissonLog"/> documents, where λ = eᶠ does (f above ln double.MaxValue); over <see cref="Real"/> bit for bit.
    /// The reference y·f − e^f − log y! from 96-bit enclosures is within 2^-80 of log p relatively here (its terms at most
    /// 2^13 times |log p| ≥ y·φ(0.7)).
    /// </summary>
    [Property]
    public Property LogDensity_OverTheWholeRange_IsRelativelyAccurateOrRejected() => Prop.ForAll(WholeRangeCases.ToArbitrary(), c =>
    {
        var (y, f) = c;
        string at = $"y = {y:R}, f = {f:R}";
        var likelihood = new PoissonLog();
        var lambda = PoissonLogRangeProperties.Lambda(f);
        var max = F(double.MaxValue);
        if (lambda is null)
            return true.ToProperty(); // f > 4096: λ and log p beyond the range, checked by PoissonLogRangeProperties
        var logP = RationalInterval.Exact(F(y) * F(f)) - lambda.Value - PoissonLogRangeProperties.LogFactorial(y);
        var magnitude = FractionExtensions.Max(Fraction.Abs(logP.Lower), Fraction.Abs(logP.Upper));
        bool beyond = Fraction.Abs(logP.Upper) > max * (1 + ExactDouble.Pow2(-40));
        bool inside = magnitude < max * (1 - ExactDouble.Pow2(-40));
        double computed;
        try
        {
            computed = likelihood.LogDensity(y, Vector<double>.Build.DenseOfArray([f]));
        }
        catch (ArgumentException e)
        {
            bool allowed = !inside || f > 709.782712893384;
            return (allowed && e.Message.Contains("double.MaxValue")).Label($"log p at {at} rejected ({e.Message}) though exact {logP.Midpoint:R}");
        }
        if (beyond)
            return false.Label($"log p at {at}: {computed:R} returned though exact {logP.Midpoint:R} is beyond the range");
        double s = f - Math.Log(y);
        double units = s < -0.701 ? 10 : s > 10.001 ? 7.5 : 22;
        double real = likelihood.LogDensity<Real>(y, [new Real(f)]).Value;
        return Within($"log p at {at}", computed, logP, units)
            .And((BitConverter.DoubleToInt64Bits(real) == BitConverter.DoubleToInt64Bits(computed)).Label($"log p over Real at {at}: {real:R} vs {computed:R}"));
    });
}
