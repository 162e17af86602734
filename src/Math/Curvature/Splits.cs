using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Likelihoods;

namespace Verification.Numerics.Curvature;

/// <summary>
/// A split R(θ) = Σ_n a_n(b_n(θ)) (balles-thesis §7.3.3): per sample the inner b_n: ℝ^d → ℝ^{M_b} with its Jacobian and
/// component Hessians, and the outer a_n with ∇_b a_n and ∇²_b a_n, evaluated at b = b_n(θ).
/// </summary>
public interface ISplit
{
    /// <summary>Name of the split, e.g. "canonical (7.13)".</summary>
    string Name { get; }

    /// <summary>The problem R belongs to.</summary>
    LikelihoodProblem Problem { get; }

    /// <summary>J_θ b_n(θ).</summary>
    Matrix<double> InnerJacobian(int n, Vector<double> theta);

    /// <summary>∇²_θ b_n^(m)(θ) for every component m.</summary>
    IReadOnlyList<Matrix<double>> InnerHessians(int n, Vector<double> theta);

    /// <summary>∇_b a_n(b_n(θ)).</summary>
    Vector<double> OuterGradient(int n, Vector<double> theta);

    /// <summary>∇²_b a_n(b_n(θ)).</summary>
    Matrix<double> OuterHessian(int n, Vector<double> theta);
}

/// <summary>The GGN of a split and the residual term of eq. (7.9).</summary>
/// <remarks>
/// Range: where a split's factors leave the double range (the empirical-Fisher split's b = e^{−ℓ_n} is 0 beyond ℓ_n ≈ 745,
/// 1/b² is ∞ beyond ℓ_n ≈ 354), that split's terms are formed from the cancelled closed forms s sᵀ and −(s sᵀ + ∇² log p);
/// any other split's non-finite term is an <see cref="ArgumentException"/>, never a NaN. Elsewhere the accuracy is that
/// of the factors and a few roundings per entry.
/// </remarks>
public static class Splits
{
    /// <summary>G(θ) = Σ_n J_θb_nᵀ ∇²_b a_n J_θb_n (eq. 7.10 / Definition 7.1, eq. 7.19).</summary>
    /// <remarks>
    /// Symmetrized entrywise as (g_ij + g_ji)/2, halved first where that sum overflows (a GGN entry of 1e308, e.g. x² at
    /// x = 1e154 for a linear Gaussian fit, came back +∞). Where every factor is finite and a product (∇²_b a)_ik·(J_θb)_kb
    /// that ∇²_b a·J forms before Jᵀ scales it back up may fall below 2^-1022 (binary exponents summing to at most −1020),
    /// each entry is Σ_n J_θb_nᵀ∇²_b a_n J_θb_n in one <see cref="ScaledCurvatureSum"/> instead, within (3 + T)·u·Σ|terms|
    /// (T = N·M_b² terms) plus 2^-1074 where subnormal: the canonical split of Bernoulli logit at f = 700 with J = (2^-99,
    /// 2^99) gave G[0, 1] = 4.93e-305, half its exact σ(700)σ(−700) = 9.86e-305 (one product of the symmetrized entry had
    /// rounded to 0). The canonical split takes ∇²_b a_n = −P ⊙ Q through the likelihood's factors where an entry of the
    /// Hessian is beyond the range or may fall below 2^-1022 (LikelihoodBase.HessianFactorsWhereNeeded: Gaussian
    /// mean–variance at x = v = 1e200, G_vv = −½ came out 0; Bernoulli probability below q ≈ 7.5e-155, where −1/q² itself is
    /// beyond the range and the split was rejected), one five-factor term each, within (4 + T)·u·Σ|terms| plus the
    /// factors' own error. The empirical-Fisher split's term of a sample where some b·s_i with s_i ≠ 0 falls below 2^-1022
    /// (b = p(y_n|f_n), s = ∇_θ log p) is its cancelled form s sᵀ: J = b s had lost digits or was 0 before 1/b² scaled it back
    /// up (linear Gaussian fit at x = 1e-182, r = y − f = 26, b ≈ 5.6e-148: G[0, 1] = r²x ≈ 6.8e-180 came out 0).
    /// So is the term where b is above 2^511 (1/(b·b) below 2^-1022 or 0: σ² = 1e-310, x = 1e-150, y = 1e-160 gave G = 0 for s² ≈ 1).
    /// Elsewhere the plain form runs, bit for bit as before. The cancelled form s sᵀ is LikelihoodProblem's scaled sum of
    /// J·g·J·g where an entry s_a = J_a·g falls below the subnormal range before s_b scales it back up (Gaussian σ² = 8.6e222,
    /// x = (2.1e-309, −5.4e267): G[0, 1] = −2.7e-111 came out 0 until stop 36), with g as M·2^E where it is below 2^-1022.
    /// Where an entry of the empirical-Fisher split's GGN still comes out non-finite, it is Σ_n s_n s_nᵀ over all samples in
    /// one scaled sum per entry (±∞ with the exact sign; samples' +∞ and −∞ had summed to NaN: Poisson log rate, y = 0,
    /// f = 449 at x = −1 and 1, G[0, 1] = −λ² + λ² = 0 came out NaN).
    /// </remarks>
    public static Matrix<double> GeneralizedGaussNewton(ISplit split, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(split);
        split.Problem.CheckTheta(theta);
        var factors = Enumerable.Range(0, split.Problem.Count).Select(n =>
        {
            var j = split.InnerJacobian(n, theta);
            var scaled = (split as CanonicalSplit)?.NegativeOuterHessianScaled(n, theta);
            var negative = scaled is null ? (split as CanonicalSplit)?.NegativeOuterHessianFactors(n, theta) : null;
            return (J: j, H: negative is null && scaled is null ? split.OuterHessian(n, theta) : null, Negative: negative, Scaled: scaled);
        }).ToArray();
        var cancelled = Enumerable.Range(0, split.Problem.Count)
            .Select(n => split is EmpiricalFisherSplit ef && ef.NeedsCancelledTerm(n, theta)).ToArray();
        Matrix<double> g;
        if (cancelled.Any(c => c))
            g = SumOverSamples(split, theta, "GGN term", n => cancelled[n]
                ? EmpiricalFisherTerm(split.Problem, n, theta)
                : factors[n].J.TransposeThisAndMultiply((factors[n].H ?? split.OuterHessian(n, theta)) * factors[n].J), EmpiricalFisherTerm);
        else if (factors.Any(f => f.Negative is not null || f.Scaled is not null || CongruenceMayUnderflow(f.J, f.H!))
            && factors.All(f => f.J.Enumerate().All(double.IsFinite) && (f.H is null || f.H.Enumerate().All(double.IsFinite))))
        {
            var sum = new ScaledCurvatureSum(split.Problem.Dimension);
            foreach (var (j, h, negative, scaled) in factors)
                if (scaled is not null)
                    sum.AddCongruenceScaled(-1, 0, j, scaled);
                else if (negative is { } pq)
                    sum.AddCongruence(-1, j, pq.P, pq.Q);
                else
                    sum.AddCongruence(1, j, h!);
            g = sum.Value();
        }
        else
            g = SumOverSamples(split, theta, "GGN term", n => factors[n].J.TransposeThisAndMultiply((factors[n].H ?? split.OuterHessian(n, theta)) * factors[n].J),
                EmpiricalFisherTerm);
        if (split is EmpiricalFisherSplit whole && !g.Enumerate().All(double.IsFinite))
            g = whole.CancelledGeneralizedGaussNewton(theta);
        return Matrix<double>.Build.Dense(g.RowCount, g.ColumnCount, (i, k) =>
        {
            double sum = g[i, k] + g[k, i];
            return double.IsInfinity(sum) ? g[i, k] / 2 + g[k, i] / 2 : sum / 2;
        });
    }

