using Fractions;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>
/// The moving-average weights of thesis App. B.2.4: c(β, t, s) = (1 − β)β^(t−s)/(1 − β^(t+1)) (eq. B.23) and
/// ρ(β, t) = (1 − β)(1 + β^(t+1))/((1 + β)(1 − β^(t+1))) (eq. B.26), exactly and in double.
/// </summary>
internal static class RhoBeta
{
    internal static Fraction Power(Fraction b, int k)
    {
        Fraction p = Fraction.One;
        for (int i = 0; i < k; i++) p *= b;
        return p;
    }

    /// <summary>c(β, t, s), exactly (β ∈ [0, 1)).</summary>
    internal static Fraction Weight(Fraction beta, int t, int s) =>
        (Fraction.One - beta) * Power(beta, t - s) / (Fraction.One - Power(beta, t + 1));

    /// <summary>Σ_s c(β, t, s)², exactly: the left side of (B.26).</summary>
    internal static Fraction SumOfSquares(Fraction beta, int t)
    {
        Fraction sum = Fraction.Zero;
        for (int s = 0; s <= t; s++)
        {
            var c = Weight(beta, t, s);
            sum += c * c;
        }
        return sum;
    }

    /// <summary>The closed form of (B.26) / (5.15), exactly.</summary>
    internal static Fraction ClosedForm(Fraction beta, int t)
    {
        var p = Power(beta, t + 1);
        return (Fraction.One - beta) * (Fraction.One + p) / ((Fraction.One + beta) * (Fraction.One - p));
    }

    /// <summary>Σ_{k&lt;n} β^k, so that 1 − β^n = (1 − β)·Σ without cancellation for β near 1.</summary>
    internal static double GeometricSum(double beta, int n)
    {
        double s = 0, p = 1;
        for (int k = 0; k < n; k++) { s += p; p *= beta; }
        return s;
    }

    /// <summary>The closed form in double, as (1 + β^(t+1))/((1 + β)Σ_{k≤t}β^k): (1 − β) cancels exactly, no 1 − β^(t+1).</summary>
    internal static double ClosedForm(double beta, int t) =>
        (1 + System.Math.Pow(beta, t + 1)) / ((1 + beta) * GeometricSum(beta, t + 1));

    /// <summary>ρ(β, t) − (1 − β)/(1 + β) = 2β^(t+1)(1 − β)/((1 + β)(1 − β^(t+1))), without cancellation.</summary>
    internal static double GapToLimit(double beta, double t)
    {
        double p = System.Math.Pow(beta, t + 1);
        return 2 * p * (1 - beta) / ((1 + beta) * (1 - p));
    }
}
