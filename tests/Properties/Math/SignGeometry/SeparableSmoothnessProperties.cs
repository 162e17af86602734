using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>The certified bracket of L_sep (balles-thesis eq. 6.25) over the whole double range.</summary>
[Properties(MaxTest = 100)] // each case runs a barrier method and exact LDLᵀ certifications (≈ 3 ms)
public class SeparableSmoothnessProperties
{
    /// <summary>
    /// L_sep(2^k·H) = 2^k·L_sep(H): the certified brackets of H and of 2^k·H (k anywhere in −1080…1030), both rigorous,
    /// must overlap once the first is scaled by 2^k (exactly, in rationals) and each must be ordered — or 2^k·H is
    /// rejected with an ArgumentException because its bracket is beyond double.MaxValue.
    /// </summary>
    [Property]
    public Property Bracket_IsCertifiedAndHomogeneousAcrossTheRange() => Prop.ForAll(
        SignGeometryMatrices.FullRange.Where(c => c.Entries.GetLength(0) <= 4 && c.ScalesExactly).ToArbitrary(), c =>
    {
        var h = Matrix<double>.Build.DenseOfArray((c with { Exponent = 0 }).Scaled());
        var one = SeparableSmoothness.Bracket(h);
        var scaledLower = one.LowerExact * ExactDouble.Pow2(c.Exponent);
        var scaledUpper = one.UpperExact * ExactDouble.Pow2(c.Exponent);
        SeparableBracket scaled;
        try
        {
            scaled = SeparableSmoothness.Bracket(Matrix<double>.Build.DenseOfArray(c.Scaled()));
        }
        catch (ArgumentException e)
        {
            return (scaledUpper > ExactDouble.ToFraction(double.MaxValue) / 2).Label($"{c}: rejected ({e.Message}) although 2^k·Upper = {ExactDouble.ToDouble(scaledUpper):R}");
        }
        bool overlap = scaled.LowerExact <= scaledUpper && scaledLower <= scaled.UpperExact;
        bool ordered = one.LowerExact <= one.UpperExact && scaled.LowerExact <= scaled.UpperExact;
        return (overlap && ordered)
            .Label($"{c}: [{one.Lower:R}, {one.Upper:R}] at scale 1, [{scaled.Lower:R}, {scaled.Upper:R}] at 2^k (overlap {overlap}, ordered {ordered})");
    });
}
