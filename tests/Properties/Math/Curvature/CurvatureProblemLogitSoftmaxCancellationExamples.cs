using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}"/>'s forward-mode members (Score, F̃, ∇²R) with the Bernoulli logit and the softmax where
/// the label's class dominates (σ(f) or π_y rounds to 1). The written log densities y·f − softplus(f) and yᵀf − log Σ e^{f_c}
/// cancelled there in their derivative parts: a term of size σ(−f) was added to one of size |J| or |∇²f| and subtracted
/// again, so the score came out 0, ∇²R[1, 1] = −σ(−f)κ came out −0, and an MLP's ∇²R[W₂, W₁] ≈ −σ(−40) came out −0
/// (<see cref="CurvatureFormulas.LogDensity{U}"/> now takes −softplus(∓f) and the shifted log-softmax in rounding
/// arithmetics). Every case here failed on the old code. References: e^{−t} enclosed to 2^-96 relative
/// (<see cref="ExactExp"/>), σ(−t) = e^{−t}/(1 + e^{−t}) in rational intervals. Each bound counts the roundings of the
/// forward-mode chain (u = 2^-53; k·u relative is at most k ulp): e^x within 2u and the log's 1/(1 + e^{−f}) within 1u
/// (<see cref="Verification.Numerics.Curvature.AutoDiff.HyperDual"/>'s remarks), one u per product and sum, plus the
/// ≤ 0.1u that 1 + e^{−40} rounded to 1 drops; the counts are stated per case.
/// </summary>
public class CurvatureProblemLogitSoftmaxCancellationExamples
{
    private static Float64[] F(params double[] v) => v.Select(Float64.Of).ToArray();

    /// <summary>σ(−t) = e^{−t}/(1 + e^{−t}) and σ(t) = 1/(1 + e^{−t}), enclosed.</summary>
    private static (RationalInterval Minus, RationalInterval Plus) Sigmoids(double t)
    {
        var e = ExactExp.Of(-t, 96);
        var one = RationalInterval.Exact(1.0);
        return (e / (one + e), one / (one + e));
    }

    private static void AssertUlps(string name, double computed, RationalInterval exact, double ulps) =>
        Assert.True(ExactDouble.UlpError(computed, exact) <= ulps,
            $"{name} = {computed:R}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R} ({ExactDouble.UlpError(computed, exact):G4} ulp, bound {ulps})");

