using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// Categorical softmax over logits is a natural parameterization (the hypothesis of balles-thesis Prop. 7.1): log p(y|f)
/// = f_y − logΣexp(f), so ∇²_f log p = −(diag(s) − ssᵀ) with s = softmax(f) is the same for every label. The flag must
/// say so, and the Hessians at all labels are compared to confirm the fact it reports (mutation runs 28/29).
/// </summary>
public sealed class CategoricalSoftmaxRun28Examples
{
    [Fact]
    public void IsNaturalParameterization_HoldsAndTheHessianIgnoresTheLabel()
    {
        var likelihood = new CategoricalSoftmax(3);
        var f = Vector<double>.Build.Dense([0.5, -1.0, 2.0]);
        var first = likelihood.Hessian(0, f);
        for (int y = 1; y < 3; y++)
            Assert.True(likelihood.Hessian(y, f).Equals(first), $"Hessian at y = {y} differs from y = 0");
        Assert.True(likelihood.IsNaturalParameterization);
    }
}
