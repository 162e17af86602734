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
/// returns Δθ_t. Counterpart of Verification.Optimizers.Stochastic (Adam, VarianceAdapted); the factors are evaluated
/// in the same cancellation-avoiding form: η̂² = max(0, (v/|m| − |m|)/|m|), no update where m = v = 0, ŝ₀ = 0.
/// </summary>
public sealed class TorchVarianceAdaptedStep : IDisposable
{
    private readonly Tensor rawFirst;
    private readonly Tensor rawSecond;
    private double power1 = 1, power2 = 1;

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
        rawFirst.mul_(Beta1).add_(g * (1 - Beta1));
        rawSecond.mul_(Beta2).add_(g * g * (1 - Beta2));
        power1 *= Beta1;
        power2 *= Beta2;
        int t = Iteration++;
        var m = rawFirst / (1 - power1);
        var v = rawSecond / (1 - power2);
        Tensor delta;
        if (Method == VarianceAdaptedMethod.Adam)
        {
            var denominator = sqrt(v) + Epsilon;
            var safe = where(denominator.gt(0), denominator, ones_like(denominator));
            delta = where(denominator.gt(0), m / safe, zeros_like(m)) * (-StepSize);
        }
        else
        {
            var gamma = Factor(m, v, t);
            var direction = Method == VarianceAdaptedMethod.MSvag ? m : g;
            var skip = m.eq(0).logical_and(v.eq(0));
            delta = where(skip, zeros_like(m), gamma * direction * (-StepSize));
        }
        return delta.MoveToOuterDisposeScope();
    }

    /// <summary>γ = 1/(1 + κ/(1 − ρ)·η̂²) with κ = ρ (M-SVAG) or 1 (SVAG); 1 at t = 0 (ŝ₀ = 0) and 0 where m = 0.</summary>
    private Tensor Factor(Tensor m, Tensor v, int t)
    {
        var a = m.abs();
        var nonzero = a.gt(0);
        if (t == 0)
            return where(nonzero, ones_like(m), zeros_like(m));
        double p = Math.Pow(Beta1, t + 1);
        double rho = (1 - Beta1) * (1 + p) / ((1 + Beta1) * (1 - p));
        double kappa = Method == VarianceAdaptedMethod.MSvag ? rho : 1;
        var safeA = where(nonzero, a, ones_like(a));
        var eta2 = ((v / safeA - safeA) / safeA).clamp_min(0);
        var gamma = (eta2 * (kappa / (1 - rho)) + 1).reciprocal();
        return where(nonzero, gamma, zeros_like(gamma));
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
