using System.Globalization;
using Verification.Engine;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Checks.Results;
using Verification.Optimizers.Objectives;
using Verification.Numerics.Exact;

namespace Verification.Checks.Problems;

/// <summary>
/// A generated test problem f(θ) = ½θᵀAθ − bᵀθ with A = B·diag(λ)·Bᵀ/‖u‖² in an exactly orthogonal integer basis B,
/// and the point θ where the optimizer steps. Because the spectrum is known exactly, hypotheses such as "A ⪰ 0,
/// λ_max &lt; c" or "L-smooth w.r.t. ℓ∞" are decided exactly, and f is evaluated exactly from the doubles.
/// </summary>
/// <param name="Eigenvalues">λ (any order; need not be sorted).</param>
/// <param name="Basis">The eigenbasis.</param>
/// <param name="Linear">b.</param>
/// <param name="Theta">θ.</param>
public sealed record QuadraticCase(double[] Eigenvalues, Basis Basis, double[] Linear, double[] Theta)
{
    /// <summary>n.</summary>
    public int Dimension => Eigenvalues.Length;

    /// <summary>A as exact rationals.</summary>
    public Fraction[,] ExactHessian()
    {
        int n = Dimension;
        var a = new Fraction[n, n];
        var norm2 = new Fraction(Basis.Norm2(n));
        var lambda = ExactLinearAlgebra.Of(Eigenvalues);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                var s = Fraction.Zero;
                for (int k = 0; k < n; k++)
                {
                    int e = Basis.Entry(n, i, k) * Basis.Entry(n, j, k);
                    if (e != 0)
                        s += e * lambda[k];
                }
                a[i, j] = s / norm2;
            }
        return a;
    }

    /// <summary>
    /// The objective with A in doubles, or null with the reason when the input is malformed or A is not exactly a
    /// double (then the case's exact spectrum would not be the objective's).
    /// </summary>
    public (Quadratic? Objective, Fraction[,] A, string? Rejected) Build()
    {
        int n = Dimension;
        if (n < 1 || Linear.Length != n || Theta.Length != n || !Basis.Supports(n))
            return (null, new Fraction[0, 0], $"malformed case (n = {n}, basis {Basis.Describe()})");
        if (!Eigenvalues.Concat(Linear).Concat(Theta).All(double.IsFinite))
            return (null, new Fraction[0, 0], "non-finite entry");
        var exact = ExactHessian();
        var a = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double d = ExactLinearAlgebra.ToDouble(exact[i, j]);
                if (!ExactLinearAlgebra.IsExactly(d, exact[i, j]))
                    return (null, exact, "A = B·diag(λ)·Bᵀ/n is not exactly representable in doubles");
                a[i, j] = d;
            }
        return (new Quadratic(a, Vector<double>.Build.DenseOfArray(Linear), "generated-quadratic"), exact, null);
    }

    /// <summary>θ as a vector.</summary>
    public Vector<double> ThetaVector => Vector<double>.Build.DenseOfArray(Theta);

    /// <summary>f(x) = ½xᵀAx − bᵀx, exactly.</summary>
    public Fraction ExactValue(Fraction[,] a, Fraction[] x) =>
        ExactLinearAlgebra.Dot(x, ExactLinearAlgebra.Times(a, x)) / 2 - ExactLinearAlgebra.Dot(ExactLinearAlgebra.Of(Linear), x);

    /// <summary>∇f(x) = Ax − b, exactly.</summary>
    public Fraction[] ExactGradient(Fraction[,] a, Fraction[] x) => ExactLinearAlgebra.Subtract(ExactLinearAlgebra.Times(a, x), ExactLinearAlgebra.Of(Linear));

    /// <summary>The case as named round-trip values (A is shown in full for replay).</summary>
    public IReadOnlyList<NamedValue> Describe()
    {
        var (objective, _, _) = Build();
        var list = new List<NamedValue>
        {
            new("n", Dimension.ToString(CultureInfo.InvariantCulture)),
            new("basis", Basis.Describe()),
            new("λ", Show(Eigenvalues)),
        };
        if (objective is not null && Basis.Kind != BasisKind.Identity)
            list.Add(new("A", "[" + string.Join("; ", Enumerable.Range(0, Dimension).Select(i => Show(objective.A.Row(i).ToArray()))) + "]"));
        list.Add(new("b", Show(Linear)));
        list.Add(new("θ", Show(Theta)));
        return list;
    }

    /// <summary>A vector in round-trip form.</summary>
    public static string Show(IEnumerable<double> values) =>
        "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";

    /// <summary>A size for shrinking: dimension first, then a rotated basis, then nonzero entries, then text length.</summary>
    public (int, int, int, int) Size() => (
        Dimension,
        Basis.Kind == BasisKind.Identity ? 0 : 1,
        Eigenvalues.Concat(Linear).Concat(Theta).Count(v => v != 0),
        Show(Eigenvalues).Length + Show(Linear).Length + Show(Theta).Length);
}
