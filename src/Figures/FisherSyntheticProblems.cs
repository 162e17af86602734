using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Data;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;

namespace Verification.Figures;

/// <summary>The six seeded problems of Tables D.1 and D.2 (N = 1000, seed 1) the Fisher plots draw.</summary>
internal static class FisherSyntheticProblems
{
    internal const int Count = 1000;

    internal const int Seed = 1;

    /// <summary>(label, model, likelihood, data) for linear regression (Table D.2) then logistic regression (Table D.1).</summary>
    internal static IReadOnlyList<(string Label, LinearModel Model, ILikelihood Likelihood, Dataset Data)> All { get; } =
    [
        .. Enum.GetValues<Specification>().Select(s => ($"linear {Name(s)}", new LinearModel(1), (ILikelihood)new GaussianIdentity(), ThesisDatasets.LinearRegression(s, Count, Seed))),
        .. Enum.GetValues<Specification>().Select(s => ($"logistic {Name(s)}", new LinearModel(2, 1, bias: false), (ILikelihood)new BernoulliLogit(), ThesisDatasets.LogisticRegression(s, Count, Seed))),
    ];

    private static string Name(Specification s) => s switch
    {
        Specification.Correct => "correct",
        Specification.MisspecifiedA => "misspecified (A)",
        _ => "misspecified (B)",
    };
}
