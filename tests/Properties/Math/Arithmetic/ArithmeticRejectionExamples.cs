using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// Issue 15 item 1 for src/Math/Arithmetic: the guards of the generic matrices and vectors, the enclosure settings, the
/// coordinate maps, the region intervals and the face jets reject bad input with exactly an ArgumentException naming the
/// parameter and stating the range; at a boundary the smallest accepted input is checked against a hand-derived value.
/// </summary>
public class ArithmeticRejectionExamples
{
    private static Float64 F(double x) => new(x);

    [Fact]
    public void RealMatrix_RejectsAnEmptyMatrixOrMismatchedShapes()
    {
        ArgumentAssert.Rejects(() => new RealMatrix<Float64>(new Float64[0, 1]), "entries", "a matrix needs at least one row and one column");
        ArgumentAssert.Rejects(() => RealMatrix<Float64>.Create(0, 1, (_, _) => F(0)), "rows", "need rows, columns ≥ 1, got 0×1");
        ArgumentAssert.Rejects(() => RealMatrix<Float64>.Create(1, 0, (_, _) => F(0)), "rows", "need rows, columns ≥ 1, got 1×0");
        Assert.Equal(5.0, RealMatrix<Float64>.Create(1, 1, (_, _) => F(5))[0, 0].Value);
        var twoByThree = RealMatrix<Float64>.Create(2, 3, (_, _) => F(1));
        ArgumentAssert.Rejects(() => _ = twoByThree * twoByThree, "b", "cannot multiply 2×3 by 2×3");
        ArgumentAssert.Rejects(() => _ = twoByThree * new[] { F(1), F(1) }, "v", "cannot multiply 2×3 by a vector of length 2");
        ArgumentAssert.Rejects(() => _ = twoByThree + RealMatrix<Float64>.Identity(2), "b", "shapes differ: 2×3 and 2×2");
        ArgumentAssert.Rejects(() => RealVector.Dot(new[] { F(1) }, new[] { F(1), F(2) }), "v", "need two non-empty vectors of one length, got 1 and 2");
        ArgumentAssert.Rejects(() => RealVector.Dot(Array.Empty<Float64>(), Array.Empty<Float64>()), "v", "need two non-empty vectors of one length, got 0 and 0");
        Assert.Equal(6.0, RealVector.Dot(new[] { F(2) }, new[] { F(3) }).Value);
    }

    [Fact]
    public void EnclosureSettingsUse_RejectsBitsOutsideTheRangeOrABadRadius()
    {
        ArgumentAssert.Rejects(() => EnclosureSettings.Use(15), "bits", "bits must be in [16, 65536], got 15");
        ArgumentAssert.Rejects(() => EnclosureSettings.Use(65537), "bits", "bits must be in [16, 65536], got 65537");
        ArgumentAssert.Rejects(() => EnclosureSettings.Use(64, -double.Epsilon), "boxRadius", "boxRadius must be finite and ≥ 0");
        ArgumentAssert.Rejects(() => EnclosureSettings.Use(64, double.PositiveInfinity), "boxRadius", "boxRadius must be finite and ≥ 0");
        using (EnclosureSettings.Use(16))
            Assert.Equal(16, EnclosureSettings.Bits);
        using (EnclosureSettings.Use(65536, 0))
            Assert.Equal(65536, EnclosureSettings.Bits);
    }

    [Fact]
    public void EnclosureSettingsUseTags_RejectsALengthMismatchOrARepeatedTag()
    {
        var box = RationalInterval.Exact(1.0);
        ArgumentAssert.Rejects(() => EnclosureSettings.UseTags([1.0, 2.0], [box]), "boxes", "2 tags for 1 boxes");
        ArgumentAssert.Rejects(() => EnclosureSettings.UseTags([1.0, 1.0], [box, box]), "tags", "tag 1 names two coordinates");
        using (EnclosureSettings.UseTags([1.0, 2.0], [box, box]))
            Assert.Equal(2, EnclosureSettings.TagCount);
    }

