using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;

namespace Verification.Numerics.SignGeometry;

/// <summary>
/// A certified bracket Lower ≤ L_sep(H) ≤ Upper of balles-thesis eq. (6.25).
/// </summary>
/// <param name="Lower">Σ-free dual bound c·⟨H, VVᵀ⟩, rounded down to a double; a rigorous lower bound.</param>
/// <param name="Upper">Σ_i l_i of <paramref name="Diagonal"/>, rounded up to a double; a rigorous upper bound.</param>
/// <param name="Diagonal">A feasible l: l ≥ 0 and diag(l) − H positive definite, proven by exact LDLᵀ.</param>
/// <param name="LowerExact">The dual bound as an exact rational.</param>
/// <param name="UpperExact">Σ_i l_i as an exact rational.</param>
public sealed record SeparableBracket(double Lower, double Upper, double[] Diagonal, Fraction LowerExact, Fraction UpperExact)
{
    /// <summary>Upper − Lower (≥ 0).</summary>
    public double Width => Upper - Lower;
}

/// <summary>
/// L_sep(H) = min Σ_i l_i subject to l ≥ 0 and H ≼ diag(l) (balles-thesis eq. 6.25), a small semidefinite program,
/// solved twice and returned as a certified bracket, never a bare number:
/// <list type="bullet">
/// <item>Primal (upper bound): a log-barrier interior-point method in l, minimizing Σl − μ(log det(diag(l) − H) + Σ log l_i)
/// by damped Newton steps (small dense Cholesky) along the central path (μ = 1/t, t growing twentyfold) until the gap 2dμ is
/// below 10⁻¹⁰ of the scale. The final l is interior, and diag(l) − H ≻ 0 is then proven by exact rational LDLᵀ
/// (<see cref="ExactLinearAlgebra.IsPositiveDefinite"/>) on the exact values of the doubles; Σl summed exactly.</item>
/// <item>Dual (lower bound): weak duality gives L_sep ≥ ⟨H, Y⟩ for every Y ≽ 0 with Y_ii ≤ 1 (multiply Y_ii ≤ 1 by l_i ≥ 0
/// and use ⟨diag(l) − H, Y⟩ ≥ 0). Y = c·VVᵀ is found by block-coordinate ascent on the rows of V (the "mixing method");
/// VVᵀ is PSD for every V, and c = 1/max(1, max_i‖v_i‖²) makes Y_ii ≤ 1 hold exactly, so c·⟨H, VVᵀ⟩ evaluated in
/// rationals is a rigorous bound.</item>
/// </list>
/// </summary>
public static class SeparableSmoothness
{
    /// <summary>Largest dimension accepted (bounded by the exact certification).</summary>
    public const int MaxDimension = ExactLinearAlgebra.MaxDefinitenessDimension;

    /// <summary>Relative target of the primal barrier's gap 2dμ/scale.</summary>
    public const double BarrierGap = 1e-10;

