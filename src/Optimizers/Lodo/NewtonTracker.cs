using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Stochastic;

namespace Verification.Optimizers.Lodo;

/// <summary>
/// The Newton method with the true, fixed Hessian H: x_{t+1} = x_t − H⁻¹g_t (the optimum of lodo.md App. F.1). g_t is
/// the sampled gradient, so on the moving bowl it is the gradient at the current centre.
/// </summary>
/// <remarks>
/// Range: a step is that of MathNet's Cholesky solve (bit for bit) wherever that solve is finite and g has no subnormal
/// entry. Elsewhere (the solve overflowed, on the way or in the step, or g has a subnormal entry) the step is H⁻¹g solved
/// by parts, Σ_i g_i·H⁻¹e_i: each nonzero g_i = m_i·2^(j_i), m_i in [1, 2), solved as m_i·e_i (no digit of g_i lost), once
/// more scaled down by 2^-64 where that solution leaves [−2^1022, 2^1022] (H far below 1) or up to about 1 where its largest
/// entry is below 1 (H above 1, where it would underflow), the parts summed per entry in a ScaledSum (no partial sum leaves
/// the range; a diagonal H has one part per entry, rounded once), a sum that underflows to 0 keeping its sign. Where a part
/// cannot be formed (‖H⁻¹‖ beyond about 2^1086) g is solved whole, scaled to its largest entry and, that failing, at 2^-64
/// of it, or else the plain solve is kept where it is finite. A step whose exact
/// entry exceeds double.MaxValue is a <see cref="DoubleRangeException"/> naming the sample (it was a step of ±∞ or NaN); a
/// non-finite gradient is an
/// ArgumentException naming it. Before stop 47 a g spanning more than 2^1022 was solved plain where that was finite (a
/// subnormal g_i then kept only its own digits after L⁻¹ divided them by √h &lt; 1) and rejected where it was not, and a
/// scaled solve that overflowed fell back to the plain one; before stop 43 every subnormal g_i was solved plain
/// (H = 3·2^-80, g = 2^-1074 was 3811 ulp off). Accuracy for diagonal H (u = 2^-53): each entry within
/// γ₄·|g_i/h_i| + 2^-1074 of the exact −g_i/h_i, γ₄ = 4u/(1 − 4u) (√h, two divisions, the scaling back; (1 + u)²/(1 − u)²
/// exceeds 1 + 4u; every other part adds a zero there); dense H: MathNet's backward-stable Cholesky solve per part, the
/// parts summed (n − 1 roundings); where a part's retried solve still overflows and no whole solve of g is finite, a
/// rejection that says so.
/// </remarks>
public sealed class NewtonTracker : StochasticOptimizer
{
    private readonly MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> cholesky;

    /// <summary>H symmetric positive definite.</summary>
    public NewtonTracker(Matrix<double> hessian)
    {
        Require.Symmetric(hessian, nameof(hessian));
        cholesky = CholeskyFactor.Of(hessian, nameof(hessian), reason => "hessian must be positive definite: " + reason);
    }

    /// <inheritdoc />
    public override string Name => "newton";

    /// <inheritdoc />
    protected override IStepRule CreateRule(IObjective objective, int dimension) => new Rule(cholesky);

    private sealed class Rule(MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> h) : IStepRule
    {
        public int BatchSize => 1;

        public Vector<double> Step(Vector<double> theta, GradientSample sample, int t)
        {
            var g = sample.Gradient;
            Require.Finite(g, nameof(sample));
            var plain = h.Solve(g);
            // (All, not Any: MathNet's dense triangular solves multiply by every entry of L, zeros included, so one
            // non-finite entry makes the others NaN (0·∞), and the two read the same; All says what is meant.)
            bool finite = plain.All(double.IsFinite);
            if (finite && !PowerOfTwoScaling.HasSubnormalEntry(g))
                return -plain;
            // The plain solve overflowed: on the way (L⁻¹g beyond the range while H⁻¹g is not: H = [[1/2, 3/8], [3/8, 1/2]],
            // g = (1.5e308, 1.5e308) gave (−∞, ∞) for the exact step −(8/7)g), or in the step itself. Or g has a subnormal
            // entry, whose few digits L⁻¹ divides by √h < 1 into a normal step (H = 3·2^-80, g = 2^-1074 gave a step 3811 ulp
            // off). H⁻¹g = Σ_i g_i·H⁻¹e_i (a linear solve adds up): each nonzero g_i = m_i·2^(j_i), m_i in [1, 2), is solved as
            // m_i·e_i, once more scaled down by 2^-64 (ColumnSolve) where the solution leaves [−2^1022, 2^1022] (H far below 1) or up
            // to about 1 where its largest entry is below 1 (H above 1, where it might underflow); the parts, each m·2^e, are
            // summed per entry in a ScaledSum (no partial sum leaves the range; one part, so one rounding, for a diagonal H),
            // and a sum that underflows to 0 keeps its own sign.
            int n = g.Count;
            if (ColumnSolve.Sums(h, g, 1, 0, out int failed) is not { } sums)
                return WholeSolve(h, g, plain, failed, sample);
            var step = Vector<double>.Build.Dense(n);
            for (int k = 0; k < n; k++)
            {
                double x = sums[k].Value;
                if (double.IsInfinity(x))
                    throw new DoubleRangeException(
                        $"the Newton step −H⁻¹g has entry {k} beyond the double range (H⁻¹g ≈ {Require.Show(sums[k].Parts.Mantissa)}·2^{sums[k].Parts.Exponent}); the step is not computed.",
                        nameof(sample));
                if (x == 0 && sums[k].Parts.Mantissa < 0)
                    x = -0.0; // Value's +0 for an underflowed sum: the sum's own sign instead
                step[k] = -x;
            }
            return step;
        }

        /// <summary>
        /// Where a column H⁻¹e_i exceeds the range even scaled down (a dense H with ‖H⁻¹‖ beyond about 2^1086), the parts
        /// cannot be formed, but g's combination may still cancel: H⁻¹g solved whole, g scaled to its largest entry (where
        /// no entry of g loses a digit in that scaling), and again at 2^-64 of it, each scaled back; else the plain solve
        /// where it is finite (an H that ill-conditioned has only the solve's normwise accuracy anyway); else a
        /// DoubleRangeException naming the sample.
        /// </summary>
        private static Vector<double> WholeSolve(
            MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> h, Vector<double> g, Vector<double> plain, int column, GradientSample sample)
        {
            int j = Math.ILogB(g.AbsoluteMaximum());
            if (PowerOfTwoScaling.FirstEntryLosingDigits(g, j) < 0)
                foreach (int extra in new[] { 0, ColumnSolve.Retry })
                {
                    var step = h.Solve(g.Map(x => Math.ScaleB(x, -j - extra))).Map(x => -Math.ScaleB(x, j + extra));
                    if (step.All(double.IsFinite))
                        return step;
                }
            if (plain.All(double.IsFinite))
                return -plain;
            throw new DoubleRangeException(
                $"the Newton step −H⁻¹g is not computed: column {column} of H⁻¹ exceeds the double range even scaled down by 2^-{ColumnSolve.Retry} (H is that ill-conditioned), and no whole solve of g, plain or scaled, is finite.",
                nameof(sample));
        }
    }
}
