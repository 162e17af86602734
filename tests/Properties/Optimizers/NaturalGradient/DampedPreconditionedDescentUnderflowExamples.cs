using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Optimizers.NaturalGradient;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.NaturalGradient;

/// <summary>
/// NGD and EFGD (balles-thesis eqs. D.31, D.32) where the Cholesky solve of (B + λI)x = ∇R underflows on the way while the
/// step −γx is an ordinary double: a large curvature entry meets a small gradient entry, so x_i is below 2^-1074 and came
/// out 0, and γ (up to 2^100 or 1e300 here) would have lifted it back into the range. The exact step −γ(B + λI)⁻¹∇R is
/// a rational of the inputs (2×2, by Cramer's rule in <see cref="Fraction"/>s).
/// </summary>
public class DampedPreconditionedDescentUnderflowExamples
{
    private static readonly Vector<double> Theta = Vector<double>.Build.Dense(2);

    /// <summary>−γ(B + λI)⁻¹g for B = [[b0, c], [c, b1]], exactly: x = adj(B + λI)g / det(B + λI).</summary>
    private static Fraction[] ExactStep(double gamma, double lambda, double b0, double b1, double c, double[] g)
    {
        Fraction d0 = ExactDouble.ToFraction(b0) + ExactDouble.ToFraction(lambda), d1 = ExactDouble.ToFraction(b1) + ExactDouble.ToFraction(lambda);
        Fraction fc = ExactDouble.ToFraction(c), g0 = ExactDouble.ToFraction(g[0]), g1 = ExactDouble.ToFraction(g[1]);
        var det = d0 * d1 - fc * fc;
        var fg = ExactDouble.ToFraction(gamma);
        return [-fg * (d1 * g0 - fc * g1) / det, -fg * (d0 * g1 - fc * g0) / det];
    }

    private static void AssertWithin(Fraction[] exact, Vector<double> step, double ulps)
    {
        for (int i = 0; i < exact.Length; i++)
        {
            double error = ExactDouble.UlpError(step[i], RationalInterval.Exact(exact[i]));
            Assert.True(error <= ulps, $"step[{i}] = {step[i]:R}, exact ≈ {ExactDouble.ToDouble(exact[i]):R}: {error:R} ulp");
        }
    }

    /// <summary>
    /// B = diag(1e300, 1), λ = 1e-300, γ = 1e300, ∇R = (1e-300, 1): exact step (−1e300·1e-300/(1e300 + 1e-300), −1e300/(1 + 1e-300))
    /// ≈ (−1e-300, −1e300), both normal. B + λI stays unscaled (it is finite) and so does ∇R (its largest entry is 1), so
    /// x_0 = 1e-300/1e300 = 1e-600 underflowed to 0 and the step came out (−0, −1e300), silently. Tolerance 4 ulp: b + λ,
    /// √(b + λ), the two divisions of the triangular solves and the product with γ, each within half an ulp (the scalings by
    /// powers of two are exact), as in the diagonal range examples of this class.
    /// </summary>
    [Fact]
    public void Update_WhereTheSolveUnderflowsButTheStepIsNormal_IsTheExactStep()
    {
        double[] b = [1e300, 1], g = [1e-300, 1];
        const double gamma = 1e300, lambda = 1e-300;
        var objective = new GivenCurvature(b, g);
        var exact = ExactStep(gamma, lambda, b[0], b[1], 0, g);
        AssertWithin(exact, new NaturalGradientDescent(gamma, lambda).Update(objective, Theta), 4);
        AssertWithin(exact, new EmpiricalFisherGradientDescent(gamma, lambda).Update(objective, Theta), 4);
    }

    /// <summary>
    /// A coupled B = [[2^1020, 2^-70], [2^-70, 1]], λ = 2^-40, γ = 2^100, ∇R = (−2^-60, 1): exact x_0 = (d_1·g_0 − c·g_1)/det
    /// ≈ −(2^-60 + 2^-70)/2^1020 ≈ −2^-1080, below the subnormals, so the step's entry 0 (exact ≈ 2^-980(1 + 2^-10), the
    /// coupling's 2^-10 included) came out 0. Both terms of x_0 and of x_1 = (d_0·g_1 − c·g_0)/det have the same sign, so no
    /// subtraction cancels and every computed quantity is within a few roundings of its exact value: the Cholesky factor
    /// (√d_0, c/√d_0, √(d_1 − l²): 4 roundings), the forward and back substitutions (at most 3 each per entry) and γ: at most
    /// 11 roundings of half an ulp on entry 0, held to 8 ulp (below 11 · ½ = 5.5 ulp plus the propagated factor errors,
    /// each under half an ulp relative).
    /// </summary>
    [Fact]
    public void Update_WhereACoupledSolveUnderflowsButTheStepIsNormal_IsTheExactStep()
    {
        double b0 = Math.ScaleB(1, 1020), c = Math.ScaleB(1, -70), lambda = Math.ScaleB(1, -40), gamma = Math.ScaleB(1, 100);
        double[] g = [-Math.ScaleB(1, -60), 1];
        var objective = new GivenCurvature([b0, 1], g, offDiagonal: c);
        var step = new NaturalGradientDescent(gamma, lambda).Update(objective, Theta);
        Assert.True(step[0] > 0, $"step[0] = {step[0]:R}: the entry that underflowed");
        AssertWithin(ExactStep(gamma, lambda, b0, 1, c, g), step, 8);
    }

