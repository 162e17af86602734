using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="Splits.GeneralizedGaussNewton"/> of the empirical-Fisher split (balles-thesis eq. 7.17) where b·s does not
/// underflow: the documented plain form, eq. 7.10's J_nᵀ∇²_b a_n J_n from the split's own Jacobian b·s and outer Hessian
/// 1/b², symmetrized as (g_ij + g_ji)/2, bit for bit (the cancelled closed form s sᵀ is kept for where b·s falls below
/// 2^-1022). One sample of the linear Gaussian fit f = θ₀x + θ₁ (σ² = 1) at θ = 0, moderate residuals, so every factor is
/// a normal double and the sum of one term is the term itself.
/// </summary>
public class SplitsMutantExamples
{
    [Theory]
    [InlineData(0.5, 26.0)]
    [InlineData(0.3, 3.3)]
    [InlineData(1.7, -2.9)]
    [InlineData(3.1, 0.7)]
    public void EmpiricalFisherGgn_InRange_IsThePlainFactoredForm(double x, double y)
    {
        var p = new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(), new Dataset([Vector<double>.Build.Dense(1, x)], [y]));
        var theta = Vector<double>.Build.Dense(2);
        var split = Splits.EmpiricalFisher(p);
        var j = split.InnerJacobian(0, theta);
        var term = j.TransposeThisAndMultiply(split.OuterHessian(0, theta) * j);
        var ggn = Splits.GeneralizedGaussNewton(split, theta);
        for (int i = 0; i < 2; i++)
            for (int k = 0; k < 2; k++)
                Assert.Equal((term[i, k] + term[k, i]) / 2, ggn[i, k]);
    }
}
