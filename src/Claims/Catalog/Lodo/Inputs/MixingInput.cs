namespace Verification.Claims.Catalog.Lodo;

/// <summary>Width ñ and depth N of a Definition 4.1 census (Theorem 4.2's first part).</summary>
internal sealed record MixingInput(int Width, int Depth)
{
    internal IReadOnlyList<NamedValue> Describe() => [NamedValue.Of("ñ", Width), NamedValue.Of("N", Depth)];
}
