using Verification.Numerics.Curvature.Likelihoods;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Random;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// ℓ2-regularized logistic regression on a seeded tiny dataset: f(w) = (1/m)Σ_j ℓ(y_j x_jᵀw) + (μ/2)‖w‖², with
/// ℓ(z) = log(1 + e^{−z}) and labels y_j = ±1. With p = σ(z): ℓ' = p − 1, ℓ'' = p(1 − p), ℓ''' = p(1 − p)(1 − 2p), so
/// H = (1/m)Σ ℓ''·x_jx_jᵀ + μI and T[u] = (1/m)Σ ℓ'''·y_j(x_jᵀu)·x_jx_jᵀ. Since |ℓ'''| ≤ √3/18,
/// ‖T[u]‖₂ ≤ (√3/18)(1/m)Σ‖x_j‖³·‖u‖: that is the rigorous L_H of eq. (2).
/// </summary>
/// <remarks>
/// Range: finite w whose margins z_j = y_j x_jᵀw, value, gradient and Hessian are within ±double.MaxValue; a result beyond
/// it is an <see cref="ArgumentException"/>. ℓ and its derivatives are evaluated without cancellation through
/// 1 − σ(z) = σ(−z) and 1 − 2σ(z) = −tanh(z/2): ℓ(z) = softplus(−z), ℓ' = −σ(−z), ℓ'' = σ(z)σ(−z),
/// ℓ''' = −σ(z)σ(−z)·tanh(z/2) (<see cref="Verification.Numerics.Curvature.Likelihoods.BernoulliLogit"/>). The written forms lost
/// every digit once σ(z) rounds to 1, i.e. for margins z &gt; 37 that a converging run reaches: at z = 40, ℓ, ℓ' and ℓ''
/// came out 0 instead of ±4.2e-18. Accuracy: each ℓ^(k)(z_j) within 10u of its exact value at the computed z_j (softplus
/// 10 ulp, σ 3 ulp), and the sums over samples and coordinates add the usual m·u·Σ|terms|.
/// </remarks>
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
        var w = Vector<double>.Build.Dense(dimension, _ => StandardNormal.Draw(random));
        var features = Matrix<double>.Build.Dense(samples, dimension, (_, _) => StandardNormal.Draw(random));
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
            double z = InRange(y[j] * Dot(rows[j], theta), "the margin y_j·x_jᵀw");
            sum += BernoulliLogit.Softplus(-z); // log(1 + e^{−z}) without overflow or cancellation
        }
        return InRange(sum / rows.Length + mu / 2 * theta.DotProduct(theta), "f(w)");
    }

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta)
    {
        Check(theta);
        var g = new double[Dimension];
        for (int j = 0; j < rows.Length; j++)
        {
            double w = -BernoulliLogit.Sigmoid(-InRange(y[j] * Dot(rows[j], theta), "the margin y_j·x_jᵀw")) * y[j] / rows.Length; // ℓ' = σ(z) − 1 = −σ(−z)
            for (int k = 0; k < g.Length; k++)
                g[k] += w * rows[j][k];
        }
        for (int k = 0; k < g.Length; k++)
            g[k] += mu * theta[k];
        foreach (double v in g)
            InRange(v, "∇f(w)");
        return Vector<double>.Build.DenseOfArray(g);
    }

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta)
    {
        Check(theta);
        var h = new double[Dimension, Dimension];
        for (int j = 0; j < rows.Length; j++)
        {
            double z = InRange(y[j] * Dot(rows[j], theta), "the margin y_j·x_jᵀw");
            AddOuter(h, BernoulliLogit.Sigmoid(z) * BernoulliLogit.Sigmoid(-z) / rows.Length, rows[j]); // ℓ'' = σ(z)σ(−z)
        }
        for (int k = 0; k < Dimension; k++)
            h[k, k] += mu;
        foreach (double v in h)
            InRange(v, "∇²f(w)");
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
            double z = InRange(y[j] * Dot(rows[j], theta), "the margin y_j·x_jᵀw");
            double third = -(BernoulliLogit.Sigmoid(z) * BernoulliLogit.Sigmoid(-z)) * Math.Tanh(z / 2); // ℓ''' = p(1 − p)(1 − 2p)
            AddOuter(t, third * y[j] * Dot(rows[j], u) / rows.Length, rows[j]);
        }
        foreach (double v in t)
            InRange(v, "T[u]");
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

    private double InRange(double value, string what)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException(
                $"{what} of {Name} is beyond ±double.MaxValue at this w; the range needs every result within ±double.MaxValue.", "theta");
        return value;
    }

    private void Check(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(Dimension, theta.Count, nameof(theta));
    }
}
