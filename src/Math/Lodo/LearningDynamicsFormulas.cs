using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Lodo;

/// <summary>
/// The simplified LODO of lodo.md §4.1 and App. A.1 written once over <see cref="IReal{T}"/>: the dense G of §4.1
/// ("a full dense matrix filled with elements of θ", row-major), Algorithm 1 with an SGD meta-step of rate α and β = 0
/// on the moving quadratic ℓ_t = ½(x − x*_t)ᵀH(x − x*_t), x*_{t+1} = x*_t + s_t, and the recurrences the paper derives
/// for it: (6) b_{t+1} = A_tb_t − s_t, (5) A_{t+1} = A_t − αHb_{t+1}b_tᵀH², (26) dℓ_{t+1}/dG = −H((I − GH)b_t − s_t)b_tᵀH,
/// (28) = −Hb_{t+1}b_tᵀH, with A_t = I − G_tH and b_t = x_t − x*_t.
/// </summary>
public static class LearningDynamicsFormulas
{
    /// <summary>G(θ) of the dense model: G_ij = θ_{i·n+j}.</summary>
    /// <exception cref="ArgumentException">θ does not have n² entries.</exception>
    public static RealMatrix<T> DenseG<T>(int n, IReadOnlyList<T> theta) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(theta);
        if (n < 1 || theta.Count != n * n)
            throw new ArgumentException($"theta must have n² = {n * n} entries (n ≥ 1), got {theta.Count}.", nameof(theta));
        return RealMatrix<T>.Create(n, n, (i, j) => theta[i * n + j]);
    }

    /// <summary>aᵀG(θ)u for the dense model, as Σ_i a_i(Σ_j G_ij u_j).</summary>
    public static T DenseBilinear<T>(IReadOnlyList<T> theta, IReadOnlyList<T> a, IReadOnlyList<T> u) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(u);
        return RealVector.Dot(a, DenseG(a.Count, theta) * u);
    }

    /// <summary>
    /// ∂(aᵀG(θ)u)/∂θ for the dense model by definition (central differences with step 1, exact: the form is affine in each
    /// θ_j), the derivative whose closed form the reference implements as vec(a uᵀ).
    /// </summary>
    public static T[] DenseBilinearGradient<T>(IReadOnlyList<T> theta, IReadOnlyList<T> a, IReadOnlyList<T> u) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(u);
        return BlockNetworkFormulas.CentralDifferences(theta, t => DenseBilinear(t, a, u));
    }

    /// <summary>One step of (6) then (5): (A_{t+1}, b_{t+1}) from (A_t, b_t, s_t).</summary>
    public static (RealMatrix<T> A, T[] B) Step<T>(RealMatrix<T> a, IReadOnlyList<T> b, IReadOnlyList<T> s, RealMatrix<T> h, T alpha) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(h);
        var bNext = Subtract(a * b, s);
        var hb = h * bNext;
        var hhb = h * (h * b);
        var aNext = a - RealMatrix<T>.Create(a.Rows, a.Columns, (i, j) => alpha * hb[i] * hhb[j]);
        return (aNext, bNext);
    }

    /// <summary>Eq. (26): dℓ_{t+1}/dG = −H((I − GH)b_t − s_t)b_tᵀH.</summary>
    public static RealMatrix<T> Hypergradient<T>(RealMatrix<T> g, RealMatrix<T> h, IReadOnlyList<T> b, IReadOnlyList<T> s) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(s);
        var a = RealMatrix<T>.Identity(h.Rows) - g * h;
        return Eq28(h, Subtract(a * b, s), b);
    }

    /// <summary>Eq. (28): −Hb_{t+1}b_tᵀH.</summary>
    public static RealMatrix<T> Eq28<T>(RealMatrix<T> h, IReadOnlyList<T> bNext, IReadOnlyList<T> b) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(bNext);
        ArgumentNullException.ThrowIfNull(b);
        var left = h * bNext;
        var right = h * b;
        return RealMatrix<T>.Create(h.Rows, h.Rows, (i, j) => -(left[i] * right[j]));
    }

    /// <summary>½dᵀHd.</summary>
    public static T Loss<T>(RealMatrix<T> h, IReadOnlyList<T> displacement) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(displacement);
        return RealVector.Dot(displacement, h * displacement) / 2;
    }

    /// <summary>
    /// Algorithm 1 for the dense G with an SGD meta-step of rate α and β = 0 (m₀ = 0, m_{t+1} = ∇ℓ_{t+1}(x_{t+1})) on the
    /// moving quadratic, for s.Count steps from (G₀, x₀) with x*₀ = 0: x_{t+1} = x_t − G_tm_t, x*_{t+1} = x*_t + s_t,
    /// g_{t+1} = H(x_{t+1} − x*_{t+1}), the hypergradient by backpropagation through the step (eq. 1):
    /// ∂ℓ_{t+1}/∂G = −g_{t+1}m_tᵀ, G_{t+1} = G_t − α∂ℓ_{t+1}/∂G, m_{t+1} = g_{t+1}.
    /// </summary>
    /// <returns>The states t = 0 … T (G_t, x_t, x*_t, m_t) and the T hypergradients.</returns>
    public static Algorithm1Trajectory<T> Algorithm1<T>(RealMatrix<T> h, RealMatrix<T> g0, IReadOnlyList<T> x0, IReadOnlyList<IReadOnlyList<T>> s, T alpha) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(g0);
        ArgumentNullException.ThrowIfNull(x0);
        ArgumentNullException.ThrowIfNull(s);
        int n = h.Rows;
        if (h.Columns != n || g0.Rows != n || g0.Columns != n || x0.Count != n || s.Any(v => v.Count != n))
            throw new ArgumentException($"H, G₀ must be {n}×{n} and x₀, s_t of length {n}.", nameof(g0));
        var g = g0;
        var x = x0.ToArray();
        var centre = Enumerable.Repeat(T.Of(0), n).ToArray();
        var m = Enumerable.Repeat(T.Of(0), n).ToArray();
        var states = new List<Algorithm1State<T>> { new(g, x, centre, m) };
        var hypergradients = new List<RealMatrix<T>>();
        foreach (var step in s)
        {
            var xNext = Subtract(x, g * m);
            var centreNext = Add(centre, step);
            var gradient = h * Subtract(xNext, centreNext);
            var mCurrent = m;
            var hyper = RealMatrix<T>.Create(n, n, (i, j) => -(gradient[i] * mCurrent[j]));
            hypergradients.Add(hyper);
            g = g - alpha * hyper;
            m = gradient;
            x = xNext;
            centre = centreNext;
            states.Add(new(g, x, centre, m));
        }
        return new(states, hypergradients);
    }

    /// <summary>
    /// dℓ_{t+1}/dG by definition at state t of an Algorithm 1 trajectory: ℓ_{t+1}(G) = ½(x_t − Gm_t − x*_{t+1})ᵀH(…), its
    /// partial derivatives [ℓ(G + E_ij) − ℓ(G − E_ij)]/2 (exact: ℓ is quadratic in each entry), with the size of the
    /// terms ℓ(G + E_ij) + ℓ(G − E_ij) that were subtracted (a margin scale that accounts for the cancellation).
    /// </summary>
    public static (RealMatrix<T> Derivative, RealMatrix<T> TermSize) HypergradientByDefinition<T>(RealMatrix<T> h, Algorithm1State<T> state, IReadOnlyList<T> centreNext) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(centreNext);
        int n = h.Rows;
        var derivative = new T[n, n];
        var size = new T[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                var unit = RealMatrix<T>.Create(n, n, (r, c) => r == i && c == j ? T.Of(1) : T.Of(0));
                var plus = Loss(h, Subtract(Subtract(state.X, (state.G + unit) * state.M), centreNext));
                var minus = Loss(h, Subtract(Subtract(state.X, (state.G - unit) * state.M), centreNext));
                derivative[i, j] = (plus - minus) / 2;
                size[i, j] = T.Abs(plus) + T.Abs(minus);
            }
        return (new RealMatrix<T>(derivative), new RealMatrix<T>(size));
    }

    /// <summary>A = I − GH.</summary>
    public static RealMatrix<T> ErrorMatrix<T>(RealMatrix<T> g, RealMatrix<T> h) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(h);
        return RealMatrix<T>.Identity(g.Rows) - g * h;
    }

    internal static T[] Subtract<T>(IReadOnlyList<T> u, IReadOnlyList<T> v) where T : IReal<T>
    {
        if (u.Count != v.Count)
            throw new ArgumentException($"lengths differ: {u.Count} and {v.Count}.", nameof(v));
        return [.. u.Select((x, i) => x - v[i])];
    }

    internal static T[] Add<T>(IReadOnlyList<T> u, IReadOnlyList<T> v) where T : IReal<T>
    {
        if (u.Count != v.Count)
            throw new ArgumentException($"lengths differ: {u.Count} and {v.Count}.", nameof(v));
        return [.. u.Select((x, i) => x + v[i])];
    }
}

/// <summary>One state of <see cref="LearningDynamicsFormulas.Algorithm1{T}"/>: G_t, x_t, x*_t, m_t.</summary>
public sealed record Algorithm1State<T>(RealMatrix<T> G, IReadOnlyList<T> X, IReadOnlyList<T> Centre, IReadOnlyList<T> M) where T : IReal<T>;

/// <summary>The states t = 0 … T and the hypergradients ∂ℓ_{t+1}/∂G_t, t = 0 … T − 1, of an Algorithm 1 run.</summary>
public sealed record Algorithm1Trajectory<T>(IReadOnlyList<Algorithm1State<T>> States, IReadOnlyList<RealMatrix<T>> Hypergradients) where T : IReal<T>;
