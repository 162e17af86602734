using Verification.Numerics.Curvature;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureShape.ModelName"/> of the curved-linear model (f = xᵀθ + (κ/2)‖θ‖², balles-thesis ch. 7): the short
/// name names the family and its input count D in the documented "family(D=…)" form, so shapes of different families or
/// sizes are told apart by name.
/// </summary>
public class CurvatureFormulasRun27Examples
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void CurvedLinearModelName_NamesTheFamilyAndItsInputCount(int inputs)
    {
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, inputs);
        Assert.Equal($"curved-linear(D={inputs})", shape.ModelName);
        var linear = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianIdentity, inputs);
        Assert.NotEqual(linear.ModelName, shape.ModelName);
    }
}
