namespace Verification.Engine;

/// <summary>The doubles <c>T.Input</c> reads as a proof box's coordinates (shared by the branch-and-bound and identity provers).</summary>
internal static class ProofTags
{
    /// <summary>
    /// One distinct double per coordinate, the tag <c>T.Input</c> reads as the coordinate's sub-box: its midpoint, or the
    /// next distinct double when another coordinate already uses that value (a tag need not lie in its box; only its
    /// identity matters, and statements never read an input's raw double).
    /// </summary>
    internal static double[] For(IReadOnlyList<double> lower, IReadOnlyList<double> upper)
    {
        var tags = new double[lower.Count];
        var used = new HashSet<long>();
        for (int i = 0; i < tags.Length; i++)
        {
            double lo = lower[i], hi = upper[i];
            double t = lo == hi ? lo : lo + (hi - lo) / 2;
            if (!(t >= lo && t <= hi))
                t = lo;
            while (!used.Add(BitConverter.DoubleToInt64Bits(t)))
                t = Math.BitIncrement(t);
            tags[i] = t;
        }
        return tags;
    }
}
