using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// The noisy quadratic bowl of lodo.md §5.1 (spectrum d_i = d_1·(d_n/d_1)^((i−1)/(n−1)), H = UDUᵀ, loss ℓ = ½bᵀHb) over
/// the whole double range: every accepted d_1 ≤ d_n gives a finite, exactly symmetric H whose spectrum runs from d_1 to
/// d_n, and ℓ is within its documented bound of the exact ½bᵀHb of that H, or rejected only beyond the range.
/// </summary>
[Properties(MaxTest = 300)]
public class NoisyQuadraticBowlFullRangeProperties
{
    /// <summary>u = 2^-53.</summary>
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static Gen<(int N, double Smallest, double Largest, int Seed)> Bowls { get; } =
        from n in Gen.Choose(2, 4)
        from a in FullRangeDoubles.Positive
        from b in FullRangeDoubles.Positive
        from seed in Gen.Choose(0, 1000)
        select (n, Math.Min(a, b), Math.Max(a, b), seed);

    /// <summary>
    /// d_1 is the given smallest and d_n the given largest within 2 ulp (d_1 times the rounded ratio), the spectrum is
    /// non-decreasing and finite, and H is finite and exactly symmetric.
    /// </summary>
    [Property]
    public Property Construction_OverTheWholeRange_GivesAFiniteBowl() => Prop.ForAll(Bowls.ToArbitrary(), c =>
    {
        var bowl = TryBowl(c);
        if (bowl is null)
            return true.Label("rejected: d_n within the rounding of UDUᵀ of double.MaxValue");
        var d = bowl.Spectrum;
        var h = bowl.Hessian;
        string label = $"n = {c.N}, d = {c.Smallest:R}…{c.Largest:R}, seed {c.Seed}: spectrum [{string.Join(", ", d.Select(v => v.ToString("R")))}]";
        if (!d.All(double.IsFinite) || !h.Enumerate().All(double.IsFinite))
            return false.Label(label + ", a non-finite spectrum or Hessian");
        bool ends = d[0] == c.Smallest && Fraction.Abs(F(d[^1]) - F(c.Largest)) <= 2 * ExactDouble.UnitInLastPlace(F(c.Largest));
        bool increasing = Enumerable.Range(1, c.N - 1).All(i => d[i] >= d[i - 1]);
        bool symmetric = Enumerable.Range(0, c.N).All(i => Enumerable.Range(0, c.N).All(j => h[i, j] == h[j, i]));
        return (ends && increasing && symmetric).Label($"{label}: ends {ends}, increasing {increasing}, symmetric {symmetric}");
    });

