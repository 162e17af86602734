using TorchSharp;
using Verification.Numerics;
using Verification.Numerics.Torch;
using static TorchSharp.torch;
using Verification.Optimizers.SecondOrder;
using Verification.Optimizers.Stochastic;

namespace Verification.Optimizers.Torch;

/// <summary>
/// AMOS (elmo-amos Alg. 2) on TorchSharp with pluggable OPT¹ / OPT²: the same <see cref="CoordinatewiseOptimizer"/>
/// values as the reference <see cref="Amos"/> (App. K's pair is <see cref="Sgd"/> and <see cref="SophiaDiagonal"/>), each
/// stepped through its tensor rule (<see cref="TorchCoordinatewise.Start"/>), for a flat parameter vector whose "tensors" are the index groups of
/// <see cref="AmosSettings.Tensors"/>. Same readings as <see cref="Amos"/> with the default
/// <see cref="AmosCurvatureBasis.HessianDiagonal"/> (the only basis implemented here): λ_i^t = H_ii(θ_t), L_0 = 0.
/// The diagonal is exact (autograd Hessian) for n ≤ <see cref="DenseLimit"/>, else Hutchinson's estimate
/// mean_s z_s ⊙ H z_s with <see cref="HutchinsonSamples"/> Rademacher vectors from a seeded generator (Sophia's own
/// estimator); it is computed at most once per step and shared by line 4 and an optimizer that asks for it.
/// </summary>
public sealed class TorchAmos
{
    /// <summary>Creates AMOS with the given settings, OPT¹, OPT², and the dense/Hutchinson switch.</summary>
    /// <exception cref="ArgumentException">
    /// settings out of range, <see cref="AmosSettings.Basis"/> other than the Hessian diagonal, or an OPT that cannot fill
    /// a slot (<see cref="Amos.RequireSlot"/>) or has no tensor rule (<see cref="TorchCoordinatewise.HasTensorRule"/>).
    /// </exception>
    public TorchAmos(AmosSettings settings, CoordinatewiseOptimizer firstOrder, CoordinatewiseOptimizer secondOrder, int denseLimit = 64, int hutchinsonSamples = 8, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings.Validated();
        if (settings.Basis != AmosCurvatureBasis.HessianDiagonal)
            throw new ArgumentException($"Basis must be HessianDiagonal on the tensor side (the eigenspace basis is implemented by the reference Amos only), got {settings.Basis}.", nameof(settings));
        FirstOrder = TorchCoordinatewise.RequireTensorRule(Amos.RequireSlot(firstOrder, nameof(firstOrder)), nameof(firstOrder));
        SecondOrder = TorchCoordinatewise.RequireTensorRule(Amos.RequireSlot(secondOrder, nameof(secondOrder)), nameof(secondOrder));
        DenseLimit = Require.InRange(denseLimit, 0, int.MaxValue, nameof(denseLimit));
        HutchinsonSamples = Require.InRange(hutchinsonSamples, 1, 1 << 20, nameof(hutchinsonSamples));
        Seed = seed;
    }

    /// <summary>Alg. 2's hyperparameters.</summary>
    public AmosSettings Settings { get; }

    /// <summary>OPT¹.</summary>
    public CoordinatewiseOptimizer FirstOrder { get; }

    /// <summary>OPT².</summary>
    public CoordinatewiseOptimizer SecondOrder { get; }

