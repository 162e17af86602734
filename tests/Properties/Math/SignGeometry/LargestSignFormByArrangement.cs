using System.Numerics;
using Fractions;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// M = max_{s∈{±1}^d} sᵀPs of a rational positive semidefinite P of rank k, exactly, from the central hyperplane
/// arrangement of range(P) instead of the 2^(d−1) sign vectors (the quantity of the basis-independent brackets of
/// balles-thesis Prop. 6.5 and eq. (6.21) in <see cref="SignGeometryBoundsClusterProperties"/>).
/// </summary>
/// <remarks>
/// Derivation. P = Σ_l D_l·l_l·l_lᵀ (exact LDLᵀ with diagonal pivots, D_l &gt; 0; a negative pivot, or a non-zero rest
/// with a zero diagonal, means P is not PSD), so sᵀPs = Σ_l D_l(l_lᵀs)², P_ii = Σ_l D_l·L_il² and row i of L is zero exactly
/// where P_ii = 0 (then row i of P is zero and s_i does not change sᵀPs: it is set to +1). The k columns of L span range(P);
/// C = L with column l multiplied by the common denominator δ_l of its entries is an integer d×k matrix of rank k with
/// rows c_i, and sᵀPs = Σ_l (D_l/δ_l²)(C_{:,l}ᵀs)².
/// <list type="bullet">
/// <item>At a maximizer s no single flip increases sᵀPs: flipping s_i changes it by −4s_i(Ps)_i + 4P_ii ≤ 0, so
/// s_i(Ps)_i ≥ P_ii, and where P_ii &gt; 0, (Ps)_i ≠ 0 and s_i = sign((Ps)_i).</item>
/// <item>Ps ∈ range(P) = range(C): Ps = Cw for some w ∈ ℝ^k, (Ps)_i = c_iᵀw. So w lies in the open cell
/// {w : s_i·c_iᵀw &gt; 0 for every c_i ≠ 0} of the arrangement of the hyperplanes c_iᵀw = 0. Its closure
/// K = {w : s_i·c_iᵀw ≥ 0} is a k-dimensional polyhedral cone, pointed because the c_i span ℝ^k (its lineality space
/// {w : Cw = 0} is {0}), so it has an extreme ray r (k = 1: K itself), on which the active rows have rank k − 1.</item>
/// <item>Hence some k − 1 linearly independent rows S vanish on r, and r spans their one-dimensional null space, which
/// their generalized cross product w_S (w_m = (−1)^m·det of S's rows without column m; zero exactly when the rows are
/// dependent) also spans: r = ±w_S. On rows with c_iᵀr ≠ 0, s_i = sign(c_iᵀr); on the others (S among them) s_i is any
/// sign. So s, or −s when r = −w_S, is among the candidates "sign(c_iᵀw_S) where non-zero, every assignment of signs
/// where zero"; −s has the same value (sᵀPs is even in s), so −w_S adds nothing and is not taken.</item>
/// <item>Every candidate is a sign vector, so its value is at most M; the maximizer's value is among them: the largest
/// candidate value is M exactly. For k = 1 (S empty, w = (1)) the candidate is sign(c), and for k = 0, M = 0.</item>
/// </list>
/// Cost: C(r, k − 1) subsets of the r non-zero rows, each O(d·k) integer products, and 2^z candidates of O(k) additions
/// each (Gray code), z the number of rows with c_iᵀw_S = 0 (k − 1 unless rows are parallel or meet by chance).
/// </remarks>
internal static class LargestSignFormByArrangement
{
    /// <summary>M and a maximizing s (s_i = +1 on the zero rows of P).</summary>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty, not square, not symmetric, or not positive
    /// semidefinite.</exception>
    public static (Fraction Value, int[] Maximizer) Of(Fraction[,] p)
    {
        ArgumentNullException.ThrowIfNull(p);
        int d = p.GetLength(0);
        if (d == 0 || d != p.GetLength(1))
            throw new ArgumentException($"p must be a non-empty square matrix, got {p.GetLength(0)}×{p.GetLength(1)}.", nameof(p));
        for (int i = 0; i < d; i++)
            for (int j = 0; j < i; j++)
                if (p[i, j] != p[j, i])
                    throw new ArgumentException($"p must be symmetric, got p[{i},{j}] ≠ p[{j},{i}].", nameof(p));
        var (columns, pivots) = Factor(p);
        int k = columns.Count;
        var best = Enumerable.Repeat(1, d).ToArray();
        if (k == 0)
            return (Fraction.Zero, best);

        // C = L·diag(δ), weights D_l/δ_l² over one common denominator: value·denominator = Σ_l n_l·z_l², z = Cᵀs.
        var c = new BigInteger[d, k];
        var weights = new Fraction[k];
        for (int l = 0; l < k; l++)
        {
            var delta = columns[l].Aggregate(BigInteger.One, (a, f) => Lcm(a, BigInteger.Abs(f.Denominator)));
            for (int i = 0; i < d; i++)
            {
                var scaled = columns[l][i] * new Fraction(delta);
                var integer = BigInteger.DivRem(scaled.Numerator, scaled.Denominator, out var remainder);
                if (!remainder.IsZero)
                    throw new InvalidOperationException("δ_l·L_il is not an integer.");
                c[i, l] = integer;
            }
            weights[l] = pivots[l] / new Fraction(delta * delta);
        }
        var denominator = weights.Aggregate(BigInteger.One, (a, f) => Lcm(a, BigInteger.Abs(f.Denominator)));
        var numerators = weights.Select(f =>
        {
            var scaled = f * new Fraction(denominator);
            return scaled.Numerator / scaled.Denominator;
        }).ToArray();
        var rows = Enumerable.Range(0, d).Where(i => Enumerable.Range(0, k).Any(l => !c[i, l].IsZero)).ToArray();

        BigInteger bestValue = -1;
        var s = new int[d];
        var z = new BigInteger[k];
        var subset = Enumerable.Range(0, k - 1).ToArray();
        while (true)
        {
            var w = CrossProduct(c, subset.Select(j => rows[j]).ToArray(), k);
            if (w.Any(x => !x.IsZero))
            {
                Array.Fill(s, 1);
                Array.Clear(z);
                var zeros = new List<int>();
                foreach (int i in rows)
                {
                    var t = BigInteger.Zero;
                    for (int l = 0; l < k; l++)
                        t += c[i, l] * w[l];
                    if (t.IsZero)
                        zeros.Add(i);
                    s[i] = t.Sign >= 0 ? 1 : -1;
                    for (int l = 0; l < k; l++)
                        z[l] += s[i] * c[i, l];
                }
                // Every assignment of signs to the zeros, from all +1, in Gray-code order.
                for (long step = 0; step < 1L << zeros.Count; step++)
                {
                    if (step > 0)
                    {
                        int i = zeros[System.Numerics.BitOperations.TrailingZeroCount(step)];
                        s[i] = -s[i];
                        for (int l = 0; l < k; l++)
                            z[l] += 2 * s[i] * c[i, l];
                    }
                    var value = BigInteger.Zero;
                    for (int l = 0; l < k; l++)
                        value += numerators[l] * z[l] * z[l];
                    if (value > bestValue)
                    {
                        bestValue = value;
                        Array.Copy(s, best, d);
                    }
                }
            }
            if (!NextSubset(subset, rows.Length))
                break;
        }
        return (new Fraction(bestValue, denominator), best);
    }

