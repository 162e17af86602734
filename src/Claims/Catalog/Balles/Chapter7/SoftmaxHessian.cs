using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Curvature.Exact;
using Verification.Math.Curvature.Likelihoods;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter7;

/// <summary>balles eqs. (D.14)–(D.16): the Hessian of log Σ_c e^{f_c}, checked literally against forward-mode derivatives.</summary>
internal static class SoftmaxHessian
{
    /// <summary>
    /// 1e-13 relative to the term magnitude e^{f_i}/S: the hyper-dual value and the formula each round a handful of exp,
    /// sums (C ≤ 4) and quotients, ≈ 20 ulp together; a wrong formula is off by O(1) of that scale.
    /// </summary>
    private const double Tolerance = 1e-13;

    private const string ToleranceText = "Relative 1e-13 of e^{f_i}/Σ_c e^{f_c} (about 20 ulp for a few exp, a sum of ≤ 4 terms and quotients); exact enclosures of exp decide.";

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "balles/eq-D.14",
            FisherSources.Of("eq. (D.14)", "(D.14)", "D.1.2"),
            "∂²/∂f_i² log(Σ_c e^{f_c}) = e^{f_i}/(Σ_c e^{f_c}) − e^{f_i^2}/(Σ_c e^{f_c})².",
            "Literally: the numerator of the second term is e^{f_i²} = exp(f_i²), as typeset. It equals the correct (e^{f_i})² = exp(2f_i) only where f_i² = 2f_i, i.e. f_i ∈ {0, 2}.",
            [Diagonal("as-written", "For all f ∈ [−5, 5]^C, i: ∂²lse/∂f_i² = e^{f_i}/S − exp(f_i²)/S².", literal: true)]);
        yield return new Claim(
            "balles/eq-D.14/squared-exponential",
            FisherSources.Of("eq. (D.14)", "(D.14)", "D.1.2"),
            "∂²/∂f_i² log(Σ_c e^{f_c}) = e^{f_i}/(Σ_c e^{f_c}) − (e^{f_i})²/(Σ_c e^{f_c})².",
            "The reading the typesetting e^{f_i^2} most likely intends: the square of e^{f_i}, i.e. π_i − π_i².",
            [Diagonal("squared-exponential", "For all f ∈ [−5, 5]^C, i: ∂²lse/∂f_i² = e^{f_i}/S − (e^{f_i})²/S².", literal: false)]);
        yield return new Claim(
            "balles/eq-D.15",
            FisherSources.Of("eq. (D.15)", "(D.15)", "D.1.2"),
            "∂²/∂f_i∂f_j log(Σ_c e^{f_c}) = −e^{f_i}e^{f_j}/(Σ_c e^{f_c})².",
            "For i ≠ j (the off-diagonal entries; for i = j the diagonal formula (D.14) applies, and this one would miss the e^{f_i}/S term).",
            [OffDiagonal()]);
        yield return new Claim(
            "balles/eq-D.16",
            FisherSources.Of("eq. (D.16)", "(D.16)", "D.1.2"),
            "∇²_f(−log p(y|f)) = diag(π) − ππᵀ, π = softmax(f).",
            "As written, for every label y (the right side does not depend on y): the forward-mode Hessian of −log p(y|f) = −f_y + log Σ e^{f_c} against diag(π) − ππᵀ.",
            [Full()]);
    }

    private static Inequality<SoftmaxInput> Diagonal(string name, string description, bool literal) => new()
    {
        Name = name,
        Description = description,
        Tolerance = ToleranceText,
        Relation = Relation.Equal,
        RelativeTolerance = Tolerance,
        Generator = SoftmaxInput.Generator,
        Edges = SoftmaxInput.Edges,
        Move = (s, r) => s.Perturb(r),
        Sides = s =>
        {
            double sum = s.Sum, e = System.Math.Exp(s.F[s.I]);
            double second = literal ? System.Math.Exp(s.F[s.I] * s.F[s.I]) : e * e;
            return new Sides(s.LogSumExpSecond(s.I, s.I), e / sum - second / (sum * sum), e / sum);
        },
        ExactSides = (s, bits) =>
        {
            var (e, sum) = s.ExactExps(bits);
            var ei = e[s.I];
            var truth = ei / sum - ei * ei / (sum * sum);
            var second = literal ? ExactExp.Of(s.F[s.I] * s.F[s.I], bits) : ei * ei;
            return new ExactSides(truth, ei / sum - second / (sum * sum));
        },
        Show = s => s.Describe(),
        Why = s => $"With f_i = {Require(s.F[s.I])}, the typeset numerator e^(f_i²) = e^{Require(s.F[s.I] * s.F[s.I])} differs from (e^(f_i))² = e^{Require(2 * s.F[s.I])}: the exponent is squared instead of the exponential, so (D.14) as printed holds only for f_i ∈ {{0, 2}}.",
    };

    private static string Require(double v) => Verification.Math.Require.Show(v);

    private static Inequality<SoftmaxInput> OffDiagonal() => new()
    {
        Name = "off-diagonal",
        Description = "For all f ∈ [−5, 5]^C and i ≠ j: ∂²lse/∂f_i∂f_j = −e^{f_i}e^{f_j}/S².",
        Tolerance = ToleranceText,
        Relation = Relation.Equal,
        RelativeTolerance = Tolerance,
        Generator = SoftmaxInput.Generator,
        Edges = SoftmaxInput.Edges,
        Move = (s, r) => s.Perturb(r),
        Hypotheses = s => s.I != s.J ? null : "i = j is the diagonal entry of (D.14)",
        Sides = s =>
        {
            double sum = s.Sum, ei = System.Math.Exp(s.F[s.I]), ej = System.Math.Exp(s.F[s.J]);
            return new Sides(s.LogSumExpSecond(s.I, s.J), -ei * ej / (sum * sum), System.Math.Max(ei, ej) / sum);
        },
        ExactSides = (s, bits) =>
        {
            var (e, sum) = s.ExactExps(bits);
            return new ExactSides(-(e[s.I] * e[s.J]) / (sum * sum), -(e[s.I] * e[s.J]) / (sum * sum));
        },
        Show = s => s.Describe(),
    };

    private static MatrixIdentity<SoftmaxInput> Full() => new()
    {
        Name = "diag-minus-outer",
        Description = "For all f ∈ [−5, 5]^C and labels y: ∇²_f(−log p(y|f)) = diag(π) − ππᵀ.",
        Tolerance = ToleranceText.Replace("e^{f_i}/Σ_c e^{f_c}", "max_i π_i", StringComparison.Ordinal),
        RelativeTolerance = Tolerance,
        Generator = SoftmaxInput.Generator,
        Edges = SoftmaxInput.Edges,
        Move = (s, r) => s.Perturb(r),
        Sides = s =>
        {
            var pi = Vector<double>.Build.DenseOfArray(LogSumExp.Softmax(s.F));
            return new MatrixSides(s.NegativeLogHessian(), Matrix<double>.Build.DiagonalOfDiagonalVector(pi) - pi.OuterProduct(pi), pi.Maximum());
        },
        Show = s => s.Describe(),
    };
}
