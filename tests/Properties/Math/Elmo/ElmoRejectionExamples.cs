using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elmo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Elmo;

/// <summary>
/// Issue 15 item 1 for src/Math/Elmo: the guards of the exact eigenspace formulas (elmo-amos eq. (7)'s x*, the relative
/// model changes of §3.3 and the gap M(x*) − M(x_N) to Newton's step) and of the full ELMO step of Alg. 1 reject bad input
/// with exactly an ArgumentException naming the parameter and stating the range; at a boundary the smallest accepted
/// input is checked against a hand-derived value.
/// </summary>
public class ElmoRejectionExamples
{
    private static Float64 F(double x) => new(x);

    [Fact]
    public void UpperGapToNewton_RejectsNonPositiveLambdaOrLipschitzAndNegativeGradient()
    {
        ArgumentAssert.Rejects(() => ElmoEigenspaceFormulas.UpperGapToNewton(F(0), F(1), F(1)), "lambda", "lambda must be > 0 (Newton's step |g|/λ), got 0");
        ArgumentAssert.Rejects(() => ElmoEigenspaceFormulas.UpperGapToNewton(F(1), F(1), F(0)), "lipschitz", "lipschitz must be > 0, got 0");
        ArgumentAssert.Rejects(() => ElmoEigenspaceFormulas.UpperGapToNewton(F(1), F(-1), F(1)), "gradMagnitude", "gradMagnitude must be ≥ 0, got -1");
        // |g| = 0, the smallest accepted: x* = x_N = 0 and the gap is 0.
        Assert.Equal(0.0, ElmoEigenspaceFormulas.UpperGapToNewton(F(1), F(0), F(1)).Value);
    }

    [Fact]
    public void RelativeChanges_RejectDeltaBelowMinusOneOrAZeroStep()
    {
        ArgumentAssert.Rejects(() => ElmoEigenspaceFormulas.RelativeUpperChange(F(1), F(1), F(1), F(Math.BitDecrement(-1.0))), "delta", "delta must be ≥ −1");
        ArgumentAssert.Rejects(() => ElmoEigenspaceFormulas.RelativeLowerChange(F(1), F(1), F(1), F(-2)), "delta", "delta must be ≥ −1");
        // λ > 0 and |g| = 0: x* = 0, where the relative change is undefined.
        ArgumentAssert.Rejects(() => ElmoEigenspaceFormulas.RelativeUpperChange(F(1), F(0), F(1), F(0)), "gradMagnitude", "x* must be > 0");
        ArgumentAssert.Rejects(() => ElmoEigenspaceFormulas.RelativeLowerChange(F(1), F(1), F(-1), F(0)), "lipschitz", "lipschitz must be > 0, got -1");
        // δ = 0 is the minimizer itself: no relative change of M.
        Assert.Equal(0.0, ElmoEigenspaceFormulas.RelativeUpperChange(F(1), F(1), F(1), F(0)).Value, 1e-15); // a few roundings of terms of order 1
    }

    [Fact]
    public void StepVectorAndCompute_RejectANonPositiveOrMismatchedLipschitzVector()
    {
        var h = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1 }, { 1, 3 } });
        var g = Vector<double>.Build.Dense([1.0, -1.0]);
        ArgumentAssert.Rejects(() => ElmoStep.StepVector(h, g, Vector<double>.Build.Dense([1.0, 0.0])), "lipschitz", "lipschitz[1] must be > 0, got 0");
        ArgumentAssert.Rejects(() => ElmoPreconditioner.Compute(h, g, Vector<double>.Build.Dense([1.0])), "lipschitz", "lipschitz has length 1, expected 2");
        // The smallest L_i = 2^-1074 is accepted; with H = I and ∇f = 0 the step is 0 and Φ = diag(2/(1 + 1)) = I.
        var identity = Matrix<double>.Build.DenseIdentity(2);
        var tiny = Vector<double>.Build.Dense(2, double.Epsilon);
        Assert.Equal(0.0, ElmoStep.StepVector(identity, Vector<double>.Build.Dense(2), tiny).AbsoluteMaximum());
        Assert.Equal(identity, ElmoPreconditioner.Compute(identity, Vector<double>.Build.Dense(2), tiny));
    }

    [Fact]
    public void StepVector_RejectsAStepBeyondTheRange()
    {
        double m = double.MaxValue;
        var zero = Vector<double>.Build.Dense(2);
        var ones = Vector<double>.Build.Dense(2, 1.0);
        // λ = −M, g = 0, L = 1: x* = 2|λ|/L = 2M is beyond the range.
        var h = Matrix<double>.Build.DenseOfArray(new[,] { { -m, 0 }, { 0, 1 } });
        ArgumentAssert.Rejects(() => ElmoStep.StepVector(h, zero, ones), "lipschitz", "the ELMO step x*_0 = (√(λ² + 2L|g|) − λ)/L exceeds double.MaxValue");
        // H = [[−a, b], [b, −a]], a = 0.4M, b = 0.05M: λ = −0.45M, −0.35M on (1, ∓1)/√2, so x* = 0.9M and 0.7M are in range
        // but the first entry of Σ x*_i v_i is (0.9M + 0.7M)/√2 ≈ 1.13M.
        var rotated = Matrix<double>.Build.DenseOfArray(new[,] { { -0.4 * m, 0.05 * m }, { 0.05 * m, -0.4 * m } });
        ArgumentAssert.Rejects(() => ElmoStep.StepVector(rotated, zero, ones), "lipschitz", "overflows in entry");
        // Halving H halves every x*, and the sum is back in range: its entries are (0.45M ± 0.35M)/√2 up to sign.
        var step = ElmoStep.StepVector(rotated / 2, zero, ones);
        Assert.Equal(0.8 * m / Math.Sqrt(2), step.AbsoluteMaximum(), 1e-12 * m); // eigensolver's backward error, far below the 0.2M/√2 gap to the other entry
    }
}
