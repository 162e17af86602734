using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Verification.Tests.Properties.Numerics.Exact;
using static Verification.Tests.Properties.Numerics.Curvature.CurvatureProblemRangeProperties;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureProblem{T}"/> in doubles over the tanh MLP (balles-thesis §7.4) with the five likelihoods besides
/// the Gaussian identity (Bernoulli probability and logit, categorical softmax with C = 3, Poisson log rate, Gaussian
/// mean–variance; <see cref="CurvatureShape"/> accepts each with the MLP), D ≤ 2, H ≤ 2, N ≤ 3, inputs and θ over the
/// whole double range, labels in each likelihood's support.
/// </summary>
/// <remarks>
/// Reference: each closed-form member in exact rationals from the problem's own per-sample doubles: f_n, J_n, ∇²f_n^(m)
/// (<see cref="CurvatureProblem{T}.Model"/>, TanhMlp's: <see cref="CurvatureProblemMlpRangeProperties"/> checks that bit
/// for bit), the rule's nodes and weights (<see cref="CurvatureProblem{T}.Expectation"/>), and at the label and each node
/// g = ∇_f log p and A = ∇²_f log p (<see cref="CurvatureFormulas.LogDensityDerivatives{T}"/> in doubles; for the Gaussian
/// mean–variance, where the problem takes ∇²_f log p as factors P ⊙ Q, the exact P ⊙ Q of the factor doubles; for the
/// logit, Poisson and softmax, where the problem carries a sample's weights, node scores and ∇²_f log p as M·2^E because
/// one falls below 2^-1022, those exactly, <see cref="CurvatureProblem{T}.ScaledTerms"/>; ScaledLikelihoodTermsRangeProperties
/// checks them against rational enclosures, and CurvatureProblemMlpWeightUnderflowExamples end to end). Their own
/// accuracy is checked elsewhere (ModelRangeProperties, LikelihoodRangeProperties, CurvatureFormulaRangeProperties), so
/// what is checked here is the assembly. M outputs, K nodes per sample (2, 2, 3, 2, 3), N samples, d parameters, u = 2^-53,
/// first-order bounds plus 1u for second-order terms, each k·u·Σ|terms| + (T + 2)·2^-1074:
/// <list type="bullet">
/// <item>GGN −Σ_n J_nᵀA_nJ_n (eq. 7.14, both entry points): the plain (JᵀA)J forms two dot products of M terms, 2M·u, and
/// N − 1 sample additions; the scaled sum (3 + T)·u with T = N·M² four-factor terms, (4 + T)·u where P ⊙ Q gives five
/// factors. 2M + N − 1 ≤ N·M² + 2, so k = N·M² + 5.</item>
/// <item>the canonical split's residual term −Σ_{n,m} g_m∇²f_n^(m) (eq. 7.9): N·M products and N·M − 1 additions: N·M + 1;
/// where the problem takes a label's score as M·2^E (the rule's node score there, carried so), the scaled sum's (3 + T)·u
/// with T = N·M plus the score's own 3u: N·M + 6.</item>
/// <item>E[−∇²] = −Σ_{n,k} w_k(J_nᵀA_kJ_n + Σ_m g_km∇²f_n^(m)) (eq. 7.4): plain, JᵀAJ 2M·u, the M products g·∇²f and
/// M additions, the weight 1u, N·K − 1 node additions: 3M + N·K + 1; scaled, (4 + T)·u with T = N·K·(M² + M) terms, and
/// (5 + T)·u where the weights and ∇²_f log p are carried as M·2^E (their mantissas multiplied once).
/// k = N·K·(M² + M) + 5, the larger.</item>
/// <item>Fisher Σ_{n,k} w_k J_nᵀg_kg_kᵀJ_n at the rule's nodes (eq. 7.2): plain, g_ig_j and its weight 2u, K − 1 node
/// additions, the congruence 2M·u, N − 1 sample additions: K + 2M + N; scaled, five factors, (4 + T)·u, T = N·K·M².
/// k = N·K·M² + 5.</item>
/// <item>the empirical-Fisher split (eq. 7.17) where the problem sums it from the closed-form pieces (an entry of some J_n
/// or label score outside [2^-100, 2^100], or the score carried as M·2^E): GGN = F̃ = Σ_n J_nᵀg g ᵀJ_n and residual term
/// −Σ_n (J_nᵀg g ᵀJ_n + J_nᵀAJ_n + Σ_m g_m∇²f_n^(m)), each term the weight −1 (or 1) and at most four other factors:
/// (3 + T)·u with T = N·M², N·(2M² + M) terms, +1 for second-order terms.</item>
/// <item>r(θ) = Σ_n ‖g_n‖₁ (eq. 7.16): N·M − 1 additions of nonnegative terms: N·M + 1.</item>
/// <item>TermScale Σ_n [‖J_n‖²(1 + G_n² + H_n) + G_n·K_n], G_n = max ‖g‖₁ and H_n = max Σ|A| over the nodes and the label,
/// K_n = Σ_m Σ|∇²f_n^(m)| (M·d² entries), all terms nonnegative. Product form: G (M − 1)u, G² 2M − 1, H M² − 1,
/// 1 + G² + H max(2M + 1, M²) ≤ M² + 2, ‖J‖² M·d, their product M·d + M² + 3; K M·d² − 1, G·K M·d² + M − 1; the term's sum
/// 1, the samples' N − 1. Scaled form: per J entry (J·G)² 2M + 1, J·(J·H) M² + 1 and 2 additions, then M·d additions
/// onto G·K. Both within M·d² + M·d + M² + M + N + 3, +1. Where a double g or A is beyond the range (Bernoulli
/// probability ∇²_q = −1/q² below q ≈ 7.5e-155, Poisson nodes at eᶠ = ∞) the problem sums the exact term from rational
/// enclosures of the same closed forms: there the reference is that (the intervals' upper ends, 128 bits), same k.</item>
/// </list>
/// Each member may instead reject naming the range where a piece it needs is beyond ±double.MaxValue (f_n, J_n, ∇²f_n, or a
/// double g, A, weight or node at the label or the rule's nodes) or an exact entry is; where some f_n is outside the
/// likelihood's domain (q ∉ (0, 1), v ≤ 0) every member must reject naming the domain.
/// </remarks>
[Properties(MaxTest = 100)] // exact rationals of up to 2^±2200 over d ≤ 15 parameters: about 20 ms a case
public class CurvatureProblemMlpLikelihoodsRangeProperties
{
    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static readonly Fraction NearMax = ExactDouble.ToFraction(double.MaxValue) * (1 - ExactDouble.Pow2(-40));

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static readonly global::Verification.Numerics.Curvature.Likelihoods.GaussianMeanVariance MeanVariance = new();

