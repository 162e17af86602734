using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.Random;
using Verification.Optimizers.Objectives;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Verification.Tests.Properties.Optimizers.NaturalGradient;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// <see cref="NoisyGradientObjective"/> over the whole double range: σ and ∇f drawn from subnormals to double.MaxValue
/// (and ±0). PerSampleVariance is σ⊙σ correctly rounded. A sample's g and s are compared with the exact draws
/// y_j = ∇f_i + σ_iξ_j, ξ_j replayed from the seed (<see cref="StandardNormal.Draw"/>, j outer, i inner), in exact
/// rationals, within the bounds of <see cref="NoisyGradientObjective.OpenSampler"/>'s remarks. Those bounds are stated
/// in the computed draws x̂_j; here |x̂_j| is bounded by X_j = (|y_j| + u|σ_iξ_j| + 2^-1075)/(1 − 2u) (from
/// |x̂_j − y_j| ≤ u|σ_iξ_j| + 2u|x̂_j| + 2^-1075), so the check uses the exact draws only. Square roots are enclosed
/// (<see cref="RationalInterval.Sqrt(int)"/>) and taken outward.
/// </summary>
[Properties(MaxTest = 300)]
public class NoisyGradientObjectiveRangeProperties
{
    private static readonly Fraction U = ExactDouble.Pow2(-53), Tiny = ExactDouble.Pow2(-1075);

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Property]
    public Property PerSampleVariance_IsTheCorrectlyRoundedSquare() => Prop.ForAll(
        Gen.Choose(1, 4).SelectMany(d => Gen.ArrayOf(FullRangeDoubles.NonNegative, d)).ToArbitrary(),
        sigma =>
        {
            var noisy = new NoisyGradientObjective(new GivenCurvature(new double[sigma.Length], new double[sigma.Length]), V(sigma), 3);
            var s = noisy.PerSampleVariance(V(new double[sigma.Length]))!;
            for (int i = 0; i < sigma.Length; i++)
            {
                var exact = ExactDouble.ToFraction(sigma[i]) * ExactDouble.ToFraction(sigma[i]);
                if (s[i] != ExactDouble.ToDouble(exact))
                    return false.Label($"σ_{i} = {sigma[i]:R}: σ² = {s[i]:R}, correctly rounded {ExactDouble.ToDouble(exact):R}");
            }
            return true.ToProperty();
        });

    [Property]
    public Property Sample_IsWithinItsBoundOfTheExactDraws() => Prop.ForAll(
        (from d in Gen.Choose(1, 3)
         from m in Gen.Frequency((3, Gen.Choose(1, 4)), (1, Gen.Choose(5, 24)))
         from seed in Gen.Choose(0, int.MaxValue)
         from g in FullRangeDoubles.SignedOrOneScale(d)
         from sigma in Gen.Frequency((2, Gen.ArrayOf(FullRangeDoubles.NonNegative, d)), (1, FullRangeDoubles.SignedOrOneScale(d).Select(x => x.Select(Math.Abs).ToArray())))
         select (g, sigma, m, seed)).ToArbitrary(),
        c => Check(c.g, c.sigma, c.m, c.seed));

    /// <summary>
    /// σ = double.MaxValue, ∇f = 0, m = 2, seeds 0 to 19: a draw with |ξ| &gt; 1 overflowed to ±∞, so the old g was ±∞ or
    /// NaN (∞ − ∞) where the exact mean MaxValue·(ξ₁ + ξ₂)/2 is in range, and s was ∞ or NaN; now both are the exact
    /// draws' moments rounded once. Fails on the old code (at seed 0 already when its first draw exceeds 1).
    /// </summary>
    [Fact]
    public void Sample_WhereADrawOverflows_IsTheExactDrawsMoments()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var result = CheckCore([0.0], [double.MaxValue], 2, seed);
            Assert.True(result.Passed, result.Message);
        }
    }

    /// <summary>
    /// σ = 6.7e153 (σ² ≈ MaxValue/4), ∇f = 0, m = 20, seeds 0 to 19: a squared deviation (σ(ξ_j − ξ̄))² beyond
    /// double.MaxValue made the old s = +∞ where the exact variance, about σ², is in range; now the exact draws' variance
    /// rounded once, within the bound, which is tight here (the noise dominates: no cancellation). At least one seed
    /// reaches that overflow (checked exactly). Fails on the old code, and on a mutant dividing by m instead of m − 1.
    /// </summary>
    [Fact]
    public void Sample_WhereASquaredDeviationOverflows_IsTheExactVariance()
    {
        const double sigma = 6.7e153;
        int overflowing = 0;
        for (int seed = 0; seed < 20; seed++)
        {
            var result = CheckCore([0.0], [sigma], 20, seed);
            Assert.True(result.Passed, result.Message);
            var random = new Random(seed);
            var y = Enumerable.Range(0, 20).Select(_ => ExactDouble.ToFraction(sigma) * ExactDouble.ToFraction(StandardNormal.Draw(random))).ToArray();
            var mean = y.Aggregate(Fraction.Zero, (a, b) => a + b) / 20;
            if (y.Any(v => (v - mean) * (v - mean) >= ExactDouble.Pow2(1024)))
                overflowing++;
        }
        Assert.True(overflowing > 0, "no seed reached a squared deviation beyond double.MaxValue");
    }

    /// <summary>An inner gradient that is not finite is rejected naming θ (the old sampler returned ∞ and NaN draws).</summary>
    [Fact]
    public void Sample_OfANonFiniteGradient_IsRejectedNamingTheta()
    {
        var noisy = new NoisyGradientObjective(new GivenCurvature([0.0], [double.PositiveInfinity]), V(1), 1);
        var e = Assert.Throws<ArgumentException>(() => noisy.OpenSampler().Sample(V(0), 2));
        Assert.Equal("theta", e.ParamName);
    }

    private static (bool Passed, string Message) Verdict(bool passed, string message) => (passed, message);

    private static Property Check(double[] g, double[] sigma, int m, int seed)
    {
        var (passed, message) = CheckCore(g, sigma, m, seed);
        return passed.Label(message);
    }

    private static (bool Passed, string Message) CheckCore(double[] g, double[] sigma, int m, int seed)
    {
        int d = g.Length;
        string at = $"∇f = [{string.Join(", ", g.Select(v => v.ToString("R")))}], σ = [{string.Join(", ", sigma.Select(v => v.ToString("R")))}], m = {m}, seed = {seed}";
        var noisy = new NoisyGradientObjective(new GivenCurvature(new double[d], g), V(sigma), seed);
        var sample = noisy.OpenSampler().Sample(V(new double[d]), m);
        var random = new Random(seed);
        var xi = new double[m, d];
        for (int j = 0; j < m; j++)
            for (int i = 0; i < d; i++)
                xi[j, i] = StandardNormal.Draw(random);
        if ((m >= 2) != (sample.PerSampleVariance is not null))
            return Verdict(false, $"{at}: variance present = {sample.PerSampleVariance is not null}");
        var t = ExactAgreement.OverflowThreshold;
        for (int i = 0; i < d; i++)
        {
            Fraction gi = ExactDouble.ToFraction(g[i]), si = ExactDouble.ToFraction(sigma[i]);
            var y = new Fraction[m];
            Fraction ySum = Fraction.Zero, xSum = Fraction.Zero, bSum = Fraction.Zero, b2Sum = Fraction.Zero;
            for (int j = 0; j < m; j++)
            {
                var p = Fraction.Abs(si * ExactDouble.ToFraction(xi[j, i]));
                y[j] = gi + si * ExactDouble.ToFraction(xi[j, i]);
                var x = (Fraction.Abs(y[j]) + U * p + Tiny) / (1 - 2 * U);
                var b = U * p + 2 * U * x + Tiny;
                ySum += y[j];
                xSum += x;
                bSum += b;
                b2Sum += b * b;
            }
            var mean = ySum / m;
            var meanError = ExactAgreement.Gamma(m) * xSum / m + Tiny; // |x̂̄ − ĝ|
            double gHat = sample.Gradient[i];
            if (double.IsNaN(gHat))
                return Verdict(false, $"{at}: g_{i} is NaN, exact mean {(double)mean}");
            if (double.IsInfinity(gHat))
            {
                if (!(gHat > 0 ? mean >= t : mean <= -t))
                    return Verdict(false, $"{at}: g_{i} = {gHat}, exact mean {ExactDouble.ToDouble(mean):R} is in range");
            }
            else if (Fraction.Abs(ExactDouble.ToFraction(gHat) - mean) > bSum / m + meanError)
                return Verdict(false, $"{at}: g_{i} = {gHat:R}, exact mean {ExactDouble.ToDouble(mean):R}, beyond the bound {ExactDouble.ToDouble(bSum / m + meanError):R}");
            if (m < 2)
                continue;
            var squares = Fraction.Zero;
            foreach (var yj in y)
                squares += (yj - mean) * (yj - mean);
            var exactS = squares / (m - 1);
            double sHat = sample.PerSampleVariance![i];
            if (double.IsNaN(sHat) || sHat < 0)
                return Verdict(false, $"{at}: s_{i} = {sHat}, exact {ExactDouble.ToDouble(exactS):R}");
            if (double.IsInfinity(sHat))
            {
                if (exactS < t)
                    return Verdict(false, $"{at}: s_{i} = ∞, exact {ExactDouble.ToDouble(exactS):R} is in range");
                continue;
            }
            var root = RationalInterval.Exact(squares).Sqrt();
            var drawError = RationalInterval.Exact(b2Sum).Sqrt().Upper;
            var rootM = RationalInterval.Exact(new Fraction(m)).Sqrt().Upper;
            var low = root.Lower - drawError;
            if (low < 0) low = Fraction.Zero;
            var high = root.Upper + drawError + rootM * meanError;
            var gamma = ExactAgreement.Gamma(m + 3);
            var absolute = (new Fraction(m, m - 1) + 1) * ExactDouble.Pow2(-1074);
            var lower = (1 - gamma) * low * low / (m - 1) - absolute;
            var upper = (1 + gamma) * high * high / (m - 1) + absolute;
            var s = ExactDouble.ToFraction(sHat);
            if (s < lower || s > upper)
                return Verdict(false, $"{at}: s_{i} = {sHat:R}, exact draws' variance {ExactDouble.ToDouble(exactS):R}, outside [{ExactDouble.ToDouble(lower):R}, {ExactDouble.ToDouble(upper):R}]");
        }
        return Verdict(true, at);
    }
}
