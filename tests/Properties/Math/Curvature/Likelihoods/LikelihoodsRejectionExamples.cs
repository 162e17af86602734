using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Likelihoods;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// Every guard of the likelihoods (issue 15, item 1): f finite, of the output length and in the parameter domain
/// (q ∈ (0, 1), v &gt; 0), labels finite and in the support (0/1, a class index, a count), σ² &gt; 0, C ≥ 2, the Poisson
/// rule's log rate ≤ <see cref="PoissonLog.MaxLogRate"/>, and LogSumExp's non-empty f and class index. Both sides of each
/// boundary: the largest rejected and the smallest accepted value, the latter checked against the density's closed form
/// (eqs. D.8, D.12, D.33 and the Poisson and Bernoulli probabilities).
/// </summary>
public sealed class LikelihoodsRejectionExamples
{
    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    [Fact]
    public void GaussianIdentity_RejectsAVarianceOfZero()
    {
        ArgumentAssert.Rejects(() => new GaussianIdentity(0), "variance", "variance must be > 0, got 0");
        ArgumentAssert.Rejects(() => new GaussianIdentity(double.NaN), "variance", "variance must be finite, got NaN");
        var narrowest = new GaussianIdentity(double.Epsilon);
        Assert.Equal(double.Epsilon, narrowest.Variance);
        // log N(0; 0, 2^-1074) = −½·log(2π·2^-1074) ≈ 371.3: far above 300 for any rounding of the variance's logarithm.
        Assert.True(narrowest.LogDensity(0, V(0)) > 300);
    }

    [Fact]
    public void CategoricalSoftmax_RejectsOneClass()
    {
        ArgumentAssert.Rejects(() => new CategoricalSoftmax(1), "classes", "classes must be ≥ 2, got 1");
        var two = new CategoricalSoftmax(2);
        Assert.Equal(2, two.OutputDimension);
        Assert.Equal(Math.Log(0.5), two.LogDensity(0, V(0, 0)), 15); // softmax(0, 0) = (½, ½); 1e-15: a few ulp of log ½
    }

    /// <summary>q must lie in (0, 1): 0 and 1 are rejected; at q = 1 − 2^-53 log p(0|q) = log(2^-53) = −53·ln 2.</summary>
    [Fact]
    public void BernoulliProbability_RejectsAProbabilityOfZeroOrOne()
    {
        var likelihood = new BernoulliProbability();
        ArgumentAssert.Rejects(() => likelihood.LogDensity(1, V(1)), "f", "f[0] (a probability) must be in (0, 1), got 1");
        ArgumentAssert.Rejects(() => likelihood.LogDensity(1, V(0)), "f", "f[0] (a probability) must be in (0, 1), got 0");
        double below = Math.BitDecrement(1.0);
        Assert.Equal(-53 * Math.Log(2), likelihood.LogDensity(0, V(below)), 12); // 1e-12: 1 − q = 2^-53 exactly, one log rounding
        Assert.Equal(Math.Log(double.Epsilon), likelihood.LogDensity(1, V(double.Epsilon)), 12);
    }

    [Fact]
    public void GaussianMeanVariance_RejectsAVarianceOfZero()
    {
        var likelihood = new GaussianMeanVariance();
        ArgumentAssert.Rejects(() => likelihood.LogDensity(0, V(0, 0)), "f", "f[1] (a variance) must be > 0, got 0");
        ArgumentAssert.Rejects(() => likelihood.Gradient(0, V(0, -1)), "f", "f[1] (a variance) must be > 0, got -1");
        // −½·log(2π·2^-1074) ≈ 371.3 at y = mean, as for the fixed variance above.
        Assert.True(likelihood.LogDensity(0, V(0, double.Epsilon)) > 300);
    }

    /// <summary>f must be finite and of the output length, y finite: in LogDensity, Gradient, Hessian and Expectation.</summary>
    [Fact]
    public void LogDensity_RejectsANonFiniteOrMisSizedOutputAndANonFiniteLabel()
    {
        var likelihood = new GaussianIdentity();
        foreach (var call in new Action<double, Vector<double>>[]
        {
            (y, f) => likelihood.LogDensity(y, f), (y, f) => likelihood.Gradient(y, f), (y, f) => likelihood.Hessian(y, f),
        })
        {
            ArgumentAssert.Rejects(() => call(0, V(double.NaN)), "f", "f[0] must be finite, got NaN");
            ArgumentAssert.Rejects(() => call(0, V(0, 0)), "f", "f has length 2, expected 1");
            ArgumentAssert.Rejects(() => call(double.PositiveInfinity, V(0)), "y", "y must be finite");
        }
        ArgumentAssert.Rejects(() => likelihood.Expectation(V(double.NaN)), "f", "f[0] must be finite, got NaN");
        ArgumentAssert.Rejects(() => likelihood.Expectation(V(0, 0)), "f", "f has length 2, expected 1");
        ArgumentAssert.Rejects(() => new BernoulliProbability().Expectation(V(1)), "f", "(a probability) must be in (0, 1)");
        Assert.Equal(-0.5 * Math.Log(2 * Math.PI), likelihood.LogDensity(0, V(0)), 15); // N(0; 0, 1); 1e-15: a few ulp
    }

