using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// p(y = c|f) = softmax(f)_c = π_c (eq. D.12), natural parameters f ∈ ℝ^C: log p = f_c − log Σ_i e^{f_i};
/// ∇ = e_c − π; ∇² = −(diag(π) − ππᵀ) (eq. D.16). Labels 0, …, C − 1.
/// </summary>
/// <remarks>
/// Range: every finite f. log p = (f_c − m) − log Σ_i e^{f_i − m} (m = max f, <see cref="LogSumExp.LogSoftmax{T}"/>), and
/// 1 − π_c as Σ_{i≠c} π_i, so that neither cancels: f = (1e20, 1e20) gave log p = 0 (exact −log 2) and ∇ = (0, −½)
/// (exact (½, −½)) when written as f_c − log Σ e^{f_i} and e_c − π. A log p below −double.MaxValue (f_c − m overflows, e.g.
/// f = (−1e308, 1e308), c = 0) is rejected with an <see cref="ArgumentException"/>. Accuracy, with D = max |f_i − m| over the
/// classes with |f_i − m| ≤ 746 (the others have π_i &lt; 2^-1076, computed as 0): each π_i within (|f_i − m| + 2C + 4) ulp
/// where normal (the rounding of f_i − m is amplified by exp's condition number |f_i − m|; the sum of the shifted
/// exponentials is in [1, C]), each entry of ∇ and ∇² within (2D + 4C + 9) ulp where normal (2^-1074 per term below),
/// and log p within (C + 6)u·(|f_c − m| + log C) absolute.
/// </remarks>
public sealed class CategoricalSoftmax : LikelihoodBase
{
    /// <summary>C classes, C ≥ 2.</summary>
    public CategoricalSoftmax(int classes)
    {
        if (classes < 2)
            throw new ArgumentException($"classes must be ≥ 2, got {classes}.", nameof(classes));
        Classes = classes;
    }

    /// <summary>C.</summary>
    public int Classes { get; }

    /// <inheritdoc />
    public override string Name => $"categorical-softmax(C={Classes})";

    /// <inheritdoc />
    public override int OutputDimension => Classes;

    /// <inheritdoc />
    public override bool IsNaturalParameterization => true;

    /// <inheritdoc />
    protected override void ValidateSupport(double y, string name) => RequireIndex(y, Classes, name);

    /// <inheritdoc />
    public override T LogDensity<T>(double y, T[] f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return LogSumExp.LogSoftmax(f, (int)y);
    }

    /// <inheritdoc />
    protected override double LogDensityUnchecked(double y, Vector<double> f) =>
        LogDensity((int)y, f.Select(x => new Real(x)).ToArray()).Value;

    /// <inheritdoc />
    protected override Vector<double> GradientUnchecked(double y, Vector<double> f)
    {
        var pi = LogSumExp.Softmax(f.ToArray());
        var g = Vector<double>.Build.Dense(Classes, i => -pi[i]);
        g[(int)y] = Others(pi, (int)y); // 1 − π_y without cancellation
        return g;
    }

    /// <summary>
    /// ∇ = e_y − π with π_c as M·2^E (<see cref="ScaledProbabilities(IReadOnlyList{double})"/>), so that π_c below 2^-1022 keeps its digits (the
    /// double is subnormal or 0 from f_c − m ≈ −708 on), and 1 − π_y as one <see cref="ScaledSum"/> of the others: each entry
    /// within the bounds the class states for ∇ where normal, relatively, with no absolute term; null where every
    /// f_c − m ≥ −600 (each π_c ≥ e^-600/C is then normal, for C below e^100).
    /// </summary>
    private protected override ScaledVector? GradientScaledUnchecked(double y, Vector<double> f)
    {
        if (ScaledProbabilitiesBelow(f, -600) is not { } pi)
            return null;
        int label = (int)y;
        var (mantissas, exponents) = (pi.Mantissas.Select(m => -m).ToArray(), pi.Exponents.ToArray());
        (mantissas[label], exponents[label]) = Others(pi, label);
        return new ScaledVector(mantissas, exponents);
    }

    /// <summary>
    /// ∇² = −(diag(π) − ππᵀ) with π as M·2^E (<see cref="ScaledProbabilities(IReadOnlyList{double})"/>): π_iπ_j and −π_i·Σ_{c≠i}π_c, each one product
    /// of mantissas with its exponents added, so that an entry below 2^-1022 keeps its digits (f = (0, −400, −400) gave
    /// π₁π₂ = 0 for e^-800/(1 + 2e^-400)²): within the bounds the class states for ∇² where normal, relatively; null where
    /// every f_c − m ≥ −340 (each π_iπ_j ≥ e^-680/C² is then normal, for C below 10^6).
    /// </summary>
    private protected override ScaledMatrix? HessianScaledUnchecked(double y, Vector<double> f)
    {
        if (ScaledProbabilitiesBelow(f, -340) is not { } pi)
            return null;
        var (mantissas, exponents) = (new double[Classes * Classes], new int[Classes * Classes]);
        for (int i = 0; i < Classes; i++)
            for (int j = 0; j < Classes; j++)
                (mantissas[i * Classes + j], exponents[i * Classes + j]) = ScaledHessianEntry(pi, i, j);
        return new ScaledMatrix(Classes, new ScaledVector(mantissas, exponents));
    }

