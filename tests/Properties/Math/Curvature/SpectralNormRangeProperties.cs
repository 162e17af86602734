using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="SpectralNormFormulas"/> over the whole double range (issue 15, item 1): A = 2^k·B with B = [[p, q], [q, r]] of
/// small integers, so A is exact in doubles for every k ≥ −1074 and ‖A‖₂ = 2^k·(|p + r| + √((p − r)² + 4q²))/2 in closed
/// form. The reference n_B is that closed form in doubles: √ of an integer correctly rounded and one addition of small
/// values, so within 2u of ‖B‖₂ (u = 2^-53); 2^k·n_B is then scaled exactly in rationals.
/// </summary>
[Properties(MaxTest = 300)]
public class SpectralNormRangeProperties
{
    /// <summary>1e-14 relative (≈ 45u: the witness's few-ulp accuracy, the roundings of each bound on the unit-sized scaled
    /// matrix, the reference's 2u), plus 2^-1074 for the one rounding onto the subnormal grid.</summary>
    private static readonly Fraction Relative = new(1, 100_000_000_000_000);

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static Gen<(int K, int P, int Q, int R)> Cases =>
        from k in Gen.Choose(-1074, 1022)
        from p in Gen.Choose(-8, 8)
        from q in Gen.Choose(-8, 8)
        from r in Gen.Choose(-8, 8)
        where p != 0 || q != 0 || r != 0
        select (k, p, q, r);

    private static Property Check(double computed, Fraction exact, string label)
    {
        if (double.IsNaN(computed))
            return false.Label($"{label}: NaN, exact {ExactDouble.ToDouble(exact):R}");
        var bound = Relative * exact + Tiny;
        if (double.IsInfinity(computed))
            return (computed > 0 && exact + bound >= ExactAgreement.OverflowThreshold).Label($"{label}: {computed}, exact {ExactDouble.ToDouble(exact):R}");
        var error = Fraction.Abs(ExactDouble.ToFraction(computed) - exact);
        return (error <= bound).Label($"{label}: {computed:R}, exact {ExactDouble.ToDouble(exact):R}, error {ExactDouble.ToDouble(error):R}");
    }

    [Property]
    public Property Float64Bounds_AreTheNorm_AtEveryScale() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        double s = Math.ScaleB(1, c.K);
        double[,] a = { { c.P * s, c.Q * s }, { c.Q * s, c.R * s } };
        double nb = (Math.Abs(c.P + c.R) + Math.Sqrt((double)(c.P - c.R) * (c.P - c.R) + 4.0 * c.Q * c.Q)) / 2;
        var exact = ExactDouble.Pow2(c.K) * ExactDouble.ToFraction(nb);
        var m = RealMatrix<Float64>.Constant(a);
        string label = $"2^{c.K}·[[{c.P}, {c.Q}], [{c.Q}, {c.R}]]";
        return Check(SpectralNormFormulas.LowerBound(m).Value, exact, "lower " + label)
            .And(Check(SpectralNormFormulas.UpperBound(m).Value, exact, "upper " + label));
    });
}