    /// <summary>
    /// B = diag(0, 2^1020), λ = 2^-20, γ = 2^1000, ∇R = (1, 0.1·2^-996): exact step (−2^1020, −γ·g_1/(2^1020 + 2^-20)) ≈
    /// (−2^1020, −0.1·2^-1016 ≈ −1.6·2^-1020), both normal, but the solution x = (2^20, ≈ 0.1·2^-2016) spans about 2^2039, more than the
    /// scaled re-solve keeps normal: solved again with x_0 at 2^1000, its entry 1 is the subnormal ≈ 1.6·2^-1040 with 34 of
    /// its 53 bits, and the step's entry 1 had come out −0 from the first solve, silently. Stops 44–46 rejected it (a
    /// DoubleRangeException naming θ, "the solve underflowed"); since stop 47 it is solved by parts, each entry of ∇R against
    /// its own column of (B + λI)⁻¹ at its own scale, and both entries are within 6 ulp (γ₆: b + λ, √, two divisions, γ's
    /// product, the final scaling) of the exact step.
    /// </summary>
    [Fact]
    public void Update_WhoseSolutionSpansMoreThanTheScaledSolveKeeps_IsSolvedByParts()
    {
        double[] b = [0, Math.ScaleB(1, 1020)], g = [1, Math.ScaleB(0.1, -996)];
        double gamma = Math.ScaleB(1, 1000), lambda = Math.ScaleB(1, -20);
        var step = new NaturalGradientDescent(gamma, lambda).Update(new GivenCurvature(b, g), Theta);
        AssertWithin(ExactStep(gamma, lambda, b[0], b[1], 0, g), step, 6);
    }

    /// <summary>
    /// B = diag(0, 2^1023), λ = 2^-40, γ = 2^962, ∇R = (2^20, 1.5·2^-1000) (within 2^1022 of each other): x = (2^60,
    /// 1.5·2^-2023) spans 2^2083, so even the re-solve with x₀ at 2^1000 leaves x₁ = 0, and the step's entry 1 came out −0 for
    /// the exact −1.5·2^-1061, a subnormal the step can hold (Update's remarks allowed it below about 2^-1049 until stop
    /// 47). By parts, each entry within 6 ulp of the exact step (its entry 0 is −2^1022).
    /// </summary>
    [Fact]
    public void Update_WhoseSmallEntryUnderflowsEvenInTheResolve_IsSolvedByParts()
    {
        double[] b = [0, Math.ScaleB(1, 1023)], g = [Math.ScaleB(1, 20), 1.5 * Math.ScaleB(1, -1000)];
        double gamma = Math.ScaleB(1, 962), lambda = Math.ScaleB(1, -40);
        var step = new NaturalGradientDescent(gamma, lambda).Update(new GivenCurvature(b, g), Theta);
        Assert.NotEqual(0.0, step[1]);
        AssertWithin(ExactStep(gamma, lambda, b[0], b[1], 0, g), step, 6);
    }

    /// <summary>
    /// An exact zero in the solution is not an underflow: B = diag(1e308, 1), λ = 1, ∇R = (0, 1e30), γ = 1e270, exact step
    /// (0, −1e270·1e30/2) = (0, −5e299). x = (0, 5e29) has an entry 0, which sets off the re-solve for the gradient scaled up
    /// by 2^p; γ·2^p·x would overflow were γ applied whole before the scaling back. Tolerance 4 ulp as in the first example.
    /// </summary>
    [Fact]
    public void Update_WithAnExactZeroInTheSolution_IsTheExactStep()
    {
        double[] b = [1e308, 1], g = [0, 1e30];
        const double gamma = 1e270, lambda = 1;
        var step = new NaturalGradientDescent(gamma, lambda).Update(new GivenCurvature(b, g), Theta);
        AssertWithin(ExactStep(gamma, lambda, b[0], b[1], 0, g), step, 4);
        Assert.Equal(0, step[0]);
    }
}
