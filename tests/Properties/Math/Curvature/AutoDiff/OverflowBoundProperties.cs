using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// Hand-derived cases of gap 6 (issue 15, item 1): a ±∞ value or part stands for an exact value beyond the range, at least
/// T = 2^1024 − 2^970 and otherwise unknown, so an operation that may bring it back within the range is rejected, and what
/// stays ±∞ is beyond the range. These are the holes a review of the first version of the rules found, each seen failing
/// before its fix.
/// </summary>
public class OverflowBoundExamples
{
    private static HyperDual C(double v) => HyperDual.Constant(v);

    private static HessianJet<Float64> J(double v) => HessianJet<Float64>.Of(v);

    private static double P2(int k) => Math.ScaleB(1.0, k);

    /// <summary>
    /// max and min chose by the values alone, and two values +∞ compare equal: max(e^{x+710}, e^711) at x = 0 gave the first,
    /// with gradient +∞, where the larger is the constant e^711 (gradient 0); min(e^711, e^{x+710}) gave the constant's
    /// gradient 0 where the smaller is e^{x+710} (gradient e^710, beyond the range). Two equal ±∞ values with different
    /// parts are now rejected in the jet and the generic hyper-dual; with equal parts either choice is the same number.
    /// </summary>
    [Fact]
    public void MaxOrMin_OfTwoOverflowedValuesWithDifferentParts_IsRejected()
    {
        var x = HessianJet<Float64>.Variable(new Float64(0), 0, 1);
        var varying = HessianJet<Float64>.Exp(x + J(710));
        var constant = HessianJet<Float64>.Exp(J(711));
        const string message = "max or min of two values that are both";
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HessianJet<Float64>.Max(varying, constant), "b", message);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HessianJet<Float64>.Min(constant, varying), "b", message);
        Assert.Equal(double.PositiveInfinity, HessianJet<Float64>.Max(varying, varying).Gradient(0).Value);
        Assert.Equal(0.0, HessianJet<Float64>.Max(constant, J(1)).Gradient(0).Value); // +∞ against a finite value: decided
        var theta = HyperDualReal<Float64>.Variable(new Float64(0), true, true);
        var generic = HyperDualReal<Float64>.Exp(theta + HyperDualReal<Float64>.Of(710));
        var genericConstant = HyperDualReal<Float64>.Exp(HyperDualReal<Float64>.Of(711));
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDualReal<Float64>.Max(generic, genericConstant), "b", message);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDualReal<Float64>.Min(genericConstant, generic), "b", message);
        Assert.Equal(double.PositiveInfinity, HyperDualReal<Float64>.Min(generic, generic).E1.Value);
    }

    /// <summary>
    /// e^{−∞} and erfc(+∞) were taken as exact zeros (no underflow bound), while −∞ and +∞ stand for values beyond the
    /// range whose e^{−A} and erfc(A) are positive: 1/e^{−e^710} (exact e^{e^710}, beyond the range) and 1/erfc(e^710)
    /// failed the divisor's domain check as plain ArgumentExceptions ("must be a non-zero number"), which the engine counts
    /// as failures of the code under test, and log(e^{−e^710}) (exact −e^710) was the constant log 0 = −∞. The zeros now carry
    /// the floor bound, and each is a DoubleRangeException, which the engine settles exactly.
    /// </summary>
    [Fact]
    public void ExpOfMinusInfinity_AndErfcOfPlusInfinity_AreNotExactZeros()
    {
        const string divisor = "a divisor whose value came out 0 by underflow";
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = C(1) / HyperDual.Exp(-HyperDual.Exp(C(710))), "b", divisor);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDual.Log(HyperDual.Exp(-HyperDual.Exp(C(710)))), "x", "came out 0 or below by underflow");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = J(1) / HessianJet<Float64>.Exp(-HessianJet<Float64>.Exp(J(710))), "b", divisor);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = J(1) / HessianJet<Float64>.Erfc(HessianJet<Float64>.Exp(J(710))), "b", divisor);
        var large = HyperDualReal<Float64>.Exp(HyperDualReal<Float64>.Of(710));
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDualReal<Float64>.Of(1) / HyperDualReal<Float64>.Erfc(large), "b", divisor);
        // The saturated values themselves are kept: e^{−∞} = 0, erfc(+∞) = 0, erf(+∞) = 1.
        Assert.Equal(0.0, HyperDual.Exp(-HyperDual.Exp(C(710))).Value);
        Assert.Equal(0.0, HessianJet<Float64>.Erfc(HessianJet<Float64>.Exp(J(710))).Value.Value);
        Assert.Equal(1.0, HyperDualReal<Float64>.Erf(large).Value.Value);
    }

    /// <summary>
    /// A term with k infinite factors is at least T^k·|P| (P its finite factors' product). The first version kept it ±∞
    /// for |P| ≥ 2^(−1024(k − 1)), but T^k·2^(−1024(k − 1)) = T·(1 − 2^-54)^(k − 1): for k = 3, +∞·+∞·+∞·2^-1024·2^-1024 was
    /// +∞ where T³·2^-2048 ≈ 2^1024 − 3·2^970 is below double.MaxValue = 2^1024 − 2·2^970, within the range. The rule now
    /// asks for 2·2^(−1024(k − 1)) (then T^k·|P| ≥ T); for k = 2 that also rejects |P| in [2^-1024, 2^-1023), where the term
    /// is beyond MaxValue but may be below T. (No public operation forms a term of three infinite factors with so small a P
    /// today: the only one, the quotient's 2a·b₁b₂/b³, has |P| = 2/|b|³ ≥ 2, since a ±∞ dividend passes only over |b| ≤ 1.)
    /// </summary>
    [Fact]
    public void ATermOfSeveralOverflowedFactors_KeepsItsInfinityOnlyWithTheMargin()
    {
        static double Sum(params double[] factors)
        {
            var sum = new PartSum();
            sum.Add(factors);
            return sum.Rounded("b");
        }
        double inf = double.PositiveInfinity;
        const string message = "a derivative part: a ±∞ here stands for an exact value beyond";
        AutoDiffRejectionExamples.RejectsOutOfRange(() => Sum(inf, inf, inf, P2(-1024), P2(-1024)), "b", message);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => Sum(inf, -inf, P2(-1024)), "b", message);
        Assert.Equal(double.PositiveInfinity, Sum(inf, inf, inf, P2(-1023), P2(-1024)));
        Assert.Equal(double.NegativeInfinity, Sum(inf, -inf, P2(-1023)));
        Assert.Equal(double.PositiveInfinity, Sum(inf, 1));
        AutoDiffRejectionExamples.RejectsOutOfRange(() => Sum(inf, Math.BitDecrement(1.0)), "b", message);
    }
}
