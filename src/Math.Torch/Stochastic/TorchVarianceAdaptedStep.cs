using TorchSharp;
using static TorchSharp.torch;

namespace Verification.Numerics.Torch.Stochastic;

/// <summary>Which update <see cref="TorchVarianceAdaptedStep"/> computes (thesis Fig. 5.1).</summary>
public enum VarianceAdaptedMethod
{
    /// <summary>Adam, eqs. (5.1)–(5.4): −α m/(√v + ε), with β₁ and β₂.</summary>
    Adam,

    /// <summary>SVAG, Alg. 4: −α γ⊙g, γ = m²/(m² + ŝ), one β.</summary>
    Svag,

    /// <summary>M-SVAG, Alg. 2: −α γ⊙m, γ = m²/(m² + ρ(β, t)ŝ), one β.</summary>
    MSvag,
}

/// <summary>
/// Batched tensor form of Adam, SVAG and M-SVAG (thesis §5.1, Algs. 2 and 4 with §5.4.4's details) for large d: the
/// state (moving averages m̃, ṽ and t) lives in tensors of one dtype and device; <see cref="Step"/> takes g_t and
/// returns Δθ_t. Counterpart of Verification.Optimizers.Stochastic (Adam, VarianceAdapted), in the same formulas: the bias
/// corrections 1 − β^(t+1) are <see cref="PowerComplement.OneMinusPower"/>, computed once per step in double (the former
/// running product β·β·…·β rounded once per step, an error magnified by β^t/(1 − β^t): about 15.8 ulp at β = 1 − 2^-53,
/// t = 40, most digits near β = 1 − 2^-40); η̂² = (v − m²)/m² is evaluated as the reference's
/// AdamDecomposition.RelativeVariance does (see <see cref="RelativeVariance"/>), clamped at 0; the factor
/// γ = 1/(1 + κ/(1 − ρ)·η̂²) is B/(B + A·η̂²) with the reference's A = (1 + β)(1 − β^(t+1)) (SVAG) or
/// (1 − β)(1 + β^(t+1)) (M-SVAG) and B = 2β(1 − β^t), doubles in (0, 2] (no cancelling 1 − ρ, which was 0 for β below
/// 2^-54, and no overflowing κ/(1 − ρ)); no update where m = v = 0, ŝ₀ = 0.
/// </summary>
public sealed class TorchVarianceAdaptedStep : IDisposable
{
    private readonly Tensor rawFirst;
    private readonly Tensor rawSecond;

