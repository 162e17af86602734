using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Random;
using Verification.Numerics.Curvature.Likelihoods;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// L2-regularized logistic regression (thesis §2.1.3) as a finite sum: f(θ) = (1/N)Σₙ ℓₙ(θ) with
/// ℓₙ(θ) = log(1 + exp(−yₙxₙᵀθ)) + (λ/2)‖θ‖², labels yₙ ∈ {−1, +1}. ∇ℓₙ = −yₙσ(−yₙxₙᵀθ)xₙ + λθ and
/// ∇²f = (1/N)Σ σ(zₙ)σ(−zₙ)xₙxₙᵀ + λI, σ the logistic function; log(1 + eᵘ) is evaluated without overflow.
/// </summary>
public sealed class MinibatchLogisticRegression : IObjective
{
    private readonly Matrix<double> x;
    private readonly Vector<double> y;

    /// <summary>The problem with features <paramref name="features"/> (N×d), labels ±1 and regularization λ ≥ 0.</summary>
    public MinibatchLogisticRegression(Matrix<double> features, Vector<double> labels, double regularization, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.RowCount == 0 || features.ColumnCount == 0)
            throw new ArgumentException($"features must be non-empty, got {features.RowCount}×{features.ColumnCount}.", nameof(features));
        for (int n = 0; n < features.RowCount; n++)
            for (int j = 0; j < features.ColumnCount; j++)
                Require.Finite(features[n, j], $"{nameof(features)}[{n},{j}]");
        Require.Finite(labels, nameof(labels));
        Require.SameLength(features.RowCount, labels.Count, nameof(labels));
        for (int n = 0; n < labels.Count; n++)
            if (labels[n] != 1 && labels[n] != -1)
                throw new ArgumentException($"labels[{n}] must be ±1, got {Require.Show(labels[n])}.", nameof(labels));
        Regularization = Require.NonNegative(regularization, nameof(regularization));
        x = features.Clone();
        y = labels.Clone();
        Name = name ?? $"logistic(N={x.RowCount}, d={x.ColumnCount}, λ={Require.Show(Regularization)})";
    }

    /// <summary>
    /// A seeded synthetic data set: xₙ ~ N(0, I_d), a true θ* ~ N(0, I), labels yₙ = sign(xₙᵀθ*) flipped with probability
    /// <paramref name="flip"/> (so the classes overlap and the minimizer is finite even at λ = 0 for large N).
    /// </summary>
    public static MinibatchLogisticRegression Synthetic(int count, int dimension, double regularization, double flip, int seed)
    {
        if (count < 1) throw new ArgumentException($"count must be ≥ 1, got {count}.", nameof(count));
        if (dimension < 1) throw new ArgumentException($"dimension must be ≥ 1, got {dimension}.", nameof(dimension));
        if (!(flip >= 0 && flip <= 1)) throw new ArgumentException($"flip must be in [0, 1], got {flip}.", nameof(flip));
        var random = new Random(seed);
        var truth = Vector<double>.Build.Dense(dimension, _ => StandardNormal.Draw(random));
        var features = Matrix<double>.Build.Dense(count, dimension, (_, _) => 0);
        var labels = Vector<double>.Build.Dense(count);
        for (int n = 0; n < count; n++)
        {
            for (int j = 0; j < dimension; j++)
                features[n, j] = StandardNormal.Draw(random);
            double label = features.Row(n) * truth >= 0 ? 1 : -1;
            labels[n] = random.NextDouble() < flip ? -label : label;
        }
        return new MinibatchLogisticRegression(features, labels, regularization, $"logistic(N={count}, d={dimension}, seed={seed})");
    }

    /// <summary>λ.</summary>
    public double Regularization { get; }

    /// <summary>N, the number of data points.</summary>
    public int Count => x.RowCount;

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int Dimension => x.ColumnCount;

    /// <summary>ℓₙ(θ).</summary>
    public double TermValue(int n, Vector<double> theta)
    {
        Check(theta);
        double u = -y[n] * (x.Row(n) * theta);
        return Softplus(u) + Regularization / 2 * (theta * theta);
    }

    /// <summary>∇ℓₙ(θ).</summary>
    public Vector<double> TermGradient(int n, Vector<double> theta)
    {
        Check(theta);
        double u = -y[n] * (x.Row(n) * theta);
        return x.Row(n) * (-y[n] * Logistic(u)) + Regularization * theta;
    }

    /// <inheritdoc />
    public double Value(Vector<double> theta)
    {
        Check(theta);
        var margins = x * theta;
        double s = 0;
        for (int n = 0; n < Count; n++)
            s += Softplus(-y[n] * margins[n]);
        return s / Count + Regularization / 2 * (theta * theta);
    }

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta)
    {
        Check(theta);
        var margins = x * theta;
        var weights = Vector<double>.Build.Dense(Count, n => -y[n] * Logistic(-y[n] * margins[n]) / Count);
        return x.TransposeThisAndMultiply(weights) + Regularization * theta;
    }

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta)
    {
        Check(theta);
        var margins = x * theta;
        var h = Matrix<double>.Build.DenseIdentity(Dimension) * Regularization;
        for (int n = 0; n < Count; n++)
        {
            double s = Logistic(margins[n]) * Logistic(-margins[n]) / Count;
            var row = x.Row(n);
            h += s * row.OuterProduct(row);
        }
        return h;
    }

    /// <summary>
    /// log(1 + eᵘ) = <see cref="BernoulliLogit.Softplus"/> (log1p form, within 10 ulp everywhere, eᵘ itself for u ≪ 0
    /// instead of the 0 that log(1 + eᵘ) rounds to below u ≈ −37).
    /// </summary>
    public static double Softplus(double u) => BernoulliLogit.Softplus(u);

    /// <summary>σ(u) = 1/(1 + e^(−u)) without overflow: <see cref="BernoulliLogit.Sigmoid"/>.</summary>
    public static double Logistic(double u) => BernoulliLogit.Sigmoid(u);

    private void Check(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(Dimension, theta.Count, nameof(theta));
    }
}
