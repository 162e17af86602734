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
public sealed class Lodo : IOptimizer
{
    private readonly Func<IStepRule> metaOptimizer;
    private readonly string metaName;

    /// <summary>LODO with a model for G(θ), momentum β ∈ [0, 1), a meta-optimizer (a fresh step rule per run, fed ∇_θℓ) and the seed of θ₀.</summary>
    public Lodo(IPreconditionerModel model, double beta, Func<IStepRule> metaOptimizer, string metaName, int seed)
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
        return new Lodo(model, beta, () => new Adam(metaLearningRate).StartRule(model.ParameterCount), $"adam(α={Require.Show(metaLearningRate)})", seed);
    }

    /// <summary>The simplified LODO of §4.1: SGD meta-step of rate α.</summary>
    public static Lodo WithSgd(IPreconditionerModel model, double metaLearningRate, double beta, int seed)
    {
        Require.NonNegative(metaLearningRate, nameof(metaLearningRate));
        return new Lodo(model, beta, () => new Sgd(metaLearningRate).StartRule(), $"sgd(α={Require.Show(metaLearningRate)})", seed);
    }

    /// <summary>The model of G(θ).</summary>
    public IPreconditionerModel Model { get; }

    /// <summary>β.</summary>
    public double Beta { get; }

    /// <summary>The seed of θ₀.</summary>
    public int Seed { get; }

    /// <inheritdoc cref="IOptimizer.Name" />
    public string Name => $"lodo({Model.Name},β={Require.Show(Beta)},meta={metaName},seed={Seed})";

    /// <summary>
    /// Starts a run on <paramref name="objective"/> at x₀ = <paramref name="theta0"/> (here θ₀ is the optimizer's
    /// iterate, named as in <see cref="IOptimizer"/>; G's parameters start from the model's seeded initialization). The
    /// gradients come from the objective's sampler, so on a moving objective each one belongs to the time of its step.
    /// </summary>
    public IOptimizerRun Start(IObjective objective, Vector<double> theta0)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Require.Finite(theta0, nameof(theta0));
        Require.SameLength(objective.Dimension, theta0.Count, nameof(theta0));
        var run = Begin(theta0, Vector<double>.Build.Dense(theta0.Count));
        run.Sampler = GradientSamplers.Open(objective);
        return run;
    }

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

/// <summary>
/// One LODO run (Algorithm 1's loop body, split at the loss evaluation): <see cref="Propose"/> x_{t+1}, then
/// <see cref="Accept"/> ∇f(x_{t+1}). As an <see cref="IOptimizerRun"/> (a run from <see cref="Lodo.Start"/>) each step
/// accepts the sampled gradient at the pending proposal and proposes the next iterate.
/// </summary>
/// <remarks>
/// Range and accuracy over the whole double range (u = 2^-53): <see cref="Precondition"/> is the model's Apply (its
/// own range and accuracy); a proposal is x_t + (−G(θ_t)m_t) rounded once per entry, ±∞ where that sum is beyond
/// ±double.MaxValue (the divergence a run reports through its iterate; such a proposal is never accepted). Accept
/// takes θ_{t+1} = θ_t + Δθ rounded once per entry (Δθ the meta-rule's step) and m_{t+1} = fl(fl(β·m_t) +
/// fl(fl(1 − β)·g)), within γ₃·(|β·m_t| + |(1 − β)·g|) + 2^-1073 of βm_t + (1 − β)g per entry: relative where the
/// terms do not cancel and are normal, absolute 2^-1073 where they are subnormal (m_t's digits below 2^-1074 are lost,
/// as a plain double's are). Where the hypergradient or m_{t+1} is beyond the range (the latter only a guard: a search of
/// β, m_t and g within 8 ulp of MaxValue found no rounded sum past it), or the meta-rule rejects the
/// hypergradient, Accept is an ArgumentException naming the gradient and the run is unchanged; where θ_t + Δθ is beyond
/// the range the meta-rule has already taken its step, so the run is marked diverged: Accept throws an
/// ArgumentException naming the gradient and every later call an InvalidOperationException saying so.
/// </remarks>
public sealed class LodoRun : IOptimizerRun
{
    private readonly IPreconditionerModel model;
    private readonly double beta;
    private readonly IStepRule meta;
    private Vector<double> x, m, theta;
    private Vector<double>? proposal;
    private int metaSteps, iteration;
    private string? divergence;

    internal LodoRun(IPreconditionerModel model, double beta, IStepRule meta, Vector<double> x0, Vector<double> theta0)
    {
        this.model = model;
        this.beta = beta;
        this.meta = meta;
        x = x0;
        theta = theta0;
        m = Vector<double>.Build.Dense(x0.Count);
    }

    /// <summary>The gradient stream of a run started on an objective; null for a run driven by Propose/Accept.</summary>
    internal IGradientSampler? Sampler { get; set; }

    /// <summary>x_t, the last accepted iterate.</summary>
    public Vector<double> X => x.Clone();

    /// <summary>The current iterate as a run of <see cref="IOptimizer"/>: x_t, or a pending (non-finite) proposal.</summary>
    Vector<double> IOptimizerRun.Theta => (proposal ?? x).Clone();

    /// <inheritdoc />
    int IOptimizerRun.Iteration => iteration;

