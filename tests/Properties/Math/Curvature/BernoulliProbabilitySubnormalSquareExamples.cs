using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The Bernoulli probability's ∇²_f log p = −1/q² at y = 1 in doubles (<see cref="CurvatureFormulas.LogDensityDerivatives{T}"/>)
/// where q² is below 2^-1022 but 1/q² is within the range, q ∈ [7.46e-155, 1.49e-154] (found at stop 41): the written
/// 1/(q·q) rounded q·q to the subnormal grid first, up to 2^-1075/q² ≈ 6.7u relatively, so at q = 7.50098782778707e-155
/// it was 4.4 ulp off (1.7773095667386843e308 for 1.7773095667386835e308) and CurvatureProblem's GGN J²/q² with it.
/// Now −(1/q)·(1/q) there, as <see cref="Verification.Numerics.Curvature.Likelihoods.BernoulliProbability"/> forms it:
/// 1/q rounded once (u/2), the product (two relative errors of u/2 and one rounding, 1.5u), within 2 ulp with room.
/// The GGN adds J = 1 exactly (two products by 1 and one plain or scaled rounding of the same value): 2 ulp too.
/// </summary>
public class BernoulliProbabilitySubnormalSquareExamples
{
    private static void Within(string what, double computed, double q)
    {
        var fq = ExactDouble.ToFraction(q);
        var exact = Fraction.One / (fq * fq);
        double error = ExactDouble.UlpError(computed, RationalInterval.Exact(exact));
        Assert.True(error <= 2, $"{what} at q = {q:R}: {computed:R}, exact ≈ {ExactDouble.ToDouble(exact):R}, {error:R} ulp (tolerance 2)");
    }

    [Theory]
    [InlineData(7.50098782778707e-155)]
    [InlineData(1e-154)]
    [InlineData(1.4e-154)]
    public void LogDensityHessian_AtYOne_IsMinusOneOverQSquared(double q)
    {
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.BernoulliProbability, 1);
        var (_, h) = CurvatureFormulas.LogDensityDerivatives<Float64>(shape, [Float64.Of(1)], [Float64.Of(q)]);
        Within("−∇²_f log p", -h[0, 0].Value, q);
    }

    [Theory]
    [InlineData(7.50098782778707e-155)]
    [InlineData(1e-154)]
    public void CurvatureProblemGgn_AtYOne_IsOneOverQSquared(double q)
    {
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.BernoulliProbability, 1);
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(1)]], [[Float64.Of(1)]], [Float64.Of(q)]);
        Within("GGN", problem.GeneralizedGaussNewton()[0, 0].Value, q);
    }
}
