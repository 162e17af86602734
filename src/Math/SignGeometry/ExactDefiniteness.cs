using Fractions;
using Verification.Numerics.Exact;

namespace Verification.Numerics.SignGeometry;

/// <summary>
/// Positive definiteness decided in exact rational arithmetic: symmetric Gaussian elimination (LDLᵀ without
/// pivoting) succeeds with every pivot &gt; 0 exactly when the symmetric matrix is positive definite (Sylvester: the
/// pivots are ratios of consecutive leading principal minors). No rounding, so the answer is a proof.
/// </summary>
public static class ExactDefiniteness
{
    /// <summary>Largest dimension accepted (fraction sizes grow with d; 40 stays fast).</summary>
    public const int MaxDimension = 40;

    /// <summary>True when the symmetric rational matrix <paramref name="a"/> is positive definite.</summary>
    /// <exception cref="ArgumentException"><paramref name="a"/> is empty, not square, not symmetric, or too large.</exception>
    public static bool IsPositiveDefinite(Fraction[,] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        int d = a.GetLength(0);
        if (d == 0 || d != a.GetLength(1))
            throw new ArgumentException($"a must be a non-empty square matrix, got {a.GetLength(0)}×{a.GetLength(1)}.", nameof(a));
        if (d > MaxDimension)
            throw new ArgumentException($"a must have dimension ≤ {MaxDimension}, got {d}.", nameof(a));
        var m = (Fraction[,])a.Clone();
        for (int i = 0; i < d; i++)
            for (int j = i + 1; j < d; j++)
                if (m[i, j] != m[j, i])
                    throw new ArgumentException($"a must be symmetric: [{i},{j}] ≠ [{j},{i}].", nameof(a));
        for (int k = 0; k < d; k++)
        {
            var pivot = m[k, k];
            if (pivot.Sign() <= 0)
                return false;
            for (int i = k + 1; i < d; i++)
            {
                if (m[i, k].IsZero) continue;
                var factor = m[i, k] / pivot;
                for (int j = k + 1; j < d; j++)
                    m[i, j] -= factor * m[k, j];
            }
        }
        return true;
    }
}
