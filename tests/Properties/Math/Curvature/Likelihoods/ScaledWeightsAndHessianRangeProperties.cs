using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;
using static Verification.Tests.Properties.Numerics.Curvature.Likelihoods.ScaledFormAssert;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// The expectation rule's weights and ∇²_f log p carried as M·2^E (<see cref="LikelihoodBase.WeightsScaledWhereNeeded"/>,
/// <see cref="LikelihoodBase.HessianScaledWhereNeeded"/>, issue 15, item 1) where an entry falls below 2^-1022: every entry
/// against 96-bit exp enclosures, relatively, within the bound the likelihood's doc comment states for it plus the
/// enclosure's width; the form given wherever an exact nonzero entry is below 2^-1023 and absent wherever every exact entry
/// is 0 or at least 2^-1021 (between the two the decision is taken on the rounded value). Beyond ExactExp's reach
/// (e^t with t &lt; −4096) the exact value is only known to lie in (0, 2^-5900]: the entry must lie there too, with the
/// right sign.
/// </summary>
[Properties(MaxTest = 120)]
public class ScaledWeightsAndHessianRangeProperties
{
    /// <summary>2^-1008, above 2e^-700(1 + 3u): how far (1 + e^{−|f|})^-1 and ^-2 are from 1, relatively, beyond |f| = 700.</summary>
    private static readonly Fraction LogitFactor = ExactDouble.Pow2(-1008);

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>t below −4096 (beyond ExactExp's reach), from just below it to −1e300, so that f + t stays finite.</summary>
    private static Gen<double> BelowReach { get; } = FullRangeDoubles.Positive.Select(x => -4097 - Math.Min(x, 1e300));

    /// <summary>e^t enclosed to 2^-96 for t ≥ −4096, else (0, 2^-5900] (closed at 0: an enclosure, not the value).</summary>
    private static RationalInterval ExpOf(Fraction t) =>
        t >= new Fraction(-4096) ? ExactExp.Of(t, Bits) : new RationalInterval(Fraction.Zero, BeyondReach);

    /// <summary>relative·|exact| where the enclosure lies on one side of 0; 0 where it holds 0 (beyond the reach: the entry must lie in it).</summary>
    private static Fraction Relative(RationalInterval exact, Fraction relative) =>
        exact.Lower.IsZero || exact.Upper.IsZero ? Fraction.Zero : relative * Magnitude(exact);

    private static Fraction Units(double k) => F(k * Unit);

    private static readonly RationalInterval One = RationalInterval.Exact(1.0);

    /// <summary>
    /// f over [−4096, −600] ∪ [600, 4096] (ExactExp's reach), ±[680, 760] (across the threshold |f| = 700 and the subnormal
    /// range's top near 708), beyond ±4096 and the whole range.
    /// </summary>
    private static Gen<double> LogitArgument { get; } = Gen.Frequency(
        (2, Between(-4096, -600)), (2, Between(600, 4096)), (1, Between(680, 760).SelectMany(t => Gen.Elements(t, -t))),
        (1, FullRangeDoubles.Signed), (1, BelowReach.SelectMany(t => Gen.Elements(t, -t))));

    /// <summary>
    /// BernoulliLogit: the weights of the labels (0, 1), σ(−f) and σ(f), beyond |f| = 700. The smaller, e^{−|f|}/(1 + e^{−|f|}),
    /// within 3u + 2^-1008 relatively (ScaledExp's 3u for e^{−|f|}, and the factor (1 + e^{−|f|})^-1 it leaves out); the
    /// larger, σ(|f|), the double 1, within 2^-1009 of it (1 − σ(|f|) &lt; e^-700 ≈ 2^-1009.9).
    /// </summary>
    [Property]
    public Property BernoulliLogit_ScaledWeights_AreTheSigmoidsInLabelOrder() => Prop.ForAll(
        LogitArgument.ToArbitrary(),
        f =>
        {
            var likelihood = new BernoulliLogit();
            var w = likelihood.WeightsScaledWhereNeeded(V(f));
            var labels = likelihood.Expectation(V(f)).Labels;
            var e = ExpOf(-Fraction.Abs(F(f)));
            var (small, large) = (e / (One + e), One / (One + e));
            int s = f > 0 ? 0 : 1; // σ(−f), label 0, is the smaller for f > 0
            var exact = s == 0 ? new[] { small, large } : [large, small];
            string at = $"f = {f:R}";
            var result = labels.SequenceEqual([0.0, 1.0]).Label($"{at}: labels {string.Join(", ", labels)}")
                .And(GivenWhereNeeded(w, [Magnitude(small)], at))
                .And(NullWhereNotNeeded(w, exact, at));
            if (w is null)
                return result;
            if (w.Count != 2)
                return false.Label($"{at}: {w.Count} weights for 2 labels");
            return result
                .And(Enclosed(w, s, small, Relative(small, Units(3) + LogitFactor), 1, at))
                .And(Enclosed(w, 1 - s, large, ExactDouble.Pow2(-1009), 1, at));
        });

    /// <summary>
    /// BernoulliLogit: ∇² = −σ(f)σ(−f) = −e^{−|f|}/(1 + e^{−|f|})² beyond |f| = 700, for either label, within 3u + 2^-1008
    /// relatively (ScaledExp's 3u, and the factor (1 + e^{−|f|})^-2 that −e^{−|f|} leaves out, within 2e^{−|f|} of 1).
    /// </summary>
    [Property]
    public Property BernoulliLogit_ScaledHessian_IsMinusSigmaSigma() => Prop.ForAll(
        (from f in LogitArgument from y in Gen.Elements(0.0, 1.0) select (f, y)).ToArbitrary(),
        c =>
        {
            var (f, y) = c;
            var h = new BernoulliLogit().HessianScaledWhereNeeded(y, V(f));
            var e = ExpOf(-Fraction.Abs(F(f)));
            var exact = -(e / ((One + e) * (One + e)));
            string at = $"y = {y}, f = {f:R}";
            var result = GivenWhereNeeded(h?.Entries, [Magnitude(exact)], at).And(NullWhereNotNeeded(h, [exact], at));
            return h is null
                ? result
                : result.And((h.Size == 1).Label($"{at}: size {h.Size}"))
                    .And(Enclosed(h.Entries, 0, exact, Relative(exact, Units(3) + LogitFactor), -1, at));
        });

    /// <summary>PoissonLog: ∇² = −λ = −e^f below f = −700, for any label, within 3u relatively (ScaledExp's).</summary>
    [Property]
    public Property PoissonLog_ScaledHessian_IsMinusTheRate() => Prop.ForAll(
        (from f in Gen.Frequency((4, Between(-4096, -600)), (1, Between(-760, -680)), (1, Between(-600, 4)), (1, BelowReach))
         from y in Gen.Choose(0, 5)
         select (f, y: (double)y)).ToArbitrary(),
        c =>
        {
            var (f, y) = c;
            var h = new PoissonLog().HessianScaledWhereNeeded(y, V(f));
            var exact = -ExpOf(F(f));
            string at = $"y = {y}, f = {f:R}";
            var result = GivenWhereNeeded(h?.Entries, [Magnitude(exact)], at).And(NullWhereNotNeeded(h, [exact], at));
            return h is null
                ? result
                : result.And((h.Size == 1).Label($"{at}: size {h.Size}"))
                    .And(Enclosed(h.Entries, 0, exact, Relative(exact, Units(3)), -1, at));
        });

    /// <summary>
    /// PoissonLog: the weight of every node y = 0…K of <see cref="LikelihoodBase.Expectation"/> (same count, labels 0…K in
    /// order) against p(y) = λ^y·e^{−λ}/y!, enclosed from λ = e^η and e^{−λ} (96-bit) with products rounded outward to 128
    /// bits, within (δ + 3u)(1 + 2δ) relatively as the doc comment states, δ = 7u·(y|η| + λ + log y!) + 2^-1073 (the error
    /// of the computed log p(y), with the 2^-1073 its class remarks add where λ is subnormal; λ and log y! bounded above, the
    /// latter by Σ log k in doubles times 1 + 2^-40, whose ≤ 171 roundings are below 2^-44 relatively). η over [−4096, −600],
    /// [−710, −300] and [−372, −348] (the node y = 2's log across −700, −708 and −745), [−300, 4] (no form) and below −4096.
    /// </summary>
    [Property]
    public Property PoissonLog_ScaledWeights_AreTheProbabilitiesOfTheNodes() => Prop.ForAll(
        Gen.Frequency((4, Between(-4096, -600)), (2, Between(-710, -300)), (2, Between(-372, -348)), (1, Between(-300, 4)), (1, BelowReach)).ToArbitrary(),
        eta =>
        {
            var likelihood = new PoissonLog();
            var w = likelihood.WeightsScaledWhereNeeded(V(eta));
            var labels = likelihood.Expectation(V(eta)).Labels;
            string at = $"η = {eta:R}";
            var lambda = ExpOf(F(eta));
            var p = new RationalInterval[labels.Count];
            p[0] = new RationalInterval(ExactExp.Of(-lambda.Upper, Bits).Lower, ExactExp.Of(-lambda.Lower, Bits).Upper);
            for (int y = 1; y < p.Length; y++)
                p[y] = DyadicRounding.Outward(p[y - 1] * lambda / RationalInterval.Exact(new Fraction(y)), 128);
            var result = Enumerable.Range(0, labels.Count).All(k => labels[k] == k).Label($"{at}: labels {string.Join(", ", labels)}")
                .And(GivenWhereNeeded(w, p.Select(Magnitude), at))
                .And(NullWhereNotNeeded(w, p, at));
            if (w is null)
                return result;
            if (w.Count != labels.Count)
                return false.Label($"{at}: {w.Count} weights for {labels.Count} labels");
            double logFactorial = 0;
            for (int y = 0; y < p.Length; y++)
            {
                if (y >= 2)
                    logFactorial += Math.Log(y);
                var delta = Units(7) * (y * Fraction.Abs(F(eta)) + lambda.Upper + F(logFactorial) * (1 + ExactDouble.Pow2(-40)))
                    + ExactDouble.Pow2(-1073);
                var relative = (delta + Units(3)) * (1 + 2 * delta);
                result = result.And(Enclosed(w, y, p[y], Relative(p[y], relative), 1, at));
            }
            return result;
        });

    /// <summary>Logits offset + d_c over C = 3 or 4 classes, d_c across −600 and −708, near 0 and beyond ExactExp's reach.</summary>
    private static Gen<double[]> SoftmaxLogits(Gen<double> difference) =>
        from classes in Gen.Elements(3, 4)
        from offset in Gen.Frequency((2, Between(-50, 50)), (1, FullRangeDoubles.Signed.Select(x => x / 4)))
        from d in Gen.ArrayOf(difference, classes)
        select d.Select(x => offset + x).ToArray();

    private static Gen<double> SoftmaxDifference { get; } =
        Gen.Frequency((2, Between(-4096, -600)), (1, Between(-760, -680)), (1, Between(-700, -300)), (2, Between(-30, 0)), (1, BelowReach));

    /// <summary>
    /// The exact π_c = e^{f_c − m}/Σ_i e^{f_i − m} (m = max f, from the doubles f exactly) as enclosures, and D = max |f_c − m|
    /// over the classes within ExactExp's reach (those whose π_c is computed, not 0, in the scaled form).
    /// </summary>
    private static (RationalInterval[] Pi, double D) Softmax(double[] f)
    {
        var exact = f.Select(F).ToArray();
        var m = exact.Max()!;
        var e = exact.Select(x => ExpOf(x - m)).ToArray();
        var sum = e.Aggregate((p, q) => p + q);
        double d = exact.Select(x => m - x).Where(x => x <= new Fraction(4096)).Select(x => (double)x.ToDecimal()).Max();
        return (e.Select(x => DyadicRounding.Outward(x / sum, 128)).ToArray(), d);
    }

    private static string Show(double[] f) => $"f = [{string.Join(", ", f.Select(v => v.ToString("R")))}]";

    /// <summary>
    /// CategoricalSoftmax, C = 3 or 4: the weights π_c, each within (|f_c − m| + 2C + 4)·u relatively, the class's
    /// (|f_c − m| + 2C + 4) ulp read strictly (an ulp as u).
    /// </summary>
    [Property(MaxTest = 80)]
    public Property CategoricalSoftmax_ScaledWeights_AreTheSoftmax() => Prop.ForAll(
        SoftmaxLogits(SoftmaxDifference).ToArbitrary(),
        f =>
        {
            int classes = f.Length;
            var likelihood = new CategoricalSoftmax(classes);
            var w = likelihood.WeightsScaledWhereNeeded(V(f));
            var labels = likelihood.Expectation(V(f)).Labels;
            var (pi, _) = Softmax(f);
            var m = f.Select(F).Max()!;
            string at = Show(f);
            var result = (labels.Count == classes && Enumerable.Range(0, labels.Count).All(k => labels[k] == k))
                .Label($"{at}: labels {string.Join(", ", labels)}")
                .And(GivenWhereNeeded(w, pi.Select(Magnitude), at))
                .And(NullWhereNotNeeded(w, pi, at));
            if (w is null)
                return result;
            for (int c = 0; c < classes; c++)
            {
                double distance = ExactDouble.ToDouble(m - F(f[c]));
                result = result.And(Enclosed(w, c, pi[c], Relative(pi[c], Units(distance + 2 * classes + 4)), 1, at));
            }
            return result;
        });

    /// <summary>
    /// The exact ∇² = −(diag π − ππᵀ), row by row: π_iπ_j off the diagonal, −π_i·Σ_{c≠i} π_c on it.
    /// </summary>
    private static RationalInterval[] SoftmaxHessian(RationalInterval[] pi)
    {
        int classes = pi.Length;
        var h = new RationalInterval[classes * classes];
        for (int i = 0; i < classes; i++)
            for (int j = 0; j < classes; j++)
                h[i * classes + j] = i == j
                    ? -(pi[i] * Enumerable.Range(0, classes).Where(c => c != i).Select(c => pi[c]).Aggregate((a, b) => a + b))
                    : pi[i] * pi[j];
        return h;
    }

    /// <summary>
    /// The Hessian property's check: every entry within (2D + 4C + 9)·u relatively, the class's (2D + 4C + 9) ulp for ∇²
    /// read strictly (an ulp as u), D as in <see cref="Softmax"/>; the form given where needed and absent where not.
    /// </summary>
    private static Property SoftmaxHessianHolds(double[] f, double y)
    {
        int classes = f.Length;
        var h = new CategoricalSoftmax(classes).HessianScaledWhereNeeded(y, V(f));
        var (pi, d) = Softmax(f);
        var exact = SoftmaxHessian(pi);
        string at = $"{Show(f)}, y = {y}";
        var result = GivenWhereNeeded(h?.Entries, exact.Select(Magnitude), at).And(NullWhereNotNeeded(h, exact, at));
        if (h is null)
            return result;
        if (h.Size != classes || h.Entries.Count != classes * classes)
            return false.Label($"{at}: size {h.Size}, {h.Entries.Count} entries");
        var relative = Units(2 * d + 4 * classes + 9);
        for (int k = 0; k < exact.Length; k++)
            result = result.And(Enclosed(h.Entries, k, exact[k], Relative(exact[k], relative), k / classes == k % classes ? -1 : 1, at));
        return result;
    }

    /// <summary>
    /// CategoricalSoftmax, C = 3 or 4: every entry of ∇² = −(diag π − ππᵀ) where some class is more than 600 below the
    /// largest (there the form is computed; see the skipped property below for the rest).
    /// </summary>
    [Property(MaxTest = 80)]
    public Property CategoricalSoftmax_ScaledHessian_IsMinusDiagPiPlusPiPiT() => Prop.ForAll(
        (from f in SoftmaxLogits(SoftmaxDifference)
         from far in Gen.Frequency((3, Between(-4096, -601)), (1, BelowReach))
         from y in Gen.Choose(0, f.Length - 1)
         select (f: f.Select((x, c) => c == y ? f.Max() + far : x).ToArray(), y: (double)y)).ToArbitrary(),
        c => SoftmaxHessianHolds(c.f, c.y));

    /// <summary>
    /// The same where every class is within 600 of the largest while two of them are each more than 354 below it, so that
    /// π_iπ_j ≈ e^{f_i + f_j − 2m} is below 2^-1022. With the cut at −600 (every f_c − m ≥ −600: no form) it failed after 3
    /// cases, at f = (−581.34, −15.92, −475.43), y = 0; the cut is −340 since.
    /// </summary>
    [Property(MaxTest = 80)]
    public Property CategoricalSoftmax_ScaledHessian_IsGivenWhereTwoClassesAreFarBelowTheLargest() => Prop.ForAll(
        (from f in SoftmaxLogits(Gen.Frequency((3, Between(-600, -355)), (1, Between(-30, 0))))
         from y in Gen.Choose(0, f.Length - 1)
         select (f, y: (double)y)).ToArbitrary(),
        c => SoftmaxHessianHolds(c.f, c.y));

    /// <summary>
    /// (y, μ, v) over the whole range, and where ∇²'s entries fall below 2^-1022 while J_n may scale them back up: v from
    /// 2^900 to double.MaxValue with y − μ from 2^-1074 to 2^60 (|a/v| down to 2^-3100, below the 2^-2043 that factors
    /// P ⊙ Q could hold) or y − μ = ρ√v, ρ ≤ 8 (the two terms of ∇²_vv comparable).
    /// </summary>
    private static Gen<(double Y, double Mean, double Variance)> MeanVarianceInputs { get; } = Gen.Frequency(
        (2, from y in FullRangeDoubles.Signed from mean in FullRangeDoubles.Signed from v in FullRangeDoubles.Positive select (y, mean, v)),
        (2, from v in Gen.Choose(900, 1023).Select(k => Math.ScaleB(1.0, k)).SelectMany(p => Between(1, 2).Select(m => Math.Min(m * p, double.MaxValue)))
            from k in Gen.Choose(-1074, 60)
            from m in Between(1, 2)
            from sign in Gen.Elements(1.0, -1.0)
            from mean in Gen.Elements(0.0, 1e-300, -3.5, 1e200)
            select (mean + sign * Math.ScaleB(m, k), mean, v)),
        (1, from v in FullRangeDoubles.Positive
            from rho in Between(-8, 8)
            select (rho * Math.Sqrt(v), 0.0, v)));

    /// <summary>
    /// GaussianMeanVariance: ∇² = [[−1/v, −r/v²], [−r/v², 1/(2v²) − r²/v³]] (r = y − μ, exact rationals) as M·2^E where an
    /// entry falls below 2^-1022, within what its doc comment states: −1/v within u, −r/v² within 3u (the quotient of
    /// mantissas a within 2u, and one more), ∇²_vv within 7u of 1/(2v²) + r²/v³ (its two terms may cancel), with no absolute
    /// term (γ_k = k·u/(1 − k·u) used for k roundings). Given wherever −1/v or −r/v² is below 2^-1023, or both terms of
    /// ∇²_vv together are; not given where every entry is 0 or at least 2^-1021 with ∇²_vv's bound not reaching below it;
    /// not required where an exact entry is beyond 2^1023 (the form is then withheld and the factors or the doubles serve).
    /// Before, the likelihood had no such form: at x = 1e300, y = −3e-40 the factors' Q_μv = 2^(E+1021)/v underflowed to 0.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property GaussianMeanVariance_ScaledHessian_IsTheExactHessian() => Prop.ForAll(
        MeanVarianceInputs.ToArbitrary(),
        c =>
        {
            var (y, mean, v) = c;
            string at = $"y = {y:R}, μ = {mean:R}, v = {v:R}";
            if (!double.IsFinite(y) || !double.IsFinite(mean) || !(v > 0) || !double.IsFinite(v))
                return true.Label($"{at}: outside the domain, not drawn to be checked");
            Fraction r = F(y) - F(mean), fv = F(v);
            Fraction mm = -1 / fv, mv = -r / (fv * fv), first = 1 / (2 * fv * fv), second = r * r / (fv * fv * fv), vv = first - second;
            var h = new GaussianMeanVariance().HessianScaledWhereNeeded(y, V(mean, v));
            var beyond = ExactDouble.Pow2(1023);
            bool beyondRange = Fraction.Abs(mm) >= beyond || Fraction.Abs(mv) >= beyond || first + second >= beyond;
            bool needed = Fraction.Abs(mm) < BelowNormal || !mv.IsZero && Fraction.Abs(mv) < BelowNormal || first + second < BelowNormal;
            var vvBound = F(Gamma(7)) * (first + second);
            bool wellNormal = Fraction.Abs(mm) >= WellNormal && (mv.IsZero || Fraction.Abs(mv) >= WellNormal)
                && Fraction.Abs(vv) - vvBound >= WellNormal;
            var result = (beyondRange || !needed || h is not null).Label($"{at}: an entry is below 2^-1023 but no scaled ∇² was given")
                .And((!wellNormal || h is null).Label($"{at}: every entry is at least 2^-1021, yet a scaled ∇² was given"));
            if (h is null)
                return result.Classify(true, "no form");
            var exact = new[] { mm, mv, mv, vv };
            var bounds = new[] { F(Gamma(1)) * Fraction.Abs(mm), F(Gamma(3)) * Fraction.Abs(mv), F(Gamma(3)) * Fraction.Abs(mv), vvBound };
            for (int i = 0; i < 4; i++)
            {
                var error = Fraction.Abs(Entry(h.Entries, i) - exact[i]);
                result = result.And((error <= bounds[i]).Label(
                    $"{at}: ∇²[{i / 2}, {i % 2}] = {h.Entries.Mantissas[i]:R}·2^{h.Entries.Exponents[i]}, exact ≈ {ExactDouble.ToDouble(exact[i]):R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bounds[i]):R}"));
            }
            return result.And((h.Size == 2).Label($"{at}: size {h.Size}"))
                .Classify(!mv.IsZero && Fraction.Abs(mv) < ExactDouble.Pow2(-2043), "|r/v²| below 2^-2043");
        });

