using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers;

/// <summary>
/// H·v for <see cref="IObjective.HessianVectorProduct"/>'s default: v checked (finite, length n, naming v), the plain
/// product kept bit for bit wherever it is finite, and each entry it left non-finite formed again as Σ_j H_ij·v_j in a
/// <see cref="ScaledSum"/> (no partial sum leaves the range): ±∞ of its sign only where that sum is beyond the range or H's infinite terms
/// (the objectives' "beyond the range" policy) share a sign, never NaN (an ∞ − ∞ of H's terms, or ∞·0 with a zero v_j, was
/// NaN before stop 47; such an entry of opposite infinite terms is a <see cref="DoubleRangeException"/> naming theta).
/// </summary>
internal static class HessianProduct
{
    /// <summary>H·v as above, for an objective of dimension <paramref name="n"/>.</summary>
    public static Vector<double> Of(Matrix<double> h, Vector<double> v, int n)
    {
        ArgumentNullException.ThrowIfNull(v);
        Require.Finite(v, nameof(v));
        Require.SameLength(n, v.Count, nameof(v));
        var product = h * v;
        for (int i = 0; i < product.Count; i++)
        {
            if (double.IsFinite(product[i]))
                continue;
            var sum = new ScaledSum();
            int infinite = 0; // +1, −1: the sign shared by H's infinite terms (times v_j ≠ 0); 2: both signs
            for (int j = 0; j < v.Count; j++)
            {
                double hij = h[i, j];
                if (v[j] == 0 || hij == 0)
                    continue;
                if (double.IsInfinity(hij))
                {
                    int sign = Math.Sign(hij) * Math.Sign(v[j]);
                    infinite = infinite == 0 ? sign : infinite == sign ? sign : 2;
                    continue;
                }
                sum.Add(hij, v[j]);
            }
            if (infinite == 2)
                throw new DoubleRangeException(
                    $"H(θ)·v has entry {i} undetermined: H's row {i} times v holds +∞ and −∞ terms (∞ − ∞); the product is not formed.",
                    "theta");
            product[i] = infinite != 0 ? infinite * double.PositiveInfinity : sum.Value;
        }
        return product;
    }
}
