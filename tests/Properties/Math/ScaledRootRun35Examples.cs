using Verification.Numerics;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics;

/// <summary>
/// <see cref="ScaledRoot.Of"/> holds S + |λ| (S = √(λ² + 2L|g|), the denominator of elmo eq. (7) and of Lemma 3.2's φ) as a
/// normalized double-double: Lo is at most half an ulp of Hi, so Hi is the double nearest to Hi + Lo (Hi + Lo rounds to Hi),
/// and (Hi + Lo)·2^Exponent is S + |λ| within 2^-100 relatively. Checked on 400 seeded draws (λ, |g|, L of mantissa in
/// [1, 2), binary exponents in [−30, 30], |g| = 0 in one draw of eight) against the exact sign of S − c
/// (<see cref="ScaledRoot.CompareRoot"/>) at c = (Hi + Lo)·2^Exponent − |λ| ∓ 2^-97·(Hi + Lo)·2^Exponent (tolerance: the
/// documented 2^-100 with a factor 8 of slack).
/// </summary>
public class ScaledRootRun35Examples
{
    private static double Draw(System.Random random) => (1 + random.NextDouble()) * Math.ScaleB(1.0, random.Next(-30, 31));

    [Fact]
    public void Of_IsANormalizedDoubleDouble_WithinTwoToTheMinus100()
    {
        var random = new System.Random(35);
        for (int n = 0; n < 400; n++)
        {
            double lambda = (random.Next(2) == 0 ? -1 : 1) * Draw(random);
            double gradMagnitude = random.Next(8) == 0 ? 0 : Draw(random);
            double lipschitz = Draw(random);
            var root = ScaledRoot.Of(lambda, gradMagnitude, lipschitz);
            string inputs = $"λ = {lambda:R}, |g| = {gradMagnitude:R}, L = {lipschitz:R}: Hi = {root.Hi:R}, Lo = {root.Lo:R}";

            Assert.True(root.Hi + root.Lo == root.Hi, "not normalized: " + inputs);
            var value = (ExactDouble.ToFraction(root.Hi) + ExactDouble.ToFraction(root.Lo)) * ExactDouble.Pow2(root.Exponent);
            var s = value - ExactDouble.ToFraction(Math.Abs(lambda));
            var slack = value * ExactDouble.Pow2(-97);
            Assert.True(ScaledRoot.CompareRoot(lambda, gradMagnitude, lipschitz, s - slack) > 0, "S below the enclosure: " + inputs);
            Assert.True(ScaledRoot.CompareRoot(lambda, gradMagnitude, lipschitz, s + slack) < 0, "S above the enclosure: " + inputs);
        }
    }
}
