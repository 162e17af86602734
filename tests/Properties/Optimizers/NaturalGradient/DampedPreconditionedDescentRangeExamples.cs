using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Optimizers;
using Verification.Optimizers.NaturalGradient;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.NaturalGradient;

/// <summary>
/// NGD and EFGD (eqs. D.31, D.32) at the edges of the double range, on an objective whose Fisher, empirical Fisher and
/// gradient are given: diagonal B, so the exact step −γg_i/(b_i + λ) and Φ = γ/(b_i + λ) are rationals of the inputs.
/// </summary>
public class DampedPreconditionedDescentRangeExamples
{
    private static readonly Vector<double> Theta = Vector<double>.Build.Dense(2);

    /// <summary>
    /// Within 4 ulp of −γg_i/(b_i + λ): b + λ, √(b + λ), two divisions in the triangular solves and the product with γ,
    /// each half an ulp (≤ 3u relative in all, below 4 ulp).
    /// </summary>
    private static void AssertDiagonalStep(double gamma, double lambda, double[] b, double[] g, Vector<double> step)
    {
        for (int i = 0; i < b.Length; i++)
        {
            var exact = -ExactDouble.ToFraction(gamma) * ExactDouble.ToFraction(g[i]) / (ExactDouble.ToFraction(b[i]) + ExactDouble.ToFraction(lambda));
            double error = ExactDouble.UlpError(step[i], RationalInterval.Exact(exact));
            Assert.True(error <= 4, $"step[{i}] = {step[i]:R}, exact ≈ {ExactDouble.ToDouble(exact):R}: {error:R} ulp");
        }
    }

    /// <summary>
    /// B = diag(1e308, 1), λ = 1, g = (0, 1e30), γ = 1: exact step (0, −1e30/2), which the plain form gave. B + λI was scaled
    /// by 2^-1022 (its largest entry 1e308) while the ordinary g was not, so the scaled solve was 2^1022·5e29 = ∞ and the
    /// step was rejected as beyond the range (entry 0 = NaN from 0·∞).
    /// </summary>
    [Fact]
    public void Update_WithAWideCurvatureSpreadAndAnOrdinaryGradient_IsTheExactStep()
    {
        double[] b = [1e308, 1], g = [0, 1e30];
        var objective = new GivenCurvature(b, g);
        AssertDiagonalStep(1, 1, b, g, new NaturalGradientDescent(1, 1).Update(objective, Theta));
        AssertDiagonalStep(1, 1, b, g, new EmpiricalFisherGradientDescent(1, 1).Update(objective, Theta));
    }

    /// <summary>
    /// B = diag(1e308, 0), λ = 1e-300, g = (0, 1e-300), γ = 1: exact step (0, −1), which the plain form gave. Scaling B + λI
    /// by 2^-1022 turned λ into 0, and the update was rejected as "not positive definite".
    /// </summary>
    [Fact]
    public void Update_WithADampingFarBelowTheCurvature_IsTheExactStep()
    {
        double[] b = [1e308, 0], g = [0, 1e-300];
        AssertDiagonalStep(1, 1e-300, b, g, new NaturalGradientDescent(1, 1e-300).Update(new GivenCurvature(b, g), Theta));
    }

    /// <summary>
    /// Φ = γ(B + λI)⁻¹ for B = diag(1e308, 2^-60), λ = 2^-60, γ = 1: exact diag(1/(1e308 + 2^-60), 2^59), off-diagonal 0;
    /// the inverse of 2^-1022(B + λI), whose second diagonal entry underflowed, came out (NaN, ∞). 4 ulp as in
    /// <see cref="Preconditioner_WithCurvatureNearMaxValue_IsTheExactInverse"/>.
    /// </summary>
    [Fact]
    public void Preconditioner_WithADampingFarBelowTheCurvature_IsTheExactInverse()
    {
        double[] b = [1e308, Math.ScaleB(1, -60)];
        double lambda = Math.ScaleB(1, -60);
        var phi = new NaturalGradientDescent(1, lambda).Preconditioner(new GivenCurvature(b, [0, 0]), Theta);
        for (int i = 0; i < 2; i++)
        {
            var exact = Fraction.One / (ExactDouble.ToFraction(b[i]) + ExactDouble.ToFraction(lambda));
            Assert.True(ExactDouble.UlpError(phi[i, i], RationalInterval.Exact(exact)) <= 4, $"Φ[{i},{i}] = {phi[i, i]:R}");
        }
        Assert.Equal(0, phi[0, 1]);
        Assert.Equal(0, phi[1, 0]);
    }

