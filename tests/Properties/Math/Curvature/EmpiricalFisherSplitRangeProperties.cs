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
/// The empirical-Fisher split's inner Jacobians ∇_θ b_n = b_n·s, inner Hessians ∇²_θ b_n = b_n·(s sᵀ + ∇²_θ log p) and its residual term
/// Σ_n (−1/b_n)·∇²_θ b_n = −Σ_n (s sᵀ + ∇²_θ log p) (balles-thesis eq. 7.17, footnote 7.3) over the whole double range
/// (issue 15, item 1): linear Gaussian fits f = θᵀx̃ with any σ², N ≤ 4, d ≤ 3, inputs, labels, σ² and θ from
/// <see cref="LikelihoodProblemRangeProperties.GaussianCases"/>. With g = (y − f̂)/σ² and H = −1/σ² exact at the computed
/// f̂_n, s sᵀ + ∇²_θ log p = (g² + H)·x̃x̃ᵀ; b_n = e^{−ℓ̂_n} is taken at the computed loss ℓ̂_n (its accuracy is the likelihood's,
/// as f̂_n's is the model's), enclosed to 2^-128 relative by <see cref="ExactExp"/>; for ℓ̂_n &gt; 4096 (or a loss beyond the
/// range) the exact entry is below 2^-1600 and the reference is 0: b·x̃_a x̃_b(g² + |H|) ≤ e^{−ℓ}·2^2048·(2ℓ + 745)·2^1074
/// since g²σ² = 2(ℓ − ½log 2πσ²) ≤ 2ℓ + 745 and 1/σ² ≤ 2^1074.
/// </summary>
/// <remarks>
/// Bounds, relative to Σ|terms| = b·|x̃_a x̃_b|·(g² + |H|), first order (u = 2^-53; e_g = 4 for ∇ within 2 ulp, e_H = 1, b's
/// double 3u: the platform exp's ulp or the Cody–Waite reduction):
/// the inner Hessian's scaled form has the term b·x̃_a·g·x̃_b·g (four roundings, b 3u, g twice 8u: 15u) and b·x̃_a·H·x̃_b
/// (three, b 3u, H 1u: 7u), and the sum of two terms 2u: 17u; its plain form b·(s_a s_b + H_ab) has s_a = x̃_a·g within 5u,
/// s_a s_b 11u, the log-density Hessian's (3 + 2)u + e_H = 6u, the sum 1u, the product by b 1u and b 3u: 16u. k = 18 (the
/// enclosure's 2^-128 in the last unit). The residual's cancelled form: 3 + 8 and 2 + 1 per term plus 2 for the sum, 13u;
/// its plain form (−1/b̂)·fl(b̂·X̂), b̂ the same double twice so its own error cancels: X̂'s 12u, 1/b̂, b̂·X̂ and the product
/// 3u, 15u; the sum over N samples (N − 1)u more: k = 16 + N. The inner Jacobian b·g·x̃_a: scaled, one term of three
/// factors (2u and the final scaling 1u) with b 3u and g 4u, 10u; plain, s_a = x̃_a·g 5u and the product by b 1u plus b's
/// 3u, 9u: k = 10. Each entry may add (terms + 2)·2^-1074 where subnormal.
/// A rejection naming the range is allowed where an exact f_n or entry is beyond it, or H = −1/σ² is (σ² below
/// 1/double.MaxValue: until stop 38 the likelihood's ∇² had no finite factors; the allowance is kept, the values are checked
/// where they come), and for the residual where g or a score is.
/// </remarks>
[Properties(MaxTest = 100)]
public class EmpiricalFisherSplitRangeProperties
{
    private static readonly Fraction NearMax = ExactDouble.ToFraction(double.MaxValue) * (1 - ExactDouble.Pow2(-40));

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static Vector<double> V(double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>b_n·(g² + H)·x̃x̃ᵀ and b_n·(g² + |H|)·|x̃x̃ᵀ| row-major, null where f_n is rejected; <paramref name="b"/> false: b_n = 1.</summary>
    internal static (Fraction[] Exact, Fraction[] Scale)? Reference(LikelihoodProblem problem, Vector<double> theta, int n, double variance, bool b)
    {
        if (ExactPieces(problem, theta, n, variance, b) is not { } pieces)
            return null;
        var (x, g, h, weight) = pieces;
        int d = x.Length;
        var exact = new Fraction[d * d];
        var scale = new Fraction[d * d];
        for (int i = 0; i < d; i++)
            for (int k = 0; k < d; k++)
            {
                exact[i * d + k] = weight * x[i] * x[k] * (g * g + h);
                scale[i * d + k] = weight * Fraction.Abs(x[i] * x[k]) * (g * g - h);
            }
        return (exact, scale);
    }

    /// <summary>∇_θ b_n = b_n·g·x̃ (its |·| the scale), null where f_n is rejected.</summary>
    internal static Fraction[]? JacobianReference(LikelihoodProblem problem, Vector<double> theta, int n, double variance) =>
        ExactPieces(problem, theta, n, variance, b: true) is { } p ? p.X.Select(xa => p.Weight * p.G * xa).ToArray() : null;

    /// <summary>x̃_n, g = (y − f̂)/σ², H = −1/σ² and b_n (1 where <paramref name="b"/> is false) exactly, null where f_n is rejected.</summary>
    private static (Fraction[] X, Fraction G, Fraction H, Fraction Weight)? ExactPieces(LikelihoodProblem problem, Vector<double> theta, int n, double variance, bool b)
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
        var v = F(variance);
        var g = (F(problem.Data.Labels[n]) - F(f)) / v;
        var h = -Fraction.One / v;
        Fraction weight = 1;
        if (b)
        {
            double loss;
            try
            {
                loss = problem.SampleLoss(n, theta);
            }
            catch (ArgumentException)
            {
                loss = double.PositiveInfinity; // −log p beyond double.MaxValue
            }
            weight = loss > 4096 ? Fraction.Zero : ExactExp.Of(-loss).Lower;
        }
        return (x, g, h, weight);
    }

