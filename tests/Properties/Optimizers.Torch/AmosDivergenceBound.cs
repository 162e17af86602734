using MathNet.Numerics.LinearAlgebra;
using Xunit.Sdk;
using Verification.Optimizers.Stochastic;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Properties.Optimizers.Torch;

/// <summary>
/// How far the tensor AMOS may drift from the reference AMOS on f(θ) = ½θᵀDθ + (c/6)(uᵀθ)³ (<see cref="TorchOptimizerCase"/>),
/// derived per operation and carried along the reference run, in the working precision's unit roundoff 𝐮 (2⁻⁵³ for float64,
/// 2⁻²⁴ for float32; the float64 reference's own rounding is smaller and is covered by the same terms).
/// <list type="bullet">
/// <item>Rounding of one evaluation, per side: ∇f_i within γ_{n+4}·G_i, G_i = Σ_j|D_ij||θ_j| + (|c|/2)(Σ_j|u_j||θ_j|)²|u_i|
/// (an n-term product Dθ, then s², c/2, u_i, the sum; autograd's ½(Dθ + Dᵀθ) has the same count), and H_ii within
/// γ_{n+4}·(|D_ii| + |c|u_i²Σ_j|u_j||θ_j|); γ_k = k𝐮. Float32 also rounds D, u, c once: ≤ 4𝐮 more of the same scales.</item>
/// <item>Propagation of a drift e = ‖θ_T − θ_R‖_∞: |Δ∇f_i| ≤ (Σ_j|D_ij| + |c|(|s| + ‖u‖₁e)|u_i|‖u‖₁)·e and
/// |ΔH_ii| ≤ |c|u_i²‖u‖₁·e (the derivatives of the closed forms ∇f = Dθ + (c/2)s²u, H_ii = D_ii + c s u_i², s = uᵀθ).</item>
/// <item>Line 5: |Δslope| ≤ (|Δλ_t| + |Δλ_{t−1}| + slope·|Δd|)/(ε₂ + d − |Δd|) + 4𝐮·slope with |Δd| ≤ √n(e_t + e_{t−1}) + 2n𝐮d,
/// and L's drift is the same running average of these. An assignment is certified only where the reference's L (or its
/// tensor's mean or max) is farther from L_thresh than its drift bound; otherwise <see cref="Advance"/> throws, since the
/// runs may then legitimately part.</item>
/// <item>SGD: |Δ(−ηg)| ≤ η|Δg| + 2𝐮η|g|. Sophia: m and h move as β₁m + (1 − β₁)g and β₂h + (1 − β₂)H_ii with drifts
/// β·e + (1 − β)·e' + 6𝐮(β|·| + (1 − β)|·|); the step −η·clip(m/max(ρh, ε), 1) is bounded by interval arithmetic over
/// m ± e_m and max(ρ(h ± e_h), ε), so a step clipped on both sides has no drift at all.</item>
/// <item>θ + Δθ: e' ≤ e + |ΔΔθ| + 2𝐮|θ'|.</item>
/// </list>
/// These are first-order bounds (products of two drifts, ≤ 1e-20 here, are dropped); the tests allow twice the bound.
/// The reference's internal Sophia moments are recomputed here from the reference path with the same recurrences.
/// </summary>
internal sealed class AmosDivergenceBound
{
    private readonly TorchOptimizerCase problem;
    private readonly AmosSettings settings;
    private readonly CoordinatewiseOptimizer[] slots;
    private readonly double unit;
    private readonly double dataRounding;
    private readonly int n;
    private readonly double uNorm1;
    private readonly SophiaModel?[] sophia;
    private readonly double[] lipschitzDrift;
    private double[]? lambdaBefore, lambdaDriftBefore;
    private Vector<double>? thetaBefore;
    private double driftBefore;
    private int iteration;

