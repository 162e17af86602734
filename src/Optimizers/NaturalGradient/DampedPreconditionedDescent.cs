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
    /// <see cref="DoubleRangeException"/> naming θ, also where the exact step is finite but the scaled solve overflows even
    /// for 2^-64 times its right-hand side, or cannot be scaled down without losing an entry's digits (until stop 44 also
    /// λ = 2^-1074, ∇R = (0, 2^-1074), B = diag(0.5, 0), exact (0, −1), whose scaled ∇R solves to 2^1074: now the exact step).
    /// A solve with an entry below 2^-1022 or 0 is done again for the gradient scaled up, the larger of x and ∇R at 2^1000,
    /// which closes the cases where the solution spans less than 2^2022; where an entry of x is still below 2^-1022 (or 0
    /// against a nonzero ∇R_i) the step is solved by parts (<see cref="ByParts"/>: each ∇R_i against its own column of the
    /// inverse at its own scale). Until stop 47 such a solution spanning more than 2^2022 was rejected where a step entry
    /// would have kept only a subnormal's digits, and a step entry below about 2^-1049 could come out 0. "A scaled solve that stays finite": the solve of 2^-k(B + λI)x = 2^-j∇R, j the largest entry's exponent
    /// (0 where k = 0, j is within ±100 and ∇R has no subnormal entry); where it overflows it is solved once more for
    /// 2^-64 times that right-hand side (stop 44: B = diag(2^-100, 0), λ = 2^-1074, ∇R = (0, 2^-500) solved to 2^1074 and
    /// was rejected for the exact step (0, −2^574)), where that keeps its nonzero entries normal; a step still beyond the
    /// range is rejected. Accuracy for diagonal B (u = 2^-53): each entry within γ₆·|s_i| + 2^-1074 of
    /// s_i = −γ∇R_i/(b_i + λ) (b + λ, √, two divisions, the product with γ; the powers of two exact but for a final scaling
    /// into the subnormals); dense B: the Cholesky solve's normwise error, by parts each column's solve (backward stable, and
    /// a column rescaled by 2^-64 may flush its subnormal entries) and their sum (n − 1 roundings).
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
        // And only without a subnormal entry: unscaled, the range check below measured the entries against 2^0, not the
        // largest, so g = (6.9e-18, −2.5e-308, −5.3e-314) (within 2^1022 of its largest) was rejected as spanning more than
        // the range; scaled, a subnormal entry is solved with its 53 bits.
        if (k == 0 && j >= -100 && j <= 100 && !PowerOfTwoScaling.HasSubnormalEntry(gradient)) j = 0;
        int lossy = PowerOfTwoScaling.FirstEntryLosingDigits(gradient, j);
        if (lossy >= 0)
            throw new DoubleRangeException(
                $"objective {objective.Name}: ∇R(θ) spans more than the double range (|∇R[{lossy}]| = {Require.Show(Math.Abs(gradient[lossy]))} against the largest entry ≈ 2^{j}): scaled to the largest entry it would lose digits, and the step would be silently wrong; the documented range needs every nonzero |∇R_i| ≥ 2^-1022 times the largest.",
                nameof(theta));
        var factor = Factor(fo, damped);
        var scaledGradient = j == 0 ? gradient : gradient.Map(g => Math.ScaleB(g, -j));
        var solved = factor.Solve(scaledGradient);
        // γ·x could underflow or overflow before 2^(j−k) brought it back (B ≈ 0, λ = 18.15, γ = 2e-265, ∇R = (−2.4e272,
        // 1.3e-26): the step's entry 1 was −0 for the exact −1.4e-292); see StepEntry.
        var step = solved.Map(x => StepEntry(x, j - k));
        // A solve that underflowed (an entry of x below 2^-1022, or 0) where γ would have lifted the step back into the range:
        // B = diag(1e300, 1), λ = 1e-300, γ = 1e300, ∇R = (1e-300, 1) gave x_0 = 1e-600 = 0 and the step (−0, −1e300), exact
        // (≈ −1e-300, −1e300). Solved again for the gradient scaled up by 2^p, p bringing the larger of x and the gradient to
        // 2^1000 (2^24 of headroom for the substitutions' intermediates), and γ applied by StepEntry, so γ·2^p·x does not
        // overflow before the scaling back; every scaling is exact, so where nothing underflowed the bits are the same.
        var (p, wider) = ResolveExponents(solved, scaledGradient);
        foreach (int q in wider > p ? new[] { wider, p } : [p])
        {
            if (q <= 0)
                break;
            var again = factor.Solve(scaledGradient.Map(g => Math.ScaleB(g, q)));
            if (again.All(double.IsFinite))
            {
                solved = again;
                step = again.Map(x => StepEntry(x, j - k - q));
                break;
            }
        }
        // A solve that overflowed where B + λI spans less than the range but λ is tiny beside ∇R's scale (B = diag(2^-100, 0),
        // λ = 2^-1074, ∇R = (0, 2^-500) solved to 2^1074 and was rejected, exact step (0, −2^574)): solved again for
        // 2^-OverflowResolve times the right-hand side (its largest entry in [1, 2) and λ_min ≥ 2^-1074, so the solution stays
        // below 2^(1075 − OverflowResolve)), where that keeps every nonzero entry of it normal, and scaled back with γ.
        if (!solved.All(double.IsFinite) && PowerOfTwoScaling.FirstEntryLosingDigits(scaledGradient, OverflowResolve) < 0)
        {
            var again = factor.Solve(scaledGradient.Map(g => Math.ScaleB(g, -OverflowResolve)));
            if (again.All(double.IsFinite))
            {
                solved = again;
                step = again.Map(x => StepEntry(x, j - k + OverflowResolve));
            }
        }
        // Still an entry of x below 2^-1022 (or, for a diagonal B, where x_i = g_i/m_ii cannot be 0, a 0 against a nonzero
        // ∇R_i): the solution spans more than the range, so no one scaling keeps every entry's digits. By parts instead,
        // x = Σ_i g_i·M⁻¹e_i (M = 2^-k(B + λI), g = 2^-j∇R), each part scaled on its own (see ByParts): a diagonal B's entries
        // then keep their digits however far they spread. (A dense B's exact 0, B = [[5, ½], [½, 4]] with ∇R = (½, 4), stays
        // the whole solve's.)
        if (solved.All(double.IsFinite) && Underflowed(solved, scaledGradient, damped))
            return ByParts(factor, scaledGradient, j - k);
        for (int i = 0; i < step.Count; i++)
            if (!double.IsFinite(step[i]))
                throw new DoubleRangeException(
                    $"the damped step at θ has entry {i} = {Require.Show(step[i])}: beyond the double range, or B + λI and ∇R together span more than it (the scaled solve overflowed); the step is not computed.",
                    nameof(theta));
        return step;
    }

    /// <summary>The power of two by which an overflowed solve's right-hand side is scaled down for its second solve.</summary>
    private const int OverflowResolve = 64;

    /// <summary>An entry of x subnormal, or 0 against a nonzero g_i where <paramref name="m"/> is diagonal (x_i = g_i/m_ii ≠ 0 there).</summary>
    private static bool Underflowed(Vector<double> x, Vector<double> g, Matrix<double> m)
    {
        bool zeroAgainstGradient = false;
        for (int i = 0; i < x.Count; i++)
        {
            if (x[i] != 0 && Math.Abs(x[i]) < PowerOfTwoScaling.MinNormal)
                return true;
            zeroAgainstGradient |= x[i] == 0 && g[i] != 0;
        }
        if (!zeroAgainstGradient)
            return false;
        for (int r = 0; r < m.RowCount; r++)
            for (int c = 0; c < m.ColumnCount; c++)
                if (r != c && m[r, c] != 0)
                    return false;
        return true;
    }

    /// <summary>
    /// −γ·x·2^n with x = M⁻¹g solved by parts, Σ_i g_i·M⁻¹e_i: each nonzero g_i = m_i·2^(t_i), m_i in [1, 2), solved as
    /// m_i·e_i, again at 2^-64 of it where that leaves [−2^1022, 2^1022] and scaled up to about 1 where its largest entry is
    /// below 1 (kept as first solved where that overflows; <see cref="ColumnSolve"/>, shared with NewtonTracker); each part's −γ·y_q·2^(t_i + shift + n) summed per entry in a
    /// <see cref="ScaledSum"/> (no partial sum leaves the range; one part, so γ's product and one rounding, per entry of a
    /// diagonal B), a sum that underflows to 0 keeping its sign (an empty one the sign of −γ·g_q). An entry beyond the range
    /// is a DoubleRangeException naming θ.
    /// </summary>
    private Vector<double> ByParts(MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> factor, Vector<double> g, int n)
    {
        int size = g.Count;
        if (ColumnSolve.Sums(factor, g, -StepSize, n, out int failed) is not { } sums)
            throw new DoubleRangeException(
                $"the damped step at θ is not computed: column {failed} of (B + λI)⁻¹ exceeds the double range even scaled down by 2^-{ColumnSolve.Retry}.",
                "theta");
        var step = Vector<double>.Build.Dense(size);
        for (int q = 0; q < size; q++)
        {
            double v = sums[q].Value;
            if (double.IsInfinity(v))
                throw new DoubleRangeException(
                    $"the damped step at θ has entry {q} beyond the double range (≈ {Require.Show(sums[q].Parts.Mantissa)}·2^{sums[q].Parts.Exponent}); the step is not computed.",
                    "theta");
            // An underflowed sum keeps its sign; an empty one is −γ·g_q/m_qq's zero for a diagonal M, as the whole solve gives it.
            step[q] = v != 0 ? v : sums[q].Parts.Mantissa > 0 ? 0.0 : sums[q].Parts.Mantissa < 0 ? -0.0 : double.IsNegative(g[q]) ? 0.0 : -0.0;
        }
        return step;
    }

    /// <summary>
    /// The exponent p of a re-solve for 2^-p·e_j where column j of the inverse lost digits: 1000 where it overflowed (its
    /// largest entry is at most 1/λ_min(2^-k(B + λI)) ≤ 2^1074 where B + λI is positive definite in floating point, so
    /// 2^-1000 keeps it finite); where an entry is subnormal, −p for the p ≤ 1000 that brings the largest entry toward
    /// 2^1000 (b = 0x1.ffffffffffffcp+1023, λ = 1, γ = 2^100: 1/b was subnormal and Φ 2 ulp off); 0 otherwise.
    /// </summary>
    private static int ColumnShift(Vector<double> column)
    {
        if (!column.All(double.IsFinite))
            return 1000;
        double largest = column.AbsoluteMaximum();
        // 2^p with p ≤ 1000: the right-hand side stays finite, and a subnormal entry comes out at least 2^-74.
        return PowerOfTwoScaling.HasSubnormalEntry(column) && Math.ILogB(largest) < 1000 ? Math.Max(Math.ILogB(largest) - 1000, -1000) : 0;
    }

    /// <summary>
    /// −γ·x·2^n: γ·x rounded once and scaled back wherever γ·x is a normal double (bit for bit the plain product), else
    /// γ's and x's significands multiplied and their exponents joined to n, so that γ·x neither underflows nor overflows
    /// before the scaling back. (γ's significand alone times x overflowed where γ·x did not: B = diag(1, 0),
    /// λ = 0.6·2^-1023, γ = 3/4, ∇R = (0, 1) solves to x_1 ≈ 1.67·2^1023, and 1.5·x_1 = ∞ rejected the step −1.25·2^1023.)
    /// </summary>
    private double StepEntry(double x, int n)
    {
        double product = StepSize * x;
        if (x == 0 || !double.IsFinite(x) || double.IsNormal(product))
            return Math.ScaleB(-product, n);
        int e = Math.ILogB(StepSize), ex = Math.ILogB(x);
        return Math.ScaleB(-(Math.ScaleB(StepSize, -e) * Math.ScaleB(x, -ex)), e + ex + n);
    }

    /// <summary>
    /// Exponents for a re-solve with 2^p times the right-hand side where the solve has an entry below 2^-1022 (0 included):
    /// Wider brings the largest |x| to 2^1000 with the right-hand side at most 2^1020 (tried first; stop 44: where ∇R's
    /// largest entry pinned p, B = diag(77, 9.7e307), λ = 1.5e32, ∇R = (7.5e50, 3.4e-253) kept x₂ subnormal and was
    /// rejected though x spans only 2^1921), P the larger of |x| and |∇R| to 2^1000 (2^24 of headroom for the
    /// substitutions' intermediates, tried where Wider's solve overflows); 0 where no entry underflowed, x is not finite or
    /// there is no headroom.
    /// </summary>
    private static (int P, int Wider) ResolveExponents(Vector<double> solved, Vector<double> rhs)
    {
        double largestSolved = 0;
        bool underflowed = false;
        foreach (double x in solved)
        {
            if (!double.IsFinite(x)) return (0, 0);
            largestSolved = Math.Max(largestSolved, Math.Abs(x));
            underflowed |= Math.Abs(x) < PowerOfTwoScaling.MinNormal;
        }
        double largestRhs = rhs.AbsoluteMaximum();
        if (!underflowed || largestRhs == 0) return (0, 0);
        int top = Math.ILogB(largestRhs);
        int wider = 1020 - top; // the right-hand side at 2^1020: the solution as far up as the right-hand side allows
        if (largestSolved > 0)
        {
            wider = Math.Min(wider, 1000 - Math.ILogB(largestSolved));
            top = Math.Max(top, Math.ILogB(largestSolved));
        }
        return (Math.Max(0, 1000 - top), Math.Max(0, wider));
    }

    /// <summary>
    /// Φ = γ(B(θ) + λI)⁻¹ (elmo-amos Definition 3), as 2^-k·γ(2^-k(B + λI))⁻¹; an entry is ±∞ only where its exact value
    /// exceeds double.MaxValue (λ far below B's scale).
    /// </summary>
    /// <remarks>
    /// γ·x·2^-k is formed as <see cref="StepEntry"/> forms the step's entries: rounded once and scaled back wherever γ·x is
    /// normal (bit for bit the former γ·x), else from γ's and x's significands, so a subnormal γ·x keeps its digits
    /// (λ = 3.5e-233, b = 0, γ = 4.78e-309 lost 72 ulp) and an overflowing one is not ∞ where Φ is in range. A column of
    /// the inverse that overflowed (an entry of 2^-k(B + λI) below 2^-1024 beside larger ones: B = diag(1, 0),
    /// λ = 1e-310) is solved again for 2^-1000·e_j, and one with a subnormal entry for 2^p·e_j, p ≤ 1000 bringing its
    /// largest entry toward 2^1000 (the first solve kept if that one overflows), each scaled back with γ. Where B + λI is singular in
    /// floating point (λ lost beside B: B = [[1, 1], [1, 1]], λ = 1e-20), an ArgumentException naming the objective, as
    /// Update's Cholesky gives (its inverse was ±∞ for the exact ≈ ±5e19). Accuracy for diagonal B (u = 2^-53):
    /// each entry within γ₃·|Φ_ii| + 2^-1074 of γ/(b_i + λ) (b_i + λ, the division, the product with γ), off-diagonal
    /// entries 0. Dense B carries MathNet's LU inverse's normwise error.
    /// </remarks>
    public Matrix<double> Preconditioner(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var fo = Fisherable(objective);
        var (damped, k) = Damped(fo, theta);
        var inverse = damped.Inverse();
        var phi = Matrix<double>.Build.Dense(inverse.RowCount, inverse.ColumnCount);
        MathNet.Numerics.LinearAlgebra.Factorization.LU<double>? lu = null;
        for (int j = 0; j < inverse.ColumnCount; j++)
        {
            var column = inverse.Column(j);
            int shift = ColumnShift(column);
            if (shift != 0)
            {
                lu ??= damped.LU();
                var rhs = Vector<double>.Build.Dense(inverse.RowCount);
                rhs[j] = Math.ScaleB(1.0, -shift);
                var again = lu.Solve(rhs);
                if (again.All(double.IsFinite))
                    column = again;
                else if (!column.All(double.IsFinite))
                    throw new ArgumentException(
                        $"objective {objective.Name}: B(θ) + λI is singular in floating point (column {j} of its inverse is not finite: λ = {Require.Show(Damping)} is lost beside B); B must be positive semi-definite and λ large enough to be seen beside it.",
                        nameof(objective));
                else
                    shift = 0;
            }
            for (int i = 0; i < column.Count; i++)
                phi[i, j] = -StepEntry(column[i], shift - k);
        }
        return phi;
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
