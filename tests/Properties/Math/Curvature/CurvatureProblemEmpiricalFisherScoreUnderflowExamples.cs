using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}.EmpiricalFisher"/>, F̃(θ) = Σ_n s_n s_nᵀ (balles-thesis eq. 7.3/7.7), in doubles where a
/// score entry s_a = J_a·g falls below 2^-1022 while another s_b is large, so that s_a·s_b is a normal double (left open
/// at stop 37, issue 15 item 1: the forward-mode s_a carried only the subnormal grid's digits, or was 0).
/// </summary>
public class CurvatureProblemEmpiricalFisherScoreUnderflowExamples
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>
    /// Curved-linear Gaussian (the documented case), κ = 1.88, x = (1e77, −1.2e-308), θ = (0, 3.6e-309), y = 4e-12:
    /// J = (1e77, x₁ + κθ₁ ≈ −5.2e-309), f ≈ −3e-617, g = y − f ≈ 4e-12, so s₁ = g·J₁ ≈ −2.1e-320 is subnormal and
    /// F̃[0, 1] = g²·J₀·J₁ ≈ −8.4e-255 (the forward-mode s₀·s₁ was 3.0e-5 relative off). Reference: g²·J₀·J₁ from the exact
    /// inputs. Bound, relative: the scaled sum's (3 + N·M²)·u = 4u, J₁'s one rounding (fused, on the subnormal grid:
    /// 2^-1075 absolute, divided by |J₁|; J₀ = x₀ exact), and 1u for g (y − f rounds to y; f's size 1e-617 is far below
    /// u·|y|) and the second-order terms.
    /// </summary>
    [Fact]
    public void CurvedLinearGaussian_WhoseScoreEntryIsSubnormal_IsTheExactProduct()
    {
        const double kappa = 1.88, x0 = 1e77, x1 = -1.2e-308, theta1 = 3.6e-309, y = 4e-12;
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, 2);
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(kappa), [[Float64.Of(x0), Float64.Of(x1)]], [[Float64.Of(y)]],
            [Float64.Of(0), Float64.Of(theta1)]);
        var j1 = F(x1) + F(kappa) * F(theta1);
        var f = F(x1) * F(theta1) + F(kappa) / 2 * F(theta1) * F(theta1);
        var g = F(y) - f;
        var exact = g * g * F(x0) * j1;
        double computed = problem.EmpiricalFisher()[0, 1].Value;
        var error = Fraction.Abs(F(computed) - exact);
        var bound = (5 * Unit + ExactDouble.Pow2(-1075) / Fraction.Abs(j1)) * Fraction.Abs(exact);
        Assert.True(error <= bound,
            $"F̃[0, 1] = {computed:R}, exact {ExactDouble.ToDouble(exact):R}, relative error {ExactDouble.ToDouble(error / Fraction.Abs(exact)):R} > {ExactDouble.ToDouble(bound / Fraction.Abs(exact)):R}");
    }

    /// <summary>
    /// Tanh MLP, D = H = N = 1, θ = (W₁, b₁, W₂, b₂) = (0, 0, 1, −800), x = 1e300, Bernoulli logit at y = 0: h = 0, so f = −800
    /// and J = (W₂x, W₂, 0, 1) = (1e300, 1, 0, 1) exactly; g = −σ(−800) ≈ −3.6e-348 is below the double range, so F̃ takes
    /// it as M·2^E in the scaled sum (the forward-mode s₀ ≈ −3.6e-48 was normal here, the jets carrying J before the score,
    /// and is within the bound too): F̃[0, 0] = σ(−800)²·1e600 ≈ 1.3e-95. Reference from a 96-bit enclosure of e^-800. Tolerance 10 ulp: the scaled sum's (3 + N·M²)·u = 4u, and g within 3u (the rule's node score carried as M·2^E),
    /// twice.
    /// </summary>
    [Fact]
    public void TanhMlpLogit_WhoseScoreUnderflows_KeepsIt()
    {
        var shape = new CurvatureShape(ModelFamily.TanhMlp, LikelihoodFamily.BernoulliLogit, inputs: 1, hidden: 1);
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(1e300)]], [CurvatureFormulas.Label<Float64>(shape, 0)],
            new[] { 0.0, 0, 1, -800 }.Select(Float64.Of).ToArray());
        var e = ExactExp.Of(-800.0, 96);
        var sigma = e / (RationalInterval.Exact(1.0) + e);
        var exact = sigma * sigma * RationalInterval.Exact(1e300) * RationalInterval.Exact(1e300);
        double computed = problem.EmpiricalFisher()[0, 0].Value;
        double error = ExactDouble.UlpError(computed, exact);
        Assert.True(error <= 10, $"F̃[0, 0] = {computed:R}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R}, {error:R} ulp (tolerance 10)");
    }
}
