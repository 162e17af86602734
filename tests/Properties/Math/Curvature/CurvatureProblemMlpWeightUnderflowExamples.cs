using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}"/> in doubles over the tanh MLP (D = H = N = 1) where an expectation weight, a node score
/// and ∇²_f log p fall below 2^-1022 while J_n scales them back up: the Fisher (balles-thesis eq. 7.2), E[−∇²] (eq. 7.4)
/// and the GGN (eq. 7.14) of the Bernoulli logit, the Poisson log rate and the 3-class softmax.
/// </summary>
/// <remarks>
/// θ = (W₁, b₁, W₂[0], b₂[0], …) with W₁ = b₁ = 0, so a = 0, h = tanh 0 = 0 and s = 1 − h² = 1 exactly, f₀ = b₂[0] and
/// J's row 0 is (W₂[0]·s·x, W₂[0]·s, h, 1) = (1e300, 1e300, 0, 1) at x = 1, W₂[0] = 1e300, with no rounding; every
/// ∇²f^(m)[0, ·] entry that meets these columns is 0 or ±s·x̃ (h = 0), and the score-weighted ones cancel in E[−∇²]. So each
/// checked entry is J·c·J for the exact c of the likelihood at f, from a 96-bit enclosure of e^f (its width 2^-96 relative
/// is far below an ulp). Before the fix the weights and ∇²_f log p were doubles: F₀₀ came out ≈ 1e-95 or 0 (the
/// subnormal e^-800 lost), E[−∇²]₀₀ and G₀₀ 0, where the exact value is ≈ 3.6e252.
/// Tolerances (u = 2^-53; a relative error k·u is below k ulp of the exact value), from the bounds
/// <see cref="CurvatureFormulas.ScaledLikelihoodTermsWhereNeeded"/> and ScaledCurvatureSum state, with T the nonzero terms
/// of the entry:
/// <list type="bullet">
/// <item>logit and Poisson: the small weight, score or A within 3u (ScaledExp; the other pieces are 1 within 2^-1018).
/// Fisher: five-factor terms (4 + T)·u, T = 2 nodes: 6u, plus 3u: 9. E[−∇²]: w·A's mantissa product 1u, five factors 4u,
/// T = 2: 7u, plus A's 3u: 10 (the weights sum to 1 within e^f). GGN: one term at the label, 5u plus A's 3u: 8.</item>
/// <item>softmax f = (−800, 0, 0): t = f − max is exact and S = 2 + e^-800 rounds to 2 (exact division), so π₀ is within
/// 3u, π₁ = π₂ = ½ and 1 − π₀ = π₁ + π₂ = 1 within e^-800, A₀₁ = π₀π₁ within 3u + 1u (one mantissa product). Fisher₀₀:
/// T = 3 nodes: 7u + 3u = 10; Fisher₀₅ = −J₀₀·π₀π₁·J₁₅: its three node terms −π₀/2, −π₀/4 and +π₀/4 sum |·| to 2|exact|,
/// so 2·7u + 3u = 17. E[−∇²]: T = 3, (1 + 4 + 3)u plus A's 3u (₀₀) or 4u (₀₅): 11 and 12. GGN: 5u plus 3u or 4u: 8 and 9.</item>
/// </list>
/// </remarks>
public class CurvatureProblemMlpWeightUnderflowExamples
{
    private static CurvatureProblem<Float64> Problem(LikelihoodFamily likelihood, double label, params double[] theta) =>
        new(new CurvatureShape(ModelFamily.TanhMlp, likelihood, inputs: 1, hidden: 1), Float64.Of(0), [[Float64.Of(1)]],
            [CurvatureFormulas.Label<Float64>(new CurvatureShape(ModelFamily.TanhMlp, likelihood, inputs: 1, hidden: 1), label)],
            theta.Select(Float64.Of).ToArray());

    private static readonly RationalInterval J = RationalInterval.Exact(1e300);

    private static readonly RationalInterval One = RationalInterval.Exact(1.0);

