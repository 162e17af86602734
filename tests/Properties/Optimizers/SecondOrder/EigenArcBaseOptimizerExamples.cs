using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Xunit;
using Verification.Optimizers.FirstOrder;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>EigenARC's BASE_OPT (elmo-amos Alg. 3, Require line and line 19): the default, names, and rejected input.</summary>
public class EigenArcBaseOptimizerExamples
{
    /// <summary>App. J.1 pairs lines 3–18 with ELMO as its LIPSCHITZ subroutine: ELMO is the default base, under the old name.</summary>
    [Fact]
    public void Default_IsElmo()
    {
        var arc = new EigenArc();
        Assert.Same(EigenArcBaseOptimizer.Elmo, arc.BaseOptimizer);
        Assert.Equal("eigen-arc(L0=1)", arc.Name);
        Assert.Equal("eigen-arc(L0=1, base=gd(η=0.1))", new EigenArc(null, EigenArcBaseOptimizer.Of(new GradientDescent(0.1))).Name);
    }

    /// <summary>
    /// On f = ½θᵀdiag(2, −1)θ at θ = (1, 1) with the constants the first step adapts, the ELMO and Cauchy bases differ
    /// exactly in the concave eigenspace (λ = −1): Cauchy's step there is −x*(|λ|) (App. F.1, toward the cubic's local
    /// maximum), ELMO's +x*(|λ|)-type escape (√(λ² + 2L|g|) + |λ|)/L; in the convex eigenspace both are x*(λ).
    /// </summary>
    [Fact]
    public void ElmoAndCauchyBases_DifferOnlyInTheConcaveEigenspace()
    {
        var f = new Quadratic(Matrix<double>.Build.DiagonalOfDiagonalArray([2.0, -1.0]), Vector<double>.Build.Dense(2), "saddle");
        var theta = Vector<double>.Build.DenseOfArray([1.0, 1.0]);
        var elmo = (EigenArc.EigenArcRun)new EigenArc(null, EigenArcBaseOptimizer.Elmo).Start(f, theta);
        var cauchy = (EigenArc.EigenArcRun)new EigenArc(null, EigenArcBaseOptimizer.Cauchy).Start(f, theta);
        var a = elmo.Step();
        var b = cauchy.Step();
        // Lines 3–18 depend only on θ₀ and f, not on the base: both runs adapted the same constants.
        Assert.Equal(elmo.Lipschitz, cauchy.Lipschitz);
        // Eigenvectors e₂ (λ = −1, first in ascending order) and e₁ (λ = 2): ∇f = (2, −1).
        double l1 = elmo.Lipschitz[1], l2 = elmo.Lipschitz[0];
        double convex = 2 * 2 / (Math.Sqrt(4 + 2 * l1 * 2) + 2);
        double concave = (Math.Sqrt(1 + 2 * l2 * 1) + 1) / l2;
        double cauchyConcave = 2 * 1 / (Math.Sqrt(1 + 2 * l2 * 1) + 1);
        // Steps of size ≤ ~10 from ≤ 4-ulp evaluations: 1e-13 absolute.
        const double tolerance = 1e-13;
        Assert.Equal(-convex, a[0], tolerance);
        Assert.Equal(-convex, b[0], tolerance);
        Assert.Equal(concave, a[1], tolerance);
        Assert.Equal(-cauchyConcave, b[1], tolerance);
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new EigenArcBaseOptimizer(" ", _ => new GradientDescent(1))).ParamName);
        Assert.Equal("create", Assert.Throws<ArgumentNullException>(() => new EigenArcBaseOptimizer("x", null!)).ParamName);
        Assert.Equal("optimizer", Assert.Throws<ArgumentNullException>(() => EigenArcBaseOptimizer.Of(null!)).ParamName);
        Assert.Equal("adapted", Assert.Throws<ArgumentNullException>(() => EigenArcBaseOptimizer.Elmo.Create(null!)).ParamName);
    }
}