    /// <summary>The bound for a run of <paramref name="first"/> | <paramref name="second"/> in unit roundoff <paramref name="unitRoundoff"/>.</summary>
    internal AmosDivergenceBound(TorchOptimizerCase problem, AmosSettings settings, CoordinatewiseOptimizer first, CoordinatewiseOptimizer second, double unitRoundoff, bool roundsData)
    {
        this.problem = problem;
        this.settings = settings;
        slots = [first, second];
        unit = unitRoundoff;
        dataRounding = roundsData ? 4 * unitRoundoff : 0;
        n = problem.Theta.Count;
        uNorm1 = problem.U.L1Norm();
        sophia = [.. slots.Select(o => o is SophiaDiagonal s ? new SophiaModel(s, n) : null)];
        lipschitzDrift = new double[n];
        // θ₀ itself is rounded once in float32.
        Drift = roundsData ? unitRoundoff * problem.Theta.AbsoluteMaximum() : 0;
    }

    /// <summary>The current bound on ‖θ_tensor − θ_reference‖_∞ (first order; compare against twice it).</summary>
    internal double Drift { get; private set; }

    /// <summary>
    /// Advances the bound over one step from the reference's θ_t to θ_{t+1}, given the reference's assignment and
    /// constants after that step. Throws when an assignment cannot be certified (L within its drift of L_thresh).
    /// </summary>
    internal void Advance(Vector<double> theta, Vector<double> next, IReadOnlyList<bool> firstOrder, Vector<double> lipschitz)
    {
        double e = Drift;
        double s = problem.U.DotProduct(theta);
        double sAbs = problem.U.PointwiseAbs().DotProduct(theta.PointwiseAbs());
        var gradient = problem.Reference.Gradient(theta);
        var lambda = new double[n];
        var gradientDrift = new double[n];
        var lambdaDrift = new double[n];
        double evaluation = 2 * (n + 4) * unit + dataRounding;
        for (int i = 0; i < n; i++)
        {
            double g = 0, k = 0;
            for (int j = 0; j < n; j++)
            {
                g += Math.Abs(problem.D[i, j] * theta[j]);
                k += Math.Abs(problem.D[i, j]);
            }
            double ui = Math.Abs(problem.U[i]);
            g += Math.Abs(problem.C) / 2 * sAbs * sAbs * ui;
            k += Math.Abs(problem.C) * (Math.Abs(s) + uNorm1 * e) * ui * uNorm1;
            gradientDrift[i] = k * e + evaluation * g;
            lambda[i] = problem.D[i, i] + problem.C * s * problem.U[i] * problem.U[i];
            lambdaDrift[i] = Math.Abs(problem.C) * ui * ui * uNorm1 * e
                + evaluation * (Math.Abs(problem.D[i, i]) + Math.Abs(problem.C) * ui * ui * sAbs);
        }

        if (iteration % settings.HessianEvery == 0)
        {
            if (lambdaBefore is not null && lambdaDriftBefore is not null && thetaBefore is not null)
            {
                double d = (theta - thetaBefore).L2Norm();
                double dDrift = Math.Sqrt(n) * (e + driftBefore) + 2 * n * unit * d;
                if (!(settings.Epsilon2 + d - dDrift > 0))
                    throw new XunitException($"t = {iteration}: the step distance {d:R} is within its drift {dDrift:R}; the case cannot be certified.");
                for (int i = 0; i < n; i++)
                {
                    double slope = Math.Abs(lambda[i] - lambdaBefore[i]) / (settings.Epsilon2 + d);
                    double slopeDrift = (lambdaDrift[i] + lambdaDriftBefore[i] + slope * dDrift) / (settings.Epsilon2 + d - dDrift) + 4 * unit * slope;
                    lipschitzDrift[i] = settings.AlphaL * lipschitzDrift[i] + (1 - settings.AlphaL) * slopeDrift + 4 * unit * lipschitz[i];
                }
            }
            lambdaBefore = lambda;
            lambdaDriftBefore = lambdaDrift;
            thetaBefore = theta;
            driftBefore = e;
            CertifyAssignment(firstOrder, lipschitz);
        }

        var stepDrift = new double[n];
        for (int slot = 0; slot < 2; slot++)
        {
            var owned = Enumerable.Range(0, n).Where(i => firstOrder[i] == (slot == 0)).ToArray();
            if (slots[slot] is Sgd sgd)
            {
                foreach (int i in owned)
                    stepDrift[i] = sgd.StepSize * gradientDrift[i] + 2 * unit * sgd.StepSize * Math.Abs(gradient[i]);
            }
            else
            {
                sophia[slot]!.Advance(owned, gradient.ToArray(), gradientDrift, lambda, lambdaDrift, unit, stepDrift);
            }
        }
        double worst = 0;
        for (int i = 0; i < n; i++)
            worst = Math.Max(worst, stepDrift[i] + 2 * unit * Math.Abs(next[i]));
        Drift = e + worst;
        iteration++;
    }

