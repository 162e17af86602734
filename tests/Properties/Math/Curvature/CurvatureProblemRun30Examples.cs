using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// When <see cref="CurvatureProblem{T}.Split"/> takes the scaled-sum fallback for the GGN of the canonical split
/// (balles-thesis eqs. 7.10, 7.14): in doubles wherever any sample's J·∇²_b a may underflow, however many such samples
/// there are, and never in exact rational intervals, which do not underflow (there the GGN must enclose its exact value
/// even where it is far below the double range).
/// </summary>
public class CurvatureProblemRun30Examples
{
    /// <summary>
    /// Curved-linear model with κ = 0 (f = xθ), unit-variance Gaussian, x = 2^-1020, θ = 0, label 0: J = x,
    /// −∇²_f log p = 1, so G = x² = 2^-2040, a rational no double reaches (the product test J·1 ≤ 2^-1020 fires on the
    /// estimates, yet rationals keep the exact form).
    /// </summary>
    [Fact]
    public void CanonicalGgn_InRationalIntervals_FarBelowTheDoubleRange_EnclosesTheExactSquare()
    {
        double x = Math.ScaleB(1, -1020);
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, 1);
        var problem = new CurvatureProblem<RationalInterval>(shape, RationalInterval.Of(0),
            [[RationalInterval.Of(x)]], [[RationalInterval.Of(0)]], [RationalInterval.Of(0)]);
        var exact = RationalInterval.Exact(Fraction.Pow(new Fraction(1, 2), 2040));
        var (ggn, _) = problem.Split(SplitKind.Canonical);
        Assert.True(ggn[0, 0].Contains(exact), $"G = [{ggn[0, 0].Lower}, {ggn[0, 0].Upper}] must enclose 2^-2040");
    }

    /// <summary>
    /// Two copies of the Bernoulli-logit sample of <see cref="LogitTailReference"/> (f = 700, x = (2^-99, 2^99)): each
    /// alone selects the scaled sum, and so must both together; G[0, 1] = G[1, 0] = 2σ(700)σ(−700) ≈ 1.97e-304 (the plain
    /// form gave 0 for [0, 1]). Tolerance 12 ulp: ∇²_f log p within 7 ulp (each σ within 3 ulp, the product 1), then the
    /// scaled sum's (k − 1 + T)·u = 5u (k = 4 factors, T = 2 terms; x₀, x₁ are powers of two, exact).
    /// </summary>
    [Fact]
    public void CanonicalGgn_InDoubles_WithTwoUnderflowingSamples_IsExact()
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.BernoulliLogit, 2);
        var theta = new[] { 0.0, LogitTailReference.Theta1, 0.0 }.Select(Float64.Of).ToArray();
        Float64[] input = [Float64.Of(LogitTailReference.X0), Float64.Of(LogitTailReference.X1)];
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [input, input], [[Float64.Of(1)], [Float64.Of(1)]], theta);
        var exact = LogitTailReference.SigmaProduct * RationalInterval.Exact(2.0);
        var (ggn, _) = problem.Split(SplitKind.Canonical);
        foreach (var (i, j) in new[] { (0, 1), (1, 0) })
        {
            double value = ggn[i, j].Value;
            Assert.True(ExactDouble.UlpError(value, exact) <= 12, $"G[{i},{j}] = {value:R}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R}");
        }
    }
}
