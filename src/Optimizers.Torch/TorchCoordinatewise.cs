using TorchSharp;
using static TorchSharp.torch;
using Verification.Numerics.Torch;
using Verification.Optimizers.SecondOrder;
using Verification.Optimizers.Stochastic;

namespace Verification.Optimizers.Torch;

/// <summary>
/// The tensor twin of <see cref="ICoordinatewiseRule"/>: one run's per-coordinate state of a
/// <see cref="CoordinatewiseOptimizer"/> on tensors, for the slots of <see cref="TorchAmos"/> (elmo-amos Alg. 2, line 14:
/// (Δθ_t)_i = OPTIM_i.step()); owns its tensors (dispose it).
/// </summary>
public interface ITorchCoordinatewiseRule : IDisposable
{
    /// <summary>
    /// (Δθ_t)_i for the coordinates where <paramref name="owned"/> is true (other entries are unspecified and ignored),
    /// from ∇f(θ_t) and, on demand, the Hessian diagonal H_ii(θ_t) (<paramref name="hessianDiagonal"/> computes it at
    /// most once per step). State moves only where <paramref name="owned"/> is true.
    /// </summary>
    Tensor Step(Tensor gradient, Func<Tensor> hessianDiagonal, Tensor owned);
}

/// <summary>
/// A user's <see cref="CoordinatewiseOptimizer"/> that brings its own tensor rule, so that it can fill a slot of
/// <see cref="TorchAmos"/> (the built-in <see cref="Sgd"/> and <see cref="SophiaDiagonal"/> need not).
/// </summary>
public interface ITorchCoordinatewise
{
    /// <summary>Fresh per-coordinate state shaped, typed and placed like <paramref name="theta"/>.</summary>
    ITorchCoordinatewiseRule StartTensorRule(Tensor theta);
}

/// <summary>
/// The tensor rules of the coordinatewise optimizers. The optimizer value (<see cref="Sgd"/>, <see cref="SophiaDiagonal"/>)
/// is the one that carries the hyperparameters, their validation and the name; a tensor rule reads them from it and holds
/// only the tensor state. The update formulas stay written twice, once per coordinate on doubles and once as whole-tensor
/// operations under an ownership mask (<c>where</c>), because the two sides are the reference and its independent tensor
/// twin that the agreement table compares; they perform the same IEEE operations in the same order.
/// </summary>
public static class TorchCoordinatewise
{
    /// <summary>Whether <paramref name="optimizer"/> has a tensor rule: <see cref="Sgd"/>, <see cref="SophiaDiagonal"/>, or an <see cref="ITorchCoordinatewise"/>.</summary>
    public static bool HasTensorRule(CoordinatewiseOptimizer optimizer) =>
        optimizer is Sgd or SophiaDiagonal or ITorchCoordinatewise;

    /// <summary>The tensor rule of <paramref name="optimizer"/> on a parameter shaped, typed and placed like <paramref name="theta"/>.</summary>
    /// <exception cref="ArgumentException">an optimizer without a tensor rule (<see cref="HasTensorRule"/>), or θ not a finite vector.</exception>
    public static ITorchCoordinatewiseRule Start(CoordinatewiseOptimizer optimizer, Tensor theta)
    {
        RequireTensorRule(optimizer, nameof(optimizer));
        TorchArguments.FiniteVector(theta, nameof(theta));
        return optimizer switch
        {
            ITorchCoordinatewise own => own.StartTensorRule(theta),
            Sgd sgd => new SgdRule(sgd.StepSize),
            _ => new SophiaRule((SophiaDiagonal)optimizer, theta),
        };
    }

    /// <summary>Rejects a null optimizer or one without a tensor rule, naming the parameter <paramref name="name"/>.</summary>
    internal static CoordinatewiseOptimizer RequireTensorRule(CoordinatewiseOptimizer? optimizer, string name)
    {
        ArgumentNullException.ThrowIfNull(optimizer, name);
        if (!HasTensorRule(optimizer))
            throw new ArgumentException(
                $"{name} must be Sgd, SophiaDiagonal or an ITorchCoordinatewise (the coordinatewise optimizers with a tensor rule), got {optimizer.GetType().Name} '{optimizer.Name}'.",
                name);
        return optimizer;
    }

    /// <summary>SGD on the owned coordinates, (Δθ)_i = −α·∂_i f (App. K's OPT¹): the tensor twin of <see cref="Sgd"/>'s rule.</summary>
    private sealed class SgdRule(double alpha) : ITorchCoordinatewiseRule
    {
        public Tensor Step(Tensor gradient, Func<Tensor> hessianDiagonal, Tensor owned) => gradient.Times(-alpha);

        public void Dispose()
        {
        }
    }

    /// <summary>
    /// <see cref="SophiaDiagonal"/>'s rule on tensors (App. K's OPT²): on the owned coordinates m ← β₁m + (1 − β₁)g; on
    /// every k-th step that owns a coordinate h ← β₂h + (1 − β₂)H_ii(θ_t); (Δθ)_i = −η·clip(m_i / max(ρh_i, ε), 1).
    /// The same operations in the same order as the reference, so float64 runs differ only through the derivatives' rounding.
    /// </summary>
    private sealed class SophiaRule(SophiaDiagonal sophia, Tensor theta) : ITorchCoordinatewiseRule
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
            Replace(ref m, where(owned, m.Times(sophia.Beta1).Plus(gradient.Times(1 - sophia.Beta1)), m));
            if (refresh)
                Replace(ref h, where(owned, h.Times(sophia.Beta2).Plus(hessianDiagonal().Times(1 - sophia.Beta2)), h));
            using var epsilon = sophia.Epsilon.ToScalar();
            var ratio = m / clamp_min(h.Times(sophia.Rho), epsilon);
            return ratio.clamp(TorchScalars.MinusOne, TorchScalars.One).Times(-sophia.LearningRate);
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
