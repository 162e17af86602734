using Verification.Numerics;

namespace Verification.Optimizers.Guarantees;

/// <summary>
/// The run is Polyak's heavy-ball method with learning rate η and momentum β: Δθ₀ = −η∇f(θ₀) and
/// Δθ_t = βΔθ_{t−1} − η∇f(θ_t) for t &lt; <see cref="Steps"/> (θ_{t+1} = θ_t − η∇f(θ_t) + β(θ_t − θ_{t−1})). PyTorch's
/// SGD with momentum β and dampening 0 (v_t = βv_{t−1} + g_t, θ −= ηv_t) is this recurrence; a momentum whose sign is
/// flipped, or that is not reset between runs, is not.
/// </summary>
public sealed record HeavyBallMomentum : Guarantee
{
    /// <summary>Declares the recurrence with η &gt; 0 and β ∈ [0, 1) over <paramref name="steps"/> steps.</summary>
    public HeavyBallMomentum(double learningRate, double momentum, int steps = TrajectorySteps.Default)
    {
        LearningRate = Require.Positive(learningRate, nameof(learningRate));
        if (!(momentum >= 0 && momentum < 1))
            throw new ArgumentException($"momentum must be in [0, 1), got {Require.Show(momentum)}.", nameof(momentum));
        Momentum = momentum;
        Steps = TrajectorySteps.Require(steps, nameof(steps));
    }

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <summary>β.</summary>
    public double Momentum { get; }

    /// <summary>T, the number of steps replayed.</summary>
    public int Steps { get; }

    /// <inheritdoc />
    public override string Id => "heavy-ball-momentum";

    /// <inheritdoc />
    public override string Statement =>
        $"For every objective f and θ₀: Δθ₀ = −η∇f(θ₀) and Δθ_t = βΔθ_{{t−1}} − η∇f(θ_t) for t = 1, …, {Steps - 1}, with η = {Require.Show(LearningRate)}, β = {Require.Show(Momentum)} (Polyak's heavy ball).";
}
