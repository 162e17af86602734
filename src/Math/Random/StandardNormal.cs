namespace Verification.Numerics.Random;

/// <summary>
/// Standard normal draws by Box–Muller: Z = √(−2 ln u₁)·cos(2πu₂) from two uniforms of a seeded
/// <see cref="System.Random"/>, u₁ = 1 − NextDouble() ∈ (0, 1] (so ln u₁ is finite) drawn first, u₂ = NextDouble() second.
/// </summary>
/// <remarks>
/// The one sampler of the suite: every seeded experiment, dataset, figure and snapshot that needs a Gaussian draws it
/// here, so the order in which the two uniforms are consumed is part of the contract (a seed must keep giving the same
/// numbers). Range: |Z| ≤ √(2·53 ln 2) ≈ 8.57 since u₁ ≥ 2^-53; the sine partner of the pair is not used.
/// </remarks>
public static class StandardNormal
{
    /// <summary>One draw of N(0, 1), consuming exactly two uniforms of <paramref name="random"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static double Draw(System.Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double u1 = 1.0 - random.NextDouble(); // (0, 1]
        double u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
