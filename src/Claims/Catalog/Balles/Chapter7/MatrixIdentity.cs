using FsCheck;
using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Outcome = Verification.Claims.Model.Outcome;

namespace Verification.Claims.Catalog.Balles.Chapter7;

/// <summary>Both sides of a matrix identity in double, and the magnitude its rounding is measured against.</summary>
internal readonly record struct MatrixSides(Matrix<double> Lhs, Matrix<double> Rhs, double Scale);

/// <summary>
/// A matrix identity L(input) = R(input), compared entrywise: margin = max_ij |L_ij − R_ij|/scale − tolerance, where scale
/// is the magnitude of the terms that were summed (so cancellation is accounted for). An apparent violation is
/// certified by <see cref="Exact"/> when the input admits an exact evaluation (rational, or enclosures of exp), else it
/// stays undecided (and the verdict would be inconclusive, never refuted by rounding).
/// </summary>
internal sealed class MatrixIdentity<TInput> : Formalization<TInput> where TInput : notnull
{
    public override required string Name { get; init; }

    public override required string Description { get; init; }

    public override required string Tolerance { get; init; }

    public override required Gen<TInput> Generator { get; init; }

    /// <summary>The relative tolerance of the double comparison.</summary>
    public required double RelativeTolerance { get; init; }

    /// <summary>Both sides in double.</summary>
    public required Func<TInput, MatrixSides> Sides { get; init; }

    /// <summary>Exact enclosures of both sides (same shape), or null where the input admits none.</summary>
    public Func<TInput, (RationalInterval[,] Lhs, RationalInterval[,] Rhs)?> Exact { get; init; } = _ => null;

    /// <summary>Null when the input meets the hypotheses, else why not.</summary>
    public Func<TInput, string?> Hypotheses { get; init; } = _ => null;

    public Func<IEnumerable<TInput>> Edges { get; init; } = () => [];

    public Func<TInput, System.Random, TInput>? Move { get; init; }

    public required Func<TInput, IReadOnlyList<NamedValue>> Show { get; init; }

    public Func<TInput, string>? Why { get; init; }

    public override IEnumerable<TInput> EdgeCases => Edges();

    public override Outcome Evaluate(TInput input)
    {
        if (Hypotheses(input) is { } reason)
            return Outcome.Reject(reason);
        var s = Sides(input);
        if (s.Lhs.RowCount != s.Rhs.RowCount || s.Lhs.ColumnCount != s.Rhs.ColumnCount)
            return Outcome.Undecided($"shapes differ: {s.Lhs.RowCount}×{s.Lhs.ColumnCount} vs {s.Rhs.RowCount}×{s.Rhs.ColumnCount}");
        var (i, j) = Worst(s.Lhs, s.Rhs);
        double scale = System.Math.Max(s.Scale, System.Math.Max(MaxAbs(s.Lhs), MaxAbs(s.Rhs)));
        if (scale == 0)
            scale = 1;
        return Outcome.Close(s.Lhs[i, j], s.Rhs[i, j], scale, RelativeTolerance, $"worst entry ({i}, {j})");
    }

    public override Certificate Certify(TInput input)
    {
        var exact = Exact(input);
        if (exact is not { } e)
            return Certificate.Unknown("none", "no exact evaluation exists for this input (its sides involve transcendental functions without an enclosure here)");
        var s = Sides(input);
        double scale = System.Math.Max(s.Scale, System.Math.Max(MaxAbs(s.Lhs), MaxAbs(s.Rhs)));
        Certificate? best = null;
        bool allZero = true;
        for (int i = 0; i < e.Lhs.GetLength(0); i++)
            for (int j = 0; j < e.Lhs.GetLength(1); j++)
            {
                var c = ExactCheck.Equal(e.Lhs[i, j], e.Rhs[i, j], scale > 0 ? scale : 1);
                if (c.Status == CertificationStatus.Certified && (best is null || c.CertifiedMargin > best.CertifiedMargin))
                    best = c with { Detail = $"entry ({i}, {j}): " + c.Detail };
                if (!(e.Lhs[i, j] - e.Rhs[i, j]).IsExactlyZero)
                    allZero = false;
            }
        if (best is not null)
            return best;
        return allZero
            ? Certificate.Artifact("exact rational arithmetic", "every entry of lhs − rhs is exactly 0")
            : Certificate.Unknown("exact rational interval arithmetic", "every entry's enclosure of lhs − rhs contains 0, but not all are exactly 0");
    }

    public override TInput Perturb(TInput input, System.Random random) => Move is null ? input : Move(input, random);

    public override IReadOnlyList<NamedValue> Describe(TInput input) => Show(input);

    public override string Explain(TInput input) => Why is null ? base.Explain(input) : Why(input);

    private static (int I, int J) Worst(Matrix<double> a, Matrix<double> b)
    {
        int bi = 0, bj = 0;
        double worst = -1;
        for (int i = 0; i < a.RowCount; i++)
            for (int j = 0; j < a.ColumnCount; j++)
            {
                double d = System.Math.Abs(a[i, j] - b[i, j]);
                if (double.IsNaN(d))
                    return (i, j);
                if (d > worst)
                {
                    worst = d;
                    (bi, bj) = (i, j);
                }
            }
        return (bi, bj);
    }

    internal static double MaxAbs(Matrix<double> a) => a.Enumerate().Select(System.Math.Abs).DefaultIfEmpty(0).Max();
}