    private void CertifyAssignment(IReadOnlyList<bool> firstOrder, Vector<double> lipschitz)
    {
        var groups = settings.Assignment == AmosAssignment.PerCoordinate || settings.Tensors is null
            ? Enumerable.Range(0, n).Select(i => new[] { i }).ToArray()
            : settings.Tensors;
        foreach (var group in groups)
        {
            double aggregate = settings.Assignment == AmosAssignment.PerTensorMax ? group.Max(i => lipschitz[i]) : group.Average(i => lipschitz[i]);
            double drift = group.Max(i => lipschitzDrift[i]) + 2 * group.Length * unit * aggregate;
            if (!(Math.Abs(aggregate - settings.LThreshold) > drift))
                throw new XunitException(
                    $"t = {iteration}: L (aggregate {aggregate:R}) is within its drift {drift:R} of L_thresh {settings.LThreshold:R}; the assignment cannot be certified, pick another case.");
            if (group.Any(i => firstOrder[i] != aggregate > settings.LThreshold))
                throw new XunitException($"t = {iteration}: the reference assigned [{string.Join(",", group.Select(i => firstOrder[i]))}] with aggregate L {aggregate:R}.");
        }
    }

    /// <summary>The reference Sophia's moments along the reference path, and their drift bounds.</summary>
    private sealed class SophiaModel(SophiaDiagonal sophia, int n)
    {
        private readonly double[] m = new double[n], h = new double[n], mDrift = new double[n], hDrift = new double[n];
        private int steps;

        internal void Advance(int[] owned, double[] gradient, double[] gradientDrift, double[] lambda, double[] lambdaDrift, double unit, double[] stepDrift)
        {
            if (owned.Length == 0)
                return;
            bool refresh = steps % sophia.HessianEvery == 0;
            steps++;
            double b1 = sophia.Beta1, b2 = sophia.Beta2;
            foreach (int i in owned)
            {
                mDrift[i] = b1 * mDrift[i] + (1 - b1) * gradientDrift[i] + 6 * unit * (b1 * Math.Abs(m[i]) + (1 - b1) * Math.Abs(gradient[i]));
                m[i] = b1 * m[i] + (1 - b1) * gradient[i];
                if (refresh)
                {
                    hDrift[i] = b2 * hDrift[i] + (1 - b2) * lambdaDrift[i] + 6 * unit * (b2 * Math.Abs(h[i]) + (1 - b2) * Math.Abs(lambda[i]));
                    h[i] = b2 * h[i] + (1 - b2) * lambda[i];
                }
                double step = Step(m[i], h[i]);
                double worst = 0;
                foreach (double mm in new[] { m[i] - mDrift[i], m[i] + mDrift[i] })
                    foreach (double hh in new[] { h[i] - hDrift[i], h[i] + hDrift[i] })
                        worst = Math.Max(worst, Math.Abs(Step(mm, hh) - step));
                // The step is monotone in m and in max(ρh, ε) on each side of m = 0, so the corners bound it; where the
                // m-interval contains 0 the step passes through 0 and the corners still enclose it.
                stepDrift[i] = worst + 2 * unit * Math.Abs(step) * 2;
            }
        }

        private double Step(double mm, double hh) =>
            -sophia.LearningRate * Math.Clamp(mm / Math.Max(sophia.Rho * hh, sophia.Epsilon), -1, 1);
    }
}
