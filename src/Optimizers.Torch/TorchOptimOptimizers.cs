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
    public IOptimizerRun Start(IObjective objective, Vector<double> theta0)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Require.Finite(theta0, nameof(theta0));
        Require.SameLength(objective.Dimension, theta0.Count, nameof(theta0));
        return new Run(this, objective, theta0.Clone());
    }

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

/// <summary>torch.optim.SGD with momentum β = 0.9, dampening 0, lr η = 0.1: Polyak's heavy ball, declared.</summary>
public sealed class TorchSgdMomentum : TorchOptimOptimizer, IDeclaresGuarantees
{
    /// <inheritdoc />
    public override string Name => "torch.optim.SGD(lr=0.1, momentum=0.9)";

    /// <inheritdoc />
    public IReadOnlyList<Guarantee> Guarantees { get; } = [new HeavyBallMomentum(0.1, 0.9)];

    /// <inheritdoc />
    protected override optim.Optimizer Create(IEnumerable<Parameter> parameters) => optim.SGD(parameters, 0.1, momentum: 0.9);
}

/// <summary>torch.optim.SGD with Nesterov momentum β = 0.9, lr 0.1 (no declaration: it is not the heavy-ball recurrence).</summary>
public sealed class TorchSgdNesterov : TorchOptimOptimizer
{
    /// <inheritdoc />
    public override string Name => "torch.optim.SGD(lr=0.1, momentum=0.9, nesterov)";

    /// <inheritdoc />
    protected override optim.Optimizer Create(IEnumerable<Parameter> parameters) => optim.SGD(parameters, 0.1, momentum: 0.9, nesterov: true);
}

/// <summary>torch.optim.Adam(lr 0.01, β = (0.9, 0.999), ε = 1e-8), declaring Kingma &amp; Ba §2.1's bound on |Δθ|.</summary>
public sealed class TorchAdam : TorchOptimOptimizer, IDeclaresGuarantees
{
    /// <inheritdoc />
    public override string Name => "torch.optim.Adam(lr=0.01, β1=0.9, β2=0.999, ε=1e-8)";

    /// <inheritdoc />
    public IReadOnlyList<Guarantee> Guarantees { get; } = [BoundedStep.ForAdam(0.01, 0.9, 0.999)];

    /// <inheritdoc />
    protected override optim.Optimizer Create(IEnumerable<Parameter> parameters) => optim.Adam(parameters, 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8);
}

/// <summary>torch.optim.AdamW(lr 0.01, weight decay 0.01).</summary>
public sealed class TorchAdamW : TorchOptimOptimizer
{
    /// <inheritdoc />
    public override string Name => "torch.optim.AdamW(lr=0.01, weight_decay=0.01)";

    /// <inheritdoc />
    protected override optim.Optimizer Create(IEnumerable<Parameter> parameters) => optim.AdamW(parameters, 0.01, weight_decay: 0.01);
}

/// <summary>torch.optim.RMSprop(lr 0.01).</summary>
public sealed class TorchRmsProp : TorchOptimOptimizer
{
    /// <inheritdoc />
    public override string Name => "torch.optim.RMSprop(lr=0.01)";

    /// <inheritdoc />
    protected override optim.Optimizer Create(IEnumerable<Parameter> parameters) => optim.RMSProp(parameters, 0.01);
}

/// <summary>torch.optim.Adagrad(lr 0.01).</summary>
public sealed class TorchAdagrad : TorchOptimOptimizer
{
    /// <inheritdoc />
    public override string Name => "torch.optim.Adagrad(lr=0.01)";

    /// <inheritdoc />
    protected override optim.Optimizer Create(IEnumerable<Parameter> parameters) => optim.Adagrad(parameters, 0.01);
}

/// <summary>torch.optim.Adamax(lr 0.01).</summary>
public sealed class TorchAdamax : TorchOptimOptimizer
{
    /// <inheritdoc />
    public override string Name => "torch.optim.Adamax(lr=0.01)";

    /// <inheritdoc />
    protected override optim.Optimizer Create(IEnumerable<Parameter> parameters) => optim.Adamax(parameters, 0.01);
}

/// <summary>torch.optim.NAdam(lr 0.01).</summary>
public sealed class TorchNAdam : TorchOptimOptimizer
{
    /// <inheritdoc />
    public override string Name => "torch.optim.NAdam(lr=0.01)";

    /// <inheritdoc />
    protected override optim.Optimizer Create(IEnumerable<Parameter> parameters) => optim.NAdam(parameters, 0.01);
}

/// <summary>torch.optim.RAdam(lr 0.01).</summary>
public sealed class TorchRAdam : TorchOptimOptimizer
{
    /// <inheritdoc />
    public override string Name => "torch.optim.RAdam(lr=0.01)";

    /// <inheritdoc />
    protected override optim.Optimizer Create(IEnumerable<Parameter> parameters) => optim.RAdam(parameters, 0.01);
}

/// <summary>torch.optim.Rprop(lr 0.01).</summary>
public sealed class TorchRprop : TorchOptimOptimizer
{
    /// <inheritdoc />
    public override string Name => "torch.optim.Rprop(lr=0.01)";

    /// <inheritdoc />
    protected override optim.Optimizer Create(IEnumerable<Parameter> parameters) => optim.Rprop(parameters, 0.01);
}
