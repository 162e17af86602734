using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Optimizers.NaturalGradient;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.NaturalGradient;

/// <summary>
/// NGD and EFGD (balles-thesis eqs. D.31, D.32) for diagonal B over the whole double range: B ≥ 0, λ, γ &gt; 0 and ∇R from
/// subnormal to MaxValue, against the exact step −γg_i/(b_i + λ) in rationals.
/// </summary>
[Properties(MaxTest = 300)]
public class DampedPreconditionedDescentRangeProperties
{
    private static readonly Fraction Smallest = ExactDouble.Pow2(-1074);

    private static readonly Fraction Max = ExactDouble.ToFraction(double.MaxValue);

    /// <summary>
    /// γ₆ = 6u/(1 − 6u), u = 2^-53: b_i + λ, √ (its square within 2u), the two divisions of the triangular solves and the
    /// product with γ (or its significand); the powers of two are exact but for a final scaling into the subnormals (2^-1075)
    /// and a subnormal intermediate of a solve not redone, counted in the 2^-1074.
    /// </summary>
    private static readonly Fraction Gamma6 = ExactAgreement.Gamma(6);

    /// <summary>Gradients: full-range or one-scale entries, or small multiples of powers of two down to 2^-1074.</summary>
    private static Gen<double[]> Gradient(int n) => Gen.Frequency(
        (2, FullRangeDoubles.SignedOrOneScale(n)),
        (1, Gen.ArrayOf(from m in Gen.Choose(-15, 15) from k in Gen.Choose(-1074, 1000) select m * Math.ScaleB(1.0, k), n)));

    /// <summary>The exponent that Update's remarks scale B + λI by (0 within 2^±100 or where B + λI stays finite, else even).</summary>
    private static int CurvatureExponent(double[] b, double lambda)
    {
        int k = Math.ILogB(Math.Max(lambda, b.Max()));
        k = k >= -100 && k <= 100 ? 0 : k - (k & 1);
        return k > 0 && b.All(x => double.IsFinite(x + lambda)) ? 0 : k;
    }

    /// <summary>
    /// The step within γ₆·|s_i| + 2^-1074 of s_i = −γg_i/(b_i + λ), or a <see cref="DoubleRangeException"/> naming θ where
    /// Update's remarks put the inputs outside its range: an exact entry beyond MaxValue (then required, beyond the bound's
    /// band), ∇R spanning more than 2^1022, or a scaled solve 2^(k−j)·g_i/(b_i + λ) beyond the range within γ₆ (k, j as the
    /// remarks define them; for diagonal B the substitutions' intermediate g_i/√(b_i + λ) is the smaller where the solve is
    /// large, and γ is applied without overflowing first). Until stop 47 an entry below 2^-1049 could come out 0 and a
    /// solution spanning more than 2^2022 was rejected; both are now solved by parts.
    /// </summary>
    [Property]
    public Property Update_OfADiagonalCurvature_IsWithinItsBoundOrRejected() => Prop.ForAll(
        (from n in Gen.Choose(1, 3)
         from b in Gen.ArrayOf(FullRangeDoubles.NonNegative, n)
         from lambda in FullRangeDoubles.Positive
         from gamma in FullRangeDoubles.Positive
         from g in Gradient(n)
         from empirical in Gen.Elements(false, true)
         select (b, lambda, gamma, g, empirical)).ToArbitrary(),
        c =>
        {
            var (b, lambda, gamma, g, empirical) = c;
            int n = b.Length;
            string at = $"b = [{string.Join(", ", b.Select(x => x.ToString("R")))}], λ = {lambda:R}, γ = {gamma:R}, g = [{string.Join(", ", g.Select(x => x.ToString("R")))}]";
            var x = Enumerable.Range(0, n).Select(i => ExactDouble.ToFraction(g[i]) / (ExactDouble.ToFraction(b[i]) + ExactDouble.ToFraction(lambda))).ToArray();
            var exact = x.Select(v => -ExactDouble.ToFraction(gamma) * v).ToArray();
            double largest = g.Max(Math.Abs);
            int k = CurvatureExponent(b, lambda);
            int j = largest == 0 ? 0 : Math.ILogB(largest);
            if (k == 0 && j >= -100 && j <= 100 && !g.Any(v => v != 0 && Math.Abs(v) < FullRangeDoubles.MinNormal)) j = 0;
            bool spansMore = g.Any(v => v != 0 && (long)Math.ILogB(v) - Math.ILogB(largest) < -1022);
            bool scaledOverflows = x.Any(v => Fraction.Abs(v) * ExactDouble.Pow2(k - j) * (1 + Gamma6) > Max);
            bool maybeBeyond = exact.Any(v => Fraction.Abs(v) * (1 + Gamma6) > Max);
            bool beyond = exact.Any(v => Fraction.Abs(v) * (1 - Gamma6) > Max + ExactDouble.Pow2(970));
            DampedPreconditionedDescent optimizer = empirical ? new EmpiricalFisherGradientDescent(gamma, lambda) : new NaturalGradientDescent(gamma, lambda);
            Vector<double> step;
            try
            {
                step = optimizer.Update(new GivenCurvature(b, g), Vector<double>.Build.Dense(n));
            }
            catch (DoubleRangeException e)
            {
                bool allowed = maybeBeyond || spansMore || scaledOverflows;
                return (e.ParamName == "theta" && allowed).Label($"{at}: rejected ({e.ParamName}: {e.Message})");
            }
            if (beyond)
                return false.Label($"{at}: an exact entry is beyond ±double.MaxValue, but [{string.Join(", ", step)}] was returned");
            var property = true.ToProperty();
            for (int i = 0; i < n; i++)
            {
                if (!double.IsFinite(step[i]))
                {
                    property = property.And(false.Label($"{at}: step[{i}] = {step[i]:R}"));
                    continue;
                }
                var error = Fraction.Abs(ExactDouble.ToFraction(step[i]) - exact[i]);
                var bound = Gamma6 * Fraction.Abs(exact[i]) + Smallest;
                property = property.And((error <= bound).Label(
                    $"{at}: step[{i}] = {step[i]:R}, exact ≈ {ExactDouble.ToDouble(exact[i]):R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}"));
            }
            return property;
        });

