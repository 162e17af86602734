using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// ℓ2-regularized logistic regression on a seeded tiny dataset: f(w) = (1/m)Σ_j ℓ(y_j x_jᵀw) + (μ/2)‖w‖², with
/// ℓ(z) = log(1 + e^{−z}) and labels y_j = ±1. With p = σ(z): ℓ' = p − 1, ℓ'' = p(1 − p), ℓ''' = p(1 − p)(1 − 2p), so
/// H = (1/m)Σ ℓ''·x_jx_jᵀ + μI and T[u] = (1/m)Σ ℓ'''·y_j(x_jᵀu)·x_jx_jᵀ. Since |ℓ'''| ≤ √3/18,
/// ‖T[u]‖₂ ≤ (√3/18)(1/m)Σ‖x_j‖³·‖u‖: that is the rigorous L_H of eq. (2).
/// </summary>
public sealed class LogisticRegression : IThirdOrderObjective
{
    /// <summary>sup_p p(1 − p)|1 − 2p| = √3/18 = 0.0962250448649376…; rounded up.</summary>
    private const double PeakThird = 0.09622504486493764;

    private readonly Matrix<double> x;
    private readonly double[][] rows;
    private readonly double[] y;
    private readonly double mu;

    /// <summary>Regression on features <paramref name="features"/> (one row per sample) with labels ±1 and ridge <paramref name="ridge"/>.</summary>
    /// <exception cref="ArgumentException">empty or non-finite data, labels other than ±1, negative ridge, length mismatch.</exception>
    public LogisticRegression(Matrix<double> features, IReadOnlyList<double> labels, double ridge, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.RowCount == 0 || features.ColumnCount == 0)
            throw new ArgumentException($"features must be non-empty, got {features.RowCount}×{features.ColumnCount}.", nameof(features));
        foreach (var (_, _, v) in features.EnumerateIndexed())
            Require.Finite(v, nameof(features));
        Require.SameLength(features.RowCount, labels.Count, nameof(labels));
        for (int j = 0; j < labels.Count; j++)
            if (labels[j] != 1 && labels[j] != -1)
                throw new ArgumentException($"labels[{j}] must be ±1, got {Require.Show(labels[j])}.", nameof(labels));
        x = features.Clone();
        rows = [.. Enumerable.Range(0, x.RowCount).Select(j => x.Row(j).ToArray())];
        y = [.. labels];
        mu = Require.NonNegative(ridge, nameof(ridge));
        double cubes = Enumerable.Range(0, x.RowCount).Sum(j => Math.Pow(x.Row(j).L2Norm(), 3));
        HessianLipschitz = PeakThird * cubes / x.RowCount * (1 + 1e-12);
        Name = name ?? $"logistic-regression(m={x.RowCount}, n={x.ColumnCount}, μ={Require.Show(mu)})";
    }

    /// <summary>A seeded dataset: m samples with standard Gaussian features and labels from a random separator plus 20% flips.</summary>
    /// <exception cref="ArgumentException">m or n &lt; 1, negative ridge.</exception>
    public static LogisticRegression Seeded(int samples, int dimension, int seed, double ridge)
    {
        if (samples < 1)
            throw new ArgumentException($"samples must be ≥ 1, got {samples}.", nameof(samples));
        if (dimension < 1)
            throw new ArgumentException($"dimension must be ≥ 1, got {dimension}.", nameof(dimension));
        var random = new System.Random(seed);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var w = Vector<double>.Build.Dense(dimension, _ => Gauss());
        var features = Matrix<double>.Build.Dense(samples, dimension, (_, _) => Gauss());
        var labels = new double[samples];
        for (int j = 0; j < samples; j++)
        {
            double s = features.Row(j).DotProduct(w) >= 0 ? 1 : -1;
            labels[j] = random.NextDouble() < 0.2 ? -s : s;
        }
        return new LogisticRegression(features, labels, ridge, $"logistic-regression(m={samples}, n={dimension}, seed={seed}, μ={Require.Show(ridge)})");
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int Dimension => x.ColumnCount;

    /// <inheritdoc />
    public double? HessianLipschitz { get; }

    /// <inheritdoc />
    public double Value(Vector<double> theta)
    {
        Check(theta);
        double sum = 0;
        for (int j = 0; j < rows.Length; j++)
        {
            double z = y[j] * Dot(rows[j], theta);
            // log(1 + e^{−z}) without overflow: max(−z, 0) + log(1 + e^{−|z|}).
            sum += Math.Max(-z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
        }
        return sum / rows.Length + mu / 2 * theta.DotProduct(theta);
    }

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta)
    {
        Check(theta);
        var g = new double[Dimension];
        for (int j = 0; j < rows.Length; j++)
        {
            double p = Sigmoid(y[j] * Dot(rows[j], theta));
            double w = (p - 1) * y[j] / rows.Length;
            for (int k = 0; k < g.Length; k++)
                g[k] += w * rows[j][k];
        }
        for (int k = 0; k < g.Length; k++)
            g[k] += mu * theta[k];
        return Vector<double>.Build.DenseOfArray(g);
    }

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta)
    {
        Check(theta);
        var h = new double[Dimension, Dimension];
        for (int j = 0; j < rows.Length; j++)
        {
            double p = Sigmoid(y[j] * Dot(rows[j], theta));
            AddOuter(h, p * (1 - p) / rows.Length, rows[j]);
        }
        for (int k = 0; k < Dimension; k++)
            h[k, k] += mu;
        return Matrix<double>.Build.DenseOfArray(h);
    }

    /// <inheritdoc />
    public Matrix<double> ThirdDerivativeAlong(Vector<double> theta, Vector<double> u)
    {
        Check(theta);
        Require.Finite(u, nameof(u));
        Require.SameLength(Dimension, u.Count, nameof(u));
        var t = new double[Dimension, Dimension];
        for (int j = 0; j < rows.Length; j++)
        {
            double p = Sigmoid(y[j] * Dot(rows[j], theta));
            AddOuter(t, p * (1 - p) * (1 - 2 * p) * y[j] * Dot(rows[j], u) / rows.Length, rows[j]);
        }
        return Matrix<double>.Build.DenseOfArray(t);
    }

    private static double Dot(double[] a, Vector<double> b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++)
            s += a[k] * b[k];
        return s;
    }

    private static void AddOuter(double[,] m, double w, double[] a)
    {
        for (int r = 0; r < a.Length; r++)
            for (int c = 0; c < a.Length; c++)
                m[r, c] += w * a[r] * a[c];
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private void Check(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(Dimension, theta.Count, nameof(theta));
    }
}
