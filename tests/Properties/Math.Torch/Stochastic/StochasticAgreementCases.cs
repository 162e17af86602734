using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Statistics;
using Verification.Numerics.Torch.Stochastic;
using Verification.Optimizers;
using Verification.Optimizers.Stochastic;
using static TorchSharp.torch;
using Verification.Numerics.Random;

namespace Verification.Tests.Properties.Numerics.Torch.Stochastic;

/// <summary>
/// Agreement cases of src/Numerics.Torch/Stochastic (balles-thesis chs. 3–5): the SGD steps from per-sample gradients, the
/// variance adaptation factors of Fig. 5.2, and Adam / SVAG / M-SVAG against the reference optimizers.
/// </summary>
internal static class StochasticAgreementCases
{
    public static IEnumerable<AgreementCase> All =>
    [
        SgdPlain, SgdOptimalStepRule,
        Factor("erf", nameof(TorchVarianceAdaptationFactors.Erf), TorchVarianceAdaptationFactors.Erf, VarianceAdaptationFactors.Erf, _ => (7, 7)),
        Factor("adam", nameof(TorchVarianceAdaptationFactors.Adam), TorchVarianceAdaptationFactors.Adam, VarianceAdaptationFactors.Adam, h => (h + 1, 6)),
        Factor("svag", nameof(TorchVarianceAdaptationFactors.Svag), TorchVarianceAdaptationFactors.Svag, VarianceAdaptationFactors.Svag, h => (2 * h + 3, 13)),
        VarianceAdapted(VarianceAdaptedMethod.Adam), VarianceAdapted(VarianceAdaptedMethod.Svag), VarianceAdapted(VarianceAdaptedMethod.MSvag),
    ];

    /// <summary>Per-sample gradient batches (m × d): (2, 3), (8, 50), (32, 1000), means of either sign, spreads 0.5–2.5.</summary>
    private static double[][,] Batches(ScalarType dtype) =>
        [Batch(2, 3, 1, dtype), Batch(8, 50, 2, dtype), Batch(32, 1000, 3, dtype)];

    private static double[,] Batch(int m, int d, int seed, ScalarType dtype)
    {
        var random = new System.Random(seed);
        var rows = new double[m, d];
        for (int j = 0; j < m; j++)
            for (int i = 0; i < d; i++)
            {
                double x = (i % 4 - 1.5) + (i % 3 + 0.5) * (random.NextDouble() * 2 - 1);
                rows[j, i] = dtype == ScalarType.Float64 ? x : (float)x;
            }
        return rows;
    }

    /// <summary>
    /// −α·g, g the mean of the rows (eq. 3.7), against the mean formed by the reference (column sums / m, as a
    /// <see cref="GradientSample"/> holds it) times −α, and the closed form [[1, −2], [3, 4]], α = ½ ↦ [−1, −½]. The mean of m
    /// terms and the product round (m + 1) times on each side (any summation order: γ_m), relative to α·Σ_j|x_ji|/m.
    /// </summary>
    private static AgreementCase SgdPlain { get; } = new("stochastic/sgd-plain", [TensorApi.Member(typeof(TorchSgdStep), nameof(TorchSgdStep.Plain))],
        (device, dtype) =>
        {
            double alpha = dtype == ScalarType.Float64 ? 0.3 : (float)0.3;
            var results = Batches(dtype).Select(rows =>
            {
                var matrix = Matrix<double>.Build.DenseOfArray(rows);
                int m = matrix.RowCount;
                var expected = (-alpha * (matrix.ColumnSums() / m)).ToArray();
                var scale = (alpha * (matrix.PointwiseAbs().ColumnSums() / m)).ToArray();
                var actual = TensorConvert.ToDoubles(TorchSgdStep.Plain(tensor(rows, ScalarType.Float64).to(dtype, device), alpha));
                return new Agreement($"−α·g (m = {m})", expected, actual, scale, Tolerances.Torch.Chains(m + 1, m + 1, dtype), i => $"entry {i}");
            }).ToList();
            var closed = TensorConvert.ToDoubles(TorchSgdStep.Plain(tensor(new double[,] { { 1, -2 }, { 3, 4 } }, ScalarType.Float64).to(dtype, device), 0.5));
            results.Add(new Agreement("closed form", [-1.0, -0.5], closed, [1.0, 1.0], 0, i => $"entry {i}"));
            return results;
        });