    /// <summary>
    /// P = Σ_l D_l·l_l·l_lᵀ by symmetric elimination on the largest remaining diagonal entry; throws where P is not PSD.
    /// </summary>
    private static (List<Fraction[]> Columns, List<Fraction> Pivots) Factor(Fraction[,] p)
    {
        int d = p.GetLength(0);
        var a = (Fraction[,])p.Clone();
        var columns = new List<Fraction[]>();
        var pivots = new List<Fraction>();
        while (true)
        {
            int pivot = Enumerable.Range(0, d).MaxBy(i => a[i, i]);
            var dp = a[pivot, pivot];
            if (dp < Fraction.Zero)
                throw new ArgumentException($"p must be positive semidefinite, got a negative pivot {dp}.", nameof(p));
            if (dp.IsZero)
            {
                for (int i = 0; i < d; i++)
                    for (int j = 0; j < d; j++)
                        if (!a[i, j].IsZero)
                            throw new ArgumentException("p must be positive semidefinite, got a zero diagonal with a non-zero entry left.", nameof(p));
                return (columns, pivots);
            }
            var column = new Fraction[d];
            for (int i = 0; i < d; i++)
                column[i] = a[i, pivot] / dp;
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                    a[i, j] -= dp * column[i] * column[j];
            columns.Add(column);
            pivots.Add(dp);
        }
    }

    /// <summary>w_m = (−1)^m·det(the rows <paramref name="chosen"/> of c without column m): w ⊥ each chosen row.</summary>
    private static BigInteger[] CrossProduct(BigInteger[,] c, int[] chosen, int k)
    {
        var w = new BigInteger[k];
        for (int m = 0; m < k; m++)
        {
            var minor = new BigInteger[k - 1, k - 1];
            for (int a = 0; a < k - 1; a++)
                for (int b = 0, col = 0; col < k; col++)
                    if (col != m)
                        minor[a, b++] = c[chosen[a], col];
            w[m] = m % 2 == 0 ? Determinant(minor) : -Determinant(minor);
        }
        return w;
    }

    /// <summary>The determinant by Laplace expansion along the first row (n ≤ 3 in use; the empty one is 1).</summary>
    private static BigInteger Determinant(BigInteger[,] a)
    {
        int n = a.GetLength(0);
        if (n == 0)
            return BigInteger.One;
        var sum = BigInteger.Zero;
        for (int m = 0; m < n; m++)
        {
            if (a[0, m].IsZero)
                continue;
            var minor = new BigInteger[n - 1, n - 1];
            for (int r = 1; r < n; r++)
                for (int b = 0, col = 0; col < n; col++)
                    if (col != m)
                        minor[r - 1, b++] = a[r, col];
            var term = a[0, m] * Determinant(minor);
            sum += m % 2 == 0 ? term : -term;
        }
        return sum;
    }

    /// <summary>The next k-subset of 0…n−1 in lexicographic order; false after the last (or when k &gt; n).</summary>
    private static bool NextSubset(int[] subset, int n)
    {
        int size = subset.Length;
        if (size > n)
            return false;
        int i = size - 1;
        while (i >= 0 && subset[i] == n - size + i)
            i--;
        if (i < 0)
            return false;
        subset[i]++;
        for (int j = i + 1; j < size; j++)
            subset[j] = subset[j - 1] + 1;
        return true;
    }

    private static BigInteger Lcm(BigInteger a, BigInteger b) => a / BigInteger.GreatestCommonDivisor(a, b) * b;
}
