using Verification.Math;
using Verification.Math.Torch;
using Verification.Optimizers.Reference;
using static TorchSharp.torch;

namespace Verification.Optimizers.Torch;

/// <summary>
/// AMOS (elmo-amos Alg. 2) on TorchSharp with App. K's pair OPT¹ = SGD and OPT² = the diagonal Sophia of
/// <see cref="SophiaDiagonal"/> (curvature refreshed every step), for a flat parameter vector whose "tensors" are the
/// index groups of <see cref="AmosSettings.Tensors"/>. Same readings as <see cref="Amos"/>: λ_i^t = H_ii(θ_t), L_0 = 0.
/// The diagonal is exact (autograd Hessian) for n ≤ <see cref="DenseLimit"/>, else Hutchinson's estimate
/// mean_s z_s ⊙ H z_s with <see cref="HutchinsonSamples"/> Rademacher vectors from a seeded generator (Sophia's own estimator).
/// </summary>
public sealed class TorchAmos
{
    /// <summary>Creates AMOS with the given settings, SGD rate, Sophia parameters, and the dense/Hutchinson switch.</summary>
    public TorchAmos(AmosSettings settings, ElementwiseSgd firstOrder, SophiaDiagonal secondOrder, int denseLimit = 64, int hutchinsonSamples = 8, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings.Validated();
        FirstOrder = firstOrder ?? throw new ArgumentNullException(nameof(firstOrder));
        SecondOrder = secondOrder ?? throw new ArgumentNullException(nameof(secondOrder));
        if (secondOrder.HessianEvery != 1)
            throw new ArgumentException($"secondOrder.HessianEvery must be 1 on the tensor side, got {secondOrder.HessianEvery}.", nameof(secondOrder));
        DenseLimit = TorchChecks.InRange(denseLimit, 0, int.MaxValue, nameof(denseLimit));
        HutchinsonSamples = TorchChecks.InRange(hutchinsonSamples, 1, 1 << 20, nameof(hutchinsonSamples));
        Seed = seed;
    }

    /// <summary>Alg. 2's hyperparameters.</summary>
    public AmosSettings Settings { get; }

    /// <summary>OPT¹.</summary>
    public ElementwiseSgd FirstOrder { get; }

    /// <summary>OPT².</summary>
    public SophiaDiagonal SecondOrder { get; }

    /// <summary>The largest n whose Hessian diagonal is computed exactly.</summary>
    public int DenseLimit { get; }

    /// <summary>Rademacher samples per Hutchinson estimate.</summary>
    public int HutchinsonSamples { get; }

    /// <summary>The generator seed of the Hutchinson samples.</summary>
    public long Seed { get; }

    /// <summary>Starts a run at θ₀ (copied).</summary>
    public TorchAmosRun Start(Func<Tensor, Tensor> function, Tensor theta0)
    {
        ArgumentNullException.ThrowIfNull(function);
        TorchChecks.FiniteVector(theta0, nameof(theta0));
        Settings.Validated((int)theta0.shape[0]);
        return new TorchAmosRun(this, function, theta0);
    }

    /// <summary>One AMOS run; owns its tensors (dispose it).</summary>
    public sealed class TorchAmosRun : IDisposable
    {
        private readonly TorchAmos amos;
        private readonly Func<Tensor, Tensor> function;
        private readonly Generator generator;
        private Tensor theta, lipschitz, m, h;
        private Tensor? lambdaBefore, thetaBefore;
        private Tensor firstOrder;

        internal TorchAmosRun(TorchAmos amos, Func<Tensor, Tensor> function, Tensor theta0)
        {
            this.amos = amos;
            this.function = function;
            theta = theta0.detach().clone();
            lipschitz = zeros_like(theta);
            m = zeros_like(theta);
            h = zeros_like(theta);
            firstOrder = zeros(theta.shape, ScalarType.Bool, theta.device);
            generator = new Generator((ulong)amos.Seed, theta.device);
        }

        /// <summary>θ_t (a copy).</summary>
        public Tensor Theta => theta.clone();