    /// <summary>
    /// A label is an integer in [0, C − 1] (Bernoulli: C = 2; categorical: C classes) or in [0, ∞) (Poisson): C, −1 and ½ are
    /// rejected, C − 1 and 0 accepted with log p from the closed form.
    /// </summary>
    [Fact]
    public void LogDensity_RejectsALabelOutsideTheSupport()
    {
        var logit = new BernoulliLogit();
        ArgumentAssert.Rejects(() => logit.LogDensity(2, V(0)), "y", "y must be an integer in [0, 1], got 2");
        ArgumentAssert.Rejects(() => logit.LogDensity(0.5, V(0)), "y", "y must be an integer in [0, 1], got 0.5");
        ArgumentAssert.Rejects(() => logit.LogDensity(-1, V(0)), "y", "y must be an integer in [0, 1], got -1");
        Assert.Equal(Math.Log(0.5), logit.LogDensity(1, V(0)), 15); // σ(0) = ½
        ArgumentAssert.Rejects(() => new BernoulliProbability().LogDensity(2, V(0.5)), "y", "y must be an integer in [0, 1], got 2");
        var three = new CategoricalSoftmax(3);
        ArgumentAssert.Rejects(() => three.LogDensity(3, V(0, 0, 0)), "y", "y must be an integer in [0, 2], got 3");
        Assert.Equal(-Math.Log(3), three.LogDensity(2, V(0, 0, 0)), 15); // softmax(0, 0, 0)_2 = ⅓
        var poisson = new PoissonLog();
        ArgumentAssert.Rejects(() => poisson.LogDensity(-1, V(0)), "y", "y must be an integer in [0, ∞], got -1");
        ArgumentAssert.Rejects(() => poisson.LogDensity(0.5, V(0)), "y", "y must be an integer in [0, ∞], got 0.5");
        Assert.Equal(-1.0, poisson.LogDensity(0, V(0)), 15); // log(λ⁰e^-λ/0!) = −λ = −1 at log λ = 0
    }

    /// <summary>
    /// The Poisson rule is truncated for log λ ≤ 4: the next double above is rejected; at log λ = 4 the rule's mean Σ w·y is
    /// λ = e⁴ (the omitted tail is below 1e-18 relative; 1e-12 relative allows the rounding of ~60 weights and products).
    /// </summary>
    [Fact]
    public void PoissonExpectation_RejectsALogRateAboveMaxLogRate()
    {
        double above = Math.BitIncrement(PoissonLog.MaxLogRate);
        ArgumentAssert.Rejects(() => new PoissonLog().Expectation(V(above)), "f", "f[0] (log rate) must be ≤ 4");
        var rule = new PoissonLog().Expectation(V(PoissonLog.MaxLogRate));
        double mean = rule.Labels.Zip(rule.Weights, (y, w) => y * w).Sum();
        Assert.Equal(Math.Exp(4), mean, Math.Exp(4) * 1e-12);
    }

    /// <summary>f non-empty and 0 ≤ c &lt; C: c = C and −1 are rejected; c = C − 1 gives log softmax = −log C at f = 0.</summary>
    [Fact]
    public void LogSoftmax_RejectsAClassOutsideTheLogits()
    {
        ArgumentAssert.Rejects(() => LogSumExp.LogSoftmax<Verification.Numerics.Curvature.AutoDiff.Real>([], 0), "f", "f must not be empty");
        var zeros = new Verification.Numerics.Curvature.AutoDiff.Real[] { new(0), new(0) };
        ArgumentAssert.Rejects(() => LogSumExp.LogSoftmax(zeros, 2), "c", "c must be in [0, 1], got 2");
        ArgumentAssert.Rejects(() => LogSumExp.LogSoftmax(zeros, -1), "c", "c must be in [0, 1], got -1");
        Assert.Equal(-Math.Log(2), LogSumExp.LogSoftmax(zeros, 1).Value, 15);
    }
}
