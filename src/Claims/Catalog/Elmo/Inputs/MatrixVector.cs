using Verification.Engine;

namespace Verification.Claims.Catalog.Elmo.Inputs;

/// <summary>A square matrix A (row-major, n×n) and a vector v ∈ ℝⁿ (elmo/lemma-M.3).</summary>
internal sealed record MatrixVector(double[] A, double[] V)
{
    /// <summary>The dimension n.</summary>
    internal int N => V.Length;

    /// <summary>The inputs as named round-trip values.</summary>
    internal IReadOnlyList<NamedValue> Describe() => [NamedValue.Of("A (row-major)", A), NamedValue.Of("v", V)];
}