    /// <summary>
    /// Two inputs the property found, each silently wrong or wrongly rejected before: (1) B = diag(8.3e-72, 1.3e-144),
    /// λ = 18.15, γ = 2e-265, ∇R = (−2.4e272, 1.3e-26): γ·x underflowed before the scaling back by 2^904, and the step's
    /// entry 1 was −0 for the exact −1.4e-292; (2) B = diag(0, 0.041, 0.024), λ = 2.2e-308, γ = 3.4e-71, ∇R = (6.9e-18,
    /// −2.5e-308, −5.3e-314): the unscaled ∇R's subnormal entry was measured against 2^0, not its largest entry 2^-57, and
    /// the step was rejected as spanning more than the range. Each entry within γ₆·|s_i| + 2^-1074 (as the property; the
    /// last entry's exact value ≈ 7.6e-383 is below 2^-1074, so 0 is within 2^-1074 of it).
    /// </summary>
    [Theory]
    [InlineData(new[] { 8.320530125655529E-72, 1.2813331809171844E-144 }, 18.15014543290356, 1.985247086000157E-265, new[] { -2.3667594994877803E+272, 1.2924697071141057E-26 })]
    [InlineData(new[] { 0, 0.04068126622551022, 0.023511406856933398 }, 2.225073858507201E-308, 3.3732835745799343E-71, new[] { 6.938893903907228E-18, -2.5032080908206016E-308, -5.3049894774E-314 })]
    public void Update_FoundByTheProperty_IsTheExactStep(double[] b, double lambda, double gamma, double[] g)
    {
        var step = new NaturalGradientDescent(gamma, lambda).Update(new GivenCurvature(b, g), Vector<double>.Build.Dense(b.Length));
        for (int i = 0; i < b.Length; i++)
        {
            var exact = -ExactDouble.ToFraction(gamma) * ExactDouble.ToFraction(g[i]) / (ExactDouble.ToFraction(b[i]) + ExactDouble.ToFraction(lambda));
            var bound = Gamma6 * Fraction.Abs(exact) + Smallest;
            Assert.True(Fraction.Abs(ExactDouble.ToFraction(step[i]) - exact) <= bound, $"step[{i}] = {step[i]:R}, exact ≈ {ExactDouble.ToDouble(exact):R}");
        }
    }

