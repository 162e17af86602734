namespace Verification.Numerics.Exact;

/// <summary>
/// Enclosures of elmo-amos quantities in exact rational interval arithmetic: the reference against which
/// the double implementations are measured, and the evaluator that certifies counterexamples.
/// </summary>
public static class ExactElmo
{
    /// <summary>
    /// x* of eq. (7), enclosed: 2|g|/(S + λ) for λ ≥ 0 and (S − λ)/L for λ &lt; 0, with S = √(λ² + 2L|g|).
    /// Both forms add positive terms only, so the enclosure keeps the relative width of S.
    /// </summary>
    public static RationalInterval Step(double lambda, double gradMagnitude, double lipschitz, int bits = RationalInterval.DefaultSqrtBits)
    {
        Require.Finite(lambda, nameof(lambda));
        Require.NonNegative(gradMagnitude, nameof(gradMagnitude));
        Require.Positive(lipschitz, nameof(lipschitz));
        if (gradMagnitude == 0 && lambda >= 0)
            return RationalInterval.Zero;
        var l = RationalInterval.Exact(lambda);
        var s = Root(lambda, gradMagnitude, lipschitz, bits);
        return lambda >= 0 ? 2.0 * RationalInterval.Exact(gradMagnitude) / (s + l) : (s - l) / RationalInterval.Exact(lipschitz);
    }

    /// <summary>S = √(λ² + 2L|g|), the root shared by eq. (7), Lemma 3.2 and eq. (13), enclosed outward.</summary>
    public static RationalInterval Root(double lambda, double gradMagnitude, double lipschitz, int bits = RationalInterval.DefaultSqrtBits)
    {
        var l = RationalInterval.Exact(lambda);
        return (l * l + 2.0 * RationalInterval.Exact(lipschitz) * RationalInterval.Exact(gradMagnitude)).Sqrt(bits);
    }

    /// <summary>M(x) of eq. (3) on intervals: g·x + (λ/2)x² + (L/6)|x|³.</summary>
    public static RationalInterval Upper(RationalInterval g, RationalInterval lambda, RationalInterval lipschitz, RationalInterval x)
        => Model(g, lambda, lipschitz, x, +1);

    /// <summary>m(x) of eq. (4) on intervals: g·x + (λ/2)x² − (L/6)|x|³.</summary>
    public static RationalInterval Lower(RationalInterval g, RationalInterval lambda, RationalInterval lipschitz, RationalInterval x)
        => Model(g, lambda, lipschitz, x, -1);

    private static RationalInterval Model(RationalInterval g, RationalInterval lambda, RationalInterval lipschitz, RationalInterval x, int sign)
    {
        var ax = x.Abs();
        var cubic = lipschitz * ax * ax * ax / RationalInterval.Exact(6.0);
        var quadratic = lambda * x * x / RationalInterval.Exact(2.0);
        return sign > 0 ? g * x + quadratic + cubic : g * x + quadratic - cubic;
    }
}
