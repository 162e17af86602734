using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Curvature;

/// <summary>
/// A symmetric d×d sum of the product terms the curvature matrices of balles-thesis ch. 7 are made of, each entry carried
/// as one <see cref="ScaledSum"/> (issue 15, item 1), so that no partial product, inner matrix or partial sum over- or
/// underflows before the entry itself does: w·J_nᵀHJ_n (GGN, eqs. 7.10, 7.14; the Hessian's first term), w·(J_nᵀg)(J_nᵀg)ᵀ
/// (the Fisher's and the empirical Fisher's s sᵀ, eqs. 7.2, 7.3, with g g ᵀ never formed) and w·Σ_m g_m∇²f^(m) (the residual
/// term of eq. 7.9). Only entries a ≤ b are summed and mirrored, so the result is exactly symmetric.
/// Accuracy: each entry within (k − 1 + T)·u·Σ|terms| of its exact value (u = 2^-53, k ≤ 5 factors per term, T terms, first
/// order), plus 2^-1074 where it is subnormal, ±∞ only where that exact value is beyond ±double.MaxValue.
/// </summary>
internal sealed class ScaledCurvatureSum
{
    /// <summary>
    /// The smallest binary exponent (<see cref="Math.ILogB"/>) of the nonzero finite values; int.MaxValue where there are
    /// none. With <see cref="ProductMayUnderflow"/>, the plain forms' test for a partial product that may leave the normal range.
    /// </summary>
    internal static int SmallestExponent(IEnumerable<double> values)
    {
        int smallest = int.MaxValue;
        foreach (double v in values)
            if (v != 0 && double.IsFinite(v))
                smallest = Math.Min(smallest, Math.ILogB(v));
        return smallest;
    }

    /// <summary>
    /// True when a product of two nonzero factors whose binary exponents are at least <paramref name="a"/> and
    /// <paramref name="b"/> (<see cref="SmallestExponent"/>; int.MaxValue: no such factor) may lie below 2^-1022: a + b ≤ −1020.
    /// </summary>
    internal static bool ProductMayUnderflow(int a, int b) => a != int.MaxValue && b != int.MaxValue && (long)a + b <= -1020;

    private readonly ScaledSum[,] _sums;

    /// <summary>The d×d zero sum.</summary>
    public ScaledCurvatureSum(int dimension) => _sums = new ScaledSum[dimension, dimension];

    private int D => _sums.GetLength(0);

    /// <summary>Adds w·JᵀHJ (J: M×d, H: M×M).</summary>
    public void AddCongruence(double weight, Matrix<double> j, Matrix<double> h) => AddCongruenceScaled(weight, 0, j, Likelihoods.ScaledMatrix.Of(h));

    /// <summary>
    /// Adds w·2^(e_w)·JᵀHJ for H carried as M_ik·2^(E_ik) (<see cref="Likelihoods.ScaledMatrix"/>: entries below 2^-1022 keep
    /// their digits) and a weight carried as w·2^(e_w) (an expectation weight below the range), the powers of two applied
    /// in each term's one final scaling.
    /// </summary>
    public void AddCongruenceScaled(double weight, int weightExponent, Matrix<double> j, Likelihoods.ScaledMatrix h)
    {
        for (int a = 0; a < D; a++)
            for (int b = a; b < D; b++)
                for (int i = 0; i < j.RowCount; i++)
                    for (int k = 0; k < j.RowCount; k++)
                        _sums[a, b].AddTimesPowerOfTwo(weightExponent + h.Exponent(i, k), 1, weight, j[i, a], h.Mantissa(i, k), j[k, b]);
    }

    /// <summary>Adds w·Jᵀ(P ⊙ Q)J (below, with e_w = 0).</summary>
    public void AddCongruence(double weight, Matrix<double> j, Matrix<double> p, Matrix<double> q) => AddCongruence(weight, 0, j, p, q);

    /// <summary>
    /// Adds w·2^(e_w)·Jᵀ(P ⊙ Q)J (J: M×d; P, Q: M×M, a matrix given as the entrywise product of two finite ones because it is
    /// itself beyond the double range, as ∇²_f log p = −(1/q)·(1/q) of the Bernoulli probability below q ≈ 7.5e-155).
    /// </summary>
    public void AddCongruence(double weight, int weightExponent, Matrix<double> j, Matrix<double> p, Matrix<double> q)
    {
        for (int a = 0; a < D; a++)
            for (int b = a; b < D; b++)
                for (int i = 0; i < j.RowCount; i++)
                    for (int k = 0; k < j.RowCount; k++)
                        _sums[a, b].AddTimesPowerOfTwo(weightExponent, 1, weight, j[i, a], p[i, k], q[i, k], j[k, b]);
    }

