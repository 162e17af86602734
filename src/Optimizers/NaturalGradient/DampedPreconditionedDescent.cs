using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.NaturalGradient;

/// <summary>
/// θ_{t+1} = θ_t − γ(B(θ_t) + λI)⁻¹∇R(θ_t) for a curvature matrix B the objective provides (balles-thesis eqs. D.31, D.32),
/// solved by Cholesky (B is positive semi-definite, so B + λI is positive definite for λ &gt; 0).
/// </summary>
public abstract class DampedPreconditionedDescent : StatelessOptimizer, IQuasiNewtonOptimizer
{
    /// <summary>Step size γ &gt; 0 and damping λ &gt; 0.</summary>
    protected DampedPreconditionedDescent(double stepSize, double damping)
    {
        StepSize = Require.Positive(stepSize, nameof(stepSize));
        Damping = Require.Positive(damping, nameof(damping));
    }

    /// <summary>γ.</summary>
    public double StepSize { get; }

    /// <summary>λ.</summary>
    public double Damping { get; }

    /// <summary>B(θ): the Fisher or the empirical Fisher.</summary>
    protected abstract Matrix<double> Curvature(IFisherObjective objective, Vector<double> theta);


    private static IFisherObjective Fisherable(IObjective objective) => objective as IFisherObjective
        ?? throw new ArgumentException($"objective {objective.Name} does not provide a Fisher (IFisherObjective).", nameof(objective));

    /// <summary>
    /// 2^-k(B(θ) + λI) for a checked objective, with k = 0 where the largest of |B_ij| and λ lies in [2^-100, 2^100] or
    /// above it with B + λI finite, and otherwise the even exponent that brings it into [1, 4): B + λI overflowed to ∞ for
    /// entries near double.MaxValue
    /// (diag(1e308) + 1e308·I gave a NaN step). An even k keeps the Cholesky factor an exact 2^(-k/2) multiple of the
    /// unscaled one, so ordinary inputs are bit for bit as before.
    /// </summary>
    /// <exception cref="ArgumentException">B(θ) has a NaN or infinite entry (the step would be NaN), naming <c>objective</c>.</exception>
    private (Matrix<double> Scaled, int Exponent) Damped(IFisherObjective objective, Vector<double> theta)
    {
        var curvature = Curvature(objective, theta);
        double largest = Damping;
        foreach (double b in curvature.Enumerate())
        {
            if (!double.IsFinite(b))
                throw new ArgumentException($"objective {objective.Name}: the curvature B(θ) has an entry {Require.Show(b)}; it must be finite.", nameof(objective));
            largest = Math.Max(largest, Math.Abs(b));
        }
        int k = Math.ILogB(largest);
        k = k >= -100 && k <= 100 ? 0 : k - (k & 1);
        // Scaling down only where B + λI itself overflows: 2^-k with a finite B + λI underflowed its small entries (λ = 1e-300
        // beside b = 1e308 became 0, "not positive definite"; Φ = γ(B + λI)⁻¹ for B = diag(1e308, 2^-60), λ = 2^-60 came out
        // (NaN, ∞), exact (≈1e-308, 2^59)), where the plain form, unchanged since before the range work, is exact.
        if (k > 0 && Enumerable.Range(0, curvature.RowCount).All(i => double.IsFinite(curvature[i, i] + Damping)))
            k = 0;
        return (curvature.Map(b => Math.ScaleB(b, -k)) + Math.ScaleB(Damping, -k) * Matrix<double>.Build.DenseIdentity(objective.Dimension), k);
    }

    /// <summary>The Cholesky factor of a damped curvature, with MathNet's "not positive definite" as an ArgumentException naming the objective.</summary>
    private static MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> Factor(IFisherObjective objective, Matrix<double> damped)
        => CholeskyFactor.Of(damped, nameof(objective),
            reason => $"objective {objective.Name}: B(θ) + λI is not positive definite in floating point ({reason}); B must be positive semi-definite.");

