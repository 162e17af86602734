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
/// 2^-1022). The bitwise comparison is deliberate: it pins which documented form runs where, not the value's accuracy.
/// One sample of the linear Gaussian fit f = θ₀x + θ₁ (σ² = 1) at θ = 0, moderate residuals, so every factor is
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

    /// <summary>
    /// At the edge: an input x for which the Jacobian entry b·s₀ = b·r·x is exactly 2^-1022, the smallest normal double (a
    /// normal J has lost no digits, so the plain form runs there too). Found by stepping x a few ulps from 2^-1022/(b·r),
    /// with b·r read from the Jacobian's bias entry; r = y − f = y at θ = 0.
    /// </summary>
    [Fact]
    public void EmpiricalFisherGgn_WhereBTimesScoreIsTheSmallestNormal_IsThePlainFactoredForm()
    {
        const double smallestNormal = FullRangeDoubles.MinNormal;
        var theta = Vector<double>.Build.Dense(2);
        int found = 0;
        foreach (double y in new[] { 26.0, 25.5, 27.25, 30.0, 20.0 })
        {
            LikelihoodProblem At(double x) =>
                new(new LinearModel(1), new GaussianIdentity(), new Dataset([Vector<double>.Build.Dense(1, x)], [y]));
            double bTimesR = Splits.EmpiricalFisher(At(1)).InnerJacobian(0, theta)[0, 1];
            double x = smallestNormal / bTimesR;
            for (int step = 0; step < 400 && found == 0; step++)
            {
                double candidate = step % 2 == 0 ? x : -x;
                for (int k = 0; k < step / 2; k++)
                    candidate = Math.BitIncrement(candidate);
                var split = Splits.EmpiricalFisher(At(candidate));
                var j = split.InnerJacobian(0, theta);
                if (Math.Abs(j[0, 0]) != smallestNormal)
                    continue;
                found++;
                var term = j.TransposeThisAndMultiply(split.OuterHessian(0, theta) * j);
                var ggn = Splits.GeneralizedGaussNewton(split, theta);
                for (int i = 0; i < 2; i++)
                    for (int k = 0; k < 2; k++)
                        Assert.Equal((term[i, k] + term[k, i]) / 2, ggn[i, k]);
            }
            if (found > 0)
                break;
        }
        Assert.True(found > 0, "no x found with b·r·x = 2^-1022");
    }
}