    /// <summary>γ_k = k·u/(1 − k·u), the bound of k roundings.</summary>
    private static double Gamma(int k) => k * Unit / (1 - k * Unit);

    /// <summary>
    /// No form where none is needed: never for the Gaussian identity and the Bernoulli probability (they have none; their
    /// weights and ∇² may be subnormal, and are then the doubles), never for the Gaussian mean–variance's weights (its ∇²
    /// has a form, checked above), for the logit within |f| ≤ 600 (σ(±f)σ(∓f) ≥ e^-600/4),
    /// the Poisson ∇² above f = −600 and the softmax with every f_c − m ≥ −340 (π_iπ_j ≥ e^-680/16 &gt; 2^-1000).
    /// </summary>
    [Property]
    public Property ScaledWeightsAndHessian_AreNull_WhereNoneIsNeeded() => Prop.ForAll(
        (from which in Gen.Choose(0, 5)
         from a in FullRangeDoubles.Signed
         from b in FullRangeDoubles.Signed
         from v in FullRangeDoubles.Positive
         from q in Gen.Frequency((2, FullRangeDoubles.Positive.Where(x => x < 1)), (1, Between(0, 1).Where(x => x > 0)))
         from small in Gen.Frequency((2, Between(-600, 600)), (1, FullRangeDoubles.Signed.Where(x => Math.Abs(x) <= 600)))
         from softmax in SoftmaxLogits(Between(-340, 0))
         from label in Gen.Elements(0.0, 1.0)
         select (which, a, b, v, q, small, softmax, label)).ToArbitrary(),
        c =>
        {
            var (which, a, b, v, q, small, softmax, label) = c;
            (LikelihoodBase likelihood, double y, double[] f) = which switch
            {
                0 => ((LikelihoodBase)new GaussianIdentity(v), a, new[] { b }),
                1 => (new GaussianMeanVariance(), a, new[] { b, v }),
                2 => (new BernoulliProbability(), label, new[] { q }),
                3 => (new BernoulliLogit(), label, new[] { small }),
                4 => (new PoissonLog(), label, new[] { small / 150 }), // f in [−4, 4], within the rule's η ≤ 4
                _ => (new CategoricalSoftmax(softmax.Length), label, softmax),
            };
            string at = $"{likelihood.Name}, y = {y:R}, {Show(f)}";
            var h = which == 1 ? null : likelihood.HessianScaledWhereNeeded(y, V(f));
            var w = likelihood.WeightsScaledWhereNeeded(V(f));
            var result = (h is null).Label($"{at}: a scaled ∇² was given").And((w is null).Label($"{at}: scaled weights were given"));
            return which == 4
                ? result.And((likelihood.HessianScaledWhereNeeded(y, V(small)) is null).Label($"{at}, f = {small:R}: a scaled ∇² was given"))
                : result;
        });
}