    /// <summary>Each entry within k·u·scale + (terms + 2)·2^-1074, or a rejection naming the range where <paramref name="mayReject"/> or an entry is beyond it.</summary>
    internal static Property Entries(string what, Func<Matrix<double>> compute, Fraction[] exact, Fraction[] scale, double k, int terms, bool mayReject)
    {
        bool beyond = exact.Any(e => Fraction.Abs(e) >= NearMax);
        double[] computed;
        try
        {
            computed = compute().ToRowMajorArray();
        }
        catch (ArgumentException ex)
        {
            bool named = ex.Message.Contains("double.MaxValue", StringComparison.Ordinal) || ex.Message.Contains("range", StringComparison.Ordinal);
            return ((mayReject || beyond) && named && ex.ParamName == "theta")
                .Label($"{what}: rejected ({ex.Message}), but every exact piece and entry is in range or the message names no range or θ");
        }
        return LikelihoodProblemRangeProperties.WithinBounds(what, computed, exact, scale, k, terms);
    }

    /// <summary>
    /// Every sample's ∇²_θ b_n within 18u·Σ|terms| of b_n·(g² + H)·x̃x̃ᵀ, and the residual term within (16 + N)u·Σ|terms| of
    /// −Σ_n (g_n² + H)·x̃x̃ᵀ (see the remarks), or rejected where allowed.
    /// </summary>
    [Property]
    public Property InnerHessiansAndResidualTerm_AreExactOrRejected() => Prop.ForAll(LikelihoodProblemRangeProperties.GaussianCases, Check);

