using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Lodo;
using Verification.Optimizers.Lodo;
using Verification.Optimizers.SecondOrder;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// lodo.md App. F.1: the Newton method's loss on the noisy quadratic bowl "can be analytically calculated to be 7.412v".
/// Newton jumps to x*_t, the centre then moves by s_t ~ N(0, vI): E ℓ = ½E[sᵀHs] = ½v·tr(H), tr H = Σ_{i=0}^{99} 0.001·1000^{i/99}
/// (<see cref="NoisyBowlFormulas"/>, written once). The Monte Carlo check runs the reference Newton tracker on the
/// reference bowl and is a statistical statement with a rigorous concentration bound.
/// </summary>
internal static class AppF1Newton
{
    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "lodo/app-F.1-newton",
            LodoSources.Of("App. F.1", null, "F.1, 5.1"),
            "On the noisy quadratic bowl (n = 100, H = UDUᵀ, D geometric from 0.001 to 1, centre perturbed by N(0, vI)), the Newton method's loss can be analytically calculated to be 7.412v.",
            "The centre is a random walk x*_{t+1} = x*_t + s_t (\"due to the random wandering of the center, the expected loss rises linearly\"); Newton steps to x*_t and is scored at x*_{t+1}. The spectrum is 0.001·1000^{i/99}, i = 0..99, as described; 7.412 is read to its four digits.",
            [new Analytic(iid: false), new MonteCarlo()]);
        yield return new Claim(
            "lodo/app-F.1-newton/iid-offset",
            LodoSources.Of("App. F.1", null, "F.1"),
            "The same constant 7.412v when \"whenever the loss and gradient are evaluated, the center is perturbed by a random offset\" is read as a fresh i.i.d. offset of a fixed centre.",
            "The sentence admits a centre that is re-drawn around the origin at each evaluation instead of wandering; the two readings differ by a factor 2 in Newton's loss.",
            [new Analytic(iid: true)]);
    }

    /// <summary>½tr(H) of the paper's spectrum, written once.</summary>
    internal static T HalfTrace<T>() where T : IReal<T> =>
        NoisyBowlFormulas.SpectrumSum(NoisyBowlFormulas.PaperDimension, NoisyBowlFormulas.PaperSmallest<T>(), NoisyBowlFormulas.PaperLargest<T>()) / 2;

    /// <summary>7.412 and half a unit of its last digit.</summary>
    private static (T Stated, T HalfUnit) Stated<T>() where T : IReal<T> => (T.Ratio(7412, 1000), T.Ratio(5, 10000));

    /// <summary>|factor·½v·tr H − 7.412v| ≤ 0.0005v.</summary>
    internal sealed class Analytic : Statement<double>
    {
        private readonly bool _iid;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Analytic(bool iid)
        {
            _iid = iid;
            Name = iid ? "iid-offset-analytic" : "random-walk-analytic";
            Description = iid
                ? "For v > 0: with the centre an i.i.d. N(0, vI) offset at every evaluation, Newton's expected loss v·tr(H) rounds to 7.412v (|v·tr H − 7.412v| ≤ 0.0005v)."
                : "For v > 0: Newton's expected loss ½v·tr(H) (centre a random walk) rounds to 7.412v: |½v·tr H − 7.412v| ≤ 0.0005v.";
            Tolerance = "The paper's four significant digits: half a unit in the last place, 0.0005v. tr H = 0.001(1000r − 1)/(r − 1) with r = 1000^{1/99} (the geometric sum, r^{99} = 1000), enclosed exactly with r = exp(ln 1000/99).";
            MarginUnit = "relative to v";
            Domain = new Domain<double>
            {
                Generator = EdgeDoubles.Positive(1e-3, 1e3),
                Edges = () => [1.0, 0.01, 100.0],
                Perturb = (v, r) => EdgeDoubles.Perturb(v, r, 1e-3, 1e3),
                Shrink = v => Simplicity.Candidates(v).Where(c => c > 0),
                Describe = v => [NamedValue.Of("v", v)],
            };
            // Both sides are of degree 1 in v (tr H is a constant), so v ↦ μv maps every v > 0 to the chart v = 1.
            Proofs =
            [
                new ProofDomain<double>
                {
                    Box = [new ProofCoordinate("v", 1, 1)],
                    At = x => x[0],
                    Reduction = "v ↦ μv with μ > 0 maps every v > 0 to v = 1",
                    Scaling = [[1]],
                    CoversStatedDomain = true,
                },
            ];
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            var v = Assume.Positive(T.Input(input), "v > 0");
            var (stated, halfUnit) = Stated<T>();
            var loss = (_iid ? 2 : 1) * HalfTrace<T>() * v;
            return Relation.LessOrEqual(T.Abs(loss - stated * v), halfUnit * v, v);
        }

        public override string Explain(double input) => _iid
            ? "Under the i.i.d.-offset reading the Newton iterate x_{t+1} = c_t is compared with an independent centre c_{t+1}, so the displacement has covariance 2vI and the loss is v·tr(H) ≈ 14.82v, twice the stated 7.412v; the constant assumes the random-walk centre (\"random wandering\")."
            : "½v·tr(H) does not round to 7.412v.";
    }

    /// <summary>Newton steps simulated per seed.</summary>
    internal const int Steps = 1000;

    private static readonly ConcurrentDictionary<int, double[]> Simulations = new();

    /// <summary>ℓ_1 … ℓ_Steps of the reference Newton tracker on the reference bowl (n = 100, v = 1, rotation and noise seeded).</summary>
    internal static double[] Losses(int seed) => Simulations.GetOrAdd(seed, s =>
    {
        var bowl = NoisyQuadraticBowl.Paper(1.0, s);
        return [.. NoisyBowlSimulation.Run(bowl, new NewtonTracker(bowl.Hessian), Steps, s + 1).Losses];
    });

    /// <summary>
    /// The mean of Newton's simulated losses lies within a Laurent–Massart interval of 7.412 (widened by the paper's
    /// rounding): a statistical statement at the run's per-test error rate δ.
    /// </summary>
    internal sealed class MonteCarlo : StatisticalStatement<int>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public MonteCarlo()
        {
            Name = "random-walk-simulation";
            Description = $"Newton (the reference tracker) on the reference bowl (n = 100, seeded rotation, v = 1) for {Steps} steps, seeds 0…4: the mean loss M satisfies |M − 7.412| ≤ w + 0.0005, w the half-width at level 1 − δ below.";
            Tolerance = "Statistical, rigorous up to δ (the catalog's per-test share of its family-wise error rate). Newton lands on x*_t, so ℓ_t = ½s_tᵀHs_t = ½Σ d_i z_i² with z i.i.d. N(0, 1), independent across steps. Laurent–Massart's bounds for weighted χ² give P(|M − E M| > w) ≤ δ with w = ‖d‖₂√(x/m) + max d·x/m, x = ln(2/δ), m the number of steps; w is computed with outward rounding (‖d‖₂² = Σ d_i² in closed form), and M is the exact mean of the simulated double losses.";
            MarginUnit = "relative to 7.412";
            Domain = new Domain<int>
            {
                Generator = Gen.Choose(0, 4),
                Edges = () => [0, 1, 2, 3, 4],
                EdgesAreExhaustive = true,
                Describe = s => [NamedValue.Of("seed", s)],
            };
        }

        public override Relation<T> Evaluate<T>(int seed)
        {
            var losses = Losses(seed);
            T sum = T.Of(0);
            foreach (double l in losses)
                sum += T.Of(l);
            var mean = sum / losses.Length;
            var (stated, halfUnit) = Stated<T>();
            var x = T.Log(2 / T.Of(Delta));
            var m = (T)losses.Length;
            var norm = T.Sqrt(NoisyBowlFormulas.SpectrumSquareSum(NoisyBowlFormulas.PaperDimension, NoisyBowlFormulas.PaperSmallest<T>(), NoisyBowlFormulas.PaperLargest<T>()));
            var halfWidth = norm * T.Sqrt(x / m) + NoisyBowlFormulas.PaperLargest<T>() * x / m;
            return Relation.LessOrEqual(T.Abs(mean - stated), halfWidth + halfUnit, stated)
                .Labelled($"Monte Carlo, {losses.Length} steps, Laurent–Massart at level 1 − {Delta:G2}");
        }

        public override string Explain(int seed) => "The simulated mean loss of Newton is not consistent with 7.412v.";
    }
}
