using Verification.Optimizers.Reference;
using Verification.Optimizers.Torch;
using Verification.Tests.Properties.Torch;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.OptimizersTorch;

/// <summary>The tensor ELMO against the reference ELMO (<see cref="ElmoOptimizer"/>), dense and Lanczos paths.</summary>
public class TorchElmoOptimizerExamples
{
    /// <summary>
    /// float64: the two paths differ by eigensolver and autograd vs closed-form derivatives; each eigenvector is
    /// accurate to ~ε‖H‖/gap ≈ 1e-15 (‖H‖ ≈ 3, gap ≥ 0.5), so 1e-11 of ‖Δθ‖ leaves a factor &gt; 1000.
    /// </summary>
    private const double Float64Relative = 1e-11;

    /// <summary>
    /// float32: inputs round once (2⁻²⁴ relative) and every eigenvector carries ~ε₃₂‖H‖/gap ≈ 1e-6; eq. (7) amplifies
    /// relative errors of λ, |g| by at most 1 (its partial derivatives' elasticities are ≤ 1). 1e-4 of ‖Δθ‖ is ~100× that.
    /// </summary>
    private const double Float32Relative = 1e-4;

    /// <summary>Lanczos with k = n and full reorthogonalization reproduces the eigenpairs that carry ∇f: 1e-9 of ‖Δθ‖.</summary>
    private const double LanczosRelative = 1e-9;

    public static TheoryData<int, int> Cases => new() { { 1, 2 }, { 2, 3 }, { 3, 5 }, { 4, 8 } };

    private static double[] Reference(TorchOptimizerCase c, double l) =>
        new ElmoOptimizer(new ConstantLipschitz(l)).Update(c.Reference, c.Theta).ToArray();

    private static double[] Tensor(TorchOptimizerCase c, double l, ScalarType type, int denseLimit = 64)
    {
        using var scope = NewDisposeScope();
        var theta = TensorConvert.Vector(c.Theta, type);
        return TensorConvert.ToDoubles(new TorchElmoOptimizer(l, denseLimit, c.Theta.Count).Step(c.Function(type), theta));
    }

    private static void AssertClose(double[] expected, double[] actual, double relative, string what)
    {
        double scale = System.Math.Sqrt(expected.Sum(x => x * x));
        int worst = Enumerable.Range(0, expected.Length).MaxBy(i => System.Math.Abs(expected[i] - actual[i]));
        double gap = System.Math.Abs(expected[worst] - actual[worst]);
        Assert.True(gap <= relative * scale,
            $"{what}: worst index {worst}, reference {expected[worst]:R}, tensor {actual[worst]:R}, |Δ| = {gap:R} > {relative:R}·‖Δθ‖ = {relative * scale:R}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dense_Float64_MatchesReference(int seed, int n)
    {
        var c = TorchOptimizerCase.Random(seed, n);
        AssertClose(Reference(c, 1.5), Tensor(c, 1.5, ScalarType.Float64), Float64Relative, "float64 dense");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dense_Float32_WithinDocumentedBound(int seed, int n)
    {
        var c = TorchOptimizerCase.Random(seed, n);
        AssertClose(Reference(c, 1.5), Tensor(c, 1.5, ScalarType.Float32), Float32Relative, "float32 dense");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lanczos_Float64_WithFullKrylovSpace_MatchesReference(int seed, int n)
    {
        // A random θ makes ∇f generic, with a component along every eigenvector, so K_n(H, ∇f) = ℝⁿ.
        var c = TorchOptimizerCase.Random(seed, n);
        AssertClose(Reference(c, 1.5), Tensor(c, 1.5, ScalarType.Float64, denseLimit: 0), LanczosRelative, "float64 Lanczos");
    }

    [Fact]
    public void Lanczos_AtStationaryPoint_GivesZeroStepNotNaN()
    {
        // ∇f(0) = 0: the Krylov space is empty, so no direction is known; the dense path would escape along λ < 0.
        var c = TorchOptimizerCase.Random(5, 4) with { Theta = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(4) };
        Assert.All(Tensor(c, 1, ScalarType.Float64, denseLimit: 0), x => Assert.Equal(0.0, x));
        Assert.All(Tensor(c, 1, ScalarType.Float64), x => Assert.True(double.IsFinite(x)));
    }

    [Fact]
    public void Step_RejectsBadInput()
    {
        var c = TorchOptimizerCase.Random(1, 2);
        Assert.Throws<ArgumentException>(() => new TorchElmoOptimizer(0));
        Assert.Throws<ArgumentException>(() => new TorchElmoOptimizer(double.NaN));
        Assert.Throws<ArgumentException>(() => new TorchElmoOptimizer(1, lanczosSteps: 0));
        using var nan = TensorConvert.Vector([double.NaN, 0], ScalarType.Float64);
        var e = Assert.Throws<ArgumentException>(() => new TorchElmoOptimizer(1).Step(c.Function(ScalarType.Float64), nan));
        Assert.Equal("theta", e.ParamName);
        using var ints = tensor(new long[] { 1, 2 });
        Assert.Throws<ArgumentException>(() => new TorchElmoOptimizer(1).Step(c.Function(ScalarType.Float64), ints));
    }
}