    private static readonly global::Verification.Numerics.Curvature.Likelihoods.BernoulliProbability Probability = new();

    /// <summary>D, H, the inputs x_n, the data labels y_n (a class index for the categorical) and θ (W₁ row-major with the bias last, then W₂).</summary>
    public sealed record Case(int Inputs, int Hidden, double[][] X, double[] Y, double[] Theta)
    {
        /// <inheritdoc />
        public override string ToString() =>
            $"D = {Inputs}, H = {Hidden}, x = [{string.Join("; ", X.Select(x => string.Join(", ", x.Select(v => v.ToString("R")))))}], " +
            $"y = [{string.Join(", ", Y.Select(v => v.ToString("R")))}], θ = [{string.Join(", ", Theta.Select(v => v.ToString("R")))}]";
    }

    private static Gen<double[]> Ordinary(int count) => Gen.ArrayOf(FullRangeDoubles.Moderate.SelectMany(v => Gen.Elements(v, -v)), count);

    /// <summary>Small ordinary multipliers t, |t| ≤ 2^-3: output weights t·s keep Σ_k W₂[o,k]h_k within s/4 (|h_k| ≤ 1, H ≤ 2).</summary>
    private static Gen<double> Small { get; } = FullRangeDoubles.Moderate.SelectMany(v => Gen.Elements(v, -v)).Select(v => Math.ScaleB(v, -12));

    /// <summary>
    /// Cases for an M-output likelihood: x and θ as in <see cref="CurvatureProblemMlpRangeProperties"/>, then, 3 times in 4,
    /// the last output row rewritten by <paramref name="row"/> (bias and W₂ weights from the row's scale) so that
    /// f is in the likelihood's domain or where its rule is defined.
    /// </summary>
    private static Arbitrary<Case> Cases(int outputs, Gen<double> label, Gen<Func<int, double[]>>? row = null) =>
        (from inputs in Gen.Choose(1, 2)
         from hidden in Gen.Choose(1, 2)
         from count in Gen.Choose(1, 3)
         let w1 = hidden * (inputs + 1)
         let d = w1 + outputs * (hidden + 1)
         from x in Gen.ArrayOf(Gen.Frequency((2, FullRangeDoubles.SignedOrOneScale(inputs)), (1, Ordinary(inputs))), count)
         from theta in Gen.Frequency((2, FullRangeDoubles.SignedOrOneScale(d)), (1, Ordinary(d)))
         from rewrite in row is null ? Gen.Constant<Func<int, double[]>?>(null) : Gen.Frequency((1, Gen.Constant<Func<int, double[]>?>(null)), (3, row.Select(r => (Func<int, double[]>?)r)))
         from y in Gen.ArrayOf(label, count)
         select new Case(inputs, hidden, x, y, rewrite is null ? theta : Rewrite(theta, w1, hidden, outputs, rewrite))).ToArbitrary();

