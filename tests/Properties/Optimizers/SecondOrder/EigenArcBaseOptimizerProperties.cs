using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers;
using Verification.Numerics.Elmo;
using Verification.Optimizers.FirstOrder;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// EigenARC (elmo-amos Alg. 3) with a pluggable BASE_OPT: lines 3–18 assess and adapt the constants at the base's own
/// iterate θ_t, and line 19 is the base's step — ELMO's or Cauchy's at the adapted constants (App. J.1: lines 3–18 as
/// their LIPSCHITZ subroutine), or gradient descent's, which reads no constants.
/// </summary>
[Properties(Arbitrary = [typeof(OptimizerArbitraries)], MaxTest = 60, Replay = "(20261123,3)")]
public class EigenArcBaseOptimizerProperties
{
    private const int Steps = 3;
    private const double GdRate = 0.01;

    private static readonly EigenArcSettings Settings = new(MaxAdjustments: 40);

    /// <summary>
    /// An eigenspace step against its closed form: both sides are ≤ 4-ulp evaluations of x*(λ, |g|, L) (the test's in the
    /// cancellation-free forms below), reassembled over n ≤ 4 eigenvectors; <see cref="Tolerances.Optimizer.Reassembly"/>
    /// of max(‖Δθ‖, the largest |x_i|).
    /// </summary>
    private const double StepRelative = Tolerances.Optimizer.Reassembly;

    /// <summary>The bases under test, by name.</summary>
    public static Arbitrary<string> Bases() => Arb.From(Gen.Elements("elmo", "cauchy", "gd"));

    private static EigenArcBaseOptimizer Base(string name) => name switch
    {
        "elmo" => EigenArcBaseOptimizer.Elmo,
        "cauchy" => EigenArcBaseOptimizer.Cauchy,
        _ => EigenArcBaseOptimizer.Of(new GradientDescent(GdRate)),
    };

    /// <summary>
    /// ELMO's eigenspace step of eq. (7), x* = (√(λ² + 2L|g|) − λ)/L, in forms without cancellation:
    /// 2|g|/(√(λ² + 2L|g|) + λ) for λ &gt; 0 and (√(λ² + 2L|g|) + |λ|)/L for λ ≤ 0.
    /// </summary>
    private static double ElmoStep(double lambda, double g, double l)
    {
        double root = Math.Sqrt(lambda * lambda + 2 * l * Math.Abs(g));
        return lambda > 0 ? 2 * Math.Abs(g) / (root + lambda) : (root - lambda) / l;
    }

    /// <summary>Line 19 as each base defines it at θ_t, from line 3's eigensystem and the constants lines 4–18 left.</summary>
    private static Vector<double> ExpectedStep(string name, IObjective f, Vector<double> theta, EigenSystem eigen, Vector<double> l)
    {
        if (name == "gd")
            return -GdRate * f.Gradient(theta);
        var step = Vector<double>.Build.Dense(theta.Count);
        for (int i = 0; i < eigen.Dimension; i++)
        {
            double lambda = eigen.Values[i], g = eigen.GradientProjections[i];
            // Cauchy's method (App. F.1, last line): sgn(λ)·x*(|λ|), with sgn(0) = +1 — toward the cubic's local maximum where λ < 0.
            double x = name == "elmo" ? ElmoStep(lambda, g, l[i]) : (lambda < 0 ? -1 : 1) * ElmoStep(Math.Abs(lambda), g, l[i]);
            step += x * eigen.Vectors.Column(i);
        }
        return step;
    }