    /// <summary>
    /// True when some product H_ik·J_kb with nonzero factors, which H·J sums before Jᵀ scales it back up, may lie below
    /// 2^-1022 (binary exponents summing to at most −1020). Per k the smallest exponents of H's column k and of J's row k are
    /// a pair the product forms, so no such product is missed.
    /// </summary>
    /// <remarks>
    /// Also true where such a product may exceed double.MaxValue (largest exponents summing to at least 1022): H·J overflowed
    /// before Jᵀ scaled it back down (Bernoulli probability at q ≈ 1e-150, H = 1/q² ≈ 1e300, J = (1e10, 1e-10): G[0, 1] =
    /// 1e300 was +∞ and the GGN rejected as "factors beyond the double range").
    /// </remarks>
    private static bool CongruenceMayUnderflow(Matrix<double> j, Matrix<double> h) =>
        Enumerable.Range(0, j.RowCount).Any(k => ScaledCurvatureSum.ProductMayUnderflow(
                ScaledCurvatureSum.SmallestExponent(h.Column(k)), ScaledCurvatureSum.SmallestExponent(j.Row(k)))
            || (long)LargestExponent(h.Column(k)) + LargestExponent(j.Row(k)) >= 1022);

    /// <summary>The largest binary exponent of the nonzero finite values; int.MinValue where there are none.</summary>
    private static int LargestExponent(IEnumerable<double> values) =>
        values.Where(v => v != 0 && double.IsFinite(v)).Select(Math.ILogB).DefaultIfEmpty(int.MinValue).Max();

