using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Lodo;
using Verification.Optimizers.Stochastic;

namespace Verification.Optimizers.Lodo;

/// <summary>
/// LODO, lodo.md Algorithm 1, as written: x_{t+1} = x_t − G(θ_t)m_t; ℓ_{t+1} = f(x_{t+1});
/// θ_{t+1} = θ_t + Meta(∇_θ ℓ_{t+1}); m_{t+1} = βm_t + (1 − β)∇ℓ_{t+1}(x_{t+1}); m₀ = 0.
/// The hypergradient differentiates ℓ_{t+1} through the step: ∇_θ ℓ_{t+1} = −∂_θ(g_{t+1}ᵀ G(θ) m_t) with g_{t+1}
/// held fixed (exact reverse mode of <see cref="IPreconditionerModel.BilinearGradient"/>; for the dense model of
/// §4.1 this is the closed form −g_{t+1}m_tᵀ, eq. 26–28 with β = 0).
/// </summary>
public sealed class Lodo : IOptimizer, ITrackingOptimizer
{
    private readonly Func<IUpdateRule> metaOptimizer;
    private readonly string metaName;

    /// <summary>LODO with a model for G(θ), momentum β ∈ [0, 1), a meta-optimizer factory and the seed of θ₀.</summary>
    public Lodo(IPreconditionerModel model, double beta, Func<IUpdateRule> metaOptimizer, string metaName, int seed)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Beta = MovingAverages.RequireBeta(beta, nameof(beta));
        this.metaOptimizer = metaOptimizer ?? throw new ArgumentNullException(nameof(metaOptimizer));
        this.metaName = string.IsNullOrWhiteSpace(metaName) ? throw new ArgumentException("metaName must not be empty.", nameof(metaName)) : metaName;
        Seed = seed;
    }

    /// <summary>Algorithm 1 with Adam (β₁ = 0.9, β₂ = 0.999, ε = 1e-8: the paper does not state them) at meta-learning rate α.</summary>
    public static Lodo WithAdam(IPreconditionerModel model, double metaLearningRate, double beta, int seed)
    {
        Require.NonNegative(metaLearningRate, nameof(metaLearningRate));
        return new Lodo(model, beta, () => new AdamRule(metaLearningRate), $"adam(α={Require.Show(metaLearningRate)})", seed);
    }

    /// <summary>The simplified LODO of §4.1: SGD meta-step of rate α.</summary>
    public static Lodo WithSgd(IPreconditionerModel model, double metaLearningRate, double beta, int seed)
    {
        Require.NonNegative(metaLearningRate, nameof(metaLearningRate));
        return new Lodo(model, beta, () => new SgdRule(metaLearningRate), $"sgd(α={Require.Show(metaLearningRate)})", seed);
    }

    /// <summary>The model of G(θ).</summary>
    public IPreconditionerModel Model { get; }

    /// <summary>β.</summary>
    public double Beta { get; }

    /// <summary>The seed of θ₀.</summary>
    public int Seed { get; }

    /// <inheritdoc cref="IOptimizer.Name" />
    public string Name => $"lodo({Model.Name},β={Require.Show(Beta)},meta={metaName},seed={Seed})";

    /// <inheritdoc />
    public IOptimizerRun Start(IObjective objective, Vector<double> theta0) => TrackingAdapter.Start(this, objective, theta0);

    /// <inheritdoc />
    public ITrackingRun Start(Vector<double> x0, Vector<double> g0) => Begin(x0, g0);

    /// <summary>Starts a run whose learned state (θ_t, m_t) can be inspected.</summary>
    public LodoRun Begin(Vector<double> x0, Vector<double> g0) => Begin(x0, g0, Model.Initial(new System.Random(Seed)));

    /// <summary>Starts a run from a given θ₀ instead of the model's initialization.</summary>
    public LodoRun Begin(Vector<double> x0, Vector<double> g0, Vector<double> theta0)
    {
        Require.Finite(theta0, nameof(theta0));
        Require.SameLength(Model.ParameterCount, theta0.Count, nameof(theta0));
        Require.Finite(x0, nameof(x0));
        Require.SameLength(Model.Dimension, x0.Count, nameof(x0));
        Require.Finite(g0, nameof(g0));
        Require.SameLength(Model.Dimension, g0.Count, nameof(g0));
        return new LodoRun(Model, Beta, metaOptimizer(), x0.Clone(), theta0.Clone());
    }
}

/// <summary>One LODO run (Algorithm 1's loop body, split at the loss evaluation).</summary>
public sealed class LodoRun : ITrackingRun
{
    private readonly IPreconditionerModel model;
    private readonly double beta;
    private readonly IUpdateRule meta;
    private Vector<double> x, m, theta;
    private Vector<double>? proposal;

    internal LodoRun(IPreconditionerModel model, double beta, IUpdateRule meta, Vector<double> x0, Vector<double> theta0)
    {
        this.model = model;
        this.beta = beta;
        this.meta = meta;
        x = x0;
        theta = theta0;
        m = Vector<double>.Build.Dense(x0.Count);
    }

    /// <inheritdoc />
    public Vector<double> X => x.Clone();

    /// <summary>θ_t.</summary>
    public Vector<double> Theta => theta.Clone();

    /// <summary>m_t.</summary>
    public Vector<double> Momentum => m.Clone();

    /// <summary>The last hypergradient ∇_θ ℓ_{t} (zero before the first step).</summary>
    public Vector<double>? LastHypergradient { get; private set; }

    /// <summary>G(θ_t)v.</summary>
    public Vector<double> Precondition(Vector<double> v) => model.Apply(theta, v);

    /// <inheritdoc />
    public Vector<double> Propose()
    {
        proposal = x - model.Apply(theta, m);
        return proposal.Clone();
    }

    /// <inheritdoc />
    public void Accept(Vector<double> gradient)
    {
        if (proposal is null)
            throw new InvalidOperationException("Accept needs a preceding Propose.");
        Require.Finite(gradient, nameof(gradient));
        Require.SameLength(x.Count, gradient.Count, nameof(gradient));
        // ℓ_{t+1} = f(x_t − G(θ)m_t) ⇒ ∇_θ ℓ_{t+1} = −∂_θ(gᵀG(θ)m_t), g = ∇f(x_{t+1}).
        var hyper = -model.BilinearGradient(theta, gradient, m);
        LastHypergradient = hyper;
        theta = theta + meta.Step(hyper);
        m = beta * m + (1 - beta) * gradient;
        x = proposal;
        proposal = null;
    }
}
