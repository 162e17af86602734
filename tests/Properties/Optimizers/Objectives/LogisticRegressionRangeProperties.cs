using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// Logistic regression with one sample x = 1, y = +1 and no ridge, so that f(w) = ℓ(w) = log(1 + e^{−w}), f' = −σ(−w),
/// f'' = σ(w)σ(−w) and T[1] = −σ(w)σ(−w)·tanh(w/2) (issue 15, item 1): against e^{−w} enclosures for |w| ≤ 700, within the
/// 10u of the doc comment plus the one division by m = 1 (exact) — 10 ulp for ℓ, 4 for ℓ', 8 for ℓ'', 12 for ℓ'''.
/// </summary>
[Properties(MaxTest = 150)]
public class LogisticRegressionRangeProperties
{
    private static readonly LogisticRegression OneSample =
        new(Matrix<double>.Build.DenseOfArray(new double[,] { { 1 } }), [1.0], 0);

    private static Vector<double> V(double w) => Vector<double>.Build.Dense(1, w);

    /// <summary>ℓ, ℓ′, ℓ″ and ℓ‴ at margin w against their enclosures (the written forms gave 0 for all but ℓ‴ at w = 40).</summary>
    [Property]
    public Property LossAndDerivatives_AreAccurate() => Prop.ForAll(
        Gen.Frequency((2, FullRangeDoubles.Signed), (3, FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x, 20 * x, -20 * x))))
            .Where(w => Math.Abs(w) <= 700).ToArbitrary(),
        w =>
        {
            var e = ExactExp.Of(-w, 128);                 // e^{−w}
            var one = RationalInterval.Exact(1.0);
            var sigma = one / (one + e);                  // σ(w)
            var sigmaMinus = e / (one + e);               // σ(−w)
            var curvature = sigma * sigmaMinus;
            // tanh(w/2): below 2^-20 from its Taylor series (remainder < |w/2|⁷), as (1 − e^{−w})/(1 + e^{−w}) at 128 bits
            // cannot resolve it there
            var tanhHalf = (one - e) / (one + e);
            if (Math.Abs(w) < 9.5367431640625e-7)
            {
                var h = ExactDouble.ToFraction(w) / 2;
                var h2 = h * h;
                var center = h - h * h2 / 3 + 2 * h * h2 * h2 / 15;
                var radius = Fractions.Fraction.Abs(h) * h2 * h2 * h2;
                tanhHalf = new RationalInterval(center - radius, center + radius);
            }
            string at = $"w = {w:R}";
            return ExactAgreement.Within(OneSample.Value(V(w)), ExactLog.Of(one + e, 128), 10, $"ℓ at {at}")
                .And(ExactAgreement.Within(OneSample.Gradient(V(w))[0], -sigmaMinus, 4, $"ℓ′ at {at}"))
                .And(ExactAgreement.Within(OneSample.Hessian(V(w))[0, 0], curvature, 8, $"ℓ″ at {at}"))
                .And(ExactAgreement.Within(OneSample.ThirdDerivativeAlong(V(w), V(1))[0, 0], -(curvature * tanhHalf), 12, $"ℓ‴ at {at}"));
        });
}
