using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.SecondOrder;

/// <summary>
/// The acceptance constants of ARC (Cartis, Gould &amp; Toint 2011, Alg. 2.1): with ρ = (f(θ) − f(θ + s))/(m(0) − m(s)),
/// a step is rejected (unsuccessful) when ρ &lt; η₁ and σ ← γ_inc·σ; accepted with σ unchanged when η₁ ≤ ρ &lt; η₂;
/// accepted with σ ← max(σ_min, γ_dec·σ) when ρ ≥ η₂ (very successful).
/// </summary>
public sealed record ArcSettings(double Sigma0 = 1, double Eta1 = 0.1, double Eta2 = 0.9, double GammaIncrease = 2, double GammaDecrease = 0.5, double SigmaMin = 1e-8)
{
    /// <summary>Checks 0 &lt; η₁ ≤ η₂ &lt; 1, γ_inc &gt; 1, 0 &lt; γ_dec &lt; 1, σ₀, σ_min &gt; 0.</summary>
    public ArcSettings Validated()
    {
        Require.Positive(Sigma0, nameof(Sigma0));
        Require.Positive(SigmaMin, nameof(SigmaMin));
        Require.Positive(Eta1, nameof(Eta1));
        Require.Positive(Eta2, nameof(Eta2));
        if (Eta2 < Eta1 || Eta2 >= 1)
            throw new ArgumentException($"Eta2 must lie in [Eta1, 1), got {Require.Show(Eta2)} with Eta1 = {Require.Show(Eta1)}.", nameof(Eta2));
        if (!(Require.Finite(GammaIncrease, nameof(GammaIncrease)) > 1))
            throw new ArgumentException($"GammaIncrease must be > 1, got {Require.Show(GammaIncrease)}.", nameof(GammaIncrease));
        if (!(Require.Positive(GammaDecrease, nameof(GammaDecrease)) < 1))
            throw new ArgumentException($"GammaDecrease must be < 1, got {Require.Show(GammaDecrease)}.", nameof(GammaDecrease));
        return this;
    }
}

/// <summary>What one ARC iteration did.</summary>
/// <param name="Trial">The subproblem's minimizer s (taken only if accepted).</param>
/// <param name="PredictedDecrease">m(0) − m(s).</param>
/// <param name="ActualDecrease">f(θ) − f(θ + s) rounded once (−∞ when f(θ + s) is not finite; ±∞ where the exact difference of the two values is beyond ±double.MaxValue).</param>
/// <param name="Accepted">Whether θ moved to θ + s.</param>
/// <param name="SigmaBefore">σ used for the subproblem.</param>
/// <param name="SigmaAfter">σ for the next iteration.</param>
public sealed record ArcIteration(Vector<double> Trial, double PredictedDecrease, double ActualDecrease, bool Accepted, double SigmaBefore, double SigmaAfter);

/// <summary>
/// Adaptive cubic regularization (ARC; Nesterov &amp; Polyak 2006, Cartis, Gould &amp; Toint 2011), the method elmo-amos
/// §2.2 and §5 compare with: one scalar σ (≈ L_H/2) adapted by the success ratio ρ (<see cref="ArcSettings"/>), the
/// cubic subproblem solved exactly (<see cref="CubicSubproblem"/>). A stationary point with H ⪰ 0 (s = 0, m(0) − m(s) = 0)
/// gives a zero step and leaves σ unchanged.
/// </summary>
public sealed class Arc : IOptimizer
{
    /// <summary>Creates ARC with <paramref name="settings"/> (defaults when null).</summary>
    public Arc(ArcSettings? settings = null) => Settings = (settings ?? new ArcSettings()).Validated();

    /// <summary>σ₀ and the acceptance constants.</summary>
    public ArcSettings Settings { get; }

    /// <inheritdoc />
    public string Name => $"arc(σ0={Require.Show(Settings.Sigma0)})";

    /// <inheritdoc />
    public IOptimizerRun Start(IObjective objective, Vector<double> theta0) => new ArcRun(this, objective, theta0);