    /// <summary>
    /// The empirical-Fisher split's GGN term J_nᵀ∇²a J_n = (b s)(1/b²)(b s)ᵀ = s sᵀ (eq. 7.17, s = ∇_θ log p(y_n|f_n)), for
    /// where b = p(y_n|f_n) = e^{−ℓ_n} underflows (ℓ_n &gt; 745), 1/b² overflows (ℓ_n &gt; 354) or is below 2^-1022
    /// (b &gt; 2^511): the factored form gave ∞ (b s finite, 1/b² = ∞), NaN = 0·∞ (b = 0) or 0 (b² = ∞).
    /// </summary>
    private static Matrix<double> EmpiricalFisherTerm(LikelihoodProblem p, int n, Vector<double> theta) => p.ScoreOuterProduct(n, theta);

    /// <summary>Σ_{n,m} [∇_b a_n(b_n(θ))]_m ∇²_θ b_n^(m)(θ), the second line of eq. (7.9).</summary>
    /// <remarks>
    /// Where every factor is finite and a product [∇_b a_n]_m·(∇²_θ b_n^(m))_ij may exceed the double range (binary exponents
    /// summing to at least 1022), each entry is Σ_{n,m} in one <see cref="ScaledCurvatureSum"/> instead: within (1 + T)·u·Σ|terms| (T = N·M_b terms), ±∞ only where the entry is beyond
    /// ±double.MaxValue. The canonical split with ∇²f = κ = 1e10 and ∇_b a = −1e300, 1e300, −5 over three samples was
    /// rejected as "factors beyond the double range" (the first term −1e310 was −∞), exact −5e10. A product below the normal
    /// range needs no switch: each term is one product, correctly rounded to the subnormal grid (2^-1075 absolute, at most
    /// T·u/2 of a normal entry). Elsewhere the plain form runs, bit for bit as before. The empirical-Fisher split's term
    /// (−1/b)·b(s sᵀ + ∇²_θ log p) is the plain product where b is normal and every nonzero entry of its plain inner Hessian
    /// is a normal double, else the cancelled −(s sᵀ + ∇²_θ log p) as one scaled sum per entry, within (4 + T)·u·Σ|terms|
    /// (T = 2M² + M) plus g's and ∇²_f log p's own errors, and where a sample's term is beyond the range all samples' terms
    /// in one scaled sum per entry (T = N(2M² + M)), ±∞ with the exact sign (+∞ and −∞ terms had summed to NaN): b(s sᵀ + ∇²log p) ≈ 3.8e-315 had kept about 35 bits before 1/b
    /// scaled it back up (σ² = 1, r = 26, x = 1e-170: the exact x(r² − 1) ≈ 6.75e-168), and its inner Hessian's rejection
    /// of an entry beyond the range no longer reaches the residual term, whose b cancels. A sample whose inner Hessians are all
    /// the zero matrix (the identity split, the canonical split of the linear model) adds exactly 0, its ∇_b a_n not evaluated:
    /// one beyond the range (Gaussian σ² = 1e-300, x = 1, y − f = 1e10) had rejected that 0.
    /// </remarks>
    public static Matrix<double> ResidualTerm(ISplit split, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(split);
        split.Problem.CheckTheta(theta);
        if (split is EmpiricalFisherSplit ef) // its own plain or cancelled term per sample, never its inner Hessian's rejection
        {
            var terms = Enumerable.Range(0, split.Problem.Count).Select(n => ef.ResidualTermOf(n, theta)).ToArray();
            return terms.All(t => t.Enumerate().All(double.IsFinite))
                ? SumOverSamples(split, theta, "residual term", n => terms[n], (_, n, _) => terms[n])
                : ef.CancelledResidualTerm(theta);
        }
        // where every inner Hessian is the zero matrix (the identity split; the canonical split of the linear model) the
        // sample's term is exactly 0, so ∇_b a_n is not evaluated: one beyond the range (Gaussian σ² = 1e-300, y − f = 1e10)
        // had rejected a residual term of 0
        var factors = Enumerable.Range(0, split.Problem.Count)
            .Select(n => split.InnerHessians(n, theta) is var hs && hs.All(h => h.Enumerate().All(v => v == 0))
                ? (G: Vector<double>.Build.Dense(hs.Count), Hs: hs, Scaled: (ScaledVector?)null)
                : (G: split.OuterGradient(n, theta), Hs: hs,
                    Scaled: split is CanonicalSplit ? split.Problem.NegativeScaledGradientWhereNeeded(n, theta) : null)).ToArray();
        if (factors.All(f => f.G.All(double.IsFinite) && f.Hs.All(h => h.Enumerate().All(double.IsFinite)))
            && factors.Any(f => f.Scaled is not null || ProductMayOverflow(f.G, f.Hs)))
        {
            var sum = new ScaledCurvatureSum(split.Problem.Dimension);
            foreach (var (g, hs, scaled) in factors)
                if (scaled is not null)
                    sum.AddCurvatureScaled(1, scaled, hs);
                else
                    sum.AddCurvature(1, g, hs);
            return sum.Value();
        }
        return SumOverSamples(split, theta, "residual term", n =>
        {
            var (g, hs, _) = factors[n];
            var term = Matrix<double>.Build.Dense(split.Problem.Dimension, split.Problem.Dimension);
            for (int m = 0; m < g.Count; m++)
                term += g[m] * hs[m];
            return term;
        }, (_, _, _) => throw new InvalidOperationException("the empirical-Fisher split took its own branch"));
    }

