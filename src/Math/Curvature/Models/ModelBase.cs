using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Models;

/// <summary>Argument checks shared by the models.</summary>
public abstract class ModelBase : IModel
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract int InputDimension { get; }

    /// <inheritdoc />
    public abstract int ParameterDimension { get; }

    /// <inheritdoc />
    public abstract int OutputDimension { get; }

    /// <inheritdoc />
    public Vector<double> Output(Vector<double> x, Vector<double> theta)
    {
        Check(x, theta);
        return OutputUnchecked(x, theta);
    }

    /// <summary>f on validated arguments: the generic <see cref="Output{T}"/> in plain doubles unless a model overrides it.</summary>
    protected virtual Vector<double> OutputUnchecked(Vector<double> x, Vector<double> theta) =>
        Vector<double>.Build.DenseOfEnumerable(Output(x, theta.Select(t => new Real(t)).ToArray()).Select(r => r.Value));

    /// <inheritdoc />
    public Matrix<double> Jacobian(Vector<double> x, Vector<double> theta)
    {
        Check(x, theta);
        return JacobianUnchecked(x, theta);
    }

    /// <inheritdoc />
    public Matrix<double> OutputHessian(Vector<double> x, Vector<double> theta, int m)
    {
        Check(x, theta);
        if (m < 0 || m >= OutputDimension)
            throw new ArgumentException($"m must be in [0, {OutputDimension - 1}], got {m}.", nameof(m));
        return OutputHessianUnchecked(x, theta, m);
    }

    /// <inheritdoc />
    public abstract T[] Output<T>(Vector<double> x, T[] theta) where T : IDualScalar<T>;

    /// <summary>J on validated arguments.</summary>
    protected abstract Matrix<double> JacobianUnchecked(Vector<double> x, Vector<double> theta);

    /// <summary>∇²f^(m) on validated arguments.</summary>
    protected abstract Matrix<double> OutputHessianUnchecked(Vector<double> x, Vector<double> theta, int m);

    /// <summary>Throws unless x has length D and θ length d, both finite.</summary>
    public void Check(Vector<double> x, Vector<double> theta)
    {
        Require.Finite(x, nameof(x));
        Require.SameLength(InputDimension, x.Count, nameof(x));
        Require.Finite(theta, nameof(theta));
        Require.SameLength(ParameterDimension, theta.Count, nameof(theta));
    }

    /// <summary>
    /// The checks of <see cref="Check"/> for the generic <see cref="Output{T}"/>: x of length D with finite entries, θ of
    /// length d with finite values (a θ of the wrong length read past its end or ignored its tail).
    /// </summary>
    protected void CheckGeneric<T>(Vector<double> x, T[] theta) where T : IDualScalar<T>
    {
        Require.Finite(x, nameof(x));
        Require.SameLength(InputDimension, x.Count, nameof(x));
        ArgumentNullException.ThrowIfNull(theta);
        Require.SameLength(ParameterDimension, theta.Length, nameof(theta));
        for (int i = 0; i < theta.Length; i++)
            if (!double.IsFinite(theta[i].Value))
                throw new ArgumentException($"theta[{i}] must be finite, got {Require.Show(theta[i].Value)}.", nameof(theta));
    }

    /// <summary>Rejects a dimension below <paramref name="min"/>.</summary>
    protected static int AtLeast(int value, int min, string name) =>
        value >= min ? value : throw new ArgumentException($"{name} must be ≥ {min}, got {value}.", name);
}
