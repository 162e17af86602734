using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// Control for Prop. 7.1 (not a natural parameterization): N(y; μ, v) with a learned variance, f = (μ, v), v &gt; 0
/// (the natural parameters would be (μ/v, −1/(2v))). log p = −(y − μ)²/(2v) − ½log(2πv);
/// ∇ = ((y − μ)/v, (y − μ)²/(2v²) − 1/(2v)); ∇² = [[−1/v, −(y − μ)/v²], [−(y − μ)/v², 1/(2v²) − (y − μ)²/v³]], which depends on y.
/// </summary>
public sealed class GaussianMeanVariance : LikelihoodBase
{
    /// <inheritdoc />
    public override string Name => "gaussian-mean-variance";

    /// <inheritdoc />
    public override int OutputDimension => 2;

    /// <inheritdoc />
    public override bool IsNaturalParameterization => false;

    /// <inheritdoc />
    protected override void ValidateDomain(Vector<double> f, string name)
    {
        if (!(f[1] > 0))
            throw new ArgumentException($"{name}[1] (a variance) must be > 0, got {Require.Show(f[1])}.", name);
    }

    /// <inheritdoc />
    protected override void ValidateSupport(double y, string name)
    {
    }

    /// <inheritdoc />
    public override T LogDensity<T>(double y, T[] f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var r = T.Constant(y) - f[0];
        return -(r * r) / (T.Constant(2) * f[1]) - T.Constant(0.5) * T.Log(T.Constant(2 * Math.PI) * f[1]);
    }

    /// <inheritdoc />
    protected override double LogDensityUnchecked(double y, Vector<double> f)
    {
        double r = y - f[0], v = f[1];
        return -r * r / (2 * v) - 0.5 * Math.Log(2 * Math.PI * v);
    }

    /// <inheritdoc />
    protected override Vector<double> GradientUnchecked(double y, Vector<double> f)
    {
        double r = y - f[0], v = f[1];
        return Vector<double>.Build.DenseOfArray([r / v, (r * r / v - 1) / (2 * v)]);
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianUnchecked(double y, Vector<double> f)
    {
        double r = y - f[0], v = f[1];
        return Matrix<double>.Build.DenseOfArray(new[,] { { -1 / v, -r / (v * v) }, { -r / (v * v), (0.5 - r * r / v) / (v * v) } });
    }

    /// <inheritdoc />
    protected override ExpectationRule ExpectationUnchecked(Vector<double> f) => ExpectationRule.Gaussian(f[0], f[1]);
}
