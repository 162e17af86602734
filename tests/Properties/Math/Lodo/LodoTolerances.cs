namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>Named tolerances of the LODO tests, each with its reason; comparisons are |a − b| ≤ tol·scale.</summary>
internal static class LodoTolerances
{
    /// <summary>
    /// Matrix-free Gv against the dense G times v, and G(θ₀) against α₀I: 1e-12 of the largest |entry|. Both are
    /// 2N passes of k-term block sums over values of order 1 (N ≤ 4, k ≤ 4): about 2Nk·ε ≈ 1e-14, with room.
    /// </summary>
    public const double Product = 1e-12;

    /// <summary>
    /// Central finite differences of a hypergradient with step h = 1e-5: truncation O(h²‖∇³‖) ≈ 1e-10 plus rounding
    /// ε/h ≈ 2e-11, relative to the largest entry; 1e-7 leaves a wide margin without hiding a wrong entry (those are O(1)).
    /// </summary>
    public const double FiniteDifference = 1e-7;

    /// <summary>
    /// |a − b| ≤ tol·max(1, max|a|, max|b|) entrywise (the maximum over the finite entries); returns the worst index and
    /// values for the message. A NaN on either side fails, an infinity passes only against the same infinity, and a
    /// tolerance that is not a finite number ≥ 0 fails, so the comparison can always fail.
    /// </summary>
    public static (bool Ok, string Report) Compare(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tol)
    {
        if (expected.Count != actual.Count)
            return (false, $"lengths differ: {expected.Count} vs {actual.Count}");
        if (!(tol >= 0) || double.IsInfinity(tol))
            return (false, $"tolerance {tol:R} is not a finite number ≥ 0, so the comparison could not fail");
        for (int i = 0; i < expected.Count; i++)
        {
            bool finite = double.IsFinite(expected[i]) && double.IsFinite(actual[i]);
            if (!finite && !(expected[i] == actual[i]))
                return (false, $"index {i}: expected {expected[i]:R}, actual {actual[i]:R} (a NaN, or an infinity against another value)");
        }
        double scale = Math.Max(1, expected.Concat(actual).Where(double.IsFinite).DefaultIfEmpty(0).Max(Math.Abs));
        int worst = 0;
        double worstDiff = 0;
        for (int i = 0; i < expected.Count; i++)
        {
            double d = expected[i] == actual[i] ? 0 : Math.Abs(expected[i] - actual[i]);
            if (d > worstDiff) { worstDiff = d; worst = i; }
        }
        if (expected.Count == 0)
            return (true, "no entries");
        return (worstDiff <= tol * scale,
            $"worst index {worst}: expected {expected[worst]:R}, actual {actual[worst]:R}, |diff| {worstDiff:R} vs tol {tol:R}·{scale:R}");
    }
}
