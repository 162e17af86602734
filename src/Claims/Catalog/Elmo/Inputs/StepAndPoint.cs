using Verification.Engine;

namespace Verification.Claims.Catalog.Elmo.Inputs;

/// <summary>One eigenspace (λ, |g|, L) and a competing step y along its eigenvector (elmo/eq-7).</summary>
internal sealed record StepAndPoint(EigenspaceInput Space, double Y)
{
    /// <summary>λ, |g|, L and y as named round-trip values.</summary>
    internal IReadOnlyList<NamedValue> Describe() => [.. Space.Describe(), NamedValue.Of("y", Y)];
}
