using MathNet.Numerics.LinearAlgebra;

namespace Verification.Math.Lodo;

/// <summary>
/// The learning dynamics of lodo.md §4.1 / App. A.1 for the dense-G, SGD-meta-step, β = 0 LODO on the moving quadratic
/// ℓ_t = ½(x_t − x*_t)ᵀH(x_t − x*_t), x*_{t+1} = x*_t + s_t: with A_t = I − G_tH and b_t = x_t − x*_t,
/// (6) b_{t+1} = A_t b_t − s_t and (5) A_{t+1} = A_t − αH b_{t+1} b_tᵀ H², from the hypergradient
/// (26)–(28) dℓ_{t+1}/dG = −H b_{t+1} b_tᵀ H.
/// </summary>
public static class QuadraticLearningDynamics
{
    /// <summary>One step of (6) then (5): returns (A_{t+1}, b_{t+1}).</summary>
    public static (Matrix<double> A, Vector<double> B) Step(Matrix<double> a, Vector<double> b, Vector<double> s, Matrix<double> h, double alpha)
    {
        Check(a, b, s, h);
        Require.Finite(alpha, nameof(alpha));
        var bNext = a * b - s;
        var aNext = a - alpha * (h * bNext).OuterProduct(h * (h * b));
        return (aNext, bNext);
    }

    /// <summary>Eq. (26): dℓ_{t+1}/dG = −H((I − GH)b_t − s_t)b_tᵀH.</summary>
    public static Matrix<double> Hypergradient(Matrix<double> g, Matrix<double> h, Vector<double> b, Vector<double> s)
    {
        ArgumentNullException.ThrowIfNull(g);
        Check(g, b, s, h);
        var a = Matrix<double>.Build.DenseIdentity(h.RowCount) - g * h;
        return -(h * (a * b - s)).OuterProduct(h * b);
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

    private static void Check(Matrix<double> a, Vector<double> b, Vector<double> s, Matrix<double> h)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(h);
        Require.Finite(b, nameof(b));
        Require.Finite(s, nameof(s));
        int n = h.RowCount;
        if (h.ColumnCount != n || a.RowCount != n || a.ColumnCount != n)
            throw new ArgumentException($"H and A must be n×n with n = {n}, got H {h.RowCount}×{h.ColumnCount}, A {a.RowCount}×{a.ColumnCount}.", nameof(a));
        Require.SameLength(n, b.Count, nameof(b));
        Require.SameLength(n, s.Count, nameof(s));
    }
}