    /// <summary>
    /// One step of <see cref="IOptimizerRun"/>: propose x_{t+1} = x_t − G(θ_t)m_t, then accept the sampled gradient at it
    /// (the meta-step and the momentum), so that θ_{t+1} and m_{t+1} are up to date after the step. At the first step
    /// the gradient at x₀ is drawn and unused (m₀ = 0); drawing it keeps a moving objective's clock at the step count. A
    /// non-finite proposal is left pending and reported through Theta, never fed to the sampler. Where the sampler or Accept
    /// rejects the step (a hypergradient or θ_t + Δθ beyond the range), an InvalidOperationException saying why; the run
    /// keeps x_t, θ_t, m_t and its iteration count and refuses further steps. Returns −G(θ_t)m_t.
    /// </summary>
    Vector<double> IOptimizerRun.Step()
    {
        var sampler = Sampler ?? throw new InvalidOperationException("this run was started with Begin; drive it with Propose and Accept.");
        RequireNotDiverged();
        if (proposal is not null)
            throw new InvalidOperationException($"the run diverged at step {iteration}: x is non-finite.");
        if (iteration == 0)
            sampler.Sample(x, 1);
        var delta = ProposeStep();
        iteration++;
        var next = proposal!;
        if (next.All(double.IsFinite))
        {
            try
            {
                Accept(sampler.Sample(next, 1).Gradient);
            }
            catch (ArgumentException e)
            {
                // The step is not taken: x, θ and m stay those of the last step, the pending proposal is dropped, and the
                // run refuses further steps (the sampler has been drawn, so a retry would not repeat this step).
                proposal = null;
                iteration--;
                string reason = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
                divergence ??= $"the run stopped at step {iteration + 1}, which was not taken: {reason.TrimEnd('.')}";
                throw new InvalidOperationException($"{divergence}.", e);
            }
        }
        return delta;
    }

    /// <summary>θ_t.</summary>
    public Vector<double> Theta => theta.Clone();

    /// <summary>m_t.</summary>
    public Vector<double> Momentum => m.Clone();

    /// <summary>The last hypergradient ∇_θ ℓ_{t} (zero before the first step).</summary>
    public Vector<double>? LastHypergradient { get; private set; }

    /// <summary>G(θ_t)v.</summary>
    public Vector<double> Precondition(Vector<double> v) => model.Apply(theta, v);

    /// <summary>Proposes x_{t+1} = x_t − G(θ_t)m_t (not yet accepted).</summary>
    public Vector<double> Propose()
    {
        ProposeStep();
        return proposal!.Clone();
    }

    /// <summary>−G(θ_t)m_t, setting the proposal x_t + (−G(θ_t)m_t), which rounds exactly as x_t − G(θ_t)m_t.</summary>
    private Vector<double> ProposeStep()
    {
        RequireNotDiverged();
        var delta = -model.Apply(theta, m);
        proposal = x + delta;
        return delta;
    }

    /// <summary>
    /// Receives ∇f(x_{t+1}) at the proposal and moves to it: the hypergradient, the meta-step on θ and the momentum
    /// (range, accuracy and rejections in the class remarks).
    /// </summary>
    public void Accept(Vector<double> gradient)
    {
        RequireNotDiverged();
        if (proposal is null)
            throw new InvalidOperationException("Accept needs a preceding Propose.");
        int pending = FirstNonFinite(proposal);
        if (pending >= 0)
            throw new InvalidOperationException(
                $"the proposal x_{{t+1}} has entry {pending} = {Require.Show(proposal[pending])}: x_t − G(θ_t)m_t is beyond the double range (the run diverged), so there is no gradient to accept.");
        Require.Finite(gradient, nameof(gradient));
        Require.SameLength(x.Count, gradient.Count, nameof(gradient));
        // ℓ_{t+1} = f(x_t − G(θ)m_t) ⇒ ∇_θ ℓ_{t+1} = −∂_θ(gᵀG(θ)m_t), g = ∇f(x_{t+1}).
        var hyper = -model.BilinearGradient(theta, gradient, m);
        int bad = FirstNonFinite(hyper);
        if (bad >= 0)
            throw new ArgumentException(
                $"the hypergradient −∂_θ(gᵀG(θ_t)m_t) has entry {bad} beyond the double range at this gradient (max |g_i| = {Require.Show(gradient.AbsoluteMaximum())}, max |m_t,i| = {Require.Show(m.AbsoluteMaximum())}); the run is unchanged.",
                nameof(gradient));
        var momentum = beta * m + (1 - beta) * gradient;
        bad = FirstNonFinite(momentum);
        if (bad >= 0)
            throw new ArgumentException(
                $"m_{{t+1}} = βm_t + (1 − β)g rounds beyond the double range at entry {bad} (β = {Require.Show(beta)}, m_t = {Require.Show(m[bad])}, g = {Require.Show(gradient[bad])}); the run is unchanged.",
                nameof(gradient));
        Vector<double> metaStep;
        try
        {
            metaStep = meta.Step(theta, new GradientSample(hyper, 1, null), metaSteps);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"the meta-optimizer rejects the hypergradient formed at this gradient; the run is unchanged. {e.Message}", nameof(gradient), e);
        }
        var next = theta + metaStep;
        bad = FirstNonFinite(next);
        if (bad >= 0)
        {
            divergence = $"the run diverged at meta-step {metaSteps}: θ_t + Δθ is beyond the double range at entry {bad} (θ_t = {Require.Show(theta[bad])}, Δθ = {Require.Show(metaStep[bad])})";
            throw new ArgumentException($"{divergence}; the meta-optimizer has taken its step, so the run refuses further calls.", nameof(gradient));
        }
        metaSteps++;
        LastHypergradient = hyper;
        theta = next;
        m = momentum;
        x = proposal;
        proposal = null;
    }

    private void RequireNotDiverged()
    {
        if (divergence is not null)
            throw new InvalidOperationException($"{divergence}.");
    }

    private static int FirstNonFinite(Vector<double> v)
    {
        for (int i = 0; i < v.Count; i++)
            if (!double.IsFinite(v[i]))
                return i;
        return -1;
    }
}
