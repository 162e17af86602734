using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Random;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// Adapter kept for <see cref="SpectralQuadratic"/> (owned elsewhere this session): a seeded Haar orthogonal matrix is
/// <see cref="RandomOrthogonal.Draw(int, int)"/>, the one copy; call that directly in new code.
/// </summary>
internal static class RandomRotation
{
    /// <summary><see cref="RandomOrthogonal.Draw(int, int)"/>.</summary>
    internal static Matrix<double> Create(int n, int seed) => RandomOrthogonal.Draw(n, seed);
}
