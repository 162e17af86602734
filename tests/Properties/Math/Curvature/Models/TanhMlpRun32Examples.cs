using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Models;

/// <summary>
/// The tanh MLP's hidden pre-activation a = W₁x̃ where θ holds huge weights and x is ordinary (issue 15, item 1): with
/// D = 2, H = 1, W₁ = (10^308, −10^308, bias 1/2), W₂ = (1, bias 0) and x = (2, 2), a = 2·10^308 − 2·10^308 + 1/2 = 1/2
/// exactly, though each product is beyond double.MaxValue. So ∂f/∂W₂[0,0] = h = tanh(1/2) and
/// ∂f/∂W₁[0,j] = W₂·sech²(1/2)·x̃_j, not NaN (the plain sum gives ∞ − ∞). Mutation run 30: the scaled sum must be used as
/// soon as either x or θ leaves [2^-100, 2^100], not only when both do.
/// </summary>
public class TanhMlpRun32Examples
{
    [Fact]
    public void Jacobian_WithHugeCancellingWeightsAndAnOrdinaryInput_IsAtTheExactActivation()
    {
        var model = new TanhMlp(2, 1);
        var x = Vector<double>.Build.DenseOfArray([2.0, 2.0]);
        var theta = Vector<double>.Build.DenseOfArray([1e308, -1e308, 0.5, 1.0, 0.0]);

        var jacobian = model.Jacobian(x, theta);

        // The scaled sum adds 2·10^308 and its negation (both exact: ×2 is exact), a sum that is exactly 0, then 1/2: a is
        // exactly 1/2, so h is the platform tanh at 1/2 bit for bit.
        Assert.Equal(Math.Tanh(0.5), jacobian[0, 3]);
        Assert.Equal(1.0, jacobian[0, 4]);
        double sechSquared = 1 / (Math.Cosh(0.5) * Math.Cosh(0.5));
        double[] xTilde = [2.0, 2.0, 1.0];
        for (int j = 0; j < 3; j++)
            // Tolerance 1e-14·x̃_j (about 100u, loose on purpose): sech² is formed within 6u and the reference 1/cosh²
            // within about 4u, and the product with x̃_j (a power of two) is exact; the mutant fails before, at ∞ − ∞.
            Assert.Equal(sechSquared * xTilde[j], jacobian[0, j], 1e-14 * xTilde[j]);
    }
}