    private static void Within(string what, double computed, RationalInterval exact, double ulps)
    {
        double error = ExactDouble.UlpError(computed, exact);
        Assert.True(error <= ulps,
            $"{what} = {computed:R}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R}, {error:R} ulp (tolerance {ulps})");
    }

    /// <summary>The member named, at its tolerance for the logit and Poisson entry [0, 0] (class remarks).</summary>
    private static (RealMatrix<Float64> Value, double Ulps) Member(CurvatureProblem<Float64> problem, string member) => member switch
    {
        "F" => (problem.Fisher(), 9),
        "E[−∇²]" => (problem.ExpectedNegativeHessian(), 10),
        _ => (problem.GeneralizedGaussNewton(), 8),
    };

    /// <summary>σ(f)σ(−f) = e^{−|f|}/(1 + e^{−|f|})², the logit's −∇²_f log p and E[(y − σ)²].</summary>
    [Theory]
    [InlineData("F", -800.0, 0.0)]
    [InlineData("F", -1500.0, 1.0)]
    [InlineData("F", 800.0, 1.0)]
    [InlineData("E[−∇²]", -800.0, 0.0)]
    [InlineData("E[−∇²]", -1500.0, 1.0)]
    [InlineData("E[−∇²]", 800.0, 1.0)]
    [InlineData("G", -800.0, 0.0)]
    [InlineData("G", -1500.0, 1.0)]
    [InlineData("G", 800.0, 1.0)]
    public void LogitCurvature_WhoseWeightAndLikelihoodHessianUnderflow_KeepsItsDigits(string member, double f, double y)
    {
        var (value, ulps) = Member(Problem(LikelihoodFamily.BernoulliLogit, y, 0, 0, 1e300, f), member);
        var e = ExactExp.Of(-Math.Abs(f), 96);
        Within($"{member}₀₀", value[0, 0].Value, J * J * e / ((One + e) * (One + e)), ulps);
    }

    /// <summary>λ = eᶠ, the Poisson's −∇²_f log p and its variance.</summary>
    [Theory]
    [InlineData("F", -800.0, 0.0)]
    [InlineData("F", -1500.0, 3.0)]
    [InlineData("E[−∇²]", -800.0, 0.0)]
    [InlineData("E[−∇²]", -1500.0, 3.0)]
    [InlineData("G", -800.0, 0.0)]
    [InlineData("G", -1500.0, 3.0)]
    public void PoissonCurvature_WhoseRateUnderflows_KeepsItsDigits(string member, double f, double y)
    {
        var (value, ulps) = Member(Problem(LikelihoodFamily.PoissonLog, y, 0, 0, 1e300, f), member);
        Within($"{member}₀₀", value[0, 0].Value, J * J * ExactExp.Of(f, 96), ulps);
    }

    /// <summary>
    /// f = (−800, 0, 0): π₀ = e/(2 + e), π₁ = 1/(2 + e) with e = e^-800; diag π − ππᵀ has [0, 0] = π₀(1 − π₀) and
    /// [0, 1] = −π₀π₁, so entry [0, 0] is J₀₀²·π₀(1 − π₀) and [0, 5] (b₂[1], J₁₅ = 1) is −J₀₀·π₀π₁.
    /// </summary>
    [Theory]
    [InlineData("F", 10, 17)]
    [InlineData("E[−∇²]", 11, 12)]
    [InlineData("G", 8, 9)]
    public void SoftmaxCurvature_WhoseClassProbabilityUnderflows_KeepsItsDigits(string member, double diagonalUlps, double offDiagonalUlps)
    {
        var (value, _) = Member(Problem(LikelihoodFamily.CategoricalSoftmax, 1, 0, 0, 1e300, -800, 0, 0, 0, 0), member);
        var e = ExactExp.Of(-800.0, 96);
        var s = RationalInterval.Exact(2.0) + e;
        RationalInterval pi0 = e / s, pi1 = One / s;
        Within($"{member}₀₀", value[0, 0].Value, J * J * pi0 * (One - pi0), diagonalUlps);
        Within($"{member}₀₅", value[0, 5].Value, -(J * pi0 * pi1), offDiagonalUlps);
    }
}
