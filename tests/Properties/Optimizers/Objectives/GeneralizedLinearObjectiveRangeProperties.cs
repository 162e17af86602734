using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Data;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// <see cref="GeneralizedLinearObjective"/> with the Bernoulli-logit likelihood (balles-thesis eq. D.33) over the whole double
/// range (issue 15, item 1): one sample with feature x = 1 (a linear model without bias), so f = θ and the objective's
/// −∇R = y − σ(f), ∇²R = F = σ(f)σ(−f) and F̃ = (y − σ(f))², against 96-bit exp enclosures. Tolerances: σ(±f) within 3 ulp
/// (<see cref="BernoulliLogit.Sigmoid"/>), so y − σ(f) within 3 ulp, σ(f)σ(−f) within 7 ulp (two 3u factors and one
/// rounding) and its square within 7 ulp (2·3u + u); ulps never below 2^-1074. Before the fix y − σ(f) and σ(f)(1 − σ(f))
/// cancelled to 0 for f &gt; 37 (exact ≈ e^{−f}) and were off by about 3u·e^{f} relative from f ≈ 1.
/// </summary>
[Properties(MaxTest = 150)] // exact exp enclosures: about 10–30 ms a case
public class GeneralizedLinearObjectiveRangeProperties
{
    /// <summary>Enclosure precision: 2^-96 relative, far below the 2^-53 of the results compared.</summary>
    private const int Bits = 96;

    /// <summary>Beyond |f| = 800, e^(−|f|) &lt; 2^-1154: every quantity here rounds to 0 or ±1 exactly.</summary>
    private const double ExactReach = 800;

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static GeneralizedLinearObjective Objective(double label) =>
        new(new LinearModel(1, bias: false), new BernoulliLogit(), new Dataset([V(1.0)], [label]), "one-sample");

    /// <summary>
    /// The logistic objective's gradient, Hessian, Fisher and empirical Fisher at θ = f for both labels, over every finite f
    /// (full-range doubles, and moderate ones times ±1 and ±40 where the old forms cancelled); the allocation-free
    /// derivatives it uses equal the likelihood's own Gradient and Hessian bit for bit.
    /// </summary>
    [Property]
    public Property BernoulliLogit_IsAccurateOverTheWholeRange() => Prop.ForAll(
        Gen.Frequency((3, FullRangeDoubles.Signed), (2, FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x, 40 * x, -40 * x)))).ToArbitrary(),
        f =>
        {
            var likelihood = new BernoulliLogit();
            var derivatives = GeneralizedLinearFit.ScalarDerivatives(likelihood)!;
            Property result = true.ToProperty();
            RationalInterval? sigma = null, sigmaOfMinus = null;
            if (Math.Abs(f) <= ExactReach)
            {
                var e = ExactExp.Of(-f, Bits);
                var one = RationalInterval.Exact(1.0);
                sigma = one / (one + e);
                sigmaOfMinus = e / (one + e);
            }
            foreach (int y in new[] { 0, 1 })
            {
                var objective = Objective(y);
                var theta = V(f);
                double score = -objective.Gradient(theta)[0], weight = objective.Hessian(theta)[0, 0];
                double fisher = objective.Fisher(theta)[0, 0], empirical = objective.EmpiricalFisher(theta)[0, 0];
                var (s, w) = derivatives(y, f);
                string at = $"y = {y}, f = {f:R}";
                result = result.And((s == likelihood.Gradient(y, theta)[0] && w == -likelihood.Hessian(y, theta)[0, 0])
                    .Label($"{at}: ScalarDerivatives ({s:R}, {w:R}) differ from the likelihood's ∇, −∇²"));
                if (sigma is null || sigmaOfMinus is null)
                {
                    bool positive = f > 0;
                    double limit = y == 1 ? (positive ? 0 : 1) : (positive ? -1 : 0);
                    result = result.And((score == limit && weight == 0 && fisher == 0 && empirical == limit * limit)
                        .Label($"{at}: −∇R {score:R}, ∇²R {weight:R}, F {fisher:R}, F̃ {empirical:R}"));
                    continue;
                }
                var exactScore = y == 1 ? sigmaOfMinus.Value : -sigma.Value;
                var exactWeight = sigma.Value * sigmaOfMinus.Value;
                result = result
                    .And(ExactAgreement.Within(score, exactScore, 3, $"−∇R at {at}"))
                    .And(ExactAgreement.Within(weight, exactWeight, 7, $"∇²R at {at}"))
                    .And(ExactAgreement.Within(fisher, exactWeight, 7, $"F at {at}"))
                    .And(ExactAgreement.Within(empirical, exactScore * exactScore, 7, $"F̃ at {at}"));
            }
            return result;
        });
}

/// <summary>Hand-picked points of the logistic objective where the old forms y − σ(f), σ(f)(1 − σ(f)) cancelled.</summary>
public class GeneralizedLinearObjectiveRangeExamples
{
    /// <summary>u = 2^-53.</summary>
    private const double Unit = 1.1102230246251565e-16;

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>
    /// f = 40, y = 1: −∇R = σ(−40) = e^-40/(1 + e^-40) = 4.24835425529158898e-18 and ∇²R = σ(40)σ(−40) = e^-40/(1 + e^-40)²
    /// = 4.24835425529158896e-18 (e^-40 = 4.24835425529158900e-18 to 18 digits; each factor 1/(1 + e^-40) moves it by 4e-18
    /// relative); both were 0. Compared with 4.248354255291589e-18 within 8u relative (that reference is within 1e-17 relative
    /// of both).
    /// </summary>
    [Fact]
    public void ConfidentCorrectLabel_KeepsItsTinyGradientAndCurvature()
    {
        var objective = new GeneralizedLinearObjective(new LinearModel(1, bias: false), new BernoulliLogit(),
            new Dataset([V(1.0)], [1.0]), "one-sample");
        Assert.InRange(-objective.Gradient(V(40))[0] / 4.248354255291589e-18 - 1, -8 * Unit, 8 * Unit);
        Assert.InRange(objective.Hessian(V(40))[0, 0] / 4.248354255291589e-18 - 1, -8 * Unit, 8 * Unit);
    }
}
