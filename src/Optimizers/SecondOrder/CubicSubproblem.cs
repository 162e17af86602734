using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.SecondOrder;

/// <summary>The global minimizer s of ARC's model m(s) = ∇fᵀs + ½sᵀHs + (σ/3)‖s‖³ and its predicted decrease −m(s).</summary>
/// <param name="Step">s.</param>
/// <param name="Shift">μ = σ‖s‖, with H + μI ⪰ 0.</param>
/// <param name="PredictedDecrease">m(0) − m(s) ≥ 0.</param>
/// <param name="HardCase">True when ∇f has no component along the leftmost eigenspace and s was completed along it.</param>
public sealed record CubicSubproblemSolution(Vector<double> Step, double Shift, double PredictedDecrease, bool HardCase);

/// <summary>
/// Solves ARC's cubic subproblem exactly in the eigenbasis of H (Cartis, Gould &amp; Toint 2011, Thm 3.1): the global
/// minimizer is s(μ) = −(H + μI)⁻¹∇f with μ = σ‖s(μ)‖ and μ ≥ max(0, −λ_1), found by bisection on the decreasing
/// secular function σ‖s(μ)‖ − μ; in the hard case (∇f ⊥ the λ_1-eigenspace and the secular function has no root above
/// −λ_1) μ = −λ_1 and s is completed along v_1 to ‖s‖ = μ/σ.
/// </summary>
public static class CubicSubproblem
{
    /// <summary>
    /// Bisection steps on the shift t = μ − max(0, −λ₁) from [0, hi]; the loop stops earlier, once lo and hi are adjacent
    /// doubles. 2 200 covers any bracket: hi &lt; 2^1024 and adjacent doubles are at least 2^-1074 apart, so 2 098 halvings
    /// always reach adjacency. (200 did not: a root t ≈ 1e-100 near the hard case was left at t ≈ 1e-60, far from μ = σ‖s‖.)
    /// </summary>
    public const int MaxBisections = 2200;

