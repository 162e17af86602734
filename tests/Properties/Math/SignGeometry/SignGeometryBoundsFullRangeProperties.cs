using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// Σ_{i,j}|H_ij| (the bound C.48 on ‖H‖∞,1) and ρ_diag(H) = Σ_i|H_ii|/Σ_{i,j}|H_ij| (balles-thesis Prop. 6.4) for symmetric
/// H whose entries are independently anywhere in the finite doubles: against the exact rationals, within the relative
/// errors d²·2^-53 and (d² + d)·2^-53 (plus d·2^-1074) their doc comments state; Σ|H_ij| rejected exactly where it is
/// beyond the range.
/// </summary>
[Properties(MaxTest = 500)]
public class SignGeometryBoundsFullRangeProperties
{
    /// <summary>u = 2^-53.</summary>
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    /// <summary>A symmetric d×d matrix, d ∈ 1…4, its upper triangle drawn independently from the whole range.</summary>
    private static Arbitrary<double[,]> Matrices { get; } = Gen.Choose(1, 4).SelectMany(d =>
        FullRangeDoubles.Signed.ArrayOf(d * d).Select(v =>
        {
            var m = new double[d, d];
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                    m[i, j] = j >= i ? v[i * d + j] : v[j * d + i];
            return m;
        })).ToArbitrary();

    private static string Show(double[,] h) => $"H = [{string.Join(", ", h.Cast<double>().Select(v => v.ToString("R")))}]";

    /// <summary>Σ|H_ij| within d²·u of the exact sum (relative), or an ArgumentException exactly where the sum, up to that bound, is beyond double.MaxValue.</summary>
    [Property]
    public Property EntrywiseL1_IsWithinItsRelativeBound() => Prop.ForAll(Matrices, h =>
    {
        int d = h.GetLength(0);
        var exact = h.Cast<double>().Aggregate(Fraction.Zero, (s, v) => s + Fraction.Abs(ExactDouble.ToFraction(v)));
        var bound = d * d * Unit * exact;
        double computed;
        try
        {
            computed = SignGeometryBounds.EntrywiseL1(Matrix<double>.Build.DenseOfArray(h));
        }
        catch (ArgumentException e)
        {
            return (exact + bound > ExactDouble.ToFraction(double.MaxValue)).Label($"{Show(h)}: rejected ({e.Message}) but Σ|H_ij| = {ExactDouble.ToDouble(exact):R}");
        }
        return (double.IsFinite(computed) && Fraction.Abs(ExactDouble.ToFraction(computed) - exact) <= bound)
            .Label($"{Show(h)}: {computed:R}, exact {ExactDouble.ToDouble(exact):R}");
    });

    /// <summary>
    /// ρ_diag within (d² + d)·u of the exact ratio (relative) plus d·2^-1074 (its doc comment: the scaling rounds diagonal
    /// entries below 2^-1022 of the largest entry to the subnormal grid, and ρ may itself be subnormal or round to 0), for
    /// every nonzero H; the zero matrix rejected naming h.
    /// </summary>
    [Property]
    public Property RhoDiag_IsWithinItsRelativeBound() => Prop.ForAll(Matrices, h =>
    {
        int d = h.GetLength(0);
        var all = h.Cast<double>().Aggregate(Fraction.Zero, (s, v) => s + Fraction.Abs(ExactDouble.ToFraction(v)));
        if (all.IsZero)
        {
            try { SignGeometryBounds.RhoDiag(Matrix<double>.Build.DenseOfArray(h)); }
            catch (ArgumentException e) { return (e.ParamName == "h").Label($"{Show(h)}: rejected naming {e.ParamName}"); }
            return false.Label($"{Show(h)}: the zero matrix was not rejected");
        }
        var diagonal = Enumerable.Range(0, d).Aggregate(Fraction.Zero, (s, i) => s + Fraction.Abs(ExactDouble.ToFraction(h[i, i])));
        var exact = diagonal / all;
        double computed = SignGeometryBounds.RhoDiag(Matrix<double>.Build.DenseOfArray(h));
        var bound = (d * d + d) * Unit * exact + d * ExactDouble.Pow2(-1074);
        return (Fraction.Abs(ExactDouble.ToFraction(computed) - exact) <= bound)
            .Label($"{Show(h)}: {computed:R}, exact {ExactDouble.ToDouble(exact):R}");
    });
}
