using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// Two behaviours of <see cref="CurvatureProblem{T}"/> that survivors of mutation run 24 changed without a test noticing:
/// the GGN of the canonical split (balles-thesis eqs. 7.10, 7.14) in exact rational intervals stays an enclosure of the
/// exact rational value (only doubles take the scaled-sum fallback, which rounds to a point), and
/// <see cref="CurvatureProblem{T}.TermScale"/> inside the ordinary range is the documented product form
/// Σ_n ‖J_n‖²_F·(1 + G_n² + H_n) + G_n·K_n evaluated in doubles, bit for bit (not the exact term rounded once, which the
/// overflow fallback alone computes).
/// </summary>
public class CurvatureProblemRun24Examples
{
    /// <summary>
    /// Curved-linear model with κ = 0 (f = xθ), Bernoulli probability q = f, x = 1, θ = ¾, label 1: log p = log q, so
    /// ∇²_f log p = −1/q² and the canonical GGN −Jᵀ∇²_f log p J = x²/q² = 16/9, which no double equals. In rational
    /// intervals the GGN must enclose 16/9 exactly; a double rounded to a point interval cannot.
    /// </summary>
    [Fact]
    public void CanonicalSplitGgn_InRationalIntervals_EnclosesTheExactSixteenNinths()
    {
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.BernoulliProbability, 1);
        var problem = new CurvatureProblem<RationalInterval>(shape, RationalInterval.Of(0),
            [[RationalInterval.Of(1)]], [[RationalInterval.Of(1)]], [RationalInterval.Of(0.75)]);
        var exact = RationalInterval.Exact(new Fraction(16, 9));
        var (ggn, residual) = problem.Split(SplitKind.Canonical);
        Assert.True(ggn[0, 0].Contains(exact), $"GGN [{ggn[0, 0].Lower}, {ggn[0, 0].Upper}] must enclose 16/9");
        Assert.True(problem.GeneralizedGaussNewton()[0, 0].Contains(exact));
        // The residual term Σ_m [∇_b a]_m ∇²_θ f^(m) vanishes: ∇²_θ f = κ = 0.
        Assert.True(residual[0, 0].Contains(RationalInterval.Exact(Fraction.Zero)));
    }

    /// <summary>
    /// Curved-linear model with κ = 0, Gaussian identity (σ² = 1), x = 0.1, θ = 0, label y = 10: f = 0, J = x, ∇²_θ f = κ = 0
    /// (K = 0); ∇_f log p = y − f is 10 at the label and ∓1 at the expectation nodes f ± 1, so G = 10; ∇²_f log p = −1,
    /// so H = 1. Every factor is inside [2^-100, 2^100] and the term is finite, so the documented product form runs:
    /// fl(fl(x·x)·fl(fl(1 + G·G) + H)) + G·K = fl(fl(0.01…)·102). Here that differs by an ulp from 102·x² rounded once
    /// (the exact term, which only the overflow fallback computes), so the comparison is exact on purpose.
    /// </summary>
    [Fact]
    public void TermScale_InTheOrdinaryRange_IsTheProductFormInDoubles()
    {
        const double x = 0.1, y = 10, g = 10, h = 1, k = 0;
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, 1);
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0), [[Float64.Of(x)]], [[Float64.Of(y)]], [Float64.Of(0)]);
        double jj = x * x;
        double productForm = jj * (1 + g * g + h) + g * k;
        double exactRounded = ExactDouble.ToDouble(ExactDouble.ToFraction(x) * ExactDouble.ToFraction(x) * 102);
        Assert.NotEqual(exactRounded, productForm); // the input tells the two forms apart
        Assert.Equal(productForm, problem.TermScale().Value);
    }
}
