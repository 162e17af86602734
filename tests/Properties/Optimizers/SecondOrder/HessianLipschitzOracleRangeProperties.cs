using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Optimizers;
using Verification.Optimizers.SecondOrder;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// <see cref="HessianLipschitzOracle.Estimate"/> (elmo-amos Alg. 1's LIPSCHITZ from eq. (2)'s L_H) over the whole double
/// range: scale, floor and L_H from subnormals to double.MaxValue (and L_H = 0). The reference is the exact rational
/// scale·max(L_H, floor); one multiplication is correctly rounded, so every constant is within ½ ulp of it (subnormal
/// results in units of 2^-1074). Where the exact product rounds to +∞ (at or above MaxValue + ½ ulp) or to 0 (at or below
/// 2^-1075) the contract's finite, positive constant does not exist and the call must be rejected naming the objective
/// and the range (0, double.MaxValue], and it may be rejected nowhere else.
/// </summary>
[Properties(MaxTest = 500)]
public class HessianLipschitzOracleRangeProperties
{
    private static readonly Fraction Underflow = ExactDouble.Pow2(-1075);

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>An objective whose only use here is its stated L_H (the oracle reads nothing else).</summary>
    private sealed class GivenLipschitz(double? lipschitz) : IThirdOrderObjective
    {
        public string Name => "given-L_H";
        public int Dimension => 2;
        public double? HessianLipschitz => lipschitz;
        public double Value(Vector<double> theta) => 0;
        public Vector<double> Gradient(Vector<double> theta) => Vector<double>.Build.Dense(2);
        public Matrix<double> Hessian(Vector<double> theta) => Matrix<double>.Build.Dense(2, 2);
        public Matrix<double> ThirdDerivativeAlong(Vector<double> theta, Vector<double> u) => Matrix<double>.Build.Dense(2, 2);
    }

    private static readonly EigenSystem Two = new([1.0, 2.0], Matrix<double>.Build.DenseIdentity(2), [0.0, 0.0]);

    [Property]
    public Property Estimate_IsTheCorrectlyRoundedProductOrRejected() => Prop.ForAll(
        (from scale in FullRangeDoubles.Positive
         from floor in FullRangeDoubles.Positive
         from lh in FullRangeDoubles.NonNegative
         select (scale, floor, lh)).ToArbitrary(),
        c =>
        {
            var (scale, floor, lh) = c;
            string label = $"scale = {scale:R}, floor = {floor:R}, L_H = {lh:R}";
            var exact = ExactDouble.ToFraction(scale) * ExactDouble.ToFraction(Math.Max(lh, floor));
            bool noConstant = exact >= ExactAgreement.OverflowThreshold || exact <= Underflow;
            var oracle = new HessianLipschitzOracle(scale, floor);
            Vector<double> l;
            try
            {
                l = oracle.Estimate(new GivenLipschitz(lh), V(0, 0), Two);
            }
            catch (ArgumentException e)
            {
                return (noConstant && e.ParamName == "objective" && e.Message.Contains("(0, double.MaxValue]"))
                    .Label($"{label}: rejected ({e.Message}); exact {exact}");
            }
            if (noConstant)
                return false.Label($"{label}: exact {exact} has no finite positive double, but ({l[0]:R}, {l[1]:R}) was returned");
            return ExactAgreement.Within(l[0], RationalInterval.Exact(exact), 0.5, label + ", entry 0")
                .And((l[1] == l[0]).Label($"{label}: entries differ"));
        });

    /// <summary>The ends by hand: 1e300·1e10 overflows, 1e-300·1e-300 rounds to 0, an objective's L_H of ∞, NaN or −1 is rejected.</summary>
    [Fact]
    public void Estimate_AtTheEnds_RejectsNamingTheRange()
    {
        ArgumentAssert.Rejects(() => new HessianLipschitzOracle(1e300).Estimate(new GivenLipschitz(1e10), V(0, 0), Two),
            "objective", "must lie in (0, double.MaxValue]");
        ArgumentAssert.Rejects(() => new HessianLipschitzOracle(1e-300, 1e-300).Estimate(new GivenLipschitz(0), V(0, 0), Two),
            "objective", "must lie in (0, double.MaxValue]");
        foreach (double bad in new[] { double.PositiveInfinity, double.NaN, -1 })
            ArgumentAssert.Rejects(() => new HessianLipschitzOracle().Estimate(new GivenLipschitz(bad), V(0, 0), Two),
                "objective", "L_H must be finite and ≥ 0");
        // 2^-537·2^-537 = 2^-1074 exactly: the smallest subnormal is a constant of the contract.
        Assert.Equal([double.Epsilon, double.Epsilon],
            new HessianLipschitzOracle(Math.ScaleB(1, -537), Math.ScaleB(1, -537)).Estimate(new GivenLipschitz(0), V(0, 0), Two).ToArray());
    }
}
