using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}"/> in doubles where a node score ∇_f log p(y_k|f) of the expectation rule cancels in
/// its written form (found at stop 37): CurvatureFormulas.LogDensityDerivatives wrote the logit's score as y − σ(f) (0 at
/// y = 1 once σ(f) rounds to 1, f ≳ 37, exact σ(−f); now y·σ(−f) − (1 − y)·σ(f), and the softmax's 1 − π_i as Σ_{k≠i}π_k),
/// and writes the Poisson's as y − λ at the node y = λ + u± (u± lost once √λ is below half an ulp of λ, f ≳ 74, exact
/// u±; the scores are now the roots u± themselves, CurvatureFormulas.ExpectationNodeScores). Tanh MLP, D = H = N = 1, x = 1,
/// θ = (0, 0, 1, f): a = 0, h = 0, s = 1, so f = b₂ and J = (1, 1, 0, 1) exactly, and ∇²f's only nonzero entries are
/// ∂²f/∂W₂∂W₁ = s·x = 1 and ∂²f/∂W₂∂b₁ = s = 1.
/// </summary>
public class CurvatureProblemNodeScoreCancellationExamples
{
    private static CurvatureProblem<Float64> Problem(LikelihoodFamily likelihood, double label, double f)
    {
        var shape = new CurvatureShape(ModelFamily.TanhMlp, likelihood, inputs: 1, hidden: 1);
        return new(shape, Float64.Of(0), [[Float64.Of(1)]], [CurvatureFormulas.Label<Float64>(shape, label)],
            [Float64.Of(0), Float64.Of(0), Float64.Of(1), Float64.Of(f)]);
    }

    /// <summary>
    /// Logit at f = 40: E[−∇²][2, 0] = σσ·J₂J₀ − (Σ_k w_k g_k)·1 = 0 exactly (J₂ = h = 0, and E[y − σ] = 0). The stated
    /// bound is (4 + T)·u·Σ|terms| with T = N·K·(M² + M) = 4 and Σ|terms| = |w₀g₀| + |w₁g₁| = 2σ(40)σ(−40) &lt; 2e^-40:
    /// |entry| ≤ 16u·e^-40 ≈ 7.5e-33. The written 1 − σ(40) is 0, so the entry came out σ(−40) ≈ 4.2e-18, as large as the
    /// matrix's largest entry σσ.
    /// </summary>
    [Fact]
    public void LogitExpectedHessian_WhoseLabelOneScoreCancels_KeepsTheScoresMeanZero()
    {
        double entry = Problem(LikelihoodFamily.BernoulliLogit, 1, 40).ExpectedNegativeHessian()[2, 0].Value;
        double bound = 16 * Math.ScaleB(1.0, -53) * Math.Exp(-40) * (1 + 1e-15);
        Assert.True(Math.Abs(entry) <= bound, $"E[−∇²][2, 0] = {entry:R}, exact 0, bound {bound:R}");
    }

    /// <summary>
    /// Poisson at f = 114: F₀₀ = J₀₀²·E[(y − λ)²] = λ = e^114 ≈ 3.2e49. From the rule's pieces formed directly (s =
    /// √(1 + 4λ) 1.5u, u₊ = (1 + s)/2 2.5u, u₋ = −λ/u₊ 5.5u with λ's 2u, w₀ = u₊/s 5u, w₁ = λ/(u₊s) 8u) the two positive
    /// terms w₀u₋² and w₁u₊² are within 18u and 15u and their sum within 19u: 20 ulp with the 96-bit enclosure of e^114.
    /// The nodes' labels λ + u± round to λ, so both scores came out 0 and with them F₀₀ (stop 37, fixed at stop 38).
    /// </summary>
    [Fact]
    public void PoissonFisher_WhoseNodeScoresCancel_IsTheRate()
    {
        double f00 = Problem(LikelihoodFamily.PoissonLog, 3, 114).Fisher()[0, 0].Value;
        var exact = ExactExp.Of(114.0, 96);
        Assert.True(ExactDouble.UlpError(f00, exact) <= 20, $"F₀₀ = {f00:R}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R}");
    }

    /// <summary>
    /// Above f = ln MaxValue ≈ 709.78 the Poisson rate λ = eᶠ is ∞ as a double and the rule's nodes and weights were NaN,
    /// returned by both public entry points with no rejection (found in review, stop 38): now a DoubleRangeException naming
    /// f (CurvatureFormulas) or θ (the problem) and the range; at f = 709 both return the finite rule.
    /// </summary>
    [Fact]
    public void PoissonExpectation_BeyondTheRange_IsRejectedNamingIt()
    {
        var problem = Problem(LikelihoodFamily.PoissonLog, 3, 800);
        var ex = Assert.Throws<DoubleRangeException>(() => problem.Expectation(0));
        Assert.Equal("theta", ex.ParamName);
        Assert.Contains("double.MaxValue", ex.Message, StringComparison.Ordinal);
        var formulas = Assert.Throws<DoubleRangeException>(() => CurvatureFormulas.Expectation(problem.Shape, [Float64.Of(800)]));
        Assert.Equal("f", formulas.ParamName);
        Assert.Contains("double.MaxValue", formulas.Message, StringComparison.Ordinal);
        Assert.All(Problem(LikelihoodFamily.PoissonLog, 3, 709).Expectation(0),
            p => Assert.True(double.IsFinite(p.Weight.Value) && double.IsFinite(p.Label[0].Value), $"node {p.Label[0].Value:R}, weight {p.Weight.Value:R}"));
    }
}
