using FsCheck;
using FsCheck.Fluent;
using Fractions;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// The checks the properties of the forms carried as M·2^E share (issue 15, item 1: <see cref="LikelihoodBase.GradientScaledWhereNeeded"/>,
/// <see cref="LikelihoodBase.WeightsScaledWhereNeeded"/>, <see cref="LikelihoodBase.HessianScaledWhereNeeded"/>): an entry
/// against an exact rational or an enclosure, relatively, and whether the form is given where an exact entry needs it.
/// </summary>
internal static class ScaledFormAssert
{
    /// <summary>u = 2^-53.</summary>
    public const double Unit = 1.1102230246251565e-16;

    /// <summary>The precision of the exp enclosures taken as references (relative width 2^-96).</summary>
    public const int Bits = 96;

    /// <summary>2^-1023: an exact nonzero entry below it needs the scaled form.</summary>
    public static readonly Fraction BelowNormal = ExactDouble.Pow2(-1023);

    /// <summary>2^-1021: where every exact entry is 0 or at least this, no form is given.</summary>
    public static readonly Fraction WellNormal = ExactDouble.Pow2(-1021);

    /// <summary>2^-5900, above e^-4096 ≈ 2^-5909.3: what e^t is known to be below beyond <see cref="ExactExp"/>'s reach.</summary>
    public static readonly Fraction BeyondReach = ExactDouble.Pow2(-5900);

    public static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>The entry M·2^E as an exact rational.</summary>
    public static Fraction Entry(ScaledVector g, int m) => F(g.Mantissas[m]) * ExactDouble.Pow2(g.Exponents[m]);

    /// <summary>|entry − exact| ≤ k·u·scale, the exact value given as an enclosure (the entry must be within k·u·scale of every point of it).</summary>
    public static Property Within(ScaledVector g, int m, RationalInterval exact, Fraction scale, double k, string what)
    {
        var entry = Entry(g, m);
        var (low, high) = (Fraction.Abs(entry - exact.Lower), Fraction.Abs(entry - exact.Upper));
        var error = low > high ? low : high;
        var bound = F(k * Unit) * scale;
        return (error <= bound).Label(
            $"{what}[{m}]: {g.Mantissas[m]:R}·2^{g.Exponents[m]}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R}, error {(double)(error / scale).ToDecimal():E3}·scale > {k}u");
    }

    /// <summary>
    /// The entry has the given sign and lies within <paramref name="bound"/> of the exact value enclosed by
    /// <paramref name="exact"/>: |entry − e| ≤ bound for some e in it, checked as |entry − endpoint| ≤ bound + width at
    /// both endpoints (so the enclosure's own width is added, never a rounding of the reference).
    /// </summary>
    public static Property Enclosed(ScaledVector g, int m, RationalInterval exact, Fraction bound, int sign, string what)
    {
        var entry = Entry(g, m);
        var (low, high) = (Fraction.Abs(entry - exact.Lower), Fraction.Abs(entry - exact.Upper));
        var error = low > high ? low : high;
        bool ok = Math.Sign(g.Mantissas[m]) == sign && error <= bound + exact.Width;
        return ok.Label(
            $"{what}[{m}]: {g.Mantissas[m]:R}·2^{g.Exponents[m]}, exact in [{Show(exact.Lower)}, {Show(exact.Upper)}], " +
            $"error {Show(error)} > {Show(bound)} + width {Show(exact.Width)} (or the sign is not {sign})");
    }

    /// <summary>max(|lower|, |upper|).</summary>
    public static Fraction Magnitude(RationalInterval x)
    {
        var (a, b) = (Fraction.Abs(x.Lower), Fraction.Abs(x.Upper));
        return a > b ? a : b;
    }

    /// <summary>The form is given wherever an exact nonzero entry is below 2^-1023 (and no entry is beyond the range).</summary>
    public static Property GivenWhereNeeded(ScaledVector? g, IEnumerable<Fraction> exact, string what)
    {
        bool needed = exact.Any(e => !e.IsZero && Fraction.Abs(e) < BelowNormal);
        return (!needed || g is not null).Label($"{what}: an exact entry is below 2^-1023 but no scaled form was given");
    }

    /// <summary>
    /// No form is given where every exact entry is 0 or at least 2^-1021 in magnitude (each enclosure then lies on one side
    /// of 0 with both endpoints at least 2^-1021, or is exactly 0): the rule's double weights or the double ∇² serve there,
    /// bit for bit as before.
    /// </summary>
    public static Property NullWhereNotNeeded(object? form, IEnumerable<RationalInterval> exact, string what)
    {
        bool normal = exact.All(e => e.IsExactlyZero
            || (e.Lower.Sign() == e.Upper.Sign() && Fraction.Abs(e.Lower) >= WellNormal && Fraction.Abs(e.Upper) >= WellNormal));
        return (!normal || form is null).Label($"{what}: every exact entry is 0 or at least 2^-1021, yet a scaled form was given");
    }

    public static Gen<double> Between(double low, double high) =>
        Gen.Choose(0, 1 << 30).Select(i => low + (high - low) * i / (double)(1 << 30));

    private static string Show(Fraction x)
    {
        if (x.IsZero)
            return "0";
        int e = ExactDouble.FloorLog2(Fraction.Abs(x));
        double m = ExactDouble.ToDouble(x * ExactDouble.Pow2(-e));
        return $"{m:R}·2^{e}";
    }
}
