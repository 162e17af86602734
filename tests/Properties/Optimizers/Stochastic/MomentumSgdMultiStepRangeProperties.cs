using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers;
using Verification.Optimizers.Stochastic;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// Momentum SGD over up to five steps and the whole double range (lr ≥ 0, β ∈ [0, 1), gradients from subnormals to
/// ±MaxValue), each step against the exact Δ_t* = −lr·m_t*, m_t* = βm_{t−1}* + gain·g_t (gain = 1 − β dampened, 1 heavy
/// ball), as rationals, within the rule's documented absolute bound carried along the run. Derivation (u = 2^-53, each
/// rounding fl(x) = x(1 + δ) + η, |δ| ≤ u, |η| ≤ 2^-1075 only where the result is subnormal): m̂_t = fl(fl(β·m̂_{t−1}) +
/// fl(fl(1 − β)·g_t)), so e_t = m̂_t − m_t* satisfies |e_t| ≤ β|e_{t−1}| + γ₂·β|m̂_{t−1}| + γ₃·|gain·g_t| + 2^-1073, and
/// with |m̂_{t−1}| ≤ |m_{t−1}*| + E_{t−1}: E_t = β(1 + γ₂)E_{t−1} + γ₂·β|m_{t−1}*| + γ₃·|gain·g_t| + 2^-1073. The step
/// −fl(lr·m̂_t) is then within lr·E_t + u·lr·(|m_t*| + E_t) + 2^-1075 of Δ_t*. Where |m_t*| + E_t or |Δ_t*| plus its
/// bound reaches the overflow threshold, the step may be an ArgumentException naming the gradient (the rule's contract)
/// and the run ends there; nowhere else.
/// </summary>
[Properties(MaxTest = 400)]
public class MomentumSgdMultiStepRangeProperties
{
    private static readonly Fraction U = ExactDouble.Pow2(-53), Tiny = ExactDouble.Pow2(-1074);

    private static readonly Fraction Gamma2 = ExactAgreement.Gamma(2), Gamma3 = ExactAgreement.Gamma(3);

    private static string Show(double[] x) => $"({string.Join(", ", x.Select(v => v.ToString("R")))})";

    [Property]
    public Property EachStep_IsWithinTheCarriedAbsoluteBoundOrRejected() => Prop.ForAll(
        (from lr in FullRangeDoubles.NonNegative
         from beta in FullRangeDoubles.Beta
         from dampened in Gen.Elements(true, false)
         from n in Gen.Choose(1, 2)
         from steps in Gen.Choose(1, 5)
         from g in Gen.ArrayOf(FullRangeDoubles.SignedOrOneScale(n), steps)
         select (lr, beta, dampened, g)).ToArbitrary(),
        c =>
        {
            int n = c.g[0].Length;
            string label = $"lr = {c.lr:R}, β = {c.beta:R}, dampened {c.dampened}, g = [{string.Join(", ", c.g.Select(Show))}]";
            var samples = c.g.Select(gt => new GradientSample(Vector<double>.Build.DenseOfArray(gt), 1, null)).ToArray();
            var run = new MomentumSgd(c.lr, c.beta, c.dampened).Start(new ScriptedStochasticObjective(Vector<double>.Build.Dense(n), null, samples), Vector<double>.Build.Dense(n));
            Fraction lr = ExactDouble.ToFraction(c.lr), beta = ExactDouble.ToFraction(c.beta), gain = c.dampened ? 1 - beta : Fraction.One;
            var m = new Fraction[n];
            var e = new Fraction[n];
            for (int t = 0; t < c.g.Length; t++)
            {
                var nextM = new Fraction[n];
                var nextE = new Fraction[n];
                bool mayOverflow = false;
                for (int i = 0; i < n; i++)
                {
                    var gainG = Fraction.Abs(gain * ExactDouble.ToFraction(c.g[t][i]));
                    nextM[i] = beta * m[i] + gain * ExactDouble.ToFraction(c.g[t][i]);
                    nextE[i] = beta * (1 + Gamma2) * e[i] + Gamma2 * beta * Fraction.Abs(m[i]) + Gamma3 * gainG + 2 * Tiny;
                    var stepBound = lr * nextE[i] + U * lr * (Fraction.Abs(nextM[i]) + nextE[i]) + Tiny;
                    mayOverflow |= Fraction.Abs(nextM[i]) + nextE[i] >= ExactAgreement.OverflowThreshold
                        || lr * Fraction.Abs(nextM[i]) + stepBound >= ExactAgreement.OverflowThreshold;
                }
                Vector<double> step;
                try
                {
                    step = run.Step();
                }
                catch (ArgumentException ex)
                {
                    return (mayOverflow && ex.ParamName == "gradient" && ex.Message.Contains("beyond the double range", StringComparison.Ordinal))
                        .Label($"{label}, step {t}: {ex.Message}");
                }
                for (int i = 0; i < n; i++)
                {
                    var exact = -lr * nextM[i];
                    var bound = lr * nextE[i] + U * lr * (Fraction.Abs(nextM[i]) + nextE[i]) + Tiny;
                    if (!double.IsFinite(step[i]) || Fraction.Abs(ExactDouble.ToFraction(step[i]) - exact) > bound)
                        return false.Label($"{label}, step {t}: Δ[{i}] = {step[i]:R}, exact ≈ {ExactDouble.ToDouble(exact):R}, bound {ExactDouble.ToDouble(bound):R}");
                }
                m = nextM;
                e = nextE;
            }
            return true.Label(label);
        });
}
