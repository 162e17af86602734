using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Numerics.Random;
using Verification.Optimizers.Stochastic;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// A seeded noisy-gradient wrapper of an objective: per-sample gradients ∇f(θ; ξ) = ∇f(θ) + σ⊙ξ with ξ ~ N(0, I), so
/// Σ(θ) = diag(σ²) (thesis eq. 3.3) is known exactly, and a minibatch of m has covariance diag(σ²)/m (eq. 3.5). Values,
/// gradients and Hessians are those of the wrapped objective.
/// </summary>
public sealed class NoisyGradientObjective : IStochasticObjective
{
    private readonly IObjective inner;
    private readonly Vector<double> sigma;

    /// <summary>Wraps <paramref name="objective"/> with per-coordinate noise scales σ ≥ 0 and a seed for its samplers.</summary>
    public NoisyGradientObjective(IObjective objective, Vector<double> noiseScale, int seed)
    {
        ArgumentNullException.ThrowIfNull(objective);
        inner = objective;
        sigma = Require.NonNegative(noiseScale, nameof(noiseScale)).Clone();
        Require.SameLength(objective.Dimension, sigma.Count, nameof(noiseScale));
        Seed = seed;
    }

    /// <summary>The seed every sampler starts from.</summary>
    public int Seed { get; }

    /// <inheritdoc />
    public string Name => $"noisy({inner.Name}, seed={Seed})";

    /// <inheritdoc />
    public int Dimension => inner.Dimension;

    /// <inheritdoc />
    public double Value(Vector<double> theta) => inner.Value(theta);

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta) => inner.Gradient(theta);

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta) => inner.Hessian(theta);

    /// <summary>σ, as given (the constructor's copy; callers must not write to it).</summary>
    internal Vector<double> NoiseScale => sigma;

    /// <summary>diag Σ = σ⊙σ, each entry σ_i² correctly rounded: within ½ ulp, 0 or subnormal where σ_i² is below 2^-1022
    /// (σ_i &lt; 1.5e-154) and +∞ only where σ_i² rounds beyond double.MaxValue (σ_i ≥ 1.35e154).</summary>
    /// <exception cref="ArgumentException">θ has an entry that is not finite, or a length other than the dimension.</exception>
    public Vector<double>? PerSampleVariance(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(Dimension, theta.Count, nameof(theta));
        return sigma.PointwiseMultiply(sigma);
    }

    /// <summary>
    /// A sampler from <see cref="Seed"/>: each sample draws per-sample gradients x_j = ∇f(θ) + σ⊙ξ_j, ξ_j the seeded
    /// stream's standard normals (two uniforms per entry, j outer, i inner), and returns their mean g and, for m ≥ 2,
    /// s = Σⱼ(x_j − g)²/(m − 1) (eq. 3.30).
    /// </summary>
    /// <remarks>
    /// Accuracy per coordinate, against the exact draws y_j = ∇f_i + σ_iξ_j (∇f the inner objective's gradient; u = 2^-53):
    /// each draw is two roundings, |x̂_j − y_j| ≤ b_j = u|σ_iξ_j| + 2u|x̂_j| + 2^-1075; the mean is recursive summation and
    /// one division, |ĝ − ȳ| ≤ (1/m)Σb_j + γ_m·(1/m)Σ|x̂_j| + 2^-1075 (γ_m = mu/(1 − mu); absolute, relative to the mean of
    /// |x̂_j|: where the draws cancel, ĝ may be wrong in every digit); and with r_j = x̂_j − ĝ,
    /// |ŝ − Σr_j²/(m − 1)| ≤ γ_{m+3}·Σr_j²/(m − 1) + (m/(m − 1) + 1)·2^-1074 (the difference, its square, m − 1 additions
    /// and the division), where √(Σr_j²) lies within √(Σb_j²) below and √(Σb_j²) + √m·(γ_m(1/m)Σ|x̂_j| + 2^-1075) above
    /// √((m − 1)·s_y), s_y = Σ(y_j − ȳ)²/(m − 1) the exact draws' variance (Σr_j² = Σ(x̂_j − x̂̄)² + m(x̂̄ − ĝ)², and the
    /// centred norm moves by at most ‖x̂ − y‖₂). Where σ_i ≪ u|∇f_i| the draws lose the noise's digits, and ŝ with them.
    /// Where a draw, the sum or a square overflows (σ = 1e308: a draw of 2σ is +∞ though the mean of two draws may be in
    /// range), that coordinate's g_i and s_i are instead the exact draws' mean and variance rounded once (½ ulp; +∞ only
    /// where the exact value is beyond double.MaxValue), O(m) rational operations on that coordinate only.
    /// </remarks>
    /// <exception cref="ArgumentException">(from a sample) batchSize &lt; 1, or the inner objective's gradient at θ has an entry that is not finite.</exception>
    public IGradientSampler OpenSampler() => new Sampler(this, new Random(Seed));

    private sealed class Sampler(NoisyGradientObjective owner, Random random) : IGradientSampler
    {
        public GradientSample Sample(Vector<double> theta, int batchSize)
        {
            if (batchSize < 1)
                throw new ArgumentException($"batchSize must be ≥ 1, got {batchSize}.", nameof(batchSize));
            var mean = owner.inner.Gradient(theta);
            Require.Finite(mean, nameof(theta));
            int d = mean.Count;
            var sum = new double[d];
            var sumSq = new double[d];
            var draws = new double[batchSize, d];
            var normals = new double[batchSize, d];
            for (int j = 0; j < batchSize; j++)
                for (int i = 0; i < d; i++)
                {
                    double xi = StandardNormal.Draw(random);
                    double x = mean[i] + owner.sigma[i] * xi;
                    normals[j, i] = xi;
                    draws[j, i] = x;
                    sum[i] += x;
                }
            var g = Vector<double>.Build.Dense(d, i => sum[i] / batchSize);
            Vector<double>? s = null;
            if (batchSize >= 2)
            {
                for (int j = 0; j < batchSize; j++)
                    for (int i = 0; i < d; i++)
                    {
                        double r = draws[j, i] - g[i];
                        sumSq[i] += r * r;
                    }
                s = Vector<double>.Build.Dense(d, i => sumSq[i] / (batchSize - 1));
            }
            for (int i = 0; i < d; i++)
                if (!double.IsFinite(sum[i]) || (s is not null && !double.IsFinite(sumSq[i])))
                    ExactMoments(mean[i], owner.sigma[i], normals, i, g, s);
            return new GradientSample(g, batchSize, s);
        }

        /// <summary>Coordinate i's mean and (for m ≥ 2) variance of the exact draws ∇f_i + σ_iξ_j, each rounded once.</summary>
        private static void ExactMoments(double gradient, double sigma, double[,] normals, int i, Vector<double> g, Vector<double>? s)
        {
            int m = normals.GetLength(0);
            Fraction f = ExactDouble.ToFraction(gradient), sc = ExactDouble.ToFraction(sigma);
            var y = new Fraction[m];
            var total = Fraction.Zero;
            for (int j = 0; j < m; j++)
            {
                y[j] = f + sc * ExactDouble.ToFraction(normals[j, i]);
                total += y[j];
            }
            var exactMean = total / m;
            g[i] = ExactDouble.ToDouble(exactMean);
            if (s is null) return;
            var squares = Fraction.Zero;
            foreach (var yj in y)
                squares += (yj - exactMean) * (yj - exactMean);
            s[i] = ExactDouble.ToDouble(squares / (m - 1));
        }
    }
}
