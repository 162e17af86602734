using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.SecondOrder;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// ARC's cubic subproblem min_s gᵀs + ½sᵀHs + (σ/3)‖s‖³ (Cartis, Gould &amp; Toint 2011, Thm 3.1: (H + μI)s = −g, μ = σ‖s‖,
/// H + μI ⪰ 0) on eigensystems where the minimizer has a closed form: the easy case (a root of the secular equation,
/// convex and concave), the hard case (g ⊥ v₁, s completed along v₁) and its boundary, and the zero step.
/// Each expected value solves g_i + (λ_i + μ)s_i = 0 with μ = σ‖s‖ by hand; m(0) − m(s) is summed from the closed form.
/// </summary>
public class CubicSubproblemExamples
{
    private static EigenSystem Diagonal(double[] values, double[] projections) =>
        new(values, Matrix<double>.Build.DenseIdentity(values.Length), projections);

    /// <summary>
    /// n = 1, λ = 1, g = −2, σ = 1: s solves −2 + s + s² = 0, s = 1, μ = σ s = 1; m(1) = −2 + ½ + ⅓ = −7/6.
    /// </summary>
    [Fact]
    public void ConvexEasyCase_IsThePositiveRootOfTheSecularEquation()
    {
        var sol = CubicSubproblem.Solve(Diagonal([1.0], [-2.0]), 1);
        // Tolerance 1e-15: the bisection ends at adjacent doubles of μ (about 1 ulp), then s and m are a few roundings.
        Assert.Equal(1.0, sol.Step[0], 1e-15);
        Assert.Equal(1.0, sol.Shift, 1e-15);
        Assert.Equal(7.0 / 6, sol.PredictedDecrease, 1e-15);
        Assert.False(sol.HardCase);
    }

    /// <summary>
    /// n = 1, λ = −1, g = −2, σ = 1: s solves −2 − s + s² = 0, s = 2, μ = 2 ≥ −λ = 1; m(2) = −4 − 2 + 8/3 = −10/3.
    /// </summary>
    [Fact]
    public void ConcaveEasyCase_ShiftsByMoreThanMinusLambda()
    {
        var sol = CubicSubproblem.Solve(Diagonal([-1.0], [-2.0]), 1);
        // Tolerance 1e-15 relative to the values' size 2: as above.
        Assert.Equal(2.0, sol.Step[0], 2e-15);
        Assert.Equal(2.0, sol.Shift, 2e-15);
        Assert.Equal(10.0 / 3, sol.PredictedDecrease, 4e-15);
        Assert.False(sol.HardCase);
    }

    /// <summary>
    /// λ = (0, 1), g = (0, −1), σ = 1: λ₁ = 0 has no gradient, so s₁ = 0 and s₂ = 1/(1 + μ) with μ = s₂: μ² + μ − 1 = 0,
    /// μ = (√5 − 1)/2 = s₂; m = −s₂ + s₂²/2 + s₂³/3.
    /// </summary>
    [Fact]
    public void SingularConvexCase_WithoutGradientThere_IsTheGoldenRatioRoot()
    {
        var sol = CubicSubproblem.Solve(Diagonal([0.0, 1.0], [0.0, -1.0]), 1);
        double mu = (Math.Sqrt(5) - 1) / 2;
        // Tolerance 1e-15: size-1 values, a few roundings after a bisection to 1 ulp.
        Assert.Equal(0.0, sol.Step[0]);
        Assert.Equal(mu, sol.Step[1], 1e-15);
        Assert.Equal(mu, sol.Shift, 1e-15);
        Assert.Equal(mu - mu * mu / 2 - mu * mu * mu / 3, sol.PredictedDecrease, 1e-15);
        Assert.False(sol.HardCase);
    }

    /// <summary>
    /// The hard case: λ = (−1, 2), g = (0, −2), σ = 1. At μ = −λ₁ = 1 the component along v₂ is 2/(2 + 1) = 2/3 and
    /// σ‖s‖ = 2/3 &lt; 1 = μ, so the secular equation has no root above −λ₁: μ = 1, and s is completed along v₁ to
    /// ‖s‖ = μ/σ = 1: s₁ = √(1 − 4/9) = √5/3. m = −2·(2/3) + (−1)(5/9)/2 + 2(4/9)/2 + ⅓ = −5/6.
    /// </summary>
    [Fact]
    public void HardCase_CompletesAlongTheLeftmostEigenvector()
    {
        var sol = CubicSubproblem.Solve(Diagonal([-1.0, 2.0], [0.0, -2.0]), 1);
        Assert.True(sol.HardCase);
        Assert.Equal(1.0, sol.Shift); // exactly −λ₁: no bisection in the hard case
        // Tolerance 1e-15: s and m are a few roundings of size-1 quantities.
        Assert.Equal(Math.Sqrt(5) / 3, sol.Step[0], 1e-15);
        Assert.Equal(2.0 / 3, sol.Step[1], 1e-15);
        Assert.Equal(5.0 / 6, sol.PredictedDecrease, 1e-15);
    }

