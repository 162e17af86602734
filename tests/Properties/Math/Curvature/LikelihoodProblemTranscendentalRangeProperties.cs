using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The problem-level matrices of balles-thesis ch. 7 (<see cref="LikelihoodProblem"/>) for the likelihoods with
/// transcendental derivatives (Bernoulli logit, categorical softmax, Poisson log, Gaussian mean–variance), linear model
/// f = W·x̃ (J_n = I_M ⊗ x̃_nᵀ exactly, ∇²f = 0), N ≤ 4, d ≤ 6, data and θ over the whole double range (issue 15, item 1).
/// </summary>
/// <remarks>
/// What is checked is the problem-level assembly: the sums over n and k and the congruences J_nᵀ·A·J_n. The reference of
/// each entry is that closed form in exact rationals, built from the likelihood's own per-sample doubles at the computed f_n:
/// g = ∇_f log p, A = ∇²_f log p (or, where <see cref="LikelihoodBase.HessianFactorsWhereNeeded"/> gives factors, the exact
/// product P ⊙ Q of the factor doubles), log p, and the rule's double nodes (for the mean–variance its offsets y_k − μ at μ = 0) and weights; g, A and the weights as M·2^E
/// where the likelihood gives that form (an entry below 2^-1022). Those per-sample doubles are within
/// their own documented bounds of the transcendental values (<see cref="LikelihoodRangeProperties"/> checks them against
/// 96-bit exp/log enclosures), so the error against the true value is the bound here plus Σ|J·(piece error)·J|. Each entry is
/// (i) within k·u·Σ|terms| + (T + 2)·2^-1074 of the exact value, (ii) ±∞ only where exact ± bound reaches the overflow
/// threshold, never NaN, or (iii) an <see cref="ArgumentException"/> naming the range (or, for the Poisson rule, its
/// documented log-rate limit), required where a piece the member needs is itself rejected and allowed only there or where an
/// exact score or result entry is beyond ±double.MaxValue. k per member, T terms per entry, for the linear model (one
/// nonzero J_ia per column, so each (n, k, i, j) term is a single product):
/// <list type="bullet">
/// <item>GGN: the doc comment's (3 + T)·u, T = N·M²; Hessian: (3 + T)·u, T = N·(M² + M); LogDensityHessian: N = 1;</item>
/// <item>residual term: exactly 0 (∇²f = 0);</item>
/// <item>E[−∇²]: (3 + T)·u, T = K·N·(M² + M); Fisher at the rule's nodes: (5 + T)·u, T = K·N·M² (the doc's 4 + T, and 1u
/// for the symmetrization);</item>
/// <item>∇R = −Σ_n J_nᵀg_n: (N + 1)·u (the doc's N·u, and 1u for the score's product); F̃: (N·M² + 4)·u;</item>
/// <item>Risk = −Σ_n log p_n: N·u·Σ|log p_n| (a running sum of N terms from 0);</item>
/// <item>GradientCovariance, reference (1/N)Σ_n c_n c_nᵀ with c_n = Σ_m s_m − N·s_n for the exact scores s_n = J_nᵀg_n:
/// scale A_a·A_b, A_a = Σ_n|s_na| (|c_na| ≤ (N + 1)A_a), k = (N + 1)²(N + 9) + 1. Plain form: c̃_na is off by the score's
/// rounding u·N|s_na|, the product N·s u·N|s_na|, ∇R's (N + 1)u·A_a and the subtraction's u·|c_na|: ≤ (4N + 2)u·A_a; the
/// product c_a c_b 2(4N + 2)(N + 1) + (N + 1)², the sum (N − 1)(N + 1)², the division (N + 1)²: (N + 1)(N² + 10N + 5).
/// Fallback: the doc's (N + 7)u·Σ_n|c_na c_nb|/N for the computed scores, plus 2(N + 1)² for the scores' rounding:
/// (N + 1)²(N + 9), the larger; +1 for second-order terms. A score entry on the subnormal grid carries up to 2^-1075
/// absolute besides (one product rounded there: Score's relative bound does not hold there), which c_na passes on N-fold
/// and a large c_nb scales back up (x = (1.7e95, −3e-310), softmax: 147u·A_aA_b off, error 2.8e-229): the bound has
/// N(N + 1)·2^-1074·(A_a + A_b) more.</item>
/// </list>
/// </remarks>
[Properties(MaxTest = 60)] // exact rationals of up to 2^±2200, up to ~150 Poisson nodes: tens of ms a case
public class LikelihoodProblemTranscendentalRangeProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    /// <summary>(1 − 2^-40)·double.MaxValue: a piece this close to the threshold may round either way.</summary>
    private static readonly Fraction NearMax = ExactDouble.ToFraction(double.MaxValue) * (1 - ExactDouble.Pow2(-40));

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static Vector<double> V(double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>A linear model with M outputs, D inputs (with or without bias), N samples and θ = vec(W) row-major.</summary>
    public sealed record Case(bool Bias, double[][] X, double[] Y, double[] Theta)
    {
        /// <inheritdoc />
        public override string ToString() =>
            $"bias {Bias}, x = [{string.Join("; ", X.Select(x => string.Join(", ", x.Select(v => v.ToString("R")))))}], " +
            $"y = [{string.Join(", ", Y.Select(v => v.ToString("R")))}], θ = [{string.Join(", ", Theta.Select(v => v.ToString("R")))}]";
    }

    /// <summary>
    /// Inputs and θ: either each from <see cref="FullRangeDoubles.SignedOrOneScale"/> (f mostly far out), or x at one scale
    /// 2^s and the weights at 2^(t − s), t ∈ −6…6, the bias weights at 2^t: f moderate while J_n is huge or tiny, where the
    /// congruences must scale the per-sample pieces back.
    /// </summary>
    private static Gen<(double[][] X, double[] Theta)> Inputs(int inputs, bool bias, int outputs, int count)
    {
        int width = inputs + (bias ? 1 : 0);
        var free = from x in Gen.ArrayOf(FullRangeDoubles.SignedOrOneScale(inputs), count)
                   from theta in FullRangeDoubles.SignedOrOneScale(width * outputs)
                   select (x, theta);
        var balanced = from s in Gen.Choose(-1000, 1000)
                       from t in Gen.Choose(-6, 6)
                       from x in Gen.ArrayOf(Gen.ArrayOf(Moderate, inputs), count)
                       from w in Gen.ArrayOf(Moderate, width * outputs)
                       select (x.Select(xn => xn.Select(v => Math.ScaleB(v, s)).ToArray()).ToArray(),
                           w.Select((v, i) => Math.ScaleB(v, t - (bias && i % width == inputs ? 0 : s))).ToArray());
        return Gen.Frequency((1, free), (2, balanced));
    }

    private static Gen<double> Moderate { get; } = FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x, x / 16, -x / 16));

    private static Gen<Case> Cases(int outputs, Gen<double> label, Func<double[][], double[], bool, (double[][], double[])>? adjust = null) =>
        from inputs in Gen.Choose(1, outputs > 1 ? 1 : 2)
        from bias in Gen.Elements(true, false)
        from count in Gen.Choose(1, 4)
        from xt in Inputs(inputs, bias, outputs, count)
        from y in Gen.ArrayOf(label, count)
        let fixedUp = adjust is null ? xt : adjust(xt.X, xt.Theta, bias)
        select new Case(bias, fixedUp.Item1, y, fixedUp.Item2);

    /// <summary>A per-sample piece, or null where the likelihood rejects it (beyond its range).</summary>
    private static T? Try<T>(Func<T> piece) where T : class
    {
        try
        {
            return piece();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// ∇²_f log p as the curvature matrices take it: its M·2^E form where an entry falls below 2^-1022
    /// (<see cref="LikelihoodBase.HessianScaledWhereNeeded"/>, checked by ScaledWeightsAndHessianRangeProperties), the exact
    /// P ⊙ Q where factors are needed, else the Hessian's double.
    /// </summary>
    private static Fraction[,]? ExactHessian(ILikelihood likelihood, double y, Vector<double> f) => Try(() =>
    {
        int m = f.Count;
        var result = new Fraction[m, m];
        if (likelihood is LikelihoodBase s && s.HessianScaledWhereNeeded(y, f) is { } scaled)
        {
            var entries = Exact(scaled.Entries);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++)
                    result[i, j] = entries[i * m + j];
            return result;
        }
        if (likelihood is LikelihoodBase b && b.HessianFactorsWhereNeeded(y, f) is { } factors)
        {
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++)
                    result[i, j] = F(factors.P[i, j]) * F(factors.Q[i, j]);
            return result;
        }
        var h = likelihood.Hessian(y, f);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
                result[i, j] = F(h[i, j]);
        return result;
    });

    /// <summary>
    /// The likelihood's ∇_f log p as the problem takes it: the double gradient, or, where an entry falls below 2^-1022, its
    /// M·2^E form (<see cref="LikelihoodBase.GradientScaledWhereNeeded"/>, checked by ScaledGradientRangeProperties). An
    /// entry below 2^-4000 is taken as 0: with at most four factors up to 2^1024 each, its terms stay below 2^-1074·2^-800.
    /// </summary>
    private static Fraction[]? ExactGradient(ILikelihood likelihood, double y, Vector<double> f) => Try(() =>
        (likelihood as LikelihoodBase)?.GradientScaledWhereNeeded(y, f) is { } g
            ? Exact(g)
            : likelihood.Gradient(y, f).Select(F).ToArray());

    /// <summary>
    /// The rule's weights as the problem takes them: their M·2^E form where one falls below 2^-1022
    /// (<see cref="LikelihoodBase.WeightsScaledWhereNeeded"/>, checked by ScaledWeightsAndHessianRangeProperties), else the
    /// rule's doubles.
    /// </summary>
    private static Fraction[] ExactWeights(ILikelihood likelihood, ExpectationRule rule, Vector<double> f) =>
        (likelihood as LikelihoodBase)?.WeightsScaledWhereNeeded(f) is { } w ? Exact(w) : rule.Weights.Select(F).ToArray();

    /// <summary>f with f₀ = 0.</summary>
    private static Vector<double> Centred(Vector<double> f)
    {
        var centred = f.Clone();
        centred[0] = 0;
        return centred;
    }

    /// <summary>M_m·2^(E_m) exactly; an entry below 2^-4000 as 0 (with at most four factors up to 2^1024 each, its terms stay below 2^-1074·2^-800).</summary>
    private static Fraction[] Exact(ScaledVector g) =>
        Enumerable.Range(0, g.Count).Select(m => g.Mantissas[m] == 0 || (long)Math.ILogB(g.Mantissas[m]) + g.Exponents[m] < -4000
            ? Fraction.Zero
            : F(g.Mantissas[m]) * ExactDouble.Pow2(g.Exponents[m])).ToArray();

    /// <summary>A sample: x̃_n, f_n, and the pieces at the label and at the rule's nodes (null where rejected).</summary>
    private sealed record Sample(Fraction[] Features, Fraction[]? G, Fraction[,]? H, Fraction? Loss, Node[]? Nodes, bool RuleLimit);

    private sealed record Node(Fraction W, Fraction[]? G, Fraction[,]? H);

    /// <summary>
    /// Computed minus exact within k·u·scale + (terms + 2)·2^-1074, ±∞ only at the threshold; a rejection naming the range
    /// where allowed; a rejection required where a needed piece was rejected.
    /// </summary>
    private static Property Member(string what, Func<double[]> compute, bool piecesRejected, bool ruleLimit, Func<(Fraction[] Exact, Fraction[] Scale)> reference,
        double k, int terms, Func<bool>? mayReject = null)
    {
        double[] computed;
        try
        {
            computed = compute();
        }
        catch (ArgumentException ex)
        {
            bool named = ex.Message.Contains("double.MaxValue", StringComparison.Ordinal) || ex.Message.Contains("range", StringComparison.Ordinal)
                || (ruleLimit && ex.Message.Contains("truncated expectation", StringComparison.Ordinal));
            if (!named)
                return false.Label($"{what}: rejected with a message that names no range ({ex.Message})");
            if (piecesRejected)
                return true.ToProperty();
            var (exactValues, _) = reference();
            return (exactValues.Any(e => Fraction.Abs(e) >= NearMax) || (mayReject?.Invoke() ?? false))
                .Label($"{what}: rejected ({ex.Message}), but every piece and exact entry is in range");
        }
        if (piecesRejected)
            return false.Label($"{what}: returned [{string.Join(", ", computed)}] though a per-sample piece it needs is rejected");
        var (exact, scale) = reference();
        return LikelihoodProblemRangeProperties.WithinBounds(what, computed, exact, scale, k, terms);
    }

    /// <summary>Σ_n Σ_(terms) c·J_ia·A_ij·J_jb over the samples, and Σ|…|, with J_n = I_M ⊗ x̃_nᵀ.</summary>
    private static (Fraction[] Exact, Fraction[] Scale) Congruences(int outputs, IEnumerable<(Fraction[] X, Fraction C, Fraction[,] A)> terms)
    {
        var list = terms.ToList();
        int width = list.Count == 0 ? 0 : list[0].X.Length, d = outputs * width;
        var exact = new Fraction[d * d];
        var scale = new Fraction[d * d];
        Array.Fill(exact, Fraction.Zero);
        Array.Fill(scale, Fraction.Zero);
        foreach (var (x, c, a) in list)
            for (int i = 0; i < outputs; i++)
                for (int j = 0; j < outputs; j++)
                {
                    if (a[i, j] == 0 || c == 0)
                        continue;
                    var cij = c * a[i, j];
                    for (int p = 0; p < width; p++)
                        for (int q = 0; q < width; q++)
                        {
                            var term = cij * x[p] * x[q];
                            int index = (i * width + p) * d + j * width + q;
                            exact[index] += term;
                            scale[index] += Fraction.Abs(term);
                        }
                }
        return (exact, scale);
    }

    private static Fraction[,] Outer(Fraction[] g)
    {
        var o = new Fraction[g.Length, g.Length];
        for (int i = 0; i < g.Length; i++)
            for (int j = 0; j < g.Length; j++)
                o[i, j] = g[i] * g[j];
        return o;
    }

    /// <summary>s_n = J_nᵀg_n exactly: s[m·W + p] = g_m·x̃_p.</summary>
    private static Fraction[] Score(Sample s) => s.G!.SelectMany(gm => s.Features.Select(x => gm * x)).ToArray();

    private static Func<double[]> Flat(Func<Matrix<double>> m) => () => m().ToRowMajorArray();

    /// <summary>Every member of <see cref="LikelihoodProblem"/> against the exact assembly of its per-sample pieces (class remarks).</summary>
    private static Property Check(Case c, ILikelihood likelihood)
    {
        int outputs = likelihood.OutputDimension, inputs = c.X[0].Length, count = c.X.Length;
        var model = new LinearModel(inputs, outputs, c.Bias);
        var problem = new LikelihoodProblem(model, likelihood, new Dataset(c.X.Select(V).ToArray(), c.Y));
        var theta = V(c.Theta);
        int d = c.Theta.Length;
        var samples = new Sample?[count];
        for (int n = 0; n < count; n++)
        {
            Vector<double> f;
            try
            {
                f = problem.Output(n, theta);
            }
            catch (ArgumentException ex)
            {
                if (!ex.Message.Contains("double.MaxValue", StringComparison.Ordinal))
                    return true.Label("discarded: f_n outside the likelihood's domain"); // a variance that rounded to 0 or below
                continue;
            }
            double y = c.Y[n];
            var features = model.Features(V(c.X[n])).Select(F).ToArray();
            double? loss = null;
            try
            {
                loss = -likelihood.LogDensity(y, f);
            }
            catch (ArgumentException)
            {
            }
            ExpectationRule? rule = null;
            bool limit = false;
            try
            {
                rule = likelihood.Expectation(f);
            }
            catch (ArgumentException ex)
            {
                limit = ex.Message.Contains("truncated expectation", StringComparison.Ordinal);
            }
            var weights = rule is null ? null : ExactWeights(likelihood, rule, f);
            var nodes = rule?.Labels.Select((label, k) =>
            {
                // a location family is evaluated at the offset y_k − μ with μ = 0 (ExpectationRule.Offsets), as the problem does
                var (y, at) = rule.Offsets is { } offsets && likelihood is LikelihoodBase { IsLocationFamily: true }
                    ? (offsets[k], Centred(f))
                    : (label, f);
                return new Node(weights![k], ExactGradient(likelihood, y, at), ExactHessian(likelihood, y, at));
            }).ToArray();
            samples[n] = new Sample(features, ExactGradient(likelihood, y, f), ExactHessian(likelihood, y, f), loss is double l ? F(l) : null, nodes, limit);
        }
        bool fRejected = samples.Any(s => s is null);
        var present = samples.Where(s => s is not null).Select(s => s!).ToArray();
        bool gRejected = fRejected || present.Any(s => s.G is null);
        bool hRejected = fRejected || present.Any(s => s.H is null);
        bool lossRejected = fRejected || present.Any(s => s.Loss is null);
        bool ruleLimit = present.Any(s => s.RuleLimit);
        bool nodesRejected = fRejected || present.Any(s => s.Nodes is null || s.Nodes.Any(node => node.G is null));
        bool nodeHessiansRejected = nodesRejected || present.Any(s => s.Nodes!.Any(node => node.H is null));
        int nodeCount = present.Length == 0 ? 0 : present.Max(s => s.Nodes?.Length ?? 0);
        int m2 = outputs * outputs;
        string at = $"{likelihood.Name}, {c}";
        bool scoreBeyond = !gRejected && present.Any(s => Score(s).Any(e => Fraction.Abs(e) >= NearMax));
        var zero = Enumerable.Repeat(Fraction.Zero, d * d).ToArray();
        int covarianceK = (count + 1) * (count + 1) * (count + 9) + 1;

        var result = Member($"GGN at {at}", Flat(() => problem.GeneralizedGaussNewton(theta)), hRejected, false,
                () => Congruences(outputs, present.Select(s => (s.Features, -Fraction.One, s.H!))), 3 + count * m2, count * m2)
            // the linear model's ∇²f = 0: since stop 41 the Hessian and the residual term do not evaluate g (its rejection
            // had rejected a residual term of exactly 0), so only f's and H's rejections are passed on
            .And(Member($"Hessian at {at}", Flat(() => problem.Hessian(theta)), hRejected, false,
                () => Congruences(outputs, present.Select(s => (s.Features, -Fraction.One, s.H!))), 3 + count * (m2 + outputs), count * (m2 + outputs)))
            .And(Member($"residual term at {at}", Flat(() => problem.ResidualTerm(theta)), fRejected, false, () => (zero, zero), 0, -2))
            .And(Member($"E[−∇²] at {at}", Flat(() => problem.ExpectedNegativeHessian(theta)), nodeHessiansRejected, ruleLimit,
                () => Congruences(outputs, present.SelectMany(s => s.Nodes!.Select(node => (s.Features, -node.W, node.H!)))),
                3 + nodeCount * count * (m2 + outputs), nodeCount * count * (m2 + outputs)))
            .And(Member($"Fisher at {at}", Flat(() => problem.Fisher(theta)), nodesRejected, ruleLimit,
                () => Congruences(outputs, present.SelectMany(s => s.Nodes!.Select(node => (s.Features, node.W, Outer(node.G!))))),
                5 + nodeCount * count * m2, nodeCount * count * m2))
            .And(Member($"F̃ at {at}", Flat(() => problem.EmpiricalFisher(theta)), gRejected, false,
                () => Congruences(outputs, present.Select(s => (s.Features, Fraction.One, Outer(s.G!)))), count * m2 + 4, count * m2, () => scoreBeyond))
            .And(Member($"∇R at {at}", () => problem.RiskGradient(theta).ToArray(), gRejected, false, () =>
            {
                var scores = present.Select(Score).ToArray();
                return (Enumerable.Range(0, d).Select(a => -scores.Aggregate(Fraction.Zero, (t, s) => t + s[a])).ToArray(),
                    Enumerable.Range(0, d).Select(a => scores.Aggregate(Fraction.Zero, (t, s) => t + Fraction.Abs(s[a]))).ToArray());
            }, count + 1, count, () => scoreBeyond))
            .And(Member($"gradient covariance at {at}", Flat(() => problem.GradientCovariance(theta)), gRejected, false, () =>
            {
                var scores = present.Select(Score).ToArray();
                var totals = Enumerable.Range(0, d).Select(a => scores.Aggregate(Fraction.Zero, (t, s) => t + s[a])).ToArray();
                var sizes = Enumerable.Range(0, d).Select(a => scores.Aggregate(Fraction.Zero, (t, s) => t + Fraction.Abs(s[a]))).ToArray();
                // a score entry below 2^-1022 carries up to 2^-1075 absolute (its product's rounding on the subnormal grid), which
                // c_na passes on N-fold (N·s_na and Σ_m s_ma) and a large c_nb scales back up: N(N + 1)·2^-1074·(A_a + A_b) more
                var subnormalScores = count * (count + 1) * ExactDouble.Pow2(-1074) / (covarianceK * Unit);
                var deviations = scores.Select(s => Enumerable.Range(0, d).Select(a => totals[a] - count * s[a]).ToArray()).ToArray();
                var exact = new Fraction[d * d];
                var scale = new Fraction[d * d];
                for (int a = 0; a < d; a++)
                    for (int b = 0; b < d; b++)
                    {
                        exact[a * d + b] = deviations.Aggregate(Fraction.Zero, (t, dev) => t + dev[a] * dev[b]) / count;
                        scale[a * d + b] = sizes[a] * sizes[b] + (sizes[a] + sizes[b]) * subnormalScores;
                    }
                return (exact, scale);
            }, covarianceK, count, () => scoreBeyond))
            .And(Member($"risk at {at}", () => [problem.Risk(theta)], lossRejected, false,
                () => ([present.Aggregate(Fraction.Zero, (t, s) => t + s.Loss!.Value)], [present.Aggregate(Fraction.Zero, (t, s) => t + Fraction.Abs(s.Loss!.Value))]),
                count, count));
        for (int n = 0; n < count; n++)
        {
            var s = samples[n];
            int sample = n;
            result = result.And(Member($"LogDensityHessian({n}) at {at}", Flat(() => problem.LogDensityHessian(sample, theta, c.Y[sample])),
                s is null || s.G is null || s.H is null, false,
                () => Congruences(outputs, [(s!.Features, Fraction.One, s.H!)]), 3 + m2 + outputs, m2 + outputs));
        }
        return result;
    }

    private static Gen<double> Binary { get; } = Gen.Elements(0.0, 1.0);

    /// <summary>Bernoulli logit (eq. D.33): ∇ = y − σ(f), ∇² = −σ(f)σ(−f); nodes 0, 1 with weights σ(−f), σ(f).</summary>
    [Property]
    public Property BernoulliLogitLinear_CurvatureMatrices_AreExactOrRejected() =>
        Prop.ForAll(Cases(1, Binary).ToArbitrary(), c => Check(c, new BernoulliLogit()));

    /// <summary>Categorical softmax with C = 3 classes (eq. D.37): M = 3, d = 3·|x̃| ≤ 6; nodes the 3 classes.</summary>
    [Property]
    public Property CategoricalSoftmaxLinear_CurvatureMatrices_AreExactOrRejected() =>
        Prop.ForAll(Cases(3, Gen.Elements(0.0, 1.0, 2.0)).ToArbitrary(), c => Check(c, new CategoricalSoftmax(3)));

    /// <summary>
    /// Poisson log rate: counts 0…20 or from the whole range (rounded down); ∇ = y − eᶠ, ∇² = −eᶠ; the truncated rule
    /// (rejected beyond f = <see cref="PoissonLog.MaxLogRate"/>, which the members may name instead of the range).
    /// </summary>
    [Property]
    public Property PoissonLogLinear_CurvatureMatrices_AreExactOrRejected() =>
        Prop.ForAll(Cases(1, Gen.Frequency((3, Gen.Choose(0, 20).Select(k => (double)k)), (1, FullRangeDoubles.Positive.Select(Math.Floor)))).ToArbitrary(),
            c => Check(c, new PoissonLog()));

    /// <summary>
    /// Gaussian mean–variance, f = (μ, v): inputs and the variance row of W made positive so that v &gt; 0 (a variance that
    /// rounds to 0 is discarded); labels from the whole range. The Hessian's factors P ⊙ Q enter where needed.
    /// </summary>
    [Property]
    public Property GaussianMeanVarianceLinear_CurvatureMatrices_AreExactOrRejected() =>
        Prop.ForAll(Cases(2, FullRangeDoubles.Signed, (x, theta, bias) =>
            {
                int width = theta.Length / 2;
                return (x.Select(xn => xn.Select(Math.Abs).ToArray()).ToArray(), theta.Select((t, i) => i >= width ? Math.Abs(t) : t).ToArray());
            }).ToArbitrary(),
            c => Check(c, new GaussianMeanVariance()));
    /// <summary>
    /// Poisson linear fits f_n = θ₀x_n + θ₁ with f_n ≈ q_n from [lowest, highest] (x_n = q_n/θ₀, θ₀ from the whole range, θ₁ = 0):
    /// J_n = (x_n, 1) reaches the whole range while the log rate stays where the rule (f ≤ 4) or exp (f ≤ 709) is defined.
    /// </summary>
    private static Arbitrary<Case> PoissonRateCases(int lowest, int highest) =>
        (from count in Gen.Choose(1, 4)
         from theta in FullRangeDoubles.Signed.Where(t => t != 0)
         from q in Gen.ArrayOf(Gen.Choose(lowest * 100, highest * 100).Select(k => k / 100.0), count)
         from y in Gen.ArrayOf(Gen.Choose(0, 20).Select(k => (double)k), count)
         select new Case(true, q.Select(qn => new[] { Math.Clamp(qn / theta, -double.MaxValue, double.MaxValue) }).ToArray(), y, [theta, 0.0])).ToArbitrary();

    /// <summary>
    /// An upper enclosure of Σ_{y&gt;K} p(y)·max((y − λ)², λ) for Poisson(λ = e^f) (the integrands of the Fisher and of
    /// E[−∇²] = λ, each times x̃_a·x̃_b): p(y) ≤ e^(−λ_lo)·λ_hi^y/y! with λ enclosed to 96 bits, the terms y = K+1…K+40
    /// summed, and the rest bounded by p(Y)·Y²/(1 − ρ), Y = K + 41, ρ = λ_hi(Y + 1)/Y² (p(y+1)(y+1)²/(p(y)y²) ≤ ρ for
    /// y ≥ Y, and (y − λ)² ≤ y², λ ≤ y² there).
    /// </summary>
    private static Fraction PoissonTail(double f, int k)
    {
        var lambda = ExactExp.Of(f, 96);
        var decay = ExactExp.Of(-lambda.Lower, 96).Upper;
        Fraction P(int y)
        {
            Fraction power = Fraction.One, factorial = Fraction.One;
            for (int i = 1; i <= y; i++)
            {
                power *= lambda.Upper;
                factorial *= i;
            }
            return decay * power / factorial;
        }
        Fraction tail = Fraction.Zero;
        for (int y = k + 1; y <= k + 40; y++)
        {
            var square = (y - lambda.Lower) * (y - lambda.Lower);
            tail += P(y) * (square > lambda.Upper ? square : lambda.Upper);
        }
        int last = k + 41;
        var rho = lambda.Upper * (last + 1) / (last * last);
        return tail + P(last) * last * last / (1 - rho);
    }

    /// <summary>
    /// FisherTailBound (its doc: a bound on the entrywise error of Fisher and E[−∇²] from truncating the expectation,
    /// Σ_n TailBound_n·(‖J_n‖_F² + Σ_m ‖∇²f_n^(m)‖_F)): (i) each rule's TailBound_n is at least the enclosed true tail
    /// (<see cref="PoissonTail"/>); (ii) the result is at least max_ab Σ_n tail_n·|x̃_na·x̃_nb|, the truncation error of entry
    /// (a, b) of both matrices; (iii) it is the stated Σ_n TailBound_n·‖x̃_n‖² (∇²f = 0) within (2·|x̃| + N·|x̃| + 4)·u
    /// relative (the plain form: the squares' sum |x̃|·u, √ ½u, its square 2·(|x̃| + ½)u + u, the product u, the sum (N − 1)u;
    /// the scaled sum's (2 + T)u, T = N·|x̃|: both below that), not an inflated bound; or an <see cref="ArgumentException"/>
    /// naming the range, only where that exact sum is beyond double.MaxValue.
    /// </summary>
    [Property]
    public Property PoissonLinear_FisherTailBound_BoundsTheTruncation() => Prop.ForAll(PoissonRateCases(-30, 4), c =>
    {
        var problem = new LikelihoodProblem(new LinearModel(1, 1, true), new PoissonLog(), new Dataset(c.X.Select(V).ToArray(), c.Y));
        var theta = V(c.Theta);
        var rules = new List<(double F, ExpectationRule Rule, Fraction Norm, Fraction[] Features)>();
        for (int n = 0; n < c.X.Length; n++)
        {
            Vector<double> f;
            try
            {
                f = problem.Output(n, theta);
            }
            catch (ArgumentException)
            {
                return true.Label("discarded: f_n outside the rule's log-rate range");
            }
            if (f[0] > PoissonLog.MaxLogRate)
                return true.Label("discarded: f_n above the rule's log-rate limit");
            var features = new[] { F(c.X[n][0]), Fraction.One };
            rules.Add((f[0], problem.Likelihood.Expectation(f), features.Aggregate(Fraction.Zero, (t, x) => t + x * x), features));
        }
        string at = c.ToString();
        var result = true.ToProperty();
        var tails = rules.Select(r => PoissonTail(r.F, r.Rule.Labels.Count - 1)).ToArray();
        for (int n = 0; n < rules.Count; n++)
            result = result.And((tails[n] <= F(rules[n].Rule.TailBound))
                .Label($"rule {n} at {at}: TailBound {rules[n].Rule.TailBound:R} below the enclosed tail {ExactDouble.ToDouble(tails[n]):R}"));
        var stated = Enumerable.Range(0, rules.Count).Aggregate(Fraction.Zero, (t, n) => t + F(rules[n].Rule.TailBound) * rules[n].Norm);
        double bound;
        try
        {
            bound = problem.FisherTailBound(theta);
        }
        catch (ArgumentException ex)
        {
            return result.And((stated >= NearMax && ex.Message.Contains("double.MaxValue", StringComparison.Ordinal))
                .Label($"FisherTailBound at {at}: rejected ({ex.Message}) but the stated bound {ExactDouble.ToDouble(stated):R} is in range"));
        }
        var entrywise = Enumerable.Range(0, 2).SelectMany(a => Enumerable.Range(0, 2).Select(b =>
            Enumerable.Range(0, rules.Count).Aggregate(Fraction.Zero, (t, n) => t + tails[n] * Fraction.Abs(rules[n].Features[a] * rules[n].Features[b])))).Max();
        int width = 2, count = rules.Count;
        var slack = (2 * width + count * width + 4) * Unit * stated;
        return result
            .And((double.IsFinite(bound) && F(bound) >= entrywise)
                .Label($"FisherTailBound at {at}: {bound:R} below the truncation error {ExactDouble.ToDouble(entrywise):R}"))
            .And((double.IsFinite(bound) && Fraction.Abs(F(bound) - stated) <= slack)
                .Label($"FisherTailBound at {at}: {bound:R}, stated Σ_n TailBound_n·‖x̃_n‖² = {ExactDouble.ToDouble(stated):R}"));
    });

    /// <summary>
    /// HessianForward (hyper-dual forward mode on the composed R) for Poisson linear fits, f_n ≈ q_n ∈ [−740, 700], against
    /// the exact ∇²R = −Σ_n ∇²_θ log p = Σ_n e^(f_n)·x̃_n x̃_nᵀ (e^f enclosed to 96 bits): within (N + 4)·u·Σ_n|e^(f_n) x̃_na x̃_nb| + (N + 2)·2^-1074
    /// (e^f within 2u, faithful or as its scaled form e^r·2^k; e·x̃_a·x̃_b 2u; the running sum over the samples (N − 1)u;
    /// 1u for the enclosure and second order). A rejection may come only as a <see cref="DoubleRangeException"/>: where an exact
    /// entry or ∂R/∂θ_a = −Σ_n (y_n − e^(f_n))·x̃_na is beyond ±double.MaxValue, or a part x̃_a, x̃_a·x̃_b or e^f·x̃_a·x̃_b is
    /// nonzero below 2^-1022 (ForwardDerivatives.Hessian's documented underflow rejection).
    /// </summary>
    [Property]
    public Property PoissonLinear_HessianForward_IsExactOrRejected() => Prop.ForAll(PoissonRateCases(-740, 700), c =>
    {
        var problem = new LikelihoodProblem(new LinearModel(1, 1, true), new PoissonLog(), new Dataset(c.X.Select(V).ToArray(), c.Y));
        var theta = V(c.Theta);
        int count = c.X.Length;
        var rates = new Fraction[count];
        var features = new Fraction[count][];
        for (int n = 0; n < count; n++)
        {
            Vector<double> f;
            try
            {
                f = problem.Output(n, theta);
            }
            catch (ArgumentException)
            {
                return true.Label("discarded: f_n beyond the range");
            }
            if (f[0] < -745 || f[0] > 709)
                return true.Label("discarded: e^f outside the double range");
            rates[n] = ExactExp.Of(f[0], 96).Lower;
            features[n] = [F(c.X[n][0]), Fraction.One];
        }
        var exact = new Fraction[4];
        var scale = new Fraction[4];
        bool underflow = false;
        var minNormal = ExactDouble.Pow2(-1022);
        bool Below(Fraction x) => x != 0 && Fraction.Abs(x) < minNormal;
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2; b++)
            {
                exact[a * 2 + b] = Fraction.Zero;
                scale[a * 2 + b] = Fraction.Zero;
                for (int n = 0; n < count; n++)
                {
                    var xx = features[n][a] * features[n][b];
                    var term = rates[n] * xx;
                    exact[a * 2 + b] += term;
                    scale[a * 2 + b] += Fraction.Abs(term);
                    underflow |= Below(features[n][a]) || Below(xx) || Below(term);
                }
            }
        var gradient = Enumerable.Range(0, 2).Select(a => Enumerable.Range(0, count).Aggregate(Fraction.Zero, (t, n) => t + (F(c.Y[n]) - rates[n]) * features[n][a])).ToArray();
        string at = c.ToString();
        double[] computed;
        try
        {
            computed = problem.HessianForward(theta).ToRowMajorArray();
        }
        catch (DoubleRangeException ex)
        {
            bool beyond = exact.Concat(gradient).Any(e => Fraction.Abs(e) >= NearMax);
            return (beyond || underflow).Label($"HessianForward at {at}: rejected ({ex.Message}) but every entry, ∂R and part is in the normal range");
        }
        return LikelihoodProblemRangeProperties.WithinBounds($"HessianForward at {at}", computed, exact, scale, count + 4, count);
    });
}