    /// <summary>
    /// The minimizer for the eigensystem <paramref name="eigen"/> of H (with ∇f's projections) and σ &gt; 0.
    /// </summary>
    /// <remarks>
    /// Range: every finite, ascending λ_i and finite g_i (subnormals to ±double.MaxValue, ±0) and σ from 2^-1074 to
    /// double.MaxValue. Where every λ_i, g_i and σ is 0 or within 2^±100 the secular function is evaluated in plain
    /// doubles (σ‖s(t)‖ − μ(t), bit for bit the results before stop 42); elsewhere its sign is that of
    /// σ²‖s(t)‖² − μ(t)², each term summed unrounded (<see cref="ScaledSum"/>), so no intermediate under- or overflows.
    /// Accuracy, for a diagonal eigensystem given exactly (V = I): the computed shift t̂ = μ − max(0, −λ₁) lies between
    /// the roots of σ²‖s(t)‖²(1 ∓ ε) = μ(t)²(1 ± ε) with ε = γ_{2n+16} (u = 2^-53: the secular function's roundings, d_i = λ_i +
    /// max(0, −λ₁) + t two, s_i = |g_i|/d_i one, the norm n + 4 or the scaled squares' five and the sum's n + 2, doubled by
    /// the squaring), up to one ulp of t; each s_i is |g_i|/d_i(t̂) within γ₃ (and 2^-1074 where subnormal), in the hard
    /// case ‖s‖ = max(0, −λ₁)/σ within ε; μ = fl(max(0, −λ₁) + t̂); the predicted decrease is the closed form
    /// ½Σ|g_i|s_i + μ‖s‖²/6 (= m(0) − m(s) at the minimizer, no cancellation), summed unrounded, within γ_{2n+3} of its
    /// value at the computed s and μ = max(0, −λ₁) + t̂ unrounded (γ_{3n+3} where t is carried as τ·2^e below, its μ term
    /// being two). Where the first bisection's t̂ is subnormal (the root t* below 2^-1022: μ = σ‖s‖ there
    /// with λ₁ ≥ 0, e.g. σ = 1e-320, or t* alone with λ₁ &lt; 0) it sits on the 2^-1074 grid, far coarser than 2u·t*, so the
    /// bisection runs again with t carried as τ·2^e, τ a double and e about ILogB(t̂) − 1000, in the scaled forms (again,
    /// at most twice more, where τ̂ is still subnormal): τ̂ is normal for every root that changes a result (see FineHeadroom), so "one ulp of t"
    /// is 2^-52 relatively there too; d_i, s_i and the decrease take τ̂·2^e unrounded and μ = max(0, −λ₁) + τ̂·2^e is
    /// rounded once (2^-1074 absolute where subnormal), and the
    /// bounds above hold. Before stop 45 the double t̂ stood: λ = (0, 7.4e-51, 7.3e-48), g = (−9.6e-319, −3.4e-286, 0),
    /// σ = 1e-320 gave a decrease 8e-6 relatively off, and λ = (−2.6647007464529e-114, 2.11950715480207e-116),
    /// g = (−1.3569741152528157e-204, 0), σ = 7.172477677300102e-221 one 1.04e-13 off; stops 45–46 solved again for
    /// (2^k·λ, 2^k·g, 2^k·σ) instead, which scales t and the decrease alike and so could not reach a decrease more than
    /// about 2^2000 times t* (λ = (−2^-340), g = (−1.3·2^-390), σ = 2^-1017: t* ≈ 166 subnormal ulps, the decrease ≈ 2^1011
    /// and 0.7 % off, until stop 47). A μ below half 2^-1074 is 0 (correctly rounded; λ = (1), g = (−2^-600), σ = 2^-1074).
    /// A result (μ, a component of s, or the decrease) at or beyond double.MaxValue is an
    /// <see cref="ArgumentException"/> naming sigma and that range.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// σ not in (0, double.MaxValue]; non-finite or non-ascending eigenvalues, non-finite projections, a V that is not n
    /// finite columns or not orthonormal (‖VᵀV − I‖_F ≥ ½); or a result beyond double.MaxValue.
    /// </exception>
    public static CubicSubproblemSolution Solve(EigenSystem eigen, double sigma)
    {
        Validate(eigen, sigma);
        var solution = SolveOnce(eigen, sigma, 0, double.NaN, out double tau);
        // The plain forms never leave τ̂ subnormal (their inputs are 2^±100, where a subnormal t is absorbed in every d_i and
        // in μ), so a refined solve continues the scaled forms, whose sign at the scaled τ̂ is bit for bit the last one's.
        // τ̂ on the subnormal grid is far coarser than 2u·t*: the bisection runs again on t = τ·2^e with the bracket's top
        // (the last τ̂) at τ ≈ 2^FineHeadroom, widened while the sign there is positive. Two such solves reach every root that
        // changes a result (see FineHeadroom); the third is margin.
        int e = 0;
        for (int attempt = 0; attempt < 3 && tau > 0 && tau < PowerOfTwoScaling.MinNormal; attempt++)
        {
            int next = e + Math.ILogB(tau) - FineHeadroom;
            solution = SolveOnce(eigen, sigma, next, Math.ScaleB(tau, e - next), out tau);
            e = next;
        }
        return solution;
    }

    /// <summary>
    /// 1000: where a bisection's τ̂ is subnormal the shift is carried as t = τ·2^e with e = e_last + ILogB(τ̂) − 1000, so
    /// the bracket's top is τ ≈ 2^1000 and τ is normal, its grid 2^-52 relative as a normal t̂'s, for every t down to
    /// 2^(ILogB(t̂) − 2022). Every root t* that changes a result is above 2^-3174, so two solves after the first reach it:
    /// a direction with λ_i + max(0, −λ₁) = 0 and g_i ≠ 0 has s_i = |g_i|/t ≤ ‖s‖ = μ/σ, so t ≥ σ|g_i|/μ ≥
    /// 2^-1074·2^-1074/2^1025; with λ₁ ≥ 0, μ = t = σ‖s‖ ≥ σ|g_i|/(λ_i + t); elsewhere every d_i and μ is at least 2^-1074
    /// at t = 0 and a t below 2^-3174 changes none of them by 2^-2100 relatively.
    /// </summary>
    private const int FineHeadroom = 1000;

