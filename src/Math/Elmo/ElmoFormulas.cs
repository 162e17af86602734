using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Elmo;

/// <summary>
/// The one-eigenspace quantities of elmo-amos §3 written once over <see cref="IReal{T}"/>, so that a statement about
/// them runs in doubles and in exact rational intervals from the same code: S = √(λ² + 2L|g|), the ELMO step x* of
/// eq. (7), and the cubic upper and lower models M (eq. 3) and m (eq. 4). <see cref="ElmoStep.Step"/> is the careful
/// double implementation of x* (scaled, to 4 ulp); this is the definition a statement is checked against.
/// </summary>
public static class ElmoFormulas
{
    /// <summary>S = √(λ² + 2L|g|), the root shared by eq. (7), Lemma 3.2 and eq. (13).</summary>
    public static T Root<T>(T lambda, T gradMagnitude, T lipschitz) where T : IReal<T> =>
        T.Sqrt(lambda * lambda + 2 * lipschitz * gradMagnitude);

    /// <summary>
    /// x* of eq. (7) = (S − λ)/L, evaluated without cancellation: 2|g|/(S + λ) for λ ≥ 0 (0 when |g| = 0) and
    /// (S − λ)/L = (S + |λ|)/L for λ &lt; 0. Both forms add non-negative terms.
    /// </summary>
    public static T Step<T>(T lambda, T gradMagnitude, T lipschitz) where T : IReal<T>
    {
        var s = Root(lambda, gradMagnitude, lipschitz);
        if (lambda >= 0)
            return T.Sign(gradMagnitude) == 0 ? T.Of(0) : 2 * gradMagnitude / (s + lambda);
        return (s - lambda) / lipschitz;
    }

    /// <summary>M(x) of eq. (3): g·x + (λ/2)x² + (L/6)|x|³, with g = ∇fᵀv (= −|g| by eq. 1's convention).</summary>
    public static T Upper<T>(T g, T lambda, T lipschitz, T x) where T : IReal<T>
    {
        var ax = T.Abs(x);
        return g * x + lambda * x * x / 2 + lipschitz * ax * ax * ax / 6;
    }

    /// <summary>m(x) of eq. (4): g·x + (λ/2)x² − (L/6)|x|³.</summary>
    public static T Lower<T>(T g, T lambda, T lipschitz, T x) where T : IReal<T>
    {
        var ax = T.Abs(x);
        return g * x + lambda * x * x / 2 - lipschitz * ax * ax * ax / 6;
    }

    /// <summary>The size of the terms of M at x: |g||x| + |λ|x²/2 + L|x|³/6 (a margin scale that accounts for cancellation).</summary>
    public static T TermScale<T>(T g, T lambda, T lipschitz, T x) where T : IReal<T>
    {
        var ax = T.Abs(x);
        return T.Abs(g) * ax + T.Abs(lambda) * ax * ax / 2 + lipschitz * ax * ax * ax / 6;
    }
}
