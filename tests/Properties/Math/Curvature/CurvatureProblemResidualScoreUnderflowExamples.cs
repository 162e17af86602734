using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The canonical split's residual term −Σ_{n,m} g_m∇²f_n^(m) (balles-thesis eq. 7.9) of <see cref="CurvatureProblem{T}"/>
/// in doubles where the score at the label g = ∇_f log p(y|f) falls below 2^-1022 while ∇²f scales it back up (found at
/// stop 37, left open there: the residual term took the double score, 0 at e^-800).
/// </summary>
/// <remarks>
/// Tanh MLP, D = H = N = 1, θ = (0, 0, 1, f), input x = 1e300: a = 0, h = 0, s = 1 exactly, so f is the output and ∇²f's
/// entry ∂²f/∂W₂∂W₁ = s·x = 1e300 exactly (the others are 1 or 0). The residual term's [0, 2] is −g·1e300 for the exact
/// score g at f: the logit's σ(−f) at y = 1 (f = 800) and −σ(f) at y = 0 (f = −800), the Poisson's −λ at y = 0 (f = −800);
/// each from a 96-bit enclosure of e^f. Tolerance 7 ulp: the score within 3u (ScaledExp; the rule's node score carried as
/// M·2^E), the scaled sum within (3 + T)·u with T = 1 term (ScaledCurvatureSum).
/// </remarks>
public class CurvatureProblemResidualScoreUnderflowExamples
{
    private static readonly RationalInterval One = RationalInterval.Exact(1.0);

    private static double ResidualEntry(LikelihoodFamily likelihood, double label, double f) =>
        Residual(likelihood, label, 0, 0, 1, f)[0, 2].Value;

    private static RealMatrix<Float64> Residual(LikelihoodFamily likelihood, double label, params double[] theta)
    {
        var shape = new CurvatureShape(ModelFamily.TanhMlp, likelihood, inputs: 1, hidden: 1);
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(1e300)]], [CurvatureFormulas.Label<Float64>(shape, label)],
            theta.Select(Float64.Of).ToArray());
        return problem.Split(SplitKind.Canonical).Residual;
    }

    private static void Within(string what, double computed, RationalInterval exact)
    {
        double error = ExactDouble.UlpError(computed, exact);
        Assert.True(error <= 7, $"{what} = {computed:R}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R}, {error:R} ulp (tolerance 7)");
    }

    /// <summary>Logit, y = 1 at f = 800: g = σ(−800) = e^-800/(1 + e^-800), the entry −g·1e300 ≈ −2.7e-48.</summary>
    [Fact]
    public void LogitResidualTerm_AtLabelOne_KeepsTheUnderflowingScore()
    {
        var e = ExactExp.Of(-800.0, 96);
        Within("residual[0, 2]", ResidualEntry(LikelihoodFamily.BernoulliLogit, 1, 800), RationalInterval.Exact(-1e300) * e / (One + e));
    }

    /// <summary>Logit, y = 0 at f = −800: g = −σ(−800), the entry +σ(−800)·1e300.</summary>
    [Fact]
    public void LogitResidualTerm_AtLabelZero_KeepsTheUnderflowingScore()
    {
        var e = ExactExp.Of(-800.0, 96);
        Within("residual[0, 2]", ResidualEntry(LikelihoodFamily.BernoulliLogit, 0, -800), RationalInterval.Exact(1e300) * e / (One + e));
    }

    /// <summary>Poisson, y = 0 at f = −800: g = −λ = −e^-800, the entry +e^-800·1e300.</summary>
    [Fact]
    public void PoissonResidualTerm_AtCountZero_KeepsTheUnderflowingScore()
    {
        var e = ExactExp.Of(-800.0, 96);
        Within("residual[0, 2]", ResidualEntry(LikelihoodFamily.PoissonLog, 0, -800), RationalInterval.Exact(1e300) * e);
    }

    /// <summary>
    /// Gaussian mean–variance, θ = (W₁, b₁, W₂[0], b₂[0], W₂[1], b₂[1]) = (0, 0, 1, 0, 0, v), so f = (0, v), at a label y
    /// with a = y/v below 2^-1022: g_μ = a, and ∇²f^(μ)[0, 2] = s·x = 1e300, so the residual term's [0, 2] is −(y/v)·1e300.
    /// The double a had been a subnormal or 0 (at y = 1e-30, v = 1e300 it rounds to 0, and the entry −1e-30 came out 0;
    /// found in review at stop 40): the score is now the likelihood's scaled gradient, a within 2u, so the 7 ulp hold.
    /// </summary>
    [Theory]
    [InlineData(1e-30, 1e300)]
    [InlineData(-3e-20, 1e295)]
    [InlineData(2.5e-10, 1.7e308)]
    public void MeanVarianceResidualTerm_WhereAUnderflows_KeepsTheScore(double y, double v)
    {
        var shape = new CurvatureShape(ModelFamily.TanhMlp, LikelihoodFamily.GaussianMeanVariance, inputs: 1, hidden: 1);
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(1e300)]], [CurvatureFormulas.Label<Float64>(shape, y)],
            new[] { 0.0, 0.0, 1.0, 0.0, 0.0, v }.Select(Float64.Of).ToArray());
        var exact = -(ExactDouble.ToFraction(y) / ExactDouble.ToFraction(v)) * ExactDouble.ToFraction(1e300);
        Within("residual[0, 2]", problem.Split(SplitKind.Canonical).Residual[0, 2].Value, RationalInterval.Exact(exact));
    }

    /// <summary>
    /// Softmax, C = 3, y = 1 at f = (−800, 0, 0) (θ = (W₁, b₁, W₂[0], b₂[0], W₂[1], b₂[1], W₂[2], b₂[2]) = (0, 0, 1, −800, 0, 0, 0, 0)):
    /// g = e₁ − π with g₀ = −π₀ = −e^-800/(2 + e^-800); ∇²f^(0)[0, 2] = ∇²f^(1)[0, 4] = s·x = 1e300, so the residual term's
    /// [0, 2] is π₀·1e300 and [0, 4] is −(1 − π₁)·1e300 = −(π₀ + π₂)·1e300 (a normal score, unchanged).
    /// </summary>
    [Fact]
    public void SoftmaxResidualTerm_WhoseOtherClassUnderflows_KeepsItsScore()
    {
        var residual = Residual(LikelihoodFamily.CategoricalSoftmax, 1, 0, 0, 1, -800, 0, 0, 0, 0);
        var e = ExactExp.Of(-800.0, 96);
        var s = RationalInterval.Exact(2.0) + e;
        var x = RationalInterval.Exact(1e300);
        Within("residual[0, 2]", residual[0, 2].Value, x * e / s);
        Within("residual[0, 4]", residual[0, 4].Value, -(x * (e + One) / s));
    }
}
