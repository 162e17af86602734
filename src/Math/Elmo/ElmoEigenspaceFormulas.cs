using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Elmo;

/// <summary>
/// One-eigenspace quantities of elmo-amos written once over <see cref="IReal{T}"/>, in forms that are accurate in double
/// precision and evaluate an exact box as one piece: ELMO's step x* (eq. 7) without a branch on the sign of λ, and, in
/// cancellation-free forms derived from M'(x*) = 0 (g = −λx* − (L/2)x*², with g = −|g| by eq. 1), the relative changes
/// of M and m at x = x*(1 + δ) that the "Relative Descent Rate" theorem of M.5 (eq. 19) is about and the gap
/// M_L(x*) − M_L(x_N) to Newton's step x_N = |g|/λ of Theorem H.3. Evaluated from the definitions (eqs. 3, 4) the last
/// three lose every digit in double precision when δ or L is small; these forms add terms of one sign (or of comparable
/// size).
/// </summary>
public static class ElmoEigenspaceFormulas
{
    /// <summary>
    /// x* of eq. (7) = (S − λ)/L, S = √(λ² + 2L|g|), as 2|g|/(S + |λ|) + 2·max(−λ, 0)/L: two non-negative terms for every
    /// sign of λ (S − λ = (S − |λ|) + (|λ| − λ), S − |λ| = 2L|g|/(S + |λ|) and |λ| − λ = 2·max(−λ, 0)), so there is no
    /// cancellation and no branch on λ's sign. It equals <see cref="ElmoFormulas.Step{T}"/>, which branches on λ ≥ 0: an
    /// exact box straddling λ = 0 cannot decide that branch, while this form evaluates the whole box, and a box of λ &gt; 0
    /// gives the second term exactly 0 (max(−λ, 0) of a positive interval is [0, 0]). The first term is 0 when |g| = 0.
    /// </summary>
    public static T Step<T>(T lambda, T gradMagnitude, T lipschitz) where T : IReal<T>
    {
        CheckEigenspace(gradMagnitude, lipschitz);
        var absLambda = T.Abs(lambda);
        var fromGradient = T.Sign(gradMagnitude) == 0
            ? T.Of(0)
            : 2 * gradMagnitude / (ElmoFormulas.Root(lambda, gradMagnitude, lipschitz) + absLambda);
        return fromGradient + 2 * T.Max(-lambda, T.Of(0)) / lipschitz;
    }

    /// <summary>
    /// (M(x) − M(x*))/M(x*) at x = x*(1 + δ) ≥ 0: −(3Sδ² + Wδ³)/(2S + λ) with S = √(λ² + 2L|g|) and W = Lx*.
    /// </summary>
    /// <remarks>
    /// With x = x*(1 + δ) and M'(x*) = 0, M(x) − M(x*) = x*²((λ + W)δ²/2 + Wδ³/6) and λ + W = S, while
    /// M(x*) = −x*²(2S + λ)/6; the factor x*² cancels. Both 2S + λ ≥ S and the numerator's terms are non-negative for δ ≥ 0.
    /// </remarks>
    /// <exception cref="ArgumentException">L ≤ 0, |g| &lt; 0, δ &lt; −1 (x &lt; 0, where |x|³ ≠ x³), or x* = 0 (M(x*) = 0).</exception>
    public static T RelativeUpperChange<T>(T lambda, T gradMagnitude, T lipschitz, T delta) where T : IReal<T>
    {
        var (s, w) = RootAndCurvatureTerm(lambda, gradMagnitude, lipschitz, delta);
        return -(3 * s * delta * delta + w * delta * delta * delta) / (2 * s + lambda);
    }

