using FsCheck;
using Verification.Checks.Problems;

namespace Verification.Checks.Search;

/// <summary>The search over generated quadratics that most properties run: described and shrunk the same way.</summary>
internal static class QuadraticSearch
{
    /// <summary>
    /// A search over <paramref name="generator"/> after <paramref name="edges"/>, climbing with
    /// <see cref="QuadraticGenerators.Perturb"/> when <paramref name="climb"/> is set and shrinking with
    /// <paramref name="shrink"/> (default <see cref="QuadraticGenerators.Shrink"/>).
    /// </summary>
    internal static PropertySearch<QuadraticCase> Over(
        Gen<QuadraticCase> generator,
        IEnumerable<QuadraticCase> edges,
        Func<QuadraticCase, Evaluation> evaluate,
        bool climb = true,
        Func<QuadraticCase, IEnumerable<QuadraticCase>>? shrink = null) => new()
        {
            Generator = generator,
            Edges = edges,
            Evaluate = evaluate,
            Perturb = climb ? QuadraticGenerators.Perturb : null,
            Shrink = shrink ?? QuadraticGenerators.Shrink,
            Describe = q => q.Describe(),
        };
}