    /// <summary>
    /// The hard case with another basis: the step is Σ s_i v_i, so with v₁ = (0, −1), v₂ = (1, 0) the components of the
    /// previous example land in swapped coordinates, and the completion's sign follows v₁: s = (2/3, −√5/3).
    /// </summary>
    [Fact]
    public void HardCase_StepIsAssembledFromTheEigenvectors()
    {
        var swap = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1 }, { -1, 0 } });
        var sol = CubicSubproblem.Solve(new EigenSystem([-1.0, 2.0], swap, [0.0, -2.0]), 1);
        Assert.Equal(2.0 / 3, sol.Step[0], 1e-15);
        Assert.Equal(-Math.Sqrt(5) / 3, sol.Step[1], 1e-15);
    }

    /// <summary>
    /// The boundary of the hard case: λ = (−1, 2), g = (0, −3), σ = 1: at μ = 1 the component along v₂ is 3/3 = 1 and
    /// σ‖s‖ = 1 = μ exactly, so μ = 1 solves the secular equation and no completion along v₁ is needed (s₁ = 0, not a
    /// hard case). m = −3 + 2/2 + ⅓ = −5/3.
    /// </summary>
    [Fact]
    public void HardCaseBoundary_NeedsNoCompletion()
    {
        var sol = CubicSubproblem.Solve(Diagonal([-1.0, 2.0], [0.0, -3.0]), 1);
        Assert.False(sol.HardCase);
        Assert.Equal(1.0, sol.Shift);
        Assert.Equal(0.0, sol.Step[0]);
        Assert.Equal(1.0, sol.Step[1]);
        Assert.Equal(5.0 / 3, sol.PredictedDecrease, 1e-15);
    }

    /// <summary>g = 0 and H ⪰ 0: s = 0 is the global minimizer, μ = 0, no decrease, not a hard case (all exact).</summary>
    [Fact]
    public void ZeroGradientAndConvex_GivesTheZeroStep()
    {
        var sol = CubicSubproblem.Solve(Diagonal([0.0, 3.0], [0.0, 0.0]), 2);
        Assert.Equal([0.0, 0.0], sol.Step.ToArray());
        Assert.Equal(0.0, sol.Shift);
        Assert.Equal(0.0, sol.PredictedDecrease);
        Assert.False(sol.HardCase);
    }

    /// <summary>
    /// σ scales the answer: λ = 0, g = −4, σ = 4: −4 + 4s² = 0, s = 1, μ = 4; m = −4 + 4/3 = −8/3. (σ/3 against 3σ or σ·3
    /// would give other values.)
    /// </summary>
    [Fact]
    public void FlatCase_IsTheSquareRootOfGOverSigma()
    {
        var sol = CubicSubproblem.Solve(Diagonal([0.0], [-4.0]), 4);
        Assert.Equal(1.0, sol.Step[0], 1e-15);
        Assert.Equal(4.0, sol.Shift, 4e-15);
        Assert.Equal(8.0 / 3, sol.PredictedDecrease, 4e-15);
    }

    /// <summary>
    /// Nearly the hard case, with the shift's root far below the bisection's starting bracket: λ = (−1, 2), g = (−1e-100, −2),
    /// σ = 1. With t = μ − 1, s₂ = 2/(3 + t) ≈ 2/3 and s₁ = 1e-100/t, and μ = σ‖s‖ forces s₁ ≈ √(1 − 4/9) = √5/3, so
    /// t ≈ 1e-100·3/√5 ≈ 1.34e-100. The conditions of Cartis–Gould–Toint Thm 3.1 then hold: (λ₁ + μ)s₁ = |g₁| and
    /// μ = σ‖s‖ ≈ 1. A bisection from t ≈ 2.8 needs about 330 halvings to get near 1e-100, and 200 leave t ≈ 1.8e-60, where
    /// s₁ ≈ 6e-41 and ‖s‖ = 2/3 ≠ μ = 1 (a step of the wrong length, and a predicted decrease of the wrong model).
    /// </summary>
    [Fact]
    public void NearlyHardCase_WithATinyShiftRoot_StillMeetsMuEqualsSigmaNormS()
    {
        var sol = CubicSubproblem.Solve(Diagonal([-1.0, 2.0], [-1e-100, -2.0]), 1);
        // Tolerance 1e-14: the root is found to adjacent doubles of t, which gives s₁ to about 1 ulp; ‖s‖ and μ are size 1.
        Assert.Equal(Math.Sqrt(5) / 3, sol.Step[0], 1e-14);
        Assert.Equal(2.0 / 3, sol.Step[1], 1e-14);
        Assert.Equal(sol.Shift, sol.Step.L2Norm(), 1e-14);
        Assert.False(sol.HardCase);
    }

    [Fact]
    public void RejectsANullEigensystemAndANonPositiveSigma()
    {
        Assert.Equal("eigen", Assert.Throws<ArgumentNullException>(() => CubicSubproblem.Solve(null!, 1)).ParamName);
        ArgumentAssert.Rejects(() => CubicSubproblem.Solve(Diagonal([1.0], [-1.0]), 0), "sigma", "must be > 0");
        ArgumentAssert.Rejects(() => CubicSubproblem.Solve(Diagonal([1.0], [-1.0]), double.PositiveInfinity), "sigma", "must be finite");
    }

    /// <summary>
    /// λ = (1, 2), g = (−1, 0): s = (s₁, 0), so a NaN in v₂ was taken silently (s₂·v₂ skipped) and an ∞ in v₁ was rejected
    /// as a step "beyond double.MaxValue" naming sigma; V must be n finite columns, rejected naming eigen (both failed on the
    /// old code), as is a V with too few columns or other than n rows.
    /// </summary>
    [Fact]
    public void RejectsANonFiniteOrMisshapenV_NamingEigen()
    {
        double[] lam = [1.0, 2.0], g = [-1.0, 0.0];
        var nanInV2 = Matrix<double>.Build.DenseOfArray(new[,] { { 1, double.NaN }, { 0, 1.0 } });
        var nanInV1 = Matrix<double>.Build.DenseOfArray(new[,] { { 1, 0 }, { double.PositiveInfinity, 1.0 } });
        ArgumentAssert.Rejects(() => CubicSubproblem.Solve(new EigenSystem(lam, nanInV2, g), 1), "eigen", "2 finite eigenvectors");
        ArgumentAssert.Rejects(() => CubicSubproblem.Solve(new EigenSystem(lam, nanInV1, g), 1), "eigen", "non-finite entry");
        ArgumentAssert.Rejects(() => CubicSubproblem.Solve(new EigenSystem(lam, Matrix<double>.Build.Dense(2, 1), g), 1), "eigen", "a 2×1 V");
        // Three rows for n = 2 (review): with g = 0 every s_i = 0 and a zero step of length 3 came back; otherwise MathNet's
        // dimension error named no parameter of Solve.
        ArgumentAssert.Rejects(() => CubicSubproblem.Solve(new EigenSystem(lam, Matrix<double>.Build.Dense(3, 2), [0.0, 0.0]), 1), "eigen", "of length 2 (the columns of V), got a 3×2 V");
        ArgumentAssert.Rejects(() => CubicSubproblem.Solve(new EigenSystem(lam, Matrix<double>.Build.Dense(3, 2), g), 1), "eigen", "got a 3×2 V");
    }

    /// <summary>
    /// V must be an orthonormal basis (H = V·diag(λ)·Vᵀ); otherwise s = Σ s_i·v_i is not the model's minimizer, and until
    /// stop 47 it was returned silently. 2I (‖VᵀV − I‖_F = 3√2), [[1, 1], [0, 1]] (√3) and a V with entries of 1e110 (VᵀV ≈ 2e220,
    /// whose norm's squares overflow) are rejected naming eigen; a rotation by 0.6/0.8 (off by rounding only) is taken.
    /// </summary>
    [Fact]
    public void RejectsAVThatIsNotOrthonormal_NamingEigen()
    {
        double[] lam = [1.0, 2.0], g = [-1.0, -1.0];
        ArgumentAssert.Rejects(() => CubicSubproblem.Solve(new EigenSystem(lam, 2 * Matrix<double>.Build.DenseIdentity(2), g), 1), "eigen", "orthonormal");
        ArgumentAssert.Rejects(() => CubicSubproblem.Solve(new EigenSystem(lam, Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 1.0 }, { 0.0, 1.0 } }), g), 1), "eigen", "orthonormal");
        ArgumentAssert.Rejects(() => CubicSubproblem.Solve(new EigenSystem(lam, Matrix<double>.Build.DenseOfArray(new[,] { { 1e110, 1e110 }, { 1.0, -1.0 } }), g), 1), "eigen", "orthonormal");
        var rotation = Matrix<double>.Build.DenseOfArray(new[,] { { 0.6, -0.8 }, { 0.8, 0.6 } });
        var sol = CubicSubproblem.Solve(new EigenSystem(lam, rotation, g), 1);
        var plain = CubicSubproblem.Solve(Diagonal(lam, g), 1); // the same s_i, μ and decrease; the step is V·s
        Assert.Equal(plain.Shift, sol.Shift);
        Assert.Equal(plain.PredictedDecrease, sol.PredictedDecrease);
        var expected = rotation * plain.Step;
        for (int i = 0; i < 2; i++)
            Assert.Equal(expected[i], sol.Step[i], 1e-15); // two products and a sum of entries below 1: 1e-15 absolute
    }
}
