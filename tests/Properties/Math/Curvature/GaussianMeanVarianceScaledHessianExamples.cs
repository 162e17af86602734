using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The Gaussian mean–variance curvature matrices where ∇²_f log p's entries are below 2^-1022 and its factors P ⊙ Q could
/// not hold them (issue 15, item 1): the likelihood's ∇² carried as M·2^E since stop 40. Linear model with one input x
/// and θ = (0, 0, 1, 0), so μ = 0, v = x and J = [[x, 1, 0, 0], [0, 0, x, 1]] (as in GaussianMeanVarianceRangeExamples);
/// the entries checked have one nonzero term, J·∇²·J, so no cancellation, except E[−∇²]₂₂, a sum over the rule's three
/// nodes with its own bound (<see cref="ExpectationBound"/>). Expected values: the closed forms in rationals.
/// </summary>
public class GaussianMeanVarianceScaledHessianExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    /// <summary>u = 2^-53.</summary>
    private static readonly Fraction U = ExactDouble.Pow2(-53);

    /// <summary>
    /// The bound of an entry with one nonzero term −J·∇²_ij·J: the entry's own error (3u for −r/v², 2u for 1/(2v²) at
    /// r = 0, as GaussianMeanVariance states), the scaled sum's three roundings of the mantissas' product (w·J·M·J) and its
    /// final rounding: 7u, first order; 8u leaves the second-order terms room.
    /// </summary>
    private static readonly Fraction Bound = 8 * U;

    /// <summary>
    /// The bound of E[−∇²]₂₂ = x²/(2v²), which is not one term but the three nodes' Σ_k w_k·x·(−∇²_vv(y_k))·x, ½ from
    /// −⅓ + ⅚ (in units of x²/v²): at the nodes ∓√(3v) (offset within 3.01u, ExpectationRule; CurvatureFormulas' √(3v) or
    /// 2·√(¾v) within 1.5u) a = s/v is within 4.01u, a²/v = 3 within 10.02u and ∇²_vv = ½ − 3 within 10.02u·3 + 2u·½ +
    /// u·2.5 = 33.56u; each outer term (1/6)·x·∇²_vv·x adds the weight's rounding and three in the mantissas' product
    /// (4u of 5/12): 7.26u, twice; the centre node (2/3)·x·(1/(2v²))·x 6u of ⅓: 2u; the two additions u·7/6 each: 2.33u.
    /// 18.85u of ½ is 37.7u, first order; 40u leaves the second-order terms room (the two outer nodes err alike, a² being
    /// the same at ∓s, so no cancellation between them can be assumed).
    /// </summary>
    private static readonly Fraction ExpectationBound = 40 * U;

    private static void AssertRelative(double computed, Fraction exact, string what) => AssertRelative(computed, exact, what, Bound);

    private static void AssertRelative(double computed, Fraction exact, string what, Fraction bound)
    {
        var error = Fraction.Abs(Q(computed) - exact) / Fraction.Abs(exact);
        Assert.True(error <= bound, $"{what}: {computed:R}, exact {ExactDouble.ToDouble(exact):R}, error {ExactDouble.ToDouble(error / U):R}u");
    }

    /// <summary>
    /// The generic problem in doubles: the mean–variance linear model with one input x, one label y and
    /// θ = (W_μ, b_μ, W_v, b_v), so f = (θ₀x + θ₁, θ₂x + θ₃) and J = [[x, 1, 0, 0], [0, 0, x, 1]].
    /// </summary>
    internal static CurvatureProblem<Float64> LinearProblem(double x, double y, params double[] theta) =>
        new(new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianMeanVariance, 1), Float64.Of(0),
            [[Float64.Of(x)]], [[Float64.Of(y)]], theta.Select(Float64.Of).ToArray());

    private static (LikelihoodProblem Problem, Vector<double> Theta, CurvatureProblem<Float64> Generic) Problems(double x, double y) =>
        (new LikelihoodProblem(new LinearModel(1, 2), new GaussianMeanVariance(), new Dataset([V(x)], [y])), V(0, 0, 1, 0),
            LinearProblem(x, y, 0, 0, 1, 0));

    /// <summary>
    /// G[0, 2] = x·(r/v²)·x = r where |r/v²| &lt; 2^-2043: no pair of normal doubles holds −r/v², and the factors' Q_μv =
    /// 2^(E+1021)/v was subnormal or 0 (at x = 1e300, y = −3e-40, |r/v²| ≈ 2^-2125: Q_μv = 2^-1104 rounded to 0, and G[0, 2]
    /// came out 0 in LikelihoodProblem's GGN, ∇²R and canonical split, and in CurvatureProblem's GGN and canonical split).
    /// </summary>
    [Theory]
    [InlineData(1e300, -3e-40)]
    [InlineData(1e300, 2.5e-20)]
    [InlineData(1.7976931348623157e308, 1e-300)]
    [InlineData(1e250, -7e-150)]
    public void CrossEntry_WhereNoPairOfNormalFactorsHoldsIt_IsR(double x, double y)
    {
        Fraction r = Q(y), v = Q(x);
        Assert.True(Fraction.Abs(r / (v * v)) < ExactDouble.Pow2(-2043), "|r/v²| must be below 2^-2043 here");
        var (p, theta, generic) = Problems(x, y);
        AssertRelative(p.GeneralizedGaussNewton(theta)[0, 2], r, "LikelihoodProblem G[0, 2]");
        AssertRelative(p.Hessian(theta)[0, 2], r, "LikelihoodProblem ∇²R[0, 2]");
        AssertRelative(Splits.GeneralizedGaussNewton(Splits.Canonical(p), theta)[0, 2], r, "canonical split G[0, 2]");
        AssertRelative(generic.GeneralizedGaussNewton()[0, 2].Value, r, "CurvatureProblem G[0, 2]");
        AssertRelative(generic.Split(SplitKind.Canonical).Ggn[0, 2].Value, r, "CurvatureProblem canonical split G[0, 2]");
    }

    /// <summary>
    /// G[2, 2] = ∇²R[2, 2] = x²·(r²/v³ − 1/(2v²)) = −½ at r = 0 and v = x beyond 2^1021, where the factors' P_vv = 1/(2v)
    /// and Q_vv = 1/v are subnormal (roundings up to 2^-50 and 2^-51 relatively, beyond the 3u and u their doc comment
    /// stated), and E[−∇²]₂₂ = x²/(2v²) = ½ likewise.
    /// </summary>
    [Theory]
    [InlineData(1.7976931348623157e308)]
    [InlineData(1.2345678901234567e308)]
    [InlineData(5.0000000000000017e307)]
    public void VarianceEntry_AtAVarianceBeyond2To1021_IsOneHalf(double x)
    {
        Fraction half = new(1, 2), minusHalf = new(-1, 2);
        var (p, theta, generic) = Problems(x, 0);
        AssertRelative(p.GeneralizedGaussNewton(theta)[2, 2], minusHalf, "LikelihoodProblem G[2, 2]");
        AssertRelative(p.Hessian(theta)[2, 2], minusHalf, "LikelihoodProblem ∇²R[2, 2]");
        AssertRelative(p.ExpectedNegativeHessian(theta)[2, 2], half, "LikelihoodProblem E[−∇²][2, 2]", ExpectationBound);
        AssertRelative(generic.GeneralizedGaussNewton()[2, 2].Value, minusHalf, "CurvatureProblem G[2, 2]");
        AssertRelative(generic.Split(SplitKind.Canonical).Ggn[2, 2].Value, minusHalf, "CurvatureProblem canonical split G[2, 2]");
        AssertRelative(generic.ExpectedNegativeHessian()[2, 2].Value, half, "CurvatureProblem E[−∇²][2, 2]", ExpectationBound);
    }
}
