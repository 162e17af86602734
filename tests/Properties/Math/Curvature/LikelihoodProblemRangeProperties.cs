using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The problem-level matrices of balles-thesis ch. 7 (<see cref="LikelihoodProblem"/> and <see cref="Splits"/>) over the
/// whole double range (issue 15, item 1), N ≤ 4 samples, d ≤ 3 parameters, every input, label and parameter drawn from
/// <see cref="FullRangeDoubles"/>. The reference of each entry is the closed form in exact rationals from the per-sample
/// pieces: the computed output f_n (its own accuracy is <see cref="ModelRangeProperties"/>'), J_n = x̃_n exactly (linear
/// model), and the likelihood's ∇_f log p and ∇²_f log p as exact rationals at f_n (<see cref="LikelihoodRangeProperties"/>
/// checks the doubles against the same closed forms). Each entry is (i) within k·u·Σ|terms| + (T + 2)·2^-1074 of its
/// exact value (k derived per member below, from the doc comment's accumulation bound plus the pieces' own errors; T terms),
/// (ii) ±∞ only where the exact value and that bound reach the overflow threshold, never NaN, or (iii) an
/// <see cref="ArgumentException"/> naming the double range, allowed only where an exact output, likelihood derivative,
/// score entry or result entry is beyond ±double.MaxValue (the problem validates each per-sample piece).
/// </summary>
[Properties(MaxTest = 100)] // exact rationals of up to 2^±2200: a few ms a case
public class LikelihoodProblemRangeProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    /// <summary>(1 − 2^-40)·double.MaxValue: a piece this close to the threshold may round either way.</summary>
    private static readonly Fraction NearMax = ExactDouble.ToFraction(double.MaxValue) * (1 - ExactDouble.Pow2(-40));

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static Vector<double> V(double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>A linear model f = θᵀx̃ (x̃ = x or (x, 1)), N samples (x_n, y_n), σ² (Gaussian) and θ.</summary>
    public sealed record LinearCase(bool Bias, double Variance, double[][] X, double[] Y, double[] Theta)
    {
        /// <summary>The input dimension D.</summary>
        public int Inputs => X[0].Length;

        /// <inheritdoc />
        public override string ToString() =>
            $"bias {Bias}, σ² = {Variance:R}, x = [{string.Join("; ", X.Select(x => string.Join(", ", x.Select(v => v.ToString("R")))))}], " +
            $"y = [{string.Join(", ", Y.Select(v => v.ToString("R")))}], θ = [{string.Join(", ", Theta.Select(v => v.ToString("R")))}]";
    }

    /// <summary>
    /// D ∈ {1, 2} inputs with or without bias (d ≤ 3), N ∈ 1…4: inputs and θ either all from the whole range or spread
    /// around one random scale (<see cref="FullRangeDoubles.SignedOrOneScale"/>), so that f = θᵀx̃ is as often finite
    /// and ordinary as it is far out; labels from the whole range or at f ± a few units of the scale of f.
    /// </summary>
    internal static Arbitrary<LinearCase> GaussianCases { get; } =
        (from inputs in Gen.Choose(1, 2)
         from bias in Gen.Elements(true, false)
         from count in Gen.Choose(1, 4)
         from x in Gen.ArrayOf(FullRangeDoubles.SignedOrOneScale(inputs), count)
         from theta in FullRangeDoubles.SignedOrOneScale(inputs + (bias ? 1 : 0))
         from y in Gen.ArrayOf(FullRangeDoubles.Signed, count)
         from nearFit in Gen.Elements(true, false)
         from variance in FullRangeDoubles.Positive
         select new LinearCase(bias, variance, x, nearFit ? NearFit(x, theta, bias, y) : y, theta)).ToArbitrary();

    /// <summary>y_n = f_n + y_n·2^-60·|f_n| (residuals small next to f_n, where cancellation happens), or y_n where f_n is not finite.</summary>
    internal static double[] NearFit(double[][] x, double[] theta, bool bias, double[] y) => x.Select((xn, n) =>
    {
        double f = new LinearModel(xn.Length, 1, bias).Output(V(xn), V(theta))[0];
        double r = Math.ScaleB(Math.Clamp(y[n], -8, 8), -60) * Math.Abs(f);
        return double.IsFinite(f + r) ? f + r : y[n];
    }).ToArray();

    /// <summary>The per-sample pieces of a case in exact rationals; null f_n where Output rejects it.</summary>
    private sealed record Pieces(LikelihoodProblem Problem, Fraction[][] Features, double[]?[] Outputs, bool MayReject);

    /// <summary>
    /// The exact result entries with their scales Σ|terms|: the computed entry must be within k·u·scale +
    /// (terms + 2)·2^-1074 of the exact one, ±∞ only where exact ± bound reaches the threshold, or rejected where allowed.
    /// </summary>
    private static Property Entries(string what, Func<double[]> compute, Fraction[] exact, Fraction[] scale, double k, int terms, bool mayReject)
    {
        bool beyond = exact.Any(e => Fraction.Abs(e) >= NearMax);
        double[] computed;
        try
        {
            computed = compute();
        }
        catch (ArgumentException ex)
        {
            bool named = ex.Message.Contains("double.MaxValue", StringComparison.Ordinal) || ex.Message.Contains("range", StringComparison.Ordinal);
            return ((mayReject || beyond) && named).Label($"{what}: rejected ({ex.Message}), but every exact piece and entry is in range or the message names no range");
        }
        return WithinBounds(what, computed, exact, scale, k, terms);
    }

    /// <summary>
    /// Each computed entry within k·u·scale + (terms + 2)·2^-1074 (+ absolute, a derived allowance where given) of the exact
    /// one, ±∞ only where exact ± that bound reaches the overflow threshold, never NaN (shared with
    /// <see cref="CurvatureProblemRangeProperties"/>).
    /// </summary>
    internal static Property WithinBounds(string what, double[] computed, Fraction[] exact, Fraction[] scale, double k, int terms,
        Fraction[]? absolute = null)
    {
        var t = ExactAgreement.OverflowThreshold;
        var result = true.ToProperty();
        for (int i = 0; i < exact.Length; i++)
        {
            var bound = ExactDouble.ToFraction(k) * Unit * scale[i] + (terms + 2) * Tiny + (absolute is null ? 0 : absolute[i]);
            double c = computed[i];
            string at = $"{what}[{i}]: computed {c:R}, exact {ExactDouble.ToDouble(exact[i]):R}";
            if (double.IsNaN(c))
                result = result.And(false.Label($"{at}: NaN"));
            else if (double.IsPositiveInfinity(c))
                result = result.And((exact[i] + bound >= t).Label($"{at}: +∞ where the exact value is finite"));
            else if (double.IsNegativeInfinity(c))
                result = result.And((exact[i] - bound <= -t).Label($"{at}: −∞ where the exact value is finite"));
            else
            {
                var error = Fraction.Abs(F(c) - exact[i]);
                result = result.And((error <= bound).Label($"{at}, error {ExactDouble.ToDouble(error):R} > {k}·u·scale = {ExactDouble.ToDouble(bound):R}"));
            }
        }
        return result;
    }

    private static Fraction[] Flat(Fraction[,] m) => Enumerable.Range(0, m.GetLength(0))
        .SelectMany(a => Enumerable.Range(0, m.GetLength(1)).Select(b => m[a, b])).ToArray();

    private static Func<double[]> Flat(Func<Matrix<double>> m) => () => m().ToRowMajorArray();

    /// <summary>Σ_n c_n·x̃_na·x̃_nb and Σ_n |c_n·x̃_na·x̃_nb| over the samples (the outputs' congruences for M = 1).</summary>
    private static (Fraction[] Exact, Fraction[] Scale) Congruence(Fraction[][] features, Func<int, Fraction> c)
    {
        int d = features[0].Length;
        var exact = new Fraction[d * d];
        var scale = new Fraction[d * d];
        for (int a = 0; a < d; a++)
            for (int b = 0; b < d; b++)
            {
                Fraction e = 0, s = 0;
                for (int n = 0; n < features.Length; n++)
                {
                    var term = c(n) * features[n][a] * features[n][b];
                    e += term;
                    s += Fraction.Abs(term);
                }
                exact[a * d + b] = e;
                scale[a * d + b] = s;
            }
        return (exact, scale);
    }

    private static Pieces Build(LinearCase c, ILikelihood likelihood)
    {
        var model = new LinearModel(c.Inputs, 1, c.Bias);
        var problem = new LikelihoodProblem(model, likelihood, new Dataset(c.X.Select(V).ToArray(), c.Y));
        var theta = V(c.Theta);
        var features = c.X.Select(x => model.Features(V(x)).Select(F).ToArray()).ToArray();
        bool mayReject = false;
        var outputs = new double[]?[c.X.Length];
        for (int n = 0; n < c.X.Length; n++)
        {
            // f_n's exact value beyond the range (or its double outside the likelihood's domain): Output rejects it
            var exact = Enumerable.Range(0, features[n].Length).Aggregate(Fraction.Zero, (s, j) => s + F(c.Theta[j]) * features[n][j]);
            mayReject |= Fraction.Abs(exact) >= NearMax;
            try
            {
                outputs[n] = problem.Output(n, theta).ToArray();
            }
            catch (ArgumentException)
            {
                mayReject = true;
            }
        }
        return new Pieces(problem, features, outputs, mayReject);
    }

    /// <summary>The likelihood's ∇_f log p and ∇²_f log p at (y, f) in exact rationals (M = 1), with their doubles' error in u.</summary>
    /// <remarks>
    /// <paramref name="FactorsAreTheGradient"/>: ∇²_f log p's finite factors are ±∇_f log p itself (the Bernoulli probability's
    /// (−r)·r, r = 1/q or 1/(1 − q)), so a g beyond the range leaves the curvature matrices without factors; the Gaussian's
    /// factors of −1/σ² are finite for every σ², and the linear model's ∇²f = 0 means no member evaluates g at the label
    /// but those that form scores (until stop 41 the Hessian, the residual terms and the identity split's GGN rejected
    /// where g was beyond the range though each was in range: σ² = 1e-300, x = 1, y − f = 1e10).
    /// </remarks>
    private sealed record ExactLikelihood(Func<Fraction, Fraction, (Fraction G, Fraction H)> Derivatives, double GradientU, double HessianU,
        Func<Fraction, Fraction, bool> LossBeyond, bool FactorsAreTheGradient);

    /// <summary>
    /// Every member against its exact reference, with g_n, H_n the exact ∇_f log p, ∇²_f log p at (y_n, f_n), the rule's
    /// K double nodes y_k and weights w_k at f_n, e_g and e_H the likelihood's own error in u (e_g = 4: ∇ within 2 ulp;
    /// e_H from <see cref="LikelihoodRangeProperties"/>), and T the terms per entry:
    /// <list type="bullet">
    /// <item>GGN = −Σ_n H_n·x̃x̃ᵀ (eq. 7.14) and the canonical split's (eq. 7.10): (3 + N + e_H)·u, the doc comments'
    /// (3 + T)·u with T = N·M² = N plus H_n's own rounding;</item>
    /// <item>the Hessian (eq. 7.9; ∇²f = 0 for the linear model, so the same matrix): (3 + 2N + e_H)·u, T = N(M² + M); the
    /// identity split's (eq. 7.12), Σ_n of per-sample Hessians symmetrized: 3u more (one per-sample rounding, the symmetrization);</item>
    /// <item>the residual term (eq. 7.9, both forms): exactly 0, each term g·∇²f = g·0;</item>
    /// <item>E[−∇²] = −Σ_n Σ_k w_k·H(y_k)·x̃x̃ᵀ: (3 + 2KN + e_H)·u, T = K·N·(M² + M);</item>
    /// <item>the Fisher Σ_n Σ_k w_k·g(y_k)²·x̃x̃ᵀ at the rule's nodes (what its doc comment states): (5 + KN + 2e_g)·u, the
    /// doc comment's (4 + T)·u with T = K·N, g_k² carrying 2e_g, and 1u for the symmetrization;</item>
    /// <item>∇R = −Σ_n g_n·x̃_n: (N + 1 + e_g)·u, the doc comment's N·u plus the score's product and g_n's error;</item>
    /// <item>F̃ = Σ_n g_n²·x̃x̃ᵀ (eq. 7.3): (N + 4 + 2e_g)·u, the doc comment's (N·M² + 4)·u for the scaled sum of J·g·J·g
    /// (its plain form: (N + 1)·u plus s_a·s_b's 2u) plus g_n² carrying 2e_g; the
    /// empirical-Fisher split's GGN (b s)(1/b²)(b s)ᵀ = s sᵀ (eq. 7.17): 7u more than F̃'s plain form (b·s twice, 1/b², the two products, the
    /// symmetrization).</item>
    /// </list>
    /// The exact g_n is the reference also where it is below 2^-1022: the scores carry it as M·2^E there (until stop 36 they
    /// were formed from its subnormal double, and this property checked them against that double: σ² = 1.7e271,
    /// y − f = 1e-57, x = 1.3e191 gave s = 8e-138 as 0).
    /// A rejection naming the range is allowed where an exact f_n is beyond it, and further: for the GGN, the Hessian, the
    /// residual terms and the identity split where g_n is and ∇²_f log p's factors are ±g_n (the Bernoulli probability; the
    /// linear model's ∇²f = 0, so g_n enters none of them otherwise); for those that form scores where an
    /// entry of s_n = g_n·x̃_n is; for the Fisher and E[−∇²] where a node's g(y_k) is; for the empirical-Fisher split where ℓ_n is.
    /// </summary>
    private static Property Check(LinearCase c, ILikelihood likelihood, ExactLikelihood exactLikelihood)
    {
        var p = Build(c, likelihood);
        var problem = p.Problem;
        var theta = V(c.Theta);
        int count = c.X.Length, d = c.Theta.Length;
        bool Beyond(Fraction x) => Fraction.Abs(x) >= NearMax;
        var g = new Fraction[count];
        var h = new Fraction[count];
        bool gBeyond = false, sBeyond = false, lossBeyond = false;
        for (int n = 0; n < count; n++)
        {
            if (p.Outputs[n] is not { } f)
                continue;
            (g[n], h[n]) = exactLikelihood.Derivatives(F(c.Y[n]), F(f[0]));
            gBeyond |= Beyond(g[n]);
            sBeyond |= p.Features[n].Any(x => Beyond(g[n] * x));
            lossBeyond |= exactLikelihood.LossBeyond(F(c.Y[n]), F(f[0]));
        }
        var rules = p.Outputs.Select(f => f is null ? null : problem.Likelihood.Expectation(V(f))).ToArray();
        bool nodesBeyond = false;
        var nodes = new (Fraction W, Fraction G, Fraction H)[count][];
        for (int n = 0; n < count; n++)
        {
            nodes[n] = [];
            if (rules[n] is not { } r)
                continue;
            if (!r.Labels.All(double.IsFinite))
            {
                nodesBeyond = true;
                continue;
            }
            nodes[n] = r.Labels.Select((y, k) =>
            {
                // the Gaussian rule's nodes are μ + offset exactly (ExpectationRule.Offsets; the problem evaluates them there)
                var node = r.Offsets is { } offsets ? F(p.Outputs[n]![0]) + F(offsets[k]) : F(y);
                var (gk, hk) = exactLikelihood.Derivatives(node, F(p.Outputs[n]![0]));
                nodesBeyond |= Beyond(gk); // an hk beyond the range alone is no reason: both likelihoods give ∇² as factors there
                return (F(r.Weights[k]), gk, hk);
            }).ToArray();
        }
        int nodeCount = rules.Max(r => r?.Labels.Count ?? 0);
        bool fBeyond = p.MayReject;
        string at = c.ToString();
        double eg = exactLikelihood.GradientU, eh = exactLikelihood.HessianU;
        var (ggn, ggnScale) = Congruence(p.Features, n => -h[n]);
        var zero = new Fraction[d * d];
        Array.Fill(zero, Fraction.Zero);
        // H beyond the range alone is no reason to reject: both likelihoods here give ∇² as finite factors P·Q there
        // (GaussianIdentity since stop 38: σ² below 1/double.MaxValue; the Bernoulli probability below q ≈ 7.5e-155)
        bool atLabel = fBeyond || (gBeyond && exactLikelihood.FactorsAreTheGradient);
        var result = Entries($"GGN at {at}", Flat(() => problem.GeneralizedGaussNewton(theta)), ggn, ggnScale, 3 + count + eh, count, atLabel)
            .And(Entries($"canonical-split GGN at {at}", Flat(() => Splits.GeneralizedGaussNewton(Splits.Canonical(problem), theta)), ggn, ggnScale, 3 + count + eh, count, atLabel))
            .And(Entries($"Hessian at {at}", Flat(() => problem.Hessian(theta)), ggn, ggnScale, 3 + 2 * count + eh, 2 * count, atLabel))
            .And(Entries($"identity-split GGN at {at}", Flat(() => Splits.GeneralizedGaussNewton(Splits.Identity(problem), theta)), ggn, ggnScale, 6 + 2 * count + eh, 2 * count, atLabel))
            .And(Entries($"residual term at {at}", Flat(() => problem.ResidualTerm(theta)), zero, zero, 0, -2, atLabel))
            .And(Entries($"canonical-split residual term at {at}", Flat(() => Splits.ResidualTerm(Splits.Canonical(problem), theta)), zero, zero, 0, -2, atLabel));

        bool atNodes = fBeyond || nodesBeyond;
        var (enh, enhScale) = Congruence(p.Features, n => -nodes[n].Aggregate(Fraction.Zero, (s, node) => s + node.W * node.H));
        var enhAbs = Congruence(p.Features, n => nodes[n].Aggregate(Fraction.Zero, (s, node) => s + Fraction.Abs(node.W * node.H))).Scale;
        result = result.And(Entries($"E[−∇²] at {at}", Flat(() => problem.ExpectedNegativeHessian(theta)), enh, enhAbs,
            3 + 2 * nodeCount * count + eh, 2 * nodeCount * count, atNodes));
        var (fisher, fisherScale) = Congruence(p.Features, n => nodes[n].Aggregate(Fraction.Zero, (s, node) => s + node.W * node.G * node.G));
        result = result.And(Entries($"Fisher at {at}", Flat(() => problem.Fisher(theta)), fisher, fisherScale,
            5 + nodeCount * count + 2 * eg, nodeCount * count, atNodes));

        bool scores = fBeyond || gBeyond || sBeyond;
        var gradient = new Fraction[d];
        var gradientScale = new Fraction[d];
        for (int a = 0; a < d; a++)
        {
            gradient[a] = -Enumerable.Range(0, count).Aggregate(Fraction.Zero, (s, n) => s + g[n] * p.Features[n][a]);
            gradientScale[a] = Enumerable.Range(0, count).Aggregate(Fraction.Zero, (s, n) => s + Fraction.Abs(g[n] * p.Features[n][a]));
        }
        result = result.And(Entries($"∇R at {at}", () => problem.RiskGradient(theta).ToArray(), gradient, gradientScale, count + 1 + eg, count, scores));
        var (ef, efScale) = Congruence(p.Features, n => g[n] * g[n]);
        return result
            .And(Entries($"F̃ at {at}", Flat(() => problem.EmpiricalFisher(theta)), ef, efScale, count + 4 + 2 * eg, count, scores))
            .And(Entries($"empirical-Fisher-split GGN at {at}", Flat(() => Splits.GeneralizedGaussNewton(Splits.EmpiricalFisher(problem), theta)),
                ef, efScale, count + 11 + 2 * eg, count, scores || lossBeyond));
    }

    /// <summary>
    /// Gaussian likelihood with variance σ² (eq. D.27, J = x̃): g = (y − f)/σ², H = −1/σ² (correctly rounded: e_H = 1);
    /// the empirical-Fisher split evaluates ℓ_n ≥ (y − f)²/(2σ²), rejected where that is beyond the range.
    /// </summary>
    [Property]
    public Property GaussianLinear_CurvatureMatrices_AreExactOrRejected() => Prop.ForAll(GaussianCases, c =>
    {
        var v = F(c.Variance);
        return Check(c, new GaussianIdentity(c.Variance), new ExactLikelihood(
            (y, f) => ((y - f) / v, -Fraction.One / v), 4, 1, (y, f) => (y - f) * (y - f) / (2 * v) >= NearMax, false));
    });

    /// <summary>
    /// The same with σ² below 1/double.MaxValue (2^-1074 to 2^-1024 with a random mantissa), where −1/σ² is beyond the range:
    /// no bias and inputs |x| = 2^-530 … 2^-40, so the GGN's x_ax_b/σ² is within it (the likelihood gives ∇² as factors
    /// P·Q there since stop 38; until then every matrix was rejected, and this property fails on that); labels near the fit,
    /// so that g = (y − f)/σ² is often within the range too.
    /// </summary>
    [Property]
    public Property GaussianLinear_WithAVarianceBelowOneOverMaxValue_CurvatureMatricesAreExactOrRejected() =>
        Prop.ForAll(SubnormalVarianceCases, c =>
        {
            var v = F(c.Variance);
            return Check(c, new GaussianIdentity(c.Variance), new ExactLikelihood(
                (y, f) => ((y - f) / v, -Fraction.One / v), 4, 1, (y, f) => (y - f) * (y - f) / (2 * v) >= NearMax, false));
        });

    private static Arbitrary<LinearCase> SubnormalVarianceCases { get; } =
        (from inputs in Gen.Choose(1, 2)
         from count in Gen.Choose(1, 3)
         from x in Gen.ArrayOf(Gen.ArrayOf(SignedPowerTimesMantissa(-530, -40), inputs), count)
         from theta in Gen.ArrayOf(SignedPowerTimesMantissa(-60, 60), inputs)
         from y in Gen.ArrayOf(FullRangeDoubles.Signed, count)
         from mantissa in Gen.Choose(0, (1 << 20) - 1)
         from exponent in Gen.Choose(-1074, -1024)
         select new LinearCase(false, Math.Max(Math.ScaleB(1 + Math.ScaleB(mantissa, -20), exponent), double.Epsilon), x,
             NearFit(x, theta, false, y), theta)).ToArbitrary();

    /// <summary>±(1 + k·2^-20)·2^e with e from [<paramref name="low"/>, <paramref name="high"/>].</summary>
    private static Gen<double> SignedPowerTimesMantissa(int low, int high) =>
        from e in Gen.Choose(low, high)
        from k in Gen.Choose(0, (1 << 20) - 1)
        from negative in Gen.Elements(false, true)
        select (negative ? -1 : 1) * Math.ScaleB(1 + Math.ScaleB(k, -20), e);

    /// <summary>
    /// f = θ₀x + θ₁ with θ₁ = 0 and x_n = q_n/θ₀ rounded, q_n ∈ (0, 1) from the whole range (2^-1074 up to 1 − 2^-53), θ₀
    /// from the whole positive range: f_n ≈ q_n, so 1/q and 1/q² reach beyond the range while J = (x, 1) scales them back.
    /// A case whose rounded f_n leaves (0, 1) is moved back inside by a few ulps of x_n.
    /// </summary>
    internal static Arbitrary<LinearCase> BernoulliCases { get; } =
        (from count in Gen.Choose(1, 4)
         from theta in FullRangeDoubles.Positive
         from q in Gen.ArrayOf(Gen.Frequency((4, FullRangeDoubles.Positive.Where(q => q < 1)), (1, Gen.Choose(1, 53).Select(k => 1 - Math.ScaleB(1.0, -k)))), count)
         from y in Gen.ArrayOf(Gen.Elements(0.0, 1.0), count)
         select new LinearCase(true, 1, q.Select(qn => new[] { InputFor(qn, theta) }).ToArray(), y, [theta, 0.0])).ToArbitrary();

    /// <summary>x with θ·x ∈ (0, 1), x ≈ q/θ (double.MaxValue where q/θ overflows and θ·MaxValue &lt; 1).</summary>
    private static double InputFor(double q, double theta)
    {
        double x = Math.Min(q / theta, double.MaxValue);
        for (int i = 0; i < 64 && theta * x >= 1; i++)
            x = Math.BitDecrement(x);
        for (int i = 0; i < 64 && theta * x <= 0 && x < double.MaxValue; i++)
            x = Math.BitIncrement(x) * 2;
        return x;
    }

    /// <summary>
    /// Bernoulli probability (eq. D.35, J = (x, 1)): g = 1/q or −1/(1 − q), H = −g² (∇² within 4 ulp: e_H = 8); the
    /// rule's nodes 0 and 1 with weights 1 − q and q. The loss −log q ≤ 745 is never beyond the range.
    /// </summary>
    [Property]
    public Property BernoulliProbabilityLinear_CurvatureMatrices_AreExactOrRejected() => Prop.ForAll(BernoulliCases, c =>
    {
        var probe = c.X.Select(x => c.Theta[0] * x[0]).ToArray();
        if (!probe.All(q => q > 0 && q < 1))
            return true.Label("discarded: θ·x outside (0, 1)");
        return Check(c, new BernoulliProbability(), new ExactLikelihood((y, f) =>
        {
            var gradient = y == Fraction.One ? Fraction.One / f : -Fraction.One / (1 - f);
            return (gradient, -gradient * gradient);
        }, 4, 8, (_, _) => false, true));
    });
}