    /// <summary>
    /// True when some product g_m·(H_m)_ij with nonzero finite factors may exceed double.MaxValue (binary exponents summing to
    /// at least 1022: the product is below 2^(a + b + 2)), per m the largest exponents of g_m and of H_m.
    /// </summary>
    private static bool ProductMayOverflow(Vector<double> g, IReadOnlyList<Matrix<double>> hessians) =>
        Enumerable.Range(0, g.Count).Any(m => g[m] != 0
            && (long)LargestExponent(hessians[m].Enumerate()) + Math.ILogB(g[m]) >= 1022);

    /// <summary>
    /// Σ_n of a split's per-sample term: a non-finite term is the empirical-Fisher split's cancelled form, or an
    /// <see cref="ArgumentException"/> for any other split. Where finite terms overflow in the running sum, each entry is
    /// summed again in one <see cref="ScaledSum"/> (terms 1e308, 1e308, −1e308 gave +∞, exact 1e308): within N·u·Σ_n|term|
    /// of the exact sum of the terms, ±∞ only where that is beyond ±double.MaxValue.
    /// </summary>
    private static Matrix<double> SumOverSamples(ISplit split, Vector<double> theta, string what, Func<int, Matrix<double>> term,
        Func<LikelihoodProblem, int, Vector<double>, Matrix<double>> empiricalFisherTerm)
    {
        ArgumentNullException.ThrowIfNull(split);
        var p = split.Problem;
        p.CheckTheta(theta);
        var terms = new Matrix<double>[p.Count];
        var total = Matrix<double>.Build.Dense(p.Dimension, p.Dimension);
        for (int n = 0; n < p.Count; n++)
        {
            terms[n] = term(n);
            if (!terms[n].Enumerate().All(double.IsFinite))
                terms[n] = split is EmpiricalFisherSplit
                    ? empiricalFisherTerm(p, n, theta)
                    : throw new ArgumentException(
                        $"the {what} of sample {n} of the split {split.Name} is not finite at θ = {Require.ShowAll(theta)}: its factors are beyond the double range.",
                        nameof(theta));
            total += terms[n];
        }
        if (total.Enumerate().All(double.IsFinite) || !terms.All(t => t.Enumerate().All(double.IsFinite)))
            return total;
        return Matrix<double>.Build.Dense(p.Dimension, p.Dimension, (i, k) =>
        {
            var sum = new ScaledSum();
            foreach (var t in terms)
                sum.Add(t[i, k]);
            return sum.Value;
        });
    }

    /// <summary>The canonical split (7.13): a_n(b) = −log p(y_n|b), b_n(θ) = f(x_n, θ).</summary>
    public static ISplit Canonical(LikelihoodProblem problem) => new CanonicalSplit(problem);

    /// <summary>The split (7.12): b_n(θ) = θ, a_n = ℓ_n; its GGN is Σ_n ∇²ℓ_n, i.e. the Hessian.</summary>
    public static ISplit Identity(LikelihoodProblem problem) => new IdentitySplit(problem);

    /// <summary>The empirical-Fisher split (7.17): a_n(b) = −log b, b_n(θ) = p(y_n|f(x_n, θ)).</summary>
    public static ISplit EmpiricalFisher(LikelihoodProblem problem) => new EmpiricalFisherSplit(problem);

    private abstract class SplitBase(LikelihoodProblem problem) : ISplit
    {
        public abstract string Name { get; }

        public LikelihoodProblem Problem { get; } = problem ?? throw new ArgumentNullException(nameof(problem));

        protected double Label(int n) => Problem.Data.Labels[n];

