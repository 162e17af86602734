using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>
/// f(θ) = Σᵢ aᵢ(θᵢ − cᵢ)²/2 + bᵢ(√(1 + (θᵢ − cᵢ)²) − 1): a quadratic (b = 0, the case where the smoothness bound of
/// Lemma 2.1 is tight) or a non-quadratic separable function with f''ᵢ between aᵢ and aᵢ + bᵢ, so it is L-smooth with
/// L = maxᵢ max(|aᵢ|, |aᵢ + bᵢ|), and μ-strongly convex with μ = minᵢ min(aᵢ, aᵢ + bᵢ) when that is &gt; 0; for aᵢ &gt; 0
/// and bᵢ ≥ 0 its minimizer is c with f* = 0. Written once over <see cref="IReal{T}"/>, with a, b and c read as inputs
/// (<c>T.Input</c>), so a statement's exact box widens them too.
/// </summary>
/// <param name="A">aᵢ, the quadratic coefficients.</param>
/// <param name="B">bᵢ, the coefficients of the √ terms (0 for a quadratic).</param>
/// <param name="C">cᵢ, the centers.</param>
public sealed record SeparableTestFunction(double[] A, double[] B, double[] C)
{
    /// <summary>d, the number of coordinates.</summary>
    public int Dimension => A.Length;

    /// <summary>f(θ), with √(1 + u²) − 1 = u²/(√(1 + u²) + 1) (no cancellation for small u).</summary>
    /// <exception cref="ArgumentException">θ, a, b, c of different lengths.</exception>
    public T Value<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        Check(theta);
        T s = 0;
        for (int i = 0; i < Dimension; i++)
        {
            var u = theta[i] - T.Input(C[i]);
            var u2 = u * u;
            s += T.Input(A[i]) * u2 / 2 + T.Input(B[i]) * (u2 / (T.Sqrt(1 + u2) + 1));
        }
        return s;
    }

    /// <summary>∇f(θ)ᵢ = aᵢuᵢ + bᵢuᵢ/√(1 + uᵢ²), uᵢ = θᵢ − cᵢ.</summary>
    /// <exception cref="ArgumentException">θ, a, b, c of different lengths.</exception>
    public T[] Gradient<T>(IReadOnlyList<T> theta) where T : IReal<T>
    {
        Check(theta);
        var g = new T[Dimension];
        for (int i = 0; i < Dimension; i++)
        {
            var u = theta[i] - T.Input(C[i]);
            g[i] = T.Input(A[i]) * u + T.Input(B[i]) * u / T.Sqrt(1 + u * u);
        }
        return g;
    }

    /// <summary>sup |f''| = maxᵢ max(|aᵢ|, |aᵢ + bᵢ|): the smallest L of f's L-smoothness.</summary>
    public T Smoothness<T>() where T : IReal<T>
    {
        T l = 0;
        for (int i = 0; i < Dimension; i++)
            l = T.Max(l, T.Max(T.Abs(T.Input(A[i])), T.Abs(T.Input(A[i]) + T.Input(B[i]))));
        return l;
    }

    /// <summary>inf f'' = minᵢ min(aᵢ, aᵢ + bᵢ): the largest μ of strong convexity where it is &gt; 0.</summary>
    public T StrongConvexity<T>() where T : IReal<T>
    {
        var mu = T.Min(T.Input(A[0]), T.Input(A[0]) + T.Input(B[0]));
        for (int i = 1; i < Dimension; i++)
            mu = T.Min(mu, T.Min(T.Input(A[i]), T.Input(A[i]) + T.Input(B[i])));
        return mu;
    }

    /// <summary>f(θ) in double precision.</summary>
    public double Value(double[] theta) => Value(Lift(theta)).Value;

    /// <summary>∇f(θ) in double precision.</summary>
    public double[] Gradient(double[] theta) => Gradient(Lift(theta)).Select(g => g.Value).ToArray();

    /// <summary>sup |f''| rounded up to a double (exact max of the exact |aᵢ + bᵢ|), so a constant built from it is a valid L.</summary>
    public double SmoothnessUpper => Smoothness<RationalInterval>().UpperAsDouble;

    /// <summary>inf f'' rounded down to a double.</summary>
    public double StrongConvexityLower => StrongConvexity<RationalInterval>().LowerAsDouble;

    /// <summary>True when c is the minimizer and f* = 0 (aᵢ &gt; 0, bᵢ ≥ 0).</summary>
    public bool MinimizerAtC => A.All(a => a > 0) && B.All(b => b >= 0);

    /// <summary>a, b and c as named round-trip values.</summary>
    public IEnumerable<NamedValue> Describe() =>
        [NamedValue.Of("a", A), NamedValue.Of("b", B), NamedValue.Of("c", C)];

    private static Float64[] Lift(double[] theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        return theta.Select(t => new Float64(t)).ToArray();
    }

    private void Check<T>(IReadOnlyList<T> theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        if (B.Length != Dimension || C.Length != Dimension)
            throw new ArgumentException($"a, b and c must have one length, got {A.Length}, {B.Length}, {C.Length}.", nameof(B));
        if (theta.Count != Dimension)
            throw new ArgumentException($"theta has {theta.Count} coordinates, f has {Dimension}.", nameof(theta));
    }
}
