using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.Sign;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Optimizers.Sign;

/// <summary>
/// The sign-descent numerics over the whole double range (issue 15, item 1): ψ, ψ' and ψ'' of
/// <see cref="LogPerturbedQuadratic"/> against exact rationals (ψ against a 96-bit enclosure of ½ln(1 + t²)) within the ulps
/// their doc comments state, and the norm-scaled sign step of eq. (6.10) against the exact radius ‖g‖₁/L∞.
/// </summary>
[Properties(MaxTest = 300)]
public class SignRangeProperties
{
    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>Full-range t, and 1 in 3 within 2^-k of ±1 (k = 1…52), where 1 − t² cancels.</summary>
    private static Gen<double> T { get; } = Gen.Frequency(
        (2, FullRangeDoubles.Signed),
        (1, from k in Gen.Choose(1, 52)
            from m in FullRangeDoubles.Moderate
            from s in Gen.Elements(1.0, -1.0)
            from side in Gen.Elements(1.0, -1.0)
            select s * (1 + side * Math.ScaleB(m, -k - 8))));

    /// <summary>ψ''(t) = (1 − t²)/(1 + t²)² within 12 ulp (its remarks: at most 11.2 roundings' worth where |t| &gt; 2).</summary>
    [Property]
    public Property PsiSecond_IsWithinTwelveUlp() => Prop.ForAll(T.ToArbitrary(), t =>
    {
        Fraction ft = F(t), t2 = ft * ft, w = 1 + t2;
        return ExactAgreement.Within(LogPerturbedQuadratic.PsiSecond(t), RationalInterval.Exact((1 - t2) / (w * w)), 12, $"t = {t:R}");
    });

    /// <summary>ψ'(t) = t/(1 + t²) within 3 ulp (its remarks).</summary>
    [Property]
    public Property PsiFirst_IsWithinThreeUlp() => Prop.ForAll(T.ToArbitrary(), t =>
    {
        Fraction ft = F(t);
        return ExactAgreement.Within(LogPerturbedQuadratic.PsiFirst(t), RationalInterval.Exact(ft / (1 + ft * ft)), 3, $"t = {t:R}");
    });

    /// <summary>
    /// ψ(t) = ½ln(1 + t²) within 8 ulp (its remarks): for |t| ≥ 2^-20 against a 128-bit enclosure of the logarithm (absolute
    /// width 2^-128·max(1, |ln|), below 2^-80 of ψ ≥ ½ln(1 + 2^-40)); below, x = t² &lt; 2^-40 and ln(1 + x) lies in
    /// [x − x²/2, x − x²/2 + x³/3] (alternating series), an enclosure of relative width x² &lt; 2^-80.
    /// </summary>
    [Property(MaxTest = 150)]
    public Property Psi_IsWithinEightUlp() => Prop.ForAll(T.ToArbitrary(), t =>
    {
        Fraction ft = F(t), x = ft * ft, half = new(1, 2);
        var log = Math.Abs(t) >= Math.ScaleB(1.0, -20)
            ? ExactLog.Of(1 + x, 128)
            : new RationalInterval(x - x * x / 2, x - x * x / 2 + x * x * x / 3);
        return ExactAgreement.Within(LogPerturbedQuadratic.Psi(t), RationalInterval.Exact(half) * log, 8, $"t = {t:R}");
    });

    /// <summary>
    /// −(‖g‖₁/L∞)·sign(g) (eq. 6.10) for full-range g and L∞: zero entries exactly 0; nonzero entries ∓r with r within d ulp
    /// of the exact ‖g‖₁/L∞ (d roundings), or an ArgumentException naming gradient exactly where r is beyond the range;
    /// the constructor rejects (naming lInfinity) exactly the L∞ whose α = 1/L∞ is beyond the range.
    /// </summary>
    [Property]
    public Property NormScaledStep_IsTheExactRadiusOrRejected() => Prop.ForAll(
        (from d in Gen.Choose(1, 4)
         from g in Gen.ArrayOf(FullRangeDoubles.Signed, d)
         from l in FullRangeDoubles.Positive
         select (g, l)).ToArbitrary(),
        input =>
        {
            var (g, l) = input;
            var exact = g.Aggregate(Fraction.Zero, (s, x) => s + Fraction.Abs(F(x))) / F(l);
            string at = $"g = [{string.Join(", ", g.Select(x => x.ToString("R")))}], L∞ = {l:R}";
            // Beyond the threshold by more than the d·u error: must be rejected; below it by as much: must not be.
            var margin = ExactAgreement.OverflowThreshold * F(g.Length * 1.2e-16);
            NormScaledSignGradientDescent method;
            try
            {
                method = new NormScaledSignGradientDescent(l);
            }
            catch (ArgumentException ex)
            {
                // Only an L∞ whose α = 1/L∞ of Lemma 6.2 is beyond the range is rejected, by its own name.
                return (ex.ParamName == "lInfinity" && 1 / F(l) >= ExactAgreement.OverflowThreshold)
                    .Label($"L∞ = {l:R} rejected ({ex.ParamName}: {ex.Message})");
            }
            if (1 / F(l) >= ExactAgreement.OverflowThreshold)
                return false.Label($"L∞ = {l:R} accepted although α = 1/L∞ is beyond the range");
            double[] step;
            try
            {
                step = method.StepFor(Vector<double>.Build.DenseOfArray(g)).ToArray();
            }
            catch (ArgumentException ex)
            {
                return (ex.ParamName == "gradient" && exact >= ExactAgreement.OverflowThreshold - margin)
                    .Label($"{at}: rejected ({ex.ParamName}: {ex.Message}) with exact radius {ExactDouble.ToDouble(exact):R}");
            }
            if (exact > ExactAgreement.OverflowThreshold + margin)
                return false.Label($"{at}: radius beyond the range accepted: [{string.Join(", ", step)}]");
            if (exact >= ExactAgreement.OverflowThreshold - margin)
                return true.Label($"{at}: radius within d·u of the overflow threshold (undecided)");
            var property = true.ToProperty();
            for (int i = 0; i < g.Length; i++)
            {
                if (g[i] == 0)
                    property = property.And((step[i] == 0).Label($"{at}: entry {i} is {step[i]:R}, g_i = 0"));
                else
                    property = property.And(ExactAgreement.Within(step[i], RationalInterval.Exact(g[i] > 0 ? -exact : exact), g.Length, $"{at}, entry {i}"));
            }
            return property;
        });
}
