using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// SVAG (thesis Alg. 4) and M-SVAG (Alg. 2) with the details of §5.4.4: moving averages m_t, v_t with one β; the
/// variance estimate ŝ_t = (v_t − m_t²)/(1 − ρ(β, t)) (eq. 5.16), with ŝ_0 = 0 at t = 0, where 1 − ρ(β, 0) = 0; factors
/// γ = m²/(m² + ŝ) (SVAG, eq. 5.17) or m²/(m² + ρŝ) (M-SVAG, eq. 5.19); no update in coordinates with m = v = 0.
/// β = 0 is rejected: ρ(0, t) = 1 for every t, so (5.16) would divide by zero at every step.
/// </summary>
/// <remarks>
/// Range of the stochastic gradient: every entry |g_i| ≤ <see cref="MovingAverages.MaxSquaredEntry"/> = 2^511 ≈ 6.7e153, so that g_i² ≤ 2^1022
/// and v_t, a convex combination of such squares divided by 1 − β^(t+1) (at most its largest term to a few ulps), stay
/// below double.MaxValue. A larger entry is an <see cref="ArgumentException"/> naming the sample (the gradient's entry,
/// its value and this range) before any state changes; formerly g² overflowed to ∞ and the moving average rejected it as
/// its own input "y", which names neither SVAG nor the gradient. (Rescaling instead is not local to one step: v_t mixes
/// squares of every past gradient.)
/// Below, no limit (subnormals included): the rule keeps m̃ and ṽ as mantissa·2^exponent, so g² and a decaying history keep
/// their digits (as plain doubles |g| below 2^-537 had g² = 0, and (1 − β)·g underflowed for subnormal g), and γ is
/// carried the same way into −α·γ·x. Accuracy of the step: two roundings after <see cref="Factor"/>'s 28 ulp (relative,
/// also where γ is below the double range) evaluated on m and v, whose own roundings (the recursions and the bias
/// correction) γ magnifies by at most 1 + κ/(1 − ρ) per unit of v/m² (derived and checked for the first two steps in
/// VarianceAdaptedStepRangeProperties; for later steps on rounded averages the recursions' errors are absolute,
/// E_t = β(1 + γ₂)E_{t−1} + γ₂β|m̃*_{t−1}| + γ₃(1 − β)|g_t| for m̃ (m̃* exact) and likewise for ṽ with γ₄, and γ is
/// monotone in r = m²/v). A step beyond ±double.MaxValue is an <see cref="ArgumentException"/> naming the
/// sample (it was ±∞).
/// </remarks>
public sealed class VarianceAdapted : StochasticOptimizer
{
    private VarianceAdapted(double stepSize, double beta, bool momentum, int batchSize)
    {
        StepSize = Require.Positive(stepSize, nameof(stepSize));
        MovingAverages.RequireBeta(beta, nameof(beta));
        if (beta == 0)
            throw new ArgumentException("beta must be in (0, 1): with β = 0, ρ(0, t) = 1 and eq. (5.16) divides by 1 − ρ = 0 at every step.", nameof(beta));
        Beta = beta;
        Momentum = momentum;
        if (batchSize < 1)
            throw new ArgumentException($"batchSize must be ≥ 1, got {batchSize}.", nameof(batchSize));
        BatchSize = batchSize;
    }

    /// <summary>SVAG (Alg. 4): θ ← θ − α(γ⊙g), γ = m²/(m² + ŝ).</summary>
    public static VarianceAdapted Svag(double stepSize, double beta, int batchSize = 1) => new(stepSize, beta, momentum: false, batchSize);

    /// <summary>M-SVAG (Alg. 2): θ ← θ − α(γ⊙m), γ = m²/(m² + ρ(β, t)ŝ).</summary>
    public static VarianceAdapted MSvag(double stepSize, double beta, int batchSize = 1) => new(stepSize, beta, momentum: true, batchSize);

    /// <summary>α.</summary>
    public double StepSize { get; }