    /// <summary>The certified bracket of L_sep(<paramref name="h"/>) for a symmetric <paramref name="h"/> (any spectrum).</summary>
    /// <remarks>
    /// Range: every finite symmetric H up to <see cref="MaxDimension"/> (subnormals to ±double.MaxValue) whose bracket
    /// ends are at most double.MaxValue (beyond that an ArgumentException). L_sep is homogeneous (L_sep(cH) = c·L_sep(H),
    /// c &gt; 0), so both searches run on 2^-s·H, s = ⌊log₂ max|H_ij|⌋, and their results are scaled back by 2^s; the
    /// certification (exact LDLᵀ of diag(l) − H and the exact dual value ⟨H, Y⟩) always uses the exact entries of H
    /// itself, so the bracket is rigorous at every scale. The primal barrier stops at a gap of 2dμ ≤ 10⁻¹⁰·Σ|H_ij|; the
    /// width of the bracket also depends on how close the dual's mixing method gets (about 1e-6 relative at worst seen
    /// for indefinite 4×4 H).
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// <paramref name="h"/> is non-finite, not symmetric, larger than <see cref="MaxDimension"/>, or its bracket
    /// exceeds double.MaxValue.
    /// </exception>
    /// <exception cref="InvalidOperationException">The barrier's final point could not be certified feasible (not expected; reported, never returned).</exception>
    public static SeparableBracket Bracket(Matrix<double> h)
    {
        Require.Symmetric(h, nameof(h));
        int d = h.RowCount;
        if (d > MaxDimension)
            throw new ArgumentException($"h must have dimension ≤ {MaxDimension}, got {d}.", nameof(h));
        int exponent = BinaryExponent.OfLargest(h.Enumerate());
        var scaled = h.Map(v => Math.ScaleB(v, -exponent));
        double scale = SignGeometryBounds.EntrywiseL1(scaled); // ≤ 2d², of 2^-s·H
        if (scale == 0)
            return new SeparableBracket(0, 0, new double[d], Fraction.Zero, Fraction.Zero);

        // Scaled back rounding upward: a larger l keeps diag(l) − H positive definite.
        var l = Primal(scaled, scale).Select(v => ScaleUp(v, exponent)).ToArray();
        if (l.Any(double.IsInfinity))
            throw new ArgumentException("h is too large: the separable smoothness L_sep(H) exceeds double.MaxValue.", nameof(h));
        var (upperExact, feasible) = CertifyPrimal(h, l);
        if (!feasible)
        {
            // Back off outward once: the diagonally dominant l_i = Σ_j|H_ij| (+ tiny) is feasible in exact terms when strict.
            double margin = Math.Max(Math.ScaleB(1e-9 * scale, exponent), 4 * double.Epsilon);
            for (int i = 0; i < d; i++)
                l[i] = Math.Max(l[i], 0) + margin;
            (upperExact, feasible) = CertifyPrimal(h, l);
            if (!feasible)
                throw new InvalidOperationException("L_sep: the barrier's point could not be certified feasible in exact arithmetic.");
        }
        var lowerExact = Dual(scaled, h);
        double lower = RoundDown(lowerExact);
        double upper = RoundUp(upperExact);
        if (double.IsInfinity(upper) || double.IsInfinity(lower))
            throw new ArgumentException("h is too large: the certified bracket of L_sep(H) exceeds double.MaxValue.", nameof(h));
        return new SeparableBracket(lower, upper, l, lowerExact, upperExact);
    }