    /// <summary>
    /// −(γ*/L)·g with γ* = (1 + η²/m)⁻¹ and η² = tr(s)/‖g‖² (Prop. 4.1, eqs. 3.30, 4.9, 4.11) against the reference's
    /// <see cref="NoiseToSignal.Estimate"/> and <see cref="VarianceAdaptedStepSgd.OptimalStepFactor"/>, plus the special cases
    /// zero mean with noise (γ* = 0, no move) and a noiseless batch (γ* = 1). Derived per entry: the mean within
    /// (m + 1)u·A_i (A_i = Σ_j|x_ji|/m); the variance's first-order dependence on the mean's error vanishes (Σ(x − g) = 0),
    /// so tr(s) is within (m + d + 4)u relative; ‖g‖² within 2(m + 1)u·Σ|g_i|A_i + d·u relative to ‖g‖²; γ* moves by
    /// (1 − γ*)(Δη²/η²) + 2u relative; the step by (γ*/L)((m + 1)u·A_i + |g_i|·Δγ*/γ*) + 2u|step|.
    /// </summary>
    private static AgreementCase SgdOptimalStepRule { get; } = new("stochastic/sgd-optimal-step-rule",
        [TensorApi.Member(typeof(TorchSgdStep), nameof(TorchSgdStep.OptimalStepRule))],
        (device, dtype) =>
        {
            const double smoothness = 2.5;
            double unit = Tolerances.Torch.Unit(dtype) + Tolerances.Torch.Float64Unit;
            var results = new List<Agreement>();
            foreach (var rows in Batches(dtype).Append(new double[,] { { 1, -1 }, { -1, 1 } }).Append(new double[,] { { 2, -4 }, { 2, -4 } }))
            {
                var matrix = Matrix<double>.Build.DenseOfArray(rows);
                int m = matrix.RowCount, d = matrix.ColumnCount;
                var g = matrix.ColumnSums() / m;
                var s = Vector<double>.Build.Dense(d, i => matrix.Column(i).Sum(x => (x - g[i]) * (x - g[i])) / (m - 1));
                double eta2 = NoiseToSignal.Estimate(new GradientSample(g, m, s));
                double gamma = VarianceAdaptedStepSgd.OptimalStepFactor(eta2, m);
                var expected = (-(gamma / smoothness) * g).ToArray();
                var spread = matrix.PointwiseAbs().ColumnSums() / m;
                double norm2 = g.DotProduct(g);
                double relativeEta = (m + d + 4) * unit + (norm2 > 0 ? 2 * (m + 1) * unit * g.PointwiseAbs().DotProduct(spread) / norm2 : 0) + (d + 1) * unit;
                double relativeGamma = (1 - gamma) * relativeEta + 2 * unit;
                var bound = Enumerable.Range(0, d).Select(i =>
                    gamma / smoothness * ((m + 1) * unit * spread[i] + Math.Abs(g[i]) * relativeGamma) + 2 * unit * Math.Abs(expected[i])).ToArray();
                var actual = TensorConvert.ToDoubles(TorchSgdStep.OptimalStepRule(tensor(rows, ScalarType.Float64).to(dtype, device), smoothness));
                results.Add(new Agreement($"−(γ*/L)·g (m = {m}, d = {d}, γ* = {gamma:G3})", expected, actual, bound, Tolerances.Torch.FirstOrderBound, i => $"entry {i}"));
            }
            return results;
        });

    /// <summary>
    /// A factor of Fig. 5.2 elementwise on η ∈ {0} ∪ [1e-15, 1e15] (float32) or [1e-150, 1e150] (float64), so that
    /// (1 + η²)⁻¹ stays a normal number of the dtype, against <see cref="VarianceAdaptationFactors"/>, relative to max(|a|, |b|).
    /// erf(1/(√2η)): √2·η, the reciprocal (3u, and erf's elasticity z·erf′(z)/erf(z) ≤ 1 passes them on) and erf (4u)
    /// on both sides: 7u each. (1 + η²)^(−1/2) = 1/hypot(1, η): hypot and a reciprocal on the tensor side, the reference's
    /// hypot by scaling (r = η/1, r², 1 + r², √, ×: 5u) and a reciprocal. (1 + η²)⁻¹: the square of that, 2k + 1.
    /// </summary>
    private static AgreementCase Factor(string name, string member, Func<Tensor, Tensor> tensorFactor, Func<double, double> reference,
        Func<double, (double Tensor, double Reference)> roundings) =>
        new($"stochastic/variance-factor/{name}", [TensorApi.Member(typeof(TorchVarianceAdaptationFactors), member)], (device, dtype) =>
        {
            double limit = dtype == ScalarType.Float64 ? 1e150 : 1e15;
            var random = new System.Random(20261213);
            double[] etas = [0, 1e-3, 0.5, 1, 1.9, 10, 1e6, limit, 1 / limit, .. Enumerable.Range(0, 256).Select(_ => Math.Exp((random.NextDouble() * 2 - 1) * Math.Log(limit)))];
            if (dtype == ScalarType.Float32)
                etas = etas.Select(e => (double)(float)e).ToArray();
            var expected = etas.Select(reference).ToArray();
            var actual = TensorConvert.ToDoubles(tensorFactor(TensorConvert.Vector(etas, dtype, device)));
            var (tensorRoundings, referenceRoundings) = roundings(Tolerances.Torch.Hypot(dtype));
            return [new Agreement($"{name} factor", expected, actual, Tolerances.MaxMagnitude(expected, actual),
                Tolerances.Torch.Chains(tensorRoundings, referenceRoundings, dtype), i => $"η = {etas[i]:R}")];
        });