    /// <summary>
    /// (m(x) − m(x*))/m(x*) at x = x*(1 + δ) ≥ 0: (6Wδ + 3(W − λ)δ² + Wδ³)/(4S − λ) with S and W as in
    /// <see cref="RelativeUpperChange{T}"/>.
    /// </summary>
    /// <remarks>
    /// m(x) − m(x*) = −x*²(6Wδ + 3(W − λ)δ² + Wδ³)/6 and m(x*) = −x*²(3λ + 4W)/6 = −x*²(4S − λ)/6, since W = S − λ.
    /// </remarks>
    /// <exception cref="ArgumentException">As <see cref="RelativeUpperChange{T}"/>.</exception>
    public static T RelativeLowerChange<T>(T lambda, T gradMagnitude, T lipschitz, T delta) where T : IReal<T>
    {
        var (s, w) = RootAndCurvatureTerm(lambda, gradMagnitude, lipschitz, delta);
        return (6 * w * delta + 3 * (w - lambda) * delta * delta + w * delta * delta * delta) / (4 * s - lambda);
    }

    /// <summary>
    /// M_L(x*) − M_L(x_N) for λ &gt; 0, with x_N = |g|/λ (Newton's step, the limit of x* as L → 0⁺ by eq. 13):
    /// d·((λ/2)·d + (L/6)(x*² + x*x_N + x_N²)) with d = x* − x_N = −2L|g|²/(λ(S + λ)²).
    /// </summary>
    /// <remarks>
    /// M(x*) − M(x_N) = d·(g + (λ/2)(x* + x_N) + (L/6)(x*² + x*x_N + x_N²)) and g = −λx_N, so the bracket's first two
    /// terms are (λ/2)d; d follows from x* = 2|g|/(S + λ) and S − λ = 2L|g|/(S + λ). Every factor has one sign: no
    /// cancellation, although the gap is of order L² while each of M(x*), M(x_N) is of order 1.
    /// </remarks>
    /// <exception cref="ArgumentException">λ ≤ 0, L ≤ 0 or |g| &lt; 0.</exception>
    public static T UpperGapToNewton<T>(T lambda, T gradMagnitude, T lipschitz) where T : IReal<T>
    {
        if (T.Sign(lambda) <= 0)
            throw new ArgumentException($"lambda must be > 0 (Newton's step |g|/λ), got {lambda}.", nameof(lambda));
        CheckEigenspace(gradMagnitude, lipschitz);
        var x = Step(lambda, gradMagnitude, lipschitz);
        var xn = gradMagnitude / lambda;
        var sum = ElmoFormulas.Root(lambda, gradMagnitude, lipschitz) + lambda;
        var d = -2 * lipschitz * gradMagnitude * gradMagnitude / (lambda * sum * sum);
        return d * (lambda * d / 2 + lipschitz * (x * x + x * xn + xn * xn) / 6);
    }

    private static (T Root, T W) RootAndCurvatureTerm<T>(T lambda, T gradMagnitude, T lipschitz, T delta) where T : IReal<T>
    {
        CheckEigenspace(gradMagnitude, lipschitz);
        if (delta < -1)
            throw new ArgumentException($"delta must be ≥ −1 (a step x = x*(1 + δ) ≥ 0), got {delta}.", nameof(delta));
        var x = Step(lambda, gradMagnitude, lipschitz);
        if (T.Sign(x) <= 0)
            throw new ArgumentException("x* must be > 0 (|g| > 0 or λ < 0): at x* = 0, M(x*) = m(x*) = 0 and the relative change is undefined.", nameof(gradMagnitude));
        return (ElmoFormulas.Root(lambda, gradMagnitude, lipschitz), lipschitz * x);
    }

    private static void CheckEigenspace<T>(T gradMagnitude, T lipschitz) where T : IReal<T>
    {
        if (T.Sign(lipschitz) <= 0)
            throw new ArgumentException($"lipschitz must be > 0, got {lipschitz}.", nameof(lipschitz));
        if (T.Sign(gradMagnitude) < 0)
            throw new ArgumentException($"gradMagnitude must be ≥ 0, got {gradMagnitude}.", nameof(gradMagnitude));
    }
}
