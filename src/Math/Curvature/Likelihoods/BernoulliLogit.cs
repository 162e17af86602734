using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// p(y = 1|f) = σ(f) with the logit f as natural parameter (eq. D.33): log p = y·f − log(1 + eᶠ); ∇ = y − σ(f);
/// ∇² = −σ(f)(1 − σ(f)). Labels 0 and 1.
/// </summary>
/// <remarks>
/// Range: every finite f. Evaluated without cancellation through 1 − σ(f) = σ(−f): log p(1|f) = −softplus(−f),
/// log p(0|f) = −softplus(f), ∇ = σ(−f) for y = 1 and −σ(f) for y = 0, ∇² = −σ(f)·σ(−f); the forms as written lose every
/// digit once σ(f) rounds to 1 (f &gt; 37: log p(1|40) came out 0 for −4.2e-18). Accuracy over the whole double range:
/// <see cref="Sigmoid"/> and ∇ within 3 ulp, ∇² within 7 ulp, <see cref="Softplus"/> and log p within 10 ulp
/// (ulp never below 2^-1074: a value below the subnormal range is returned as 0).
/// </remarks>
public sealed class BernoulliLogit : LikelihoodBase
{
    /// <inheritdoc />
    public override string Name => "bernoulli-logit";

    /// <inheritdoc />
    public override int OutputDimension => 1;

    /// <inheritdoc />
    public override bool IsNaturalParameterization => true;

    /// <summary>σ(f) = 1/(1 + e^(−f)), evaluated without overflow.</summary>
    /// <remarks>
    /// Every finite f. e^(−|f|) (≤ 1 ulp) enters with weight ≤ 1, then one sum and one quotient: relative error ≤ 3u plus
    /// Math.Exp's, within 3 ulp where σ(f) is normal; for f &lt; −708 the subnormal e^f adds ½·2^-1074.
    /// </remarks>
    public static double Sigmoid(double f) => f >= 0 ? 1 / (1 + Math.Exp(-f)) : Math.Exp(f) / (1 + Math.Exp(f));

    /// <summary>log(1 + eᶠ) = max(f, 0) + log1p(e^(−|f|)).</summary>
    /// <remarks>
    /// Every finite f. e^(−|f|) (≤ 1 ulp, passed through log1p with condition number ≤ 1), log1p by Goldberg's correction
    /// (≤ 5u plus Math.Log's ≤ 2u) and a sum of two non-negative terms: relative error ≤ 10u, within 10 ulp. (The former
    /// log(1 + e^(−|f|)) returned 0 for every f &lt; −37, where the exact value is e^f &gt; 0.)
    /// </remarks>
    public static double Softplus(double f) => Math.Max(f, 0) + LogOnePlus.Of(Math.Exp(-Math.Abs(f)));

    /// <inheritdoc />
    protected override void ValidateSupport(double y, string name) => RequireIndex(y, 2, name);

    /// <inheritdoc />
    public override T LogDensity<T>(double y, T[] f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return LogSumExp.LogSoftmax([T.Constant(0), f[0]], y == 1 ? 1 : 0); // y·f − log(1 + eᶠ) for y ∈ {0, 1}
    }

    /// <inheritdoc />
    protected override double LogDensityUnchecked(double y, Vector<double> f) => -Softplus(y == 1 ? -f[0] : f[0]);

    /// <inheritdoc />
    protected override Vector<double> GradientUnchecked(double y, Vector<double> f) => One(y == 1 ? Sigmoid(-f[0]) : -Sigmoid(f[0]));

    /// <summary>
    /// ∇ = ±σ(t) with t = −f for y = 1 and f for y = 0, below t = −700 as e^t = M·2^E (<see cref="ScaledExp"/>, within 3u;
    /// σ(t) = e^t/(1 + e^t) differs from e^t by less than 2^-1009 relatively), where the double σ(t) is subnormal or 0 from
    /// t ≈ −708 on; null above −700.
    /// </summary>
    private protected override ScaledVector? GradientScaledUnchecked(double y, Vector<double> f)
    {
        double t = y == 1 ? -f[0] : f[0];
        if (t >= -700)
            return null;
        var (m, e) = ScaledExp.Of(t);
        return new ScaledVector([y == 1 ? m : -m], [e]);
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianUnchecked(double y, Vector<double> f)
    {
        return Scalar(-Sigmoid(f[0]) * Sigmoid(-f[0]));
    }

    /// <summary>
    /// ∇² = −σ(f)σ(−f) = −e^{−|f|}/(1 + e^{−|f|})² beyond |f| = 700 as −e^{−|f|} = M·2^E (<see cref="ScaledExp"/>, within 3u;
    /// the factor (1 + e^{−|f|})^-2 differs from 1 by less than 2^-1008), where the double is subnormal or 0 from |f| ≈ 708
    /// on; null within 700.
    /// </summary>
    private protected override ScaledMatrix? HessianScaledUnchecked(double y, Vector<double> f)
    {
        if (Math.Abs(f[0]) <= 700)
            return null;
        var (m, e) = ScaledExp.Of(-Math.Abs(f[0]));
        return ScaledMatrix.Scalar(-m, e);
    }

    /// <inheritdoc />
    protected override ExpectationRule ExpectationUnchecked(Vector<double> f)
    {
        double s = Sigmoid(f[0]);
        return new ExpectationRule([0, 1], [Sigmoid(-f[0]), s], 0, "exact sum over {0, 1}");
    }

    /// <summary>
    /// The weights p(0|f) = σ(−f) and p(1|f) = σ(f) beyond |f| = 700, the smaller as e^{−|f|} = M·2^E (<see cref="ScaledExp"/>,
    /// within 3u, as for ∇) and the larger, σ(|f|), the double 1 (within 2^-1009 of it); null within 700.
    /// </summary>
    private protected override ScaledVector? WeightsScaledUnchecked(Vector<double> f)
    {
        if (Math.Abs(f[0]) <= 700)
            return null;
        var (m, e) = ScaledExp.Of(-Math.Abs(f[0]));
        return f[0] > 0 ? new ScaledVector([m, 1], [e, 0]) : new ScaledVector([1, m], [0, e]);
    }
}