    /// <summary>
    /// 30 steps of Adam (α = 0.01, β = (0.9, 0.999), ε = 1e-8), SVAG or M-SVAG (β = 0.9) on a gradient script (6 coordinates,
    /// coordinate 0 always 0: §5.4.4's "no update") against <see cref="Adam"/> and <see cref="VarianceAdapted"/>; every step
    /// within the bound of <see cref="VarianceAdaptedBound"/> carried along the script.
    /// </summary>
    private static AgreementCase VarianceAdapted(VarianceAdaptedMethod method) => new($"stochastic/variance-adapted/{method.ToString().ToLowerInvariant()}",
        [TensorApi.Constructor(typeof(TorchVarianceAdaptedStep)), TensorApi.Member(typeof(TorchVarianceAdaptedStep), nameof(TorchVarianceAdaptedStep.Step))],
        (device, dtype) =>
        {
            const double alpha = 0.01, beta1 = 0.9;
            double beta2 = method == VarianceAdaptedMethod.Adam ? 0.999 : 0.9, epsilon = method == VarianceAdaptedMethod.Adam ? 1e-8 : 0;
            var script = Script(30, 6, 9, dtype);
            IOptimizer reference = method switch
            {
                VarianceAdaptedMethod.Adam => new Adam(alpha, beta1, beta2, epsilon),
                VarianceAdaptedMethod.Svag => Verification.Optimizers.Stochastic.VarianceAdapted.Svag(alpha, beta1),
                _ => Verification.Optimizers.Stochastic.VarianceAdapted.MSvag(alpha, beta1),
            };
            var run = reference.Start(new ScriptedGradients(script), Vector<double>.Build.Dense(6));
            var state = new TorchVarianceAdaptedStep(method, alpha, beta1, beta2, epsilon, [6], dtype, device);
            var bound = new VarianceAdaptedBound(method, alpha, beta1, beta2, epsilon, 6, dtype);
            var results = new List<Agreement>();
            try
            {
                for (int t = 0; t < script.Length; t++)
                {
                    var expected = run.Step().ToArray();
                    var actual = TensorConvert.ToDoubles(state.Step(TensorConvert.Vector(script[t], dtype, device)));
                    results.Add(new Agreement($"Δθ_{t}", expected, actual, bound.Step(script[t]), Tolerances.Torch.FirstOrderBound, i => $"coordinate {i}"));
                }
            }
            finally
            {
                state.Dispose();
            }
            return results;
        });

    private static double[][] Script(int steps, int d, int seed, ScalarType dtype)
    {
        var random = new System.Random(seed);
        return Enumerable.Range(0, steps).Select(_ => Enumerable.Range(0, d).Select(i =>
        {
            double x = i == 0 ? 0.0 : (i == 1 ? 1.0 : 0.5) + (i % 3 + 0.5) * StandardNormal.Draw(random);
            return dtype == ScalarType.Float64 ? x : (float)x;
        }).ToArray()).ToArray();
    }

    /// <summary>Gradients replayed from a script (f = 0): both implementations see the same g_t.</summary>
    private sealed class ScriptedGradients(double[][] script) : IStochasticObjective
    {
        public string Name => "scripted";

        public int Dimension => script[0].Length;

        public double Value(Vector<double> theta) => 0;

        public Vector<double> Gradient(Vector<double> theta) => Vector<double>.Build.Dense(Dimension);

        public Matrix<double> Hessian(Vector<double> theta) => Matrix<double>.Build.Dense(Dimension, Dimension);

        public Vector<double>? PerSampleVariance(Vector<double> theta) => null;

        public IGradientSampler OpenSampler() => new Sampler(script);

        private sealed class Sampler(double[][] script) : IGradientSampler
        {
            private int next;

            public GradientSample Sample(Vector<double> theta, int batchSize) =>
                new(Vector<double>.Build.DenseOfArray(script[next++]), batchSize, null);
        }
    }
}
