using System.Globalization;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;

namespace Verification.Engine;

/// <summary>
/// A symmetric matrix with an exactly known spectrum: A = Q·diag(λ)·Qᵀ, where the eigenvalues λ are doubles (the
/// inputs) and Q = H(v₁)·H(v₂)⋯ is a product of Householder reflections H(v) = I − 2vvᵀ/(vᵀv) with small integer
/// vectors v, so Q is an exactly orthogonal rational matrix (QᵀQ = I in exact arithmetic) and column k of Q is an exact
/// eigenvector of A for λₖ. A statement reads A with <see cref="Read{T}"/>: in rational interval arithmetic that is the
/// exact matrix whose eigenvalues are exactly λ; in doubles its entries are rounded.
/// </summary>
public sealed class SymmetricMatrix
{
    /// <summary>The largest |vᵢ| of a reflection vector (keeps vᵀv and the exact basis small).</summary>
    public const int MaxReflectionEntry = 1 << 12;

    private readonly double[] _eigenvalues;
    private readonly int[][] _reflections;
    private readonly Fraction[,] _basis;

    /// <summary>A = Q·diag(<paramref name="eigenvalues"/>)·Qᵀ with Q the product of the reflections (none: Q = I).</summary>
    /// <param name="eigenvalues">λ₁ … λₙ, finite; n ≥ 1 is the dimension.</param>
    /// <param name="reflections">Integer vectors v of length n, not all zero, |vᵢ| ≤ <see cref="MaxReflectionEntry"/>.</param>
    /// <exception cref="ArgumentException">no eigenvalues, a non-finite one, or a reflection vector of the wrong length, zero or too large.</exception>
    public SymmetricMatrix(IReadOnlyList<double> eigenvalues, IReadOnlyList<IReadOnlyList<int>> reflections)
    {
        ArgumentNullException.ThrowIfNull(eigenvalues);
        ArgumentNullException.ThrowIfNull(reflections);
        if (eigenvalues.Count == 0)
            throw new ArgumentException("a matrix needs at least one eigenvalue.", nameof(eigenvalues));
        if (eigenvalues.FirstOrDefault(x => !double.IsFinite(x)) is var bad && !double.IsFinite(bad))
            throw new ArgumentException($"eigenvalues must be finite, got {bad}.", nameof(eigenvalues));
        int n = eigenvalues.Count;
        foreach (var v in reflections)
        {
            if (v is null || v.Count != n)
                throw new ArgumentException($"each reflection vector needs {n} entries (the dimension).", nameof(reflections));
            if (v.All(x => x == 0))
                throw new ArgumentException("a reflection vector must not be zero.", nameof(reflections));
            if (v.Any(x => Math.Abs(x) > MaxReflectionEntry))
                throw new ArgumentException($"reflection entries must be within ±{MaxReflectionEntry}.", nameof(reflections));
        }
        _eigenvalues = [.. eigenvalues];
        _reflections = [.. reflections.Select(v => v.ToArray())];
        _basis = BuildBasis(n, _reflections);
    }

    /// <summary>n.</summary>
    public int Dimension => _eigenvalues.Length;

    /// <summary>The exact eigenvalues λ₁ … λₙ (λₖ belongs to column k of <see cref="Basis"/>).</summary>
    public IReadOnlyList<double> Eigenvalues => _eigenvalues;

    /// <summary>The reflection vectors whose product is Q (empty: Q = I).</summary>
    public IReadOnlyList<IReadOnlyList<int>> Reflections => _reflections;

    /// <summary>Q(i, j) exactly: an orthogonal rational matrix whose column k is an eigenvector for λₖ.</summary>
    public Fraction Basis(int i, int j) => _basis[i, j];

    /// <summary>A in arithmetic T: A_ij = Σₖ λₖ·Q_ik·Q_jk with each λₖ read as an input (<c>T.Input</c>) and Q_ik·Q_jk exact.</summary>
    /// <remarks>The same expression gives A_ij and A_ji, so A is exactly symmetric in doubles too.</remarks>
    public RealMatrix<T> Read<T>() where T : IReal<T>
    {
        var lambda = Spectrum<T>();
        int n = Dimension;
        return RealMatrix<T>.Create(n, n, (i, j) =>
        {
            int a = Math.Min(i, j), b = Math.Max(i, j);
            T sum = lambda[0] * T.Rational(_basis[a, 0] * _basis[b, 0]);
            for (int k = 1; k < n; k++)
                sum += lambda[k] * T.Rational(_basis[a, k] * _basis[b, k]);
            return sum;
        });
    }