    /// <summary>
    /// B = diag(1, 0), λ = 0.6·2^-1023 (subnormal), γ = 3/4, ∇R = (0, 1): B + λI and ∇R stay unscaled (k = j = 0), the
    /// solve x_1 = 1/λ ≈ 1.67·2^1023 is finite, and the exact step (−0, −γ/λ ≈ −1.25·2^1023) is a double. Applying γ as
    /// its significand 1.5 first made 1.5·x_1 = ∞ and the step was rejected as beyond the range; γ·x_1 is normal, so the
    /// step is γ·x_1 rounded once (within u of −γ/λ after the solve's γ₄: γ₆ as the property).
    /// </summary>
    [Fact]
    public void Update_WhoseSignificandTimesTheSolveOverflows_IsTheExactStep()
    {
        double lambda = 0.6 * Math.ScaleB(1, -1023), gamma = 0.75;
        var step = new NaturalGradientDescent(gamma, lambda).Update(new GivenCurvature([1, 0], [0, 1]), Vector<double>.Build.Dense(2));
        var exact = -ExactDouble.ToFraction(gamma) / ExactDouble.ToFraction(lambda);
        Assert.True(step[0] == 0 && double.IsNegative(step[0]), $"step[0] = {step[0]:R}");
        Assert.True(Fraction.Abs(ExactDouble.ToFraction(step[1]) - exact) <= Gamma6 * Fraction.Abs(exact), $"step[1] = {step[1]:R}, exact ≈ {ExactDouble.ToDouble(exact):R}");
    }

    /// <summary>
    /// The limit the property found and stop 43 documented: B = diag(2^-100, 0), λ = 2^-1074, γ = 1, ∇R = (0, 2^-500). B + λI
    /// stays unscaled (its largest entry 2^-100 is within 2^±100) and ∇R is scaled to 1, so the solve is 1/2^-1074 = 2^1074,
    /// beyond the range, though the exact step (0, −2^574) is an ordinary double. It was rejected; solved again for 2^-64
    /// times the right-hand side, it is the exact step (every value a power of two).
    /// </summary>
    [Fact]
    public void Update_WhoseScaledSolveOverflows_IsTheExactStep()
    {
        var objective = new GivenCurvature([Math.ScaleB(1, -100), 0], [0, Math.ScaleB(1, -500)]);
        var step = new NaturalGradientDescent(1, double.Epsilon).Update(objective, Vector<double>.Build.Dense(2));
        Assert.Equal(0.0, step[0]);
        Assert.Equal(-Math.ScaleB(1, 574), step[1]);
    }

    /// <summary>
    /// Found by a 4000-case run of the property: B = diag(77.0140046489873, 9.667213639041478e307), λ = 1.525530013856709e32,
    /// γ = 5.279991050987466e256, ∇R = (7.482888383134223e50, 3.409915766259544e-253). The solution x = ∇R/(b + λ) spans
    /// 2^1921 (x₂ ≈ 3.5e-561, x₁ ≈ 4.9e18), less than the 2^2022 the rejection claimed: the re-solve for the underflowed x₂
    /// brought the right-hand side's largest entry to 2^1000 and left x₂ subnormal. The step −γx is in range; it must be
    /// within the property's γ₆ bound (entry 2 ≈ −1.86e-304).
    /// </summary>
    [Fact]
    public void Update_WhoseSolveUnderflowsButSpansLessThanTheRange_IsTheStep()
    {
        double[] b = [77.0140046489873, 9.667213639041478e307], g = [7.482888383134223e50, 3.409915766259544e-253];
        double lambda = 1.525530013856709e32, gamma = 5.279991050987466e256;
        var step = new NaturalGradientDescent(gamma, lambda).Update(new GivenCurvature(b, g), Vector<double>.Build.Dense(2));
        for (int i = 0; i < 2; i++)
        {
            var exact = -ExactDouble.ToFraction(gamma) * ExactDouble.ToFraction(g[i]) / (ExactDouble.ToFraction(b[i]) + ExactDouble.ToFraction(lambda));
            Assert.True(Fraction.Abs(ExactDouble.ToFraction(step[i]) - exact) <= Gamma6 * Fraction.Abs(exact) + Smallest, $"step[{i}] = {step[i]:R}");
        }
    }
}
