using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Xunit;
using Verification.Numerics.Elmo;

namespace Verification.Tests.Properties.Numerics.Elmo;

/// <summary>Hand-picked Φ^ELMO (Lemma 3.2) at the edges of the double range.</summary>
public class ElmoPreconditionerExamples
{
    private static readonly Matrix<double> Saddle = Matrix<double>.Build.DenseOfArray(new double[,] { { -1, 0 }, { 0, 1 } });
    private static readonly Vector<double> Ones = Vector<double>.Build.Dense([1.0, 1.0]);

    /// <summary>
    /// Issue 15: g = (1e-320, 1) made φ_1 = (S + 1)/(L|g_1|) ≈ 2e320, beyond the double range, and V·diag(φ)·Vᵀ
    /// returned [[∞, NaN], [NaN, NaN]]. Φ is not representable there: an ArgumentException naming the range.
    /// </summary>
    [Fact]
    public void Compute_WhereAFactorExceedsTheDoubleRange_IsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => ElmoPreconditioner.Compute(Saddle, Vector<double>.Build.Dense([1e-320, 1.0]), Ones));
        Assert.Equal("gradient", e.ParamName);
        Assert.Contains("Φ^ELMO is not representable: φ_", e.Message, StringComparison.Ordinal);
        Assert.Contains("Compute's range needs every φ_i ≤ double.MaxValue", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// g = (1e-300, 1): φ_1 = (1 + √(1 + 2t))/t = 2/t + 1 + O(t) for t = 1e-300, which rounds like 2/t; φ_2 = 2/(1 + √3) = √3 − 1.
    /// Both eigenvectors are ∓e_j, so Φ = diag(φ_1, φ_2) with exact zeros off the diagonal.
    /// </summary>
    [Fact]
    public void Compute_WithAHugeButRepresentableFactor_IsExactlyDiagonal()
    {
        var phi = ElmoPreconditioner.Compute(Saddle, Vector<double>.Build.Dense([1e-300, 1.0]), Ones);
        Assert.Equal(2 / 1e-300, phi[0, 0]);
        var rootThreeMinusOne = RationalInterval.Exact(3.0).Sqrt() - RationalInterval.Exact(1.0);
        Assert.True(ExactDouble.UlpError(phi[1, 1], rootThreeMinusOne) <= Tolerances.ElmoStepUlps);
        Assert.Equal(0.0, phi[0, 1]);
        Assert.Equal(0.0, phi[1, 0]);
    }

    /// <summary>φ = 1/λ for |g| = 0 and λ &gt; 0: 1/2^-1074 = 2^1074 is above the range (+∞); 1/2^-1023 = 2^1023 is not.</summary>
    [Fact]
    public void Factor_WithoutGradient_IsTheReciprocalCurvatureOrOverflows()
    {
        Assert.Equal(double.PositiveInfinity, ElmoPreconditioner.Factor(double.Epsilon, 0, 1));
        Assert.Equal(Math.ScaleB(1.0, 1023), ElmoPreconditioner.Factor(Math.ScaleB(1.0, -1023), 0, 1));
        Assert.Equal(0.0, ElmoPreconditioner.Factor(-double.Epsilon, 0, 1));
        Assert.Equal(0.0, ElmoPreconditioner.Factor(-0.0, 0, 1));
    }

    /// <summary>H with an eigenvalue 2·MaxValue ([[M, M], [M, M]]) is outside Decompose's range: rejected, not ∞.</summary>
    [Fact]
    public void Compute_WithAnEigenvalueBeyondTheRange_IsRejected()
    {
        double m = double.MaxValue;
        var h = Matrix<double>.Build.DenseOfArray(new double[,] { { m, m }, { m, m } });
        ArgumentAssert.Rejects(() => ElmoPreconditioner.Compute(h, Ones, Ones), "hessian", "hessian has an eigenvalue beyond the double range");
    }

    /// <summary>
    /// H = [1e-320] (subnormal λ &gt; 0), g = 0, L = 1: φ = 2/(λ + √λ²) = 1/λ = 1e320, beyond the double range. The overflow
    /// comes from the curvature alone (the gradient is 0), so the rejection names hessian; the saddle case above, where
    /// λ = −1 and φ = (S + |λ|)/(L|g|) overflows through the tiny gradient, names gradient.
    /// </summary>
    [Fact]
    public void Compute_WhereATinyPositiveCurvatureOverflowsAFactor_NamesTheHessian()
    {
        var hessian = Matrix<double>.Build.DenseOfArray(new double[,] { { 1e-320 } });
        var e = ArgumentAssert.Rejects(
            () => ElmoPreconditioner.Compute(hessian, Vector<double>.Build.Dense([0.0]), Vector<double>.Build.Dense([1.0])),
            "hessian", "Φ^ELMO is not representable: φ_0");
        Assert.Contains("Compute's range needs every φ_i ≤ double.MaxValue", e.Message, StringComparison.Ordinal);
    }
}