    /// <summary>
    /// Lines 3–18 run at the base's own iterate with the constants the previous step left (L_0 first), and the branch is
    /// the one ASSESS_LIPSCHITZ(L_t) at θ_t selects (line 4: &gt; η₂ scales all L by γ₂; line 7: &lt; η₁ raises; else kept);
    /// line 19 then moves θ by exactly the base's step at the adapted constants.
    /// </summary>
    [Property(Arbitrary = [typeof(OptimizerArbitraries), typeof(EigenArcBaseOptimizerProperties)])]
    public Property StepFollowsAlgorithm3_ForEachBase(OptimizerProblem p, string baseName)
    {
        var f = p.Objective;
        var run = (EigenArc.EigenArcRun)new EigenArc(Settings, Base(baseName)).Start(f, p.Point);
        var constants = Vector<double>.Build.Dense(p.Dimension, Settings.L0);
        int taken = 0;
        for (int t = 0; t < Steps; t++)
        {
            var theta = run.Theta;
            Vector<double> step;
            try
            {
                step = run.Step();
            }
            catch (ArgumentException)
            {
                // ELMO's or Cauchy's step overflowed, or θ left double range: Alg. 3 has nothing to say there.
                return true.ToProperty().Classify(true, "left double range");
            }
            taken++;
            var adj = run.Last!;
            var eigen = SymmetricEigen.Decompose(f.Hessian(theta), f.Gradient(theta));
            if (!adj.Before.Equals(constants))
                return false.Label($"t = {t}: lines 4–18 started from {adj.Before}, the previous step left {constants}");
            double assess = AssessLipschitz.Ratio(f, theta, eigen, constants);
            if (!assess.Equals(adj.AssessBefore))
                return false.Label($"t = {t}: ASSESS at θ_t = {assess:R}, recorded {adj.AssessBefore:R}");
            var branch = assess > Settings.Eta2 ? EigenArcBranch.Conservative : assess < Settings.Eta1 ? EigenArcBranch.Liberal : EigenArcBranch.Kept;
            if (adj.Branch != branch)
                return false.Label($"t = {t}: ASSESS = {assess:R}, branch {adj.Branch}, lines 4/7 select {branch}");
            if (branch == EigenArcBranch.Kept && !adj.After.Equals(adj.Before))
                return false.Label($"t = {t}: kept branch changed L from {adj.Before} to {adj.After}");
            if (branch == EigenArcBranch.Conservative && !adj.Capped && !adj.After.Equals(Settings.Gamma2 * adj.Before))
                return false.Label($"t = {t}: line 5 gave {adj.After}, γ₂·L = {Settings.Gamma2 * adj.Before}");
            var expected = ExpectedStep(baseName, f, theta, eigen, adj.After);
            double scale = Math.Max(expected.L2Norm(), step.L2Norm());
            double gap = (step - expected).AbsoluteMaximum();
            if (!(gap <= StepRelative * scale))
                return false.Label($"t = {t}: step {step}, base '{baseName}' at the adapted L gives {expected} (gap {gap:R})");
            if (!run.Theta.Equals(theta + step))
                return false.Label($"t = {t}: θ_(t+1) = {run.Theta} is not θ_t + Δθ_t");
            constants = adj.After;
        }
        return true.ToProperty().Classify(taken == Steps, "all steps").Classify(true, baseName);
    }

    /// <summary>
    /// A base without a LIPSCHITZ subroutine is not steered by the constants: EigenARC over gradient descent follows
    /// gradient descent's own path bit for bit (the constants are only measured along it, as §5 uses EigenARC).
    /// </summary>
    [Property]
    public Property GradientDescentBase_FollowsGradientDescentsPath(OptimizerProblem p)
    {
        var gd = new GradientDescent(GdRate);
        var arc = new EigenArc(Settings, EigenArcBaseOptimizer.Of(gd)).Start(p.Objective, p.Point);
        var plain = gd.Start(p.Objective, p.Point);
        for (int t = 0; t < Steps; t++)
        {
            try
            {
                arc.Step();
            }
            catch (ArgumentException)
            {
                return true.ToProperty().Classify(true, "left double range");
            }
            plain.Step();
            if (!arc.Theta.Equals(plain.Theta))
                return false.Label($"t = {t}: EigenARC(gd) at {arc.Theta}, gd at {plain.Theta}");
        }
        return true.ToProperty();
    }
}
