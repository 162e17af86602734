using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.Statistics;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>
/// One SGD step of thesis §3.2/§4.1 at θ: per-sample gradients ∇f(θ; ξ) = ∇f(θ) + ξ with ξ from a zero-mean discrete
/// law (K − 1 free atoms and K integer weights; the last atom balances the mean exactly, atoms at zero allowed;
/// Σ = Cov[ξ]), a minibatch of size m (eq. 3.4), the smoothness constant L the statement uses, the step factor γ = αL
/// (so α = γ/L, eq. 4.7's parametrization), and Assumption 3.1's constants C₀, C₁ at θ.
/// </summary>
internal sealed record SgdStepInput(
    SeparableTestFunction F,
    double[] Theta,
    double[][] NoiseFreeAtoms,
    int[] NoiseWeights,
    int BatchSize,
    double L,
    double Gamma,
    double C0,
    double C1)
{
    /// <summary>The step in arithmetic T: every real input read with <c>T.Input</c>, the hypothesis "f is L-smooth" checked.</summary>
    internal SgdStep<T> Read<T>() where T : IReal<T>
    {
        var theta = Theta.Select(T.Input).ToArray();
        var l = T.Input(L);
        Assume.That(l >= F.Smoothness<T>(), "f is not L-smooth: L < sup|f''| = maxᵢ max(|aᵢ|, |aᵢ + bᵢ|)");
        Assume.Positive(l, "L must be > 0 (α = γ/L)");
        var noise = DiscreteLaw<T>.ZeroMean(
            NoiseFreeAtoms.Select(a => a.Select(T.Input).ToArray()).ToArray(),
            NoiseWeights.Select(w => (long)w).ToArray(),
            F.Dimension);
        return new SgdStep<T>(F, theta, noise, noise.MinibatchMean(BatchSize), l, T.Input(Gamma), T.Input(C0), T.Input(C1));
    }

    internal IReadOnlyList<NamedValue> Describe() =>
    [
        .. F.Describe(),
        NamedValue.Of("theta", Theta),
        NamedValue.Text("free noise atoms ξ_1..ξ_(K−1)", string.Join("; ", NoiseFreeAtoms.Select(a => "(" + string.Join(", ", a.Select(Show)) + ")"))),
        NamedValue.Text("noise weights w_1..w_K (ξ_K = −Σ w_k ξ_k / w_K)", "[" + string.Join(", ", NoiseWeights) + "]"),
        NamedValue.Of("m", BatchSize),
        NamedValue.Of("L", L),
        NamedValue.Of("gamma = alpha·L", Gamma),
        NamedValue.Of("C0", C0),
        NamedValue.Of("C1", C1),
    ];

    private static string Show(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static Gen<double[]> Vector(int d, Gen<double> entry) => Gen.ArrayOf(entry, d);

    /// <summary>Test functions: quadratics (b = 0) half the time, non-convex allowed unless <paramref name="stronglyConvex"/>.</summary>
    internal static Gen<SeparableTestFunction> Functions(int d, bool stronglyConvex) =>
        from a in Vector(d, stronglyConvex ? EdgeDoubles.Positive(1e-3, 1e3) : EdgeDoubles.Signed(1e-3, 1e3))
        from quadratic in Gen.Elements(true, false)
        from b in Vector(d, stronglyConvex ? EdgeDoubles.NonNegative(1e-3, 1e3) : EdgeDoubles.Signed(1e-3, 1e3))
        from c in Vector(d, EdgeDoubles.Signed(1e-3, 1e3))
        select new SeparableTestFunction(a, quadratic ? new double[d] : b, c);

    /// <summary>
    /// Inputs for the SGD step claims: d ≤ 3, 1–3 noise atoms, m ≤ 3, L = sup|f''|·(1 or more) rounded up (so f is
    /// L-smooth exactly), γ ∈ [0, 2] edge-biased (or up to 1e3), C₁ ≥ 0 and C₀ the smallest value meeting Assumption 3.1
    /// at θ times (1 + 1e-9) plus a slack ≥ 0.
    /// </summary>
    internal static Gen<SgdStepInput> Generator(bool stronglyConvex = false, double maxGamma = double.MaxValue) =>
        from d in Gen.Choose(1, 3)
        from f in Functions(d, stronglyConvex)
        from theta in Vector(d, EdgeDoubles.Signed(1e-3, 1e3))
        from k in Gen.Choose(1, 3)
        from free in Gen.ArrayOf(Vector(d, EdgeDoubles.Signed(1e-3, 1e3)), k - 1)
        from weights in Gen.ArrayOf(Gen.Choose(1, 4), k)
        from m in Gen.Choose(1, 3)
        from lFactor in Gen.Frequency((3, Gen.Constant(1.0)), (1, EdgeDoubles.Positive(1, 100)))
        from gamma in Gen.Frequency((4, EdgeDoubles.NonNegative(1e-3, 2)), (1, EdgeDoubles.NonNegative(1e-3, 1e3)))
        from c1 in EdgeDoubles.NonNegative(1e-3, 1e3)
        from slack in EdgeDoubles.NonNegative(1e-3, 1e3)
        select Build(f, theta, free, weights, m, lFactor, Math.Min(gamma, maxGamma), c1, slack);

    /// <summary>
    /// An input with L = sup|f''|·lFactor rounded up (1·lFactor where f is linear: any L ≥ 0 is a smoothness constant,
    /// and α = γ/L needs L &gt; 0) and C₀ = max(0, tr Σ − C₁‖∇f‖²)·(1 + 1e-9) + 1e-12·(tr Σ + C₁‖∇f‖²) + slack in doubles:
    /// the last term exceeds the rounding of the double tr Σ and ‖∇f‖² (a few dozen operations, relative error ≲ 1e-14),
    /// so Assumption 3.1 holds exactly, also where tr Σ and C₁‖∇f‖² nearly cancel.
    /// </summary>
    internal static SgdStepInput Build(SeparableTestFunction f, double[] theta, double[][] free, int[] weights, int m, double lFactor, double gamma, double c1, double slack)
    {
        var exactL = f.Smoothness<RationalInterval>() * RationalInterval.Exact(lFactor);
        double l = exactL.IsExactlyZero ? lFactor : exactL.UpperAsDouble;
        var probe = new SgdStepInput(f, theta, free, weights, m, l, gamma, 0, c1);
        var step = probe.Read<Float64>();
        double trace = step.TraceSigma.Value, bounded = c1 * step.GradientNormSquared.Value;
        return probe with { C0 = Math.Max(0, trace - bounded) * (1 + 1e-9) + 1e-12 * (trace + bounded) + slack };
    }

    /// <summary>A move of θ or γ for climbing (γ kept ≥ 0: an ulp step from 0 would leave the domain).</summary>
    internal SgdStepInput Perturb(System.Random random)
    {
        if (random.Next(2) == 0)
            return this with { Gamma = Math.Abs(EdgeDoubles.Perturb(Gamma, random)) };
        var theta = (double[])Theta.Clone();
        int i = random.Next(theta.Length);
        theta[i] = EdgeDoubles.Perturb(theta[i], random, 0, 1e3);
        return this with { Theta = theta };
    }

    /// <summary>Simpler θ and γ (the function, the noise and the constants are kept).</summary>
    internal IEnumerable<SgdStepInput> Shrink() =>
        Shrinks.Coordinates(this, s => [.. s.Theta, s.Gamma], (s, v) => v[^1] >= 0
            ? s with { Theta = v[..^1], Gamma = v[^1] }
            : throw new ArgumentException("γ must be ≥ 0."));

    /// <summary>The tight cases: a quadratic with f'' = L everywhere (Lemma 2.1 holds with equality), with and without noise.</summary>
    internal static IEnumerable<SgdStepInput> Edges()
    {
        var quad = new SeparableTestFunction([1.0], [0.0], [0.0]);
        yield return Build(quad, [1.0], [[1.0]], [1, 1], 1, 1, 1, 0, 0);
        yield return Build(quad, [1.0], [[1.0]], [1, 1], 2, 1, 2, 1, 0);
        yield return Build(quad, [0.0], [[1.0]], [1, 1], 1, 1, 0.5, 0, 0);
        yield return Build(quad, [1.0], [], [1], 1, 1, 1, 0, 0);
        yield return Build(quad, [1.0], [[0.0]], [1, 3], 3, 1, 0, 0, 0);
        var bumpy = new SeparableTestFunction([1.0, -2.0], [3.0, 1.0], [0.5, -1.0]);
        yield return Build(bumpy, [0.25, 2.0], [[2.0, 0.0], [0.0, -1.0]], [1, 2, 3], 3, 1, 1, 0.5, 0);
    }

    /// <summary>The search domain of the SGD step statements.</summary>
    internal static Domain<SgdStepInput> Domain(Gen<SgdStepInput> generator, Func<IEnumerable<SgdStepInput>>? edges = null) => new()
    {
        Generator = generator,
        Edges = edges ?? Edges,
        Perturb = (s, r) => s.Perturb(r),
        Shrink = s => s.Shrink(),
        Describe = s => s.Describe(),
    };
}

/// <summary>An <see cref="SgdStepInput"/> read in arithmetic T: the quantities of Lemma 3.1 and its relatives.</summary>
internal sealed class SgdStep<T>(SeparableTestFunction f, T[] theta, DiscreteLaw<T> noise, DiscreteLaw<T> batch, T l, T gamma, T c0, T c1)
    where T : IReal<T>
{
    /// <summary>θ.</summary>
    public T[] Theta { get; } = theta;

    /// <summary>∇f(θ).</summary>
    public T[] Gradient { get; } = f.Gradient<T>(theta);

    /// <summary>f(θ).</summary>
    public T Value { get; } = f.Value<T>(theta);

    /// <summary>The per-sample noise ξ (zero mean).</summary>
    public DiscreteLaw<T> Noise { get; } = noise;

    /// <summary>The minibatch noise ξ̄ = ḡ − ∇f(θ), the mean of m iid copies of ξ.</summary>
    public DiscreteLaw<T> Batch { get; } = batch;

    /// <summary>L.</summary>
    public T L { get; } = l;

    /// <summary>γ = αL.</summary>
    public T Gamma { get; } = gamma;

    /// <summary>α = γ/L.</summary>
    public T Alpha => Gamma / L;

    /// <summary>C₀ of Assumption 3.1.</summary>
    public T C0 { get; } = c0;

    /// <summary>C₁ of Assumption 3.1.</summary>
    public T C1 { get; } = c1;

    /// <summary>‖∇f(θ)‖².</summary>
    public T GradientNormSquared => Gradient.Aggregate(T.Of(0), (s, g) => s + g * g);

    /// <summary>tr Σ(θ) = E‖ξ‖² (eq. 3.12), of the per-sample noise.</summary>
    public T TraceSigma => Noise.TraceCovariance();

    /// <summary>E_t[f(θ − factor ⊙ g)] with g = ∇f(θ) + ξ̄ (the SGD step for factor ≡ α).</summary>
    public T ExpectedNextValue(IReadOnlyList<T> factor) => Batch.Expectation(xi => f.Value<T>(Next(factor, xi)));

    /// <summary>E_t|f(θ − factor ⊙ g)|: the size of the terms averaged in <see cref="ExpectedNextValue"/> (its rounding scale).</summary>
    public T ExpectedAbsNextValue(IReadOnlyList<T> factor) => Batch.Expectation(xi => T.Abs(f.Value<T>(Next(factor, xi))));

    /// <summary>E_t‖g‖² = E‖∇f + ξ̄‖².</summary>
    public T ExpectedGradientNormSquared() => Batch.Expectation(xi =>
    {
        T s = 0;
        for (int i = 0; i < xi.Length; i++)
            s += (Gradient[i] + xi[i]) * (Gradient[i] + xi[i]);
        return s;
    });

    /// <summary>α in every coordinate.</summary>
    public T[] UniformStep() => Enumerable.Repeat(Alpha, Theta.Length).ToArray();

    private T[] Next(IReadOnlyList<T> factor, T[] xi)
    {
        var next = new T[Theta.Length];
        for (int i = 0; i < next.Length; i++)
            next[i] = Theta[i] - factor[i] * (Gradient[i] + xi[i]);
        return next;
    }
}
