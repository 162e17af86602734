using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Stochastic;

namespace Verification.Optimizers.SecondOrder;

/// <summary>
/// A Sophia-style diagonal second-order method (Liu et al. 2024, the OPT² of elmo-amos App. K), per coordinate:
/// m_i ← β₁m_i + (1 − β₁)∂_i f; every k-th step h_i ← β₂h_i + (1 − β₂)H_ii; (Δθ)_i = −η·clip(m_i / max(ρh_i, ε), 1).
/// The exact diagonal H_ii replaces Sophia's Hutchinson estimate, so runs are deterministic. Where h_i ≤ 0 the
/// denominator is ε and the clip turns the step into −η·sgn(m_i): no division by a non-positive curvature.
/// Defaults follow App. K (ρ = 0.01, AdamW's β₁ = 0.9, β₂ = 0.95). Run on its own it owns every coordinate (App. K's
/// "pure Sophia" reference trajectory, on the objective's gradient samples and its exact Hessian diagonal); in AMOS it
/// steps the coordinates assigned to OPT².
/// </summary>
public sealed class SophiaDiagonal : CoordinatewiseOptimizer
{
    /// <summary>Creates the method; η, ε &gt; 0, β₁, β₂ ∈ [0, 1), ρ &gt; 0, k ≥ 1.</summary>
    public SophiaDiagonal(double learningRate, double rho = 0.01, double beta1 = 0.9, double beta2 = 0.95, double epsilon = 1e-12, int hessianEvery = 1)
    {
        LearningRate = Require.Positive(learningRate, nameof(learningRate));
        Rho = Require.Positive(rho, nameof(rho));
        Beta1 = UnitInterval(beta1, nameof(beta1));
        Beta2 = UnitInterval(beta2, nameof(beta2));
        Epsilon = Require.Positive(epsilon, nameof(epsilon));
        if (hessianEvery < 1)
            throw new ArgumentException($"hessianEvery must be ≥ 1, got {hessianEvery}.", nameof(hessianEvery));
        HessianEvery = hessianEvery;
    }

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <summary>ρ, the scale of h in the denominator.</summary>
    public double Rho { get; }

    /// <summary>β₁ (gradient moment).</summary>
    public double Beta1 { get; }

    /// <summary>β₂ (curvature moment).</summary>
    public double Beta2 { get; }

    /// <summary>ε, the least denominator.</summary>
    public double Epsilon { get; }

    /// <summary>k: the curvature moment is refreshed on every k-th step of this optimizer that owns a coordinate.</summary>
    public int HessianEvery { get; }

    /// <inheritdoc />
    public override string Name => $"sophia(η={Require.Show(LearningRate)}, ρ={Require.Show(Rho)})";

    /// <inheritdoc />
    protected override ICoordinatewiseRule CreateCoordinates(int dimension) => new Rule(this, dimension);

    /// <summary>(Δθ)_i for moments m, h: −η·clip(m / max(ρh, ε), 1).</summary>
    /// <remarks>
    /// Range: every finite m and h. The plain formula where ρh is a normal double (or at most 0, or at most a normal ε) and
    /// the ratio does not underflow; elsewhere max(ρh, ε) is carried as p·2^e (p a product of mantissas) and the step as (η'·m'/p)·2^(…) with
    /// one final scaling, so neither ρh nor the ratio over- or underflows before the step does: m = h = 1e308, ρ = 2 gave
    /// 0 (m/∞, exact −η/2), and η = 4.1e121, ε = 2.9e104, m = 4.9e-309, h &lt; 0 gave −0 (m/ε underflowed, exact −7.1e-292).
    /// Accuracy (u = 2^-53): within 3 ulp of the exact −η·clip(m/max(ρh, ε), 1) (three roundings; clip and max are
    /// 1-Lipschitz), plus 2^-1074 where it is subnormal.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="m"/> or <paramref name="h"/> is not finite.</exception>
    public double Update(double m, double h)
    {
        Require.Finite(m, nameof(m));
        Require.Finite(h, nameof(h));
        double curvature = Rho * h;
        if (EpsilonIsTheMaximum(curvature) || double.IsNormal(curvature))
        {
            double ratio = m / Math.Max(curvature, Epsilon);
            if (m == 0 || double.IsNormal(ratio) || double.IsInfinity(ratio))
                return -LearningRate * Math.Clamp(ratio, -1, 1);
        }
        var (dm, de) = Denominator(h, curvature);
        var (mm, me) = Split(m);
        double q = mm / dm; // m/max(ρh, ε) = q·2^(me − de), |q| ∈ (¼, 2)
        if (Math.Abs(Math.ScaleB(q, me - de)) >= 1)
            return -LearningRate * Math.Sign(m);
        var (em, ee) = Split(LearningRate);
        return -Math.ScaleB(em * q, ee + me - de);
    }