    /// <summary>β.</summary>
    public double Beta { get; }

    /// <summary>True for M-SVAG (update along m), false for SVAG (along g).</summary>
    public bool Momentum { get; }

    /// <summary>m.</summary>
    public int BatchSize { get; }

    /// <inheritdoc />
    public override string Name => $"{(Momentum ? "m-svag" : "svag")}(α={Require.Show(StepSize)}, β={Require.Show(Beta)}, m={BatchSize})";

    /// <summary>
    /// The factor 1/(1 + κ·ŝ/m²) with κ = ρ (M-SVAG) or 1 (SVAG), ŝ = (v − m²)/(1 − ρ) for t ≥ 1 and 0 at t = 0; 0 where
    /// m = 0 (then the update γ·m or γ·g is 0 or, for m = v = 0, skipped). Computed as 1/(1 + x), x = (A/B)·η̂², with
    /// η̂² = (v − m²)/m² from <see cref="AdamDecomposition.RelativeVariance"/> (within 4 ulp where v − m² cancels; the
    /// former (v/|m| − |m|)/|m| had an absolute error of u there, which κ/(1 − ρ) ≈ 1/(2β) magnifies for small β), clamped
    /// at 0 (v ≥ m² in exact arithmetic, by Jensen), and κ/(1 − ρ) = A/B written without the cancelling 1 − ρ:
    /// 1 − ρ = 2β(1 − β^t)/((1 + β)(1 − β^(t+1))), so B = 2β(1 − β^t) and A = (1 + β)(1 − β^(t+1)) (SVAG) or
    /// A = (1 − β)(1 + β^(t+1)) (M-SVAG, κ = ρ), each 1 − βⁿ from <see cref="MovingAverages.OneMinusPower"/> (the former
    /// 1 − ρ was 0 for β below 2^-54, giving ∞·0 = NaN at v = m², and lost digits near β = 1). A, B and η̂² are multiplied
    /// as mantissa·2^exponent, so x never overflows (η̂² beyond double.MaxValue is v/m² to 2^-1023) and
    /// 1/(1 + x) = 2^-e/mantissa where x ≥ 2^62.
    /// Accuracy, relative: A ≤ 9u (two roundings and 1 − βⁿ's 4 ulp ≤ 8u), B ≤ 8.5u, η̂² ≤ 8u, two mantissa operations 1u,
    /// so x ≤ 26.5u, and 1/(1 + x) adds 1u with condition x/(1 + x) ≤ 1: within 28 ulp wherever the factor is normal, and
    /// within 28·2^-1074 where it is subnormal.
    /// </summary>
    /// <exception cref="ArgumentException">non-finite m, v &lt; 0, β outside [0, 1), β = 0 with t ≥ 1 (1 − ρ(0, t) = 0), or t &lt; 0.</exception>
    public static double Factor(double m, double v, double beta, int t, bool momentum)
    {
        var (mantissa, exponent) = FactorParts(m, v, beta, t, momentum);
        return Math.ScaleB(mantissa, exponent);
    }

