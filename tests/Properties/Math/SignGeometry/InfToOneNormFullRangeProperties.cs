using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// ‖Hx‖₁ at one vertex x of the cube (balles-thesis eq. 6.18 maximizes it over x ∈ {−1, 1}^d), or at any finite x, over
/// the whole double range: against Σ_i |Σ_j H_ij x_j| in exact rationals, within the bound of its doc comment where the
/// exact value is at most MaxValue, and rejected with an ArgumentException naming x where it is beyond.
/// </summary>
[Properties(MaxTest = 200)] // d ≤ 4, d² exact products: about a millisecond a case
public class InfToOneNormFullRangeProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static Gen<(int D, double[,] H, double[] X)> Cases { get; } =
        from d in Gen.Choose(1, 4)
        from upper in FullRangeDoubles.SignedOrOneScale(d * (d + 1) / 2)
        from x in Gen.Frequency(
            (1, Gen.Elements(1.0, -1.0).ArrayOf(d)),
            (1, FullRangeDoubles.SignedOrOneScale(d)))
        select (d, Symmetric(d, upper), x);

    private static double[,] Symmetric(int d, double[] upper)
    {
        var h = new double[d, d];
        int next = 0;
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++)
                h[i, j] = h[j, i] = upper[next++];
        return h;
    }

    private static string Show(double[,] h, double[] x) =>
        $"H = [{string.Join("; ", Enumerable.Range(0, h.GetLength(0)).Select(i => string.Join(", ", Enumerable.Range(0, h.GetLength(1)).Select(j => h[i, j].ToString("R")))))}], " +
        $"x = [{string.Join(", ", x.Select(v => v.ToString("R")))}]";

    /// <summary>
    /// Tolerance (the doc comment's, made explicit): each y_i = Σ_j ĥ_ij x̂_j on the scaled ĥ = 2^-s·H, x̂ = 2^-t·x takes
    /// d products and d − 1 sums (γ_d relative to Σ_j|H_ij||x_j|), and ‖y‖₁ d − 1 more sums: (2d − 1)u to first order,
    /// 2d·u with the second-order terms. Where the scaling puts an entry of ĥ or x̂, or a product ĥ_ij·x̂_j, on the
    /// subnormal grid it rounds by at most ½·2^-1074 times a factor below 2 (|x̂_j|, |ĥ_ij| &lt; 2) or ½·2^-1074: at most
    /// 2.5·2^-1074 a product, 3d²·2^(s+t−1074) for the d² products; scaling the norm back rounds by ½·2^-1074 where it is
    /// subnormal.
    /// </summary>
    [Property]
    public Property AtVertex_IsWithinItsBoundOrRejected() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var h = Matrix<double>.Build.DenseOfArray(c.H);
        var x = Vector<double>.Build.DenseOfArray(c.X);
        var exact = Fraction.Zero;
        var magnitudes = Fraction.Zero;
        for (int i = 0; i < c.D; i++)
        {
            var row = Fraction.Zero;
            for (int j = 0; j < c.D; j++)
            {
                var product = F(c.H[i, j]) * F(c.X[j]);
                row += product;
                magnitudes += Fraction.Abs(product);
            }
            exact += Fraction.Abs(row);
        }
        int s = ExponentOfLargest(c.H.Cast<double>()), t = ExponentOfLargest(c.X);
        var bound = 2 * c.D * Unit * magnitudes + 3 * c.D * c.D * ExactDouble.Pow2(s + t - 1074) + ExactDouble.Pow2(-1074);
        string at = Show(c.H, c.X);
        if (exact - bound >= ExactAgreement.OverflowThreshold)
            return ArgumentAssert.IsRejection(() => InfToOneNorm.AtVertex(h, x), "x", "‖Hx‖₁ exceeds double.MaxValue").Label($"not rejected although ‖Hx‖₁ ≈ {ExactDouble.ToDouble(exact):R} at {at}");
        if (exact + bound >= ExactAgreement.OverflowThreshold)
            return true.Label("within the bound of the overflow threshold: either answer is right"); // a value or the rejection
        double computed = InfToOneNorm.AtVertex(h, x);
        var error = Fraction.Abs(F(computed) - exact);
        return (error <= bound).Label(
            $"{computed:R} vs exact {ExactDouble.ToDouble(exact):R}: error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R} at {at}");
    });

    /// <summary>⌊log₂ max|v|⌋ (0 for all zeros), computed here from the bits: the exponents s and t of the bound.</summary>
    private static int ExponentOfLargest(IEnumerable<double> values)
    {
        var largest = values.Select(v => Fraction.Abs(F(v))).Aggregate(Fraction.Zero, (m, v) => v > m ? v : m);
        return largest.IsZero ? 0 : ExactDouble.FloorLog2(largest);
    }

    /// <summary>
    /// Hand-computed ends: H = [[2^-1074, 2^1000], [2^1000, 2^-1074]], x = (1, −1) gives |2^-1074 − 2^1000| + |2^1000 − 2^-1074|,
    /// 2^1001 to the nearest double; x = (2^-1000, 2^-1000) with H = 2^-74·I gives 2·2^-1074 exactly (products that are
    /// subnormal only before the scaling); H = MaxValue·I, x = (1, 1) is 2·MaxValue: rejected, naming x.
    /// </summary>
    [Fact]
    public void AtVertex_AtTheEndsOfTheRange()
    {
        var h = Matrix<double>.Build.DenseOfArray(new[,] { { double.Epsilon, Math.ScaleB(1, 1000) }, { Math.ScaleB(1, 1000), double.Epsilon } });
        Assert.Equal(Math.ScaleB(1, 1001), InfToOneNorm.AtVertex(h, Vector<double>.Build.DenseOfArray([1.0, -1.0])));
        var small = Matrix<double>.Build.DenseOfArray(new[,] { { Math.ScaleB(1, -74), 0.0 }, { 0.0, Math.ScaleB(1, -74) } });
        var tiny = Math.ScaleB(1.0, -1000);
        Assert.Equal(2 * double.Epsilon, InfToOneNorm.AtVertex(small, Vector<double>.Build.DenseOfArray([tiny, tiny])));
        var top = Matrix<double>.Build.DenseOfArray(new[,] { { double.MaxValue, 0.0 }, { 0.0, double.MaxValue } });
        ArgumentAssert.Rejects(() => InfToOneNorm.AtVertex(top, Vector<double>.Build.DenseOfArray([1.0, 1.0])), "x", "‖Hx‖₁ exceeds double.MaxValue");
        Assert.Equal(double.MaxValue, InfToOneNorm.AtVertex(top, Vector<double>.Build.DenseOfArray([1.0, 0.0])));
    }

    /// <summary>Non-finite or mis-sized input is rejected, naming the parameter.</summary>
    [Fact]
    public void AtVertex_RejectsNonFiniteAndMisSizedInputs()
    {
        var h = Matrix<double>.Build.DenseIdentity(2);
        ArgumentAssert.Rejects(() => InfToOneNorm.AtVertex(h, Vector<double>.Build.DenseOfArray([1.0, double.NaN])), "x", "x[1] must be finite");
        ArgumentAssert.Rejects(() => InfToOneNorm.AtVertex(h, Vector<double>.Build.DenseOfArray([1.0, 1.0, 1.0])), "x", "has length 3, expected 2");
        var infinite = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, double.PositiveInfinity }, { double.PositiveInfinity, 1.0 } });
        ArgumentAssert.Rejects(() => InfToOneNorm.AtVertex(infinite, Vector<double>.Build.Dense(2, 1.0)), "h", "h[0,1] must be finite");
    }
}