    /// <summary>
    /// ∇²_ij of π as M·2^E: π_iπ_j off the diagonal, −π_i·Σ_{c≠i}π_c on it (<see cref="Others(ScaledVector, int)"/>), the mantissas'
    /// product rounded once (<see cref="Product"/>); shared with CurvatureFormulas' scaled terms.
    /// </summary>
    internal static (double Mantissa, int Exponent) ScaledHessianEntry(ScaledVector pi, int i, int j)
    {
        var (m, e) = i == j ? Others(pi, i) : (pi.Mantissas[j], pi.Exponents[j]);
        return Product(i == j ? -pi.Mantissas[i] : pi.Mantissas[i], pi.Exponents[i], m, e);
    }

    /// <summary>The weights π_c of the rule over the C classes as M·2^E (<see cref="ScaledProbabilities(IReadOnlyList{double})"/>); null as for ∇.</summary>
    private protected override ScaledVector? WeightsScaledUnchecked(Vector<double> f) => ScaledProbabilitiesBelow(f, -600);

    /// <summary>
    /// <see cref="ScaledProbabilities(IReadOnlyList{double})"/>, or null where every f_c − m is at least
    /// <paramref name="floor"/>, where the caller's entries are normal doubles.
    /// </summary>
    private static ScaledVector? ScaledProbabilitiesBelow(Vector<double> f, double floor)
    {
        double max = f.Maximum();
        return f.All(x => x - max >= floor) ? null : ScaledProbabilities(f.ToArray());
    }

    /// <summary>
    /// π_c = e^(f_c − m)/s as M·2^E for finite logits f (m = max f, s = Σ_i e^(f_i − m) summed as <see cref="LogSumExp.Softmax"/>
    /// sums it, e^(f_c − m) by <see cref="ScaledExp"/>, the quotient of mantissas rounded once), at every f; shared with
    /// CurvatureFormulas' scaled terms.
    /// </summary>
    internal static ScaledVector ScaledProbabilities(IReadOnlyList<double> f)
    {
        double max = f.Max();
        double s = f.Select(x => Math.Exp(x - max)).Sum();
        var (mantissas, exponents) = (new double[f.Count], new int[f.Count]);
        for (int c = 0; c < f.Count; c++)
        {
            if (double.IsNegativeInfinity(f[c] - max))
                continue; // f_c − m beyond −double.MaxValue: π_c < e^-1e308, 0 as in Softmax
            var (m, e) = ScaledExp.Of(f[c] - max);
            var (q, k) = ScaledVector.Quotient(m, s);
            (mantissas[c], exponents[c]) = (q, e + k);
        }
        return new ScaledVector(mantissas, exponents);
    }

    /// <summary>Σ_{c≠i} π_c = 1 − π_i of π as M·2^E, one <see cref="ScaledSum"/>, as M·2^E.</summary>
    internal static (double Mantissa, int Exponent) Others(ScaledVector pi, int i)
    {
        var others = new ScaledSum();
        for (int c = 0; c < pi.Count; c++)
            if (c != i)
                others.AddTimesPowerOfTwo(pi.Exponents[c], 1, pi.Mantissas[c]);
        return others.Parts;
    }

    /// <summary>(a·2^e)(b·2^k) as M·2^E: the mantissas' product rounded once, the exponents added.</summary>
    private static (double Mantissa, int Exponent) Product(double a, int e, double b, int k)
    {
        double m = a * b;
        if (m == 0)
            return (m, 0);
        int shift = Math.ILogB(m);
        return (Math.ScaleB(m, -shift), e + k + shift);
    }

    /// <summary>Σ_{c≠i} π_c = 1 − π_i, summed so that it does not cancel when π_i rounds to 1.</summary>
    private static double Others(double[] pi, int i)
    {
        double sum = 0;
        for (int c = 0; c < pi.Length; c++)
            if (c != i)
                sum += pi[c];
        return sum;
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianUnchecked(double y, Vector<double> f)
    {
        var pi = LogSumExp.Softmax(f.ToArray());
        // diagonal −π_i(1 − π_i) = −π_i·Σ_{c≠i} π_c, off-diagonal π_iπ_j: no cancellation anywhere
        return Matrix<double>.Build.Dense(Classes, Classes, (i, j) => i == j ? -pi[i] * Others(pi, i) : pi[i] * pi[j]);
    }

    /// <inheritdoc />
    protected override ExpectationRule ExpectationUnchecked(Vector<double> f) =>
        new(Enumerable.Range(0, Classes).Select(c => (double)c).ToArray(), LogSumExp.Softmax(f.ToArray()), 0,
            "exact sum over the C classes");
}
