using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Statistics;

namespace Verification.Claims.Catalog.Balles.Shared;

/// <summary>The optimality statements of thesis §4.2 (Props. 4.1 and 4.2) compare the expected gain per cost G(γ, m)/m.</summary>
internal static class GainPerCost
{
    /// <summary>
    /// G(γ_c, m_c)/m_c ≤ G(γ*, m*)/m*: a competing step factor and batch size gain no more per cost than the optimum, in
    /// units of the sum of both sides' term scales (<see cref="BatchSizeFormulas.GainPerCostTermScale{T}"/>).
    /// </summary>
    internal static Relation<T> NoMoreThanOptimum<T>((T Gamma, T M) competitor, (T Gamma, T M) optimum, T eta2) where T : IReal<T>
    {
        var scale = BatchSizeFormulas.GainPerCostTermScale(competitor.Gamma, competitor.M, eta2) + BatchSizeFormulas.GainPerCostTermScale(optimum.Gamma, optimum.M, eta2);
        return Relation.LessOrEqual(BatchSizeFormulas.GainPerCost(competitor.Gamma, competitor.M, eta2), BatchSizeFormulas.GainPerCost(optimum.Gamma, optimum.M, eta2), scale);
    }
}