    /// <summary>Adds w·(Jᵀg)(Jᵀg)ᵀ (J: M×d, g of length M) without forming g gᵀ or Jᵀg.</summary>
    public void AddRankOne(double weight, Matrix<double> j, Vector<double> g) => AddRankOneScaled(weight, 0, j, Likelihoods.ScaledVector.Of(g));

    /// <summary>Adds w·(Jᵀg)(Jᵀg)ᵀ for g carried as M_m·2^(E_m) (below, with e_w = 0).</summary>
    public void AddRankOneScaled(double weight, Matrix<double> j, Likelihoods.ScaledVector g) => AddRankOneScaled(weight, 0, j, g);

    /// <summary>
    /// Adds w·2^(e_w)·(Jᵀg)(Jᵀg)ᵀ for g carried as M_m·2^(E_m) (<see cref="Likelihoods.ScaledVector"/>: entries below
    /// 2^-1022 keep their digits) and a weight carried as w·2^(e_w), the powers of two applied in each term's one final scaling.
    /// </summary>
    public void AddRankOneScaled(double weight, int weightExponent, Matrix<double> j, Likelihoods.ScaledVector g)
    {
        for (int a = 0; a < D; a++)
            for (int b = a; b < D; b++)
                for (int i = 0; i < j.RowCount; i++)
                    for (int k = 0; k < j.RowCount; k++)
                        _sums[a, b].AddTimesPowerOfTwo(weightExponent + g.Exponents[i] + g.Exponents[k], 1, weight, j[i, a], g.Mantissas[i], j[k, b], g.Mantissas[k]);
    }

    /// <summary>
    /// Adds w·c cᵀ for a vector c of length d carried as M_a·2^(E_a) (<see cref="Likelihoods.ScaledVector"/>: an entry beyond
    /// the double range or below 2^-1022 keeps its digits), the powers of two applied in each term's one final scaling.
    /// </summary>
    public void AddOuterScaled(double weight, Likelihoods.ScaledVector c)
    {
        for (int a = 0; a < D; a++)
            for (int b = a; b < D; b++)
                _sums[a, b].AddTimesPowerOfTwo(c.Exponents[a] + c.Exponents[b], 1, weight, c.Mantissas[a], c.Mantissas[b]);
    }

    /// <summary>Adds w·Σ_m g_m·∇²f^(m) (symmetric d×d matrices).</summary>
    public void AddCurvature(double weight, Vector<double> g, IReadOnlyList<Matrix<double>> hessians) =>
        AddCurvatureScaled(weight, 0, Likelihoods.ScaledVector.Of(g), hessians);

    /// <summary>Adds w·Σ_m g_m·∇²f^(m) for g carried as M_m·2^(E_m) (below, with e_w = 0).</summary>
    public void AddCurvatureScaled(double weight, Likelihoods.ScaledVector g, IReadOnlyList<Matrix<double>> hessians) =>
        AddCurvatureScaled(weight, 0, g, hessians);

    /// <summary>Adds w·2^(e_w)·Σ_m g_m·∇²f^(m) for g carried as M_m·2^(E_m) (<see cref="Likelihoods.ScaledVector"/>).</summary>
    public void AddCurvatureScaled(double weight, int weightExponent, Likelihoods.ScaledVector g, IReadOnlyList<Matrix<double>> hessians)
    {
        for (int m = 0; m < g.Count; m++)
            for (int a = 0; a < D; a++)
                for (int b = a; b < D; b++)
                    _sums[a, b].AddTimesPowerOfTwo(weightExponent + g.Exponents[m], 1, weight, g.Mantissas[m], hessians[m][a, b]);
    }

    /// <summary>The sum, each entry rounded once (±∞ beyond ±double.MaxValue), mirrored from a ≤ b.</summary>
    public Matrix<double> Value() => Matrix<double>.Build.Dense(D, D, (a, b) => a <= b ? _sums[a, b].Value : _sums[b, a].Value);
}