    /// <summary>B = diag(1e308, 1.5e308), λ = 1e308: B + λI overflowed to ∞ and the step was NaN; exact −g_i/(b_i + λ).</summary>
    [Fact]
    public void Update_WithCurvatureNearMaxValue_IsTheExactStep()
    {
        double[] b = [1e308, 1.5e308], g = [3e300, -7e307];
        var objective = new GivenCurvature(b, g);
        AssertDiagonalStep(0.5, 1e308, b, g, new NaturalGradientDescent(0.5, 1e308).Update(objective, Theta));
        AssertDiagonalStep(0.5, 1e308, b, g, new EmpiricalFisherGradientDescent(0.5, 1e308).Update(objective, Theta));
    }

    /// <summary>B = diag(2^-1000, 3·2^-1000), λ = 2^-1070 and g = 2^-1060: the step 2^-60/(b + λ)-scale is ordinary; the unscaled solve divided subnormals.</summary>
    [Fact]
    public void Update_WithTinyCurvatureAndGradient_IsTheExactStep()
    {
        double[] b = [Math.ScaleB(1, -1000), Math.ScaleB(3, -1000)], g = [Math.ScaleB(5, -1060), -Math.ScaleB(1, -1074)];
        double lambda = Math.ScaleB(1, -1070);
        AssertDiagonalStep(1, lambda, b, g, new NaturalGradientDescent(1, lambda).Update(new GivenCurvature(b, g), Theta));
    }

    /// <summary>Φ = γ(B + λI)⁻¹ with B + λI beyond MaxValue: the former inverse of ∞ entries; exact γ/(b_i + λ), off-diagonal 0.</summary>
    [Fact]
    public void Preconditioner_WithCurvatureNearMaxValue_IsTheExactInverse()
    {
        double[] b = [1e308, 1.5e308];
        double gamma = Math.ScaleB(1, 60), lambda = 1e308;
        var phi = new NaturalGradientDescent(gamma, lambda).Preconditioner(new GivenCurvature(b, [0, 0]), Theta);
        for (int i = 0; i < 2; i++)
        {
            var exact = ExactDouble.ToFraction(gamma) / (ExactDouble.ToFraction(b[i]) + ExactDouble.ToFraction(lambda));
            Assert.True(ExactDouble.UlpError(phi[i, i], RationalInterval.Exact(exact)) <= 4, $"Φ[{i},{i}] = {phi[i, i]:R}");
        }
        Assert.Equal(0, phi[0, 1]);
        Assert.Equal(0, phi[1, 0]);
    }

    /// <summary>
    /// B = λ = 2^-100 (B + λI = 2^-99·I, its largest entry at the lower end of the unscaled range [2^-100, 2^100]) and
    /// g = (2^100, 2^-1000) (largest entry at the upper end): exact step −(2^199, 2^-901). Both stay unscaled; a scaling of g
    /// by 2^-100 would flush its entry 2^-1000 to 0 (2^-1100 is below the subnormals), and the step's entry 1 with it.
    /// </summary>
    [Fact]
    public void Update_WithCurvatureAndGradientAtTheEdgesOfTheUnscaledRange_IsTheExactStep()
    {
        double tiny = Math.ScaleB(1, -100);
        double[] b = [tiny, tiny], g = [Math.ScaleB(1, 100), Math.ScaleB(1, -1000)];
        var objective = new GivenCurvature(b, g);
        AssertDiagonalStep(1, tiny, b, g, new NaturalGradientDescent(1, tiny).Update(objective, Theta));
        AssertDiagonalStep(1, tiny, b, g, new EmpiricalFisherGradientDescent(1, tiny).Update(objective, Theta));
    }

