using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Xunit;

namespace Verification.Tests.Properties.Numerics;

/// <summary>
/// Issue 15 item 1 for the files at the top of src/Math: log(1 + x), 1 − βⁿ, the eigendecomposition behind elmo-amos
/// Alg. 1, the scaled sums and the scaled root S = √(λ² + 2L|g|) of eq. (7) reject bad input with exactly an
/// ArgumentException naming the parameter and stating the range; at a boundary the smallest accepted input is checked
/// against a hand-derived value. The scaled root's normalization Hi + Lo ∈ [1, 6) (its documented invariant) holds when the
/// binary exponent k of 2L|g| is odd and negative (the scale must be 2^⌊k/2⌋, not 2^(k/2) rounded toward zero) and when it
/// is even and positive next to a λ of the same size, while (Hi + Lo)·2^Exponent stays S + |λ|.
/// </summary>
public class MathRejectionExamples
{
    [Fact]
    public void LogOnePlus_RejectsXAtOrBelowMinusOneAndNonFiniteX()
    {
        ArgumentAssert.Rejects(() => LogOnePlus.Of(-1), "x", "log(1 + x) needs x > −1, got -1");
        ArgumentAssert.Rejects(() => LogOnePlus.Of(double.NaN), "x", "x must be finite");
        // The smallest accepted x = −1 + 2^-53: 1 + x = 2^-53 exactly, so log(1 + x) = −53·ln 2.
        // Tolerance 1e-13 (about 7 ulps of 36.7), the documented accuracy.
        Assert.Equal(-53 * Math.Log(2), LogOnePlus.Of(Math.BitIncrement(-1.0)), 1e-13);
    }

    [Fact]
    public void OneMinusPower_RejectsBetaOutsideZeroToOneOrNegativeN()
    {
        ArgumentAssert.Rejects(() => PowerComplement.OneMinusPower(1, 2), "beta", "beta must be in [0, 1) (β = 1 makes 1 − βⁿ = 0), got 1");
        ArgumentAssert.Rejects(() => PowerComplement.OneMinusPower(-double.Epsilon, 2), "beta", "beta must be in [0, 1)");
        ArgumentAssert.Rejects(() => PowerComplement.OneMinusPower(double.NaN, 2), "beta", "beta must be in [0, 1)");
        ArgumentAssert.Rejects(() => PowerComplement.OneMinusPower(0.5, -1), "n", "n must be ≥ 0, got -1");
        // Accepted ends: β = 0 gives 1 − 0 = 1; n = 0 gives 1 − 1 = 0; β = 1 − 2^-53 with n = 1 gives 2^-53 exactly.
        Assert.Equal(1.0, PowerComplement.OneMinusPower(0, 3));
        Assert.Equal(0.0, PowerComplement.OneMinusPower(0.5, 0));
        Assert.Equal(Math.ScaleB(1.0, -53), PowerComplement.OneMinusPower(Math.BitDecrement(1.0), 1), Math.ScaleB(1.0, -103)); // 4 ulps of 2^-53
    }

    [Fact]
    public void SymmetricEigenDecompose_RejectsAProjectionBeyondTheRange()
    {
        double m = double.MaxValue;
        // H = [[2, 1], [1, 2]] has the eigenvector (1, 1)/√2, onto which ∇f = (M, M) projects √2·M.
        var h = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1 }, { 1, 2 } });
        ArgumentAssert.Rejects(() => SymmetricEigen.Decompose(h, Vector<double>.Build.Dense([m, m])), "gradient", "gradient has a projection ∇fᵀv_i beyond the double range");
        // ∇f = (M, 0) projects ±M/√2 on both eigenvectors: accepted.
        var e = SymmetricEigen.Decompose(h, Vector<double>.Build.Dense([m, 0]));
        Assert.Equal(m / Math.Sqrt(2), Math.Abs(e.GradientProjections[0]), 1e-12 * m); // eigenvectors to about n·2^-53
    }

    [Fact]
    public void ScaledSumAdd_RejectsANonFiniteFactor()
    {
        var sum = new ScaledSum();
        ArgumentAssert.Rejects(() => sum.Add(1.0, double.PositiveInfinity), "factors", "a factor of a scaled sum must be finite");
        sum.Add(3.0, 4.0);
        Assert.Equal(12.0, sum.Value);
    }

    [Fact]
    public void ScaledSumFinite_RejectsASumBeyondTheRange()
    {
        var sum = new ScaledSum();
        sum.Add(double.MaxValue, 2.0);
        ArgumentAssert.Rejects(() => sum.Finite("the test sum", "x"), "x", "the test sum is beyond ±double.MaxValue");
        var inRange = new ScaledSum();
        inRange.Add(double.MaxValue, 0.5);
        Assert.Equal(double.MaxValue / 2, inRange.Finite("half", "x"));
    }

    /// <summary>
    /// S + |λ| = 0 only at λ = |g| = 0, which no public caller reaches (ElmoStep and ElmoPreconditioner return 0 first);
    /// the internal guard is checked directly.
    /// </summary>
    [Fact]
    public void ScaledRootOf_RejectsLambdaAndGradientBothZero()
    {
        ArgumentAssert.Rejects(() => ScaledRoot.Of(0, 0, 1), "lambda", "S + |λ| is 0 when λ = |g| = 0");
        Assert.Equal(0, ScaledRoot.Of(1, 0, 1).Exponent); // λ = 1: S = 1, scaled exponent 0
    }

    /// <summary>
    /// λ = 0, L = 1, |g| = 2^-2 (k = −1) and |g| = 2^-4 (k = −3): S = √(2|g|) = √2·2^⌊k/2⌋; λ = L = 1.99, |g| = 3.99 (k = 2):
    /// S + |λ| = √(1.99² + 2·1.99·3.99) + 1.99 ≈ 6.44, which lies in [1, 6) only after a scale 2^-1 or smaller.
    /// </summary>
    [Theory]
    [InlineData(0.0, 0.25, 1.0)]
    [InlineData(0.0, 0.0625, 1.0)]
    [InlineData(1.99, 3.99, 1.99)]
    public void ScaledRootOf_IsNormalizedToOneToSix_AndScalesBackToTheRoot(double lambda, double gradMagnitude, double lipschitz)
    {
        var root = ScaledRoot.Of(lambda, gradMagnitude, lipschitz);
        double scaled = root.Hi + root.Lo;
        Assert.True(scaled >= 1 && scaled < 6, $"Hi + Lo = {scaled:R}, exponent {root.Exponent}");
        double expected = Math.Sqrt(lambda * lambda + 2 * lipschitz * gradMagnitude) + Math.Abs(lambda);
        // Relative 1e-15: a few ulps for the double closed form's own roundings (the scaled root is within 2^-100).
        Assert.Equal(1, Math.ScaleB(root.Hi, root.Exponent) / expected, 1e-15);
    }
}
