using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Verification.Optimizers.Lodo;
using Verification.Optimizers.Stochastic;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Lodo;

/// <summary>
/// Two steps of a LODO run (lodo.md Algorithm 1: Propose, then Accept) over the whole double range of x₀, θ₀, the
/// gradients, β and the meta-steps Δθ, with the dense model of §4.1 and a meta-rule that returns scripted steps (so
/// θ_t + Δθ reaches every magnitude), each quantity against its exact rational definition (the class remarks of
/// <see cref="LodoRun"/>): the proposal x_t + (−G(θ_t)m_t) rounded once; the hypergradient −g m_tᵀ rounded once per
/// entry; θ_{t+1} = θ_t + Δθ rounded once; m_{t+1} within γ₃·(|β·m_t| + |(1 − β)·g|) + 2^-1073 of βm_t + (1 − β)g.
/// Where the hypergradient is beyond the range, Accept must reject naming the gradient and leave the run unchanged
/// (the meta-rule not called); where θ_t + Δθ is, it must reject and refuse every later call; a non-finite proposal
/// must not be accepted.
/// </summary>
[Properties(MaxTest = 400)]
public class LodoAcceptRangeProperties
{
    private static readonly Fraction U = ExactDouble.Pow2(-53), Tiny = ExactDouble.Pow2(-1074);

