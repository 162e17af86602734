using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// Poisson with log rate f = log λ (the natural parameter): log p = y·f − eᶠ − log y!; ∇ = y − λ; ∇² = −λ. Labels 0, 1, 2, ….
/// An exponential family in f, so ∇² does not depend on y (balles-thesis Prop. 7.1, App. D.2.1). The expectation over y is a sum truncated at K with a rigorous tail bound (see <see cref="ExpectationUnchecked"/>).
/// </summary>
/// <remarks>
/// Range: finite f and labels y whose results are within ±double.MaxValue: λ = eᶠ overflows for f &gt; log(double.MaxValue)
/// ≈ 709.78, and every result involving it is then rejected with an <see cref="ArgumentException"/>, as is y·f or log y!
/// beyond the range (log y! is for y above about 2.6e305); near f = ln y (y ≥ 1, |f − ln y| ≤ ln 2; for log p f − ln y ≤ 10) ∇ and log p are formed
/// without λ, y·f or log y! (<see cref="PoissonNearLabel"/>) and returned wherever they are in range (y = 1.5e308,
/// f = ln y + 0.5: ∇ ≈ −9.7e307, though λ overflows). Accuracy: the terms are evaluated as written, λ within 1 ulp and
/// log y! within 6u relative (<see cref="LogFactorial"/>; exactly 0 for y ≤ 1); log p is within 7u·(|y·f| + λ + log y!) +
/// 2^-1073 (the product and two subtractions give 3u·|y·f|, λ's 2u and the subtractions 4u·λ, log y!'s 6u and the last
/// subtraction 7u·log y!; 2^-1074 each where y·f or λ is subnormal). Those terms cancel where y ≥ 1 and f − ln y is not
/// well above 0 (log p at y = 1e15, f = log y is about −18.19, from terms near 3.4e16: it came out −20, e^{log p} 6.1 times
/// off; 2276 ulp off at y = 1e300, f = ln y − 0.75): for y ≥ 1 and f − ln y ≤ 10 log p is c(y) − y·φ(f − ln y), two terms
/// ≤ 0, within 9.8u relative plus 2^-1074 for |f − ln y| ≤ 0.7, 10u below, 22u from 0.7 to 10, and beyond 10 the written
/// form is within 7.5u relative (<see cref="PoissonNearLabel.LogDensity"/>, <see cref="PoissonNearLabel.LogDensityApplies"/>);
/// over <see cref="Real"/> bit for bit; over <see cref="HyperDual"/> with φ as a jet primitive for |f − ln y| ≤ ln 2, and
/// beyond that up to f − ln y = 10 with the written parts (|y − λ| ≥ max(y, λ)/2 there, so they do not cancel) and the
/// value of c(y) − y·φ(f − ln y), bit for bit <see cref="Real"/>'s (before stop 47 the written value, 2276 ulp off at
/// y = 1e300, f = ln y − 0.75); the written terms are still formed there, so where one of them is beyond the range (y·f
/// for y above about 2.5e305) HyperDual rejects what Real returns, naming the range. At y = 0 log p = −λ is λ negated (0·f and log 0! are exact zeros): within 1 ulp, 2u relative plus
/// 2^-1074. ∇ = y − λ is within 6.3u·|y − λ| + 2^-1074: where
/// y ≥ 1 and |f − ln y| ≤ ln 2 as −y·expm1(f − ln y) (<see cref="PoissonNearLabel"/>; the written y − λ kept only λ's
/// absolute error there, 1.125 for 1.185 at y = 1e15, f = ln y, and 0 for −3.1e-59 at y = 1, f = 3.1e-59), elsewhere as
/// written, where |y − λ| ≥ max(y, λ)/2, so λ's 2u and the subtraction's u give 5u; ∇² = −λ is within 1 ulp.
/// </remarks>
public sealed class PoissonLog : LikelihoodBase
{
    /// <summary>Largest log rate the truncated expectation accepts (λ ≤ e⁴ ≈ 55, so K stays below ~150 nodes).</summary>
    public const double MaxLogRate = 4;

    /// <summary>The tail bound aimed for, relative to max(1, λ) (the size of the Fisher in output space).</summary>
    public const double RelativeTail = 1e-18;

    /// <inheritdoc />
    public override string Name => "poisson-log";

    /// <inheritdoc />
    public override int OutputDimension => 1;

    /// <inheritdoc />
    public override bool IsNaturalParameterization => true;

    /// <inheritdoc />
    protected override void ValidateSupport(double y, string name) => RequireIndex(y, null, name);

