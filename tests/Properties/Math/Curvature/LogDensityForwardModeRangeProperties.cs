using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureFormulas.LogDensity{U}"/> over <see cref="HyperDualReal{T}"/> of doubles (the forward mode that
/// <see cref="CurvatureProblem{T}"/>'s ∇²R, scores and splits run on) against the closed forms
/// <see cref="CurvatureFormulas.LogDensityDerivatives{T}"/> in doubles, for each likelihood of balles-thesis ch. 7 (eqs. D.9,
/// D.16, D.33 and their analogues), over a wide range: f over the whole double range for the Gaussian identity, the
/// logit, softmax and Poisson likelihoods, q over (0, 1) down to 2^-1074 and up to 1 − 2^-53, and y, μ, v over 2^±60 and
/// (since stop 39) over the whole range for the Gaussian mean–variance. The ε₁ parts must be ∇_f log p and the ε₁ε₂ parts ∇²_f log p, within the sum of the two
/// evaluations' rounding bounds derived in each case's remarks; forward mode may reject (an ArgumentException naming the
/// range) only where an intermediate of the written log-density is beyond ±double.MaxValue.
/// </summary>
[Properties(MaxTest = 300)]
public class LogDensityForwardModeRangeProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static readonly Fraction NearMax = ExactDouble.ToFraction(double.MaxValue) * (1 - ExactDouble.Pow2(-40));

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>A likelihood, its label vector y and its output f.</summary>
    public sealed record LogDensityCase(LikelihoodFamily Family, double[] Y, double[] F)
    {
        /// <inheritdoc />
        public override string ToString() =>
            $"{Family}: y = [{string.Join(", ", Y.Select(v => v.ToString("R")))}], f = [{string.Join(", ", F.Select(v => v.ToString("R")))}]";
    }

    private static Gen<double> Wide { get; } = from v in FullRangeDoubles.Moderate
                                               from s in Gen.Choose(-60, 60)
                                               select Math.ScaleB(v, s);

    private static Gen<double> SignedWide { get; } = Wide.SelectMany(v => Gen.Elements(v, -v));

    /// <summary>q ∈ (0, 1): any positive double below 1 (subnormals included), or 1 − 2^-k.</summary>
    private static Gen<double> Probability { get; } = Gen.Frequency(
        (3, FullRangeDoubles.Positive.Select(x => x < 1 ? x : Math.ScaleB(x, -Math.ILogB(x) - 1))),
        (1, Gen.Choose(1, 53).Select(k => 1 - Math.ScaleB(1, -k))));

    private static Gen<double> Count { get; } = Gen.Frequency(
        (3, Gen.Choose(0, 20).Select(k => (double)k)),
        (1, FullRangeDoubles.Positive.Select(Math.Floor)));

    private static Arbitrary<LogDensityCase> Cases { get; } = Gen.OneOf(
        from y in FullRangeDoubles.Signed from f in FullRangeDoubles.Signed
        select new LogDensityCase(LikelihoodFamily.GaussianIdentity, [y], [f]),
        from y in Gen.Elements(0.0, 1.0) from f in FullRangeDoubles.Signed
        select new LogDensityCase(LikelihoodFamily.BernoulliLogit, [y], [f]),
        from c in Gen.Choose(0, 2) from f in Gen.OneOf(Gen.ArrayOf(FullRangeDoubles.Signed, 3), FullRangeDoubles.SignedOrOneScale(3), Gen.ArrayOf(SignedWide, 3))
        select new LogDensityCase(LikelihoodFamily.CategoricalSoftmax, [.. Enumerable.Range(0, 3).Select(k => k == c ? 1.0 : 0.0)], f),
        from y in Count from f in Gen.Frequency((2, FullRangeDoubles.Signed), (1, Gen.Choose(-760 * 64, 720 * 64).Select(k => k / 64.0)))
        select new LogDensityCase(LikelihoodFamily.PoissonLog, [y], [f]),
        from y in Gen.Elements(0.0, 1.0) from q in Probability
        select new LogDensityCase(LikelihoodFamily.BernoulliProbability, [y], [q]),
        from y in SignedWide from mean in SignedWide from v in Wide
        select new LogDensityCase(LikelihoodFamily.GaussianMeanVariance, [y], [mean, v]),
        from y in FullRangeDoubles.Signed from mean in FullRangeDoubles.Signed from v in FullRangeDoubles.Positive
        select new LogDensityCase(LikelihoodFamily.GaussianMeanVariance, [y], [mean, v])).ToArbitrary();

    /// <summary>
    /// True where an intermediate of the written log-density is beyond ±double.MaxValue, so that forward mode may reject:
    /// r² (Gaussian identity), e^f or y·f (Poisson), f_c − max f (softmax), 1/q and 1/q² at y = 1 (Bernoulli probability);
    /// for the Gaussian mean–variance −(r·r)/(2v) − log(v)/2 a value or derivative part of an operation beyond it (r², 2v,
    /// r²/(2v) and its parts r/v, r²/(2v²), 1/v, r/v², r²/v³, and log v's 1/v²), or r² underflowed where its error of up to
    /// 2^-1074 meets a factor 1/(2v²) or 2/(2v)³ that lifts it past 2^-1070 (HyperDual's underflow rule, gap 5).
    /// </summary>
    private static bool IntermediateBeyond(LogDensityCase c)
    {
        bool Beyond(Fraction x) => Fraction.Abs(x) >= NearMax;
        switch (c.Family)
        {
            case LikelihoodFamily.GaussianIdentity:
            {
                var r = F(c.Y[0] - c.F[0]);
                return double.IsInfinity(c.Y[0] - c.F[0]) || Beyond(r * r);
            }
            case LikelihoodFamily.PoissonLog:
                return c.F[0] >= 709 || Beyond(F(c.Y[0]) * F(c.F[0]));
            case LikelihoodFamily.CategoricalSoftmax:
            {
                var m = F(c.F.Max());
                return c.F.Any(v => Beyond(F(v) - m));
            }
            case LikelihoodFamily.BernoulliProbability:
                return c.Y[0] == 1 && Beyond(1 / (F(c.F[0]) * F(c.F[0])));
            default:
            {
                double rd = c.Y[0] - c.F[0];
                if (double.IsInfinity(rd))
                    return true;
                Fraction r = F(rd), v = F(c.F[1]);
                Fraction[] parts = [r * r, 2 * v, r * r / (2 * v), r / v, r * r / (2 * v * v), 1 / v, r / (v * v), r * r / (v * v * v), 1 / (v * v)];
                if (parts.Any(Beyond))
                    return true;
                var minNormal = ExactDouble.Pow2(-1022);
                // r² below the normal range carries an underflow error of up to 2^-1074 that HyperDual cannot tell from
                // its exact value; the quotient's ε₂ and ε₂ε₂ parts scale it by 1/(2v²) and 2/(2v)³, and forward mode
                // rejects where that may reach beyond 2^-1070 (gap 5's rule).
                bool squareUnderflows = r != 0 && r * r < minNormal;
                return squareUnderflows && Tiny * (1 / (2 * v * v) + 1 / (4 * v * v * v)) > ExactDouble.Pow2(-1071);
            }
        }
    }

    /// <summary>
    /// The bound on |forward − closed| for gradient entry i (j = −1) or Hessian entry (i, j), the sum of the two evaluations'
    /// first-order rounding bounds, with u = 2^-53 per correctly rounded operation, 2u for the platform exp (within 1 ulp)
    /// and 1u and 3u for log's 1/x and −(1/x)² (ElementaryDerivatives' ½ and 1.5 in units of 2^-52):
    /// <list type="bullet">
    /// <item>Gaussian identity: 0 (both form r = y − f once; forward mode's −(r·r)/2 has ε₁ part −2r/2 = r and ε₁ε₂ part
    /// −2/2 = −1, exact);</item>
    /// <item>Poisson: both forms take eᶠ from the platform exp (within 2u each, so within 4u of each other) and subtract
    /// once: 6u·(|y| + eᶠ) for the gradient, 4u·eᶠ for the Hessian;</item>
    /// <item>Bernoulli logit, t = e^{−|f|}: forward mode's softplus derivative t/(1 + t) ≤ ½ within 5u (exp, the sum, 1/w,
    /// the product), then 1 − · and y − · 1u each: 4.5u absolute; the closed σ = 1/(1 + t) within 4u and y − σ 1u: 5u;
    /// gradient 10u absolute. Hessian: forward mode's t/(1 + t) − t²/(1 + t)², each term within 10u and their sum at most
    /// three times the result t/(1 + t)², 31u; the closed σ(f)σ(−f) 9u: 40u relative, plus 4·2^-1074 where subnormal;</item>
    /// <item>softmax (C = 3), s = Σ_c e^{f_c − m} ∈ [1, C]: forward mode's π_k = 1 − (s − 1)/s within (C + 5)u absolute,
    /// the closed π = e/s within (C + 3)u, y − π 1u: gradient (2C + 10)u = 16u absolute. Hessian entries S_ij/s − S_iS_j/s²
    /// with terms ≤ 1 within (2C + 3)u and (4C + 9)u, the closed π_iΣ_{c≠i}π_c within (4C + 2)u: 15C·u = 45u absolute;</item>
    /// <item>Bernoulli probability: forward mode's 1/x (1u) and −(1/x)² (3u) at q or 1 − q, the closed y/q, (1 − y)/p (1u)
    /// and 1/(q·q) (2u), with the same p = 1 − q: 2u relative for the gradient, 5u for the Hessian, plus 2·2^-1074;</item>
    /// <item>Gaussian mean–variance, with r the double y − μ both forms share: each term of ∇ and ∇² (r/v; r²/(2v²),
    /// 1/(2v); 1/v; r/v²; 1/(2v²), r²/v³) within 9u in forward mode (at most five roundings, one of them the 3u of a squared
    /// inverse) and 6u in the closed form, plus 1u for the subtraction that joins two terms: 16u times the sum of the
    /// entry's terms' sizes.</item>
    /// </list>
    /// </summary>
    private static Fraction Bound(LogDensityCase c, double closed, int i, int j)
    {
        bool gradient = j < 0;
        switch (c.Family)
        {
            case LikelihoodFamily.GaussianIdentity:
                return 0;
            case LikelihoodFamily.PoissonLog:
            {
                double e = Math.Exp(c.F[0]);
                if (!double.IsFinite(e))
                    return 0; // eᶠ beyond the range: both forms must then agree exactly (±∞)
                var rate = F(e) * (1 + 4 * Unit);
                return gradient ? 6 * Unit * (Fraction.Abs(F(c.Y[0])) + rate) : 4 * Unit * rate;
            }
            case LikelihoodFamily.BernoulliLogit:
                return gradient ? 10 * Unit : 40 * Unit * Fraction.Abs(F(closed)) + 4 * Tiny;
            case LikelihoodFamily.CategoricalSoftmax:
                return gradient ? 16 * Unit : 45 * Unit;
            case LikelihoodFamily.BernoulliProbability:
                return (gradient ? 2 : 5) * Unit * Fraction.Abs(F(closed)) + 2 * Tiny;
            default:
            {
                Fraction r = F(c.Y[0] - c.F[0]), v = F(c.F[1]);
                var size = (gradient, i, j) switch
                {
                    (true, 0, _) => Fraction.Abs(r) / v,
                    (true, _, _) => r * r / (2 * v * v) + 1 / (2 * v),
                    (false, 0, 0) => 1 / v,
                    (false, 1, 1) => 1 / (2 * v * v) + r * r / (v * v * v),
                    _ => Fraction.Abs(r) / (v * v),
                };
                return 16 * Unit * size + 2 * Tiny;
            }
        }
    }

    private static Property Agrees(string what, double forward, double closed, Func<Fraction> bound)
    {
        if (forward.Equals(closed))
            return true.ToProperty();
        if (!double.IsFinite(forward) || !double.IsFinite(closed))
            return false.Label($"{what}: forward {forward:R}, closed {closed:R}");
        var error = Fraction.Abs(F(forward) - F(closed));
        var b = bound();
        return (error <= b).Label($"{what}: forward {forward:R}, closed {closed:R}, difference {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(b):R}");
    }

    [Property]
    public Property HyperDualParts_AreTheClosedFormGradientAndHessian() => Prop.ForAll(Cases, c =>
    {
        var shape = new CurvatureShape(ModelFamily.Linear, c.Family, 1, 1, 3);
        var y = c.Y.Select(Float64.Of).ToArray();
        var f = c.F.Select(Float64.Of).ToArray();
        var (gradient, hessian) = CurvatureFormulas.LogDensityDerivatives(shape, y, f);
        var yc = y.Select(HyperDualReal<Float64>.Constant).ToArray();
        SecondOrderExpansion<Float64> forward;
        try
        {
            forward = ForwardModeFormulas.Expand(v => [CurvatureFormulas.LogDensity(shape, yc, v)], f);
        }
        catch (ArgumentException e)
        {
            bool named = e.Message.Contains("double.MaxValue", StringComparison.Ordinal) || e.Message.Contains("range", StringComparison.Ordinal);
            return (IntermediateBeyond(c) && named).Label($"{c}: forward mode rejected ({e.Message}) where no intermediate is beyond the range, or naming no range");
        }
        var result = true.ToProperty();
        for (int i = 0; i < f.Length; i++)
        {
            result = result.And(Agrees($"∂_{i} at {c}", forward.Jacobian[0, i].Value, gradient[i].Value, () => Bound(c, gradient[i].Value, i, -1)));
            for (int j = 0; j < f.Length; j++)
                result = result.And(Agrees($"∂²_{i}{j} at {c}", forward.Hessians[0][i, j].Value, hessian[i, j].Value, () => Bound(c, hessian[i, j].Value, i, j)));
        }
        return result;
    });
}