    [Fact]
    public void CoordinateMaps_RejectAScaleBelowOne()
    {
        ArgumentAssert.Rejects(() => CoordinateMap.ScaledInverseSquare(0), "scale", "scale must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => CoordinateMap.RationalizedSquareRoot(0), "scale", "scale must be ≥ 1, got 0");
        Assert.NotNull(CoordinateMap.ScaledInverseSquare(1));
        Assert.NotNull(CoordinateMap.RationalizedSquareRoot(1));
    }

    [Fact]
    public void RegionInterval_RejectsAnEmptyIntervalOrBitsBelowOne()
    {
        ArgumentAssert.Rejects(() => RegionInterval.Of(Fraction.One, false, Fraction.Zero, false), "lower", "is empty");
        ArgumentAssert.Rejects(() => RegionInterval.Of(Fraction.One, true, Fraction.One, false), "lower", "is empty");
        // The closed point [1, 1] is not empty.
        var point = RegionInterval.Of(Fraction.One, false, Fraction.One, false);
        Assert.Equal(Fraction.One, point.Lower);
        Assert.Equal(Fraction.One, point.Upper);
        ArgumentAssert.Rejects(() => RegionInterval.Point(new Fraction(4)).Sqrt(0), "bits", "bits must be ≥ 1, got 0");
        // bits = 1 is accepted: the enclosure of √4 contains 2.
        var root = RegionInterval.Point(new Fraction(4)).Sqrt(1)!.Value;
        Assert.True(root.Lower <= new Fraction(2) && new Fraction(2) <= root.Upper, $"{root}");
    }

    [Fact]
    public void FaceJetUse_RejectsEachArgumentOutsideItsRange()
    {
        var w = RationalInterval.Exact(1.0);
        ArgumentAssert.Rejects(() => FaceJet<RationalInterval>.Use(-1, 0, 1, 2, w), "coordinate", "coordinate must be ≥ 0, got -1");
        ArgumentAssert.Rejects(() => FaceJet<RationalInterval>.Use(0, double.NaN, 1, 2, w), "faceValue", "faceValue must be finite, got NaN");
        ArgumentAssert.Rejects(() => FaceJet<RationalInterval>.Use(0, 0, 0, 2, w), "side", "side must be +1 or −1, got 0");
        ArgumentAssert.Rejects(() => FaceJet<RationalInterval>.Use(0, 0, 1, 0, w), "order", "order must be in [1, 8], got 0");
        ArgumentAssert.Rejects(() => FaceJet<RationalInterval>.Use(0, 0, 1, 9, w), "order", "order must be in [1, 8], got 9");
        ArgumentAssert.Rejects(() => FaceJet<RationalInterval>.Use(0, 0, 1, 2, RationalInterval.Exact(-1.0)), "range", "range must be [0, w] with w ≥ 0");
        // The ends of the accepted ranges: coordinate 0, side −1, orders 1 and 8, w = 0.
        using (FaceJet<RationalInterval>.Use(0, 0, -1, 1, RationalInterval.Exact(0.0))) { }
        using (FaceJet<RationalInterval>.Use(0, 0, 1, 8, w)) { }
    }

    [Fact]
    public void FaceJetAt_RejectsANonPositiveT()
    {
        // The coordinate x = 0 + t on the box [0, 1] (face 0, side +1), tagged 0.5.
        var box = new RationalInterval(Fraction.Zero, Fraction.One);
        FaceJet<RationalInterval> x;
        using (EnclosureSettings.Use(128))
        using (EnclosureSettings.UseTags([0.5], [box]))
        using (FaceJet<RationalInterval>.Use(0, 0, 1, 2, box))
            x = FaceJet<RationalInterval>.Input(0.5);
        ArgumentAssert.Rejects(() => x.At(RationalInterval.Zero), "t", "t must be > 0");
        // At t = ½ the coordinate is ½.
        var half = x.At(RationalInterval.Exact(0.5));
        Assert.True(half.Lower <= new Fraction(1, 2) && new Fraction(1, 2) <= half.Upper, $"[{half.Lower}, {half.Upper}]");
    }

    [Fact]
    public void QuadraticSurd_RejectsAZeroDenominatorOrATaggedBoxThatIsNotAPoint()
    {
        ArgumentAssert.Rejects(() => QuadraticSurd.Ratio(1, 0), "denominator", "denominator must not be 0");
        Assert.Equal((new Fraction(1, 2), Fraction.Zero), QuadraticSurd.Ratio(1, 2).Parts);
        using (EnclosureSettings.UseTags([3.0, 5.0], [new RationalInterval(Fraction.Zero, Fraction.One), RationalInterval.Exact(7.0)]))
        {
            ArgumentAssert.Rejects(() => QuadraticSurd.Input(3.0), "value", "is not a point");
            // A point box is accepted: the input tagged 5 is its point 7.
            Assert.Equal((new Fraction(7), Fraction.Zero), QuadraticSurd.Input(5.0).Parts);
        }
    }
}
