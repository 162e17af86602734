using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// Poisson with log rate f = log λ (the natural parameter): log p = y·f − eᶠ − log y!; ∇ = y − λ; ∇² = −λ. Labels 0, 1, 2, ….
/// The expectation over y is a sum truncated at K with a rigorous tail bound (see <see cref="ExpectationUnchecked"/>).
/// </summary>
/// <remarks>
/// Range: finite f and labels y whose results are within ±double.MaxValue: λ = eᶠ overflows for f &gt; log(double.MaxValue)
/// ≈ 709.78, and every result involving it is then rejected with an <see cref="ArgumentException"/>, as is y·f or log y!
/// beyond the range. Accuracy: the terms are evaluated as written, each within a few u (MathNet's GammaLn within about
/// 1e-15 relative); log p and ∇ = y − λ are within 4u of the sum of their terms' magnitudes (|y·f| + λ + log y!, y + λ)
/// plus GammaLn's error. Those terms can cancel (log p at y = 1e15, f = log y is about −18.9, from terms near 3.4e16), so
/// no relative bound exists; ∇² = −λ is within 1 ulp.
/// </remarks>
public sealed class PoissonLog : LikelihoodBase
{
    /// <summary>Largest log rate the truncated expectation accepts (λ ≤ e⁴ ≈ 55, so K stays below ~150 nodes).</summary>
    public const double MaxLogRate = 4;

    /// <summary>The tail bound aimed for, relative to max(1, λ) (the size of the Fisher in output space).</summary>
    public const double RelativeTail = 1e-18;

    /// <inheritdoc />
    public override string Name => "poisson-log";

    /// <inheritdoc />
    public override int OutputDimension => 1;

    /// <inheritdoc />
    public override bool IsNaturalParameterization => true;

    /// <inheritdoc />
    protected override void ValidateSupport(double y, string name) => RequireIndex(y, null, name);

    /// <inheritdoc />
    public override T LogDensity<T>(double y, T[] f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return T.Constant(y) * f[0] - T.Exp(f[0]) - T.Constant(MathNet.Numerics.SpecialFunctions.GammaLn(y + 1));
    }

    /// <inheritdoc />
    protected override double LogDensityUnchecked(double y, Vector<double> f) =>
        y * f[0] - Math.Exp(f[0]) - MathNet.Numerics.SpecialFunctions.GammaLn(y + 1);

    /// <inheritdoc />
    protected override Vector<double> GradientUnchecked(double y, Vector<double> f) => One(y - Math.Exp(f[0]));

    /// <inheritdoc />
    protected override Matrix<double> HessianUnchecked(double y, Vector<double> f) => Scalar(-Math.Exp(f[0]));

    /// <summary>
    /// Nodes 0…K with weights p(y) = exp(y·log λ − λ − log y!). Tail bound: for y ≥ K + 1 ≥ 2λ + 2 the integrand weight
    /// max((y − λ)², λ, 1) ≤ y², and the ratio p(y+1)(y+1)²/(p(y)y²) = λ(y+1)/y² ≤ ρ := λ(K+2)/(K+1)²; K grows until
    /// ρ ≤ 1/2, so Σ_{y&gt;K} p(y)y² ≤ p(K+1)(K+1)²/(1 − ρ) ≤ 2p(K+1)(K+1)² (a geometric series), and until that bound is
    /// ≤ <see cref="RelativeTail"/>·max(1, λ). The reported bound is 4p(K+1)(K+1)²: a factor 2 covers the rounding of
    /// GammaLn and exp in evaluating p(K+1) (far below a relative 1e-10 here).
    /// </summary>
    protected override ExpectationRule ExpectationUnchecked(Vector<double> f)
    {
        double eta = f[0];
        if (eta > MaxLogRate)
            throw new ArgumentException($"f[0] (log rate) must be ≤ {MaxLogRate} for the truncated expectation, got {Require.Show(eta)}.", nameof(f));
        double lambda = Math.Exp(eta);
        double LogP(int y) => y * eta - lambda - MathNet.Numerics.SpecialFunctions.GammaLn(y + 1.0);
        int k = (int)Math.Ceiling(2 * lambda + 2);
        double bound;
        while (true)
        {
            double rho = lambda * (k + 2) / ((double)(k + 1) * (k + 1));
            bound = 4 * Math.Exp(LogP(k + 1)) * (k + 1.0) * (k + 1.0);
            if (rho <= 0.5 && bound <= RelativeTail * Math.Max(1, lambda))
                break;
            k++;
        }
        var labels = Enumerable.Range(0, k + 1).Select(y => (double)y).ToArray();
        var weights = labels.Select(y => Math.Exp(LogP((int)y))).ToArray();
        return new ExpectationRule(labels, weights, bound, $"sum over y = 0…{k}, tail ≤ 4p(K+1)(K+1)²");
    }
}
