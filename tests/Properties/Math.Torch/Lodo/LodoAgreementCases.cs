using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Lodo;
using Verification.Numerics.Torch.Lodo;
using Verification.Numerics.Torch;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch.Lodo;

/// <summary>
/// Agreement cases of src/Numerics.Torch/Lodo (lodo.md eq. 2 and Algorithm 1): the tensor G(θ)v, its autograd hypergradient
/// and the tensor Algorithm 1 against <see cref="BlockPermutationPreconditioner"/> and <see cref="Verification.Optimizers.Lodo.Lodo"/>.
/// </summary>
internal static class LodoAgreementCases
{
    /// <summary>(n, k, N, seed): from one 1×1 block to n = 100 with 16 layers of 4×4 blocks.</summary>
    private static readonly (int N, int K, int Depth, int Seed)[] Networks = [(1, 1, 1, 1), (3, 2, 2, 2), (5, 4, 3, 3), (7, 3, 4, 4), (100, 4, 16, 5)];

    public static IEnumerable<AgreementCase> All => [Apply, Hypergradient, Algorithm1];

    /// <summary>
    /// G(θ)v = α₀·G̃ᵀG̃(v, 0) by gathers and batched block products against the reference's loops, θ near the orthogonal
    /// θ₀ of §3. Each of the 2N layers forms k-term dot products of a block row with the permuted vector (γ_k), and α₀
    /// multiplies once (and, in float32, is rounded to float32 once): both sides within (2N·k + 2)u of the same
    /// computation on absolute values, G(|θ|)|v|, which is what the scale is.
    /// </summary>
    private static AgreementCase Apply { get; } = new("lodo/block-permutation-apply",
        [TensorApi.Constructor(typeof(TorchBlockPermutationPreconditioner)), TensorApi.Member(typeof(TorchBlockPermutationPreconditioner), nameof(TorchBlockPermutationPreconditioner.Apply))],
        (device, dtype) => Networks.Select(net =>
        {
            var g = BlockPermutationPreconditioner.Random(net.N, net.K, net.Depth, 0.27, net.Seed);
            var theta = Round(g.Initial(new System.Random(net.Seed)) + Vector<double>.Build.Dense(g.ParameterCount, i => 0.01 * Math.Sin(i)), dtype);
            var v = Round(Vector<double>.Build.Dense(net.N, i => Math.Cos(i + net.Seed)), dtype);
            var actual = TensorConvert.ToDoubles(new TorchBlockPermutationPreconditioner(g).Apply(TensorConvert.Vector(theta, dtype, device), TensorConvert.Vector(v, dtype, device)));
            double k = 2 * net.Depth * net.K + 2;
            return new Agreement($"G(θ)v, {g.Name}", g.Apply(theta, v).ToArray(), actual, g.Apply(theta.PointwiseAbs(), v.PointwiseAbs()).ToArray(),
                Tolerances.Torch.Chains(k, k, dtype), i => $"entry {i}");
        }).ToArray());

    /// <summary>
    /// Algorithm 1's hypergradient −∂_θ(aᵀG(θ)u) by autograd against the reference's hand-written reverse mode
    /// (<see cref="BlockPermutationPreconditioner.BilinearGradient"/>). Every entry is a sum over the two passes of
    /// products of a forward activation (≤ 2N layers of k-term sums) and a backward cotangent (the same), times α₀: within
    /// (2·2N·k + 4)u of the same computation on absolute values, −∂_θ(|a|ᵀG(|θ|)|u|), the scale.
    /// </summary>
    private static AgreementCase Hypergradient { get; } = new("lodo/hypergradient",
        [TensorApi.Member(typeof(TorchBlockPermutationPreconditioner), nameof(TorchBlockPermutationPreconditioner.Hypergradient))],
        (device, dtype) => Networks.Select(net =>
        {
            var g = BlockPermutationPreconditioner.Random(net.N, net.K, net.Depth, 0.5, net.Seed);
            var r = new System.Random(net.Seed);
            var theta = Round(Vector<double>.Build.Dense(g.ParameterCount, _ => r.NextDouble() * 2 - 1), dtype);
            var a = Round(Vector<double>.Build.Dense(net.N, _ => r.NextDouble() - 0.5), dtype);
            var u = Round(Vector<double>.Build.Dense(net.N, _ => r.NextDouble() - 0.5), dtype);
            var actual = TensorConvert.ToDoubles(new TorchBlockPermutationPreconditioner(g).Hypergradient(
                TensorConvert.Vector(theta, dtype, device), TensorConvert.Vector(a, dtype, device), TensorConvert.Vector(u, dtype, device)));
            double k = 4 * net.Depth * net.K + 4;
            return new Agreement($"−∂_θ(aᵀG(θ)u), {g.Name}", (-g.BilinearGradient(theta, a, u)).ToArray(), actual,
                g.BilinearGradient(theta.PointwiseAbs(), a.PointwiseAbs(), u.PointwiseAbs()).ToArray(), Tolerances.Torch.Chains(k, k, dtype), i => $"entry {i}");
        }).ToArray());