    /// <summary>
    /// B = 0, λ = 2^-30, γ = 2^1000 and g = (2^-100, −3·2^-102), the gradient at the lower end of the unscaled range: exact
    /// step (−2^930, 3·2^928). The unscaled (B + λI)⁻¹g = (2^-70, …) times γ is finite; g scaled to [1, 2) would be solved to
    /// 2^30 and γ·2^30 = 2^1030 would overflow before the scaling back.
    /// </summary>
    [Fact]
    public void Update_WithAGradientAtTheLowerEdgeOfTheUnscaledRangeAndALargeStepSize_IsTheExactStep()
    {
        double gamma = Math.ScaleB(1, 1000), lambda = Math.ScaleB(1, -30);
        double[] b = [0, 0], g = [Math.ScaleB(1, -100), -Math.ScaleB(3, -102)];
        AssertDiagonalStep(gamma, lambda, b, g, new NaturalGradientDescent(gamma, lambda).Update(new GivenCurvature(b, g), Theta));
    }

    /// <summary>
    /// B = diag(1, 0), λ = 2^-1030 (subnormal), g = (0, 2^-100), γ = 1: exact step (0, −2^930). Unscaled, g/√λ = 2^415 and
    /// (g/√λ)/√λ = 2^930 are finite; g scaled to [1, 2) would be solved to 2^1030 = ∞ and the step rejected as beyond the
    /// double range (the lower edge of the unscaled gradient range, independent of γ).
    /// </summary>
    [Fact]
    public void Update_WithAGradientAtTheLowerEdgeOfTheUnscaledRangeAndASubnormalDamping_IsTheExactStep()
    {
        double lambda = Math.ScaleB(1, -1030);
        double[] b = [1, 0], g = [0, Math.ScaleB(1, -100)];
        AssertDiagonalStep(1, lambda, b, g, new NaturalGradientDescent(1, lambda).Update(new GivenCurvature(b, g), Theta));
    }

    /// <summary>
    /// B = 0, λ = 3, γ = 2^1000 and a subnormal gradient g = (2^-1070, −3·2^-1074): exact step (−2^-70/3, 2^-74), ordinary
    /// doubles. Solved unscaled, g/√3 and g/3 are subnormals with 2–4 significant bits (entry 0 came out 5·2^-74 for
    /// 2^-70/3 = 5.33·2^-74); g scaled to [1, 2) is solved to full precision.
    /// </summary>
    [Fact]
    public void Update_WithASubnormalGradientAndALargeStepSize_IsTheExactStep()
    {
        double gamma = Math.ScaleB(1, 1000);
        double[] b = [0, 0], g = [Math.ScaleB(1, -1070), -Math.ScaleB(3, -1074)];
        AssertDiagonalStep(gamma, 3, b, g, new NaturalGradientDescent(gamma, 3).Update(new GivenCurvature(b, g), Theta));
    }

    /// <summary>
    /// B = diag(1e308, 1), λ = 1e308: b_0 + λ overflows while b_1 + λ does not, so B + λI is scaled (by 2^-1022); unscaled,
    /// its entry ∞ made the step's entry 0 zero. g = (1e300, 1e300), γ = 1: exact step −(1e300/2e308, 1e300/(1e308 + 1)).
    /// </summary>
    [Fact]
    public void Update_WithOneDiagonalEntryOverflowingWithTheDamping_IsTheExactStep()
    {
        double[] b = [1e308, 1], g = [1e300, 1e300];
        AssertDiagonalStep(1, 1e308, b, g, new NaturalGradientDescent(1, 1e308).Update(new GivenCurvature(b, g), Theta));
    }

