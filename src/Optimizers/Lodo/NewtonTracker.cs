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
/// by parts: g's nonzero entries in groups spanning at most 2^958 each, each group scaled by a power of two to a largest
/// entry in [1, 2) (so no entry loses a digit), solved, solved once more for 2^-64 times it where an entry leaves
/// [−2^1022, 2^1022] (H far below 1), and scaled back, the parts added. A step whose exact entry exceeds double.MaxValue is
/// a <see cref="DoubleRangeException"/> naming the sample (it was a step of ±∞ or NaN); a non-finite gradient is an
/// ArgumentException naming it. Before stop 47 a g spanning more than 2^1022 was solved plain where that was finite (a
/// subnormal g_i then kept only its own digits after L⁻¹ divided them by √h &lt; 1) and rejected where it was not, and a
/// scaled solve that overflowed fell back to the plain one; before stop 43 every subnormal g_i was solved plain
/// (H = 3·2^-80, g = 2^-1074 was 3811 ulp off). Accuracy for diagonal H (u = 2^-53): each entry within
/// γ₄·|g_i/h_i| + 2^-1074 of the exact −g_i/h_i, γ₄ = 4u/(1 − 4u) (√h, two divisions, the scaling back; (1 + u)²/(1 − u)²
/// exceeds 1 + 4u; every other group adds an exact 0 there); dense H: MathNet's backward-stable Cholesky solve, per group,
/// the groups' parts added (one rounding each), and a dense H so ill-conditioned that a group's retried solve still
/// overflows is rejected as beyond the range.
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
            // off). H⁻¹g = Σ_k 2^(j_k)·H⁻¹(2^-(j_k)·g_k) for g split into groups g_k of entries within 2^GroupSpan of their
            // largest, 2^(j_k) (a linear solve adds up): each group is solved with its entries at most 2 and at least
            // 2^-958, so none loses a digit, once more for 2^-64 times them where that solve leaves [−2^1022, 2^1022]
            // (H far below 1), and scaled back; an entry is then ±∞ only where the exact one exceeds the range.
            var step = Vector<double>.Build.Dense(g.Count);
            foreach (var (top, members) in Groups(g))
            {
                var part = Vector<double>.Build.Dense(g.Count, i => members.Contains(i) ? Math.ScaleB(g[i], -top) : 0.0);
                int shift = top;
                var solved = h.Solve(part);
                if (!solved.All(x => Math.Abs(x) <= Bound))
                {
                    solved = h.Solve(part.Map(x => Math.ScaleB(x, -Retry)));
                    shift += Retry;
                }
                for (int i = 0; i < solved.Count; i++)
                {
                    double back = Math.ScaleB(solved[i], shift);
                    if (!double.IsFinite(solved[i]) || !double.IsFinite(back) || !double.IsFinite(step[i] + back))
                        throw new DoubleRangeException(
                            $"the Newton step −H⁻¹g has entry {i} beyond the double range (H⁻¹g ≈ {Require.Show(solved[i])}·2^{shift}{(members.Count < g.Count ? " from part of g" : "")}); the step is not computed.",
                            nameof(sample));
                    step[i] += back;
                }
            }
            return -step;
        }

        /// <summary>958 = 1022 − <see cref="Retry"/>: a group's entries, scaled to a largest in [1, 2), stay normal after the retry.</summary>
        private const int GroupSpan = 958;

        /// <summary>The retry's extra scaling: with a diagonal H a group's |2^-j·g_i/h_i| &lt; 2/2^-1074 = 2^1075, below 2^1022 after it.</summary>
        private const int Retry = 64;

        /// <summary>2^1022: a solved group entry beyond it is solved again, scaled down by 2^-<see cref="Retry"/>.</summary>
        private static readonly double Bound = Math.ScaleB(1.0, 1022);

        /// <summary>The nonzero entries of g in groups from the largest down, each (ILogB of its largest, its indices) spanning at most 2^GroupSpan.</summary>
        private static List<(int Top, HashSet<int> Members)> Groups(Vector<double> g)
        {
            var order = Enumerable.Range(0, g.Count).Where(i => g[i] != 0).OrderByDescending(i => Math.ILogB(g[i])).ToArray();
            var groups = new List<(int Top, HashSet<int> Members)>();
            foreach (int i in order)
            {
                int e = Math.ILogB(g[i]);
                if (groups.Count == 0 || e < groups[^1].Top - GroupSpan)
                    groups.Add((e, []));
                groups[^1].Members.Add(i);
            }
            return groups;
        }
    }
}