    /// <summary>
    /// Curved-linear logit, κ = 1, x = (40, 0), θ = (1, 0), y = 1: f = 40.5, J = (41, 0), ∇²f = I, so s = σ(−f)·J and
    /// ∇²R = σ(f)σ(−f)·JJᵀ − σ(−f)·I: ∇²R[0, 0] = σ(−f)(1681σ(f) − 1) ≈ 4.33e-15 (2.6 % off before: the small term was
    /// added to f'' = 1 and subtracted again), ∇²R[1, 1] = −σ(−f) ≈ −2.58e-18 (−0 before), s₀ = 41σ(−f) (0 before) and
    /// F̃[0, 0] = s₀² (0 before). Counts: s₀ 2u (e^{−f}) + 1 (its ε part) + 1 (the log's 1/(1 + e^{−f})) + 1 (their product)
    /// + 0.1 ≤ 6u; ∇²R[1, 1] the same ≤ 6u; ∇²R[0, 0] 2u + 3 (the two terms of e^{−f}·((−f)'' + (−f)'²) and their sum, which
    /// cancel by 1/1680 at most: ×1.002) + 1 + 1 + 1 (the log's second term, itself below 1e-17 relative, and the sum) + 0.1
    /// ≤ 9u; F̃[0, 0] twice s₀'s plus 1 ≤ 13u.
    /// </summary>
    [Fact]
    public void CurvedLinearLogit_WhereSigmaRoundsToOne_KeepsTheSmallTerms()
    {
        var problem = new CurvatureProblem<Float64>(
            new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.BernoulliLogit, inputs: 2),
            Float64.Of(1), [F(40, 0)], [F(1)], F(1, 0));
        var (minus, plus) = Sigmoids(40.5);
        var j0 = RationalInterval.Exact(41.0);
        var score = problem.Score(0);
        AssertUlps("s₀", score[0].Value, j0 * minus, 6);
        Assert.Equal(0, score[1].Value);
        var hessian = problem.RiskHessian();
        AssertUlps("∇²R[0, 0]", hessian[0, 0].Value, minus * (j0 * j0 * plus - RationalInterval.Exact(1.0)), 9);
        AssertUlps("∇²R[1, 1]", hessian[1, 1].Value, -minus, 6);
        Assert.Equal(0, hessian[0, 1].Value);
        var fisher = problem.EmpiricalFisher();
        AssertUlps("F̃[0, 0]", fisher[0, 0].Value, j0 * minus * (j0 * minus), 13);
    }

    /// <summary>
    /// Linear softmax, 3 classes, x = 1, θ = (0, 40, 0, 0, 0, 0) (f = (40, 0, 0)), y = e₀: with t = e^-40,
    /// π = (1, t, t)/(1 + 2t), s = ((1 − π₀), (1 − π₀), −π₁, −π₁, −π₂, −π₂) and F̃ = s sᵀ. Before, s₀ = s₁ = 0 (exact
    /// 2t/(1 + 2t) ≈ 8.5e-18) and F̃'s first two rows 0. Counts: s₀ 2u (e^{−40}) + 1 (its ε part) + 1 (the sum of the two
    /// classes' parts) + 1 (the log's 1/Σ) + 1 (the product) + 0.1 ≤ 7u; s₂ one sum fewer ≤ 6u; F̃ entries twice 7u plus 1 ≤ 15u.
    /// </summary>
    [Fact]
    public void LinearSoftmax_WhereTheLabelsClassDominates_KeepsTheScore()
    {
        var problem = new CurvatureProblem<Float64>(
            new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.CategoricalSoftmax, inputs: 1, classes: 3),
            Float64.Of(0), [F(1)], [F(1, 0, 0)], F(0, 40, 0, 0, 0, 0));
        var t = ExactExp.Of(-40.0, 96);
        var one = RationalInterval.Exact(1.0);
        var two = RationalInterval.Exact(2.0);
        var others = two * t / (one + two * t);
        var pi1 = t / (one + two * t);
        var exact = new[] { others, others, -pi1, -pi1, -pi1, -pi1 };
        var score = problem.Score(0);
        for (int i = 0; i < 6; i++)
            AssertUlps($"s[{i}]", score[i].Value, exact[i], i < 2 ? 7 : 6);
        var fisher = problem.EmpiricalFisher();
        for (int i = 0; i < 6; i++)
            for (int k = 0; k < 6; k++)
                AssertUlps($"F̃[{i}, {k}]", fisher[i, k].Value, exact[i] * exact[k], 15);
    }

    /// <summary>
    /// Tanh MLP, D = H = 1, θ = (W₁, b₁, W₂, b₂) = (1e-20, 0, 1, 40), x = 1, y = 1: h = tanh 1e-20, s = 1 − h², f = h + 40,
    /// J = (s, s, h, 1), ∇²f[W₂, W₁] = s. ∇²R[W₂, W₁] = σ(f)σ(−f)·h·s − σ(−f)·s = −σ(−f)·s·(1 − σ(f)h), within 3e-20
    /// relative (below 0.001u) of −σ(−40); it came out −0 (the term −σ(−f)s was lost beside ∇²f's s), and the score
    /// s_{b₂} = σ(−f), within 2e-20 relative of σ(−40), came out 0. Counts: ∇²R[W₂, W₁] sech² 6u + 2u (e^{−f}) + 3 (its
    /// Hessian part's two terms and sum) + 1u (the log's 1/(1 + e^{−f})) + 2 (product and sum) + 0.1 ≤ 15u; s_{b₂} ≤ 6u as above.
    /// </summary>
    [Fact]
    public void TanhMlpLogit_WhereSigmaRoundsToOne_KeepsTheOutputCurvatureTerm()
    {
        var problem = new CurvatureProblem<Float64>(
            new CurvatureShape(ModelFamily.TanhMlp, LikelihoodFamily.BernoulliLogit, inputs: 1, hidden: 1),
            Float64.Of(0), [F(1)], [F(1)], F(1e-20, 0, 1, 40));
        var (minus, _) = Sigmoids(40);
        AssertUlps("∇²R[W₂, W₁]", problem.RiskHessian()[2, 0].Value, -minus, 15);
        AssertUlps("s_{b₂}", problem.Score(0)[3].Value, minus, 6);
    }
}
