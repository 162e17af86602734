using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Lodo;

/// <summary>
/// The learning dynamics of lodo.md §4.1 / App. A.1 for the dense-G, SGD-meta-step, β = 0 LODO on the moving quadratic
/// ℓ_t = ½(x_t − x*_t)ᵀH(x_t − x*_t), x*_{t+1} = x*_t + s_t: with A_t = I − G_tH and b_t = x_t − x*_t,
/// (6) b_{t+1} = A_t b_t − s_t and (5) A_{t+1} = A_t − αH b_{t+1} b_tᵀ H², from the hypergradient
/// (26)–(28) dℓ_{t+1}/dG = −H b_{t+1} b_tᵀ H.
/// </summary>
public static class QuadraticLearningDynamics
{
    /// <summary>One step of (6) then (5): returns (A_{t+1}, b_{t+1}).</summary>
    /// <remarks>
    /// Range: finite A, b, s, H, α with |A||b_t| + |s_t| and |A| + |α|·(|H|(|A||b_t| + |s_t|))(|H||H||b_t|)ᵀ at most
    /// double.MaxValue entrywise (the scales of the two results; beyond them an ArgumentException where a result
    /// overflows). The correction αH b_{t+1}(H H b_t)ᵀ is formed from power-of-two-scaled H, b_{t+1}, b_t and α, so none of
    /// its factors over- or underflows on its own. Accuracy (u = 2^-53, γ_k = ku/(1 − ku)): |Δb_{t+1}| ≤ γ_{n+1}·(|A||b_t| + |s_t|)
    /// entrywise (plus n·2^-1074 where the result underflows), and |ΔA_{t+1}| ≤ γ_{3n+4}·(|A| + |α|·(|H|(|A||b_t| + |s_t|))(|H||H||b_t|)ᵀ)
    /// + 32n³·2^-1074·|α|·U·W + n·2^-1074, with U = max|H|·(max|A|·max|b_t| + max|s_t|) and W = max|H|²·max|b_t|: b_{t+1}
    /// enters (5) at the scale of its terms (not as the possibly underflowed double returned), and the second term
    /// covers entries of b_{t+1}, H b_{t+1} and H H b_t that underflow relative to their vector's scale (they may be far
    /// below 2^-1074 themselves and still matter after multiplying by α and the other factor).
    /// </remarks>
    /// <exception cref="ArgumentException">non-finite or mismatched input, or a result beyond double.MaxValue.</exception>
    public static (Matrix<double> A, Vector<double> B) Step(Matrix<double> a, Vector<double> b, Vector<double> s, Matrix<double> h, double alpha)
    {
        Check(a, b, s, h, nameof(a));
        Require.Finite(alpha, nameof(alpha));
        // b_{t+1} = A b_t − s_t at the scale 2^E of its terms, so that it never underflows before it enters (5):
        // A = 2^κ A', b_t = 2^γ b'', s_t = 2^σ s', E = max(κ + γ, σ).
        var (aScaled, kappa) = Scaled(a);
        var (bScaled, gamma) = Scaled(b);
        var (sScaled, sigma) = Scaled(s);
        int e = Math.Max(kappa + gamma, sigma);
        var bNextAtE = (aScaled * bScaled).Map(v => Math.ScaleB(v, kappa + gamma - e)) - sScaled.Map(v => Math.ScaleB(v, sigma - e));
        var bNext = a * b - s; // returned as computed directly: its bound is relative to |A||b_t| + |s_t| entrywise
        RequireFiniteResult(bNext.Enumerate(), "b_{t+1}", nameof(a));
        // α·u·wᵀ with u = H b_{t+1}, w = H H b_t, from scaled factors: H = 2^η H', b_{t+1} = 2^β b', α = 2^ρ α'.
        var (hs, eta) = Scaled(h);
        var (bNextScaled, beta) = Scaled(bNextAtE);
        beta += e;
        int rho = alpha != 0 ? Math.ILogB(alpha) : 0;
        double alphaScaled = Math.ScaleB(alpha, -rho);
        var u = hs * bNextScaled;
        var w = hs * (hs * bScaled);
        int shift = rho + eta + beta + 2 * eta + gamma;
        var aNext = Matrix<double>.Build.Dense(a.RowCount, a.ColumnCount,
            (i, j) => a[i, j] - Math.ScaleB(alphaScaled * u[i] * w[j], shift));
        RequireFiniteResult(aNext.Enumerate(), "A_{t+1}", nameof(a));
        return (aNext, bNext);
    }

