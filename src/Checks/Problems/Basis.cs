using Fractions;

namespace Verification.Checks.Problems;

/// <summary>
/// An eigenbasis with integer columns u_k that are mutually orthogonal with uₖᵀuₖ = <see cref="Norm2"/>, so that
/// A = Σ_k λ_k u_k u_kᵀ / Norm2 is a dyadic rational when the λ_k are: generated quadratics then have an exactly
/// known spectrum and exact eigenvectors.
/// </summary>
/// <param name="Kind">The family.</param>
/// <param name="Permutation">For <see cref="BasisKind.SignedPermutation"/>: column k is sign_k·e_{Permutation[k]}.</param>
/// <param name="Signs">±1 per column (signed permutations only).</param>
public sealed record Basis(BasisKind Kind, int[] Permutation, int[] Signs)
{
    /// <summary>The coordinate basis.</summary>
    public static Basis Identity { get; } = new(BasisKind.Identity, [], []);

    /// <summary>The Hadamard basis.</summary>
    public static Basis Hadamard { get; } = new(BasisKind.Hadamard, [], []);

    /// <summary>uₖᵀuₖ for dimension <paramref name="n"/>.</summary>
    public int Norm2(int n) => Kind == BasisKind.Hadamard ? n : 1;

    /// <summary>Entry i of column k (an integer).</summary>
    public int Entry(int n, int i, int k) => Kind switch
    {
        BasisKind.Identity => i == k ? 1 : 0,
        BasisKind.Hadamard => (System.Numerics.BitOperations.PopCount((uint)(i & k)) & 1) == 0 ? 1 : -1,
        _ => Permutation[k] == i ? Signs[k] : 0,
    };

    /// <summary>Column k as exact rationals.</summary>
    public Fraction[] Column(int n, int k) => Enumerable.Range(0, n).Select(i => new Fraction(Entry(n, i, k))).ToArray();

    /// <summary>Whether this basis exists in dimension <paramref name="n"/>.</summary>
    public bool Supports(int n) => Kind switch
    {
        BasisKind.Hadamard => n is 1 or 2 or 4,
        BasisKind.SignedPermutation => Permutation.Length == n && Signs.Length == n,
        _ => true,
    };

    /// <summary>How a report shows it.</summary>
    public string Describe() => Kind switch
    {
        BasisKind.Identity => "identity",
        BasisKind.Hadamard => "hadamard",
        _ => "signed-permutation [" + string.Join(", ", Permutation.Select((p, k) => (Signs[k] < 0 ? "−" : "+") + "e" + p)) + "]",
    };
}
