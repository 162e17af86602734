namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>The probe points of the forward-mode range examples (HyperDual, HyperDualReal, HessianJet).</summary>
internal static class WholeRangeProbe
{
    /// <summary>
    /// ±2^k and ±1.5·2^k for k = −1074, −1074 + <paramref name="step"/>, … up to 1023 (the finite, non-zero ones),
    /// ±double.MaxValue, ±2^-1074 and the signed zeros.
    /// </summary>
    public static IEnumerable<double> Points(int step)
    {
        yield return 0.0;
        yield return -0.0;
        for (int k = -1074; k <= 1023; k += step)
            foreach (double m in new[] { 1.0, 1.5 })
            {
                double x = Math.ScaleB(m, k);
                if (double.IsFinite(x) && x != 0)
                {
                    yield return x;
                    yield return -x;
                }
            }
        yield return double.MaxValue;
        yield return -double.MaxValue;
        yield return double.Epsilon;
        yield return -double.Epsilon;
    }
}