    private static double[] Primal(Matrix<double> h, double scale)
    {
        int d = h.RowCount;
        var a = new double[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                a[i, j] = i <= j ? h[i, j] : h[j, i];
        var l = new double[d];
        for (int i = 0; i < d; i++)
        {
            double row = 0;
            for (int j = 0; j < d; j++)
                row += Math.Abs(a[i, j]);
            l[i] = row + scale / d;
        }
        // Central path of φ_t(l) = t·Σl − log det(diag(l) − H) − Σ log l_i (self-concordant): Newton to a decrement of
        // 1e-9, then t ← 20t, until the duality gap 2d/t of the central point is below BarrierGap·scale.
        double t = d / scale;
        var factor = new double[d, d];
        var inverse = new double[d, d];
        var hess = new double[d, d];
        var grad = new double[d];
        var step = new double[d];
        var trial = new double[d];
        while (true)
        {
            for (int iteration = 0; iteration < 50; iteration++)
            {
                if (!Factor(a, l, factor, out double logDet))
                    break;
                Invert(factor, inverse);
                for (int i = 0; i < d; i++)
                {
                    grad[i] = t - inverse[i, i] - 1 / l[i];
                    for (int j = 0; j < d; j++)
                        hess[i, j] = inverse[i, j] * inverse[i, j];
                    hess[i, i] += 1 / (l[i] * l[i]);
                }
                if (!SolveSpd(hess, grad, step))
                    break;
                double decrement = 0;
                for (int i = 0; i < d; i++)
                {
                    step[i] = -step[i];
                    decrement -= grad[i] * step[i];
                }
                if (!double.IsFinite(decrement) || !(decrement > 1e-9))
                    break;
                double f0 = t * l.Sum() - logDet - l.Sum(Math.Log);
                bool accepted = false;
                // Quadratic phase of a self-concordant function (λ² < 0.1): the full step is feasible and decreasing, and
                // Armijo's test there is below the rounding of f (t·Σl is large), so it is taken without the test.
                double alpha = 1;
                for (int k = 0; k < 40 && !accepted; k++, alpha *= 0.5)
                {
                    for (int i = 0; i < d; i++)
                        trial[i] = l[i] + alpha * step[i];
                    if (!trial.All(v => v > 0) || !Factor(a, trial, factor, out double trialLogDet))
                        continue;
                    double f = t * trial.Sum() - trialLogDet - trial.Sum(Math.Log);
                    accepted = (alpha == 1 && decrement < 0.1) || f <= f0 - 0.25 * alpha * decrement;
                }
                if (!accepted)
                    break;
                Array.Copy(trial, l, d);
            }
            if (2 * d / t <= BarrierGap * scale)
                return l;
            t *= 20;
        }
    }

    /// <summary>Cholesky factor of diag(l) − A into <paramref name="factor"/>; false unless positive definite.</summary>
    private static bool Factor(double[,] a, double[] l, double[,] factor, out double logDet)
    {
        int d = l.Length;
        logDet = 0;
        for (int j = 0; j < d; j++)
        {
            double s = l[j] - a[j, j];
            for (int k = 0; k < j; k++)
                s -= factor[j, k] * factor[j, k];
            if (!(s > 0))
                return false;
            double root = Math.Sqrt(s);
            factor[j, j] = root;
            logDet += 2 * Math.Log(root);
            for (int i = j + 1; i < d; i++)
            {
                double v = -a[i, j];
                for (int k = 0; k < j; k++)
                    v -= factor[i, k] * factor[j, k];
                factor[i, j] = v / root;
            }
        }
        return true;
    }

    /// <summary>(LLᵀ)⁻¹ from the Cholesky factor L, column by column.</summary>
    private static void Invert(double[,] factor, double[,] inverse)
    {
        int d = factor.GetLength(0);
        var e = new double[d];
        var y = new double[d];
        for (int c = 0; c < d; c++)
        {
            Array.Clear(e);
            e[c] = 1;
            for (int i = 0; i < d; i++)
            {
                double s = e[i];
                for (int k = 0; k < i; k++) s -= factor[i, k] * y[k];
                y[i] = s / factor[i, i];
            }
            for (int i = d - 1; i >= 0; i--)
            {
                double s = y[i];
                for (int k = i + 1; k < d; k++) s -= factor[k, i] * inverse[k, c];
                inverse[i, c] = s / factor[i, i];
            }
        }
    }

    /// <summary>Solves M x = b for symmetric positive definite M by Cholesky; false if M is not numerically PD.</summary>
    private static bool SolveSpd(double[,] m, double[] b, double[] x)
    {
        int d = b.Length;
        var f = new double[d, d];
        var zero = new double[d];
        var neg = new double[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                neg[i, j] = -m[i, j];
        if (!Factor(neg, zero, f, out _))
            return false;
        var y = new double[d];
        for (int i = 0; i < d; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= f[i, k] * y[k];
            y[i] = s / f[i, i];
        }
        for (int i = d - 1; i >= 0; i--)
        {
            double s = y[i];
            for (int k = i + 1; k < d; k++) s -= f[k, i] * x[k];
            x[i] = s / f[i, i];
        }
        return true;
    }

    private static (Fraction Sum, bool Feasible) CertifyPrimal(Matrix<double> h, double[] l)
    {
        int d = l.Length;
        if (!l.All(v => v >= 0 && double.IsFinite(v)))
            return (Fraction.Zero, false);
        var slack = new Fraction[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                // Symmetrize exactly by the upper triangle: Require.Symmetric allowed a 1e-12 relative asymmetry.
                var hij = ExactDouble.ToFraction(i <= j ? h[i, j] : h[j, i]);
                slack[i, j] = (i == j ? ExactDouble.ToFraction(l[i]) : Fraction.Zero) - hij;
            }
        var sum = Fraction.Zero;
        foreach (double v in l)
            sum += ExactDouble.ToFraction(v);
        return (sum, ExactLinearAlgebra.IsPositiveDefinite(slack));
    }

    /// <summary>The mixing method's V found on <paramref name="h"/> (a scaled copy), its dual value c·⟨H, VVᵀ⟩ exactly on <paramref name="exactMatrix"/>.</summary>
    private static Fraction Dual(Matrix<double> h, Matrix<double> exactMatrix)
    {
        int d = h.RowCount;
        int k = Math.Min(d, (int)Math.Ceiling(Math.Sqrt(2.0 * d)) + 1);
        var random = new System.Random(6025);
        var v = new double[d, k];
        for (int i = 0; i < d; i++)
        {
            double norm = 0;
            for (int c = 0; c < k; c++)
            {
                v[i, c] = random.NextDouble() - 0.5;
                norm += v[i, c] * v[i, c];
            }
            norm = Math.Sqrt(norm);
            for (int c = 0; c < k; c++)
                v[i, c] /= norm;
        }
        var g = new double[k];
        double previous = double.NegativeInfinity;
        for (int sweep = 0; sweep < 200; sweep++)
        {
            double objective = 0;
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                {
                    double dot = 0;
                    for (int c = 0; c < k; c++) dot += v[i, c] * v[j, c];
                    objective += h[i, j] * dot;
                }
            // Block-coordinate ascent never decreases the objective; stop once a sweep gains nothing measurable.
            if (objective - previous <= 1e-15 * Math.Abs(objective))
                break;
            previous = objective;
            for (int i = 0; i < d; i++)
            {
                Array.Clear(g);
                for (int j = 0; j < d; j++)
                    if (j != i)
                        for (int c = 0; c < k; c++)
                            g[c] += h[i, j] * v[j, c];
                double gNorm = Math.Sqrt(g.Sum(x => x * x));
                double hii = h[i, i];
                // Maximize H_ii‖v_i‖² + 2 v_i·g over ‖v_i‖ ≤ 1: on the sphere unless H_ii < 0 puts the maximizer inside.
                if (hii < 0 && gNorm < -hii)
                    for (int c = 0; c < k; c++) v[i, c] = -g[c] / hii;
                else if (gNorm > 0)
                    for (int c = 0; c < k; c++) v[i, c] = g[c] / gNorm;
                else if (hii < 0)
                    for (int c = 0; c < k; c++) v[i, c] = 0;
            }
        }
        var exact = new Fraction[d, k];
        for (int i = 0; i < d; i++)
            for (int c = 0; c < k; c++)
                exact[i, c] = ExactDouble.ToFraction(v[i, c]);
        var gram = new Fraction[d, d];
        var maxDiag = Fraction.One;
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++)
            {
                var s = Fraction.Zero;
                for (int c = 0; c < k; c++)
                    s += exact[i, c] * exact[j, c];
                gram[i, j] = gram[j, i] = s;
                if (i == j && s > maxDiag)
                    maxDiag = s;
            }
        var inner = Fraction.Zero;
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                inner += ExactDouble.ToFraction(i <= j ? exactMatrix[i, j] : exactMatrix[j, i]) * gram[i, j];
        return inner / maxDiag;
    }

    /// <summary>v·2^exponent rounded toward +∞ (it only rounds where the result is subnormal).</summary>
    private static double ScaleUp(double v, int exponent)
    {
        double r = Math.ScaleB(v, exponent);
        return double.IsFinite(r) && Math.ScaleB(r, -exponent) < v ? Math.BitIncrement(r) : r;
    }

    /// <summary>The largest double ≤ x (−∞ below the range).</summary>
    private static double RoundDown(Fraction x)
    {
        double v = ExactDouble.ToDouble(x);
        if (double.IsInfinity(v))
            return v > 0 ? double.MaxValue : double.NegativeInfinity;
        return ExactDouble.ToFraction(v) > x ? Math.BitDecrement(v) : v;
    }

    /// <summary>The smallest double ≥ x (+∞ above the range).</summary>
    private static double RoundUp(Fraction x) => -RoundDown(-x) + 0.0; // + 0.0: no −0.0
}
