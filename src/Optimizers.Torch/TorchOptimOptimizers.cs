using MathNet.Numerics.LinearAlgebra;
using TorchSharp.Modules;
using Verification.Numerics;
using Verification.Optimizers.Guarantees;
using static TorchSharp.torch;

namespace Verification.Optimizers.Torch;

/// <summary>
/// TorchSharp's own <c>torch.optim</c> optimizers behind <see cref="IOptimizer"/>, on float64 tensors, so that
/// <c>check-optimizer</c> and the agreement tests run code nobody here wrote. A run holds θ as one float64 parameter
/// and a fresh torch optimizer; each step sets the parameter's gradient to the oracle's ∇f(θ_t) exactly (through the
/// backward pass of ⟨θ, g⟩, whose gradient is g bit for bit), calls <c>step()</c>, and returns θ_{t+1} − θ_t computed
/// in double (exact when the two iterates are within a factor 2 of each other, Sterbenz; otherwise rounded once).
/// </summary>
public abstract class TorchOptimOptimizer : IOptimizer
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>The torch optimizer over <paramref name="parameters"/> with this adapter's hyperparameters.</summary>
    protected abstract optim.Optimizer Create(IEnumerable<Parameter> parameters);

    /// <inheritdoc />
    public IOptimizerRun Start(IObjective objective, Vector<double> theta0) =>
        new Run(this, objective, OptimizerArguments.StartingPoint(objective, theta0));

    private sealed class Run : IOptimizerRun
    {
        private readonly IObjective objective;
        private readonly Parameter parameter;
        private readonly optim.Optimizer optimizer;
        private Vector<double> theta;

        internal Run(TorchOptimOptimizer owner, IObjective objective, Vector<double> theta0)
        {
            this.objective = objective;
            theta = theta0;
            parameter = new Parameter(tensor(theta0.ToArray(), ScalarType.Float64), requires_grad: true);
            optimizer = owner.Create([parameter]);
        }

        public Vector<double> Theta => theta.Clone();

        public int Iteration { get; private set; }

        public Vector<double> Step()
        {
            var g = objective.Gradient(theta);
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                var direction = tensor(g.ToArray(), ScalarType.Float64);
                (parameter * direction).sum().backward();
                optimizer.step();
                using var noGrad = no_grad();
                var next = Vector<double>.Build.DenseOfArray(parameter.detach().cpu().data<double>().ToArray());
                var delta = next - theta;
                theta = next;
                Iteration++;
                return delta;
            }
        }
    }
}

/// <summary>
/// A fixed torch.optim configuration given by its name and how to build it over the run's parameters; the built-in
/// adapters below are such configurations (subclass <see cref="TorchOptimOptimizer"/> directly for anything else).
/// </summary>
/// <param name="name">The optimizer's <see cref="TorchOptimOptimizer.Name"/>, with the hyperparameters that matter.</param>
/// <param name="create">Builds the torch optimizer over the run's parameters.</param>
public abstract class TorchOptimConfiguration(string name, Func<IEnumerable<Parameter>, optim.Optimizer> create) : TorchOptimOptimizer
{
    /// <inheritdoc />
    public sealed override string Name => name;

    /// <inheritdoc />
    protected sealed override optim.Optimizer Create(IEnumerable<Parameter> parameters) => create(parameters);
}

/// <summary>torch.optim.SGD with momentum β = 0.9, dampening 0, lr η = 0.1: Polyak's heavy ball, declared.</summary>
public sealed class TorchSgdMomentum() : TorchOptimConfiguration("torch.optim.SGD(lr=0.1, momentum=0.9)", p => optim.SGD(p, 0.1, momentum: 0.9)), IDeclaresGuarantees
{
    /// <inheritdoc />
    public IReadOnlyList<Guarantee> Guarantees { get; } = [new HeavyBallMomentum(0.1, 0.9)];
}

/// <summary>torch.optim.SGD with Nesterov momentum β = 0.9, lr 0.1 (no declaration: it is not the heavy-ball recurrence).</summary>
public sealed class TorchSgdNesterov() : TorchOptimConfiguration("torch.optim.SGD(lr=0.1, momentum=0.9, nesterov)", p => optim.SGD(p, 0.1, momentum: 0.9, nesterov: true));

/// <summary>torch.optim.Adam(lr 0.01, β = (0.9, 0.999), ε = 1e-8), declaring Kingma &amp; Ba §2.1's bound on |Δθ|.</summary>
public sealed class TorchAdam() : TorchOptimConfiguration("torch.optim.Adam(lr=0.01, β1=0.9, β2=0.999, ε=1e-8)", p => optim.Adam(p, 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8)), IDeclaresGuarantees
{
    /// <inheritdoc />
    public IReadOnlyList<Guarantee> Guarantees { get; } = [BoundedStep.ForAdam(0.01, 0.9, 0.999)];
}

/// <summary>torch.optim.AdamW(lr 0.01, weight decay 0.01).</summary>
public sealed class TorchAdamW() : TorchOptimConfiguration("torch.optim.AdamW(lr=0.01, weight_decay=0.01)", p => optim.AdamW(p, 0.01, weight_decay: 0.01));

/// <summary>torch.optim.RMSprop(lr 0.01).</summary>
public sealed class TorchRmsProp() : TorchOptimConfiguration("torch.optim.RMSprop(lr=0.01)", p => optim.RMSProp(p, 0.01));

/// <summary>torch.optim.Adagrad(lr 0.01).</summary>
public sealed class TorchAdagrad() : TorchOptimConfiguration("torch.optim.Adagrad(lr=0.01)", p => optim.Adagrad(p, 0.01));

/// <summary>torch.optim.Adamax(lr 0.01).</summary>
public sealed class TorchAdamax() : TorchOptimConfiguration("torch.optim.Adamax(lr=0.01)", p => optim.Adamax(p, 0.01));

/// <summary>torch.optim.NAdam(lr 0.01).</summary>
public sealed class TorchNAdam() : TorchOptimConfiguration("torch.optim.NAdam(lr=0.01)", p => optim.NAdam(p, 0.01));

/// <summary>torch.optim.RAdam(lr 0.01).</summary>
public sealed class TorchRAdam() : TorchOptimConfiguration("torch.optim.RAdam(lr=0.01)", p => optim.RAdam(p, 0.01));

/// <summary>torch.optim.Rprop(lr 0.01).</summary>
public sealed class TorchRprop() : TorchOptimConfiguration("torch.optim.Rprop(lr=0.01)", p => optim.Rprop(p, 0.01));