        public abstract Matrix<double> InnerJacobian(int n, Vector<double> theta);

        public abstract IReadOnlyList<Matrix<double>> InnerHessians(int n, Vector<double> theta);

        public abstract Vector<double> OuterGradient(int n, Vector<double> theta);

        public abstract Matrix<double> OuterHessian(int n, Vector<double> theta);
    }

    private sealed class CanonicalSplit(LikelihoodProblem problem) : SplitBase(problem)
    {
        public override string Name => "canonical (7.13)";

        public override Matrix<double> InnerJacobian(int n, Vector<double> theta) => Problem.Jacobian(n, theta);

        public override IReadOnlyList<Matrix<double>> InnerHessians(int n, Vector<double> theta) =>
            Enumerable.Range(0, Problem.Model.OutputDimension)
                .Select(m => Problem.Model.OutputHessian(Problem.Data.Inputs[n], theta, m)).ToList();

        public override Vector<double> OuterGradient(int n, Vector<double> theta) =>
            LikelihoodProblem.NamingTheta(() => -Problem.Likelihood.Gradient(Label(n), Problem.Output(n, theta)), theta);

        public override Matrix<double> OuterHessian(int n, Vector<double> theta) =>
            LikelihoodProblem.NamingTheta(() => -Problem.Likelihood.Hessian(Label(n), Problem.Output(n, theta)), theta);

        /// <summary>
        /// ∇²_f log p(y_n|f_n) = P ⊙ Q (so ∇²_b a_n = −P ⊙ Q) where the GGN needs the factors instead of the Hessian
        /// (<see cref="LikelihoodBase.HessianFactorsWhereNeeded"/>), else null.
        /// </summary>
        public (Matrix<double> P, Matrix<double> Q)? NegativeOuterHessianFactors(int n, Vector<double> theta) =>
            Problem.Likelihood is LikelihoodBase b
                ? LikelihoodProblem.NamingTheta(() => b.HessianFactorsWhereNeeded(Label(n), Problem.Output(n, theta)), theta)
                : null;

        /// <summary>
        /// ∇²_f log p(y_n|f_n) as M·2^E (so ∇²_b a_n is its negative) where an entry falls below 2^-1022
        /// (<see cref="LikelihoodBase.HessianScaledWhereNeeded"/>: the logit's σ(f)σ(−f) beyond |f| = 700), else null.
        /// </summary>
        public ScaledMatrix? NegativeOuterHessianScaled(int n, Vector<double> theta) =>
            Problem.Likelihood is LikelihoodBase b
                ? LikelihoodProblem.NamingTheta(() => b.HessianScaledWhereNeeded(Label(n), Problem.Output(n, theta)), theta)
                : null;
    }

    private sealed class IdentitySplit(LikelihoodProblem problem) : SplitBase(problem)
    {
        public override string Name => "identity (7.12)";

        public override Matrix<double> InnerJacobian(int n, Vector<double> theta) => Matrix<double>.Build.DenseIdentity(Problem.Dimension);

        public override IReadOnlyList<Matrix<double>> InnerHessians(int n, Vector<double> theta) =>
            Enumerable.Range(0, Problem.Dimension).Select(_ => Matrix<double>.Build.Dense(Problem.Dimension, Problem.Dimension)).ToList();

        public override Vector<double> OuterGradient(int n, Vector<double> theta) => -Problem.Score(n, theta, Label(n));

        public override Matrix<double> OuterHessian(int n, Vector<double> theta) => -Problem.LogDensityHessian(n, theta, Label(n));
    }

    private sealed class EmpiricalFisherSplit(LikelihoodProblem problem) : SplitBase(problem)
    {
        public override string Name => "empirical Fisher (7.17)";

        private double B(int n, Vector<double> theta) => Math.Exp(-Problem.SampleLoss(n, theta));

        /// <summary>∇_θ b = b·s (eq. 7.17), b = e^{−ℓ_n}, s = ∇_θ log p.</summary>
        /// <remarks>
        /// The plain product b·s, bit for bit as before, where b is a normal double and J_n and ∇_f log p are 0 or within
        /// [2^-100, 2^100] with no entry carried as M·2^E (every product then stays normal). Elsewhere each entry is one
        /// <see cref="ScaledSum"/> of b·J_ma·g_m with b and g as M·2^E (<see cref="LikelihoodProblem.WeightedScore"/>), s
        /// never formed: within (M + 2)·u·Σ|terms| plus b's 3u and g's own error. Before, b = e^{−800.9} was 0, so the
        /// Jacobian was 0 where its exact entries are normal (linear Gaussian fit, σ² = 1, r = 40, x = 1e150:
        /// b·r·x ≈ 5.8e-197), and b·s was NaN where s overflowed (0·∞). Entries are 0 where ℓ_n &gt; 4096 (as ∇²_θ b's).
        /// </remarks>
        /// <exception cref="ArgumentException">θ or the sample are invalid, or J_n is beyond ±double.MaxValue.</exception>
        public override Matrix<double> InnerJacobian(int n, Vector<double> theta)
        {
            var (mantissa, exponent) = ScaledB(n, theta);
            if (exponent == 0 && Math.Abs(mantissa) >= SubnormalFlush.SmallestNormal && ScoreOrdinary(n, theta))
                return mantissa * Problem.Score(n, theta, Label(n)).ToRowMatrix();
            return Problem.WeightedScore(n, theta, mantissa, exponent).ToRowMatrix();
        }

