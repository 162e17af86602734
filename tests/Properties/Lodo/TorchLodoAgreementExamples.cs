using MathNet.Numerics.LinearAlgebra;
using TorchSharp;
using Verification.Math.Lodo;
using Verification.Math.Torch.Lodo;
using Verification.Optimizers.Lodo;
using Verification.Tests.Properties.Torch;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Lodo;

/// <summary>The tensor G(θ) of eq. (2), its autograd hypergradient and the tensor Algorithm 1 against the double reference.</summary>
public class TorchLodoAgreementExamples
{
    public static TheoryData<int, int, int, int> Networks => new() { { 1, 1, 1, 1 }, { 3, 2, 2, 2 }, { 5, 4, 3, 3 }, { 7, 3, 4, 4 }, { 100, 4, 16, 5 } };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Apply_Float64_MatchesReference(int n, int k, int depth, int seed) => CheckApply(n, k, depth, seed, ScalarType.Float64, LodoTolerances.TorchFloat64);

    [Theory]
    [MemberData(nameof(Networks))]
    public void Apply_Float32_MatchesReference(int n, int k, int depth, int seed) => CheckApply(n, k, depth, seed, ScalarType.Float32, LodoTolerances.TorchFloat32);

    private static void CheckApply(int n, int k, int depth, int seed, ScalarType type, double tol)
    {
        using var scope = NewDisposeScope();
        var g = BlockPermutationPreconditioner.Random(n, k, depth, 0.27, seed);
        var theta = g.Initial(new System.Random(seed)) + Vector<double>.Build.Dense(g.ParameterCount, i => 0.01 * System.Math.Sin(i));
        var v = Vector<double>.Build.Dense(n, i => System.Math.Cos(i + seed));
        var tg = new TorchBlockPermutationPreconditioner(g);
        var actual = TensorConvert.ToDoubles(tg.Apply(TensorConvert.Vector(theta, type), TensorConvert.Vector(v, type)));
        var (ok, report) = LodoTolerances.Compare(g.Apply(theta, v).ToArray(), actual, tol);
        Assert.True(ok, report);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Hypergradient_Autograd_MatchesReverseModeReference(int n, int k, int depth, int seed)
    {
        using var scope = NewDisposeScope();
        var g = BlockPermutationPreconditioner.Random(n, k, depth, 0.5, seed);
        var r = new System.Random(seed);
        var theta = Vector<double>.Build.Dense(g.ParameterCount, _ => r.NextDouble() * 2 - 1);
        var a = Vector<double>.Build.Dense(n, _ => r.NextDouble() - 0.5);
        var u = Vector<double>.Build.Dense(n, _ => r.NextDouble() - 0.5);
        var tg = new TorchBlockPermutationPreconditioner(g);
        var actual = TensorConvert.ToDoubles(tg.Hypergradient(TensorConvert.Vector(theta, ScalarType.Float64), TensorConvert.Vector(a, ScalarType.Float64), TensorConvert.Vector(u, ScalarType.Float64)));
        var (ok, report) = LodoTolerances.Compare((-g.BilinearGradient(theta, a, u)).ToArray(), actual, LodoTolerances.TorchFloat64);
        Assert.True(ok, report);
    }

    [Fact]
    public void Algorithm1_TensorAutogradThroughTheStep_MatchesReferenceRun()
    {
        // f(x) = ½xᵀHx − cᵀx: the tensor run differentiates f(x_t − G(θ)m_t) in θ by autograd; the reference uses the
        // bilinear reverse mode with ∇f(x_{t+1}) held fixed. They must agree step by step.
        using var scope = NewDisposeScope();
        int n = 6;
        var r = new System.Random(3);
        var m = Matrix<double>.Build.Dense(n, n, (_, _) => r.NextDouble() - 0.5);
        var h = m.TransposeThisAndMultiply(m) + Matrix<double>.Build.DenseIdentity(n);
        var c = Vector<double>.Build.Dense(n, _ => r.NextDouble());
        var g = BlockPermutationPreconditioner.Random(n, 2, 3, 0.3, 9);
        var lodo = Verification.Optimizers.Lodo.Lodo.WithAdam(g, 0.01, 0.5, 9);
        var x0 = Vector<double>.Build.Dense(n, i => i - 2.0);
        var theta0 = g.Initial(new System.Random(9));
        var run = lodo.Begin(x0, h * x0 - c, theta0);
        var reference = new List<Vector<double>> { x0 };
        for (int t = 0; t < 8; t++)
        {
            var x = run.Propose();
            run.Accept(h * x - c);
            reference.Add(run.X);
        }
        var ht = TensorConvert.Matrix(h, ScalarType.Float64);
        var ct = TensorConvert.Vector(c, ScalarType.Float64);
        Tensor Loss(Tensor x) => 0.5 * x.dot(ht.mv(x)) - ct.dot(x);
        var xs = TorchLodo.Run(new TorchBlockPermutationPreconditioner(g), Loss, TensorConvert.Vector(x0, ScalarType.Float64), TensorConvert.Vector(theta0, ScalarType.Float64), 0.01, 0.5, 8);
        for (int t = 0; t < xs.Count; t++)
        {
            var (ok, report) = LodoTolerances.Compare(reference[t].ToArray(), TensorConvert.ToDoubles(xs[t]), 1e-10);
            Assert.True(ok, $"step {t}: {report}");
        }
    }

    [Fact]
    public void InvalidTensors_NameTheParameter()
    {
        using var scope = NewDisposeScope();
        var g = new TorchBlockPermutationPreconditioner(BlockPermutationPreconditioner.Random(3, 2, 2, 1.0, 1));
        var theta = zeros(g.Structure.ParameterCount, ScalarType.Float64);
        Assert.Equal("theta", Assert.Throws<ArgumentException>(() => g.Apply(zeros(5, ScalarType.Float64), zeros(3, ScalarType.Float64))).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => g.Apply(theta, zeros(3, ScalarType.Float32))).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => g.Apply(theta, tensor(new[] { 1.0, double.NaN, 0 }))).ParamName);
    }
}
