using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Curvature.AutoDiff;

/// <summary>The value, Jacobian and component Hessians of a function ℝ^d → ℝ^M at one point, in arithmetic T.</summary>
/// <param name="Value">f(x), length M.</param>
/// <param name="Jacobian">J f(x), M×d.</param>
/// <param name="Hessians">∇²f^(m)(x) for each component m, each d×d and symmetric by construction.</param>
public sealed record SecondOrderExpansion<T>(T[] Value, RealMatrix<T> Jacobian, RealMatrix<T>[] Hessians) where T : IReal<T>;

/// <summary>
/// Derivatives of functions written once over <see cref="IReal{T}"/>, by hyper-dual forward mode
/// (<see cref="HyperDualReal{T}"/>): one evaluation per pair i ≤ j for second derivatives, one per coordinate for first
/// derivatives. In doubles the results carry the rounding of the function's own operations; in rational intervals
/// they enclose the exact derivatives.
/// </summary>
public static class ForwardModeFormulas
{
    /// <summary>f(x), J f(x) and every ∇²f^(m)(x), from the d(d+1)/2 evaluations of f at hyper-dual seeds (i, j), i ≤ j.</summary>
    /// <exception cref="ArgumentException">x is empty, or f returns no component or a varying number of them; a
    /// <see cref="DoubleRangeException"/> naming x where a component's first derivative is beyond the double range (its
    /// second derivatives may have lost a term, as in <see cref="ForwardDerivatives.Hessian"/>).</exception>
    public static SecondOrderExpansion<T> Expand<T>(Func<HyperDualReal<T>[], HyperDualReal<T>[]> f, IReadOnlyList<T> x) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        int d = CheckPoint(x);
        T[]? value = null;
        T[,]? jacobian = null;
        T[][,]? hessians = null;
        int outputs = 0;
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++)
            {
                var r = f(Seed(x, i, j));
                if (value is null)
                {
                    outputs = r.Length;
                    if (outputs == 0)
                        throw new ArgumentException("f must return at least one component.", nameof(f));
                    value = r.Select(c => c.Value).ToArray();
                    jacobian = new T[outputs, d];
                    hessians = Enumerable.Range(0, outputs).Select(_ => new T[d, d]).ToArray();
                }
                else if (r.Length != outputs)
                    throw new ArgumentException($"f must return the same number of components at every seed, got {r.Length} after {outputs}.", nameof(f));
                for (int m = 0; m < outputs; m++)
                {
                    // As ForwardDerivatives.Hessian: an overflowed ε₁ or ε₂ part may have cost the ε₁ε₂ part a term.
                    if (!T.IsFinite(r[m].E1) || !T.IsFinite(r[m].E2))
                        throw ForwardDerivatives.FirstDerivativeBeyondRange(i, j, T.Estimate(r[m].E1), T.Estimate(r[m].E2), nameof(x));
                    if (i == j)
                        jacobian![m, i] = r[m].E1;
                    hessians![m][i, j] = r[m].E12;
                    hessians[m][j, i] = r[m].E12;
                }
            }
        return new SecondOrderExpansion<T>(value!, new RealMatrix<T>(jacobian!), hessians!.Select(h => new RealMatrix<T>(h)).ToArray());
    }

    /// <summary>∇²g(x) of a scalar g: d(d+1)/2 evaluations.</summary>
    public static RealMatrix<T> Hessian<T>(Func<HyperDualReal<T>[], HyperDualReal<T>> g, IReadOnlyList<T> x) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(g);
        return Expand(v => [g(v)], x).Hessians[0];
    }

    /// <summary>∇g(x) of a scalar g: d evaluations (ε₁ on one coordinate at a time).</summary>
    public static T[] Gradient<T>(Func<HyperDualReal<T>[], HyperDualReal<T>> g, IReadOnlyList<T> x) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(g);
        int d = CheckPoint(x);
        var grad = new T[d];
        for (int i = 0; i < d; i++)
            grad[i] = g(Seed(x, i, -1)).E1;
        return grad;
    }

    /// <summary>x as hyper-duals with ε₁ on coordinate i and ε₂ on coordinate j (−1: nowhere).</summary>
    private static HyperDualReal<T>[] Seed<T>(IReadOnlyList<T> x, int i, int j) where T : IReal<T>
    {
        var s = new HyperDualReal<T>[x.Count];
        for (int k = 0; k < s.Length; k++)
            s[k] = HyperDualReal<T>.Variable(x[k], k == i, k == j);
        return s;
    }

    private static int CheckPoint<T>(IReadOnlyList<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Count == 0)
            throw new ArgumentException("x must have at least one coordinate.", nameof(x));
        return x.Count;
    }
}
