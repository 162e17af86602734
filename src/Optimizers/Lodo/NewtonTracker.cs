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
/// entry; where it overflowed, the
/// step is solved for g scaled by a power of two and scaled back, so a finite exact step is returned also where L⁻¹g (the
/// forward substitution) exceeds the range. A step whose exact entry exceeds double.MaxValue, or a g whose nonzero entries
/// span more than the double range where the plain solve overflowed, is a <see cref="DoubleRangeException"/> naming the
/// sample (it was a step of ±∞ or NaN); a non-finite gradient is an ArgumentException naming it. A g with a subnormal
/// entry is solved scaled too (its digits would otherwise be divided by √h &lt; 1 into a normal step: H = 3·2^-80,
/// g = 2^-1074 was 3811 ulp off). Accuracy for diagonal H (u = 2^-53): each entry within γ₄·|g_i/h_i| + 2^-1074 of the
/// exact −g_i/h_i, γ₄ = 4u/(1 − 4u) (√h, two divisions, the scaling back; (1 + u)²/(1 − u)² exceeds 1 + 4u); dense H: MathNet's backward-stable Cholesky solve. Left: where g
/// has a subnormal entry and spans more than 2^1022, or its scaled solve overflows (H far below 1), the plain solve is
/// kept, and a step entry from a subnormal g_i may keep only that subnormal's digits.
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
            // off). Solve for 2^-j·g, j the largest entry's exponent, and scale back: then an entry is ±∞ only where the exact
            // one exceeds the range, and a subnormal g_i is solved with its 53 bits.
            double largest = g.AbsoluteMaximum();
            int j = Math.ILogB(largest);
            int lossy = PowerOfTwoScaling.FirstEntryLosingDigits(g, j);
            if (lossy >= 0 && finite)
                return -plain; // g spans more than 2^1022 (the remarks' limit): the plain solve, as before
            if (lossy >= 0)
                throw new DoubleRangeException(
                    $"the Newton step −H⁻¹g overflowed and g spans more than the double range (|g[{lossy}]| = {Require.Show(Math.Abs(g[lossy]))} against the largest entry ≈ 2^{j}): scaled to the largest entry it would lose digits.",
                    nameof(sample));
            var scaled = h.Solve(g.Map(x => Math.ScaleB(x, -j)));
            if (finite && !scaled.All(x => double.IsFinite(x) && double.IsFinite(Math.ScaleB(x, j))))
                return -plain; // the scaled g's solve overflows (H far below 1): the plain solve, as before (the remarks' limit)
            for (int i = 0; i < scaled.Count; i++)
                if (!double.IsFinite(scaled[i]) || !double.IsFinite(Math.ScaleB(scaled[i], j)))
                    throw new DoubleRangeException(
                        $"the Newton step −H⁻¹g has entry {i} beyond the double range (H⁻¹g ≈ {Require.Show(scaled[i])}·2^{j}); the step is not computed.",
                        nameof(sample));
            return scaled.Map(x => -Math.ScaleB(x, j));
        }
    }
}
