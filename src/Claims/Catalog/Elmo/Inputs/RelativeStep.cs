using Verification.Engine;

namespace Verification.Claims.Catalog.Elmo.Inputs;

/// <summary>
/// One eigenspace and a step x = x*(1 + ΔΔ') given by its relative distance ΔΔ' from ELMO's step (Notation 8;
/// elmo/lemma-M.5-relative).
/// </summary>
internal sealed record RelativeStep(EigenspaceInput E, double Delta)
{
    /// <summary>The inputs as named round-trip values.</summary>
    internal IReadOnlyList<NamedValue> Describe() => [.. E.Describe(), NamedValue.Of("DeltaDelta'", Delta)];
}
