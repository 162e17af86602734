using Verification.Numerics.Curvature.Likelihoods;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Random;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// ℓ2-regularized logistic regression (thesis §2.1.3; elmo-amos's test function): f(w) = (1/m)Σ_j ℓ(y_j x_jᵀw) + (μ/2)‖w‖², with
/// ℓ(z) = log(1 + e^{−z}) and labels y_j = ±1. With p = σ(z): ℓ' = p − 1, ℓ'' = p(1 − p), ℓ''' = p(1 − p)(1 − 2p), so
/// H = (1/m)Σ ℓ''·x_jx_jᵀ + μI and T[u] = (1/m)Σ ℓ'''·y_j(x_jᵀu)·x_jx_jᵀ. Since |ℓ'''| ≤ √3/18,
/// ‖T[u]‖₂ ≤ (√3/18)(1/m)Σ‖x_j‖³·‖u‖: that is the rigorous L_H of eq. (2). As a finite sum f = (1/m)Σ_j f_j with
/// f_j(w) = ℓ(y_j x_jᵀw) + (μ/2)‖w‖² (<see cref="TermValue"/>, <see cref="TermGradient"/>) it is the empirical risk that
/// <see cref="Stochastic.MinibatchObjective"/> samples.
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

    /// <summary>
    /// The thesis's synthetic data set (§2.1.3): x_j ~ N(0, I_d), a true w* ~ N(0, I), labels y_j = sign(x_jᵀw*) flipped
    /// with probability <paramref name="flip"/> (so the classes overlap and the minimizer is finite even at μ = 0 for large
    /// m). The draws come row by row (features, then the flip), a different stream from <see cref="Seeded"/>.
    /// </summary>
    /// <exception cref="ArgumentException">count or dimension &lt; 1, flip outside [0, 1], negative ridge.</exception>
    public static LogisticRegression Synthetic(int count, int dimension, double ridge, double flip, int seed)
    {
        if (count < 1)
            throw new ArgumentException($"count must be ≥ 1, got {count}.", nameof(count));
        if (dimension < 1)
            throw new ArgumentException($"dimension must be ≥ 1, got {dimension}.", nameof(dimension));
        if (!(flip >= 0 && flip <= 1))
            throw new ArgumentException($"flip must be in [0, 1], got {Require.Show(flip)}.", nameof(flip));
        var random = new System.Random(seed);
        var truth = Vector<double>.Build.Dense(dimension, _ => StandardNormal.Draw(random));
        var features = Matrix<double>.Build.Dense(count, dimension);
        var labels = new double[count];
        for (int n = 0; n < count; n++)
        {
            for (int j = 0; j < dimension; j++)
                features[n, j] = StandardNormal.Draw(random);
            double label = features.Row(n) * truth >= 0 ? 1 : -1;
            labels[n] = random.NextDouble() < flip ? -label : label;
        }
        return new LogisticRegression(features, labels, ridge, $"logistic(N={count}, d={dimension}, seed={seed})");
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>m, the number of samples.</summary>
    public int Count => rows.Length;

    /// <summary>μ, the ridge.</summary>
    public double Ridge => mu;

    /// <summary>
    /// f_j(w) = ℓ(y_j x_jᵀw) + (μ/2)‖w‖², the j-th term of the finite sum. ℓ(ẑ_j) at the computed margin and the exact
    /// (μ/2)‖w‖² are summed unrounded (<see cref="ScaledSum"/>; the plain formula where μ and w are 0 or within 2^±100) and rounded once, so the ridge term neither underflows nor
    /// overflows on its own (x = 1e300, w = 1e-200, μ = 1e100 gave 0 for the exact 5e-301): within
    /// 16u·ℓ(ẑ_j) + (n + 4)u·(μ/2)‖w‖² + 11·2^-1074 (softplus 10 ulp, u = 2^-53, n = dim).
    /// </summary>
    /// <exception cref="ArgumentException">j outside [0, m), or w as for <see cref="Value"/>.</exception>
    public double TermValue(int j, Vector<double> theta)
    {
        Check(theta);
        CheckIndex(j);
        double z = InRange(y[j] * Dot(rows[j], theta), "the margin y_j·x_jᵀw");
        if (ScaledSum.Ordinary(mu) && ScaledSum.Ordinary(theta.Enumerate()))
            return InRange(BernoulliLogit.Softplus(-z) + mu / 2 * theta.DotProduct(theta), "f_j(w)"); // no under- or overflow: bit for bit as before
        var sum = new ScaledSum();
        sum.Add(BernoulliLogit.Softplus(-z));
        AddRidgeTerm(ref sum, theta);
        return InRange(sum.Value, "f_j(w)");
    }

    /// <summary>Adds (μ/2)‖w‖² unrounded, as the terms μ·w_k·w_k/2 (the scaled forms of <see cref="TermValue"/> and <see cref="Value"/>); by ref, ScaledSum being a struct.</summary>
    private void AddRidgeTerm(ref ScaledSum sum, Vector<double> theta)
    {
        for (int k = 0; k < theta.Count; k++)
            sum.AddQuotient(2, mu, theta[k], theta[k]);
    }

    /// <summary>
    /// ∇f_j(w) = ℓ'(z_j)y_j x_j + μw = −σ(−z_j)y_j x_j + μw, each entry's two products summed unrounded and rounded once
    /// (<see cref="ScaledSum"/>): within 3u·(σ(−ẑ_j)|x_jk| + μ|w_k|) + 2^-1074 where σ(−ẑ_j) is normal (σ 3 ulp at the
    /// computed margin ẑ_j). Beyond ẑ_j ≈ 708, where the double σ(−ẑ_j) is subnormal or 0, σ(−ẑ_j) is taken as
    /// e^{−ẑ_j} = M·2^E (<see cref="Verification.Numerics.Curvature.Likelihoods.ScaledExp"/>, 3u; σ and e^{−ẑ} differ there
    /// by a relative 2^-1022): within 4u·σ(−ẑ_j)|x_jk| + u·μ|w_k| + 2^-1074 (x = 1e300, w = 8e-298 gave 0 for −3.7e-48).
    /// </summary>
    /// <exception cref="ArgumentException">j outside [0, m), or w as for <see cref="Gradient"/>.</exception>
    public Vector<double> TermGradient(int j, Vector<double> theta)
    {
        Check(theta);
        CheckIndex(j);
        var (w, exponent) = ScoreWeight(j, theta);
        var g = new double[Dimension];
        bool plain = exponent == 0 && ScaledSum.Ordinary(w, mu) && ScaledSum.Ordinary(rows[j]) && ScaledSum.Ordinary(theta.Enumerate());
        for (int k = 0; k < g.Length; k++)
        {
            if (plain)
            {
                g[k] = InRange(w * rows[j][k] + mu * theta[k], "∇f_j(w)"); // no under- or overflow: bit for bit as before
                continue;
            }
            var sum = new ScaledSum();
            sum.AddTimesPowerOfTwo(exponent, 1, w, rows[j][k]);
            sum.Add(mu, theta[k]);
            g[k] = InRange(sum.Value, "∇f_j(w)");
        }
        return Vector<double>.Build.DenseOfArray(g);
    }

    /// <summary>
    /// ℓ'(z_j)·y_j = −σ(−ẑ_j)·y_j at the computed margin, as (M, E) with the weight M·2^E: the double (E = 0) where σ(−ẑ_j) is
    /// normal or 1, else −y_j·e^{−ẑ_j} by <see cref="Verification.Numerics.Curvature.Likelihoods.ScaledExp"/> (ẑ_j ≳ 708).
    /// </summary>
    private (double Mantissa, int Exponent) ScoreWeight(int j, Vector<double> theta)
    {
        double z = InRange(y[j] * Dot(rows[j], theta), "the margin y_j·x_jᵀw");
        double sigma = BernoulliLogit.Sigmoid(-z); // ℓ' = σ(z) − 1 = −σ(−z)
        if (sigma >= PowerOfTwoScaling.MinNormal || z <= 0)
            return (-sigma * y[j], 0);
        var (m, e) = ScaledExp.Of(-z);
        return (-m * y[j], e);
    }

    /// <inheritdoc />
    public int Dimension => x.ColumnCount;

    /// <inheritdoc />
    public double? HessianLipschitz { get; }

    /// <summary>
    /// f(w) = (1/m)Σ_j ℓ(ẑ_j) + (μ/2)‖w‖² at the computed margins ẑ_j. Where μ, w or a feature is outside 2^±100 the terms
    /// ℓ(ẑ_j)/m and μw_k²/2 are summed unrounded (<see cref="ScaledSum"/>) and rounded once, so neither the ridge term
    /// (x = 1e300, w = 1e-200, μ = 1e100 gave 0 for 5e-301) nor the plain sum of losses (x = (1.5e308, 1.5e308), w = −1 was
    /// rejected for the mean 1.5e308) under- or overflows on its own; the plain formula elsewhere (bit for bit as before).
    /// Within 16u·(1/m)Σℓ(ẑ_j) + (m + n + 4)u·((1/m)Σℓ(ẑ_j) + (μ/2)‖w‖²) + 11·2^-1074 (softplus 10 ulp, u = 2^-53, n = dim).
    /// </summary>
    /// <exception cref="ArgumentException">w not finite or of the wrong length, or a margin or f(w) beyond ±double.MaxValue (naming theta).</exception>
    public double Value(Vector<double> theta)
    {
        Check(theta);
        var losses = new double[rows.Length];
        for (int j = 0; j < rows.Length; j++)
        {
            double z = InRange(y[j] * Dot(rows[j], theta), "the margin y_j·x_jᵀw");
            losses[j] = BernoulliLogit.Softplus(-z); // log(1 + e^{−z}) without overflow or cancellation
        }
        if (ScaledSum.Ordinary(mu) && ScaledSum.Ordinary(theta.Enumerate()) && rows.All(r => ScaledSum.Ordinary(r)))
        {
            double sum = 0;
            foreach (double l in losses)
                sum += l;
            return InRange(sum / rows.Length + mu / 2 * theta.DotProduct(theta), "f(w)"); // no under- or overflow: bit for bit as before
        }
        var scaled = new ScaledSum();
        foreach (double l in losses)
            scaled.AddQuotient(rows.Length, l);
        AddRidgeTerm(ref scaled, theta);
        return InRange(scaled.Value, "f(w)");
    }

    /// <summary>
    /// ∇f(w) = (1/m)Σ_j −σ(−ẑ_j)y_j x_j + μw at the computed margins ẑ_j. Where μ, w, a feature or a σ(−ẑ_j) is outside
    /// 2^±100 each entry's m + 1 products are summed unrounded (<see cref="ScaledSum"/>) and rounded once, so μw_k and the
    /// sample terms neither under- nor overflow on their own; the plain formula elsewhere (bit for bit as before). Within
    /// (m + 4)u·((1/m)Σ_j σ(−ẑ_j)|x_jk| + μ|w_k|) + 2^-1074 where every σ(−ẑ_j) is normal (σ 3 ulp); beyond ẑ_j ≈ 708
    /// σ(−ẑ_j) is carried as e^{−ẑ_j} = M·2^E (3u), as for <see cref="TermGradient"/>, and the bound holds with 4u for
    /// such a term's 3u (it gave 0 there, where the double σ(−ẑ_j) is subnormal or 0).
    /// </summary>
    /// <exception cref="ArgumentException">w not finite or of the wrong length, or a margin or an entry beyond ±double.MaxValue (naming theta).</exception>
    public Vector<double> Gradient(Vector<double> theta)
    {
        Check(theta);
        var g = new double[Dimension];
        var weights = new double[rows.Length];
        var exponents = new int[rows.Length];
        for (int j = 0; j < rows.Length; j++)
            (weights[j], exponents[j]) = ScoreWeight(j, theta);
        if (!(exponents.All(e => e == 0) && ScaledSum.Ordinary(mu) && ScaledSum.Ordinary(weights) && ScaledSum.Ordinary(theta.Enumerate()) && rows.All(r => ScaledSum.Ordinary(r))))
        {
            for (int k = 0; k < g.Length; k++)
            {
                var sum = new ScaledSum();
                for (int j = 0; j < rows.Length; j++)
                    sum.AddTimesPowerOfTwo(exponents[j], rows.Length, weights[j], rows[j][k]);
                sum.Add(mu, theta[k]);
                g[k] = InRange(sum.Value, "∇f(w)");
            }
            return Vector<double>.Build.DenseOfArray(g);
        }
        for (int j = 0; j < rows.Length; j++)
        {
            double w = weights[j] / rows.Length;
            for (int k = 0; k < g.Length; k++)
                g[k] += w * rows[j][k];
        }
        for (int k = 0; k < g.Length; k++)
            g[k] += mu * theta[k]; // no under- or overflow: bit for bit as before
        foreach (double v in g)
            InRange(v, "∇f(w)");
        return Vector<double>.Build.DenseOfArray(g);
    }

    /// <summary>
    /// H = (1/m)Σ_j σ(ẑ_j)σ(−ẑ_j)·x_jx_jᵀ + μI at the computed margins. Where μ, a feature or a weight σσ is outside 2^±100,
    /// or σσ is below 2^-1022 (|ẑ_j| ≳ 708; then taken as e^{−|ẑ_j|} = M·2^E, <see cref="Verification.Numerics.Curvature.Likelihoods.ScaledExp"/>,
    /// 3u), each entry's m products (and μ) are summed in one <see cref="ScaledSum"/> and rounded once, so no product under-
    /// or overflows on its own (x = 1e200, w = 4e-198, ẑ = 800 gave 0 for the exact 3.7e52); the plain sum elsewhere (bit for
    /// bit as before). One sample: within 16u·σσx_rx_c + 2u·μ + 4·2^-1074 (LogisticRegressionCurvatureRangeProperties).
    /// </summary>
    /// <exception cref="ArgumentException">w as for <see cref="Gradient"/>, or an entry beyond ±double.MaxValue (naming theta).</exception>
    public Matrix<double> Hessian(Vector<double> theta)
    {
        Check(theta);
        var h = new double[Dimension, Dimension];
        var weights = new double[rows.Length];
        var exponents = new int[rows.Length];
        for (int j = 0; j < rows.Length; j++)
            (weights[j], exponents[j]) = CurvatureWeight(InRange(y[j] * Dot(rows[j], theta), "the margin y_j·x_jᵀw"));
        if (exponents.All(e => e == 0) && ScaledSum.Ordinary(mu) && ScaledSum.Ordinary(weights) && rows.All(r => ScaledSum.Ordinary(r)))
        {
            for (int j = 0; j < rows.Length; j++)
                AddOuter(h, weights[j] / rows.Length, rows[j]); // ℓ'' = σ(z)σ(−z)
            for (int k = 0; k < Dimension; k++)
                h[k, k] += mu;
        }
        else
        {
            for (int r = 0; r < Dimension; r++)
                for (int c = 0; c < Dimension; c++)
                {
                    var sum = new ScaledSum();
                    for (int j = 0; j < rows.Length; j++)
                        sum.AddTimesPowerOfTwo(exponents[j], rows.Length, weights[j], rows[j][r], rows[j][c]);
                    if (r == c)
                        sum.Add(mu);
                    h[r, c] = sum.Value;
                }
        }
        foreach (double v in h)
            InRange(v, "∇²f(w)");
        return Matrix<double>.Build.DenseOfArray(h);
    }

    /// <summary>
    /// T[u] = (1/m)Σ_j ℓ'''(ẑ_j)·y_j(x_jᵀu)·x_jx_jᵀ with ℓ''' = −σσ·tanh(ẑ/2). Where a feature, u, a weight σσ, tanh(ẑ_j/2)
    /// or x_jᵀu is outside 2^±100, or σσ is below 2^-1022, each entry is one <see cref="ScaledSum"/> of the factors (σσ as
    /// M·2^E there, x_jᵀu as the parts of a scaled sum, tanh(ẑ/2) as ẑ/2 below |ẑ| = 2^-26, where the two agree to a
    /// relative 2^-54), rounded once; the plain sum
    /// elsewhere (bit for bit as before). One sample: within 24u·|T| + 4·2^-1074.
    /// </summary>
    /// <exception cref="ArgumentException">w or u not finite or of the wrong length, the unrounded x_jᵀu or an entry beyond ±double.MaxValue.</exception>
    public Matrix<double> ThirdDerivativeAlong(Vector<double> theta, Vector<double> u)
    {
        Check(theta);
        Require.Finite(u, nameof(u));
        Require.SameLength(Dimension, u.Count, nameof(u));
        var t = new double[Dimension, Dimension];
        int m = rows.Length;
        var weights = new double[m];
        var exponents = new int[m];
        var tanhs = new double[m];
        var directions = new double[m];
        var scaledDirections = new (double Mantissa, int Exponent)[m];
        bool plain = ScaledSum.Ordinary(u.Enumerate()) && rows.All(r => ScaledSum.Ordinary(r));
        for (int j = 0; j < m; j++)
        {
            double z = InRange(y[j] * Dot(rows[j], theta), "the margin y_j·x_jᵀw");
            (weights[j], exponents[j]) = CurvatureWeight(z);
            directions[j] = Dot(rows[j], u);
            var exactDirection = UnroundedDot(rows[j], u); // a subnormal double x_jᵀu loses digits that x_j·x_j scale back
            scaledDirections[j] = exactDirection.Parts;
            // the unrounded x_jᵀu decides: the double's products can overflow (∞ − ∞) where x_jᵀu is in range, even 0
            if (!double.IsFinite(exactDirection.Value))
                throw new ArgumentException($"x_{j}ᵀu of {Name} is beyond ±double.MaxValue; the range needs it within.", nameof(u));
            bool small = Math.Abs(z) < Math.ScaleB(1.0, -26);
            // Below 2^-26, tanh(z/2) is carried as z with one more halving (z/2 itself rounds where z is subnormal).
            tanhs[j] = small ? z : Math.Tanh(z / 2);
            if (small)
                exponents[j] -= 1;
            plain &= !small && exponents[j] == 0 && ScaledSum.Ordinary(weights[j], tanhs[j], directions[j]);
        }
        if (plain)
        {
            for (int j = 0; j < m; j++)
                AddOuter(t, -(weights[j] * tanhs[j]) * y[j] * directions[j] / m, rows[j]); // ℓ''' = p(1 − p)(1 − 2p)
        }
        else
        {
            for (int r = 0; r < Dimension; r++)
                for (int c = 0; c < Dimension; c++)
                {
                    var sum = new ScaledSum();
                    for (int j = 0; j < m; j++)
                        sum.AddTimesPowerOfTwo(exponents[j] + scaledDirections[j].Exponent, m, weights[j], -tanhs[j] * y[j],
                            scaledDirections[j].Mantissa, rows[j][r], rows[j][c]);
                    t[r, c] = sum.Value;
                }
        }
        foreach (double v in t)
            InRange(v, "T[u]");
        return Matrix<double>.Build.DenseOfArray(t);
    }

    /// <summary>
    /// ℓ''(z) = σ(z)σ(−z) as (M, E) with the weight M·2^E: the double product (E = 0) where it is normal, else e^{−|z|} by
    /// <see cref="Verification.Numerics.Curvature.Likelihoods.ScaledExp"/> (|z| ≳ 708; σσ = e^{−|z|}/(1 + e^{−|z|})² differs
    /// from it by a relative 2^-1021 there).
    /// </summary>
    private static (double Mantissa, int Exponent) CurvatureWeight(double z)
    {
        double weight = BernoulliLogit.Sigmoid(z) * BernoulliLogit.Sigmoid(-z);
        return weight >= PowerOfTwoScaling.MinNormal ? (weight, 0) : ScaledExp.Of(-Math.Abs(z));
    }

    /// <summary>
    /// aᵀb as a plain sum; where that is not finite (a product or partial sum overflowed), the unrounded sum of the products
    /// rounded once, so a margin that is in range is kept (x = (1e300, 1e300), w = (1e10, −1e10): NaN, rejected, for the
    /// exact 0) and one beyond it is still ±∞ for the callers' range checks.
    /// </summary>
    private static double Dot(double[] a, Vector<double> b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++)
            s += a[k] * b[k];
        return double.IsFinite(s) ? s : UnroundedDot(a, b).Value;
    }

    /// <summary>aᵀb with its products summed unrounded (<see cref="ScaledSum"/>).</summary>
    private static ScaledSum UnroundedDot(double[] a, Vector<double> b)
    {
        var sum = new ScaledSum();
        for (int k = 0; k < a.Length; k++)
            sum.Add(a[k], b[k]);
        return sum;
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

    private void CheckIndex(int j)
    {
        if (j < 0 || j >= rows.Length)
            throw new ArgumentException($"j must be in [0, {rows.Length}), got {j}.", nameof(j));
    }

    private void Check(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(Dimension, theta.Count, nameof(theta));
    }
}
