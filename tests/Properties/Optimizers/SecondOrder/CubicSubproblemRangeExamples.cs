using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.SecondOrder;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// CubicSubproblem.Solve at the ends of the range (stop 42), each case a silent wrong value before: the expected values
/// solve (λ_i + μ)s_i = |g_i|, μ = σ‖s‖ by hand, and the decrease is ½Σ|g_i|s_i + μ‖s‖²/6. Tolerance: the
/// <see cref="CubicSubproblemRangeProperties"/> bounds for n ≤ 2, rounded up to 2^-45 relative (μ within γ₂₀ of the root,
/// s within γ₃ more, the decrease within γ₉₄).
/// </summary>
public class CubicSubproblemRangeExamples
{
    private const double Relative = 2.842170943040401e-14; // 2^-45

    private static EigenSystem Diagonal(double[] values, double[] projections) =>
        new(values, Matrix<double>.Build.DenseIdentity(values.Length), projections);

    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= Relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    /// <summary>λ = 0, g = −x, σ = x with x = 1e308: μ² = σ|g| gives μ = x, s = 1, decrease ½x + x/6 = ⅔x (was μ = ∞, s = 0).</summary>
    [Fact]
    public void HugeSigmaAndGradient_GiveTheUnitStep()
    {
        var sol = CubicSubproblem.Solve(Diagonal([0.0], [-1e308]), 1e308);
        Near(1, sol.Step[0]);
        Near(1e308, sol.Shift);
        Near(2.0 / 3 * 1e308, sol.PredictedDecrease);
    }

    /// <summary>
    /// λ = 0, g = −2.5·2^682, σ = 2.5: μ = σs and σs² = |g| give s = 2^341, μ = 2.5·2^341, and the decrease
    /// ½|g|s + μs²/6 = (⅔)·2.5·2^1023 ≈ 1.5e308, in range (was +∞: the model's term |g|s = 1.25·2^1024 overflowed).
    /// </summary>
    [Fact]
    public void HugeGradient_KeepsThePredictedDecrease()
    {
        var sol = CubicSubproblem.Solve(Diagonal([0.0], [-2.5 * Math.ScaleB(1.0, 682)]), 2.5);
        Near(Math.ScaleB(1.0, 341), sol.Step[0]);
        Near(2.5 * Math.ScaleB(1.0, 341), sol.Shift);
        Near(5.0 / 3 * Math.ScaleB(1.0, 1023), sol.PredictedDecrease);
    }

    /// <summary>
    /// λ = (−1e308, 1e308), g = (−1, −1e300), σ = 1e308: μ = 1e308 + t with s₁ = 1/t and σs₁ ≈ μ, so t ≈ 1, s₁ ≈ 1, and
    /// s₂ = 1e300/(2e308 + t) = 5e-9 (was 0: λ₂ + 1e308 overflowed); decrease ½(s₁ + 1e300·s₂) + μ‖s‖²/6 ≈ 1e308/6.
    /// </summary>
    [Fact]
    public void SpreadBeyondTheRange_KeepsTheSmallComponent()
    {
        var sol = CubicSubproblem.Solve(Diagonal([-1e308, 1e308], [-1.0, -1e300]), 1e308);
        Near(5e-9, sol.Step[1]);
        Near(1, sol.Step[0]);
        Near(1e308, sol.Shift);
        Near(1e308 / 6, sol.PredictedDecrease);
    }

    /// <summary>λ = 0, g = −1e308, σ = 1e-320: ‖s‖ = √(|g|/σ) ≈ 1e314 is beyond the range: rejected naming sigma (was a finite s ≈ 1e308).</summary>
    [Fact]
    public void StepBeyondTheRange_IsRejectedNamingSigma() =>
        ArgumentAssert.Rejects(() => CubicSubproblem.Solve(Diagonal([0.0], [-1e308]), 1e-320), "sigma", "double.MaxValue");

