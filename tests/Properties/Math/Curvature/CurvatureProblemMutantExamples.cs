using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The rejection of an expected negative Hessian beyond the double range names the quantity: Bernoulli probability
/// q = θ = 1e-200 at x = 1, label 1, has E[−∇²] = 1/(q(1 − q)) ≈ 1e200 but a node Hessian −1/q² ≈ −1e400 beyond the range,
/// so the scaled sum runs and its value is rejected, the message saying which matrix (E[−∇²_θ log p]).
/// </summary>
public class CurvatureProblemMutantExamples
{
    [Fact]
    public void ExpectedNegativeHessian_BeyondTheRange_NamesTheMatrix()
    {
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.BernoulliProbability, 1);
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(1)]], [[Float64.Of(1)]], [Float64.Of(1e-200)]);
        var ex = Assert.Throws<DoubleRangeException>(() => problem.ExpectedNegativeHessian());
        Assert.Contains("E[−∇²_θ log p]", ex.Message, StringComparison.Ordinal);
    }
}
