using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Lodo;

/// <summary>
/// The flow of lodo.md eq. (10), dA/dt = −H A Σ_A H² with Σ_A = Σ_{n≥0} Aⁿ C (Aⁿ)ᵀ, C = E[ssᵀ], and the footnote's
/// derivative (11)–(13) of ‖BD⁻¹‖²_F, B = UᵀAU, H = UDUᵀ. Σ_A is the solution of the Stein equation
/// Σ = AΣAᵀ + C, which exists and equals the series exactly when the spectral radius ρ(A) &lt; 1.
/// </summary>
public static class HessianLearningFlow
{
    /// <summary>Partial sum Σ_{n=0}^{terms−1} Aⁿ C (Aⁿ)ᵀ (the series of eq. 10, truncated).</summary>
    /// <remarks>
    /// Range: finite A, C whose partial sums and terms stay at most double.MaxValue (true for every term count when
    /// ρ(A) &lt; 1 and the sum is in range; beyond that an ArgumentException). Each term p_k = A·p_{k−1}·Aᵀ is the plain
    /// double product where every entry of A and p_{k−1} is 0 or of magnitude in [2^-100, 2^100] (no product or sum can
    /// under- or overflow there), and elsewhere the exact product rounded once an entry, so that no intermediate
    /// A·p_{k−1} under- or overflows where the term does not. Accuracy (u = 2^-53, γ_m = mu/(1 − mu), P_k = AᵏC(Aᵏ)ᵀ
    /// exactly): p_k is within E_k of P_k entrywise, E_0 = 0,
    /// E_k = |A|E_{k−1}|Aᵀ| + γ_{2n}|A|(|P_{k−1}| + E_{k−1})|Aᵀ| + 2^-1074 (to first order γ_{2kn}|A|ᵏ|C||Aᵀ|ᵏ, plus the
    /// subnormal grid), and the sum of T terms within Σ_k E_k + γ_{T−1}Σ_k(|P_k| + E_k).
    /// </remarks>
    /// <exception cref="ArgumentException">non-finite or mismatched input, negative terms, or a sum beyond double.MaxValue.</exception>
    public static Matrix<double> PartialNoiseSum(Matrix<double> a, Matrix<double> c, int terms)
    {
        CheckSquare(a, c);
        if (!a.Enumerate().Concat(c.Enumerate()).All(double.IsFinite))
            throw new ArgumentException("A and C must be finite.", nameof(a));
        if (terms < 0)
            throw new ArgumentException($"terms must be ≥ 0, got {terms}.", nameof(terms));
        var sum = Matrix<double>.Build.Dense(a.RowCount, a.RowCount);
        var p = c.Clone();
        for (int k = 0; k < terms; k++)
        {
            sum += p;
            if (!sum.Enumerate().All(double.IsFinite))
                throw new ArgumentException($"the partial sum Σ Aⁿ C (Aⁿ)ᵀ exceeds double.MaxValue after {k + 1} terms (ρ(A) ≥ 1 or C too large).", nameof(a));
            if (k + 1 < terms)
                p = Ordinary(a) && Ordinary(p) ? a * p * a.Transpose() : RoundedCongruence(a, p);
        }
        return sum;
    }

    private static readonly double OrdinaryLow = Math.ScaleB(1.0, -100), OrdinaryHigh = Math.ScaleB(1.0, 100);

    /// <summary>True when every entry is 0 or of magnitude in [2^-100, 2^100] (and n ≤ 2^20): A·P·Aᵀ of such matrices neither under- nor overflows.</summary>
    private static bool Ordinary(Matrix<double> m) =>
        m.RowCount <= 1 << 20 && m.Enumerate().All(v => v == 0 || (Math.Abs(v) >= OrdinaryLow && Math.Abs(v) <= OrdinaryHigh));

    /// <summary>A·P·Aᵀ computed exactly in rationals, each entry rounded once (within one ulp; ±∞ beyond the range).</summary>
    private static Matrix<double> RoundedCongruence(Matrix<double> a, Matrix<double> p)
    {
        var exact = ExactMatrix.FromDoubles(a);
        return (exact * ExactMatrix.FromDoubles(p) * exact.Transpose()).ToDouble();
    }