    /// <summary>
    /// ℓ(b) within 2n·u·½|b|ᵀ|H||b| + 2^-1074 of the exact ½bᵀHb (H the bowl's own Hessian), for b anywhere in the finite
    /// doubles; an ArgumentException only where that exact value, raised by the bound, reaches double.MaxValue.
    /// </summary>
    [Property]
    public Property Loss_IsWithinItsBoundOfTheExactQuadraticForm() => Prop.ForAll(
        (from bowl in Bowls
         from b in Gen.Frequency(
             (1, FullRangeDoubles.Signed.ArrayOf(4)),
             (1, from scale in Gen.Choose(-1000, 1000)
                 from v in FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x)).ArrayOf(4)
                 select v.Select(x => Math.ScaleB(x, scale)).ToArray()))
         select (bowl, b)).ToArbitrary(), c =>
    {
        var bowl = TryBowl(c.bowl);
        if (bowl is null)
            return true.Label("rejected: d_n within the rounding of UDUᵀ of double.MaxValue");
        var b = c.b.Take(c.bowl.N).ToArray();
        var h = bowl.Hessian;
        if (!h.Enumerate().All(double.IsFinite))
            return false.Label($"bowl {c.bowl}: a non-finite Hessian");
        var exact = Fraction.Zero;
        var scale = Fraction.Zero;
        for (int i = 0; i < b.Length; i++)
            for (int j = 0; j < b.Length; j++)
            {
                var term = F(b[i]) * F(h[i, j]) * F(b[j]) / 2;
                exact += term;
                scale += Fraction.Abs(term);
            }
        var bound = 2 * b.Length * Unit * scale + ExactDouble.Pow2(-1074);
        string label = $"bowl {c.bowl}, b = [{string.Join(", ", b.Select(v => v.ToString("R")))}]";
        double loss;
        try
        {
            loss = bowl.Loss(Vector<double>.Build.DenseOfArray(b));
        }
        catch (ArgumentException e)
        {
            return (exact + bound >= F(double.MaxValue)).Label($"{label}: rejected ({e.Message}) but exact ½bᵀHb = {ExactDouble.ToDouble(exact):R}");
        }
        return (double.IsFinite(loss) && Fraction.Abs(F(loss) - exact) <= bound)
            .Label($"{label}: ℓ = {loss:R}, exact {ExactDouble.ToDouble(exact):R}, bound {ExactDouble.ToDouble(bound):R}");
    });

    /// <summary>
    /// The bowl, or null where the constructor rejects it; a rejection (naming d_n) is allowed only where d_n·(1 + 4n·u)
    /// reaches double.MaxValue, so that an entry of UDUᵀ may round beyond it.
    /// </summary>
    /// <summary>
    /// The Newton loss ½v·Σd_i (lodo.md App. F.1) for v and the spectrum anywhere in the range (n up to 40, so Σd_i can
    /// overflow while ½v·Σd_i does not): within (n + 1)·u relative plus half the subnormal spacing of the exact ½v·Σd_i of
    /// the bowl's own d_i, and a DoubleRangeException exactly where that value rounds beyond double.MaxValue.
    /// </summary>
    [Property]
    public Property NewtonOptimalLoss_IsHalfTheNoiseVarianceTimesTheTrace() => Prop.ForAll(
        (from n in Gen.Choose(2, 40)
         from a in FullRangeDoubles.Positive
         from b in FullRangeDoubles.Positive
         from v in FullRangeDoubles.Positive
         select (n, Math.Min(a, b), Math.Max(a, b), v)).ToArbitrary(), c =>
    {
        var bowl = TryBowl((c.n, c.Item2, c.Item3, 0), c.v);
        if (bowl is null)
            return true.Label("rejected: d_n within the rounding of UDUᵀ of double.MaxValue");
        var exact = F(c.v) * bowl.Spectrum.Aggregate(Fraction.Zero, (t, d) => t + F(d)) / 2;
        string at = $"n = {c.n}, d = {c.Item2:R}…{c.Item3:R}, v = {c.v:R}, exact ≈ {ExactDouble.ToDouble(exact):R}";
        if (exact >= ExactAgreement.OverflowThreshold)
        {
            try
            {
                return false.Label($"not rejected at {at}: {bowl.NewtonOptimalLoss:R}");
            }
            catch (DoubleRangeException e)
            {
                return (e.ParamName == "NoiseVariance" && e.Message.Contains("beyond double.MaxValue", StringComparison.Ordinal)).Label(e.Message);
            }
        }
        double loss = bowl.NewtonOptimalLoss;
        var bound = (c.n + 1) * Unit * exact + ExactDouble.Pow2(-1075);
        return (double.IsFinite(loss) && Fraction.Abs(F(loss) - exact) <= bound).Label($"{at}: {loss:R}");
    });

    /// <summary>
    /// The two cases the plain ½v·Σd_i got wrong: v = 2^-1074 (½v rounded to 0; exact 2^-1075·3·2^60 = 3·2^-1015) and a
    /// sum that overflows while ½v·Σd_i does not (n = 8, d_i = 2^1021…2^1023 summing past MaxValue, v = 2^-4).
    /// </summary>
    [Fact]
    public void NewtonOptimalLoss_WhereThePlainFormulaUnderflowedOrOverflowed_IsTheExactValue()
    {
        var tiny = new NoisyQuadraticBowl(2, double.Epsilon, 0, Math.ScaleB(1.0, 60), Math.ScaleB(1.0, 61));
        Assert.Equal(3 * Math.ScaleB(1.0, -1015), tiny.NewtonOptimalLoss);
        var wide = new NoisyQuadraticBowl(8, Math.ScaleB(1.0, -4), 0, Math.ScaleB(1.0, 1021), Math.ScaleB(1.0, 1023));
        var exact = ExactDouble.ToFraction(Math.ScaleB(1.0, -4)) * wide.Spectrum.Aggregate(Fraction.Zero, (t, d) => t + F(d)) / 2;
        Assert.Equal(double.PositiveInfinity, wide.Spectrum.Sum());
        Assert.True(exact < F(double.MaxValue));
        Assert.Equal(ExactDouble.ToDouble(exact), wide.NewtonOptimalLoss);
    }

    private static NoisyQuadraticBowl? TryBowl((int N, double Smallest, double Largest, int Seed) c, double noiseVariance = 1.0)
    {
        try
        {
            return new NoisyQuadraticBowl(c.N, noiseVariance, c.Seed, c.Smallest, c.Largest);
        }
        catch (ArgumentException e) when (e.ParamName == "largest" && F(c.Largest) * (1 + 4 * c.N * Unit) >= F(double.MaxValue))
        {
            return null;
        }
    }

    /// <summary>
    /// d_1 = 1e-300, d_n = 1e300: d_n/d_1 overflows, and the spectrum computed as d_1·(d_n/d_1)^t was +∞ above d_1, so H
    /// was NaN; the spectrum must be 1e-300 and 1e300 and H finite.
    /// </summary>
    [Fact]
    public void Construction_WhoseSpectrumRatioOverflows_IsFinite()
    {
        var bowl = new NoisyQuadraticBowl(2, 1.0, 7, 1e-300, 1e300);
        Assert.Equal([1e-300, 1e300], bowl.Spectrum);
        Assert.All(bowl.Hessian.Enumerate(), v => Assert.True(double.IsFinite(v), $"H entry {v:R}"));
    }

    /// <summary>d_1 = d_n = 1e308: UDUᵀ has diagonal entries near 1e308, and (H + Hᵀ)/2 made them +∞; H must be finite.</summary>
    [Fact]
    public void Construction_NearTheTopOfTheRange_IsFinite()
    {
        var bowl = new NoisyQuadraticBowl(2, 1.0, 3, 1e308, 1e308);
        Assert.All(bowl.Hessian.Enumerate(), v => Assert.True(double.IsFinite(v), $"H entry {v:R}"));
    }

    /// <summary>
    /// ℓ at the two ends of the range, against the exact ½bᵀHb within the documented bound: a bowl with d_1 = d_n = 1e-310
    /// (H subnormal, so H_ij·b_j rounds to the subnormal grid before it is multiplied by 4^t, here 4^600) and one with
    /// d_1 = d_n = 0.95e308 at b = (1.9, 0) (ℓ ≈ 1.71e308 fits, but H_00·b_0 ≈ 1.8e308 does not).
    /// </summary>
    [Theory]
    [InlineData(1e-310, 4.149515568880993e+180, 3.1121366766607447e+180)] // 2^600 and 0.75·2^600
    [InlineData(0.95e308, 1.9, 0.0)]
    public void Loss_AtTheEndsOfTheRange_IsWithinItsBound(double spectrum, double b0, double b1)
    {
        var bowl = new NoisyQuadraticBowl(2, 1.0, 5, spectrum, spectrum);
        var h = bowl.Hessian;
        double[] b = [b0, b1];
        var exact = Fraction.Zero;
        var scale = Fraction.Zero;
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
            {
                var term = F(b[i]) * F(h[i, j]) * F(b[j]) / 2;
                exact += term;
                scale += Fraction.Abs(term);
            }
        double loss = bowl.Loss(Vector<double>.Build.DenseOfArray(b));
        var bound = 2 * 2 * Unit * scale + ExactDouble.Pow2(-1074);
        Assert.True(Fraction.Abs(F(loss) - exact) <= bound, $"ℓ = {loss:R}, exact {ExactDouble.ToDouble(exact):R}");
    }
}
