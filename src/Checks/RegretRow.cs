using Verification.Numerics.Elmo;

namespace Verification.Checks;

/// <summary>One eigenspace of one regret measurement (elmo-amos §3.4).</summary>
/// <param name="Problem">The test function and θ.</param>
/// <param name="Lambda">λ_i.</param>
/// <param name="Gradient">g_i = ∇fᵀv_i (≤ 0 by eq. 1).</param>
/// <param name="Lipschitz">L_t^i = L_H (the spectral reading, eq. 2).</param>
/// <param name="Step">x_i = Δθᵀv_i, the optimizer's step in this eigenspace.</param>
/// <param name="ElmoStep">x*_i of eq. (7).</param>
/// <param name="RelativeDistance">ΔΔ'_i = (x_i − x*_i)/x*_i (Notation 8); NaN when x*_i = 0.</param>
/// <param name="RegretRatio">M(x_i)/M(x*_i) with M of eq. (3): 1 is ELMO's descent, below 1 less, below 0 an ascent of the pessimistic model; NaN when M(x*_i) = 0.</param>
public sealed record RegretRow(string Problem, double Lambda, double Gradient, double Lipschitz, double Step, double ElmoStep, double RelativeDistance, double RegretRatio);
