using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The empirical-Fisher split (balles-thesis eq. 7.17, footnote 7.3) for the Bernoulli logit and the Poisson log rate over
/// the whole double range, with f landing often in the tails where σ(f), e^f and b = e^{−ℓ} underflow: linear models
/// f = θᵀx̃ (N ≤ 3, d ≤ 3), labels in the support. With g = ∇_f log p and A = ∇²_f log p exact at the computed f̂_n
/// (logit g = y − σ(f̂), A = −σ(f̂)σ(−f̂); Poisson g = y − e^f̂, A = −e^f̂, e^{−|f̂|} enclosed to 2^-128 by
/// <see cref="ExactExp"/> and taken as 0 beyond |f̂| = 4096, an absolute change below 2^-4000 of every entry):
/// ∇_θ b_n = b_n·g·x̃, ∇²_θ b_n = b_n·(g² + A)·x̃x̃ᵀ, the residual term −Σ_n (g_n² + A_n)·x̃x̃ᵀ and the GGN Σ_n g_n²·x̃x̃ᵀ.
/// b_n = e^{−ℓ̂_n} at the computed loss, as <see cref="EmpiricalFisherSplitRangeProperties"/> takes it (0 for ℓ̂_n &gt; 4096
/// or a loss beyond the range: every entry is then below e^{−4096}·2^2048·(ℓ + 1)² &lt; 2^-3800, since |g| ≤ 1 + y + λ
/// ≤ ℓ + 51 and |A| ≤ max(1, λ) ≤ ℓ + 50).
/// </summary>
/// <remarks>
/// Bounds, u = 2^-53, relative to Σ|terms| with ĝ = |g| (logit: g within 3 ulp, e_g = 6u·|g|; scaled below t = −700 3u)
/// or ĝ = y + λ (Poisson: y − λ within 4u·(y + λ), e_g = 4; its 2^-1074 arises only at y = 0 with λ subnormal, where the
/// scaled −λ runs instead), e_A = 14 (logit, 7 ulp) or 3 (Poisson, 1 ulp; scaled 3u), b's double 3u:
/// ∇_θ b, scaled: one term of three factors, (M + 2) = 3u, b 3u, g e_g; plain: x̃_a·g 1u, by b 1u, b 3u:
/// k_J = 7 + e_g (one for the enclosure). ∇²_θ b, scaled: (5 + T)u with T = 3 terms, b 3u, g twice or A once:
/// 11 + max(2e_g, e_A); plain: the g-term s_a s_b 2(1 + e_g) + 1, the sum, the product by b and b's 3u, 8 + 2e_g; the
/// A-term x̃_a·A·x̃_b 2 + e_A, the sum, by b, b 3u, 7 + e_A: k_H = 12 + max(2e_g, e_A). Residual term, cancelled per sample
/// (4 + T) = 7u, all samples in one scaled sum (4 + 3N)u, plain (−1/b̂)·fl(b̂·X̂) with X̂ 4 + 2e_g or 3 + e_A, three more
/// roundings, and the sum over N (N − 1)u: k_R = 5 + 3N + max(2e_g, e_A). GGN, per sample J_aH J_b with J = b̂ s and
/// H = 1/b̂² (b̂ the same double, its error cancels): two s_a 2(1 + e_g), two products by b̂, b̂², 1/·, two products, 8 + 2e_g,
/// the sum over N (N − 1)u and the symmetrization 1u; the scaled congruence (3 + N)u plus J's 2·(6 + e_g) and H's 2u:
/// k_G = 18 + N + 2e_g; the cancelled s sᵀ is within 3 + 2e_g. Each entry may add (terms + 2)·2^-1074 where subnormal.
/// A rejection naming the range and θ is allowed where f_n, λ = e^f, g, A or the loss ℓ (y·f, λ) is beyond ±double.MaxValue,
/// and for the residual term and GGN also where a score g·x̃_a is.
/// </remarks>
[Properties(MaxTest = 100)]
public class EmpiricalFisherSplitLogitPoissonRangeProperties
{
    private static readonly Fraction NearMax = ExactDouble.ToFraction(double.MaxValue) * (1 - ExactDouble.Pow2(-40));