    /// <summary>
    /// A fresh state for parameters of shape <paramref name="shape"/>. Adam uses β₁, β₂ and ε; SVAG and M-SVAG use β = β₁
    /// (β₂ must equal it) and ε = 0, and need β ∈ (0, 1) (ρ(0, t) = 1 would divide by zero in eq. 5.16).
    /// </summary>
    public TorchVarianceAdaptedStep(VarianceAdaptedMethod method, double stepSize, double beta1, double beta2, double epsilon,
        long[] shape, ScalarType dtype, Device device)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(device);
        Require.Positive(stepSize, nameof(stepSize));
        RequireBeta(beta1, nameof(beta1));
        RequireBeta(beta2, nameof(beta2));
        Require.NonNegative(epsilon, nameof(epsilon));
        if (dtype != ScalarType.Float64 && dtype != ScalarType.Float32)
            throw new ArgumentException($"dtype must be Float64 or Float32, got {dtype}.", nameof(dtype));
        if (shape.Length == 0 || shape.Any(s => s < 1))
            throw new ArgumentException($"shape must have positive extents, got [{string.Join("×", shape)}].", nameof(shape));
        if (method != VarianceAdaptedMethod.Adam)
        {
            if (beta1 != beta2)
                throw new ArgumentException($"SVAG and M-SVAG use one β for both averages (§5.4.1): beta2 = {Require.Show(beta2)} ≠ beta1 = {Require.Show(beta1)}.", nameof(beta2));
            if (beta1 == 0)
                throw new ArgumentException("beta1 must be in (0, 1) for SVAG and M-SVAG: ρ(0, t) = 1 makes eq. (5.16) divide by zero.", nameof(beta1));
        }
        Method = method;
        StepSize = stepSize;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        rawFirst = zeros(shape, dtype, device);
        rawSecond = zeros(shape, dtype, device);
    }

    /// <summary>The update computed.</summary>
    public VarianceAdaptedMethod Method { get; }

    /// <summary>α.</summary>
    public double StepSize { get; }

    /// <summary>β₁ (β for SVAG, M-SVAG).</summary>
    public double Beta1 { get; }

    /// <summary>β₂.</summary>
    public double Beta2 { get; }

    /// <summary>ε (Adam only).</summary>
    public double Epsilon { get; }

    /// <summary>t, the number of steps taken.</summary>
    public int Iteration { get; private set; }

    /// <summary>Δθ_t for the stochastic gradient g_t (same shape, dtype and device as the state; finite).</summary>
    /// <exception cref="ArgumentException">a mismatched or non-finite <paramref name="gradient"/>, or a disposed state.</exception>
    public Tensor Step(Tensor gradient)
    {
        if (rawFirst.IsInvalid)
            throw new ArgumentException("the state has been disposed.", nameof(gradient));
        TorchArguments.SameLayout(rawFirst, "the state", gradient, nameof(gradient));
        TorchArguments.Finite(gradient, nameof(gradient));

        using var scope = NewDisposeScope();
        var g = gradient.detach();
        using var beta1 = Beta1.ToScalar();
        using var beta2 = Beta2.ToScalar();
        rawFirst.mul_(beta1).PlusInPlace(g.Times(1 - Beta1));
        rawSecond.mul_(beta2).PlusInPlace((g * g).Times(1 - Beta2));
        int t = Iteration++;
        var m = rawFirst.DividedBy(PowerComplement.OneMinusPower(Beta1, t + 1));
        var v = rawSecond.DividedBy(PowerComplement.OneMinusPower(Beta2, t + 1));
        Tensor delta;
        if (Method == VarianceAdaptedMethod.Adam)
        {
            var denominator = sqrt(v).Plus(Epsilon);
            var safe = where(denominator.gt(TorchScalars.Zero), denominator, ones_like(denominator));
            delta = where(denominator.gt(TorchScalars.Zero), m / safe, zeros_like(m)).Times(-StepSize);
        }
        else
        {
            var gamma = Factor(m, v, t);
            var direction = Method == VarianceAdaptedMethod.MSvag ? m : g;
            var skip = m.eq(TorchScalars.Zero).logical_and(v.eq(TorchScalars.Zero));
            delta = where(skip, zeros_like(m), (gamma * direction).Times(-StepSize));
        }
        return delta.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// γ = 1/(1 + κ/(1 − ρ)·η̂²) with κ = ρ (M-SVAG) or 1 (SVAG) as B/(B + A·η̂²) (see the class summary); 1 at t = 0
    /// (ŝ₀ = 0) and where η̂² = 0, 0 where m = 0.
    /// </summary>
    private Tensor Factor(Tensor m, Tensor v, int t)
    {
        var a = m.abs();
        var nonzero = a.gt(TorchScalars.Zero);
        if (t == 0)
            return where(nonzero, ones_like(m), zeros_like(m));
        double numerator = Method == VarianceAdaptedMethod.MSvag
            ? (1 - Beta1) * (1 + Math.Pow(Beta1, t + 1))
            : (1 + Beta1) * PowerComplement.OneMinusPower(Beta1, t + 1);
        double denominator = 2 * Beta1 * PowerComplement.OneMinusPower(Beta1, t);
        var safeA = where(nonzero, a, ones_like(a));
        var eta2 = RelativeVariance(safeA, v).clamp_min(TorchScalars.Zero);
        var positive = eta2.gt(TorchScalars.Zero);
        using var denominatorScalar = denominator.ToScalar();
        var gamma = ones_like(eta2).mul(denominatorScalar) / eta2.Times(numerator).Plus(denominator);
        return where(nonzero, where(positive, gamma, ones_like(gamma)), zeros_like(gamma));
    }

    /// <summary>
    /// η̂² = (v − a²)/a² elementwise for a &gt; 0, v ≥ 0, in the reference's form (AdamDecomposition.RelativeVariance, within
    /// 4 ulp there): where v/a² is outside (½, 2), (v/a − a)/a (no cancellation); inside, where v − a² cancels, with
    /// a = a′·2^k, a′ ∈ [½, 1) and v′ = v·2^-2k exactly (torch.frexp of a and v, and an exact power of two), as
    /// v′ − a′² with a′² = h² + 2hl + l² split exactly (Veltkamp: h, l the upper and lower halves of a′'s significand, so
    /// h², 2hl and l² are exact), v′ − h² exact by Sterbenz (within a factor 2 of each other but at the very edges of (½, 2),
    /// where nothing cancels), then two
    /// roundings: within 2u of v′ − a′² where the reference's fused multiply-add rounds once (the tensor API has no FMA
    /// whose contraction is guaranteed); then divided by a′ twice. Relative error within 5u of the dtype (the former
    /// (v/a − a)/a everywhere had an absolute error of u, relative 1 at v = a²(1 + 2^-50)).
    /// </summary>
    internal static Tensor RelativeVariance(Tensor a, Tensor v)
    {
        var ratio = v / a / a;
        var far = (v / a - a) / a;
        var (aMantissa, aExponent) = frexp(a);
        var (vMantissa, vExponent) = frexp(v);
        var shift = vExponent - aExponent.Times(2);                      // v′ = vMantissa·2^shift; shift ∈ [−3, 2] where near
        var near = ratio.gt(TorchScalars.OneHalf).logical_and(ratio.lt(TorchScalars.Two));
        var vScaled = TorchScaledRoot.ScaleByPowerOfTwo(vMantissa, where(near, shift, zeros_like(shift)));
        double splitter = a.dtype == ScalarType.Float64 ? 134217729.0 : 4097.0; // 2^⌈p/2⌉ + 1 (p = 53, 24)
        var c = aMantissa.Times(splitter);
        var high = c - (c - aMantissa);
        var low = aMantissa - high;
        var difference = vScaled - high * high - high.Times(2) * low - low * low;
        var close = difference / aMantissa / aMantissa;
        return where(near, close, far);
    }

    private static void RequireBeta(double beta, string name)
    {
        Require.Finite(beta, name);
        if (!(beta >= 0 && beta < 1))
            throw new ArgumentException($"{name} must be in [0, 1), got {Require.Show(beta)}.", name);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        rawFirst.Dispose();
        rawSecond.Dispose();
    }
}
