using Verification.Numerics;
using static TorchSharp.torch;
using Verification.Numerics.Torch;
using Verification.Optimizers.Elementwise;

namespace Verification.Optimizers.Torch;

/// <summary>
/// An OPT¹ / OPT² of the tensor AMOS (elmo-amos Alg. 2, line 14: (Δθ_t)_i = OPTIM_i.step()), the tensor twin of
/// <see cref="IElementwiseOptimizer"/>: per-coordinate state, and only the coordinates a step owns move their state.
/// </summary>
public interface ITorchElementwiseOptimizer
{
    /// <summary>A short, stable name including the hyperparameters that matter.</summary>
    string Name { get; }

    /// <summary>Fresh per-coordinate state shaped, typed and placed like <paramref name="theta"/>.</summary>
    ITorchElementwiseState Start(Tensor theta);
}

/// <summary>The state of one <see cref="ITorchElementwiseOptimizer"/> within one run; owns its tensors (dispose it).</summary>
public interface ITorchElementwiseState : IDisposable
{
    /// <summary>
    /// (Δθ_t)_i for the coordinates where <paramref name="owned"/> is true (other entries are unspecified and ignored),
    /// from ∇f(θ_t) and, on demand, the Hessian diagonal H_ii(θ_t) (<paramref name="hessianDiagonal"/> computes it at
    /// most once per step). State moves only where <paramref name="owned"/> is true.
    /// </summary>
    Tensor Step(Tensor gradient, Func<Tensor> hessianDiagonal, Tensor owned);
}

/// <summary>The tensor twins of the reference element-wise optimizers.</summary>
public static class TorchElementwise
{
    /// <summary>
    /// The tensor twin of <paramref name="reference"/>: <see cref="ElementwiseSgd"/> → <see cref="TorchElementwiseSgd"/>,
    /// <see cref="SophiaDiagonal"/> → <see cref="TorchSophiaDiagonal"/>, with the same hyperparameters.
    /// </summary>
    /// <exception cref="ArgumentException">an element-wise optimizer without a tensor twin.</exception>
    public static ITorchElementwiseOptimizer Of(IElementwiseOptimizer reference) => reference switch
    {
        null => throw new ArgumentNullException(nameof(reference)),
        ElementwiseSgd sgd => new TorchElementwiseSgd(sgd.LearningRate),
        SophiaDiagonal s => new TorchSophiaDiagonal(s.LearningRate, s.Rho, s.Beta1, s.Beta2, s.Epsilon, s.HessianEvery),
        _ => throw new ArgumentException(
            $"reference must be ElementwiseSgd or SophiaDiagonal (the element-wise optimizers with a tensor twin), got {reference.GetType().Name} '{reference.Name}'.",
            nameof(reference)),
    };
}

/// <summary>SGD on the owned coordinates, (Δθ)_i = −η·∂_i f: the tensor twin of <see cref="ElementwiseSgd"/> (App. K's OPT¹).</summary>
public sealed class TorchElementwiseSgd : ITorchElementwiseOptimizer
{
    /// <summary>Creates SGD with learning rate η &gt; 0.</summary>
    public TorchElementwiseSgd(double learningRate) => LearningRate = Require.Positive(learningRate, nameof(learningRate));

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <inheritdoc />
    public string Name => $"sgd(η={Require.Show(LearningRate)})";

    /// <inheritdoc />
    public ITorchElementwiseState Start(Tensor theta) => new State(LearningRate);

    private sealed class State(double eta) : ITorchElementwiseState
    {
        public Tensor Step(Tensor gradient, Func<Tensor> hessianDiagonal, Tensor owned) => -eta * gradient;

        public void Dispose()
        {
        }
    }
}

/// <summary>
/// The diagonal Sophia of <see cref="SophiaDiagonal"/> on tensors (App. K's OPT²): on the owned coordinates
/// m ← β₁m + (1 − β₁)g; on every k-th step that owns a coordinate h ← β₂h + (1 − β₂)H_ii(θ_t);
/// (Δθ)_i = −η·clip(m_i / max(ρh_i, ε), 1). The same operations in the same order as the reference, so float64 runs
/// differ only through the derivatives' rounding.
/// </summary>
public sealed class TorchSophiaDiagonal : ITorchElementwiseOptimizer
{
    /// <summary>Creates the method; η, ε &gt; 0, β₁, β₂ ∈ [0, 1), ρ &gt; 0, k ≥ 1 (defaults as <see cref="SophiaDiagonal"/>).</summary>
    public TorchSophiaDiagonal(double learningRate, double rho = 0.01, double beta1 = 0.9, double beta2 = 0.95, double epsilon = 1e-12, int hessianEvery = 1)
    {
        // The reference validates the same ranges; building it checks them with the same messages.
        var reference = new SophiaDiagonal(learningRate, rho, beta1, beta2, epsilon, hessianEvery);
        LearningRate = reference.LearningRate;
        Rho = reference.Rho;
        Beta1 = reference.Beta1;
        Beta2 = reference.Beta2;
        Epsilon = reference.Epsilon;
        HessianEvery = reference.HessianEvery;
    }

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <summary>ρ.</summary>
    public double Rho { get; }

    /// <summary>β₁.</summary>
    public double Beta1 { get; }

    /// <summary>β₂.</summary>
    public double Beta2 { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <summary>k: h is refreshed on every k-th step of this optimizer that owns a coordinate (as the reference counts).</summary>
    public int HessianEvery { get; }

    /// <inheritdoc />
    public string Name => $"sophia(η={Require.Show(LearningRate)}, ρ={Require.Show(Rho)})";

    /// <inheritdoc />
    public ITorchElementwiseState Start(Tensor theta)
    {
        TorchArguments.FiniteVector(theta, nameof(theta));
        return new State(this, theta);
    }

    private sealed class State(TorchSophiaDiagonal sophia, Tensor theta) : ITorchElementwiseState
    {
        private Tensor m = zeros_like(theta).DetachFromDisposeScope();
        private Tensor h = zeros_like(theta).DetachFromDisposeScope();
        private int steps;

        public Tensor Step(Tensor gradient, Func<Tensor> hessianDiagonal, Tensor owned)
        {
            if (!owned.any().item<bool>())
                return zeros_like(gradient);
            bool refresh = steps % sophia.HessianEvery == 0;
            steps++;
            Replace(ref m, where(owned, sophia.Beta1 * m + (1 - sophia.Beta1) * gradient, m));
            if (refresh)
                Replace(ref h, where(owned, sophia.Beta2 * h + (1 - sophia.Beta2) * hessianDiagonal(), h));
            var ratio = m / clamp_min(sophia.Rho * h, sophia.Epsilon);
            return -sophia.LearningRate * ratio.clamp(-1, 1);
        }

        public void Dispose()
        {
            m.Dispose();
            h.Dispose();
        }

        private static void Replace(ref Tensor field, Tensor value)
        {
            var old = field;
            field = value.detach().DetachFromDisposeScope();
            old.Dispose();
        }
    }
}
