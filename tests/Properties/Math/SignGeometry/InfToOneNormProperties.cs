using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>‖H‖∞,1 (balles-thesis eq. 6.18) over the whole double range against the exact rational enumeration.</summary>
[Properties(MaxTest = 300)]
public class InfToOneNormProperties
{
    /// <summary>
    /// Within 2d·2^-53·Σ|H_ij| (the documented bound, here 1e-15·d·Σ|H_ij| two-sided) of the exact ‖H‖∞,1 of the matrix
    /// actually passed, plus the subnormal grid 2^(s−1074)·d² of the scaling; an ArgumentException exactly when the
    /// exact value is beyond double.MaxValue (up to that bound).
    /// </summary>
    [Property]
    public Property Compute_MatchesTheExactEnumerationAcrossTheRange() => Prop.ForAll(SignGeometryMatrices.FullRange.ToArbitrary(), c =>
    {
        var h = c.Scaled();
        if (h.Cast<double>().Any(double.IsInfinity))
            return true.Label("an entry overflowed when scaling (not a finite matrix)");
        var exact = InfToOneNormExact.Compute(InfToOneNormExact.ToFractions(h)).Value;
        double reference = ExactDouble.ToDouble(exact);
        int d = h.GetLength(0);
        double sum = h.Cast<double>().Sum(v => Math.Abs(v) / 4) * 4; // Σ|H_ij| without overflow in the sum of quarters up to 4·MaxValue
        double largest = h.Cast<double>().Max(Math.Abs);
        double grid = largest == 0 ? 0 : Math.ScaleB(1.0, Math.ILogB(largest) - 1074) * d * d;
        double bound = 1e-15 * d * sum + grid;
        double value;
        try
        {
            value = InfToOneNorm.Compute(Matrix<double>.Build.DenseOfArray(h)).Value;
        }
        catch (ArgumentException e)
        {
            return (double.IsInfinity(reference) || reference >= double.MaxValue - bound).Label($"{c}: rejected ({e.Message}) but exact is {reference:R}");
        }
        return (double.IsFinite(value) && Math.Abs(value - reference) <= bound)
            .Label($"{c}: {value:R} vs exact {reference:R}, bound {bound:R}");
    });

    /// <summary>‖2^k·H‖∞,1 = 2^k·‖H‖∞,1 bit for bit wherever 2^k·H and the result are exact doubles (normal range).</summary>
    [Property]
    public Property Compute_IsHomogeneousBitForBit() => Prop.ForAll(SignGeometryMatrices.FullRange.ToArbitrary(), c =>
    {
        var unscaled = c with { Exponent = 0 };
        if (!c.ScalesExactly)
            return true.Label("2^k·H is not exact (skipped)");
        double one = InfToOneNorm.Compute(Matrix<double>.Build.DenseOfArray(unscaled.Scaled())).Value;
        double expected = Math.ScaleB(one, c.Exponent);
        if (!double.IsNormal(expected) && expected != 0)
            return true.Label("2^k·‖H‖∞,1 is not a normal double (skipped)");
        double scaled = InfToOneNorm.Compute(Matrix<double>.Build.DenseOfArray(c.Scaled())).Value;
        return (scaled == expected).Label($"{c}: {scaled:R} vs 2^k·{one:R} = {expected:R}");
    });
}