    /// <summary>
    /// <see cref="Factor"/> as mantissa·2^exponent, unrounded by the final scaling: where the factor is below 2^-62 it is
    /// (1/mantissa)·2^-e, within 28 ulp relatively even where its double would be subnormal or 0 (for the step −α·γ·x,
    /// whose α and x may scale it back into the range). Elsewhere the exponent is 0.
    /// </summary>
    internal static (double Mantissa, int Exponent) FactorParts(double m, double v, double beta, int t, bool momentum)
    {
        Require.Finite(m, nameof(m));
        Require.NonNegative(v, nameof(v));
        MovingAverages.RequireBeta(beta, nameof(beta));
        if (t < 0)
            throw new ArgumentException($"t must be ≥ 0, got {t}.", nameof(t));
        if (t == 0) return (m == 0 ? 0 : 1, 0);
        if (beta == 0)
            throw new ArgumentException("beta must be in (0, 1) for t ≥ 1: with β = 0, ρ(0, t) = 1 and eq. (5.16) divides by 1 − ρ = 0.", nameof(beta));
        if (m == 0) return (0, 0);
        double eta2 = AdamDecomposition.RelativeVariance(m, v);
        if (!(eta2 > 0)) return (1, 0);
        var (eMantissa, eExponent) = double.IsPositiveInfinity(eta2) ? RatioToSquare(v, Math.Abs(m)) : Split(eta2);
        double numerator = momentum
            ? (1 - beta) * (1 + Math.Pow(beta, t + 1))
            : (1 + beta) * MovingAverages.OneMinusPower(beta, t + 1);
        double denominator = 2 * beta * MovingAverages.OneMinusPower(beta, t);
        var (nMantissa, nExponent) = Split(numerator);
        var (dMantissa, dExponent) = Split(denominator);
        double mantissa = nMantissa * eMantissa / dMantissa;   // in (½, 4)
        int exponent = nExponent + eExponent - dExponent;
        return exponent >= 62
            ? (1 / mantissa, -exponent)                        // 1 + x = x to 2^-61
            : (1 / (1 + Math.ScaleB(mantissa, exponent)), 0);
    }

    /// <summary>x = mantissa·2^exponent exactly, mantissa ∈ [1, 2), for a positive finite x (subnormals included).</summary>
    private static (double Mantissa, int Exponent) Split(double x)
    {
        int e = Math.ILogB(x);
        return (Math.ScaleB(x, -e), e);
    }

    /// <summary>v/a² as mantissa·2^exponent without forming a² (for η̂² = v/a² − 1 beyond double.MaxValue, where the 1 is below 2^-1023 of it).</summary>
    private static (double Mantissa, int Exponent) RatioToSquare(double v, double a)
    {
        var (vm, ve) = Split(v);
        var (am, ae) = Split(a);
        return (vm / am / am, ve - 2 * ae);
    }

    /// <inheritdoc />
    protected override IStepRule CreateRule(IObjective objective, int dimension) => new Rule(this, dimension);

    /// <summary>
    /// The rule's state: per coordinate the moving averages m̃ and ṽ (before bias correction) as <see cref="ScaledSum"/>s,
    /// mantissa·2^exponent, so that g², their averages and a decaying history neither underflow nor lose digits (plain
    /// doubles did both: g = 3·2^-1074 with β = 0.9 gave (1 − β)·g = 0 and step 0 for the exact first step −α·g, and for
    /// |g| below 2^-537 g² was 0, so ŝ was lost: β = ½, g = (2^-600, −2^-600) gave γ = 1 for the exact 1/19). Where every
    /// quantity is a normal double the sums round as the plain β·x + (1 − β)·y did, bit for bit.
    /// </summary>
    private sealed class Rule(VarianceAdapted owner, int dimension) : IStepRule
    {
        private readonly ScaledSum[] first = new ScaledSum[dimension], second = new ScaledSum[dimension];
        private int count;

        public int BatchSize => owner.BatchSize;

        public Vector<double> Step(Vector<double> theta, GradientSample sample, int t)
        {
            var g = sample.Gradient;
            MovingAverages.RequireSquarable(g, owner.Name, nameof(sample));
            Require.SameLength(dimension, g.Count, nameof(sample));
            double beta = owner.Beta, c = Adam.BiasCorrection(beta, count + 1);
            var nextFirst = new ScaledSum[dimension];
            var nextSecond = new ScaledSum[dimension];
            var step = new double[dimension];
            for (int i = 0; i < dimension; i++)
            {
                var (fm, fe) = first[i].Parts;
                nextFirst[i].AddTimesPowerOfTwo(fe, 1, beta, fm);
                nextFirst[i].Add(1 - beta, g[i]);
                var (sm, se) = second[i].Parts;
                nextSecond[i].AddTimesPowerOfTwo(se, 1, beta, sm);
                nextSecond[i].Add(g[i], g[i], 1 - beta);
                step[i] = CoordinateStep(nextFirst[i], nextSecond[i], c, g[i], t, i);
            }
            Array.Copy(nextFirst, first, dimension);
            Array.Copy(nextSecond, second, dimension);
            count++;
            return Vector<double>.Build.DenseOfArray(step);
        }

