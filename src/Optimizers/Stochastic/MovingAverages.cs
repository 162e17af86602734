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
    /// x_t = x̃_t/(1 − β^(t+1)), the divisor from <see cref="Adam.BiasCorrection"/> (Adam's one bias correction: β^(t+1)
    /// within 1 ulp, where a running product β·β·…·β drifted by up to (t + 1)/2 ulp, magnified by β^(t+1)/(1 − β^(t+1))).
    /// </summary>
    public Vector<double> BiasCorrected =>
        Count == 0 ? throw new InvalidOperationException("no value has been added yet.") : raw / Adam.BiasCorrection(Beta, Count);

    /// <summary>Rejects β outside [0, 1) (β = 1 makes the bias correction divide by 1 − 1^(t+1) = 0).</summary>
    public static double RequireBeta(double beta, string name)
    {
        Require.Finite(beta, name);
        if (!(beta >= 0 && beta < 1))
            throw new ArgumentException($"{name} must be in [0, 1) (β = 1 divides by 1 − β^(t+1) = 0), got {Require.Show(beta)}.", name);
        return beta;
    }

    /// <summary>ρ(β, t) = (1 − β)(1 + β^(t+1))/((1 + β)(1 − β^(t+1))) = Σ_s c(β, t, s)² (eqs. 5.15, B.26).</summary>
    public static double Rho(double beta, int t)
    {
        RequireBeta(beta, nameof(beta));
        if (t < 0)
            throw new ArgumentException($"t must be ≥ 0, got {t}.", nameof(t));
        double p = Math.Pow(beta, t + 1);
        return (1 - beta) * (1 + p) / ((1 + beta) * (1 - p));
    }
}
