using FsCheck;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter7;

/// <summary>Builds the matrix identities over <see cref="CurvatureInput"/> with the shared generator, edges, moves and display.</summary>
internal static class CurvatureIdentity
{
    /// <summary>
    /// 1e-10 of the magnitude of the summed terms (<see cref="CurvatureInput.TermScale"/>): each side sums at most a few hundred
    /// rounded products (N ≤ 4 samples, ≤ 30 expectation nodes, d ≤ 13), far below 1e-10 ≈ 4.5·10⁵ ulp, while a wrong
    /// formula is off by O(1) of that scale. The Poisson truncation bound (≤ 1e-18 relative) is added where it applies.
    /// </summary>
    internal const double RelativeTolerance = 1e-10;

    internal const string ToleranceText =
        "Entrywise |L − R| ≤ 1e-10 × (magnitude of the summed terms, ≥ max|entry|): a few hundred roundings per entry at most; a wrong formula is off by O(1). Exact arithmetic certifies where the input allows.";

    internal static MatrixIdentity<CurvatureInput> Build(
        string name, string description, Gen<CurvatureInput> generator, IEnumerable<CurvatureInput> edges,
        Func<CurvatureInput, MatrixSides> sides,
        Func<CurvatureInput, (RationalInterval[,] Lhs, RationalInterval[,] Rhs)?>? exact = null,
        Func<CurvatureInput, string>? why = null,
        Func<CurvatureInput, string?>? hypotheses = null)
    {
        var edgeList = edges.ToList();
        return new MatrixIdentity<CurvatureInput>
        {
            Name = name,
            Description = description,
            Tolerance = ToleranceText,
            RelativeTolerance = RelativeTolerance,
            Generator = generator,
            Edges = () => edgeList,
            Hypotheses = c => c.Domain() ?? hypotheses?.Invoke(c),
            Sides = sides,
            Exact = exact ?? (_ => null),
            Move = (c, r) => c.Perturb(r),
            Show = c => c.Describe(),
            Why = why,
        };
    }

    /// <summary>One hand-picked problem per (likelihood, model): two samples, labels at the start of the support, θ = 0.3·(1, −1, …).</summary>
    internal static IEnumerable<CurvatureInput> Edges(LikelihoodKind[] likelihoods, ModelKind[] models)
    {
        foreach (var lk in likelihoods)
            foreach (var mk in models)
            {
                var x = new[] { new[] { 0.5 }, new[] { -1.0 } };
                double[] y = lk switch
                {
                    LikelihoodKind.GaussianIdentity or LikelihoodKind.GaussianMeanVariance => [1.5, -0.25],
                    LikelihoodKind.CategoricalSoftmax => [0, 2],
                    LikelihoodKind.PoissonLog => [0, 3],
                    _ => [1, 0],
                };
                int d = CurvatureInput.BuildModel(mk, 1, CurvatureInput.BuildLikelihood(lk).OutputDimension, 2, 0.5).ParameterDimension;
                var theta = Enumerable.Range(0, d).Select(i => i % 2 == 0 ? 0.3 : -0.3).ToArray();
                yield return CurvatureInput.IntoDomain(new CurvatureInput(mk, lk, 2, 0.5, x, y, theta), 0.5);
            }
    }

    internal static readonly ModelKind[] AllModels = [ModelKind.Linear, ModelKind.CurvedLinear, ModelKind.TanhMlp];

    internal static readonly LikelihoodKind[] AllLikelihoods = [.. CurvatureInput.Natural, .. CurvatureInput.Controls];
}