        /// <summary>True when J_n and ∇_f log p (a double, not carried as M·2^E) are 0 or within [2^-100, 2^100].</summary>
        private bool ScoreOrdinary(int n, Vector<double> theta)
        {
            var p = Problem;
            if (!ScaledSum.Ordinary(p.Jacobian(n, theta).Enumerate()))
                return false;
            var g = LikelihoodProblem.NamingTheta(() => ScaledVector.Of(p.Likelihood, Label(n), p.Output(n, theta)), theta);
            return g.IsPlain && ScaledSum.Ordinary(g.Mantissas);
        }

        /// <summary>∇²_θ b = b·(s sᵀ + ∇²_θ log p) (eq. 7.17, footnote 7.3), b = e^{−ℓ_n}, s = ∇_θ log p.</summary>
        /// <remarks>
        /// The plain form b·(s sᵀ + ∇²_θ log p) where b is a normal double at most 2^600 and every entry of J_n, ∇²f_n,
        /// ∇_f log p, ∇²_f log p, s and ∇²_θ log p is 0 or within [2^-100, 2^100] (then s_a·s_b, the sum and the product by b
        /// stay within the range, the last rounding once onto the subnormal grid at worst), bit for bit as before. Elsewhere each entry is one
        /// <see cref="ScaledSum"/> of b·J_ia·g_i·J_kb·g_k, b·J_ia·(∇²_f log p)_ik·J_kb (five or six factors where the likelihood
        /// gives ∇²_f log p as P ⊙ Q) and b·g_m·(∇²_θ f^(m))_ab, with b = e^{−ℓ_n} and g = ∇_f log p as M·2^E
        /// (<see cref="AutoDiff.ScaledDerivative.Exp"/>, <see cref="ScaledVector"/>), s never formed: within
        /// (5 + T)·u·Σ|terms| (T = 2M² + M terms of at most six factors) plus the pieces' own errors (b's 3u relative to
        /// e^{−ℓ̂}, g's and ∇²_f log p's), plus 2^-1074 where subnormal. Before, s_a·s_b overflowed to ∞ against
        /// ∇²log p = −∞ (Gaussian σ² = 1, linear fit at x = 1e199, r = 30: entry [0, 0] = b·x²(r² − 1) ≈ 1.5e205 came out NaN),
        /// b = e^{−800.9} was 0 (r = 40, x = 1e150: ≈ 2.4e-45 came out 0), and a subnormal or underflowed ∇²log p lost its
        /// digits before b ≈ 4e149 scaled it back up (σ² = 1e-300, r = 0, x = 1e-310; σ² = 5e-280, x = 2^-1022: −1.8e-197 came out 0).
        /// </remarks>
        /// <exception cref="ArgumentException">
        /// θ or the sample are invalid, or an entry is beyond ±double.MaxValue (named with θ and the range; it was ±∞ or
        /// NaN), or J_n or ∇²f_n is beyond it; where ℓ_n &gt; 4096 (a loss beyond the range included, where b was
        /// rejected with it) every entry is 0, the exact value rounded.
        /// </exception>
        public override IReadOnlyList<Matrix<double>> InnerHessians(int n, Vector<double> theta)
        {
            var hessian = InnerHessian(n, theta);
            int beyond = hessian.Enumerate().ToList().FindIndex(v => !double.IsFinite(v)); // column-major
            if (beyond >= 0)
                throw new ArgumentException(
                    $"∇²_θ b_{n} = b·(s sᵀ + ∇²_θ log p) of the split {Name} has entry [{beyond % Problem.Dimension}, {beyond / Problem.Dimension}] beyond ±double.MaxValue at θ = {Require.ShowAll(theta)}, the range of a double result.",
                    nameof(theta));
            return [hessian];
        }