        /// <summary>(L_t^i) (a copy).</summary>
        public Tensor Lipschitz => lipschitz.clone();

        /// <summary>OPTIM_i = OPT¹ as a bool tensor (a copy).</summary>
        public Tensor UsesFirstOrder => firstOrder.clone();

        /// <summary>t.</summary>
        public int Iteration { get; private set; }

        /// <summary>Takes one step of Alg. 2 (lines 3–15) and returns Δθ_t.</summary>
        public Tensor Step()
        {
            var s = amos.Settings;
            using var scope = NewDisposeScope();
            if (Iteration % s.HessianEvery == 0)
            {
                var lambda = Diagonal();
                if (lambdaBefore is not null && thetaBefore is not null)
                {
                    double distance = (theta - thetaBefore).norm().to_type(ScalarType.Float64).item<double>();
                    var slope = (lambda - lambdaBefore).abs() / (s.Epsilon2 + distance);
                    Replace(ref lipschitz, s.AlphaL * lipschitz + (1 - s.AlphaL) * slope);
                }
                ReplaceOptional(ref lambdaBefore, lambda);
                ReplaceOptional(ref thetaBefore, theta.clone());
                Replace(ref firstOrder, Assign());
            }
            var g = TorchHessian.Gradient(function, theta);
            var sophia = amos.SecondOrder;
            var second = firstOrder.logical_not();
            Replace(ref m, where(second, sophia.Beta1 * m + (1 - sophia.Beta1) * g, m));
            Replace(ref h, where(second, sophia.Beta2 * h + (1 - sophia.Beta2) * lambdaBefore!, h));
            var ratio = m / clamp_min(sophia.Rho * h, sophia.Epsilon);
            var delta = where(firstOrder, -amos.FirstOrder.LearningRate * g, -sophia.LearningRate * ratio.clamp(-1, 1));
            Replace(ref theta, theta + delta);
            Iteration++;
            return delta.MoveToOuterDisposeScope();
        }

        /// <summary>Releases the run's tensors.</summary>
        public void Dispose()
        {
            theta.Dispose();
            lipschitz.Dispose();
            m.Dispose();
            h.Dispose();
            firstOrder.Dispose();
            lambdaBefore?.Dispose();
            thetaBefore?.Dispose();
            generator.Dispose();
        }

        private static void Replace(ref Tensor field, Tensor value)
        {
            var old = field;
            field = value.detach().MoveToOuterDisposeScope();
            old.Dispose();
        }

        private static void ReplaceOptional(ref Tensor? field, Tensor value)
        {
            var old = field;
            field = value.detach().MoveToOuterDisposeScope();
            old?.Dispose();
        }

        private Tensor Diagonal()
        {
            long n = theta.shape[0];
            if (n <= amos.DenseLimit)
                return TorchHessian.Hessian(function, theta).diagonal();
            var sum = zeros_like(theta);
            for (int k = 0; k < amos.HutchinsonSamples; k++)
            {
                var z = randint(0, 2, theta.shape, dtype: theta.dtype, device: theta.device, generator: generator) * 2 - 1;
                sum = sum + z * TorchHessian.HessianVectorProduct(function, theta, z);
            }
            return sum / amos.HutchinsonSamples;
        }

        private Tensor Assign()
        {
            var s = amos.Settings;
            if (s.Assignment == AmosAssignment.PerCoordinate || s.Tensors is null)
                return lipschitz.gt(s.LThreshold);
            var result = zeros(theta.shape, ScalarType.Bool, theta.device);
            foreach (var group in s.Tensors)
            {
                var index = tensor(group.Select(i => (long)i).ToArray(), ScalarType.Int64).to(theta.device);
                var values = lipschitz.index_select(0, index);
                double aggregate = (s.Assignment == AmosAssignment.PerTensorMax ? values.max() : values.mean())
                    .to_type(ScalarType.Float64).item<double>();
                result = result.index_fill(0, index, aggregate > s.LThreshold);
            }
            return result;
        }
    }
}