    /// <summary>Eq. (26): dℓ_{t+1}/dG = −H((I − GH)b_t − s_t)b_tᵀH.</summary>
    /// <remarks>
    /// Range: finite inputs with |G||H| ≤ double.MaxValue/2 and (|H|(|b| + |G||H||b| + |s|))(|H||b|)ᵀ ≤ double.MaxValue/2
    /// entrywise (else an ArgumentException where a result overflows). Where every entry of G, H, b and s is 0 or of
    /// magnitude in [2^-100, 2^100], no product of the plain formula can under- or overflow and it is used as written:
    /// |Δ| ≤ γ_{4n+3}·(|H|(|b| + |G||H||b| + |s|))(|H||b|)ᵀ entrywise (γ_{3n+2} for the first factor, γ_n for the second,
    /// one rounding of their product). Elsewhere a product such as H_ik·c_k may underflow before it is multiplied by a
    /// large entry of Hb (H = diag(1e-300, 1e300), b = (1e-30, 1e8), s = (0, 1e8) gave 0 for an exact −1e-22), so each
    /// entry is computed exactly in rationals and rounded once to within an ulp (≤ 2u of it, or 2^-1074 where subnormal).
    /// </remarks>
    /// <exception cref="ArgumentException">non-finite or mismatched input, or a result beyond double.MaxValue.</exception>
    public static Matrix<double> Hypergradient(Matrix<double> g, Matrix<double> h, Vector<double> b, Vector<double> s)
    {
        ArgumentNullException.ThrowIfNull(g);
        Check(g, b, s, h, nameof(g));
        Matrix<double> result;
        if (ScaledSum.Ordinary(g.Enumerate()) && ScaledSum.Ordinary(h.Enumerate()) && ScaledSum.Ordinary(b.Enumerate()) && ScaledSum.Ordinary(s.Enumerate()))
        {
            var a = Matrix<double>.Build.DenseIdentity(h.RowCount) - g * h;
            result = -(h * (a * b - s)).OuterProduct(h * b);
        }
        else
        {
            var ge = ExactMatrix.FromDoubles(g);
            var he = ExactMatrix.FromDoubles(h);
            var be = ExactMatrix.Column([.. b.Select(ExactDouble.ToFraction)]);
            var se = ExactMatrix.Column([.. s.Select(ExactDouble.ToFraction)]);
            var c = (ExactMatrix.Identity(h.RowCount) - ge * he) * be - se;
            result = (Fractions.Fraction.MinusOne * (he * c * (he * be).Transpose())).ToDouble();
        }
        RequireFiniteResult(result.Enumerate(), "dℓ_{t+1}/dG", nameof(g));
        return result;
    }

    /// <summary>The exponent given to an all-zero factor: far below every real one, and six of them still fit an int.</summary>
    private const int ZeroExponent = -100_000;

    /// <summary>2^-e·m with e = ⌊log₂ max|m_ij|⌋ (exact), or m itself with <see cref="ZeroExponent"/> when m = 0.</summary>
    private static (Matrix<double> Scaled, int Exponent) Scaled(Matrix<double> m)
    {
        double largest = m.Enumerate().Max(Math.Abs);
        if (largest == 0) return (m, ZeroExponent);
        int e = Math.ILogB(largest);
        return (m.Map(v => Math.ScaleB(v, -e)), e);
    }

    /// <summary>2^-e·v with e = ⌊log₂ max|v_i|⌋ (exact), or v itself with <see cref="ZeroExponent"/> when v = 0.</summary>
    private static (Vector<double> Scaled, int Exponent) Scaled(Vector<double> v)
    {
        double largest = v.Enumerate().Max(Math.Abs);
        if (largest == 0) return (v, ZeroExponent);
        int e = Math.ILogB(largest);
        return (v.Map(x => Math.ScaleB(x, -e)), e);
    }

    private static void RequireFiniteResult(IEnumerable<double> values, string what, string parameter)
    {
        if (!values.All(double.IsFinite))
            throw new ArgumentException($"{what} exceeds the double range for these inputs; the documented range needs every result ≤ double.MaxValue.", parameter);
    }

    /// <summary>The exact (5)–(6) step.</summary>
    public static (ExactMatrix A, ExactMatrix B) Step(ExactMatrix a, ExactMatrix b, ExactMatrix s, ExactMatrix h, Fractions.Fraction alpha)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(h);
        var bNext = a * b - s;
        var aNext = a - alpha * (h * bNext * b.Transpose() * h * h);
        return (aNext, bNext);
    }

    /// <summary>The shared domain check; <paramref name="aName"/> is the public name of the first matrix (a for Step, g for Hypergradient).</summary>
    private static void Check(Matrix<double> a, Vector<double> b, Vector<double> s, Matrix<double> h, string aName)
    {
        ArgumentNullException.ThrowIfNull(a, aName);
        ArgumentNullException.ThrowIfNull(h);
        if (!a.Enumerate().All(double.IsFinite))
            throw new ArgumentException($"{aName} must be finite in every entry.", aName);
        if (!h.Enumerate().All(double.IsFinite))
            throw new ArgumentException("h must be finite in every entry.", nameof(h));
        Require.Finite(b, nameof(b));
        Require.Finite(s, nameof(s));
        int n = h.RowCount;
        if (h.ColumnCount != n || a.RowCount != n || a.ColumnCount != n)
            throw new ArgumentException($"H and {aName} must be n×n with n = {n}, got H {h.RowCount}×{h.ColumnCount}, {aName} {a.RowCount}×{a.ColumnCount}.", aName);
        // H is the quadratic's Hessian: (5)'s b_tᵀH² is (H²b_t)ᵀ only for symmetric H.
        Require.Symmetric(h, nameof(h));
        Require.SameLength(n, b.Count, nameof(b));
        Require.SameLength(n, s.Count, nameof(s));
    }
}
