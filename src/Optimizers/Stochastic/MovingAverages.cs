using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// A bias-corrected exponential moving average x_t = x̃_t/(1 − β^(t+1)), x̃_t = βx̃_{t−1} + (1 − β)y_t (thesis eqs.
/// 5.1–5.3, B.23): a convex combination of y_0…y_t with weights c(β, t, s).
/// </summary>
public sealed class MovingAverages(double beta, int dimension)
{
    private readonly Vector<double> raw = Vector<double>.Build.Dense(dimension);

    /// <summary>β.</summary>
    public double Beta { get; } = RequireBeta(beta, nameof(beta));

    /// <summary>t + 1, the number of values added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds y_t.</summary>
    public void Add(Vector<double> y)
    {
        Require.Finite(y, nameof(y));
        Require.SameLength(raw.Count, y.Count, nameof(y));
        raw.MapIndexedInplace((i, x) => Beta * x + (1 - Beta) * y[i]);
        Count++;
    }

    /// <summary>
    /// x_t = x̃_t/(1 − β^(t+1)), the divisor from <see cref="Adam.BiasCorrection"/> (Adam's one bias correction: 1 − β^(t+1)
    /// within 4 ulp, where a running product β·β·…·β drifted by up to (t + 1)/2 ulp, magnified by β^(t+1)/(1 − β^(t+1))).
    /// </summary>
    public Vector<double> BiasCorrected =>
        Count == 0 ? throw new InvalidOperationException("no value has been added yet.") : raw / Adam.BiasCorrection(Beta, Count);

    /// <summary>
    /// 2^511 ≈ 6.7e153, the largest gradient entry an optimizer that averages g² accepts (Adam, SVAG, M-SVAG): g² ≤ 2^1022,
    /// a quarter of double.MaxValue, so the bias-corrected average of such squares (at most its largest term to a few ulps)
    /// stays a double.
    /// </summary>
    public const double MaxSquaredEntry = 6.703903964971299e153;

    /// <summary>
    /// Rejects a gradient with an entry beyond ±<see cref="MaxSquaredEntry"/> (or NaN), naming <paramref name="name"/>,
    /// <paramref name="optimizer"/>, the entry and the range, before any state changes.
    /// </summary>
    internal static void RequireSquarable(Vector<double> gradient, string optimizer, string name)
    {
        for (int i = 0; i < gradient.Count; i++)
            if (!(Math.Abs(gradient[i]) <= MaxSquaredEntry))
                throw new ArgumentException(
                    $"{optimizer} squares the stochastic gradient: entry {i} is {Require.Show(gradient[i])}, outside the range |g_i| ≤ 2^511 ≈ 6.7e153 where g_i² and its moving average are doubles.",
                    name);
    }

    /// <summary>Rejects β outside [0, 1) (β = 1 makes the bias correction divide by 1 − 1^(t+1) = 0).</summary>
    public static double RequireBeta(double beta, string name)
    {
        Require.Finite(beta, name);
        if (!(beta >= 0 && beta < 1))
            throw new ArgumentException($"{name} must be in [0, 1) (β = 1 divides by 1 − β^(t+1) = 0), got {Require.Show(beta)}.", name);
        return beta;
    }

    /// <summary>
    /// 1 − βⁿ for β ∈ [0, 1) and n ≥ 0, within 4 ulp over the whole range: <see cref="PowerComplement.OneMinusPower"/>
    /// (moved to Verification.Numerics so that the tensor steps share it; 1 − Math.Pow where βⁿ ≤ ½, Kahan's −expm1 form above).
    /// </summary>
    /// <exception cref="ArgumentException">β outside [0, 1), or n &lt; 0.</exception>
    public static double OneMinusPower(double beta, int n)
    {
        RequireBeta(beta, nameof(beta));
        return PowerComplement.OneMinusPower(beta, n);
    }

    /// <summary>
    /// ρ(β, t) = (1 − β)(1 + β^(t+1))/((1 + β)(1 − β^(t+1))) = Σ_s c(β, t, s)² (eqs. 5.15, B.26), with 1 − β^(t+1) from
    /// <see cref="OneMinusPower"/>: within 8 ulp for every β ∈ [0, 1) and t ≥ 0 (4 from 1 − β^(t+1), one rounding each for
    /// 1 − β, 1 + β, 1 + β^(t+1) (Pow within 1 ulp), two products and the quotient). The former 1 − Math.Pow(β, t+1)
    /// lost about log₁₀(1/(1 − β)) digits near β = 1.
    /// </summary>
    public static double Rho(double beta, int t)
    {
        RequireBeta(beta, nameof(beta));
        if (t < 0)
            throw new ArgumentException($"t must be ≥ 0, got {t}.", nameof(t));
        double p = Math.Pow(beta, t + 1);
        return (1 - beta) * (1 + p) / ((1 + beta) * OneMinusPower(beta, t + 1));
    }
}
