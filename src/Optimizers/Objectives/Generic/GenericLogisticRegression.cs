using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;

namespace Verification.Optimizers.Objectives.Generic;

/// <summary>
/// ℓ2-regularized logistic regression f(w) = (1/m)Σ_j ℓ(y_j x_jᵀw) + (μ/2)‖w‖², ℓ(z) = log(1 + e^(−z)), over
/// <see cref="IReal{T}"/>, the twin of <see cref="LogisticRegression"/> on the same data. With z_j = y_j x_jᵀw,
/// ℓ(z) = max(−z, 0) + log(1 + e^(−|z|)) and σ(z) = a/(a + b), a = e^(min(z, 0)), b = e^(min(−z, 0)) (neither
/// overflows): ∇f = −(1/m)Σ(1 − σ_j)y_j x_j + μw, H = (1/m)Σ σ_j(1 − σ_j)x_jx_jᵀ + μI. L_H is the reference's bound.
/// </summary>
public sealed class GenericLogisticRegression : IGenericObjective
{
    private readonly double[][] rows;
    private readonly double[] labels;
    private readonly double ridge;

    /// <summary>Regression on <paramref name="features"/> (one row per sample), labels ±1 and ridge μ = <paramref name="ridge"/>.</summary>
    /// <exception cref="ArgumentException">as <see cref="LogisticRegression"/>'s constructor.</exception>
    public GenericLogisticRegression(Matrix<double> features, IReadOnlyList<double> labels, double ridge, string? name = null)
    {
        Reference = new LogisticRegression(features, labels, ridge, name);
        rows = [.. Enumerable.Range(0, features.RowCount).Select(j => features.Row(j).ToArray())];
        this.labels = [.. labels];
        this.ridge = ridge;
    }

    /// <inheritdoc />
    public IThirdOrderObjective Reference { get; }

    /// <inheritdoc />
    public bool HasDiagonalHessian => false;

    private int N => rows[0].Length;

    private T Margin<T>(int j, IReadOnlyList<T> theta) where T : IReal<T> =>
        T.Of(labels[j]) * RealVector.Dot(RealVector.Constant<T>(rows[j]), theta);

    /// <summary>(σ(z), 1 − σ(z)) without cancellation.</summary>
    private static (T Sigma, T Complement) Sigmoid<T>(T z) where T : IReal<T>
    {
        var a = T.Exp(T.Min(z, T.Of(0)));
        var b = T.Exp(T.Min(-z, T.Of(0)));
        return (a / (a + b), b / (a + b));
    }

    /// <inheritdoc />
    public T Value<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        GenericArguments.Length(theta, N);
        T sum = T.Of(0);
        for (int j = 0; j < rows.Length; j++)
        {
            var z = Margin(j, theta);
            sum += T.Max(-z, T.Of(0)) + T.Log(1 + T.Exp(-T.Abs(z)));
        }
        return sum / rows.Length + T.Of(ridge) / 2 * RealVector.Dot(theta, theta);
    }

    /// <summary>f(θ) itself: every term (each loss and the ridge) is non-negative, so nothing cancels.</summary>
    public T TermMagnitude<T>(IReadOnlyList<T> theta) where T : IReal<T> => Value(theta);

    /// <inheritdoc />
    public T[] Gradient<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        GenericArguments.Length(theta, N);
        var g = new T[N];
        for (int k = 0; k < N; k++)
            g[k] = T.Of(ridge) * theta[k];
        for (int j = 0; j < rows.Length; j++)
        {
            var (_, complement) = Sigmoid(Margin(j, theta));
            var w = complement * T.Of(labels[j]) / rows.Length;
            for (int k = 0; k < N; k++)
                g[k] -= w * T.Of(rows[j][k]);
        }
        return g;
    }

    /// <inheritdoc />
    public RealMatrix<T> Hessian<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        GenericArguments.Length(theta, N);
        var weights = new T[rows.Length];
        for (int j = 0; j < rows.Length; j++)
        {
            var (sigma, complement) = Sigmoid(Margin(j, theta));
            weights[j] = sigma * complement / rows.Length;
        }
        // Entry (i, k) and (k, i) are the same sum in the same order, so H is symmetric in every arithmetic.
        return RealMatrix<T>.Create(N, N, (i, k) =>
        {
            T sum = i == k ? T.Of(ridge) : T.Of(0);
            for (int j = 0; j < rows.Length; j++)
                sum += weights[j] * (T.Of(rows[j][Math.Min(i, k)]) * T.Of(rows[j][Math.Max(i, k)]));
            return sum;
        });
    }

    /// <inheritdoc />
    public T HessianLipschitz<T>() where T : IReal<T> => T.Of(Reference.HessianLipschitz!.Value);
}
