using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Elmo.Inputs;

/// <summary>
/// One Hessian eigenspace without its Lipschitz constant: eigenvalue λ and gradient magnitude |g| = |∇fᵀv| (eq. 1 makes
/// ∇fᵀv = −|g|). The limit and Θ claims in L (eq. 13, App. H) run L along a sequence, so L is not an input.
/// </summary>
internal sealed record EigenspaceAlongL(double Lambda, double GradMagnitude)
{
    /// <summary>The inputs as named round-trip values.</summary>
    internal IReadOnlyList<NamedValue> Describe() => [NamedValue.Of("lambda", Lambda), NamedValue.Of("gradMagnitude", GradMagnitude)];

    /// <summary>λ and |g| in arithmetic T (each read with T.Input), with the domain's hypothesis |g| ≥ 0 as an <see cref="Assume"/>.</summary>
    internal (T Lambda, T GradMagnitude) Read<T>() where T : IReal<T> =>
        (T.Input(Lambda), Assume.NonNegative(T.Input(GradMagnitude), "|g| ≥ 0"));

    /// <summary>
    /// The L at which the dimensionless y = L|g|/λ² is 1, where the sequences start: λ²/|g|; |λ| when |g| = 0; 1 when
    /// λ = 0. A constant of the formalization computed in double precision (its rounding only moves the sequence).
    /// </summary>
    internal double CrossoverL() =>
        Lambda == 0 ? 1 : GradMagnitude > 0 ? Lambda * Lambda / GradMagnitude : Math.Abs(Lambda);

    /// <summary>
    /// The domain with λ ∈ ±[min, max] (0 too unless <paramref name="nonzeroLambda"/>) and |g| ∈ {0} ∪ [min, max], the
    /// given edges first, climbing by moves clamped to the same ranges (so every sequence stays in double range), and
    /// shrinking toward small integers and dyadics inside them.
    /// </summary>
    internal static Domain<EigenspaceAlongL> Domain(double min, double max, bool nonzeroLambda, Func<IEnumerable<EigenspaceAlongL>> edges)
    {
        var lambdas = nonzeroLambda ? EdgeDoubles.Signed(min, max).Where(l => l != 0) : EdgeDoubles.Signed(min, max);
        return new Domain<EigenspaceAlongL>
        {
            Generator = from l in lambdas from a in EdgeDoubles.NonNegative(min, max) select new EigenspaceAlongL(l, a),
            Edges = edges,
            Perturb = (e, r) => r.Next(2) == 0
                ? e with { Lambda = e.Lambda == 0 && nonzeroLambda ? min : EdgeDoubles.Perturb(e.Lambda, r, min, max) }
                : e with { GradMagnitude = Math.Abs(EdgeDoubles.Perturb(e.GradMagnitude, r, min, max)) },
            Shrink = e => Shrinks.Coordinates(e, q => [q.Lambda, q.GradMagnitude], (_, v) => Valid(v[0], v[1], min, max, nonzeroLambda)),
            Describe = e => e.Describe(),
        };
    }

    /// <summary>The corners of a range: λ ∈ {0, ±1, ±min, ±max}, |g| ∈ {0, 1, min, max}.</summary>
    internal static IEnumerable<EigenspaceAlongL> Corners(double min, double max)
    {
        foreach (var l in new[] { 0.0, 1, -1, min, -min, max, -max })
            foreach (var a in new[] { 0.0, 1, min, max })
                yield return new EigenspaceAlongL(l, a);
    }

    private static EigenspaceAlongL Valid(double lambda, double gradMagnitude, double min, double max, bool nonzeroLambda)
    {
        static bool In(double x, double min, double max) => x == 0 || (Math.Abs(x) >= min && Math.Abs(x) <= max);
        if (!In(lambda, min, max) || !In(gradMagnitude, min, max) || gradMagnitude < 0 || (nonzeroLambda && lambda == 0))
            throw new ArgumentException($"(λ, |g|) = ({lambda}, {gradMagnitude}) is outside the domain.", nameof(lambda));
        return new EigenspaceAlongL(lambda, gradMagnitude);
    }
}