        /// <summary>b = e^{−ℓ_n} as M·2^E (<see cref="AutoDiff.ScaledDerivative.Exp"/>: e^{−ℓ_n} itself where it is a normal double), or (0, 0) where ℓ_n &gt; 4096.</summary>
        private (double Mantissa, int Exponent) ScaledB(int n, Vector<double> theta)
        {
            var f = Problem.Output(n, theta); // f's own rejections first: a log density beyond the range is then the only one left
            double logP;
            try
            {
                logP = Problem.Likelihood.LogDensity(Label(n), f);
            }
            catch (ArgumentException)
            {
                return (0, 0); // log p below −double.MaxValue: b = e^{log p} is below every product of the finite pieces' range
            }
            // ℓ_n > 4096: every entry is below 2^-1600 (each piece of these likelihoods is below 2^4300·ℓ_n², e^{−4096} < 2^-5900),
            // so ±0; the saturated e^{−ℓ} would let a gradient beyond the range (σ² = 2^-1074, r = 2^-40) reject it instead
            return logP < -4096 ? (0, 0) : AutoDiff.ScaledDerivative.Exp(logP).Parts;
        }

        /// <summary>
        /// b·(s sᵀ + ∇²_θ log p) as <see cref="InnerHessians"/> forms it, with ±∞ (no rejection) where an entry is beyond the
        /// range.
        /// </summary>
        private Matrix<double> InnerHessian(int n, Vector<double> theta)
        {
            var (mantissa, exponent) = ScaledB(n, theta);
            return PlainInner(n, theta, mantissa, exponent) ?? WeightedInner(n, theta, mantissa, exponent);
        }

        /// <summary>
        /// The plain b·(s sᵀ + ∇²_θ log p), bit for bit as before, where it holds (see <see cref="InnerHessians"/>), else null.
        /// </summary>
        private Matrix<double>? PlainInner(int n, Vector<double> theta, double mantissa, int exponent)
        {
            if (exponent != 0 || Math.Abs(mantissa) < SubnormalFlush.SmallestNormal || Math.ILogB(mantissa) > 600 || !PiecesOrdinary(n, theta))
                return null;
            var s = Problem.Score(n, theta, Label(n));
            var h = Problem.LogDensityHessian(n, theta, Label(n));
            return ScaledSum.Ordinary(s) && ScaledSum.Ordinary(h.Enumerate()) ? mantissa * (s.OuterProduct(s) + h) : null;
        }

        /// <summary>
        /// True when J_n, every ∇²f_n^(m), ∇_f log p (a double) and ∇²_f log p (no factors or M·2^E form needed) are 0 or within
        /// [2^-100, 2^100]: the products that form s and ∇²_θ log p are then normal, so a zero entry is a true zero, not an
        /// underflow (σ² = 5e-280, x̃ = (2^-1022) had ∇²log p = −x²/σ² ≈ −9.9e-337 as 0, which b ≈ 1.8e139 scales up to −1.8e-197).
        /// </summary>
        private bool PiecesOrdinary(int n, Vector<double> theta)
        {
            var p = Problem;
            var f = p.Output(n, theta);
            if (!ScaledSum.Ordinary(p.Jacobian(n, theta).Enumerate())
                || !Enumerable.Range(0, p.Model.OutputDimension).All(m => ScaledSum.Ordinary(p.Model.OutputHessian(p.Data.Inputs[n], theta, m).Enumerate())))
                return false;
            var g = LikelihoodProblem.NamingTheta(() => ScaledVector.Of(p.Likelihood, Label(n), f), theta);
            if (!g.IsPlain || !ScaledSum.Ordinary(g.Mantissas))
                return false;
            if (p.Likelihood is LikelihoodBase likelihood
                && (LikelihoodProblem.NamingTheta(() => likelihood.HessianScaledWhereNeeded(Label(n), f), theta) is not null
                    || LikelihoodProblem.NamingTheta(() => likelihood.HessianFactorsWhereNeeded(Label(n), f), theta) is not null))
                return false;
            return ScaledSum.Ordinary(LikelihoodProblem.NamingTheta(() => p.Likelihood.Hessian(Label(n), f), theta).Enumerate());
        }

        /// <summary>
        /// w·(s sᵀ + ∇²_θ log p) for w = M·2^E, each entry one <see cref="ScaledSum"/> of the terms of
        /// <see cref="InnerHessians"/>' remarks (s and ∇²_θ log p never formed), ±∞ where it is beyond the range.
        /// </summary>
        private Matrix<double> WeightedInner(int n, Vector<double> theta, double mantissa, int exponent)
        {
            var sum = new ScaledCurvatureSum(Problem.Dimension);
            Problem.AddScoreOuterAndLogDensityHessian(sum, n, theta, mantissa, exponent);
            return sum.Value();
        }