    /// <summary>Σ_A exactly, from the Stein equation (I − A⊗A) vec Σ = vec C; the caller checks ρ(A) &lt; 1 (otherwise it is not the series).</summary>
    public static ExactMatrix NoiseSum(ExactMatrix a, ExactMatrix c)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(c);
        int n = a.Rows;
        // vec index (i, j) → i·n + j; (AΣAᵀ)_{ij} = Σ_{k,l} A_ik Σ_kl A_jl.
        var system = ExactMatrix.Build(n * n, n * n, (r, col) =>
        {
            int i = r / n, j = r % n, k = col / n, l = col % n;
            var kron = a[i, k] * a[j, l];
            return (r == col ? Fractions.Fraction.One : Fractions.Fraction.Zero) - kron;
        });
        var rhs = ExactMatrix.Build(n * n, 1, (r, _) => c[r / n, r % n]);
        var x = system.Solve(rhs);
        return ExactMatrix.Build(n, n, (i, j) => x[i * n + j, 0]);
    }

    /// <summary>Eq. (10): dA/dt = −H A Σ_A H².</summary>
    public static ExactMatrix Velocity(ExactMatrix a, ExactMatrix h, ExactMatrix c)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(c);
        return -Fractions.Fraction.One * (h * a * NoiseSum(a, c) * h * h);
    }

    /// <summary>‖BD⁻¹‖²_F = tr(D⁻²BᵀB) with B = UᵀAU, for diagonal D (the left side of eq. 11).</summary>
    public static Fractions.Fraction RescaledError(ExactMatrix a, ExactMatrix u, ExactMatrix d)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(d);
        var b = u.Transpose() * a * u;
        var s = Fractions.Fraction.Zero;
        for (int i = 0; i < b.Rows; i++)
            for (int j = 0; j < b.Columns; j++)
                s += b[i, j] * b[i, j] / (d[j, j] * d[j, j]);
        return s;
    }

    /// <summary>
    /// d/dt ‖BD⁻¹‖²_F along (10), by definition: the central difference [F(A + hV) − F(A − hV)]/(2h) with h = 1, which is
    /// exact because F is a quadratic form in A (V = dA/dt of eq. 10).
    /// </summary>
    public static Fractions.Fraction RateByDefinition(ExactMatrix a, ExactMatrix u, ExactMatrix d, ExactMatrix c)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(c);
        var h = u * d * u.Transpose();
        var v = Velocity(a, h, c);
        return (RescaledError(a + v, u, d) - RescaledError(a - v, u, d)) / new Fractions.Fraction(2);
    }

    /// <summary>Eq. (12): −2 tr(BᵀDB Σ_B) with Σ_B = Σ Bⁿ UᵀCU (Bⁿ)ᵀ = UᵀΣ_AU.</summary>
    public static Fractions.Fraction RateEq12(ExactMatrix a, ExactMatrix u, ExactMatrix d, ExactMatrix c)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(c);
        var b = u.Transpose() * a * u;
        var sigma = NoiseSum(b, u.Transpose() * c * u);
        return new Fractions.Fraction(-2) * (b.Transpose() * d * b * sigma).Trace();
    }

    /// <summary>Eq. (13) without square roots: −2‖D^½BΣ_B^½‖²_F = −2 tr(D B Σ_B Bᵀ) (cyclic trace).</summary>
    public static Fractions.Fraction RateEq13(ExactMatrix a, ExactMatrix u, ExactMatrix d, ExactMatrix c)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(c);
        var b = u.Transpose() * a * u;
        var sigma = NoiseSum(b, u.Transpose() * c * u);
        return new Fractions.Fraction(-2) * (d * b * sigma * b.Transpose()).Trace();
    }

    /// <summary>The spectral radius ρ(A) in double precision.</summary>
    /// <remarks>
    /// Range: every finite square A (subnormals to ±double.MaxValue). ρ is homogeneous, so the (non-symmetric) eigensolver
    /// runs on 2^-s·A with s = ⌊log₂ max|A_ij|⌋ and the result is scaled back; a ρ beyond double.MaxValue is an
    /// ArgumentException. Accuracy: that of the eigensolver, backward stable (eigenvalues of A + E with ‖E‖ of order
    /// n·2^-52·‖A‖; a defective eigenvalue of multiplicity m can move by that to the power 1/m). For symmetric 2×2 A
    /// (tested over the whole range) the result is within 2n·2^-52·‖A‖₂ of ρ(A) (the order constant 2, observed, not derived: an
    /// error of 2.07·2^-52·‖A‖₂ = 1.04·n·2^-52·‖A‖₂ was seen at some A), plus 2^-1074 where ρ is subnormal (Weyl's theorem with that backward error).
    /// For any 2×2 A (also tested over the whole range) the same backward error, δ = 2n·2^-52·‖A‖_F per entry, moves ρ by
    /// at most δ + min(√Δ, Δ/√|disc|) with disc = ((a₁₁ − a₂₂)/2)² + a₁₂a₂₁ and Δ = (|a₁₁ − a₂₂| + |a₁₂| + |a₂₁|)·δ + 2δ²
    /// (the square root's Hölder bound where the eigenvalues nearly coincide, as for a defective A); entries of the
    /// scaled A below 2^-1022 are set to 0 first (the solver failed on subnormal entries), a change of A by less than
    /// n·2^-1022·max|A_ij| in norm; ρ(2^k·A) = 2^k·ρ(A) bit for bit wherever 2^k·A is exact and ρ(A) and
    /// 2^k·ρ(A) are normal doubles. For n ≥ 3 (tested for n = 3…16, non-symmetric, over the whole range) ρ is within
    /// Bauer–Fike's bound of ρ(A) for A = S·B·S⁻¹ with B normal: (2n − 1)·‖S‖_F‖S⁻¹‖_F·‖E‖₂, with ‖E‖₂ bounded by that
    /// backward error, 2n·2^-52·‖A‖_F (with the flush), plus |λ|'s rounding (a few u·ρ) and 2^-1074 where ρ is subnormal
    /// (observed: each returned eigenpair's residual within 1.01·n·2^-52·‖A‖_F·‖v‖ on 2000 such A, n = 3…16).
    /// Without that constant, and for defective A (Jordan blocks of order 2 to 14 real and 2 to 6 of a complex pair; n = 3…16,
    /// whole range), ρ is within the bound that the solver's own eigenpairs certify: below, Bauer–Fike with the exact
    /// V̂⁻¹AV̂ − D̂ or the continuity argument; above, the Jordan-form theorem (Kahan–Parlett–Jiang) on each pair's exact
    /// residual, by which an eigenvalue in a Jordan block of order m moves by about the m-th root of the backward error.
    /// That certificate holds for whatever the solver returns, so it is a check of this function's use of the eigenpairs
    /// (|λ| not |Re λ|, the largest, the scaling), not an accuracy guarantee; the test adds one cap of its own, each
    /// residual within 2^-30·‖A‖_F plus A's rounding, so that a grossly inaccurate solver is reported, not excused.
    /// </remarks>
    /// <exception cref="ArgumentException">A non-square or non-finite, or ρ(A) beyond double.MaxValue.</exception>
    public static double SpectralRadius(Matrix<double> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.RowCount != a.ColumnCount || a.RowCount == 0 || !a.Enumerate().All(double.IsFinite))
            throw new ArgumentException("a must be a non-empty, square, finite matrix.", nameof(a));
        int s = BinaryExponent.OfLargest(a.Enumerate());
        // Entries below 2^-1022 of the scaled A are set to 0: the eigensolver threw an IndexOutOfRangeException on a
        // subnormal entry, and dropping them moves A by less than n·2^-1022 in norm, inside its backward error.
        double rho = SubnormalFlush.All(a.Map(v => Math.ScaleB(v, -s))).Evd().EigenValues.Select(z => z.Magnitude).Max();
        double result = Math.ScaleB(rho, s);
        if (double.IsInfinity(result))
            throw new ArgumentException("ρ(A) exceeds double.MaxValue.", nameof(a));
        return result;
    }

    private static void CheckSquare(Matrix<double> a, Matrix<double> c)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(c);
        if (a.RowCount != a.ColumnCount || c.RowCount != a.RowCount || c.ColumnCount != a.RowCount)
            throw new ArgumentException($"A and C must be n×n of the same n, got {a.RowCount}×{a.ColumnCount} and {c.RowCount}×{c.ColumnCount}.", nameof(c));
    }
}
