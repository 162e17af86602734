namespace Verification.Claims.Catalog.Lodo;

/// <summary>Block size k and depth factor c of the eq. (2) cost sequences (N = c·⌈log₂ n⌉).</summary>
internal sealed record CostInput(int K, int DepthFactor)
{
    internal IReadOnlyList<NamedValue> Describe() => [NamedValue.Of("k", K), NamedValue.Text("N", $"{DepthFactor}·⌈log₂ n⌉")];
}