    /// <summary>
    /// The moment update x ← βx + (1 − β)y of both moments (m with β₁ and ∂_i f, h with β₂ and H_ii), the plain formula
    /// (bit for bit the trajectories before issue 15).
    /// </summary>
    /// <remarks>
    /// Range (issue 15, item 1): every finite x, y and β ∈ [0, 1); it never overflows, subnormals and ±double.MaxValue
    /// included, since the result is a convex combination: fl(β·x) and fl(fl(1 − β)·y) are at most |x| and |y| (1 − β is
    /// exact for β ≥ ½ and rounds to at most 1 below), both exceed half of double.MaxValue only for β = ½ (where both
    /// products are exact), so their sum is below double.MaxValue + ½ulp and rounds to at most double.MaxValue
    /// (x = y = ±double.MaxValue at β = 0.9, 0.95, 1 − 2^-53 give ±double.MaxValue). Accuracy (u = 2^-53): within
    /// γ₃·(β|x| + (1 − β)|y|) + 2·2^-1074 of the exact βx + (1 − β)y (γ₃ = 3u/(1 − 3u): the roundings of 1 − β, the two
    /// products and the sum; the two products and the sum may each land on the subnormal grid, half of 2^-1074 each),
    /// relative to the terms' magnitudes, so an x and y of opposite signs may cancel to fewer digits.
    /// </remarks>
    /// <exception cref="ArgumentException">β outside [0, 1), or x or y not finite.</exception>
    public static double MomentUpdate(double beta, double average, double sample)
    {
        UnitInterval(beta, nameof(beta));
        Require.Finite(average, nameof(average));
        Require.Finite(sample, nameof(sample));
        return beta * average + (1 - beta) * sample;
    }

    /// <summary>max(ρh, ε) as mantissa·2^exponent, the product ρh with one rounding of its mantissas.</summary>
    private (double Mantissa, int Exponent) Denominator(double h, double curvature)
    {
        if (EpsilonIsTheMaximum(curvature))
            return Split(Epsilon);
        if (double.IsNormal(curvature))
            return Split(curvature);
        // ρh overflowed, or is subnormal and positive with ε subnormal (so h > 0): compare p·2^e with ε on p's scale
        // (ε·2^-e may be +∞).
        var (pr, er) = Split(Rho);
        var (ph, eh) = Split(h);
        double p = pr * ph;
        int e = er + eh;
        return p >= Math.ScaleB(Epsilon, -e) ? (p, e) : Split(Epsilon);
    }

    /// <summary>
    /// True where max(ρh, ε) = ε is certain from the rounded ρh: ρh ≤ 0, or fl(ρh) ≤ ε with ε normal (a rounding to a
    /// normal double moves ρh by at most ½ulp, and a subnormal fl(ρh) has an exact ρh below 2^-1022 ≤ ε). With ε subnormal a
    /// positive fl(ρh) ≤ ε may stand for an exact ρh above ε (ε = 2^-1070, ρh = ε·65/64 rounds to ε on the subnormal grid:
    /// the step was 1.6% off); that case compares the unrounded mantissas in <see cref="Denominator"/>.
    /// </summary>
    private bool EpsilonIsTheMaximum(double curvature) =>
        curvature <= 0 || curvature <= Epsilon && double.IsNormal(Epsilon);

    /// <summary>x = mantissa·2^exponent with |mantissa| ∈ [1, 2), exact for finite non-zero x (subnormals included).</summary>
    private static (double Mantissa, int Exponent) Split(double x)
    {
        int k = Math.ILogB(x);
        return (Math.ScaleB(x, -k), k);
    }

    private static double UnitInterval(double value, string name)
    {
        Require.NonNegative(value, name);
        if (!(value < 1))
            throw new ArgumentException($"{name} must lie in [0, 1), got {Require.Show(value)}.", name);
        return value;
    }

    private sealed class Rule(SophiaDiagonal sophia, int dimension) : ICoordinatewiseRule
    {
        private readonly double[] m = new double[dimension];
        private readonly double[] h = new double[dimension];
        private int steps;

        public void Step(Vector<double> gradient, Func<Vector<double>> hessianDiagonal, IReadOnlyList<int> owned, Vector<double> delta)
        {
            if (owned.Count == 0)
                return;
            Vector<double>? diagonal = steps % sophia.HessianEvery == 0 ? hessianDiagonal() : null;
            steps++;
            foreach (int i in owned)
            {
                m[i] = MomentUpdate(sophia.Beta1, m[i], gradient[i]);
                if (diagonal is not null)
                    h[i] = MomentUpdate(sophia.Beta2, h[i], diagonal[i]);
                delta[i] = sophia.Update(m[i], h[i]);
            }
        }
    }
}