    /// <summary>One iteration from θ with σ: solve, assess, accept or reject.</summary>
    /// <remarks>
    /// Range and accuracy: θ finite, σ in (0, double.MaxValue]; the trial s is <see cref="CubicSubproblem.Solve"/>'s (its
    /// stated accuracy, and its rejection naming sigma where a result is beyond double.MaxValue). The actual decrease
    /// f(θ) − f(θ + s) is the difference of the objective's doubles rounded once, ±∞ where that exact difference is beyond
    /// ±double.MaxValue (ρ is then beyond every η, so the decision is the exact one); ρ is the quotient of the two rounded
    /// decreases. A non-finite f(θ) is rejected naming theta (before stop 42 it gave ρ = NaN, or +∞ and an acceptance,
    /// silently). σ·γ_inc saturates at double.MaxValue and σ·γ_dec is floored at σ_min (each one rounding).
    /// Where m(0) − m(s) is below 2^-1022 its digits are lost to underflow and ρ has only an absolute accuracy; where it
    /// underflows to 0 for a nonzero s, ρ is +∞ for a positive actual decrease and −∞ otherwise (rejected), one of the
    /// rule's outcomes (before stop 43 such a step was neither accepted nor σ raised, as at a stationary point, and the
    /// actual decrease reported as 0 without evaluating f(θ + s)). Only a zero step leaves σ unchanged unaccepted.
    /// f is evaluated at fl(θ + s), the point the run moves to. Against the exact ρ of the objective's values the decision
    /// is then the exact one wherever ρ is farther from η₁ and η₂ than those errors reach: one rounding of the actual
    /// decrease, the objective's own rounding of f at both points, f(fl(θ + s)) − f(θ + s), and P̂ within γ_{10n+110} of
    /// m(0) − m(s) where s, μ and P̂ are normal (Solve's bounds); within that margin it is one of the rule's outcomes.
    /// </remarks>
    public ArcIteration Iterate(IObjective objective, Vector<double> theta, double sigma)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Require.Finite(theta, nameof(theta));
        Require.SameLength(objective.Dimension, theta.Count, nameof(theta));
        Require.Positive(sigma, nameof(sigma));
        var eigen = SymmetricEigen.Decompose(objective.Hessian(theta), objective.Gradient(theta));
        var solution = CubicSubproblem.Solve(eigen, sigma);
        if (solution.Step.All(x => x == 0))
            return new ArcIteration(solution.Step, 0, 0, false, sigma, sigma);
        var trial = theta + solution.Step;
        double actual = double.NegativeInfinity;
        if (trial.All(double.IsFinite) && double.IsFinite(objective.Value(trial)))
        {
            double current = objective.Value(theta);
            if (!double.IsFinite(current))
                throw new ArgumentException(
                    $"the objective's value at theta is {Require.Show(current)}; ARC's success ratio needs a finite f(θ) (|f| ≤ double.MaxValue).",
                    nameof(theta));
            actual = current - objective.Value(trial);
        }
        double rho = solution.PredictedDecrease > 0
            ? actual / solution.PredictedDecrease
            : actual > 0 ? double.PositiveInfinity : double.NegativeInfinity; // m(0) − m(s) > 0 underflowed to 0
        var s = Settings;
        if (!(rho >= s.Eta1))
            return new ArcIteration(solution.Step, solution.PredictedDecrease, actual, false, sigma,
                Math.Min(sigma * s.GammaIncrease, double.MaxValue));
        double next = rho >= s.Eta2 ? Math.Max(s.SigmaMin, sigma * s.GammaDecrease) : sigma;
        return new ArcIteration(solution.Step, solution.PredictedDecrease, actual, true, sigma, next);
    }

    /// <summary>A run of ARC: θ_t, σ_t and the last iteration's record.</summary>
    public sealed class ArcRun : IOptimizerRun
    {
        private readonly Arc arc;
        private readonly IObjective objective;
        private Vector<double> theta;

        internal ArcRun(Arc arc, IObjective objective, Vector<double> theta0)
        {
            theta = OptimizerArguments.StartingPoint(objective, theta0);
            this.arc = arc;
            this.objective = objective;
            Sigma = arc.Settings.Sigma0;
        }

        /// <inheritdoc />
        public Vector<double> Theta => theta.Clone();

        /// <inheritdoc />
        public int Iteration { get; private set; }

        /// <summary>σ_t.</summary>
        public double Sigma { get; private set; }

        /// <summary>The last iteration's record (null before the first step).</summary>
        public ArcIteration? Last { get; private set; }

        /// <inheritdoc />
        public Vector<double> Step()
        {
            var it = arc.Iterate(objective, theta, Sigma);
            Last = it;
            Sigma = it.SigmaAfter;
            Iteration++;
            if (!it.Accepted)
                return Vector<double>.Build.Dense(theta.Count);
            theta = theta + it.Trial;
            return it.Trial.Clone();
        }
    }
}