    /// <inheritdoc />
    /// <remarks>
    /// y must be a count (an ArgumentException otherwise): near f = ln y the form reads c(y) from a table by ⌊y⌋, which
    /// would be silently wrong for y = 2.5 (the written form threw through <see cref="LogFactorial"/>).
    /// </remarks>
    public override T LogDensity<T>(double y, T[] f)
    {
        ArgumentNullException.ThrowIfNull(f);
        RequireIndex(y, null, nameof(y));
        // c(y) − y·φ(f − ln y), whose value (and near f = ln y its parts) does not cancel (see LogDensityUnchecked)
        if (typeof(T) == typeof(Real) && PoissonNearLabel.LogDensityApplies(y, f[0].Value))
            return (T)(object)new Real(PoissonNearLabel.LogDensity(y, f[0].Value));
        if (typeof(T) == typeof(HyperDual) && PoissonNearLabel.Applies(y, f[0].Value))
        {
            var x = (HyperDual)(object)f[0];
            var s = x - HyperDual.Constant(x.Value) + HyperDual.Constant(PoissonNearLabel.LogRatio(y, x.Value)); // value s, parts f's
            return (T)(object)(HyperDual.Constant(PoissonNearLabel.LabelConstant(y)) - HyperDual.Constant(y) * HyperDual.ExpRemainder(s));
        }
        var written = T.Constant(y) * f[0] - T.Exp(f[0]) - T.Constant(LogFactorial(y));
        if (typeof(T) == typeof(HyperDual) && PoissonNearLabel.LogDensityApplies(y, f[0].Value))
            return (T)(object)((HyperDual)(object)written with { Value = PoissonNearLabel.LogDensity(y, f[0].Value) });
        return written;
    }

    /// <inheritdoc />
    protected override double LogDensityUnchecked(double y, Vector<double> f) =>
        PoissonNearLabel.LogDensityApplies(y, f[0]) ? PoissonNearLabel.LogDensity(y, f[0]) : y * f[0] - Math.Exp(f[0]) - LogFactorial(y);

    /// <inheritdoc />
    protected override Vector<double> GradientUnchecked(double y, Vector<double> f) => One(PoissonNearLabel.Score(y, f[0]));

