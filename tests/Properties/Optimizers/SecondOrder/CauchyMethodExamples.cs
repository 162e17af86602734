using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Guarantees;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.SecondOrder;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// Cauchy's method per eigenspace (elmo-amos App. F.1): x_C = sgn(λ)·x*(|λ|) with eq. (7)'s x* = (√(λ² + 2L|g|) − λ)/L,
/// and at λ = 0 the limit λ → 0⁺, √(2|g|/L); on hand-solved examples, with its rejections and declarations.
/// </summary>
public class CauchyMethodExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>
    /// λ = 0 takes App. F.1's last line at sgn(0) = +1: x = √(2|g|/L), √(2·2/1) = 2 and √(2·8/4) = 2; g = 0 (either sign of
    /// zero) gives 0; and −0.0 counts as λ = 0. λ ≠ 0 uses sgn(λ)·x*(|λ|): λ = ±1, |g| = 1, L = 4 give ±(3 − 1)/4 = ±½.
    /// </summary>
    [Fact]
    public void Along_IsSignOfLambdaTimesElmoStep_WithTheLimitAtLambdaZero()
    {
        Assert.Equal(2.0, CauchyMethod.Along(0, -2, 1));
        Assert.Equal(2.0, CauchyMethod.Along(0, -8, 4));
        Assert.Equal(2.0, CauchyMethod.Along(-0.0, -2, 1));
        Assert.Equal(0.0, CauchyMethod.Along(0, 0, 1));
        Assert.Equal(0.0, CauchyMethod.Along(0, -0.0, 1));
        Assert.Equal(0.5, CauchyMethod.Along(1, -1, 4));
        Assert.Equal(-0.5, CauchyMethod.Along(-1, -1, 4));
    }

    /// <summary>At λ = 0 the checks Along makes itself: g finite and ≤ 0 (eq. 1's sign convention), named gProjection.</summary>
    [Fact]
    public void Along_AtLambdaZero_RejectsABadProjection_NamingIt()
    {
        ArgumentAssert.Rejects(() => CauchyMethod.Along(0, 1, 1), "gProjection", "gProjection must be ≤ 0 (eq. 1's sign convention), got 1.");
        ArgumentAssert.Rejects(() => CauchyMethod.Along(0, double.Epsilon, 1), "gProjection", "must be ≤ 0");
        ArgumentAssert.Rejects(() => CauchyMethod.Along(0, double.NaN, 1), "gProjection", "must be finite");
        ArgumentAssert.Rejects(() => CauchyMethod.Along(0, double.NegativeInfinity, 1), "gProjection", "must be finite");
    }

    /// <summary>
    /// H = diag(−1, 0, 1), b = (1, 2, 1), θ = 0, L = 4: ∇f = −b, so x = (−x*(1, 1, 4), √(2·2/4), x*(1, 1, 4)) = (−½, 1, ½).
    /// </summary>
    [Fact]
    public void Update_OnADiagonalQuadratic_IsTheHandDerivedStep()
    {
        var f = Quadratic.Diagonal(V(-1, 0, 1), V(1, 2, 1));
        Assert.Equal([-0.5, 1.0, 0.5], new CauchyMethod(new ConstantLipschitz(4)).Update(f, V(0, 0, 0)).ToArray());
    }

    /// <summary>
    /// λ = 0, |g| = 1e308, L = 1e-309: x_C = √(2|g|/L) = √(2e617) ≈ 4.5e308 is beyond the double range; Update rejects it
    /// naming θ and the eigenspace, instead of returning +∞ (StatelessOptimizer's contract). (For λ &lt; 0 Cauchy's step is
    /// −x*(|λ|), the small root, so the overflow needs a small |λ| and a large 2|g|/L.)
    /// </summary>
    [Fact]
    public void Update_RejectsAStepBeyondTheDoubleRange()
    {
        var f = Quadratic.Diagonal(V(0), V(1e308));
        var cauchy = new CauchyMethod(new ConstantLipschitz(1e-309));
        ArgumentAssert.Rejects(() => cauchy.Update(f, V(0)), "theta", "theta gives a step x_0 = ");
        ArgumentAssert.Rejects(() => cauchy.Update(f, V(0)), "theta", "along eigenvalue 0 beyond the double range.");
    }

    [Fact]
    public void Update_RejectsBadArguments_AndBadOracleOutput_NamingThem()
    {
        var f = new UncheckedQuadratic(Matrix<double>.Build.DenseIdentity(2), V(1, 1));
        var cauchy = new CauchyMethod(new ConstantLipschitz(1));
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => cauchy.Update(null!, V(0, 0))).ParamName);
        ArgumentAssert.Rejects(() => cauchy.Update(f, V(double.NaN, 0)), "theta", "must be finite");
        ArgumentAssert.Rejects(() => cauchy.Update(f, V(0, 0, 0)), "theta", "theta has length 3, expected 2");
        var bad = new CauchyMethod(new FunctionLipschitz("zero", (_, _, e) => Vector<double>.Build.Dense(e.Dimension)));
        ArgumentAssert.Rejects(() => bad.Update(f, V(0, 0)), "L (from oracle zero)", "must be > 0");
        Assert.Equal("lipschitz", Assert.Throws<ArgumentNullException>(() => new CauchyMethod(null!)).ParamName);
    }

    /// <summary>What check-optimizer loads by name (L = 1), the name, and the one guarantee (descent on convex quadratics for any curvature).</summary>
    [Fact]
    public void Default_NameAndGuarantees()
    {
        var cauchy = CauchyMethod.CreateDefault();
        Assert.Equal(1.0, Assert.IsType<ConstantLipschitz>(cauchy.Lipschitz).Lipschitz);
        Assert.Equal("cauchy(L=const 1)", cauchy.Name);
        Assert.Equal(new Guarantee[] { new DescentOnConvexQuadratics(double.PositiveInfinity) }, cauchy.Guarantees);
    }
}