    /// <summary>The checks of Solve's range on its inputs, made once before the first of its solves.</summary>
    private static void Validate(EigenSystem eigen, double sigma)
    {
        ArgumentNullException.ThrowIfNull(eigen);
        Require.Positive(sigma, nameof(sigma));
        int n = eigen.Dimension;
        var lam = eigen.Values;
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(lam[i]) || !double.IsFinite(eigen.GradientProjections[i]))
                throw new ArgumentException($"eigen must have finite eigenvalues and projections, got λ_{i + 1} = {Require.Show(lam[i])}, g_{i + 1} = {Require.Show(eigen.GradientProjections[i])}.", nameof(eigen));
            if (i > 0 && lam[i] < lam[i - 1])
                throw new ArgumentException($"eigen's eigenvalues must be ascending (λ_1 ≤ … ≤ λ_n), got λ_{i} = {Require.Show(lam[i - 1])} > λ_{i + 1} = {Require.Show(lam[i])}.", nameof(eigen));
        }
        // V must be n×n and finite (EigenSystem: column i is v_i of an n-dimensional H): a NaN column with s_i = 0 was
        // taken silently, one with s_i ≠ 0 rejected as a step "beyond double.MaxValue" naming sigma, and a V of other than
        // n rows surfaced as MathNet's dimension error or, where every s_i = 0, a zero step of the wrong length.
        if (eigen.Vectors.RowCount != n || eigen.Vectors.ColumnCount != n || !eigen.Vectors.Enumerate().All(double.IsFinite))
            throw new ArgumentException(
                $"eigen must have {n} finite eigenvectors of length {n} (the columns of V), got a {eigen.Vectors.RowCount}×{eigen.Vectors.ColumnCount} V{(eigen.Vectors.Enumerate().All(double.IsFinite) ? "" : " with a non-finite entry")}.",
                nameof(eigen));
        // V must be an orthonormal basis (EigenSystem: H = V·diag(λ)·Vᵀ), else s = Σ s_i·v_i is not the model's minimizer:
        // a coarse test, ‖VᵀV − I‖_F < ½, that rejects what is not an eigenbasis at all (SymmetricEigen's V is within a few
        // n·u); a V with huge entries (VᵀV overflowing) is rejected too.
        double orthogonality = (eigen.Vectors.TransposeThisAndMultiply(eigen.Vectors) - Matrix<double>.Build.DenseIdentity(n)).FrobeniusNorm();
        if (!(orthogonality < 0.5))
            throw new ArgumentException(
                $"eigen's eigenvectors must be orthonormal (H = V·diag(λ)·Vᵀ), got ‖VᵀV − I‖_F = {Require.Show(orthogonality)}, not below ½.",
                nameof(eigen));
    }

    /// <summary>
    /// One solve on validated inputs (<see cref="Validate"/>), the shift t = μ − max(0, −λ₁) carried as
    /// τ·2^<paramref name="tExponent"/> (0: t itself, the plain forms where the inputs allow); <paramref name="tau"/> is the
    /// computed τ̂, and <paramref name="tauTop"/> the bracket's first top in τ (NaN: from the inputs).
    /// </summary>
    private static CubicSubproblemSolution SolveOnce(EigenSystem eigen, double sigma, int tExponent, double tauTop, out double tau)
    {
        int n = eigen.Dimension;
        var lam = eigen.Values;
        var a = eigen.GradientProjections.Select(Math.Abs).ToArray(); // |g_i|; s_i = |g_i|/(λ_i + μ) ≥ 0
        double lower = Math.Max(0, -lam[0]);
        bool ordinary = tExponent == 0 && ScaledSum.Ordinary(sigma) && ScaledSum.Ordinary(lam) && ScaledSum.Ordinary(a);
        var secular = ordinary ? (ISecular)new PlainSecular(lam, a, sigma, lower) : new ScaledSecular(lam, a, sigma, lower, tExponent);

        // Singular directions: λ_i + max(0, −λ₁) = 0 exactly (a sum of two doubles is 0 only when it is exactly 0).
        var singular = lam.Select(l => l + lower == 0).ToArray();
        bool singularHasGradient = Enumerable.Range(0, n).Any(i => singular[i] && a[i] > 0);

        double[] s;
        double t;
        bool hard = false;
        if (!singularHasGradient && secular.Sign(0, skipSingular: true) <= 0)
        {
            t = 0;
            s = secular.Components(0, skipSingular: true);
            int first = Array.IndexOf(singular, true);
            if (first >= 0)
            {
                double completion = secular.Completion(s);
                if (completion > 0)
                {
                    s[first] = completion;
                    hard = true;
                }
            }
        }
        else
        {
            // t* ≤ √(σ‖g‖): there σ‖s‖ ≤ σ‖g‖/t ≤ t ≤ μ. The plain form keeps its bracket of before stop 42.
            double hi = !double.IsNaN(tauTop) ? tauTop
                : ordinary ? 2 * Math.Sqrt(sigma) * Math.Sqrt(Norm(a)) + double.Epsilon
                : Math.Sqrt(sigma) * Math.Sqrt(a.Max()) * Math.Sqrt(Math.Sqrt(n)) + double.Epsilon;
            if (!(hi <= double.MaxValue))
                hi = double.MaxValue;
            while (secular.Sign(hi, skipSingular: false) > 0)
            {
                if (hi == double.MaxValue)
                    throw ShiftBeyondRange(sigma);
                hi = Math.Min(2 * hi, double.MaxValue);
            }
            double lo = 0;
            for (int k = 0; k < MaxBisections; k++)
            {
                double mid = lo + (hi - lo) / 2;
                if (mid <= lo || mid >= hi)
                    break;
                if (secular.Sign(mid, skipSingular: false) > 0)
                    lo = mid;
                else
                    hi = mid;
            }
            t = hi;
            s = secular.Components(t, skipSingular: false);
        }
        double mu = lower + t;
        if (tExponent != 0)
        {
            var exact = new ScaledSum();
            exact.Add(lower);
            exact.AddTimesPowerOfTwo(tExponent, 1, t);
            mu = exact.Value;
        }
        if (double.IsInfinity(mu))
            throw ShiftBeyondRange(sigma);

        // m(0) − m(s) = ½Σ|g_i|s_i + μ‖s‖²/6 where (λ_i + μ)s_i = |g_i| and μ = σ‖s‖ (the hard case's completion too).
        var decrease = new ScaledSum();
        var step = Vector<double>.Build.Dense(n);
        for (int i = 0; i < n; i++)
        {
            if (s[i] == 0)
                continue;
            decrease.AddQuotient(2, a[i], s[i]);
            if (tExponent == 0)
                decrease.AddQuotient(6, mu, s[i], s[i]);
            else
            {
                decrease.AddQuotient(6, lower, s[i], s[i]); // μ = max(0, −λ₁) + τ̂·2^tExponent unrounded
                decrease.AddTimesPowerOfTwo(tExponent, 6, t, s[i], s[i]);
            }
            step += s[i] * eigen.Vectors.Column(i);
        }
        if (!step.All(double.IsFinite))
            throw new ArgumentException(
                $"the cubic model's minimizer s = Σ s_i·v_i has an entry beyond double.MaxValue (≈ 1.8e308) for sigma = {Require.Show(sigma)}; Solve's range needs every result within it.",
                nameof(sigma));
        double predicted = decrease.Finite("the cubic model's predicted decrease m(0) − m(s)", nameof(sigma));
        tau = t;
        return new CubicSubproblemSolution(step, mu, predicted, hard);
    }

    /// <summary>The rejection of a shift μ = σ‖s‖ beyond the range (from the bracket's search and from μ itself).</summary>
    private static ArgumentException ShiftBeyondRange(double sigma) => new(
        $"the cubic model's shift μ = σ‖s‖ is beyond double.MaxValue (≈ 1.8e308) for sigma = {Require.Show(sigma)} and this eigensystem; Solve's range needs every result within it.",
        nameof(sigma));

    private const string ComponentBeyondRange = "a component s_i = |g_i|/(λ_i + μ) of the cubic model's minimizer";

    /// <summary>The secular function of one subproblem, its components s_i(t) and the hard case's completion.</summary>
    private interface ISecular
    {
        /// <summary>The sign of σ‖s(t)‖ − μ(t), μ(t) = max(0, −λ₁) + t; singular directions left out when asked, +1 where one has gradient.</summary>
        int Sign(double t, bool skipSingular);

        /// <summary>s_i(t) = |g_i|/(λ_i + max(0, −λ₁) + t), 0 in a singular direction (t = 0 only); beyond the range rejected.</summary>
        double[] Components(double t, bool skipSingular);

        /// <summary>√(μ²/σ² − ‖s‖²) at t = 0 (0 where it is not positive): the hard case's component along v₁.</summary>
        double Completion(double[] s);
    }

    /// <summary>The plain double forms, for inputs that are 0 or within 2^±100 (bit for bit the forms before stop 42).</summary>
    private sealed class PlainSecular(double[] lam, double[] a, double sigma, double lower) : ISecular
    {
        private readonly double[] shifted = lam.Select(l => l + lower).ToArray();

        public int Sign(double t, bool skipSingular) =>
            Math.Sign(sigma * Norm(Raw(t, skipSingular)) - (lower + t));

        private double[] Raw(double t, bool skipSingular)
        {
            var s = new double[shifted.Length];
            for (int i = 0; i < s.Length; i++)
            {
                double d = shifted[i] + t;
                s[i] = d <= 0 ? (skipSingular || a[i] == 0 ? 0.0 : double.PositiveInfinity) : a[i] / d;
            }
            return s;
        }

        public double[] Components(double t, bool skipSingular) => Raw(t, skipSingular);

        public double Completion(double[] s)
        {
            double norm = Norm(s);
            double target = lower / sigma;
            return target > norm ? Math.Sqrt((target - norm) * (target + norm)) : 0;
        }
    }

    /// <summary>
    /// The scaled forms: d_i(t) = (λ_i + max(0, −λ₁)) + t and σ²‖s(t)‖² − μ(t)² each summed unrounded, so that neither
    /// overflows nor underflows; s_i rounded once from |g_i|/d_i's mantissas. The argument of each method is τ, the shift
    /// being t = τ·2^<paramref name="tExponent"/> (0 for the first solve, below −1000 for a subnormal root).
    /// </summary>
    private sealed class ScaledSecular(double[] lam, double[] a, double sigma, double lower, int tExponent) : ISecular
    {
        private readonly int sigmaExponent = Math.ILogB(sigma);

        private double SigmaMantissa => Math.ScaleB(sigma, -sigmaExponent);

        private (double Mantissa, int Exponent) Shifted(int i, double t)
        {
            var d = new ScaledSum();
            d.Add(lam[i]);
            d.Add(lower);
            d.AddTimesPowerOfTwo(tExponent, 1, t);
            return d.Parts;
        }

        public int Sign(double t, bool skipSingular)
        {
            var sum = new ScaledSum();
            double ms = SigmaMantissa;
            for (int i = 0; i < lam.Length; i++)
            {
                if (a[i] == 0)
                    continue;
                var (md, ed) = Shifted(i, t);
                if (md == 0)
                {
                    if (skipSingular)
                        continue;
                    return 1;
                }
                sum.AddTimesPowerOfTwo(2 * sigmaExponent - 2 * ed, md * md, a[i], a[i], ms, ms);
            }
            sum.Add(-lower, lower);
            sum.AddTimesPowerOfTwo(tExponent, 1, -2, lower, t);
            sum.AddTimesPowerOfTwo(2 * tExponent, 1, -t, t);
            return Math.Sign(sum.Parts.Mantissa);
        }

        public double[] Components(double t, bool skipSingular)
        {
            var s = new double[lam.Length];
            for (int i = 0; i < s.Length; i++)
            {
                if (a[i] == 0)
                    continue;
                var (md, ed) = Shifted(i, t);
                if (md == 0)
                    continue; // t = 0 in the hard case only, where a singular direction has no gradient
                var q = new ScaledSum();
                q.AddTimesPowerOfTwo(-ed, md, a[i]);
                s[i] = q.Finite(ComponentBeyondRange, "sigma");
            }
            return s;
        }

        public double Completion(double[] s)
        {
            var r = new ScaledSum();
            double ms = SigmaMantissa;
            r.AddTimesPowerOfTwo(-2 * sigmaExponent, ms * ms, lower, lower);
            for (int i = 0; i < s.Length; i++)
                r.Add(-s[i], s[i]);
            var (m, e) = r.Parts;
            if (!(m > 0))
                return 0;
            if ((e & 1) != 0)
            {
                m *= 2;
                e -= 1;
            }
            double completion = ScaledSum.Product(e / 2, Math.Sqrt(m));
            if (double.IsInfinity(completion))
                throw new ArgumentException(
                    $"{ComponentBeyondRange} (the hard case's √(μ²/σ² − ‖s‖²)) is beyond double.MaxValue (≈ 1.8e308) for sigma = {Require.Show(sigma)}; Solve's range needs every result within it.",
                    nameof(sigma));
            return completion;
        }
    }

    private static double Norm(double[] x)
    {
        double scale = x.Select(Math.Abs).DefaultIfEmpty(0).Max();
        if (scale == 0 || double.IsInfinity(scale))
            return scale;
        double sum = x.Sum(v => (v / scale) * (v / scale));
        return scale * Math.Sqrt(sum);
    }
}