    /// <summary>
    /// ∇ = −λ = −e^f for y = 0 below f = −700 as M·2^E (<see cref="ScaledExp"/>, within 3u), where the double λ is subnormal
    /// or 0 from f ≈ −708 on; null elsewhere (for y ≥ 1, |y − λ| is 0 or at least ulp(1)/2, never below 2^-1022).
    /// </summary>
    private protected override ScaledVector? GradientScaledUnchecked(double y, Vector<double> f)
    {
        if (y != 0 || f[0] >= -700)
            return null;
        var (m, e) = ScaledExp.Of(f[0]);
        return new ScaledVector([-m], [e]);
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianUnchecked(double y, Vector<double> f) => Scalar(-Math.Exp(f[0]));

    /// <summary>
    /// ∇² = −λ = −e^f below f = −700 as M·2^E (<see cref="ScaledExp"/>, within 3u), where the double is subnormal or 0 from
    /// f ≈ −708 on; null elsewhere.
    /// </summary>
    private protected override ScaledMatrix? HessianScaledUnchecked(double y, Vector<double> f)
    {
        if (f[0] >= -700)
            return null;
        var (m, e) = ScaledExp.Of(f[0]);
        return ScaledMatrix.Scalar(-m, e);
    }

    /// <summary>log y! for y = 0…170: the log of the double product 2·3·…·y (exact up to 22!, then one rounding a factor).</summary>
    private static readonly double[] SmallLogFactorials = BuildSmallLogFactorials();

    /// <summary>½log 2π.</summary>
    private const double HalfLogTwoPi = 0.91893853320467274;

    /// <summary>
    /// log y! for a natural number y: 0 for y ≤ 1; for y ≤ 170 the log of the double product y! (its ≤ y − 22 roundings
    /// move the log by ≤ (y − 22)u ≤ 0.25u·log y!, and the log rounds once); above, Stirling's series
    /// y(log y − 1) + ½log y + ½log 2π + 1/(12y) − 1/(360y³), whose remainder lies in (0, 1/(1260y⁵)) (below 0.07u of log y!
    /// for y ≥ 171), evaluated as written (log y − 1 within 3.5u, the product 4.5u, the sum 5.5u). Relative error ≤ 6u; +∞ only
    /// where log y! is beyond double.MaxValue to within that (y above about 2.6e305). MathNet's GammaLn(y + 1), used before,
    /// was −4.4e-16 at y = 0 and 42u off at y = 2.
    /// </summary>
    /// <exception cref="ArgumentException">y is not a natural number.</exception>
    public static double LogFactorial(double y)
    {
        RequireIndex(y, null, nameof(y));
        if (y <= 170)
            return SmallLogFactorials[(int)y];
        double log = Math.Log(y);
        return y * (log - 1) + (0.5 * log + (HalfLogTwoPi + (1 / (12 * y) - 1 / (360 * y * y * y))));
    }

    private static double[] BuildSmallLogFactorials()
    {
        var table = new double[171];
        double product = 1;
        for (int k = 1; k < table.Length; k++)
        {
            product *= k;
            table[k] = Math.Log(product);
        }
        return table;
    }

    /// <summary>
    /// Nodes 0…K with weights p(y) = exp(y·log λ − λ − log y!). Tail bound: for y ≥ K + 1 ≥ 2λ + 2 the integrand weight
    /// max((y − λ)², λ, 1) ≤ y², and the ratio p(y+1)(y+1)²/(p(y)y²) = λ(y+1)/y² ≤ ρ := λ(K+2)/(K+1)²; K grows until
    /// ρ ≤ 1/2, so Σ_{y&gt;K} p(y)y² ≤ p(K+1)(K+1)²/(1 − ρ) ≤ 2p(K+1)(K+1)² (a geometric series), and until that bound is
    /// ≤ <see cref="RelativeTail"/>·max(1, λ). The reported bound is 4p(K+1)(K+1)² + 2(K+1)²·2^-1074: a factor 2 covers the
    /// rounding of log y! and exp in evaluating p(K+1) (far below a relative 1e-10 here), and 2(K+1)²·2^-1074 the computed
    /// p(K+1)'s absolute error where it is subnormal or 0, below 2^-1074 for an exp that is at least faithful (the bound was
    /// 0 there, at η ≈ −247.8, for a tail near 4.4·2^-1074).
    /// Each weight is within (δ + 2u)(1 + 2δ) of p(y), relative, plus 2^-1074, where δ = 7u·(y|η| + λ + log y!) bounds the
    /// error of its log, as for log p.
    /// </summary>
    protected override ExpectationRule ExpectationUnchecked(Vector<double> f)
    {
        double eta = f[0];
        if (eta > MaxLogRate)
            throw new ArgumentException($"f[0] (log rate) must be ≤ {MaxLogRate} for the truncated expectation, got {Require.Show(eta)}.", nameof(f));
        double lambda = Math.Exp(eta);
        double LogP(int y) => LogWeight(y, eta, lambda);
        int k = (int)Math.Ceiling(2 * lambda + 2);
        double bound;
        while (true)
        {
            double rho = lambda * (k + 2) / ((double)(k + 1) * (k + 1));
            bound = 4 * Math.Exp(LogP(k + 1)) * (k + 1.0) * (k + 1.0) + 2 * (k + 1.0) * (k + 1.0) * double.Epsilon;
            if (rho <= 0.5 && bound <= RelativeTail * Math.Max(1, lambda))
                break;
            k++;
        }
        var labels = Enumerable.Range(0, k + 1).Select(y => (double)y).ToArray();
        var weights = labels.Select(y => Math.Exp(LogP((int)y))).ToArray();
        return new ExpectationRule(labels, weights, bound, $"sum over y = 0…{k}, tail ≤ 4p(K+1)(K+1)²");
    }

    /// <summary>log p(y) = y·η − λ − log y! as written (η = f, λ = e^η), the log of the rule's weight at node y.</summary>
    private static double LogWeight(int y, double eta, double lambda) => y * eta - lambda - LogFactorial(y);

    /// <summary>
    /// The weights p(y) = e^{log p(y)} of <see cref="ExpectationUnchecked"/>'s nodes, those whose log is below −700 as M·2^E
    /// (<see cref="ScaledExp"/>: 3u in place of Math.Exp's 1 ulp, so within (δ + 3u)(1 + 2δ) of p(y), relatively, δ as
    /// there); null where every log p(y) is at least −700.
    /// </summary>
    private protected override ScaledVector? WeightsScaledUnchecked(Vector<double> f)
    {
        var rule = ExpectationUnchecked(f);
        double eta = f[0], lambda = Math.Exp(eta);
        var logs = rule.Labels.Select(y => LogWeight((int)y, eta, lambda)).ToArray();
        if (logs.All(l => l >= -700))
            return null;
        var (mantissas, exponents) = (new double[logs.Length], new int[logs.Length]);
        for (int k = 0; k < logs.Length; k++)
            (mantissas[k], exponents[k]) = logs[k] >= -700 ? (rule.Weights[k], 0) : ScaledExp.Of(logs[k]);
        return new ScaledVector(mantissas, exponents);
    }
}
