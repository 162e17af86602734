using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
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
/// <see cref="GeneralizedLinearObjective.Value"/> with the Bernoulli logit, N = 2 samples x_n = 1 (f_n = θ exactly) and labels
/// y_n ∈ {0, 1}, θ over the whole range: against (1/N)Σ_n log(1 + e^{∓θ}) with e^{∓θ} enclosed to 128 bits for |θ| ≤ 800
/// and bracketed by [0, 2^-1100] or [|θ|, |θ| + 2^-1100] beyond, within the doc comment's (N + 11)u·Σ|log p_n|/N +
/// (10N + 2)·2^-1074; never ±∞ (the mean is at most MaxValue + 2^-1100).
/// </summary>
[Properties(MaxTest = 300)]
public class GeneralizedLinearObjectiveValueRangeProperties
{
    private const int N = 2;
    private static readonly Fraction Unit = ExactDouble.Pow2(-53), Smallest = ExactDouble.Pow2(-1074), Tiny = ExactDouble.Pow2(-1100);

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Property]
    public Property BernoulliLogitValue_IsWithinItsBound() => Prop.ForAll(
        (from theta in FullRangeDoubles.Signed
         from y0 in Gen.Elements(0.0, 1.0)
         from y1 in Gen.Elements(0.0, 1.0)
         select (theta, y0, y1)).ToArbitrary(),
        c =>
        {
            string? failure = Check(c.theta, c.y0, c.y1);
            return (failure is null).Label(failure ?? "");
        });

    /// <summary>Both labels 0 at θ = 1.5e308: each −log p ≈ 1.5e308, their plain sum +∞ (the old result), the mean 1.5e308.</summary>
    [Theory]
    [InlineData(1.5e308, 0.0, 0.0)]
    [InlineData(-1.7976931348623157e308, 1.0, 1.0)]
    public void Value_WhereThePlainSumOverflows_IsTheMean(double theta, double y0, double y1) => Assert.Null(Check(theta, y0, y1));

    /// <summary>
    /// Three samples x = 1, y = 0 at θ = MaxValue: each −log p = softplus(MaxValue) is MaxValue as a double (exactly
    /// MaxValue + log(1 + e^-MaxValue), below MaxValue + ½ulp), their plain sum overflows, and the exact mean is within
    /// 2^-1000 of MaxValue. The old fallback divided each term by 3 first: each quotient rounded up to (4/3 − 2^-52/3)·2^1022,
    /// and their carried sum (4 − 2^-52)·2^1022 tied to 2^1024 = +∞. The carried sum 3·MaxValue, rounded once to
    /// (1.5 − 2^-52)·2^1025, divided by 3 once, is MaxValue.
    /// </summary>
    [Fact]
    public void Value_OfThreeTermsAtTheTopOfTheRange_IsTheMeanNotInfinity()
    {
        var objective = new GeneralizedLinearObjective(new LinearModel(1, bias: false), new BernoulliLogit(),
            new Dataset([V(1.0), V(1.0), V(1.0)], [0.0, 0.0, 0.0]), "three-samples");
        Assert.Equal(double.MaxValue, objective.Value(V(double.MaxValue)));
    }

    /// <summary>
    /// A Poisson log p = −e^f beyond the range (f = 710) is rejected naming theta, which the caller passed, not the
    /// likelihood's internal f (the mean (e^710 + 2e^0.71)/3 ≈ 7.5e307 is in range: a documented rejection).
    /// </summary>
    [Fact]
    public void Value_WhereALogDensityIsBeyondTheRange_IsRejectedNamingTheta()
    {
        var objective = new GeneralizedLinearObjective(new LinearModel(1, bias: false), new PoissonLog(),
            new Dataset([V(1.0), V(0.001), V(0.001)], [0.0, 0.0, 0.0]), "poisson");
        ArgumentAssert.Rejects(() => objective.Value(V(710)), "theta", "double.MaxValue");
    }

    /// <summary>−log p(y | θ) = log(1 + e^{−θ}) for y = 1, log(1 + e^{θ}) for y = 0, enclosed.</summary>
    private static (Fraction Low, Fraction High) Loss(double theta, double y)
    {
        double t = y == 1 ? theta : -theta; // −log p = log(1 + e^{−t})
        if (t > 800)
            return (Fraction.Zero, Tiny);
        if (t < -800)
            return (-ExactDouble.ToFraction(t), -ExactDouble.ToFraction(t) + Tiny);
        var one = RationalInterval.Exact(1.0);
        var loss = ExactLog.Of(one + ExactExp.Of(-t, 128), 128);
        return (loss.Lower, loss.Upper);
    }

    private static string? Check(double theta, double y0, double y1)
    {
        var objective = new GeneralizedLinearObjective(new LinearModel(1, bias: false), new BernoulliLogit(),
            new Dataset([Vector<double>.Build.Dense(1, 1.0), Vector<double>.Build.Dense(1, 1.0)], [y0, y1]), "two-samples");
        var (l0, h0) = Loss(theta, y0);
        var (l1, h1) = Loss(theta, y1);
        Fraction low = (l0 + l1) / N, high = (h0 + h1) / N;
        Fraction bound = (N + 11) * Unit * high + (10 * N + 2) * Smallest;
        double computed;
        string at = $"θ = {theta:R}, y = ({y0}, {y1})";
        try
        {
            computed = objective.Value(Vector<double>.Build.Dense(1, theta));
        }
        catch (ArgumentException e)
        {
            return $"{at}: rejected ({e.Message})";
        }
        if (!double.IsFinite(computed))
            return $"{at}: {computed:R} for the exact mean in [{ExactDouble.ToDouble(low):R}, {ExactDouble.ToDouble(high):R}]";
        var value = ExactDouble.ToFraction(computed);
        return value >= low - bound && value <= high + bound
            ? null
            : $"{at}: {computed:R} outside [{ExactDouble.ToDouble(low):R}, {ExactDouble.ToDouble(high):R}] ± {ExactDouble.ToDouble(bound):R}";
    }
}