    /// <summary>A short, stable name (as <see cref="Amos.Name"/>).</summary>
    public string Name => $"torch-amos({FirstOrder.Name}|{SecondOrder.Name}, L_thresh={Require.Show(Settings.LThreshold)}, α_L={Require.Show(Settings.AlphaL)}, {Settings.Assignment})";

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
        TorchArguments.FiniteVector(theta0, nameof(theta0));
        Settings.Validated((int)theta0.shape[0]);
        return new TorchAmosRun(this, function, theta0);
    }

    /// <summary>One AMOS run; owns its tensors (dispose it).</summary>
    public sealed class TorchAmosRun : IDisposable
    {
        private readonly TorchAmos amos;
        private readonly Func<Tensor, Tensor> function;
        private readonly Generator generator;
        private readonly ITorchCoordinatewiseRule first, second;
        private Tensor theta, lipschitz;
        private Tensor? lambdaBefore, thetaBefore;
        private Tensor firstOrder;

        internal TorchAmosRun(TorchAmos amos, Func<Tensor, Tensor> function, Tensor theta0)
        {
            this.amos = amos;
            this.function = function;
            theta = theta0.detach().clone().DetachFromDisposeScope();
            lipschitz = zeros_like(theta).DetachFromDisposeScope();
            firstOrder = zeros(theta.shape, ScalarType.Bool, theta.device).DetachFromDisposeScope();
            generator = new Generator((ulong)amos.Seed, theta.device);
            first = TorchCoordinatewise.Start(amos.FirstOrder, theta);
            second = TorchCoordinatewise.Start(amos.SecondOrder, theta);
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
            Tensor? diagonal = null;
            Tensor HessianDiagonal() => diagonal ??= Diagonal();
            if (Iteration % s.HessianEvery == 0)
            {
                var lambda = HessianDiagonal();
                if (lambdaBefore is not null && thetaBefore is not null)
                {
                    double distance = (theta - thetaBefore).norm().to_type(ScalarType.Float64).item<double>();
                    var slope = (lambda - lambdaBefore).abs().DividedBy(s.Epsilon2 + distance);
                    Replace(ref lipschitz, lipschitz.Times(s.AlphaL).Plus(slope.Times(1 - s.AlphaL)));
                }
                ReplaceOptional(ref lambdaBefore, lambda);
                ReplaceOptional(ref thetaBefore, theta.clone());
                Replace(ref firstOrder, Assign());
            }
            var g = TorchHessian.Gradient(function, theta);
            var secondOrder = firstOrder.logical_not();
            var delta = where(firstOrder, first.Step(g, HessianDiagonal, firstOrder), second.Step(g, HessianDiagonal, secondOrder));
            Replace(ref theta, theta.Plus(delta));
            Iteration++;
            return delta.MoveToOuterDisposeScope();
        }

        /// <summary>Releases the run's tensors.</summary>
        public void Dispose()
        {
            theta.Dispose();
            lipschitz.Dispose();
            first.Dispose();
            second.Dispose();
            firstOrder.Dispose();
            lambdaBefore?.Dispose();
            thetaBefore?.Dispose();
            generator.Dispose();
        }

        private static void Replace(ref Tensor field, Tensor value)
        {
            var old = field;
            field = value.detach().DetachFromDisposeScope();
            old.Dispose();
        }

        private static void ReplaceOptional(ref Tensor? field, Tensor value)
        {
            var old = field;
            field = value.detach().DetachFromDisposeScope();
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
                var z = randint(0, 2, theta.shape, dtype: theta.dtype, device: theta.device, generator: generator).Times(2).Minus(1);
                sum = sum.Plus(z * TorchHessian.HessianVectorProduct(function, theta, z));
            }
            return sum.DividedBy(amos.HutchinsonSamples);
        }

        private Tensor Assign()
        {
            var s = amos.Settings;
            if (s.Assignment == AmosAssignment.PerCoordinate || s.Tensors is null)
            {
                using var threshold = s.LThreshold.ToScalar();
                return lipschitz.gt(threshold);
            }
            var result = zeros(theta.shape, ScalarType.Bool, theta.device);
            foreach (var group in s.Tensors)
            {
                var index = tensor(group.Select(i => (long)i).ToArray(), ScalarType.Int64).to(theta.device);
                var values = lipschitz.index_select(0, index);
                double aggregate = (s.Assignment == AmosAssignment.PerTensorMax ? values.max() : values.mean())
                    .to_type(ScalarType.Float64).item<double>();
                using var large = (aggregate > s.LThreshold).ToScalar();
                result = result.index_fill(0, index, large);
            }
            return result;
        }
    }
}
