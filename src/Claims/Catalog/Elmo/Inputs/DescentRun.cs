using Verification.Engine;

namespace Verification.Claims.Catalog.Elmo.Inputs;

/// <summary>
/// A linear objective f(θ) = −aθ on ℝ (Hessian 0, so eq. (2) holds with L_H = 0 and any L &gt; 0 is a valid
/// Assumption-2 constant) on which ELMO (Alg. 1) is run from θ₀ = 0 with constant L (elmo/thm-C.1).
/// </summary>
internal sealed record DescentRun(double Slope, double Lipschitz)
{
    /// <summary>The inputs as named round-trip values.</summary>
    internal IReadOnlyList<NamedValue> Describe() => [NamedValue.Of("a", Slope), NamedValue.Of("lipschitz", Lipschitz)];
}
