using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Guarantees;

namespace Verification.Optimizers.Sign;

/// <summary>
/// Norm-scaled sign gradient descent, balles-thesis eq. (6.10): Δθ = −(‖∇f(θ)‖₁ / L∞)·sign(∇f(θ)), steepest descent
/// w.r.t. the maximum norm (eq. 6.9) for an L∞-smooth f. sign(0) = 0; with it the step is still a minimizer of eq. (6.9)
/// (any value in [−r, r] is optimal in a coordinate with zero partial derivative). Declares steepest descent w.r.t. ℓ∞,
/// norm-scaled, α = 1/L∞ (Lemma 6.2); not rotation equivariant, not scale invariant, and it can climb along a concave
/// eigenvector off the axes (∇f = (2, −1), v ∝ (3, 5): Δθᵀv = 6, ∇fᵀv = 1), so none of those is declared.
/// </summary>
public sealed class NormScaledSignGradientDescent : StatelessOptimizer, IDeclaresGuarantees
{
    /// <summary>Creates the method with smoothness constant <paramref name="lInfinity"/> (L∞ of eq. 6.3).</summary>
    /// <exception cref="ArgumentException"><paramref name="lInfinity"/> is not a finite positive number, or below 1/double.MaxValue (α = 1/L∞ would be +∞).</exception>
    public NormScaledSignGradientDescent(double lInfinity)
    {
        LInfinity = Require.Positive(lInfinity, nameof(lInfinity));
        if (double.IsInfinity(1 / LInfinity))
            throw new ArgumentException(
                $"lInfinity must be at least 1/double.MaxValue (≈ 5.6e-309) so that the step size α = 1/L∞ of Lemma 6.2 is a finite double, got {Require.Show(lInfinity)}.",
                nameof(lInfinity));
        // Lemma 6.2 with α = 1/L∞: the step is eq. (6.10), steepest descent w.r.t. ℓ∞ scaled by ‖∇f‖₁.
        Guarantees = [new SteepestDescent(SteepestDescentNorm.Max, SteepestDescentScaling.NormScaled, 1 / LInfinity)];
    }

    /// <inheritdoc />
    public IReadOnlyList<Guarantee> Guarantees { get; }

    /// <summary>The configuration <c>check-optimizer</c> loads (its static-factory convention): L∞ = 1, so α = 1/L∞ = 1.</summary>
    public static NormScaledSignGradientDescent CreateDefault() => new(1);

    /// <summary>L∞.</summary>
    public double LInfinity { get; }

    /// <inheritdoc />
    public override string Name => $"norm-scaled-sign-gd(L∞={Require.Show(LInfinity)})";

    /// <summary>The step of eq. (6.10) for a gradient g: −(‖g‖₁/L∞)·sign(g).</summary>
    /// <remarks>
    /// Range: every finite g whose radius r = ‖g‖₁/L∞ is at most double.MaxValue; beyond it an ArgumentException naming
    /// gradient (never ±∞, and never NaN where g_i = 0). Where g and L∞ have every entry 0 or within [2^-100, 2^100] the
    /// plain ‖g‖₁/L∞ (no partial sum can over- or underflow there); elsewhere ‖g‖₁ is summed on 2^-k·|g_i| (k = ⌊log₂ max|g_i|⌋,
    /// exact scalings) and divided by the mantissa of L∞, with the powers of two applied once at the end, so that neither
    /// ‖g‖₁ nor the quotient overflows or underflows before r does (g = (1e308, 1e308, 0), L∞ = 4 gave (−∞, −∞, NaN), exact
    /// (−5e307, −5e307, 0)). Accuracy (u = 2^-53, d = dim): r within d·u·r of the exact radius, plus 2^-1074 where it is
    /// subnormal; each nonzero entry is exactly ∓r, each zero entry 0.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="gradient"/> is non-finite, or ‖g‖₁/L∞ is beyond double.MaxValue.</exception>
    public Vector<double> StepFor(Vector<double> gradient)
    {
        Require.Finite(gradient, nameof(gradient));
        double radius = Radius(gradient);
        return gradient.Map(gi => -radius * Math.Sign(gi));
    }

    /// <summary>‖g‖₁/L∞ as stated on <see cref="StepFor"/>.</summary>
    private double Radius(Vector<double> gradient)
    {
        if (ScaledSum.Ordinary(gradient.Enumerate()) && ScaledSum.Ordinary(LInfinity) && gradient.Count <= 1 << 20)
            return gradient.L1Norm() / LInfinity;
        double largest = gradient.AbsoluteMaximum();
        if (largest == 0)
            return 0;
        int k = Math.ILogB(largest), l = Math.ILogB(LInfinity);
        double scaledNorm = 0; // Σ 2^-k|g_i| ∈ [1, 2d): no overflow; entries below 2^(k−1074) round to the subnormal grid
        foreach (double gi in gradient)
            scaledNorm += Math.Abs(Math.ScaleB(gi, -k));
        double radius = Math.ScaleB(scaledNorm / Math.ScaleB(LInfinity, -l), k - l);
        if (double.IsInfinity(radius))
            throw new ArgumentException(
                $"the step's radius ‖g‖₁/L∞ = {Require.Show(scaledNorm / Math.ScaleB(LInfinity, -l))}·2^{k - l} is beyond double.MaxValue (≈ 1.8e308), the range of a double step.",
                nameof(gradient));
        return radius;
    }

    /// <inheritdoc />
    public override Vector<double> Update(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return StepFor(objective.Gradient(theta));
    }
}