    private static Vector<double> V(double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>A meta-rule returning scripted steps in order, recording the hypergradients it is fed.</summary>
    private sealed class ScriptedRule(double[][] steps) : IStepRule
    {
        public List<Vector<double>> Fed { get; } = [];

        public int BatchSize => 1;

        public Vector<double> Step(Vector<double> theta, GradientSample sample, int t)
        {
            Fed.Add(sample.Gradient.Clone());
            return Vector<double>.Build.DenseOfArray(steps[Fed.Count - 1]);
        }
    }

    private sealed record Case(int N, double Beta, double[] X0, double[] Theta0, double[] G1, double[] G2, double[] Step1, double[] Step2)
    {
        public override string ToString() =>
            $"n = {N}, β = {Beta:R}, x₀ = {Show(X0)}, θ₀ = {Show(Theta0)}, g₁ = {Show(G1)}, g₂ = {Show(G2)}, Δθ₁ = {Show(Step1)}, Δθ₂ = {Show(Step2)}";
    }

    private static string Show(double[] x) => $"({string.Join(", ", x.Select(v => v.ToString("R")))})";

    private static Gen<Case> Cases { get; } =
        from n in Gen.Choose(1, 2)
        from beta in FullRangeDoubles.Beta
        from x0 in FullRangeDoubles.SignedOrOneScale(n)
        from theta0 in FullRangeDoubles.SignedOrOneScale(n * n)
        from g1 in FullRangeDoubles.SignedOrOneScale(n)
        from g2 in FullRangeDoubles.SignedOrOneScale(n)
        from step1 in FullRangeDoubles.SignedOrOneScale(n * n)
        from step2 in FullRangeDoubles.SignedOrOneScale(n * n)
        select new Case(n, beta, x0, theta0, g1, g2, step1, step2);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static bool SameBits(double a, double b) => a.Equals(b) || (a == 0 && b == 0); // ±0 compare equal; NaN never

    [Property]
    public Property TwoSteps_AreTheirExactDefinitionsRoundedOnce_OrRejectedAsStated() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var rule = new ScriptedRule([c.Step1, c.Step2]);
        var lodo = new Verification.Optimizers.Lodo.Lodo(new DensePreconditioner(c.N, 1), c.Beta, () => rule, "scripted", 0);
        var run = lodo.Begin(V(c.X0), V(new double[c.N]), V(c.Theta0));
        return Step(run, rule, c, 0, c.G1, c.Step1) is { } first
            ? first
            : Step(run, rule, c, 1, c.G2, c.Step2) ?? true.Label(c.ToString());
    });

    /// <summary>One Propose and Accept checked against the exact definitions; null where it passes and the run goes on.</summary>
    private static Property? Step(LodoRun run, ScriptedRule rule, Case c, int t, double[] g, double[] metaStep)
    {
        string label = $"{c}, step {t + 1}";
        double[] x = run.X.ToArray(), theta = run.Theta.ToArray(), m = run.Momentum.ToArray();
        var delta = run.Precondition(run.Momentum);
        var proposal = run.Propose();
        for (int i = 0; i < c.N; i++)
        {
            // G m_t is the model's Apply (±∞ where its exact entry is beyond the range: then so is the proposal's).
            double expected = double.IsFinite(delta[i]) ? ExactDouble.ToDouble(F(x[i]) - F(delta[i])) : -delta[i];
            if (!SameBits(proposal[i], expected))
                return false.Label($"{label}: proposal[{i}] = {proposal[i]:R}, x_t + (−G m_t) rounded once = {expected:R}");
        }
        if (!proposal.All(double.IsFinite))
        {
            var refused = Record.Exception(() => run.Accept(V(g)));
            return (refused is InvalidOperationException && refused.Message.Contains("beyond the double range", StringComparison.Ordinal))
                .Label($"{label}: a non-finite proposal must not be accepted: {refused?.Message ?? "accepted"}");
        }

        var hyper = new double[c.N * c.N];
        for (int i = 0; i < c.N; i++)
            for (int j = 0; j < c.N; j++)
                hyper[i * c.N + j] = ExactDouble.ToDouble(-F(g[i]) * F(m[j]));
        var exactTheta = theta.Select((v, k) => ExactDouble.ToDouble(F(v) + F(metaStep[k]))).ToArray();
        int fedBefore = rule.Fed.Count;
        var error = Record.Exception(() => run.Accept(V(g)));
        if (!hyper.All(double.IsFinite))
            return (error is ArgumentException { ParamName: "gradient" } e && e.Message.Contains("hypergradient", StringComparison.Ordinal)
                    && rule.Fed.Count == fedBefore && Unchanged(run, x, theta, m) && SameBits(run.Propose()[0], proposal[0]))
                .Label($"{label}: the hypergradient is beyond the range; expected a rejection naming the gradient, run unchanged: {error?.Message ?? "accepted"}");
        if (rule.Fed.Count != fedBefore + 1 || !rule.Fed[^1].ToArray().Zip(hyper).All(p => SameBits(p.First, p.Second)))
            return false.Label($"{label}: the meta-rule was fed {(rule.Fed.Count > fedBefore ? Show(rule.Fed[^1].ToArray()) : "nothing")}, exact −g m_tᵀ rounded = {Show(hyper)} ({error?.Message})");
        if (!exactTheta.All(double.IsFinite))
        {
            var later = Record.Exception(() => run.Propose());
            return (error is ArgumentException { ParamName: "gradient" } e && e.Message.Contains("diverged", StringComparison.Ordinal)
                    && later is InvalidOperationException && later.Message.Contains("diverged", StringComparison.Ordinal))
                .Label($"{label}: θ_t + Δθ is beyond the range; expected a rejection and a refused run: {error?.Message ?? "accepted"}, then {later?.Message ?? "a proposal"}");
        }
        if (error is not null)
            return false.Label($"{label}: rejected though every quantity is in range: {error.Message}");
        if (!run.X.ToArray().Zip(proposal).All(p => SameBits(p.First, p.Second)))
            return false.Label($"{label}: X = {Show(run.X.ToArray())} is not the proposal {Show(proposal.ToArray())}");
        if (!run.Theta.ToArray().Zip(exactTheta).All(p => SameBits(p.First, p.Second)))
            return false.Label($"{label}: θ = {Show(run.Theta.ToArray())}, θ_t + Δθ rounded once = {Show(exactTheta)}");
        var momentum = run.Momentum;
        Fraction beta = F(c.Beta), gain = 1 - beta;
        for (int i = 0; i < c.N; i++)
        {
            Fraction exact = beta * F(m[i]) + gain * F(g[i]);
            Fraction bound = ExactAgreement.Gamma(3) * (Fraction.Abs(beta * F(m[i])) + Fraction.Abs(gain * F(g[i]))) + 2 * Tiny;
            if (!double.IsFinite(momentum[i]) || Fraction.Abs(F(momentum[i]) - exact) > bound)
                return false.Label($"{label}: m[{i}] = {momentum[i]:R}, exact ≈ {ExactDouble.ToDouble(exact):R}, bound {ExactDouble.ToDouble(bound):R}");
        }
        return null;
    }

    private static bool Unchanged(LodoRun run, double[] x, double[] theta, double[] m) =>
        run.X.ToArray().SequenceEqual(x) && run.Theta.ToArray().SequenceEqual(theta) && run.Momentum.ToArray().SequenceEqual(m);
}