    /// <summary>
    /// The same at labels y_n = f̂_n + ρ_n·√σ², ρ_n ∈ {0, 1/16, …, 64}: ℓ_n = ρ_n²/2 + ½log(2πσ²) spans the band the whole-range
    /// labels almost never reach (they give ℓ_n ≈ 0 or far beyond 4096), where b is normal but small, subnormal or 0 as a
    /// double, and the scaled form carries it as M·2^E (a mutant dropping b's power of two passed the first property).
    /// </summary>
    [Property]
    public Property InnerHessiansAndResidualTerm_InTheDensityBand_AreExactOrRejected() => Prop.ForAll(DensityBandCases, Check);

    private static Arbitrary<LikelihoodProblemRangeProperties.LinearCase> DensityBandCases { get; } =
        (from c in LikelihoodProblemRangeProperties.GaussianCases.Generator
         from rho in Gen.ArrayOf(Gen.Choose(0, 64 * 16).Select(k => k / 16.0), c.X.Length)
         select c with { Y = BandLabels(c, rho) }).ToArbitrary();

    /// <summary>f̂_n + ρ_n·√σ² (y_n itself where that or f̂_n is not finite).</summary>
    private static double[] BandLabels(LikelihoodProblemRangeProperties.LinearCase c, double[] rho) => c.X.Select((x, n) =>
    {
        double f = new LinearModel(c.Inputs, 1, c.Bias).Output(V(x), V(c.Theta))[0];
        double y = f + rho[n] * Math.Sqrt(c.Variance);
        return double.IsFinite(y) ? y : c.Y[n];
    }).ToArray();

    private static Property Check(LikelihoodProblemRangeProperties.LinearCase c)
    {
        var model = new LinearModel(c.Inputs, 1, c.Bias);
        var problem = new LikelihoodProblem(model, new GaussianIdentity(c.Variance), new Dataset(c.X.Select(V).ToArray(), c.Y));
        var split = Splits.EmpiricalFisher(problem);
        var theta = V(c.Theta);
        int d = c.Theta.Length, count = c.X.Length;
        var v = F(c.Variance);
        bool hBeyond = Fraction.One / v >= NearMax;
        var result = true.ToProperty();
        var residual = new Fraction[d * d];
        var residualScale = new Fraction[d * d];
        Array.Fill(residual, Fraction.Zero);
        Array.Fill(residualScale, Fraction.Zero);
        bool residualMayReject = hBeyond;
        for (int n = 0; n < count; n++)
        {
            int sample = n;
            if (Reference(problem, theta, n, c.Variance, b: true) is not { } inner)
            {
                residualMayReject = true;
                result = result.And(Entries($"∇²b_{n} at {c}", () => split.InnerHessians(sample, theta)[0], [], [], 18, 2, true));
                continue;
            }
            result = result.And(Entries($"∇²b_{n} at {c}", () => split.InnerHessians(sample, theta)[0], inner.Exact, inner.Scale, 18, 2, hBeyond));
            var jacobian = JacobianReference(problem, theta, n, c.Variance)!;
            bool gBeyond = Fraction.Abs((F(c.Y[n]) - F(problem.Output(n, theta)[0])) / v) >= NearMax;
            result = result.And(Entries($"∇b_{n} at {c}", () => split.InnerJacobian(sample, theta), jacobian,
                jacobian.Select(Fraction.Abs).ToArray(), 10, 1, gBeyond));
            var (exact, scale) = Reference(problem, theta, n, c.Variance, b: false)!.Value;
            var g = (F(c.Y[n]) - F(problem.Output(n, theta)[0])) / v;
            residualMayReject |= Fraction.Abs(g) >= NearMax
                || model.Features(V(c.X[n])).Any(x => Fraction.Abs(g * F(x)) >= NearMax);
            for (int i = 0; i < d * d; i++)
            {
                residual[i] -= exact[i];
                residualScale[i] += scale[i];
            }
        }
        return result.And(Entries($"residual term at {c}", () => Splits.ResidualTerm(split, theta), residual, residualScale,
            16 + count, 2 * count, residualMayReject));
    }
}
