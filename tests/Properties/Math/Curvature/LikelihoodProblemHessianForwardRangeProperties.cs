using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="LikelihoodProblem.HessianForward"/> (hyper-dual forward mode on the composed R, balles-thesis ch. 7's
/// reference ∇²R) for every likelihood but Poisson, linear fits f = θᵀx̃ (N ≤ 4, up to 3 outputs), data and θ over the
/// whole double range, against the exact ∇²R = Σ_n c_n·x̃_n x̃_nᵀ at the forward pass's own f_n (the generic
/// <see cref="LinearModel.Output{T}"/> over <see cref="Real"/>, which is the hyper-dual's value path bit for bit): Gaussian
/// c_n = 1/σ², Bernoulli probability c_n = 1/q_n² (y = 1) or 1/(1 − q_n)² (y = 0), logit σ(f)σ(−f), softmax
/// diag π − ππᵀ, mean–variance [[1/v, r/v²], [r/v², r²/v³ − 1/(2v²)]] (block (m, m') of ∇²R is Σ_n H_n[m, m']·x̃_n x̃_nᵀ).
/// Each entry is within k·u·Σ_n|c_n x̃_na
/// x̃_nb| + (N + 2)·2^-1074 of the exact one, ±∞ only at the threshold, never NaN (the bound of
/// <see cref="LikelihoodProblemRangeProperties.WithinBounds"/>), or a <see cref="DoubleRangeException"/>, allowed only
/// where an exact intermediate of the forward chain is nonzero outside [2^-1022, (1 − 2^-40)·double.MaxValue] (its
/// underflow and overflow rejections, HyperDual's remarks, and ForwardDerivatives.Hessian's of an overflowed ∂R). An entry
/// whose exact value is below 2^-1022 may be any double below 2^-1022: HyperDual's underflow bounds promise only absolute
/// accuracy there (its remarks, the subnormal exception), and an entry x²/σ² = 1.2e-308 came out 0.
/// </summary>
/// <remarks>
/// k from HyperDual's per-operation bounds (its remarks; checked by <see cref="AutoDiff.HyperDualFullRangeProperties"/>):
/// the ε parts of f_n are x̃_na and x̃_nb exactly (θ's seed 1 times the constant x, plus zeros), and its ε₁ε₂ part is 0.
/// Gaussian: (y − f)² has ε₁ε₂ = x̃_a x̃_b + x̃_b x̃_a (one rounding, the sum of two equal doubles exact), the quotient by
/// the constant 2σ² adds 2u (1/(2σ²), then the product; the scaled form 1.5u), subtracting the constant ½log(2πσ²) leaves
/// the parts: 3u a sample; the running sum over the samples (N − 1)u: k = N + 2. Bernoulli: log q (y = 1) has ε₁ε₂ =
/// φ''·x̃_a·x̃_b with φ'' = −1/q² within 2.5u and two products (the sum with φ'·0 exact): 4.5u; log(1 − q) (y = 0)
/// takes 1 − q rounded (u relative, 2u on its inverse square): 6.5u; with the running sum k = N + 6.
/// Bernoulli logit, LogSoftmax((0, f), y): the shift difference (f_y − f_k) is f − f, 0 − f or f − 0, exact with ε₁ε₂ = 0;
/// t = −|f| exactly, E = e^t with value within 2u, ε parts within 3u and ε₁ε₂ part E·x̃_a x̃_b within 5u; the sum with the
/// constant 0 and r − r₀ are exact; 1 + r₀ within u + 2u·E/(1 + E) ≤ 2u; the quotient δ by that constant: ε parts within
/// 3 + 2 + 5 = 10u, ε₁ε₂ within 5 + 2 + 12 = 19u; log(1 + δ) at value exactly 1 (φ' = 1, φ'' = −1 exact): ε₁ε₂ =
/// δ₁₂ − δ₁δ₂, the terms within 19u and 20u, the log's 6u more: 26u of |δ₁₂| + |δ₁δ₂| = (1 + 2E)·E/(1 + E)²·|x̃_a x̃_b|
/// ≤ 3·|c_n x̃_a x̃_b| (c_n = σ(f)σ(−f) = E/(1 + E)²), so 78u a sample (first order; the γ products add less than
/// 2^-40 of it); the final subtraction from a part 0 is exact; with the running sum k = N + 78. c_n is enclosed
/// (ExactExp, 2^-96), its radius added to the bound.
/// Softmax (C = 3), LogSoftmax(f, y) = (f_y − f_k) − log(1 + δ): t_i = f_i − f_k rounds its value (u·|t_i|, parts exact:
/// each ε part of f is x̃_a or 0), so e_i = e^{t_i} and its φ', φ'' are off by D·u more, D = max |t_i| over the classes
/// with |t_i| ≤ 2300 (beyond, e^{t_i}·x̃_a x̃_b &lt; 2^-1252 either way): value (D + 2)u, ε (D + 3)u, ε₁ε₂ (D + 5)u;
/// r = 0 + e_i + e_j one rounding (the parts' terms share a sign: each t_i's part is −x̃_a for every i, or nonzero for one);
/// 1 + r₀ within (D + 3)u·r₀/(1 + r₀) + u ≤ (D + 4)u; δ: ε (D + 3) + 1 + (D + 4) + 5 = (2D + 13)u, ε₁ε₂
/// (D + 5) + 1 + (D + 4) + 12 = (2D + 22)u; log at 1: the terms within (4D + 26)u, 6u more: (4D + 32)u of
/// |δ₁₂| + |δ₁δ₂|, which is (2 − π_k)/π_k ≤ 5 times |H_mm' x̃_a x̃_b| (m or m' = k), (1 + π_m)/(1 − π_m) ≤ 3 (m = m' ≠ k),
/// 1 (m ≠ m', neither k), H = diag(π) − ππᵀ, π_k ≥ 1/3: (20D + 160)u a sample, k = N + 20D + 160.
/// Gaussian mean–variance, −(r·r)/(2·v) − ½·log(2π̂·v), r = y − μ: r's value within u (parts exact, −x̃_a or 0); r·r:
/// value 3u, ε 3u, ε₁ε₂ = 2r₁r₂ within 4u; 2v exact (a power of two); the quotient q: ε₁ε₂ within 12u more of its terms
/// |A₁₂/B|, |A₁B₂ + A₂B₁|/B², |2AB₁B₂/B³| (A = r², B = 2v), each within 4u or 3u: 16u; w = 2π̂·v (2π̂ = 2·Math.PI, which
/// cancels from log's ε₁ε₂ = −w₁w₂/w² = −x̃_a x̃_b/v²): w within u, w₁, w₂ within 2u, log's 6u: 12u; ½ and the negation
/// exact; the sum 1u: 17u of |q₁₂| and 13u of |½·log₁₂|, so 17u of the magnitudes 1/v (μμ), |r|/v² (μv),
/// r²/v³ + 1/(2v²) (vv, whose two terms may cancel: the scale is their sum, not |H_vv|) times |x̃_a x̃_b|; with the
/// running sum k = N + 16 (first order).
/// Left: Poisson is
/// LikelihoodProblemTranscendentalRangeProperties'.
/// </remarks>
[Properties(MaxTest = 150)]
public class LikelihoodProblemHessianForwardRangeProperties
{
    private static readonly Fraction NearMax = ExactDouble.ToFraction(double.MaxValue) * (1 - ExactDouble.Pow2(-40));

    private static readonly Fraction MinNormal = ExactDouble.Pow2(-1022);

    private const double ScaledMinNormal = 2.2250738585072014E-308;

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static Vector<double> V(double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>Nonzero and outside [2^-1022, NearMax] in magnitude.</summary>
    private static bool Outside(Fraction x) => x != 0 && (Fraction.Abs(x) < MinNormal || Fraction.Abs(x) >= NearMax);

    /// <summary>The M outputs by the generic model over <see cref="Real"/>: the value path of the forward pass.</summary>
    private static double[] Outputs(LinearModel model, double[] x, double[] theta) =>
        model.Output(V(x), theta.Select(t => new Real(t)).ToArray()).Select(r => r.Value).ToArray();

    /// <summary>
    /// The check: <paramref name="sample"/> gives, for (y_n, f_n), c_n and the exact intermediates of that sample's chain
    /// (besides x̃_na, x̃_na·x̃_nb, c_n·x̃_na·x̃_nb and θ_a·x_na, which are added here) whose leaving the normal range allows a
    /// rejection, and the factors that multiply x̃_na and x̃_na·x̃_nb in the chain's parts (each product checked the same way).
    /// </summary>
    private static Property Check(LikelihoodProblemRangeProperties.LinearCase c, ILikelihood likelihood, double k,
        Func<Fraction, Fraction, (Fraction C, Fraction G, Fraction[] Intermediates, Fraction[] PartFactors)> sample) =>
        Check(c, likelihood, k, (y, f) =>
        {
            var (cn, gn, intermediates, partFactors) = sample(y, f);
            return (cn, Fraction.Zero, gn, intermediates, partFactors);
        });

    /// <summary>
    /// As above, with c_n known as an enclosure: its midpoint and radius ρ_n, the true ∇²R entry within Σ_n ρ_n|x̃_na x̃_nb|
    /// of the midpoint sum, which is added to the bound (as ρ/(k·u) in the scale, so WithinBounds adds exactly ρ).
    /// </summary>
    private static Property Check(LikelihoodProblemRangeProperties.LinearCase c, ILikelihood likelihood, double k,
        Func<Fraction, Fraction, (Fraction C, Fraction Radius, Fraction G, Fraction[] Intermediates, Fraction[] PartFactors)> sample) =>
        Check(c, likelihood, 1, k, (y, f) =>
        {
            var (cn, radius, gn, intermediates, partFactors) = sample(y, f[0]);
            return (new[,] { { cn } }, new[,] { { Fraction.Abs(cn) } }, new[,] { { radius } }, [gn], intermediates, partFactors);
        });

    /// <summary>
    /// M outputs f_m = θ_mᵀx̃ (θ_m the m-th block of |x̃| parameters, <see cref="LinearModel"/>'s layout): ∇²R_(m,i),(m',j) =
    /// Σ_n H_n[m, m']·x̃_ni x̃_nj with H_n = −∇²_f log p, given by <paramref name="sample"/> as midpoints and radii, and the
    /// magnitudes the error is relative to (|H| where the chain's terms do not cancel; the terms' sum where they do).
    /// </summary>
    private static Property Check(LikelihoodProblemRangeProperties.LinearCase c, ILikelihood likelihood, int outputs, double k,
        Func<Fraction, Fraction[], (Fraction[,] H, Fraction[,] Magnitude, Fraction[,] Radius, Fraction[] G, Fraction[] Intermediates, Fraction[] PartFactors)> sample)
    {
        var ku = F(k) * ExactDouble.Pow2(-53);
        var model = new LinearModel(c.Inputs, outputs, c.Bias);
        var problem = new LikelihoodProblem(model, likelihood, new Dataset(c.X.Select(V).ToArray(), c.Y));
        var theta = V(c.Theta);
        int count = c.X.Length, d = c.Theta.Length, w = model.Width;
        var exact = new Fraction[d * d];
        var scale = new Fraction[d * d];
        Array.Fill(exact, Fraction.Zero);
        Array.Fill(scale, Fraction.Zero);
        var gradient = new Fraction[d];
        Array.Fill(gradient, Fraction.Zero);
        bool mayReject = false;
        for (int n = 0; n < count; n++)
        {
            double[] f = Outputs(model, c.X[n], c.Theta);
            if (!f.All(double.IsFinite))
                return Rejected(problem, theta, c, "f_n beyond the range");
            var features = c.Bias ? c.X[n].Select(F).Append(Fraction.One).ToArray() : c.X[n].Select(F).ToArray();
            var (h, magnitude, radius, g, intermediates, partFactors) = sample(F(c.Y[n]), f.Select(F).ToArray());
            mayReject |= intermediates.Any(Outside)
                || Enumerable.Range(0, outputs).Any(m => c.X[n].Select((x, j) => F(x) * F(c.Theta[m * w + j])).Any(Outside));
            for (int a = 0; a < d; a++)
            {
                var xa = features[a % w];
                gradient[a] += g[a / w] * xa;
                mayReject |= Outside(xa) || Outside(g[a / w] * xa) || partFactors.Any(p => Outside(p * xa));
                for (int b = 0; b < d; b++)
                {
                    var xx = xa * features[b % w];
                    var term = h[a / w, b / w] * xx;
                    exact[a * d + b] += term;
                    scale[a * d + b] += (magnitude[a / w, b / w] + radius[a / w, b / w] / ku) * Fraction.Abs(xx);
                    mayReject |= Outside(xx) || Outside(term) || partFactors.Any(p => Outside(p * xx));
                }
            }
        }
        mayReject |= gradient.Concat(exact).Any(e => Fraction.Abs(e) >= NearMax);
        string at = c.ToString();
        double[] computed;
        try
        {
            computed = problem.HessianForward(theta).ToRowMajorArray();
        }
        catch (DoubleRangeException ex)
        {
            return mayReject.Label($"HessianForward at {at}: rejected ({ex.Message}) but every intermediate is in the normal range")
                .Classify(true, "rejected");
        }
        // HyperDual's documented subnormal exception (UnderflowError): a part whose underflow bound and value both stay
        // below 2^-1022 is given with absolute accuracy only, so an entry whose exact value is itself below 2^-1022 may
        // come out anywhere below it (σ² = 8.4e-309, x = −1.0e-308: x²/σ² = 1.2e-308 came out 0).
        var result = true.ToProperty();
        bool subnormal = false;
        for (int i = 0; i < exact.Length; i++)
        {
            if (Math.Abs(computed[i]) < ScaledMinNormal && Fraction.Abs(exact[i]) < MinNormal)
            {
                subnormal |= F(computed[i]) != exact[i];
                continue;
            }
            result = result.And(LikelihoodProblemRangeProperties.WithinBounds($"HessianForward[{i}] at {at}", [computed[i]], [exact[i]], [scale[i]], k, count));
        }
        return result.Classify(false, "rejected").Classify(subnormal, "subnormal entry, absolute accuracy only");
    }

    /// <summary>An f_n beyond the range (as the forward pass computes it) must be rejected, naming the range.</summary>
    private static Property Rejected(LikelihoodProblem problem, Vector<double> theta, LikelihoodProblemRangeProperties.LinearCase c, string why)
    {
        try
        {
            problem.HessianForward(theta);
            return false.Label($"HessianForward at {c}: computed, but {why}");
        }
        catch (ArgumentException ex)
        {
            return (ex.Message.Contains("double.MaxValue", StringComparison.Ordinal) || ex.Message.Contains("range", StringComparison.Ordinal))
                .Label($"HessianForward at {c}: {ex.Message}").Classify(true, "rejected");
        }
    }

    /// <summary>Gaussian, any σ²: c_n = 1/σ², k = N + 2 (class remarks); intermediates r = y − f, r², 2σ², 1/(2σ²), r²/(2σ²), ∂_f = r/σ².</summary>
    [Property]
    public Property GaussianLinear_HessianForward_IsWithinItsBoundOrRejected() => Prop.ForAll(LikelihoodProblemRangeProperties.GaussianCases, c =>
    {
        var v = F(c.Variance);
        return Check(c, new GaussianIdentity(c.Variance), c.X.Length + 2, (y, f) =>
        {
            var r = y - f;
            return (1 / v, -r / v, [r, r * r, 2 * v, 1 / (2 * v), r * r / (2 * v), r / v, 1 / (v * v)], [2 * r, r / v, 2, 1 / (2 * v)]);
        });
    });

    /// <summary>Bernoulli probability: c_n = 1/p² with p = q (y = 1) or 1 − q (y = 0), k = N + 6; intermediates p, 1/p, 1/p².</summary>
    [Property]
    public Property BernoulliProbabilityLinear_HessianForward_IsWithinItsBoundOrRejected() => Prop.ForAll(LikelihoodProblemRangeProperties.BernoulliCases, c =>
    {
        var probe = c.X.Select(x => c.Theta[0] * x[0]).ToArray();
        if (!probe.All(q => q > 0 && q < 1))
            return true.Label("discarded: θ·x outside (0, 1)");
        return Check(c, new BernoulliProbability(), c.X.Length + 6, (y, q) =>
        {
            var p = y == Fraction.One ? q : 1 - q;
            var g = y == Fraction.One ? -1 / q : 1 / (1 - q); // ∂R/∂f = −∂ log p/∂f
            return (1 / (p * p), g, [p, 1 / p, 1 / (p * p)], [1 / p, 1 / (p * p)]);
        });
    });

    /// <summary>One output, labels 0 and 1 (<see cref="ClassifierCases"/>).</summary>
    private static Arbitrary<LikelihoodProblemRangeProperties.LinearCase> LogitCases { get; } =
        ClassifierCases(outputs: 1, labels: 2).ToArbitrary();

    /// <summary>
    /// Linear fits with M = <paramref name="outputs"/> outputs (θ of M·|x̃|): inputs and θ as the Gaussian cases, or both
    /// moderate (f within a few hundred, where the probabilities are not tiny); labels 0 … labels − 1.
    /// </summary>
    private static Gen<LikelihoodProblemRangeProperties.LinearCase> ClassifierCases(int outputs, int labels) =>
        from inputs in Gen.Choose(1, 2)
        from bias in Gen.Elements(true, false)
        from count in Gen.Choose(1, 4)
        from moderate in Gen.Elements(true, false)
        from x in Gen.ArrayOf(moderate ? Gen.ArrayOf(Signed(FullRangeDoubles.Moderate), inputs) : FullRangeDoubles.SignedOrOneScale(inputs), count)
        from scale in Gen.Choose(-8, 2)
        from theta in moderate
            ? Gen.ArrayOf(Signed(FullRangeDoubles.Moderate), outputs * (inputs + (bias ? 1 : 0))).Select(t => t.Select(v => Math.ScaleB(v, scale)).ToArray())
            : FullRangeDoubles.SignedOrOneScale(outputs * (inputs + (bias ? 1 : 0)))
        from y in Gen.ArrayOf(Gen.Choose(0, labels - 1).Select(v => (double)v), count)
        select new LikelihoodProblemRangeProperties.LinearCase(bias, 1, x, y, theta);

    private static Gen<double> Signed(Gen<double> g) => g.SelectMany(x => Gen.Elements(x, -x));

    /// <summary>Enclosure precision: 2^-96 relative, far below the 2^-53 of the results compared.</summary>
    private const int Bits = 96;

    /// <summary>
    /// e^{−|f|} enclosed; beyond |f| = 2300 (e^{−2300} &lt; 2^-3318) as [0, 2^-3300], whose products with x̃_na x̃_nb
    /// (below 2^2048) stay below 2^-1252, far under the 2^-1074 of the bound.
    /// </summary>
    private static RationalInterval ExpOfMinusAbs(Fraction f) =>
        Fraction.Abs(f) <= 2300 ? ExactExp.Of(-Fraction.Abs(f), Bits) : new RationalInterval(Fraction.Zero, ExactDouble.Pow2(-3300));

    private static Fraction Mid(RationalInterval x) => (x.Lower + x.Upper) / 2;

    /// <summary>
    /// Bernoulli logit: c_n = σ(f)σ(−f) = E/(1 + E)² with E = e^{−|f|}, enclosed; k = N + 78 (class remarks); intermediates
    /// E, E/(1 + E), c_n; part factors E, E/(1 + E), its square, c_n.
    /// </summary>
    [Property]
    public Property BernoulliLogitLinear_HessianForward_IsWithinItsBoundOrRejected() => Prop.ForAll(LogitCases, c =>
        Check(c, new BernoulliLogit(), c.X.Length + 78, (y, f) =>
        {
            var e = ExpOfMinusAbs(f);
            var one = RationalInterval.Exact(Fraction.One);
            var cn = e / ((one + e) * (one + e));
            var small = Mid(e / (one + e)); // σ(−|f|)
            var sigmaMinus = f >= 0 ? small : 1 - small; // σ(−f)
            var g = y == Fraction.One ? -sigmaMinus : 1 - sigmaMinus; // ∂R/∂f = σ(f) − y
            var ratio = Mid(e / (one + e));
            return (Mid(cn), (cn.Upper - cn.Lower) / 2, g, [Mid(e), ratio, Mid(cn)], [Mid(e), ratio, ratio * ratio, Mid(cn)]);
        }));

    private const int Classes = 3;

    /// <summary>Three outputs, labels 0, 1 and 2 (<see cref="ClassifierCases"/>).</summary>
    private static Arbitrary<LikelihoodProblemRangeProperties.LinearCase> SoftmaxCases { get; } =
        ClassifierCases(outputs: Classes, labels: Classes).ToArbitrary();

    /// <summary>k, the first index of the largest f (LogSumExp's shift).</summary>
    private static int Largest(IReadOnlyList<Fraction> f)
    {
        int k = 0;
        for (int i = 1; i < f.Count; i++)
            if (f[i] > f[k])
                k = i;
        return k;
    }

    /// <summary>
    /// Softmax, 3 classes: H_n = diag(π) − ππᵀ with π_i = e^{t_i}/Σ_j e^{t_j}, t_i = f_i − f_k exact and e^{t_i} enclosed
    /// (as <see cref="ExpOfMinusAbs"/>); k = N + 20D + 160 (class remarks); intermediates t_i, e^{t_i}, r₀, π_i; part
    /// factors e^{t_i}, π_i, π_iπ_j, H.
    /// </summary>
    [Property]
    public Property CategoricalSoftmaxLinear_HessianForward_IsWithinItsBoundOrRejected() => Prop.ForAll(SoftmaxCases, c =>
    {
        var model = new LinearModel(c.Inputs, Classes, c.Bias);
        double reach = 0;
        foreach (var xn in c.X)
        {
            var f = Outputs(model, xn, c.Theta).Select(v => double.IsFinite(v) ? F(v) : Fraction.Zero).ToArray();
            var m = f[Largest(f)];
            foreach (var fi in f)
                if (m - fi <= 2300)
                    reach = Math.Max(reach, Math.Ceiling((double)(m - fi).ToDecimal()));
        }
        return Check(c, new CategoricalSoftmax(Classes), Classes, c.X.Length + 20 * reach + 160, (y, f) =>
        {
            int k = Largest(f);
            var t = f.Select(fi => fi - f[k]).ToArray();
            var e = t.Select(ExpOfMinusAbs).ToArray();
            var sum = e.Aggregate((p, q) => p + q);
            var pi = e.Select(ei => ei / sum).ToArray();
            var h = new Fraction[Classes, Classes];
            var radius = new Fraction[Classes, Classes];
            for (int a = 0; a < Classes; a++)
                for (int b = 0; b < Classes; b++)
                {
                    var hab = a == b ? pi[a] - pi[a] * pi[a] : -(pi[a] * pi[b]);
                    h[a, b] = Mid(hab);
                    radius[a, b] = (hab.Upper - hab.Lower) / 2;
                }
            var g = pi.Select((p, i) => Mid(p) - (i == (int)y ? 1 : 0)).ToArray(); // ∂R/∂f = π − e_y
            var intermediates = t.Concat(e.Select(Mid)).Append(Mid(sum) - 1).Concat(pi.Select(Mid)).ToArray();
            var factors = e.Select(Mid).Concat(pi.Select(Mid)).Concat(pi.SelectMany(p => pi.Select(q => Mid(p) * Mid(q)))).Concat(h.Cast<Fraction>()).ToArray();
            var magnitude = new Fraction[Classes, Classes];
            for (int a = 0; a < Classes; a++)
                for (int b = 0; b < Classes; b++)
                    magnitude[a, b] = Fraction.Abs(h[a, b]);
            return (h, magnitude, radius, g, intermediates, factors);
        });
    });

    /// <summary>
    /// Mean–variance, f = (μ, v) with a bias: μ's block θ and the inputs as the Gaussian cases, v's weights 0 or from the
    /// whole range and its bias positive; labels anywhere or near the fit. Cases where some v_n ≤ 0 are discarded.
    /// </summary>
    private static Arbitrary<LikelihoodProblemRangeProperties.LinearCase> MeanVarianceCases { get; } =
        (from inputs in Gen.Choose(1, 2)
         from count in Gen.Choose(1, 4)
         from x in Gen.ArrayOf(FullRangeDoubles.SignedOrOneScale(inputs), count)
         from mean in FullRangeDoubles.SignedOrOneScale(inputs + 1)
         from flat in Gen.Elements(true, false)
         from weights in flat ? Gen.Constant(new double[inputs]) : FullRangeDoubles.SignedOrOneScale(inputs)
         from variance in FullRangeDoubles.Positive
         from y in Gen.ArrayOf(FullRangeDoubles.Signed, count)
         from nearFit in Gen.Elements(true, false)
         select new LikelihoodProblemRangeProperties.LinearCase(true, 1, x, nearFit ? LikelihoodProblemRangeProperties.NearFit(x, mean, true, y) : y,
             [.. mean, .. weights, variance])).ToArbitrary();

    /// <summary>
    /// Gaussian mean–variance: H = [[1/v, r/v²], [r/v², r²/v³ − 1/(2v²)]] (r = y − μ), exact; k = N + 16 (class remarks);
    /// the vv magnitude r²/v³ + 1/(2v²).
    /// </summary>
    [Property]
    public Property GaussianMeanVarianceLinear_HessianForward_IsWithinItsBoundOrRejected() => Prop.ForAll(MeanVarianceCases, c =>
    {
        var model = new LinearModel(c.Inputs, 2, c.Bias);
        if (c.X.Any(xn => !(Outputs(model, xn, c.Theta)[1] > 0) && double.IsFinite(Outputs(model, xn, c.Theta)[1])))
            return true.Label("discarded: some v_n ≤ 0").Classify(true, "discarded: some v_n ≤ 0");
        var twoPi = F(2 * Math.PI);
        return Check(c, new GaussianMeanVariance(), 2, c.X.Length + 16, (y, f) =>
        {
            var (mu, v) = (f[0], f[1]);
            var r = y - mu;
            var h = new[,] { { 1 / v, r / (v * v) }, { r / (v * v), r * r / (v * v * v) - 1 / (2 * v * v) } };
            var magnitude = new[,] { { 1 / v, Fraction.Abs(r) / (v * v) }, { Fraction.Abs(r) / (v * v), r * r / (v * v * v) + 1 / (2 * v * v) } };
            var zero = new[,] { { Fraction.Zero, Fraction.Zero }, { Fraction.Zero, Fraction.Zero } };
            Fraction[] g = [-r / v, 1 / (2 * v) - r * r / (2 * v * v)];
            Fraction[] intermediates = [r, r * r, 2 * v, r * r / (2 * v), 1 / v, r / (v * v), r * r / (v * v * v), 1 / (2 * v * v), twoPi * v, 1 / (twoPi * v)];
            Fraction[] factors = [2 * r, 2, r / v, 1 / v, 1 / (2 * v), r * r / (v * v), r / (v * v), r * r / (v * v * v), 1 / (v * v), 1 / (2 * v * v), twoPi, 1 / (twoPi * v), 1 / (twoPi * v * twoPi * v)];
            return (h, magnitude, zero, g, intermediates, factors);
        });
    });
}
