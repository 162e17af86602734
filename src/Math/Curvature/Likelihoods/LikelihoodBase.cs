using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>Shared validation for the likelihoods: every public entry checks f and y before computing.</summary>
public abstract class LikelihoodBase : ILikelihood
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract int OutputDimension { get; }

    /// <inheritdoc />
    public abstract bool IsNaturalParameterization { get; }

    /// <inheritdoc />
    public void ValidateOutput(Vector<double> f, string name)
    {
        Require.Finite(f, name);
        Require.SameLength(OutputDimension, f.Count, name);
        ValidateDomain(f, name);
    }

    /// <inheritdoc />
    public void ValidateLabel(double y, string name)
    {
        Require.Finite(y, name);
        ValidateSupport(y, name);
    }

    /// <summary>Domain check beyond length and finiteness (default: all of ℝ^M).</summary>
    protected virtual void ValidateDomain(Vector<double> f, string name)
    {
    }

    /// <summary>Support check beyond finiteness.</summary>
    protected abstract void ValidateSupport(double y, string name);

    /// <summary>Rejects a label that is not one of 0, 1, …, count − 1 (count = null: any natural number).</summary>
    protected static void RequireIndex(double y, int? count, string name)
    {
        if (y < 0 || y != Math.Floor(y) || (count is int c && y >= c))
            throw new ArgumentException(
                $"{name} must be an integer in [0, {(count is int k ? (k - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "∞")}], got {Require.Show(y)}.", name);
    }

    /// <inheritdoc />
    public double LogDensity(double y, Vector<double> f)
    {
        Check(y, f);
        return LogDensityUnchecked(y, f);
    }

    /// <inheritdoc />
    public Vector<double> Gradient(double y, Vector<double> f)
    {
        Check(y, f);
        return GradientUnchecked(y, f);
    }

    /// <inheritdoc />
    public Matrix<double> Hessian(double y, Vector<double> f)
    {
        Check(y, f);
        return HessianUnchecked(y, f);
    }

    /// <inheritdoc />
    public abstract T LogDensity<T>(double y, T[] f) where T : IDualScalar<T>;

    /// <inheritdoc />
    public ExpectationRule Expectation(Vector<double> f)
    {
        ValidateOutput(f, nameof(f));
        return ExpectationUnchecked(f);
    }

    /// <summary>log p(y|f) on validated arguments.</summary>
    protected abstract double LogDensityUnchecked(double y, Vector<double> f);

    /// <summary>∇_f log p on validated arguments.</summary>
    protected abstract Vector<double> GradientUnchecked(double y, Vector<double> f);

    /// <summary>∇²_f log p on validated arguments.</summary>
    protected abstract Matrix<double> HessianUnchecked(double y, Vector<double> f);

    /// <summary>The expectation rule on a validated f.</summary>
    protected abstract ExpectationRule ExpectationUnchecked(Vector<double> f);

    private void Check(double y, Vector<double> f)
    {
        ValidateOutput(f, nameof(f));
        ValidateLabel(y, nameof(y));
    }

    /// <summary>A 1×1 matrix.</summary>
    protected static Matrix<double> Scalar(double value) => Matrix<double>.Build.Dense(1, 1, value);

    /// <summary>A length-1 vector.</summary>
    protected static Vector<double> One(double value) => Vector<double>.Build.Dense(1, value);
}
