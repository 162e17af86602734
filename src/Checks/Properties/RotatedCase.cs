using Verification.Checks.Problems;

namespace Verification.Checks.Properties;

/// <summary>A quadratic and the exactly orthogonal Q its coordinates are turned by (Q = B/√‖u‖² for a <see cref="Basis"/>).</summary>
/// <param name="Case">The problem.</param>
/// <param name="Rotation">Q's basis: Hadamard (n = 1, 4, where H/√n is dyadic) or a signed permutation.</param>
public sealed record RotatedCase(QuadraticCase Case, Basis Rotation);