    private static double[] Rewrite(double[] theta, int w1, int hidden, int outputs, Func<int, double[]> row)
    {
        var t = (double[])theta.Clone();
        int o = outputs - 1; // the probability, the log rate, or the variance
        var r = row(hidden);
        for (int k = 0; k <= hidden; k++)
            t[w1 + o * (hidden + 1) + k] = r[k];
        return t;
    }

    /// <summary>A row (W₂[o, 0..H−1], b₂[o]) with bias s and weights t·m, m = min(s, 1 − s) or s (|Σ W₂h| ≤ m/4).</summary>
    private static Gen<Func<int, double[]>> Row(Gen<double> bias, bool unit) =>
        from s in bias
        from t in Gen.ArrayOf(Small, 2)
        select (Func<int, double[]>)(h =>
        {
            double m = unit ? Math.Min(s, 1 - s) : s;
            return Enumerable.Range(0, h).Select(k => t[k] * m).Append(s).ToArray();
        });

    /// <summary>One sample's per-sample doubles as exact rationals (null where a double is not finite).</summary>
    private sealed record Piece(Fraction[]? G, Fraction[,]? A);

    /// <summary>g and A (the exact P ⊙ Q where the problem takes factors) at label y and output f, from the doubles.</summary>
    private static Piece Pieces(CurvatureShape shape, Float64[] y, Float64[] f)
    {
        var (g, h) = CurvatureFormulas.LogDensityDerivatives(shape, y, f);
        int m = shape.Outputs;
        var gExact = g.All(v => double.IsFinite(v.Value)) ? g.Select(v => F(v.Value)).ToArray() : null;
        var a = new Fraction[m, m];
        (MathNet.Numerics.LinearAlgebra.Matrix<double> P, MathNet.Numerics.LinearAlgebra.Matrix<double> Q)? factors;
        try
        {
            factors = FactorsWhereNeeded(shape, y, f);
        }
        catch (FactorBeyondRange)
        {
            return new Piece(gExact, null);
        }
        if (factors is { } pq) // ∇²_f log p = P ⊙ Q (the problem adds w·Jᵀ(P ⊙ Q)J for w·JᵀAJ)
        {
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++)
                    a[i, j] = F(pq.P[i, j]) * F(pq.Q[i, j]);
            return new Piece(gExact, a);
        }
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
            {
                if (!double.IsFinite(h[i, j].Value))
                    return new Piece(gExact, null);
                a[i, j] = F(h[i, j].Value);
            }
        return new Piece(gExact, a);
    }

    private sealed class FactorBeyondRange : Exception;

    /// <summary>
    /// The Gaussian mean–variance and Bernoulli probability factors exactly where <see cref="CurvatureProblem{T}"/> takes
    /// them (its private condition).
    /// </summary>
    private static (MathNet.Numerics.LinearAlgebra.Matrix<double> P, MathNet.Numerics.LinearAlgebra.Matrix<double> Q)? FactorsWhereNeeded(
        CurvatureShape shape, Float64[] label, Float64[] f)
    {
        if (shape.Likelihood == LikelihoodFamily.BernoulliProbability)
        {
            double q = f[0].Value;
            if (!(q > 0 && q < 1))
                return null;
            try
            {
                return Probability.HessianFactorsWhereNeeded(label[0].Value, MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray([q]));
            }
            catch (ArgumentException)
            {
                throw new FactorBeyondRange(); // 1/q beyond the range: the problem rejects naming the range
            }
        }
        if (shape.Likelihood != LikelihoodFamily.GaussianMeanVariance)
            return null;
        double y = label[0].Value, mean = f[0].Value, variance = f[1].Value;
        if (ScaledSum.Ordinary(y, mean, variance) || !(variance > 0))
            return null;
        double a = global::Verification.Numerics.Curvature.Likelihoods.GaussianTerms.ResidualOver(y, mean, variance);
        if (!double.IsFinite(a) || !double.IsFinite(1 / variance))
            return null;
        try
        {
            return MeanVariance.HessianFactorsWhereNeeded(y, MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray([mean, variance]));
        }
        catch (ArgumentException)
        {
            throw new FactorBeyondRange(); // a factor itself beyond the range: the problem rejects naming the range
        }
    }

    /// <summary>Every closed-form member against the exact assembly of its per-sample pieces (class remarks).</summary>
    private static Property Check(LikelihoodFamily family, Case c)
    {
        var shape = new CurvatureShape(ModelFamily.TanhMlp, family, c.Inputs, c.Hidden);
        int count = c.X.Length, d = shape.Parameters, m = shape.Outputs;
        var labels = c.Y.Select(y => CurvatureFormulas.Label<Float64>(shape, y)).ToArray();
        var problem = new CurvatureProblem<Float64>(shape, Float64.Of(0),
            c.X.Select(x => x.Select(Float64.Of).ToArray()).ToArray(), labels, c.Theta.Select(Float64.Of).ToArray());
        string at = $"{shape.LikelihoodName}, {c}";
        var models = Enumerable.Range(0, count).Select(problem.Model).ToArray();
        bool modelFinite = models.All(e => e.Value.All(v => double.IsFinite(v.Value))
            && Finite(e.Jacobian) && e.Hessians.All(Finite));
        if (!models.All(e => e.Value.All(v => !double.IsNaN(v.Value))))
            return false.Label($"an output f_n is NaN at {at}");
        if (!models.All(e => CurvatureFormulas.InDomain(family, e.Value)))
            return Rejected($"at {at} (f outside the domain)", problem, "domain");
        if (!modelFinite)
            return Entries($"GGN at {at} (a model piece beyond the range)", Flat(problem.GeneralizedGaussNewton), null, null, 0, 0, true)
                .And(Entries($"Fisher at {at} (a model piece beyond the range)", Flat(problem.Fisher), null, null, 0, 0, true))
                .And(Entries($"E[−∇²] at {at} (a model piece beyond the range)", Flat(problem.ExpectedNegativeHessian), null, null, 0, 0, true))
                .And(Entries($"TermScale at {at} (a model piece beyond the range)", () => [problem.TermScale().Value], null, null, 0, 0, true));

        var j = models.Select(e => Matrix(e.Jacobian)).ToArray();
        var hf = models.Select(e => e.Hessians.Select(Matrix).ToArray()).ToArray();
        var atLabel = Enumerable.Range(0, count).Select(n => Pieces(shape, labels[n], models[n].Value)).ToArray();
        // the rule as the problem evaluates it, non-finite nodes included; its public Expectation rejects exactly those
        var rules = models.Select(e => CurvatureFormulas.ExpectationUnchecked(shape, e.Value)).ToArray();
        bool weightsFinite = rules.All(r => r.All(p => double.IsFinite(p.Weight.Value) && p.Label.All(v => double.IsFinite(v.Value))));
        var doubleLabel = atLabel;
        // the Gaussian nodes are evaluated at their offsets y_k − f₀ with f₀ = 0, as the problem evaluates them
        // (CurvatureFormulas.ExpectationOffsets: the nodes f₀ ∓ √(3v) round to f₀ beyond |f₀| ≈ 2^53·√(3v))
        var doubleNodes = Enumerable.Range(0, count).Select(n =>
        {
            var f = models[n].Value;
            var offsets = CurvatureFormulas.ExpectationOffsets(shape, f);
            var centred = offsets is null ? f : f.Select((v, i) => i == 0 ? Float64.Of(0) : v).ToArray();
            var scores = CurvatureFormulas.ExpectationNodeScores(shape, f); // the Poisson's y_k − λ as the roots u∓
            return rules[n].Select((p, k) =>
            {
                var label = offsets is null ? p.Label : [offsets[k]];
                var piece = label.All(v => double.IsFinite(v.Value)) ? Pieces(shape, label, centred) : new Piece(null, null);
                if (scores is not null)
                    piece = piece with { G = double.IsFinite(scores[k].Value) ? [F(scores[k].Value)] : null };
                return (W: double.IsFinite(p.Weight.Value) ? F(p.Weight.Value) : Fraction.Zero, P: piece);
            }).ToArray();
        }).ToArray();
        // where the problem carries sample n's weights, node scores and ∇²_f log p as M·2^E (one below 2^-1022), those
        // exactly; TermScale keeps the doubles, as the problem's does
        var scaled = Enumerable.Range(0, count).Select(problem.ScaledTerms).ToArray();
        var nodes = Enumerable.Range(0, count).Select(n => scaled[n] is { } terms
            ? terms.Nodes.Select(p => (W: Scaled(p.Weight),
                P: new Piece(Enumerable.Range(0, p.Gradient.Count).Select(i => Scaled((p.Gradient.Mantissas[i], p.Gradient.Exponents[i]))).ToArray(),
                    ScaledMatrix(terms.Hessian)))).ToArray()
            : doubleNodes[n]).ToArray();
        atLabel = Enumerable.Range(0, count).Select(n => scaled[n] is { } terms ? atLabel[n] with { A = ScaledMatrix(terms.Hessian) } : atLabel[n]).ToArray();
        // the score at the label is node y's (logit: σ(−f) at y = 1, −σ(f) at y = 0; softmax: e_y − π; Poisson at y = 0: −λ),
        // and where the problem carries that node's score as M·2^E its residual term takes it so
        int LabelNode(int n) => shape.Likelihood switch
        {
            LikelihoodFamily.BernoulliLogit or LikelihoodFamily.CategoricalSoftmax => (int)c.Y[n],
            LikelihoodFamily.PoissonLog when c.Y[n] == 0 => 0,
            _ => -1,
        };
        bool labelScaled = false;
        for (int n = 0; n < count; n++)
            if (scaled[n] is { } terms && LabelNode(n) is var node && node >= 0)
            {
                var g = terms.Nodes[node].Gradient;
                atLabel[n] = atLabel[n] with { G = Enumerable.Range(0, g.Count).Select(i => Scaled((g.Mantissas[i], g.Exponents[i]))).ToArray() };
                labelScaled = true;
            }
        int k = nodes.Max(ns => ns.Length);
        bool Beyond(Fraction x) => Fraction.Abs(x) >= NearMax;
        bool labelG = atLabel.All(p => p.G is not null), labelA = atLabel.All(p => p.A is not null);
        bool nodeG = weightsFinite && nodes.All(ns => ns.All(p => p.P.G is not null));
        bool nodeA = nodeG && nodes.All(ns => ns.All(p => p.P.A is not null));

        // GGN and the canonical split
        var (ggn, ggnScale) = labelA ? Sum(count, d, (n, a, b) => Congruence(j[n], atLabel[n].A!, -1, a, b)) : (null, null);
        var (residual, residualScale) = labelG ? Sum(count, d, (n, a, b) => Curvature(hf[n], atLabel[n].G!, -1, a, b)) : (null, null);
        bool ggnMay = !labelA || ggn!.Any(Beyond);
        bool pairMay = ggnMay || !labelG || residual!.Any(Beyond);
        var result = true.ToProperty()
            .And(Entries($"GGN at {at}", Flat(problem.GeneralizedGaussNewton), ggn, ggnScale, count * m * m + 5, count * m * m, ggnMay))
            .And(Entries($"canonical split's GGN at {at}", Flat(() => problem.Split(SplitKind.Canonical).Ggn), ggn, ggnScale, count * m * m + 5, count * m * m, pairMay))
            .And(Entries($"canonical split's residual term at {at}", Flat(() => problem.Split(SplitKind.Canonical).Residual), residual, residualScale,
                labelScaled ? count * m + 6 : count * m + 1, count * m, pairMay));

        // the empirical-Fisher split where the problem sums it from these pieces (an entry of some J_n or label score g not 0
        // or within [2^-100, 2^100], or g carried as M·2^E; elsewhere its jets run): GGN = F̃ = Σ_n J_nᵀg g ᵀJ_n, residual
        // term −Σ_n (J_nᵀg g ᵀJ_n + J_nᵀA J_n + Σ_m g_m∇²f_n^(m)); weight −1 and at most four other factors, (3 + T)·u with
        // T = N·M² and N·(2M² + M) terms, plus 1u for second-order terms
        bool efClosedForm = Enumerable.Range(0, count).Any(n => scaled[n] is not null && LabelNode(n) >= 0
            || !ScaledSum.Ordinary(Enumerable.Range(0, m).SelectMany(i => Enumerable.Range(0, d).Select(a => models[n].Jacobian[i, a].Value)))
            || !ScaledSum.Ordinary(CurvatureFormulas.LogDensityDerivatives(shape, labels[n], models[n].Value).Gradient.Select(v => v.Value)));
        if (efClosedForm)
        {
            var (efGgn, efGgnScale) = labelG ? Sum(count, d, (n, a, b) => Congruence(j[n], Outer(atLabel[n].G!), 1, a, b)) : (null, null);
            var (efResidual, efResidualScale) = labelG && labelA ? Sum(count, d, (n, a, b) =>
            {
                var (t1, s1) = Congruence(j[n], Outer(atLabel[n].G!), -1, a, b);
                var (t2, s2) = Congruence(j[n], atLabel[n].A!, -1, a, b);
                var (t3, s3) = Curvature(hf[n], atLabel[n].G!, -1, a, b);
                return (t1 + t2 + t3, s1 + s2 + s3);
            }) : (null, null);
            bool efMay = !labelG || !labelA || efGgn!.Any(Beyond) || efResidual!.Any(Beyond);
            int ggnTerms = count * m * m, residualTerms = count * (2 * m * m + m);
            result = result
                .And(Entries($"empirical-Fisher split's GGN at {at}", Flat(() => problem.Split(SplitKind.EmpiricalFisher).Ggn), efGgn, efGgnScale,
                    ggnTerms + 4, ggnTerms, efMay))
                .And(Entries($"empirical-Fisher split's residual term at {at}", Flat(() => problem.Split(SplitKind.EmpiricalFisher).Residual), efResidual,
                    efResidualScale, residualTerms + 4, residualTerms, efMay));
        }

        // E[−∇²] and the Fisher at the rule's nodes
        int nodeTerms = count * k * (m * m + m);
        var (enh, enhScale) = nodeA ? Sum(count, d, (n, a, b) => nodes[n].Aggregate((Term: Fraction.Zero, Scale: Fraction.Zero), (s, p) =>
        {
            var (t1, s1) = Congruence(j[n], p.P.A!, -p.W, a, b);
            var (t2, s2) = Curvature(hf[n], p.P.G!, -p.W, a, b);
            return (s.Term + t1 + t2, s.Scale + s1 + s2);
        })) : (null, null);
        result = result.And(Entries($"E[−∇²] at {at}", Flat(problem.ExpectedNegativeHessian), enh, enhScale, nodeTerms + 5, nodeTerms, !nodeA || enh!.Any(Beyond)));
        var (fisher, fisherScale) = nodeG ? Sum(count, d, (n, a, b) => nodes[n].Aggregate((Term: Fraction.Zero, Scale: Fraction.Zero), (s, p) =>
        {
            var (t, sc) = Congruence(j[n], Outer(p.P.G!), p.W, a, b);
            return (s.Term + t, s.Scale + sc);
        })) : (null, null);
        result = result.And(Entries($"Fisher at {at}", Flat(problem.Fisher), fisher, fisherScale, count * k * m * m + 5, count * k * m * m, !nodeG || fisher!.Any(Beyond)));

        // r(θ)
        var r = labelG ? atLabel.Aggregate(Fraction.Zero, (s, p) => s + p.G!.Aggregate(Fraction.Zero, (t, g) => t + Fraction.Abs(g))) : (Fraction?)null;
        result = result.And(Entries($"r(θ) at {at}", () => [problem.Residual().Value], r is { } rv ? [rv] : null, r is { } rs ? [rs] : null,
            count * m + 1, count * m, r is null || Beyond(r.Value)));

        // TermScale: from the doubles, or where one of sample n's g, A is beyond the range from 128-bit enclosures
        Fraction termScale = 0;
        for (int n = 0; n < count; n++)
        {
            var pieces = doubleNodes[n].Select(p => p.P).Append(doubleLabel[n]).ToArray();
            Fraction big, curvatureOfLikelihood;
            if (weightsFinite && pieces.All(p => p.G is not null && p.A is not null))
            {
                big = pieces.Max(p => p.G!.Aggregate(Fraction.Zero, (t, g) => t + Fraction.Abs(g)))!;
                curvatureOfLikelihood = pieces.Max(p => p.A!.Cast<Fraction>().Aggregate(Fraction.Zero, (t, x) => t + Fraction.Abs(x)))!;
            }
            else
                (big, curvatureOfLikelihood) = Enclosed(shape, labels[n], models[n].Value);
            var jj = j[n].Cast<Fraction>().Aggregate(Fraction.Zero, (s, x) => s + x * x);
            var curvature = hf[n].SelectMany(h => h.Cast<Fraction>()).Aggregate(Fraction.Zero, (s, x) => s + Fraction.Abs(x));
            termScale += jj * (1 + big * big + curvatureOfLikelihood) + big * curvature;
        }
        termScale = termScale > Tiny ? termScale : Tiny;
        return result.And(Entries($"TermScale at {at}", () => [problem.TermScale().Value], [termScale], [termScale],
            m * d * d + m * d + m * m + m + count + 4, 0, false));
    }

    /// <summary>G_n and H_n from the closed forms in 128-bit rational intervals at the double f (their upper ends), as TermScale's exact term takes them.</summary>
    private static (Fraction G, Fraction H) Enclosed(CurvatureShape shape, Float64[] label, Float64[] f)
    {
        var fi = f.Select(v => RationalInterval.Of(v.Value)).ToArray();
        if (shape.Likelihood == LikelihoodFamily.PoissonLog)
        {
            // as the problem's exact term: above f = 2200 the term is beyond the range (the output bias's J entry is 1, and
            // J²·λ ≥ e^2200 > 2^3173), so 2^3000 stands for H; below −4096 λ < e^-4096 changes no ulp of the term (≥ J² ≥ 1)
            if (f[0].Value > 2200)
                return (0, ExactDouble.Pow2(3000));
            if (f[0].Value < -4096)
                fi = [RationalInterval.Of(-4096)];
        }
        var y = label.Select(v => RationalInterval.Of(v.Value)).ToArray();
        Fraction g = 0, h = 0;
        foreach (var node in CurvatureFormulas.Expectation(shape, fi).Select(p => p.Label).Append(y))
        {
            var (grad, hess) = CurvatureFormulas.LogDensityDerivatives(shape, node, fi);
            g = FractionExtensions.Max(g, grad.Aggregate(Fraction.Zero, (s, v) => s + v.Abs().Upper));
            h = FractionExtensions.Max(h, Enumerable.Range(0, hess.Rows).SelectMany(i => Enumerable.Range(0, hess.Columns).Select(k => hess[i, k])).Aggregate(Fraction.Zero, (s, v) => s + v.Abs().Upper));
        }
        return (g, h);
    }

    /// <summary>Every member rejects with a message naming <paramref name="word"/> (or the range: an earlier sample's piece beyond it).</summary>
    private static Property Rejected(string at, CurvatureProblem<Float64> problem, string word)
    {
        var members = new (string Name, Action Run)[]
        {
            ("GGN", () => problem.GeneralizedGaussNewton()), ("split", () => problem.Split(SplitKind.Canonical)),
            ("E[−∇²]", () => problem.ExpectedNegativeHessian()), ("Fisher", () => problem.Fisher()),
            ("r(θ)", () => problem.Residual()), ("TermScale", () => problem.TermScale()),
        };
        var result = true.ToProperty();
        foreach (var (name, run) in members)
        {
            string? message = null;
            try
            {
                run();
            }
            catch (ArgumentException ex)
            {
                message = ex.Message;
            }
            // a sample before the one outside the domain may be rejected first, for a piece beyond the range
            bool named = message is not null && (message.Contains(word, StringComparison.Ordinal) || message.Contains("double.MaxValue", StringComparison.Ordinal));
            result = result.And(named
                .Label($"{name} {at}: {(message is null ? "returned" : $"rejected with '{message}'")}, not a rejection naming the {word} or the range"));
        }
        return result;
    }

    /// <summary>M·2^E exactly, 0 below 2^<see cref="ScaledFloor"/>.</summary>
    private static Fraction Scaled((double Mantissa, int Exponent) x) =>
        x.Exponent < ScaledFloor ? Fraction.Zero : F(x.Mantissa) * ExactDouble.Pow2(x.Exponent);

    /// <summary>
    /// Below 2^-8000 a carried piece is taken as 0 (a softmax π_c at f_c − m ≈ −1e300 is carried as 2^-(2^20), whose
    /// rational would cost a million bits): every term it enters has at most two J or ∇²f factors below 2^1024 and other
    /// pieces below 4, so it is below 2^-5900, far under the 2^-1074 per term the tolerance allows.
    /// </summary>
    private const int ScaledFloor = -8000;

    private static Fraction[,] ScaledMatrix((double Mantissa, int Exponent)[,] a)
    {
        var r = new Fraction[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int k = 0; k < a.GetLength(1); k++)
                r[i, k] = Scaled(a[i, k]);
        return r;
    }

    private static bool Finite(RealMatrix<Float64> a) =>
        Enumerable.Range(0, a.Rows).All(i => Enumerable.Range(0, a.Columns).All(k => double.IsFinite(a[i, k].Value)));

    private static Fraction[,] Matrix(RealMatrix<Float64> a)
    {
        var r = new Fraction[a.Rows, a.Columns];
        for (int i = 0; i < a.Rows; i++)
            for (int k = 0; k < a.Columns; k++)
                r[i, k] = F(a[i, k].Value);
        return r;
    }

    private static Fraction[,] Outer(Fraction[] g)
    {
        var o = new Fraction[g.Length, g.Length];
        for (int i = 0; i < g.Length; i++)
            for (int k = 0; k < g.Length; k++)
                o[i, k] = g[i] * g[k];
        return o;
    }

    /// <summary>c·Σ_ij J_ia·A_ij·J_jb and Σ_ij |c·J_ia·A_ij·J_jb|.</summary>
    private static (Fraction Term, Fraction Scale) Congruence(Fraction[,] j, Fraction[,] a, Fraction c, int p, int q)
    {
        Fraction t = 0, s = 0;
        if (c == 0)
            return (t, s);
        for (int i = 0; i < a.GetLength(0); i++)
        {
            if (j[i, p] == 0)
                continue;
            for (int k = 0; k < a.GetLength(1); k++)
            {
                if (a[i, k] == 0 || j[k, q] == 0)
                    continue;
                var term = c * j[i, p] * a[i, k] * j[k, q];
                t += term;
                s += Fraction.Abs(term);
            }
        }
        return (t, s);
    }

    /// <summary>c·Σ_m g_m·∇²f^(m)_ab and Σ_m |c·g_m·∇²f^(m)_ab|.</summary>
    private static (Fraction Term, Fraction Scale) Curvature(Fraction[][,] hessians, Fraction[] g, Fraction c, int a, int b)
    {
        Fraction t = 0, s = 0;
        for (int m = 0; m < g.Length; m++)
        {
            var term = c * g[m] * hessians[m][a, b];
            t += term;
            s += Fraction.Abs(term);
        }
        return (t, s);
    }

    private static Gen<double> Binary { get; } = Gen.Elements(0.0, 1.0);

    /// <summary>Bernoulli probability (f = q ∈ (0, 1)): output row mostly rewritten to bias q₀ ∈ (0, 1) from the whole range (and 1 − q₀), weights within min(q₀, 1 − q₀)/4.</summary>
    [Property]
    public Property BernoulliProbabilityMlp_ClosedFormCurvatureMatrices_AreExactOrRejected() =>
        Prop.ForAll(Cases(1, Binary, Row(Gen.Frequency(
                (3, FullRangeDoubles.Positive.Where(p => p < 0.5)),
                (1, FullRangeDoubles.Positive.Where(p => p < 0.5).Select(p => 1 - p))), unit: true)),
            c => Check(LikelihoodFamily.BernoulliProbability, c));

    /// <summary>
    /// Bernoulli logit (eq. D.33): any f; the output row mostly rewritten to a bias from the whole range or, half the time,
    /// ±[700, 1600], where σ(−|f|) (a weight, a node score and ∇²_f log p) leaves the normal range at about 708.4 while
    /// the W₁ columns' J = W₂·s·x̃ may be large (stop 37: the carried M·2^E pieces; the generator without the row reached
    /// them too rarely for a dropped exponent in the Fisher's weight to fail it).
    /// </summary>
    [Property]
    public Property BernoulliLogitMlp_ClosedFormCurvatureMatrices_AreExactOrRejected() =>
        Prop.ForAll(Cases(1, Binary, Row(Gen.Frequency((1, FullRangeDoubles.Signed),
                (1, Gen.Choose(7000, 16000).SelectMany(k => Gen.Elements(k / 10.0, -k / 10.0)))), unit: false)),
            c => Check(LikelihoodFamily.BernoulliLogit, c));

    /// <summary>Categorical softmax, C = 3 (eq. D.37): M = 3, d = H(D + 1) + 3(H + 1) ≤ 15.</summary>
    [Property]
    public Property CategoricalSoftmaxMlp_ClosedFormCurvatureMatrices_AreExactOrRejected() =>
        Prop.ForAll(Cases(3, Gen.Elements(0.0, 1.0, 2.0)), c => Check(LikelihoodFamily.CategoricalSoftmax, c));

    /// <summary>Poisson log rate: counts 0…20 or from the whole range; the output row mostly rewritten to a log rate in [−800, 720] (eᶠ from 0 to beyond the range).</summary>
    [Property]
    public Property PoissonLogMlp_ClosedFormCurvatureMatrices_AreExactOrRejected() =>
        Prop.ForAll(Cases(1, Gen.Frequency((3, Gen.Choose(0, 20).Select(k => (double)k)), (1, FullRangeDoubles.Positive.Select(Math.Floor))),
                Row(Gen.Choose(-8000, 7200).Select(k => k / 10.0), unit: false)),
            c => Check(LikelihoodFamily.PoissonLog, c));

    /// <summary>Gaussian mean–variance, f = (μ, v): the variance row mostly rewritten to bias v₀ from the whole positive range, weights within v₀/4; labels from the whole range.</summary>
    [Property]
    public Property GaussianMeanVarianceMlp_ClosedFormCurvatureMatrices_AreExactOrRejected() =>
        Prop.ForAll(Cases(2, FullRangeDoubles.Signed, Row(FullRangeDoubles.Positive, unit: false)),
            c => Check(LikelihoodFamily.GaussianMeanVariance, c));
}
