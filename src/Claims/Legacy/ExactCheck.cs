using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Engine;

/// <summary>Turns exact enclosures of both sides of a relation into a <see cref="Certificate"/>.</summary>
public static class ExactCheck
{
    /// <summary>√ precisions tried in turn before an apparent violation is called undecidable.</summary>
    public static readonly int[] Precisions = [128, 512, 2048];

    /// <summary>
    /// Certifies a violation of lhs ≤ rhs: Certified when every point of lhs − rhs is &gt; 0, a rounding artifact
    /// when every point is ≤ 0, otherwise undecidable at this precision.
    /// </summary>
    public static Certificate LessOrEqual(RationalInterval lhs, RationalInterval rhs, double scale)
    {
        var diff = lhs - rhs;
        string detail = $"lhs ∈ {lhs}, rhs ∈ {rhs}, lhs − rhs ∈ {diff}";
        if (diff.IsPositive)
            return Certificate.Proven(MarginLowerBound(diff, scale), "exact rational interval arithmetic", detail);
        if (diff.IsNonPositive)
            return Certificate.Artifact("exact rational interval arithmetic", detail);
        return Certificate.Unknown("exact rational interval arithmetic", detail);
    }

    /// <summary>
    /// Certifies a violation of lhs &lt; rhs: Certified when every point of lhs − rhs is ≥ 0 (equality included: the
    /// certified margin is then 0), a rounding artifact when every point is &lt; 0.
    /// </summary>
    public static Certificate Less(RationalInterval lhs, RationalInterval rhs, double scale)
    {
        var diff = lhs - rhs;
        string detail = $"lhs ∈ {lhs}, rhs ∈ {rhs}, lhs − rhs ∈ {diff}";
        if (diff.IsNonNegative)
            return Certificate.Proven(diff.IsPositive ? MarginLowerBound(diff, scale) : 0.0, "exact rational interval arithmetic", detail);
        if (diff.IsNegative)
            return Certificate.Artifact("exact rational interval arithmetic", detail);
        return Certificate.Unknown("exact rational interval arithmetic", detail);
    }

    /// <summary>
    /// Certifies a violation of lhs = rhs: Certified when 0 ∉ lhs − rhs, a rounding artifact when both are the same
    /// exact point; otherwise undecidable (an equality of irrationals cannot be proven by enclosures, only not refuted).
    /// </summary>
    public static Certificate Equal(RationalInterval lhs, RationalInterval rhs, double scale)
    {
        var diff = lhs - rhs;
        string detail = $"lhs ∈ {lhs}, rhs ∈ {rhs}, lhs − rhs ∈ {diff}";
        if (diff.IsPositive || diff.IsNegative)
            return Certificate.Proven(MarginLowerBound(diff.Abs(), scale), "exact rational interval arithmetic", detail);
        if (diff.IsExactlyZero)
            return Certificate.Artifact("exact rational arithmetic", detail);
        return Certificate.Artifact("exact rational interval arithmetic",
            detail + "; the enclosure of lhs − rhs contains 0 at " + Precisions[^1] + " bits, so no violation exists at this precision");
    }

    /// <summary>Runs <paramref name="attempt"/> at growing √ precision until it is decided.</summary>
    public static Certificate WithGrowingPrecision(Func<int, Certificate> attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        Certificate last = Certificate.Unknown("exact rational interval arithmetic", "not attempted");
        foreach (int bits in Precisions)
        {
            last = attempt(bits);
            if (last.Status != CertificationStatus.Undecidable)
                return last;
        }
        return last;
    }

    private static double MarginLowerBound(RationalInterval positiveDiff, double scale)
    {
        double s = scale > 0 && double.IsFinite(scale) ? scale : 1.0;
        // Round the quotient toward zero: certified margins are never overstated.
        var q = positiveDiff.Abs() / RationalInterval.Exact(s);
        return q.LowerAsDouble;
    }
}
