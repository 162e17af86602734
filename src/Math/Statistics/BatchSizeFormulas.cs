using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Statistics;

/// <summary>
/// The step-size/batch-size trade-off of thesis §4.2 written once over <see cref="IReal{T}"/>: the cost-normalized
/// gain G(γ, m)/m of eq. (4.10), the step factor γ* of Proposition 4.1 (eq. 4.11) and the batch size m* of
/// Proposition 4.2 (eq. 4.13), with η² = tr(Σ)/‖∇f‖² the noise-to-signal ratio of eq. (4.9).
/// </summary>
public static class BatchSizeFormulas
{
    /// <summary>G(γ, m)/m = 2γ/m − γ²/m − η²γ²/m² as eq. (4.10) writes it (m ≠ 0).</summary>
    public static T GainPerCost<T>(T gamma, T m, T eta2) where T : IReal<T> =>
        2 * gamma / m - gamma * gamma / m - eta2 * gamma * gamma / (m * m);

    /// <summary>2|γ|/|m| + γ²/|m| + |η²|γ²/m²: the size of the terms of <see cref="GainPerCost{T}"/> (a margin scale that accounts for cancellation).</summary>
    public static T GainPerCostTermScale<T>(T gamma, T m, T eta2) where T : IReal<T>
    {
        var am = T.Abs(m);
        return 2 * T.Abs(gamma) / am + gamma * gamma / am + T.Abs(eta2) * gamma * gamma / (m * m);
    }

    /// <summary>γ* = (1 + η²/m)⁻¹ of eq. (4.11) (m ≠ 0, η²/m ≠ −1).</summary>
    public static T OptimalStepFactor<T>(T m, T eta2) where T : IReal<T> => 1 / (1 + eta2 / m);

    /// <summary>m* = 2γη²/(2 − γ) of eq. (4.13) (γ ≠ 2).</summary>
    public static T OptimalBatchSize<T>(T gamma, T eta2) where T : IReal<T> => 2 * gamma * eta2 / (2 - gamma);
}
