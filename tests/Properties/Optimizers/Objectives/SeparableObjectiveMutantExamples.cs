using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// SeparableObjective's input checks, its overflow rule (one-signed overflow is ±∞, only opposite overflows are rejected)
/// and its coordinate-basis constants of elmo-amos Assumption 2 (L̃^i = sup|φ_i'''|, proven, so rigorous).
/// </summary>
public class SeparableObjectiveMutantExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    // φ(x) = x²/2 + x³/6 each: φ''' = 1.
    private static SeparableObjective TwoCubics() => new([new CubicTerm(1, 1), new CubicTerm(1, 1)]);

    [Fact]
    public void Value_OfAThetaLongerThanTheTerms_IsRejectedNamingTheta() =>
        ArgumentAssert.Rejects(() => TwoCubics().Value(V(1, 2, 3)), "theta", "length 3, expected 2");

    [Fact]
    public void ThirdDerivativeAlong_ANonFiniteDirection_IsRejectedNamingU() =>
        ArgumentAssert.Rejects(() => TwoCubics().ThirdDerivativeAlong(V(0, 0), V(double.NaN, 1)), "u", "must be finite");

    /// <summary>
    /// φ(x) = x²/2 at x = 1e200 is 5e399, beyond MaxValue, so the value is +∞ (IEEE overflow, one sign): no rejection,
    /// which is kept for +∞ and −∞ together.
    /// </summary>
    [Fact]
    public void Value_WithOnlyPositiveOverflow_IsPositiveInfinity()
    {
        var f = new SeparableObjective([new CubicTerm(1, 0), new CubicTerm(1, 0)]);
        Assert.Equal(double.PositiveInfinity, f.Value(V(1e200, 1)));
    }

    /// <summary>x²/2 → +∞ and −x²/2 → −∞ at x = 1e200: the sum has no sign and is rejected.</summary>
    [Fact]
    public void Value_WithOverflowOfBothSigns_IsRejectedNamingTheta()
    {
        var f = new SeparableObjective([new CubicTerm(1, 0), new CubicTerm(-1, 0)]);
        ArgumentAssert.Rejects(() => f.Value(V(1e200, 1e200)), "theta", "+∞ and −∞ at once");
    }

    /// <summary>The constants are the proven sup|φ_i'''| (here |c| = 1 and 3), so rigorous, in the coordinate basis.</summary>
    [Fact]
    public void EigenspaceConstants_AreRigorousInTheCoordinateBasis()
    {
        var constants = new SeparableObjective([new CubicTerm(1, 1), new CubicTerm(1, -3)]).EigenspaceConstants;
        Assert.True(constants.IsRigorous);
        Assert.Equal([1.0, 3.0], constants.Constants);
        Assert.Contains("coordinate axes", constants.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void ExactHessian_OfAThetaLongerThanTheTerms_IsRejectedNamingTheta() =>
        ArgumentAssert.Rejects(() => TwoCubics().ExactHessian([1.0, 2, 3]), "theta", "length 3, expected 2");
}
