using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>
/// f(θ) = Σᵢ aᵢ(θᵢ − cᵢ)²/2 + bᵢ(√(1 + (θᵢ − cᵢ)²) − 1): a quadratic (b = 0, the case where the smoothness bound of
/// Lemma 2.1 is tight) or a non-quadratic separable function with f''ᵢ between aᵢ and aᵢ + bᵢ, so it is L-smooth with
/// L = maxᵢ max(|aᵢ|, |aᵢ + bᵢ|), and μ-strongly convex with μ = minᵢ min(aᵢ, aᵢ + bᵢ) when that is &gt; 0; for aᵢ &gt; 0
/// and bᵢ ≥ 0 its minimizer is c with f* = 0. Values and gradients are available in double and as exact enclosures.
/// </summary>
/// <param name="A">aᵢ, the quadratic coefficients.</param>
/// <param name="B">bᵢ, the coefficients of the √ terms (0 for a quadratic).</param>
/// <param name="C">cᵢ, the centers.</param>
public sealed record SeparableTestFunction(double[] A, double[] B, double[] C)
{
    /// <summary>d, the number of coordinates.</summary>
    public int Dimension => A.Length;

    /// <summary>The smallest L of f's L-smoothness (sup |f''ᵢ|).</summary>
    public double Smoothness => Enumerable.Range(0, Dimension).Max(i => System.Math.Max(System.Math.Abs(A[i]), System.Math.Abs(A[i] + B[i])));

    /// <summary>The largest μ of strong convexity (inf f''ᵢ); ≤ 0 when f is not strongly convex.</summary>
    public double StrongConvexity => Enumerable.Range(0, Dimension).Min(i => System.Math.Min(A[i], A[i] + B[i]));

    /// <summary>True when c is the minimizer and f* = 0 (aᵢ &gt; 0, bᵢ ≥ 0).</summary>
    public bool MinimizerAtC => A.All(a => a > 0) && B.All(b => b >= 0);

    /// <summary>f(θ), with √(1 + u²) − 1 = u²/(√(1 + u²) + 1) to avoid cancellation.</summary>
    public double Value(double[] theta)
    {
        double s = 0;
        for (int i = 0; i < Dimension; i++)
        {
            double u = theta[i] - C[i];
            // √(1 + u²) − 1 = u²/(√(1 + u²) + 1) without cancellation.
            s += A[i] * u * u / 2 + B[i] * (u * u / (System.Math.Sqrt(1 + u * u) + 1));
        }
        return s;
    }

    /// <summary>∇f(θ)ᵢ = aᵢuᵢ + bᵢuᵢ/√(1 + uᵢ²), uᵢ = θᵢ − cᵢ.</summary>
    public double[] Gradient(double[] theta)
    {
        var g = new double[Dimension];
        for (int i = 0; i < Dimension; i++)
        {
            double u = theta[i] - C[i];
            g[i] = A[i] * u + B[i] * u / System.Math.Sqrt(1 + u * u);
        }
        return g;
    }

    /// <summary>An enclosure of f over the box <paramref name="theta"/> (√ at <paramref name="bits"/> bits).</summary>
    public RationalInterval ExactValue(RationalInterval[] theta, int bits)
    {
        var s = RationalInterval.Zero;
        for (int i = 0; i < Dimension; i++)
        {
            var u = theta[i] - Interval.Of(C[i]);
            var u2 = Interval.Square(u);
            var root = (Interval.Of(1) + u2).Sqrt(bits);
            s += Interval.Of(A[i]) * u2 / Interval.Of(2) + Interval.Of(B[i]) * (root - Interval.Of(1));
        }
        return s;
    }

    /// <summary>Enclosures of ∇f over the box <paramref name="theta"/>.</summary>
    public RationalInterval[] ExactGradient(RationalInterval[] theta, int bits)
    {
        var g = new RationalInterval[Dimension];
        for (int i = 0; i < Dimension; i++)
        {
            var u = theta[i] - Interval.Of(C[i]);
            var root = (Interval.Of(1) + Interval.Square(u)).Sqrt(bits);
            g[i] = Interval.Of(A[i]) * u + Interval.Of(B[i]) * u / root;
        }
        return g;
    }

    /// <summary>a, b and c as named round-trip values.</summary>
    public IEnumerable<NamedValue> Describe() =>
        [NamedValue.Of("a", A), NamedValue.Of("b", B), NamedValue.Of("c", C)];
}