        /// <summary>
        /// The residual term −Σ_n (s_n s_nᵀ + ∇²_θ log p_n) with every sample's terms in one <see cref="ScaledSum"/> per entry,
        /// for where a sample's term is beyond the range: ±∞ with the exact entry's sign (terms of +∞ and −∞ summed to NaN).
        /// </summary>
        public Matrix<double> CancelledResidualTerm(Vector<double> theta)
        {
            var sum = new ScaledCurvatureSum(Problem.Dimension);
            for (int n = 0; n < Problem.Count; n++)
                Problem.AddScoreOuterAndLogDensityHessian(sum, n, theta, -1, 0);
            return sum.Value();
        }

        /// <summary>
        /// The GGN Σ_n s_n s_nᵀ (eq. 7.17: (b s)(1/b²)(b s)ᵀ) with every sample's terms J·g·J·g in one
        /// <see cref="ScaledCurvatureSum"/> per entry, s never formed, for where an entry came out non-finite: ±∞ with the
        /// exact entry's sign, a finite entry within (3 + N)·u·Σ|terms| plus g's own error. Before, samples' terms of +∞ and
        /// −∞ summed to NaN (Poisson log rate, y = 0, f = 449 at x = −1 and 1: [0, 1] = −λ² + λ² = 0 came out NaN).
        /// </summary>
        public Matrix<double> CancelledGeneralizedGaussNewton(Vector<double> theta)
        {
            var sum = new ScaledCurvatureSum(Problem.Dimension);
            for (int n = 0; n < Problem.Count; n++)
            {
                var (j, g) = Problem.ScoreFactors(n, theta);
                sum.AddRankOneScaled(1, j, g);
            }
            return sum.Value();
        }

        /// <summary>
        /// The residual term (−1/b)·b(s sᵀ + ∇²_θ log p) of one sample: the plain product of −1/b and the plain
        /// <see cref="InnerHessians"/> where those run and every nonzero entry of b(s sᵀ + ∇²_θ log p) is a normal double
        /// and 1/b finite (bit for bit as before), else the cancelled form −(s sᵀ + ∇²_θ log p) as one scaled sum per entry
        /// (<see cref="WeightedInner"/> with w = −1).
        /// </summary>
        public Matrix<double> ResidualTermOf(int n, Vector<double> theta)
        {
            var (mantissa, exponent) = ScaledB(n, theta);
            if (PlainInner(n, theta, mantissa, exponent) is { } inner
                && inner.Enumerate().All(v => v == 0 || Math.Abs(v) >= SubnormalFlush.SmallestNormal))
                return Matrix<double>.Build.Dense(Problem.Dimension, Problem.Dimension) + -1 / mantissa * inner; // the former 0 + g·H
            return WeightedInner(n, theta, -1, 0);
        }

        /// <summary>
        /// True when the GGN term (b s)(1/b²)(b s)ᵀ = s sᵀ needs its cancelled form: some b·s_i with s_i ≠ 0 is below 2^-1022
        /// (subnormal or 0, b = 0 included), so J = b s has lost digits that 1/b² cannot restore, or b is above 2^511, so
        /// 1/(b·b) is below 2^-1022 or 0 (b² overflowed: σ² = 1e-310, x = 1e-150, y = 1e-160, b ≈ 4e154 gave G = 0 for s² ≈ 1).
        /// </summary>
        public bool NeedsCancelledTerm(int n, Vector<double> theta)
        {
            double b = B(n, theta);
            return b > LargestSquarableDensity
                || Problem.Score(n, theta, Label(n)).Any(v => v != 0 && Math.Abs(b * v) < SubnormalFlush.SmallestNormal);
        }

        /// <summary>2^511: above it 1/b² is below 2^-1022.</summary>
        private static readonly double LargestSquarableDensity = Math.ScaleB(1.0, 511);

        // a(b) = −log b: ∇a = −1/b, ∇²a = 1/b² (footnote 7.3).
        public override Vector<double> OuterGradient(int n, Vector<double> theta) => Vector<double>.Build.Dense(1, -1 / B(n, theta));

        /// <summary>1/b², as (1/b)·(1/b) where b > 2^511 (b·b overflowed there, and 1/(b·b) came out 0 for a subnormal 1/b²).</summary>
        public override Matrix<double> OuterHessian(int n, Vector<double> theta)
        {
            double b = B(n, theta);
            return Matrix<double>.Build.Dense(1, 1, b > LargestSquarableDensity ? 1 / b * (1 / b) : 1 / (b * b));
        }
    }
}
