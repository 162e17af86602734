using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.SecondOrder;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// ASSESS_LIPSCHITZ of elmo-amos Alg. 3 (App. J.1): the ratio (f(θ_t) − f(θ_t + Σ_i x*_i v_i)) / (−Σ_i M_t^i(x*_i)) against
/// values derived by hand from eq. (7)'s x* = (√(λ² + 2L|g|) − λ)/L and eq. (3)'s M(x) = g·x + λx²/2 + L|x|³/6, its
/// special values (1 for the zero step, −∞ where the assessment cannot be made) and its argument checks.
/// </summary>
public class AssessLipschitzExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static Matrix<double> Identity(int n) => Matrix<double>.Build.DenseIdentity(n);

    /// <summary>f = 0 on ℝⁿ: every trial point has f = 0, so the numerator is 0 wherever the assessment reaches it.</summary>
    private static Quadratic Zero(int n) => new(Matrix<double>.Build.Dense(n, n), Vector<double>.Build.Dense(n));

    /// <summary>
    /// f(θ) = ½θᵀdiag(−1, 1)θ − (1, 4)ᵀθ at θ = 0: ∇f = (−1, −4), eigenvalues (−1, 1) along e₁, e₂, |g| = (1, 4).
    /// With L = (4, 1): x*₁ = (√(1 + 8) + 1)/4 = 1 and x*₂ = (√(1 + 8) − 1)/1 = 2 (perfect squares, exact).
    /// Realized decrease f(0) − f(1, 2) = −(½(−1 + 4) − 9) = 15/2. Promised −M₁(1) − M₂(2) = −(−1 − ½ + 4/6) − (−8 + 2 + 8/6)
    /// = 5/6 + 14/3 = 11/2. Ratio 15/11 (above 1: the model's cubic term over-estimated the quadratic's drift, which is 0).
    /// Swapping the two constants gives irrational steps and another ratio, so this also pins L_i to eigenspace i.
    /// </summary>
    [Fact]
    public void Ratio_OnASaddleQuadratic_IsTheHandDerivedQuotient()
    {
        var f = Quadratic.Diagonal(V(-1, 1), V(1, 4));
        var theta = V(0, 0);
        var eigen = SymmetricEigen.Decompose(f.Hessian(theta), f.Gradient(theta));
        double ratio = AssessLipschitz.Ratio(f, theta, eigen, V(4, 1));
        // Tolerance 1e-14 relative: x* is within 1 ulp, M and the two f values are each a few roundings (documented bounds).
        Assert.Equal(15.0 / 11.0, ratio, 1e-14 * 15.0 / 11.0);
    }

    /// <summary>
    /// One eigenspace, λ = 1, |g| = 1, L = 4: x* = (3 − 1)/4 = ½; realized decrease |g|x − λx²/2 = 3/8, promised
    /// 3/8 − L x³/6 = 3/8 − 1/12 = 7/24; ratio 9/7. θ is not 0 here (θ = 2, f = ½θ² − 3θ, ∇f = −1) so that f(θ_t) itself enters.
    /// </summary>
    [Fact]
    public void Ratio_OnAConvexQuadraticAwayFromZero_IsTheHandDerivedQuotient()
    {
        var f = Quadratic.Diagonal(V(1), V(3));
        var theta = V(2);
        var eigen = SymmetricEigen.Decompose(f.Hessian(theta), f.Gradient(theta));
        double ratio = AssessLipschitz.Ratio(f, theta, eigen, V(4));
        // Tolerance as above: a few roundings of quantities of size 1.
        Assert.Equal(9.0 / 7.0, ratio, 1e-14 * 9.0 / 7.0);
    }

    /// <summary>
    /// A cubic whose drift the model under-estimates: f(θ) = (c/6)θ³ (D = 0, c = 6, u = 1, so L_H = 6) at θ = 0 with the
    /// eigensystem of λ = 0 and g = −2 handed in (Ratio does not recompute it). L = 1: x* = √(2·2/1) = 2, promised
    /// 2·2 − 8/6 = 8/3; f(0) − f(2) = −8 (f rises along the step): ratio −3, negative, so it fails any η₁ &gt; 0.
    /// </summary>
    [Fact]
    public void Ratio_WhereTheObjectiveRisesAlongTheStep_IsNegative()
    {
        var f = new CubicPerturbedQuadratic(Matrix<double>.Build.Dense(1, 1), 6, V(1));
        var eigen = new EigenSystem([0.0], Identity(1), [-2.0]);
        double ratio = AssessLipschitz.Ratio(f, V(0), eigen, V(1));
        // Tolerance 1e-14 relative: x* = 2 is exact, f(2) = 8 is exact, M(2) a few roundings.
        Assert.Equal(-3.0, ratio, 1e-14 * 3);
    }

    /// <summary>∇f = 0 and H ⪰ 0: every x*_i = 0, the model promises 0 and f does not change; the doc says 1 (the model is exact).</summary>
    [Fact]
    public void Ratio_OfTheZeroStep_IsOne()
    {
        var f = Quadratic.Diagonal(V(0, 2), V(0, 0));
        var theta = V(0, 0);
        var eigen = SymmetricEigen.Decompose(f.Hessian(theta), f.Gradient(theta));
        Assert.Equal(1.0, AssessLipschitz.Ratio(f, theta, eigen, V(1, 1)));
    }

    /// <summary>
    /// A step that is not zero but whose promised descent underflows to 0: eigenspace 1 has λ = 1, g = 0 (x*₁ = 0);
    /// eigenspace 2 has λ = 0, |g| = 2^-1074, L = 1, so x*₂ = √(2^-1073) ≈ 1e-162 &gt; 0 while |M₂(x*₂)| ≈ 2^-1610 rounds to 0.
    /// Only the zero step is the exact-model case that returns 1; here the quotient is 0/0 and the assessment fails (−∞).
    /// </summary>
    [Fact]
    public void Ratio_OfANonzeroStepWithAnUnderflowingPromise_IsMinusInfinity()
    {
        var eigen = new EigenSystem([1.0, 0.0], Identity(2), [0.0, -double.Epsilon]);
        Assert.Equal(double.NegativeInfinity, AssessLipschitz.Ratio(Zero(2), V(0, 0), eigen, V(1, 1)));
    }

    /// <summary>
    /// λ = −1e308, |g| = 1, L = 1e-300: x* ≈ 2|λ|/L = 2e608 is beyond the double range (ElmoStep returns +∞), so no step
    /// exists and the assessment fails with −∞ instead of evaluating the model at ∞.
    /// </summary>
    [Fact]
    public void Ratio_WhenSomeStepOverflows_IsMinusInfinity()
    {
        var eigen = new EigenSystem([-1e308], Identity(1), [-1.0]);
        Assert.Equal(double.NegativeInfinity, AssessLipschitz.Ratio(Zero(1), V(0), eigen, V(1e-300)));
    }

    /// <summary>
    /// λ = −1e200, g = 0, L = 1e-100: x* = 2|λ|/L = 2e300 is finite, but M(x*) = −(2/3)|λ|³/L² ≈ −7e599 is not, so the
    /// promise is +∞. f = 0 makes the trial value finite, so only the check of the promise stands between this and a
    /// ratio of 0/∞ = 0.
    /// </summary>
    [Fact]
    public void Ratio_WhenThePromiseOverflows_IsMinusInfinity()
    {
        var eigen = new EigenSystem([-1e200], Identity(1), [0.0]);
        Assert.Equal(double.NegativeInfinity, AssessLipschitz.Ratio(Zero(1), V(0), eigen, V(1e-100)));
    }

    /// <summary>
    /// The trial point θ_t + Δθ* beyond the double range while the promise is finite: along eigenspace 1 λ = 1, |g| = 1,
    /// L = 1 give x* = √3 − 1 ≈ 0.73 and a promise of about 0.44, and the eigensystem handed in has the (non-unit) vector
    /// 2^1000·e₁, so Δθ* ≈ (7.8e300, 0) and θ = (double.MaxValue, 0) + Δθ* = (+∞, 0): one entry out of range is enough.
    /// (A unit vector cannot do it: every x* near 1e308 makes the promise overflow first.) The assessment fails with −∞
    /// instead of evaluating f at ∞.
    /// </summary>
    [Fact]
    public void Ratio_WhenTheTrialPointOverflows_IsMinusInfinity()
    {
        var wide = new EigenSystem([1.0, 1.0], Matrix<double>.Build.DiagonalOfDiagonalArray([Math.ScaleB(1, 1000), 1]), [-1.0, 0.0]);
        Assert.Equal(double.NegativeInfinity, AssessLipschitz.Ratio(Zero(2), V(double.MaxValue, 0), wide, V(1, 1)));
    }

    /// <summary>f returns +∞ at the trial point (the step leaves its domain): the assessment fails, −∞, not a quotient of ∞.</summary>
    [Fact]
    public void Ratio_WhenTheObjectiveIsInfiniteAtTheTrialPoint_IsMinusInfinity()
    {
        // f(θ) = ½·1e308·θ²: f(0) = 0, and at the trial point x* = 2 (λ = 0, |g| = 2, L = 1 handed in) f = 2e308 = +∞.
        var f = Quadratic.Diagonal(V(1e308), V(0));
        var eigen = new EigenSystem([0.0], Identity(1), [-2.0]);
        Assert.Equal(double.NegativeInfinity, AssessLipschitz.Ratio(f, V(0), eigen, V(1)));
    }

    /// <summary>
    /// Both f values finite but their difference not: f(θ) = −1e308·θ, θ_t = −1 (f = 1e308), and the eigensystem handed in
    /// (λ = 1, g = −1, vector 4·e₁, L = 4: x* = ½, step 2, promise 7/24) puts the trial point at 1 (f = −1e308). The
    /// realized decrease 2e308 overflows to +∞; the assessment fails with −∞ rather than reporting an infinite ratio.
    /// </summary>
    [Fact]
    public void Ratio_WhenTheDecreaseOverflows_IsMinusInfinity()
    {
        var f = Quadratic.Diagonal(V(0), V(1e308));
        var eigen = new EigenSystem([1.0], Matrix<double>.Build.Dense(1, 1, 4), [-1.0]);
        Assert.Equal(1e308, f.Value(V(-1)));
        Assert.Equal(-1e308, f.Value(V(1)));
        Assert.Equal(double.NegativeInfinity, AssessLipschitz.Ratio(f, V(-1), eigen, V(4)));
    }

    /// <summary>Each argument check names its parameter (ArgumentNullException for the two objects).</summary>
    [Fact]
    public void Ratio_RejectsBadArguments_NamingThem()
    {
        var f = Quadratic.Diagonal(V(1, 2), V(1, 1));
        var theta = V(0, 0);
        var eigen = SymmetricEigen.Decompose(f.Hessian(theta), f.Gradient(theta));
        var l = V(1, 1);
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => AssessLipschitz.Ratio(null!, theta, eigen, l)).ParamName);
        Assert.Equal("eigen", Assert.Throws<ArgumentNullException>(() => AssessLipschitz.Ratio(f, theta, null!, l)).ParamName);
        ArgumentAssert.Rejects(() => AssessLipschitz.Ratio(f, V(0, double.NaN), eigen, l), "theta", "must be finite");
        ArgumentAssert.Rejects(() => AssessLipschitz.Ratio(f, theta, eigen, V(1, 0)), "lipschitz", "lipschitz[1] must be > 0, got 0.");
        ArgumentAssert.Rejects(() => AssessLipschitz.Ratio(f, theta, eigen, V(double.NaN, 1)), "lipschitz", "lipschitz[0] must be finite");
        // All constants are checked before any step: here eigenspace 1's step overflows (which alone gives −∞), yet the
        // zero constant of eigenspace 2 is still an error.
        var overflowing = new EigenSystem([-1e308, 1.0], Identity(2), [-1.0, -1.0]);
        ArgumentAssert.Rejects(() => AssessLipschitz.Ratio(f, theta, overflowing, V(1e-300, 0)), "lipschitz", "lipschitz[1] must be > 0");
        // One constant too many: the loop would ignore it, so only the length check catches it.
        ArgumentAssert.Rejects(() => AssessLipschitz.Ratio(f, theta, eigen, V(1, 1, 1)), "lipschitz", "has length 3, expected 2");
        // θ of length 3 for a 2-dimensional objective whose eigensystem (and L) have length 2.
        ArgumentAssert.Rejects(() => AssessLipschitz.Ratio(f, V(0, 0, 0), eigen, l), "theta", "has length 3, expected 2");
        // A NaN in V (the record checks nothing): the step along v₁ would be NaN, and the ratio a silent −∞.
        var nanVector = new EigenSystem(eigen.Values, Matrix<double>.Build.DenseOfArray(new[,] { { double.NaN, 0 }, { 0, 1.0 } }), eigen.GradientProjections);
        ArgumentAssert.Rejects(() => AssessLipschitz.Ratio(f, theta, nanVector, l), "eigen", "eigen's vectors must be finite.");
    }
}
