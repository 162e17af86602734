using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// A constant <see cref="HessianJet{T}"/> carries no derivative arrays, and its gradient and Hessian read as 0 (a constant
/// does not depend on the variables): ∂c/∂x_i = 0 and ∂²c/∂x_i∂x_j = 0 for every i, j, while the value is c itself
/// (mutation run 30: reading the gradient of a constant was not checked).
/// </summary>
public class HessianJetRun32Examples
{
    [Theory]
    [InlineData(2.5)]
    [InlineData(-7.0)]
    public void Constant_HasZeroGradientAndHessian(double c)
    {
        var constant = HessianJet<Float64>.Constant(Float64.Of(c));

        Assert.True(constant.IsConstant);
        Assert.Equal(c, constant.Value.Value);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(0.0, constant.Gradient(i).Value);
            for (int j = 0; j < 3; j++)
                Assert.Equal(0.0, constant.Hessian(i, j).Value);
        }
    }

    [Fact]
    public void ConstantTimesVariable_HasTheConstantAsGradient()
    {
        // d(c·x₁)/dx = c·e₁ = (0, c) exactly (a product by 0 and 1); its Hessian is 0 (linear in x).
        var product = HessianJet<Float64>.Constant(Float64.Of(3)) * HessianJet<Float64>.Variable(Float64.Of(5), 1, 2);

        Assert.Equal(15.0, product.Value.Value);
        Assert.Equal(0.0, product.Gradient(0).Value);
        Assert.Equal(3.0, product.Gradient(1).Value);
        Assert.Equal(0.0, product.Hessian(1, 1).Value);
    }
}
