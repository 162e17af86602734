using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Torch;
using Verification.Optimizers.Torch;
using Verification.Tests.Properties.Numerics.Torch;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Optimizers.Torch;

/// <summary>
/// Lanczos's own properties (Cauchy interlacing of a short run) and input validation; its agreement with the reference
/// eigensystem on every device is in <see cref="AgreementTable"/>, "optimizers/lanczos/…".
/// </summary>
public class TorchLanczosExamples
{
    private static Matrix<double> RandomSymmetric(int seed, int n)
    {
        var random = new System.Random(seed);
        var a = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5);
        return (a + a.Transpose()) / 2;
    }

    [Fact]
    public void ShortRun_RitzValuesInterlaceInsideSpectrum()
    {
        // Cauchy interlacing: the Ritz values of QᵀHQ lie in [λ_min, λ_max], and the extreme ones converge first.
        const int n = 60, k = 15;
        using var scope = NewDisposeScope();
        var h = TensorConvert.Matrix(RandomSymmetric(11, n), ScalarType.Float64);
        var start = TensorConvert.Vector(Enumerable.Repeat(1.0, n), ScalarType.Float64);
        using var ritz = TorchLanczos.Eigenpairs(v => h.mv(v), start, k);
        var eig = TensorConvert.ToDoubles(linalg.eigh(h).Item1);
        var r = TensorConvert.ToDoubles(ritz.Values);
        double tol = 1e-12 * eig.Max(Math.Abs);
        Assert.All(r, x => Assert.InRange(x, eig[0] - tol, eig[^1] + tol));
        Assert.True(r[^1] <= eig[^1] + tol && r[0] >= eig[0] - tol);
    }

    [Fact]
    public void RejectsBadInput()
    {
        using var scope = NewDisposeScope();
        var h = eye(3, dtype: ScalarType.Float64);
        Assert.Throws<ArgumentException>(() => TorchLanczos.Eigenpairs(v => h.mv(v), zeros(3, dtype: ScalarType.Float64), 2));
        Assert.Throws<ArgumentException>(() => TorchLanczos.Eigenpairs(v => h.mv(v), ones(3, dtype: ScalarType.Float64), 4));
        Assert.Throws<ArgumentException>(() => TorchLanczos.Eigenpairs(v => v[..2], ones(3, dtype: ScalarType.Float64), 2));
        Assert.Throws<ArgumentException>(() => TorchLanczos.Eigenpairs(v => v.Times(double.NaN), ones(3, dtype: ScalarType.Float64), 2));
    }
}