        /// <summary>
        /// −α·γ·x (x = g for SVAG, m = m̃/c for M-SVAG, c = 1 − β^(t+1)), 0 where m̃ = ṽ = 0 (§5.4.4). γ's inputs are m and v
        /// as doubles where both are normal (or 0), bit for bit as before; elsewhere m·2^-K and v·2^-2K (γ depends on m²/v
        /// only, and the power of two is exact) with K putting v·2^-2K in [1, 4), or m·2^-K at 2^-1022 where m is that far
        /// below √v. γ (as mantissa·2^exponent) times α times x is the plain product where α·γ, γ and x are normal doubles
        /// (bit for bit as before), else <see cref="ScaledSum.Product(int, ReadOnlySpan{double})"/> (two roundings and one
        /// final scaling). A step beyond ±double.MaxValue is an <see cref="ArgumentException"/> naming the sample.
        /// </summary>
        private double CoordinateStep(ScaledSum mean, ScaledSum square, double c, double g, int t, int i)
        {
            if (mean.IsZero && square.IsZero) return 0;
            var (mm, me) = mean.Parts;
            var (vm, ve) = square.Parts;
            double mc = mm / c, vc = vm / c;                   // |mm|, vm ∈ [1, 2), c ∈ (0, 1]: no over- or underflow
            double m = Math.ScaleB(mc, me), v = Math.ScaleB(vc, ve);
            if (!(NormalOrZero(mc, m) && NormalOrZero(vc, v)))
            {
                long mExponent = mc == 0 ? long.MinValue / 4 : (long)me + Math.ILogB(mc);
                long vExponent = vc == 0 ? 0 : (long)ve + Math.ILogB(vc);
                long k = vc == 0 ? mExponent : (long)Math.Floor(vExponent / 2.0);
                if (mc != 0 && mExponent - k < -1022)
                    k = Math.Max(mExponent + 1022, (long)Math.Ceiling((vExponent - 1022) / 2.0));
                m = mc == 0 ? 0 : Math.ScaleB(mc, (int)Math.Clamp(me - k, -3000, 3000));
                v = vc == 0 ? 0 : Math.ScaleB(vc, (int)Math.Clamp(ve - 2 * k, -3000, 3000));
            }
            var (gammaMantissa, gammaExponent) = FactorParts(m, v, owner.Beta, t, owner.Momentum);
            double xMantissa = owner.Momentum ? mc : g;
            int xExponent = owner.Momentum ? me : 0;
            double gamma = Math.ScaleB(gammaMantissa, gammaExponent), x = Math.ScaleB(xMantissa, xExponent);
            double partial = -owner.StepSize * gamma;
            double result = NormalOrZero(gammaMantissa, gamma) && NormalOrZero(xMantissa, x) && NormalOrZero(gamma, partial)
                ? partial * x
                : ScaledSum.Product(gammaExponent + xExponent, -owner.StepSize, gammaMantissa, xMantissa);
            if (!double.IsFinite(result))
                throw new ArgumentException(
                    $"{owner.Name}: the step −α·γ·{(owner.Momentum ? "m" : "g")} of entry {i} is beyond the double range (±{double.MaxValue:R}): α = {Require.Show(owner.StepSize)}, γ = {Require.Show(gamma)}, {(owner.Momentum ? "m" : "g")} = {Require.Show(x)}.",
                    "sample");
            return result;
        }

        /// <summary>True where <paramref name="scaled"/>, a mantissa times a power of two, is exactly 0 (the mantissa is) or a normal double.</summary>
        private static bool NormalOrZero(double mantissa, double scaled) =>
            mantissa == 0 || Math.Abs(scaled) >= PowerOfTwoScaling.MinNormal && double.IsFinite(scaled);
    }
}