    /// <summary>The eigenvalues in arithmetic T, each read as an input (<c>T.Input</c>).</summary>
    public T[] Spectrum<T>() where T : IReal<T> => [.. _eigenvalues.Select(T.Input)];

    /// <summary>Q in arithmetic T (exact rationals; rounded once in doubles).</summary>
    public RealMatrix<T> EigenvectorMatrix<T>() where T : IReal<T> =>
        RealMatrix<T>.Create(Dimension, Dimension, (i, j) => T.Rational(_basis[i, j]));

    /// <summary>The largest eigenvalue λ_max, exactly (an input, so a box around it in scope analysis).</summary>
    public T LargestEigenvalue<T>() where T : IReal<T> => T.Input(_eigenvalues.Max());

    /// <summary>The smallest eigenvalue λ_min, exactly.</summary>
    public T SmallestEigenvalue<T>() where T : IReal<T> => T.Input(_eigenvalues.Min());

    /// <summary>A_ij as an exact rational.</summary>
    public Fraction ExactEntry(int i, int j)
    {
        var sum = Fraction.Zero;
        for (int k = 0; k < Dimension; k++)
            sum += ExactDouble.ToFraction(_eigenvalues[k]) * _basis[i, k] * _basis[j, k];
        return sum;
    }

    /// <summary>
    /// A as doubles for code that takes a double[,]: each entry is the exact A_ij rounded to a double within one ulp, so
    /// by Weyl's inequality the eigenvalues of this matrix differ from λ by at most ‖E‖₂ ≤ n·2⁻⁵²·max|A_ij|, and not at
    /// all where <see cref="EntriesAreExact"/>.
    /// </summary>
    public double[,] ToDoubles()
    {
        int n = Dimension;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
                a[i, j] = a[j, i] = ExactDouble.ToDouble(ExactEntry(i, j));
        return a;
    }

    /// <summary>True when every exact entry is a double, so <see cref="ToDoubles"/> is A itself (e.g. Q = I).</summary>
    public bool EntriesAreExact
    {
        get
        {
            for (int i = 0; i < Dimension; i++)
                for (int j = 0; j <= i; j++)
                {
                    var e = ExactEntry(i, j);
                    if (ExactDouble.ToFraction(ExactDouble.ToDouble(e)) != e)
                        return false;
                }
            return true;
        }
    }

    /// <summary>The matrix as a report prints it: <c>name.λ</c> in round-trip form and <c>name.Q</c> as its reflections.</summary>
    public IReadOnlyList<NamedValue> Describe(string name) =>
    [
        NamedValue.Of(name + ".λ", _eigenvalues),
        NamedValue.Text(name + ".Q", _reflections.Length == 0
            ? "I"
            : string.Join("·", _reflections.Select(v => "H(" + string.Join(", ", v.Select(x => x.ToString(CultureInfo.InvariantCulture))) + ")"))),
    ];

    /// <inheritdoc />
    public override string ToString() => string.Join("; ", Describe("A").Select(v => $"{v.Name} = {v.Value}"));

    private static Fraction[,] BuildBasis(int n, int[][] reflections)
    {
        var q = new Fraction[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                q[i, j] = i == j ? Fraction.One : Fraction.Zero;
        // Q ← Q·H(v) for each v in turn: Q·H = Q − (2/(vᵀv))·(Qv)vᵀ.
        foreach (var v in reflections)
        {
            long norm2 = v.Sum(x => (long)x * x);
            var qv = new Fraction[n];
            for (int i = 0; i < n; i++)
            {
                var s = Fraction.Zero;
                for (int k = 0; k < n; k++)
                    if (v[k] != 0)
                        s += q[i, k] * v[k];
                qv[i] = s;
            }
            var factor = new Fraction(2, norm2);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (v[j] != 0)
                        q[i, j] -= factor * qv[i] * v[j];
        }
        return q;
    }
}
