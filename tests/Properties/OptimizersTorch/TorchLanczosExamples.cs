using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers.Torch;
using Verification.Tests.Properties.Torch;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.OptimizersTorch;

/// <summary>Lanczos on a matrix operator against <c>linalg.eigh</c>.</summary>
public class TorchLanczosExamples
{
    /// <summary>Full reorthogonalization keeps Q orthonormal to ~nε; Ritz values of a full run are then within ~nε‖H‖: 1e-11·‖H‖ for n = 40.</summary>
    private const double FullRunRelative = 1e-11;

    private static Matrix<double> RandomSymmetric(int seed, int n)
    {
        var random = new System.Random(seed);
        var a = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5);
        return (a + a.Transpose()) / 2;
    }

    [Fact]
    public void FullRun_RitzValuesEqualEigh()
    {
        const int n = 40;
        using var scope = NewDisposeScope();
        var h = TensorConvert.Matrix(RandomSymmetric(7, n), ScalarType.Float64);
        var start = TensorConvert.Vector(Enumerable.Range(0, n).Select(i => 1.0 + 0.01 * i), ScalarType.Float64);
        using var ritz = TorchLanczos.Eigenpairs(v => h.mv(v), start, n);
        var (values, _) = linalg.eigh(h);
        double norm = TensorConvert.ToDoubles(values).Max(System.Math.Abs);
        Assert.Equal(n, ritz.Count);
        var expected = TensorConvert.ToDoubles(values);
        var actual = TensorConvert.ToDoubles(ritz.Values);
        for (int i = 0; i < n; i++)
            Assert.True(System.Math.Abs(expected[i] - actual[i]) <= FullRunRelative * norm, $"λ_{i}: eigh {expected[i]:R}, Lanczos {actual[i]:R}");
        // Ritz vectors are eigenvectors: ‖HV − VΛ‖ small.
        var residual = (h.mm(ritz.Vectors) - ritz.Vectors * ritz.Values.unsqueeze(0)).abs().max().item<double>();
        Assert.True(residual <= 1e-10 * norm, $"‖HV − VΛ‖_max = {residual:R}");
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
        double tol = 1e-12 * eig.Max(System.Math.Abs);
        Assert.All(r, x => Assert.InRange(x, eig[0] - tol, eig[^1] + tol));
        Assert.True(r[^1] <= eig[^1] + tol && r[0] >= eig[0] - tol);
    }

    [Fact]
    public void InvariantStart_StopsEarlyWithExactPair()
    {
        // Start on an eigenvector of diag(1, 2, 3): the Krylov space is 1-dimensional and β₁ = 0.
        using var scope = NewDisposeScope();
        var h = diag(tensor(new[] { 1.0, 2.0, 3.0 }));
        var start = tensor(new[] { 0.0, 1.0, 0.0 });
        using var ritz = TorchLanczos.Eigenpairs(v => h.mv(v), start, 3);
        Assert.Equal(1, ritz.Count);
        Assert.Equal(2.0, ritz.Values[0].item<double>(), 14);
    }

    [Fact]
    public void RejectsBadInput()
    {
        using var scope = NewDisposeScope();
        var h = eye(3, dtype: ScalarType.Float64);
        Assert.Throws<ArgumentException>(() => TorchLanczos.Eigenpairs(v => h.mv(v), zeros(3, dtype: ScalarType.Float64), 2));
        Assert.Throws<ArgumentException>(() => TorchLanczos.Eigenpairs(v => h.mv(v), ones(3, dtype: ScalarType.Float64), 4));
        Assert.Throws<ArgumentException>(() => TorchLanczos.Eigenpairs(v => v[..2], ones(3, dtype: ScalarType.Float64), 2));
        Assert.Throws<ArgumentException>(() => TorchLanczos.Eigenpairs(v => v * double.NaN, ones(3, dtype: ScalarType.Float64), 2));
    }
}
