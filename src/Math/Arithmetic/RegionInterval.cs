using System.Globalization;
using Fractions;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Arithmetic;

/// <summary>
/// A non-empty interval of ℝ whose ends are each finite (open or closed, an exact rational) or infinite: the range of a
/// value over a region such as m &gt; 0, η² ≥ 0 or β ∈ [0, 1) (issue "Theorem checking", exact identities). The field
/// operations return a set that contains every value the operation takes on the operands' points, so a comparison or a
/// sign decided on these ranges is decided at every point of the region. An end is marked open only where the value is
/// provably not attained (a closed end where it is open is merely coarser, never wrong).
/// </summary>
public readonly struct RegionInterval : IEquatable<RegionInterval>
{
    private RegionInterval(Fraction? lower, bool lowerOpen, Fraction? upper, bool upperOpen)
    {
        Lower = lower;
        LowerOpen = lower is null || lowerOpen;
        Upper = upper;
        UpperOpen = upper is null || upperOpen;
    }

    /// <summary>The lower end; null for −∞.</summary>
    public Fraction? Lower { get; }

    /// <summary>True when the lower end is not in the set (always for −∞).</summary>
    public bool LowerOpen { get; }

    /// <summary>The upper end; null for +∞.</summary>
    public Fraction? Upper { get; }

    /// <summary>True when the upper end is not in the set (always for +∞).</summary>
    public bool UpperOpen { get; }

    /// <summary>ℝ.</summary>
    public static RegionInterval Everything => new(null, true, null, true);

    /// <summary>The single point c.</summary>
    public static RegionInterval Point(Fraction c) => new(c, false, c, false);

    /// <summary>The interval with the given ends (null: infinite), checked to be non-empty.</summary>
    /// <exception cref="ArgumentException">the ends describe an empty set.</exception>
    public static RegionInterval Of(Fraction? lower, bool lowerOpen, Fraction? upper, bool upperOpen)
    {
        if (lower is { } l && upper is { } u && (l > u || (l == u && (lowerOpen || upperOpen))))
            throw new ArgumentException($"the interval with ends {lower} and {upper} (open: {lowerOpen}, {upperOpen}) is empty.", nameof(lower));
        return new(lower, lowerOpen, upper, upperOpen);
    }

    /// <summary>(0, ∞).</summary>
    public static RegionInterval Positive => new(Fraction.Zero, true, null, true);

    /// <summary>[0, ∞).</summary>
    public static RegionInterval NonNegative => new(Fraction.Zero, false, null, true);

    /// <summary>True when 0 is in the set.</summary>
    public bool ContainsZero =>
        (Lower is not { } l || l.Sign() < 0 || (l.IsZero && !LowerOpen)) &&
        (Upper is not { } u || u.Sign() > 0 || (u.IsZero && !UpperOpen));

    /// <summary>True when the set is the single point 0.</summary>
    public bool IsExactlyZero => Lower is { } l && l.IsZero && Upper is { } u && u.IsZero;

    /// <summary>A + B = {a + b}: an end is attained iff both ends it sums are.</summary>
    public static RegionInterval operator +(RegionInterval a, RegionInterval b) => new(
        a.Lower is { } al && b.Lower is { } bl ? al + bl : null, a.LowerOpen || b.LowerOpen,
        a.Upper is { } au && b.Upper is { } bu ? au + bu : null, a.UpperOpen || b.UpperOpen);

    /// <summary>−A.</summary>
    public static RegionInterval operator -(RegionInterval a) => new(
        a.Upper is { } u ? -u : null, a.UpperOpen, a.Lower is { } l ? -l : null, a.LowerOpen);

    /// <summary>A − B = A + (−B).</summary>
    public static RegionInterval operator -(RegionInterval a, RegionInterval b) => a + -b;

    /// <summary>A·B = {ab}, as the hull of the products of the operands' positive, negative and zero parts.</summary>
    public static RegionInterval operator *(RegionInterval a, RegionInterval b)
    {
        var pieces = new List<RegionInterval>(5);
        var (ap, an, bp, bn) = (a.PositivePart(), (-a).PositivePart(), b.PositivePart(), (-b).PositivePart());
        if (ap is { } x1 && bp is { } y1) pieces.Add(ProductOfPositives(x1, y1));
        if (ap is { } x2 && bn is { } y2) pieces.Add(-ProductOfPositives(x2, y2));
        if (an is { } x3 && bp is { } y3) pieces.Add(-ProductOfPositives(x3, y3));
        if (an is { } x4 && bn is { } y4) pieces.Add(ProductOfPositives(x4, y4));
        if (a.ContainsZero || b.ContainsZero) pieces.Add(Point(Fraction.Zero));
        return pieces.Aggregate(Hull);
    }

    /// <summary>1/A for a set that excludes 0; null when 0 is in A (the divisor may vanish).</summary>
    public RegionInterval? Reciprocal()
    {
        if (ContainsZero)
            return null;
        if (PositivePart() is { } p)
            return ReciprocalOfPositive(p);
        return -ReciprocalOfPositive((-this).PositivePart()!.Value);
    }

    /// <summary>
    /// √A for a set with no negative point, or null when A has one (the radicand may be negative on the region). The
    /// ends are rational bounds of at least <paramref name="bits"/> significant bits, rounded outward; an end that is not
    /// the exact root lies strictly outside the set of roots, so it is marked open (an exact root keeps A's end).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="bits"/> is below 1.</exception>
    public RegionInterval? Sqrt(int bits)
    {
        if (bits < 1)
            throw new ArgumentException($"bits must be ≥ 1, got {bits}.", nameof(bits));
        if (Lower is not { } l || l.Sign() < 0)
            return null;
        var low = Exact.RationalInterval.Exact(l).Sqrt(bits).Lower;
        Fraction? high = null;
        bool highOpen = true;
        if (Upper is { } u)
        {
            high = Exact.RationalInterval.Exact(u).Sqrt(bits).Upper;
            highOpen = UpperOpen || high.Value * high.Value != u;
        }
        return new(low, LowerOpen || low * low != l, high, highOpen);
    }

    /// <summary>
    /// {max(a, b) : a ∈ A, b ∈ B}: the infimum is the larger infimum (attained iff that one is, or iff both are when they
    /// are equal), the supremum the larger supremum (attained iff one operand attains it).
    /// </summary>
    public static RegionInterval Max(RegionInterval a, RegionInterval b)
    {
        Fraction? lower;
        bool lowerOpen;
        if (a.Lower is not { } al)
            (lower, lowerOpen) = (b.Lower, b.LowerOpen);
        else if (b.Lower is not { } bl)
            (lower, lowerOpen) = (al, a.LowerOpen);
        else if (al == bl)
            (lower, lowerOpen) = (al, a.LowerOpen || b.LowerOpen);
        else
            (lower, lowerOpen) = al > bl ? (al, a.LowerOpen) : (bl, b.LowerOpen);
        var (upper, upperOpen) = LargerSupremum(a, b);
        return new(lower, lowerOpen, upper, upperOpen);
    }

    /// <summary>
    /// The larger of two suprema (the supremum of max(A, B) and of A ∪ B): unbounded if either is; a shared end is
    /// attained if either attains it.
    /// </summary>
    private static (Fraction? End, bool Open) LargerSupremum(RegionInterval a, RegionInterval b)
    {
        if (a.Upper is not { } au || b.Upper is not { } bu)
            return (null, true);
        if (au == bu)
            return (au, a.UpperOpen && b.UpperOpen);
        return au > bu ? (au, a.UpperOpen) : (bu, b.UpperOpen);
    }

    /// <summary>{min(a, b)} = −max(−A, −B).</summary>
    public static RegionInterval Min(RegionInterval a, RegionInterval b) => -Max(-a, -b);

    /// <summary>a &lt; b at every pair of points (true), at none (false), or undecided (null).</summary>
    public static bool? Less(RegionInterval a, RegionInterval b)
    {
        if (a.Upper is { } au && b.Lower is { } bl && (au < bl || (au == bl && (a.UpperOpen || b.LowerOpen))))
            return true;
        if (a.Lower is { } al && b.Upper is { } bu && al >= bu)
            return false;
        return null;
    }

    /// <summary>a ≤ b at every pair of points (true), at none (false), or undecided (null).</summary>
    public static bool? LessOrEqual(RegionInterval a, RegionInterval b)
    {
        if (a.Upper is { } au && b.Lower is { } bl && au <= bl)
            return true;
        if (a.Lower is { } al && b.Upper is { } bu && (al > bu || (al == bu && (a.LowerOpen || b.UpperOpen))))
            return false;
        return null;
    }

    /// <summary>The sign every point has (0 only for the point 0), or null.</summary>
    public int? Sign()
    {
        if (IsExactlyZero) return 0;
        if (Lower is { } l && (l.Sign() > 0 || (l.IsZero && LowerOpen))) return 1;
        if (Upper is { } u && (u.Sign() < 0 || (u.IsZero && UpperOpen))) return -1;
        return null;
    }

    /// <summary>A ∩ (0, ∞), or null when empty.</summary>
    private RegionInterval? PositivePart()
    {
        if (Upper is { } u && (u.Sign() < 0 || u.IsZero))
            return null;
        return Lower is { } l && l.Sign() > 0 ? this : new RegionInterval(Fraction.Zero, true, Upper, UpperOpen);
    }

    /// <summary>X·Y for X, Y ⊆ (0, ∞): the infimum is the product of the infima, attained iff both are; so is the supremum.</summary>
    private static RegionInterval ProductOfPositives(RegionInterval x, RegionInterval y) => new(
        x.Lower!.Value * y.Lower!.Value, x.LowerOpen || y.LowerOpen,
        x.Upper is { } xu && y.Upper is { } yu ? xu * yu : null, x.UpperOpen || y.UpperOpen);

    /// <summary>1/X for X ⊆ (0, ∞): [1/sup, 1/inf], 1/∞ = 0 (not attained), 1/0⁺ = ∞.</summary>
    private static RegionInterval ReciprocalOfPositive(RegionInterval x) => new(
        x.Upper is { } u ? Fraction.One / u : Fraction.Zero, x.Upper is null || x.UpperOpen,
        x.Lower is { } l && l.Sign() > 0 ? Fraction.One / l : null, x.LowerOpen);

    /// <summary>The smallest interval containing both (a shared end is attained if either attains it).</summary>
    public static RegionInterval Hull(RegionInterval a, RegionInterval b)
    {
        var (negatedLower, lowerOpen) = LargerSupremum(-a, -b);
        Fraction? lower = negatedLower is { } n ? -n : null;
        var (upper, upperOpen) = LargerSupremum(a, b);
        return new(lower, lowerOpen, upper, upperOpen);
    }

    /// <inheritdoc />
    public bool Equals(RegionInterval other) =>
        Nullable.Equals(Lower, other.Lower) && LowerOpen == other.LowerOpen && Nullable.Equals(Upper, other.Upper) && UpperOpen == other.UpperOpen;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RegionInterval r && Equals(r);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Lower, LowerOpen, Upper, UpperOpen);

    /// <summary>Equality of the sets.</summary>
    public static bool operator ==(RegionInterval a, RegionInterval b) => a.Equals(b);

    /// <summary>Inequality of the sets.</summary>
    public static bool operator !=(RegionInterval a, RegionInterval b) => !a.Equals(b);

    /// <summary>E.g. <c>(0, ∞)</c> or <c>[0, 1)</c>.</summary>
    public override string ToString() =>
        (LowerOpen ? "(" : "[") + (Lower is { } l ? Text(l) : "−∞") + ", " + (Upper is { } u ? Text(u) : "∞") + (UpperOpen ? ")" : "]");

    private static string Text(Fraction f) => f.Denominator.IsOne
        ? f.Numerator.ToString(CultureInfo.InvariantCulture)
        : ExactDouble.ToDouble(f).ToString("R", CultureInfo.InvariantCulture);
}