    /// <summary>
    /// 8 steps of Algorithm 1 on f(x) = ½xᵀHx − cᵀx: the tensor run differentiates f(x_t − G(θ)m_t) in θ by autograd, the
    /// reference uses the bilinear reverse mode with ∇f(x_{t+1}) held fixed; every iterate x_t within
    /// <see cref="Tolerances.Torch.FirstOrderBound"/> × the drift bound of <see cref="LodoDriftBound"/>, carried along the
    /// reference run.
    /// </summary>
    private static AgreementCase Algorithm1 { get; } = new("lodo/algorithm-1",
        [TensorApi.Member(typeof(TorchLodo), nameof(TorchLodo.Run))],
        (device, dtype) =>
        {
            const int n = 6, steps = 8;
            const double metaRate = 0.01, beta = 0.5;
            var r = new System.Random(3);
            var m = Matrix<double>.Build.Dense(n, n, (_, _) => r.NextDouble() - 0.5);
            var h = Round(m.TransposeThisAndMultiply(m) + Matrix<double>.Build.DenseIdentity(n), dtype);
            var c = Round(Vector<double>.Build.Dense(n, _ => r.NextDouble()), dtype);
            var g = BlockPermutationPreconditioner.Random(n, 2, 3, 0.3, 9);
            var x0 = Vector<double>.Build.Dense(n, i => i - 2.0);
            var theta0 = Round(g.Initial(new System.Random(9)), dtype);
            var lodo = Verification.Optimizers.Lodo.Lodo.WithAdam(g, metaRate, beta, 9);
            var run = lodo.Begin(x0, h * x0 - c, theta0);
            var bound = new LodoDriftBound(g, h, c, metaRate, beta, dtype);
            var expected = new List<Vector<double>> { x0 };
            var drift = new List<Vector<double>> { Vector<double>.Build.Dense(n) };
            for (int t = 0; t < steps; t++)
            {
                var theta = run.Theta;
                var momentum = run.Momentum;
                var x = run.Propose();
                var gradient = h * x - c;
                run.Accept(gradient);
                drift.Add(bound.Advance(theta, run.Theta, momentum, x, gradient, run.LastHypergradient!));
                expected.Add(run.X);
            }
            var ht = TensorConvert.Matrix(h, dtype, device);
            var ct = TensorConvert.Vector(c, dtype, device);
            Tensor Loss(Tensor x) => x.dot(ht.mv(x)).Times(0.5) - ct.dot(x);
            var xs = TorchLodo.Run(new TorchBlockPermutationPreconditioner(g), Loss, TensorConvert.Vector(x0, dtype, device), TensorConvert.Vector(theta0, dtype, device), metaRate, beta, steps);
            return Enumerable.Range(0, steps + 1).Select(t => new Agreement($"x_{t}", expected[t].ToArray(), TensorConvert.ToDoubles(xs[t]),
                drift[t].ToArray(), Tolerances.Torch.FirstOrderBound, i => $"entry {i}")).ToArray();
        });

    private static Vector<double> Round(Vector<double> v, ScalarType dtype) => dtype == ScalarType.Float64 ? v : v.Map(x => (double)(float)x);

    private static Matrix<double> Round(Matrix<double> v, ScalarType dtype) => dtype == ScalarType.Float64 ? v : v.Map(x => (double)(float)x);
}
