using System.Globalization;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;

namespace Verification.Engine;

/// <summary>What one evaluation found.</summary>
internal enum Finding
{
    Satisfied,
    Violated,
    Trivial,
    Undecided,
}

/// <summary>A relation judged in double precision: the search's view.</summary>
internal readonly record struct DoubleJudgement(Finding Finding, double Margin, double Lhs, double Rhs, string Relation, string? Note);

/// <summary>
/// A relation judged in exact arithmetic; <see cref="OverBudget"/> when it stopped at its work budget, <see cref="Work"/>
/// the work it spent (set by the search around it).
/// </summary>
internal readonly record struct ExactJudgement(CertificationStatus Status, double CertifiedMargin, bool Trivial, string Detail, bool OverBudget = false, long Work = 0);

/// <summary>Decides a <see cref="Relation{T}"/> in double precision and in rational interval arithmetic.</summary>
internal static class Judge
{
    internal static DoubleJudgement InDouble(Relation<Float64> r)
    {
        switch (r.Kind)
        {
            case RelationKind.Trivial:
                return new(Finding.Trivial, double.NegativeInfinity, 0, 0, "trivial", r.Note);
            case RelationKind.Undecided:
                return new(Finding.Undecided, double.NaN, double.NaN, double.NaN, "undecided", r.Note);
            case RelationKind.All:
            {
                var parts = r.Parts.Select(InDouble).ToList();
                var violatedParts = parts.Where(p => p.Finding == Finding.Violated).ToList();
                if (violatedParts.Count > 0)
                    return violatedParts.MaxBy(p => p.Margin);
                var undecided = parts.FirstOrDefault(p => p.Finding == Finding.Undecided);
                if (undecided.Relation is not null)
                    return undecided;
                if (parts.All(p => p.Finding == Finding.Trivial))
                    return parts[0];
                return parts.Where(p => p.Finding == Finding.Satisfied).MaxBy(p => p.Margin);
            }
        }
        double lhs = r.Lhs.Value, rhs = r.Rhs.Value, scale = r.Scale.Value;
        string relation = Text(r.Kind, r.Note);
        if (!double.IsFinite(lhs) || !double.IsFinite(rhs) || !double.IsFinite(scale))
            return new(Finding.Undecided, double.NaN, lhs, rhs, relation, "a side or the scale is not finite in double precision");
        double s = scale > 0 ? scale : 1;
        double diff = lhs - rhs;
        double margin = (r.Kind == RelationKind.Equal ? Math.Abs(diff) : diff) / s;
        if (double.IsNaN(margin))
            return new(Finding.Undecided, double.NaN, lhs, rhs, relation, "the margin is not a number in double precision");
        if (double.IsInfinity(margin))
            margin = Math.Sign(margin) * double.MaxValue;
        bool violated = r.Kind switch
        {
            RelationKind.Less => margin >= -r.Allowance,
            _ => margin > r.Allowance,
        };
        return new(violated ? Finding.Violated : Finding.Satisfied, margin, lhs, rhs, relation, r.Note);
    }

    internal static ExactJudgement Exactly(Relation<RationalInterval> r, int bits, bool topPrecision)
    {
        switch (r.Kind)
        {
            case RelationKind.Trivial:
                return new(CertificationStatus.Satisfied, 0, true, r.Note ?? "trivial");
            case RelationKind.Undecided:
                return new(CertificationStatus.Undecidable, 0, false, r.Note ?? "undecided");
            case RelationKind.All:
            {
                var parts = r.Parts.Select(p => Exactly(p, bits, topPrecision)).ToList();
                var certified = parts.Where(p => p.Status == CertificationStatus.Certified).ToList();
                if (certified.Count > 0)
                    return certified.MaxBy(p => p.CertifiedMargin);
                var undecided = parts.FirstOrDefault(p => p.Status == CertificationStatus.Undecidable);
                if (undecided.Detail is not null)
                    return undecided;
                return new(CertificationStatus.Satisfied, 0, parts.All(p => p.Trivial), "every part holds exactly");
            }
        }
        var diff = r.Lhs - r.Rhs;
        string label = r.Note is null ? "" : r.Note + ": ";
        string detail = string.Create(CultureInfo.InvariantCulture,
            $"{label}lhs ∈ {r.Lhs}, rhs ∈ {r.Rhs}, lhs − rhs ∈ {diff} ({bits}-bit enclosures)");
        // Margins are lower bounds: divide the smallest |difference| by the largest scale.
        Fraction scaleUpper = r.Scale.Lower.Sign() > 0 ? r.Scale.Upper : Fraction.One;
        switch (r.Kind)
        {
            case RelationKind.LessOrEqual:
                if (diff.Lower.Sign() > 0)
                    return new(CertificationStatus.Certified, RoundDown(diff.Lower / scaleUpper), false, detail);
                if (diff.Upper.Sign() <= 0)
                    return new(CertificationStatus.Satisfied, 0, false, detail);
                return new(CertificationStatus.Undecidable, 0, false, detail);
            case RelationKind.Less:
                if (diff.Lower.Sign() >= 0)
                    return new(CertificationStatus.Certified, RoundDown(diff.Lower / scaleUpper), false,
                        diff.Lower.IsZero ? detail + "; equality violates the strict inequality" : detail);
                if (diff.Upper.Sign() < 0)
                    return new(CertificationStatus.Satisfied, 0, false, detail);
                return new(CertificationStatus.Undecidable, 0, false, detail);
            default:
                if (diff.Lower.Sign() > 0)
                    return new(CertificationStatus.Certified, RoundDown(diff.Lower / scaleUpper), false, detail);
                if (diff.Upper.Sign() < 0)
                    return new(CertificationStatus.Certified, RoundDown(-diff.Upper / scaleUpper), false, detail);
                if (diff.IsExactlyZero)
                    return new(CertificationStatus.Satisfied, 0, false, detail + "; equal exactly");
                // An identity of irrational values cannot be proven by enclosures, only confirmed to their width: at the
                // top precision a difference within 2^(−bits/2) of the scale is far below any double-precision margin.
                var bound = ExactDouble.Pow2(-bits / 2) * (r.Scale.Lower.Sign() > 0 ? r.Scale.Lower : Fraction.One);
                if (topPrecision && diff.Width <= bound)
                    return new(CertificationStatus.Satisfied, 0, false,
                        detail + $"; the sides agree to within 2^-{bits / 2} of the scale (an identity of irrational values is confirmed to this width, not proven)");
                return new(CertificationStatus.Undecidable, 0, false, detail);
        }
    }

    internal static string Text(RelationKind kind, string? label = null) => kind switch
    {
        RelationKind.LessOrEqual => "lhs ≤ rhs",
        RelationKind.Less => "lhs < rhs",
        RelationKind.Equal => "lhs = rhs",
        RelationKind.Trivial => "trivial",
        RelationKind.Undecided => "undecided",
        _ => "every part",
    } + (label is null ? "" : $" ({label})");

    /// <summary>A positive rational rounded toward zero to a double (a lower bound).</summary>
    internal static double RoundDown(Fraction positive) => new RationalInterval(positive, positive).LowerAsDouble;
}