    /// <summary>
    /// λ = (−1), g = (−2^-1074), σ = ½: s₁ = 2(1 + t) and t = 2^-1074/s₁ ≈ 2^-1075, below the smallest double; the
    /// bisection on t = τ·2^-2074 finds it, s₁ = 2 (was 2^-1074/2^-1074 = 1 before stop 42; stops 42–46 completed s₁ from
    /// ‖s‖ = μ/σ as in the hard case).
    /// </summary>
    [Fact]
    public void RootBelowTheSmallestDouble_IsFoundOnAFinerGrid()
    {
        var sol = CubicSubproblem.Solve(Diagonal([-1.0], [-double.Epsilon]), 0.5);
        Near(2, sol.Step[0]);
        Near(1, sol.Shift);
    }

    /// <summary>
    /// λ = (0, 0), g = (−1.18e293, −1.18e293), σ = 2^-1074 with the orthonormal V = [[c, c], [c, −c]], c = fl(1/√2): μ² = σ‖g‖
    /// gives μ ≈ 9.1e-16 and s_i = |g_i|/μ ≈ 1.2995e308, each in range, but s = s₁v₁ + s₂v₂ has first entry ≈ 1.84e308,
    /// beyond the range (the second is s₁c − s₂c = 0). The decrease, ⅔‖g‖‖s‖, is beyond it too; Solve checks the step's
    /// entries first, so the rejection names sigma and the step entry (run 48: "every entry finite" → "some entry finite"
    /// survived, reporting the decrease instead).
    /// </summary>
    [Fact]
    public void OneStepEntryBeyondTheRange_IsRejectedNamingSigma()
    {
        double c = 1 / Math.Sqrt(2);
        var v = Matrix<double>.Build.DenseOfArray(new[,] { { c, c }, { c, -c } });
        ArgumentAssert.Rejects(() => CubicSubproblem.Solve(new EigenSystem([0.0, 0.0], v, [-1.18e293, -1.18e293]), double.Epsilon), "sigma", "minimizer s = Σ s_i·v_i has an entry beyond double.MaxValue");
    }

    /// <summary>Non-finite or descending eigenvalues and non-finite projections are rejected naming eigen.</summary>
    [Fact]
    public void RejectsAnEigensystemOutsideItsRange()
    {
        ArgumentAssert.Rejects(() => CubicSubproblem.Solve(Diagonal([2.0, 1.0], [-1.0, -1.0]), 1), "eigen", "ascending");
        ArgumentAssert.Rejects(() => CubicSubproblem.Solve(Diagonal([double.NaN], [-1.0]), 1), "eigen", "finite");
        ArgumentAssert.Rejects(() => CubicSubproblem.Solve(Diagonal([1.0], [double.NegativeInfinity]), 1), "eigen", "finite");
    }

    /// <summary>
    /// The hard case beyond 2^100 (the scaled secular function): λ = (−5, 5)·2^100, g = (0, −30·2^200), σ = 1. At μ = −λ₁ =
    /// 5·2^100, s₂ = 30·2^200/(10·2^100) = 3·2^100 and σ‖s‖ = 3·2^100 &lt; μ, so s is completed along v₁ to ‖s‖ = μ/σ:
    /// s₁ = √(25 − 9)·2^100 = 4·2^100 (a 3-4-5 triangle, every value exact); decrease ½|g₂|s₂ + μ‖s‖²/6 = (45 + 125/6)·2^300.
    /// </summary>
    [Fact]
    public void HardCaseBeyondTheScale_CompletesToTheNormMuOverSigma()
    {
        double p = Math.ScaleB(1.0, 100);
        var sol = CubicSubproblem.Solve(Diagonal([-5 * p, 5 * p], [0.0, -30 * p * p]), 1);
        Assert.True(sol.HardCase);
        Assert.Equal(4 * p, sol.Step[0]);
        Assert.Equal(3 * p, sol.Step[1]);
        Assert.Equal(5 * p, sol.Shift);
        Near((45 + 125.0 / 6) * p * p * p, sol.PredictedDecrease);
    }
}