    /// <summary>
    /// −γ(B(θ) + λI)⁻¹∇R(θ), solved for 2^-k(B + λI) and 2^-j∇R (exact scalings, j as k but any integer) and scaled back by
    /// 2^(j−k) after the product with γ.
    /// <para>
    /// Documented range: every nonzero |∇R_i| at least 2^-1022 times the largest (else 2^-j∇R would lose the small entries'
    /// digits: B = diag(2^-20, 0), λ = 2^-1074, ∇R = (2^1000, 2^-1074) gave (−2^1020, −0), exact ≈ (−2^1020, −1)), and a
    /// scaled solve that stays finite. Beyond it the step is rejected, never returned wrong: a
    /// <see cref="DoubleRangeException"/> naming θ, also where the exact step is finite but B + λI, λ and ∇R together span
    /// more than the double range (λ = 2^-1074, ∇R = (0, 2^-1074), B = diag(0.5, 0): exact (0, −1), the scaled ∇R solves to
    /// 2^1074). Not closed: a solve whose result underflows on the way where the step does not.
    /// </para>
    /// </summary>
    /// <exception cref="ArgumentException">a non-finite curvature or gradient, or B + λI not positive definite (naming
    /// <c>objective</c>); a <see cref="DoubleRangeException"/> naming <c>theta</c> for a step beyond the double range or inputs
    /// outside the documented range above.</exception>
    public override Vector<double> Update(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var fo = Fisherable(objective);
        var (damped, k) = Damped(fo, theta);
        var gradient = objective.Gradient(theta);
        double largest = 0;
        for (int i = 0; i < gradient.Count; i++)
        {
            if (!double.IsFinite(gradient[i]))
                throw new ArgumentException($"objective {objective.Name}: ∇R(θ)[{i}] = {Require.Show(gradient[i])}; it must be finite.", nameof(objective));
            largest = Math.Max(largest, Math.Abs(gradient[i]));
        }
        int j = largest == 0 ? 0 : Math.ILogB(largest);
        // An ordinary gradient stays unscaled only with an unscaled matrix: against 2^-k(B + λI) an unscaled g was solved to
        // 2^k times the step (B = diag(1e308, 1), λ = 1, g = (0, 1e30): 2^1022·1e30/2 = ∞, and the exact step (0, −5e29)
        // was rejected as beyond the range with a NaN entry).
        if (k == 0 && j >= -100 && j <= 100) j = 0;
        int lossy = PowerOfTwoScaling.FirstEntryLosingDigits(gradient, j);
        if (lossy >= 0)
            throw new DoubleRangeException(
                $"objective {objective.Name}: ∇R(θ) spans more than the double range (|∇R[{lossy}]| = {Require.Show(Math.Abs(gradient[lossy]))} against the largest entry ≈ 2^{j}): scaled to the largest entry it would lose digits, and the step would be silently wrong; the documented range needs every nonzero |∇R_i| ≥ 2^-1022 times the largest.",
                nameof(theta));
        var solved = Factor(fo, damped).Solve(j == 0 ? gradient : gradient.Map(g => Math.ScaleB(g, -j)));
        var step = (-StepSize * solved).Map(x => Math.ScaleB(x, j - k));
        for (int i = 0; i < step.Count; i++)
            if (!double.IsFinite(step[i]))
                throw new DoubleRangeException(
                    $"the damped step at θ has entry {i} = {Require.Show(step[i])}: beyond the double range, or B + λI and ∇R together span more than it (the scaled solve overflowed); the step is not computed.",
                    nameof(theta));
        return step;
    }

    /// <summary>
    /// Φ = γ(B(θ) + λI)⁻¹ (elmo-amos Definition 3), as 2^-k·γ(2^-k(B + λI))⁻¹; an entry is ±∞ only where its exact value
    /// exceeds double.MaxValue (λ far below B's scale).
    /// </summary>
    public Matrix<double> Preconditioner(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var fo = Fisherable(objective);
        var (damped, k) = Damped(fo, theta);
        return (StepSize * damped.Inverse()).Map(x => Math.ScaleB(x, -k));
    }
}

/// <summary>NGD (eq. D.31): θ_{t+1} = θ_t − γ(F(θ_t) + λI)⁻¹∇R(θ_t).</summary>
public sealed class NaturalGradientDescent(double stepSize, double damping) : DampedPreconditionedDescent(stepSize, damping)
{
    /// <inheritdoc />
    public override string Name => $"ngd(γ={Require.Show(StepSize)},λ={Require.Show(Damping)})";

    /// <inheritdoc />
    protected override Matrix<double> Curvature(IFisherObjective objective, Vector<double> theta) => objective.Fisher(theta);
}

/// <summary>EFGD (eq. D.32): θ_{t+1} = θ_t − γ(F̃(θ_t) + λI)⁻¹∇R(θ_t).</summary>
public sealed class EmpiricalFisherGradientDescent(double stepSize, double damping) : DampedPreconditionedDescent(stepSize, damping)
{
    /// <inheritdoc />
    public override string Name => $"efgd(γ={Require.Show(StepSize)},λ={Require.Show(Damping)})";

    /// <inheritdoc />
    protected override Matrix<double> Curvature(IFisherObjective objective, Vector<double> theta) => objective.EmpiricalFisher(theta);
}