    private const int Bits = 128;

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static Vector<double> V(double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>A linear problem with the logit (<paramref name="Poisson"/> false) or Poisson likelihood.</summary>
    public sealed record Case(bool Poisson, LikelihoodProblemRangeProperties.LinearCase Linear)
    {
        /// <inheritdoc />
        public override string ToString() => $"{(Poisson ? "poisson-log" : "bernoulli-logit")}, {Linear}";
    }

    /// <summary>f = k + j·2^-20, k ∈ [−1600, 800]: the tails where σ(f), e^f or b underflow, and some centre values.</summary>
    private static Gen<double> TailOutput { get; } =
        from k in Gen.Frequency((3, Gen.Choose(-1600, 800)), (1, Gen.Elements(-745, -709, -708, -701, -700, -37, 0, 37, 700, 701, 709, 710)))
        from j in Gen.Choose(0, (1 << 20) - 1)
        select k + Math.ScaleB(j, -20);

    /// <summary>
    /// N ∈ 1…3, D ∈ {1, 2} with or without bias; either inputs and θ from the whole range, or f aimed into the tails: with
    /// bias θ = (w, c) with c = <see cref="TailOutput"/> and w = 0 (inputs from the whole range) or small multiples of 2^-4
    /// (inputs small integers, so f_n = c + wᵀx_n varies); without bias θ = (c, 0), x_n0 ∈ {±1/4, …, ±4}·1 and x_n1 from
    /// the whole range. Labels logit {0, 1}, Poisson {0, 1, 2, 3, 50}.
    /// </summary>
    internal static Arbitrary<Case> Cases { get; } =
        (from poisson in Gen.Elements(false, true)
         from inputs in Gen.Choose(1, 2)
         from bias in Gen.Elements(true, false)
         from count in Gen.Choose(1, 3)
         from y in Gen.ArrayOf(poisson ? Gen.Elements(0.0, 1.0, 2.0, 3.0, 50.0) : Gen.Elements(0.0, 1.0), count)
         from mode in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Constant(1)))
         from c in TailOutput
         from wide in Gen.ArrayOf(FullRangeDoubles.SignedOrOneScale(inputs), count)
         from thetaWide in FullRangeDoubles.SignedOrOneScale(inputs + (bias ? 1 : 0))
         from zeroW in Gen.Elements(true, false)
         from w in Gen.ArrayOf(Gen.Choose(-16, 16).Select(v => v / 16.0), inputs)
         from small in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(-8, 8).Select(v => (double)v), inputs), count)
         from scale in Gen.ArrayOf(Gen.Elements(1.0, -1.0, 0.25, -0.5, 2.0, 4.0, -4.0), count)
         select new Case(poisson, mode == 0
             ? new LikelihoodProblemRangeProperties.LinearCase(bias, 1, wide, y, thetaWide)
             : bias
                 ? new LikelihoodProblemRangeProperties.LinearCase(true, 1, zeroW ? wide : small, y, [.. zeroW ? new double[inputs] : w, c])
                 : new LikelihoodProblemRangeProperties.LinearCase(false, 1,
                     wide.Select((x, n) => x.Select((v, a) => a == 0 ? scale[n] : v).ToArray()).ToArray(), y,
                     Enumerable.Range(0, inputs).Select(a => a == 0 ? c : 0.0).ToArray()))).ToArbitrary();

    /// <summary>Exact pieces of sample n at the computed f̂_n; null where f_n is rejected.</summary>
    private sealed record Pieces(Fraction[] X, Fraction G, Fraction GScale, Fraction A, Fraction B, bool Beyond);

    private static Pieces? ExactPieces(bool poisson, LikelihoodProblem problem, Vector<double> theta, int n)
    {
        double f;
        try
        {
            f = problem.Output(n, theta)[0];
        }
        catch (ArgumentException)
        {
            return null;
        }
        var x = ((LinearModel)problem.Model).Features(problem.Data.Inputs[n]).Select(F).ToArray();
        var y = F(problem.Data.Labels[n]);
        Fraction g, gScale, a;
        bool beyond;
        if (poisson)
        {
            if (f > 4096)
                return new Pieces(x, 0, 0, 0, 0, Beyond: true); // λ > e^4096: beyond the range
            var lambda = f < -4096 ? Fraction.Zero : ExactExp.Of(f, Bits).Lower;
            g = y - lambda;
            gScale = y + lambda;
            a = -lambda;
            beyond = lambda >= NearMax || Fraction.Abs(y * F(f)) >= NearMax;
        }
        else
        {
            var e = Math.Abs(f) > 4096 ? Fraction.Zero : ExactExp.Of(-Math.Abs(f), Bits).Lower; // e^{−|f|}
            var sigma = f >= 0 ? 1 / (1 + e) : e / (1 + e);
            g = y - sigma;
            gScale = Fraction.Abs(g);
            a = -sigma * (1 - sigma);
            beyond = false;
        }
        double loss;
        try
        {
            loss = problem.SampleLoss(n, theta);
        }
        catch (ArgumentException)
        {
            loss = double.PositiveInfinity; // −log p beyond double.MaxValue
        }
        var b = loss > 4096 ? Fraction.Zero : ExactExp.Of(-loss, Bits).Lower;
        return new Pieces(x, g, gScale, a, b, beyond);
    }

    /// <summary>Per-likelihood error counts e_g and e_A of the class remarks.</summary>
    private static (double G, double A) Errors(bool poisson) => poisson ? (4, 3) : (6, 14);

    /// <summary>
    /// Each sample's ∇_θ b and ∇²_θ b, the residual term and the GGN of the empirical-Fisher split within the class remarks'
    /// bounds of the exact closed forms, or rejected where a piece is beyond the range.
    /// </summary>
    [Property]
    public Property InnerDerivativesResidualAndGgn_AreExactOrRejected() => Prop.ForAll(Cases, Check);

    private static Property Check(Case c)
    {
        var lin = c.Linear;
        var model = new LinearModel(lin.Inputs, 1, lin.Bias);
        ILikelihood likelihood = c.Poisson ? new PoissonLog() : new BernoulliLogit();
        var problem = new LikelihoodProblem(model, likelihood, new Dataset(lin.X.Select(V).ToArray(), lin.Y));
        var split = Splits.EmpiricalFisher(problem);
        var theta = V(lin.Theta);
        int d = lin.Theta.Length, count = lin.X.Length;
        var (eg, ea) = Errors(c.Poisson);
        double kJ = 7 + eg, kH = 12 + Math.Max(2 * eg, ea), kR = 5 + 3 * count + Math.Max(2 * eg, ea), kG = 18 + count + 2 * eg;
        var result = true.ToProperty();
        var residual = Zeros(d * d);
        var residualScale = Zeros(d * d);
        var ggn = Zeros(d * d);
        var ggnScale = Zeros(d * d);
        bool sumMayReject = false;
        for (int n = 0; n < count; n++)
        {
            int sample = n;
            string at = $"sample {n} at {c}";
            if (ExactPieces(c.Poisson, problem, theta, n) is not { } p)
            {
                sumMayReject = true;
                result = result.And(EmpiricalFisherSplitRangeProperties.Entries($"∇²b {at}", () => split.InnerHessians(sample, theta)[0], [], [], kH, 3, true))
                    .And(EmpiricalFisherSplitRangeProperties.Entries($"∇b {at}", () => split.InnerJacobian(sample, theta), [], [], kJ, 1, true));
                continue;
            }
            bool scoreBeyond = p.Beyond || p.X.Any(xa => Fraction.Abs(p.G * xa) >= NearMax);
            sumMayReject |= scoreBeyond;
            var jacobian = p.X.Select(xa => p.B * p.G * xa).ToArray();
            var jacobianScale = p.X.Select(xa => p.B * p.GScale * Fraction.Abs(xa)).ToArray();
            result = result.And(EmpiricalFisherSplitRangeProperties.Entries($"∇b {at}", () => split.InnerJacobian(sample, theta),
                jacobian, jacobianScale, kJ, 1, p.Beyond));
            var inner = Zeros(d * d);
            var innerScale = Zeros(d * d);
            for (int i = 0; i < d; i++)
                for (int k = 0; k < d; k++)
                {
                    var xx = p.X[i] * p.X[k];
                    inner[i * d + k] = p.B * xx * (p.G * p.G + p.A);
                    innerScale[i * d + k] = p.B * Fraction.Abs(xx) * (p.GScale * p.GScale - p.A);
                    residual[i * d + k] -= xx * (p.G * p.G + p.A);
                    residualScale[i * d + k] += Fraction.Abs(xx) * (p.GScale * p.GScale - p.A);
                    ggn[i * d + k] += xx * p.G * p.G;
                    ggnScale[i * d + k] += Fraction.Abs(xx) * p.GScale * p.GScale;
                }
            result = result.And(EmpiricalFisherSplitRangeProperties.Entries($"∇²b {at}", () => split.InnerHessians(sample, theta)[0],
                inner, innerScale, kH, 3, p.Beyond));
        }
        if (!AllSamplesPresent(c.Poisson, problem, theta, count)) // a sample's f_n or λ beyond the range: no finite reference
            return result.And(EmpiricalFisherSplitRangeProperties.Entries($"residual term at {c}", () => Splits.ResidualTerm(split, theta), [], [], kR, 3 * count, true))
                .And(EmpiricalFisherSplitRangeProperties.Entries($"GGN at {c}", () => Splits.GeneralizedGaussNewton(split, theta), [], [], kG, count, true));
        return result
            .And(EmpiricalFisherSplitRangeProperties.Entries($"residual term at {c}", () => Splits.ResidualTerm(split, theta),
                residual, residualScale, kR, 3 * count, sumMayReject))
            .And(EmpiricalFisherSplitRangeProperties.Entries($"GGN at {c}", () => Splits.GeneralizedGaussNewton(split, theta),
                ggn, ggnScale, kG, count, sumMayReject));
    }

    /// <summary>True when every sample's f_n is accepted and its pieces are within the range (the sums have exact references).</summary>
    private static bool AllSamplesPresent(bool poisson, LikelihoodProblem problem, Vector<double> theta, int count) =>
        Enumerable.Range(0, count).All(n => ExactPieces(poisson, problem, theta, n) is { Beyond: false });

    private static Fraction[] Zeros(int length) => Enumerable.Repeat(Fraction.Zero, length).ToArray();
}