    /// <summary>
    /// B = 1e308·I, λ = 1e308 (B + λI overflows), g = (1.7e308, 1.7e308), γ = 1.5e308: exact step −1.275e308 in each entry.
    /// B + λI is scaled by the even 2^-1022 (largest entry 1e308 = 1.11·2^1023) to 4.45·I and g by 2^-1023, so the solve
    /// gives 0.42 and γ·0.42 is finite; an exponent rounded up to 1024 would give 1.7 and γ·1.7 = ∞.
    /// </summary>
    [Fact]
    public void Update_WithCurvatureStepSizeAndGradientNearMaxValue_IsTheExactStep()
    {
        double[] b = [1e308, 1e308], g = [1.7e308, 1.7e308];
        AssertDiagonalStep(1.5e308, 1e308, b, g, new NaturalGradientDescent(1.5e308, 1e308).Update(new GivenCurvature(b, g), Theta));
    }

    /// <summary>
    /// A NaN or ∞ in B(θ) or ∇R(θ) made a NaN step without a word; now an ArgumentException naming the objective and
    /// saying which entry of which quantity it was (a non-finite B otherwise reached the Cholesky factorization).
    /// </summary>
    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(1.0, double.NaN)]
    [InlineData(1.0, double.NegativeInfinity)]
    public void Update_WithNonFiniteCurvatureOrGradient_NamesTheObjective(double b, double g)
    {
        var objective = new GivenCurvature([b, 1], [g, 1]);
        string expected = double.IsFinite(b) ? $"∇R(θ)[0] = {Show(g)}; it must be finite" : $"the curvature B(θ) has an entry {Show(b)}; it must be finite";
        foreach (DampedPreconditionedDescent optimizer in new DampedPreconditionedDescent[] { new NaturalGradientDescent(1, 1), new EmpiricalFisherGradientDescent(1, 1) })
        {
            var e = Assert.Throws<ArgumentException>(() => optimizer.Update(objective, Theta));
            Assert.Equal("objective", e.ParamName);
            Assert.Contains(expected, e.Message);
        }
    }

    /// <summary>A curvature with B + λI not positive definite (B = [[1, 3], [3, 1]], λ = 1) names the objective and says so.</summary>
    [Fact]
    public void Update_WithIndefiniteCurvature_NamesTheObjective()
    {
        var objective = new GivenCurvature([1, 1], [1, 1], offDiagonal: 3);
        var e = Assert.Throws<ArgumentException>(() => new NaturalGradientDescent(1, 1).Update(objective, Theta));
        Assert.Equal("objective", e.ParamName);
        Assert.Contains("B(θ) + λI is not positive definite", e.Message);
    }

    /// <summary>g = 1e300, B + λI = 1e-10·I: the exact step −1e310 exceeds MaxValue (it was ∞ silently); now a DoubleRangeException (an ArgumentException) naming θ.</summary>
    [Fact]
    public void Update_BeyondTheDoubleRange_NamesTheta()
    {
        var objective = new GivenCurvature([0, 0], [1e300, 1]);
        var e = Assert.Throws<DoubleRangeException>(() => new NaturalGradientDescent(1, 1e-10).Update(objective, Theta));
        Assert.Equal("theta", e.ParamName);
        Assert.Contains("entry 0 = -Infinity: beyond the double range", e.Message);
    }

    /// <summary>
    /// B = diag(2^-20, 0), λ = 2^-1074, γ = 1, ∇R = (2^1000, 2^-1074): exact step (−2^1000/(2^-20 + 2^-1074), −1) ≈ (−2^1020, −1).
    /// ∇R scaled by 2^-1000 flushed its second entry to 0 and the step came out (−2^1020, −0), silently wrong. The gradient
    /// spans more than the double range: now a DoubleRangeException naming θ and the entry, never a wrong step.
    /// </summary>
    [Fact]
    public void Update_WithAGradientSpanningMoreThanTheRange_IsRejected_NotSilentlyWrong()
    {
        var objective = new GivenCurvature([Math.ScaleB(1, -20), 0], [Math.ScaleB(1, 1000), double.Epsilon]);
        var e = Assert.Throws<DoubleRangeException>(() => new NaturalGradientDescent(1, double.Epsilon).Update(objective, Theta));
        Assert.Equal("theta", e.ParamName);
        Assert.Contains("∇R(θ) spans more than the double range (|∇R[1]| = 5E-324", e.Message);
    }

    /// <summary>
    /// B = 0, λ = 1, γ = 1, ∇R = (2^1000, 2^-22): the entries span exactly 2^1022, the most the range allows, so scaled by
    /// 2^-1000 the small one is 2^-1022, a normal double, and nothing is lost: B + λI = I (its Cholesky factor is I, exact),
    /// and the step is exactly −∇R = (−2^1000, −2^-22), not a rejection (the boundary of the rejection above).
    /// </summary>
    [Fact]
    public void Update_WithAGradientSpanningExactlyTheRange_IsTheExactStep()
    {
        var objective = new GivenCurvature([0, 0], [Math.ScaleB(1, 1000), Math.ScaleB(1, -22)]);
        var step = new NaturalGradientDescent(1, 1).Update(objective, Theta);
        Assert.Equal(new[] { -Math.ScaleB(1, 1000), -Math.ScaleB(1, -22) }, step.ToArray());
    }

    /// <summary>
    /// B = diag(0.5, 0), λ = 2^-1074, γ = 1, ∇R = (0, 2^-1074): the exact step (0, −1) is finite, but the scaled ∇R (2^0 =
    /// 1 in the second entry) solves against 2^-1074 to 2^1074. It was rejected as spanning more than the range; solved
    /// again for 2^-64 times the right-hand side it is the exact step (every value a power of two).
    /// </summary>
    [Fact]
    public void Update_WhoseScaledSolveOverflows_IsSolvedAgainScaledDown()
    {
        var objective = new GivenCurvature([0.5, 0], [0, double.Epsilon]);
        var step = new NaturalGradientDescent(1, double.Epsilon).Update(objective, Theta);
        Assert.Equal(0.0, step[0]);
        Assert.Equal(-1.0, step[1]);
    }

    /// <summary>
    /// B = 0, λ = 2^-1074, ∇R = (1, 1): the first solve, 2^1074 per entry, overflows; solved again for 2^-64·∇R it is 2^1010.
    /// With γ = 2^-60 the exact step −γ·2^1074 = −2^1014 per entry comes back; with γ = 2^60 the exact step −2^1134 is beyond
    /// the range and is rejected as such.
    /// </summary>
    [Fact]
    public void Update_WhoseResolvedStepIsBeyondTheRange_IsRejected()
    {
        var objective = new GivenCurvature([0, 0], [1, 1]);
        var step = new NaturalGradientDescent(Math.ScaleB(1, -60), double.Epsilon).Update(objective, Theta);
        Assert.Equal(new[] { -Math.ScaleB(1, 1014), -Math.ScaleB(1, 1014) }, step.ToArray());
        var e = Assert.Throws<DoubleRangeException>(() => new NaturalGradientDescent(Math.ScaleB(1, 60), double.Epsilon).Update(objective, Theta));
        Assert.Equal("theta", e.ParamName);
        Assert.Contains("beyond the double range", e.Message);
    }

    /// <summary>
    /// Φ = γ(B + λI)⁻¹ where an entry of the inverse is beyond the range but γ brings Φ back into it, and where γ·x is
    /// subnormal before the scaling back (found by DampedPreconditionerRangeProperties): B = diag(1, 0), λ = 1e-310,
    /// γ = 1e-20 gave Φ₁₁ = ∞ (1/λ overflowed) for the exact 1e-20/1e-310 ≈ 1e290; B = 0, λ = 3.5225032333734323e-233,
    /// γ = 4.783686552491065e-309 gave 1.3580360997738048e-76, 72 ulp from the exact 1.3580360997738026e-76 (γ·x
    /// rounded on the subnormal grid). Each entry within 3 ulp now.
    /// </summary>
    [Theory]
    [InlineData(new[] { 1.0, 0.0 }, 1e-310, 1e-20)]
    [InlineData(new[] { 0.0 }, 3.5225032333734323e-233, 4.783686552491065e-309)]
    [InlineData(new[] { 1e300, 0.0, 2.0 }, 5e-324, 3e-300)]
    public void Preconditioner_WhereTheInverseOrGammaTimesItLeavesTheRange_IsTheExactInverse(double[] b, double lambda, double gamma)
    {
        var phi = new NaturalGradientDescent(gamma, lambda).Preconditioner(new GivenCurvature(b, new double[b.Length]), Vector<double>.Build.Dense(b.Length));
        for (int i = 0; i < b.Length; i++)
        {
            var exact = ExactDouble.ToFraction(gamma) / (ExactDouble.ToFraction(b[i]) + ExactDouble.ToFraction(lambda));
            Assert.True(ExactDouble.UlpError(phi[i, i], RationalInterval.Exact(exact)) <= 3, $"Φ[{i},{i}] = {Show(phi[i, i])}, exact ≈ {Show(ExactDouble.ToDouble(exact))}");
            for (int j = 0; j < b.Length; j++)
                if (j != i)
                    Assert.Equal(0, phi[i, j]);
        }
    }

    /// <summary>
    /// b = 0x1.ffffffffffffcp+1023, λ = 1, γ = 2^100 (found by review): b + λ = b is finite, so nothing was scaled and 1/b
    /// came out subnormal with two bits fewer; Φ was 7.051540530721997e-279, 2 ulp from the exact γ/(b + λ), now re-solved
    /// for 2^1000·e₀: b + λ, the division and the product with γ, within 1.5 ulp (γ₃ in this binade).
    /// </summary>
    [Fact]
    public void Preconditioner_WhoseInverseIsSubnormal_KeepsItsDigits()
    {
        double b = BitConverter.Int64BitsToDouble(0x7FEFFFFFFFFFFFFC), gamma = Math.ScaleB(1, 100);
        var phi = new NaturalGradientDescent(gamma, 1).Preconditioner(new GivenCurvature([b], [0]), Vector<double>.Build.Dense(1));
        var exact = ExactDouble.ToFraction(gamma) / (ExactDouble.ToFraction(b) + 1);
        Assert.True(ExactDouble.UlpError(phi[0, 0], RationalInterval.Exact(exact)) <= 1.5, $"Φ = {Show(phi[0, 0])}, exact ≈ {Show(ExactDouble.ToDouble(exact))}");
    }

    /// <summary>
    /// B = [[1, 1], [1, 1]], λ = 1e-20 (found by review): 1 + λ rounds to 1, so B + λI is singular in floating point and the
    /// inverse was [[∞, −∞], [−∞, ∞]] for the exact ≈ ±5e19; rejected naming the objective, as Update's Cholesky rejects it.
    /// </summary>
    [Fact]
    public void Preconditioner_OfAMatrixSingularInFloatingPoint_IsRejectedNamingTheObjective()
    {
        var objective = new GivenCurvature([1, 1], [0, 0], offDiagonal: 1);
        var e = ArgumentAssert.Rejects(() => new NaturalGradientDescent(1, 1e-20).Preconditioner(objective, Vector<double>.Build.Dense(2)), "objective", "singular in floating point");
        Assert.Contains("λ = 1E-20 is lost beside B", e.Message, StringComparison.Ordinal);
    }

    private static string Show(double x) => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
