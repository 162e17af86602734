using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// Control for Prop. 7.1 (not a natural parameterization): p(y = 1|q) = q with f = q ∈ (0, 1) the probability itself.
/// log p = y·log q + (1 − y)·log(1 − q); ∇ = y/q − (1 − y)/(1 − q); ∇² = −y/q² − (1 − y)/(1 − q)², which depends on y.
/// </summary>
/// <remarks>
/// Range: every q ∈ (0, 1), subnormals included, whose results are within ±double.MaxValue; beyond it (∇ = 1/q for
/// q &lt; 1/double.MaxValue, ∇² = −1/q² for q below about 7.5e-155) an <see cref="ArgumentException"/> naming f and that
/// range; the curvature matrices of <see cref="LikelihoodProblem"/> and the canonical split's GGN (<see cref="Splits"/>) use
/// ∇² through its factors (−1/q)·(1/q) there, so they stay finite where they are (down to q = 1/double.MaxValue; below it
/// they re-throw naming θ); so do <see cref="CurvatureProblem{T}"/>'s expected negative Hessian and canonical split in
/// doubles (its GGN's J₃₃/q² term, the output bias's, is itself beyond the range there). log(1 − q) is
/// log1p(−q) (the written log(1 − q) returned 0 for every q &lt; 2^-54, exact ≈ −q); ∇² is −(1/q)², so that q² never
/// underflows where 1/q² is in range. Accuracy: log p within 8 ulp (log1p) or 1 ulp (log q); ∇ within 2 ulp; ∇² within 4 ulp
/// (1 − q rounds once for q &lt; ½, exactly otherwise).
/// </remarks>
public sealed class BernoulliProbability : LikelihoodBase
{
    /// <inheritdoc />
    public override string Name => "bernoulli-probability";

    /// <inheritdoc />
    public override int OutputDimension => 1;

    /// <inheritdoc />
    public override bool IsNaturalParameterization => false;

    /// <inheritdoc />
    protected override void ValidateDomain(Vector<double> f, string name)
    {
        if (!(f[0] > 0 && f[0] < 1))
            throw new ArgumentException($"{name}[0] (a probability) must be in (0, 1), got {Require.Show(f[0])}.", name);
    }

    /// <inheritdoc />
    protected override void ValidateSupport(double y, string name) => RequireIndex(y, 2, name);

    /// <inheritdoc />
    public override T LogDensity<T>(double y, T[] f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return y == 1 ? T.Log(f[0]) : T.Log(T.Constant(1) - f[0]);
    }

    /// <inheritdoc />
    protected override double LogDensityUnchecked(double y, Vector<double> f) => y == 1 ? Math.Log(f[0]) : LogOnePlus.Of(-f[0]);

    /// <inheritdoc />
    protected override Vector<double> GradientUnchecked(double y, Vector<double> f) => One(y == 1 ? 1 / f[0] : -1 / (1 - f[0]));

    /// <inheritdoc />
    protected override Matrix<double> HessianUnchecked(double y, Vector<double> f) =>
        Scalar(y == 1 ? -Square(1 / f[0]) : -Square(1 / (1 - f[0])));

    private static double Square(double x) => x * x;

    /// <summary>∇² = (−r)·r with r = 1/q (y = 1) or 1/(1 − q) (y = 0): finite down to q = 1/double.MaxValue, where −r² itself
    /// leaves the range below q ≈ 7.5e-155. The product (−r)·r is bit for bit the Hessian where that is finite.</summary>
    private protected override (Matrix<double> P, Matrix<double> Q)? HessianFactorsUnchecked(double y, Vector<double> f)
    {
        double r = y == 1 ? 1 / f[0] : 1 / (1 - f[0]);
        return (Scalar(-r), Scalar(r));
    }

    /// <inheritdoc />
    protected override ExpectationRule ExpectationUnchecked(Vector<double> f) =>
        new([0, 1], [1 - f[0], f[0]], 0, "exact sum over {0, 1}");
}
