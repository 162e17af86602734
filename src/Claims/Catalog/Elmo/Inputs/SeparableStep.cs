using Verification.Engine;

namespace Verification.Claims.Catalog.Elmo.Inputs;

/// <summary>
/// n eigenspaces in eigen-coordinates (λ_i, |g_i|, L_i) and a competing step c with c_i = Δθᵀv_i (elmo/eq-7's sum over
/// i: V is orthogonal, so c ranges over all of ℝⁿ). <see cref="Spaces"/> and <see cref="C"/> have the same length.
/// </summary>
internal sealed record SeparableStep(EigenspaceInput[] Spaces, double[] C)
{
    /// <summary>The coordinates as named round-trip values, one list per quantity.</summary>
    internal IReadOnlyList<NamedValue> Describe() =>
    [
        NamedValue.Of("lambda", Spaces.Select(e => e.Lambda)),
        NamedValue.Of("gradMagnitude", Spaces.Select(e => e.GradMagnitude)),
        NamedValue.Of("lipschitz", Spaces.Select(e => e.Lipschitz)),
        NamedValue.Of("c", C),
    ];

    /// <summary>Every real coordinate, in the order λ_1.., |g_1|.., L_1.., c_1.. (for shrinking).</summary>
    internal double[] Coordinates() =>
        [.. Spaces.Select(e => e.Lambda), .. Spaces.Select(e => e.GradMagnitude), .. Spaces.Select(e => e.Lipschitz), .. C];

    /// <summary>The step with its coordinates replaced (the inverse of <see cref="Coordinates"/>); ArgumentException off the domain.</summary>
    internal SeparableStep With(double[] x)
    {
        int n = Spaces.Length;
        var spaces = Enumerable.Range(0, n).Select(i => EigenspaceInput.Valid(x[i], x[n + i], x[2 * n + i])).ToArray();
        return new SeparableStep(spaces, x[(3 * n)..]);
    }
}
