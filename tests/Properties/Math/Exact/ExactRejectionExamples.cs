using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// Issue 15 item 1 for src/Math/Exact: the guards of the exact rational tools (intervals, ln, the constants π and ln 2,
/// dyadic rounding, exact matrices and linear algebra, the exact ELMO step of elmo-amos eq. (7)) reject bad input with
/// exactly an ArgumentException naming the parameter and stating the range; at a boundary the smallest accepted input
/// is checked against a hand-derived value.
/// </summary>
public class ExactRejectionExamples
{
    private static bool Encloses(RationalInterval x, Fraction v) => x.Lower <= v && v <= x.Upper;

    [Fact]
    public void RationalInterval_RejectsReversedEndsAZeroDenominatorOrANegativeRadicand()
    {
        ArgumentAssert.Rejects(() => new RationalInterval(Fraction.One, Fraction.Zero), "lower", "lower must not exceed upper");
        Assert.Equal(Fraction.One, new RationalInterval(Fraction.One, Fraction.One).Lower);
        ArgumentAssert.Rejects(() => RationalInterval.Ratio(1, 0), "denominator", "denominator must not be 0");
        Assert.Equal(new Fraction(1, 3), RationalInterval.Ratio(1, 3).Lower);
        // The radicand is the interval itself (the receiver), not the precision bits.
        ArgumentAssert.Rejects(() => new RationalInterval(-Fraction.One, -Fraction.One / 2).Sqrt(64), "this", "Square root of a negative interval");
        Assert.True(Encloses(RationalInterval.Exact(new Fraction(4)).Sqrt(64), new Fraction(2)));
        ArgumentAssert.Rejects(() => RationalInterval.IntegerSqrt(-1), "n", "n must be ≥ 0");
        Assert.Equal(3, (int)RationalInterval.IntegerSqrt(15));
        ArgumentAssert.Rejects(() => RationalInterval.Log(new RationalInterval(-Fraction.One, Fraction.Zero)), "x", "ln of a non-positive interval");
    }

    [Fact]
    public void RationalInterval_DivisionByAnExactZero_IsDivideByZero()
    {
        var e = Assert.Throws<DivideByZeroException>(() => RationalInterval.Exact(1.0) / RationalInterval.Zero);
        Assert.Contains("exact 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExactLog_RejectsNonPositiveArguments()
    {
        ArgumentAssert.Rejects(() => ExactLog.Of(Fraction.Zero, 64), "x", "ln x needs x > 0");
        ArgumentAssert.Rejects(() => ExactLog.Of(new RationalInterval(Fraction.Zero, Fraction.One), 64), "x", "ln x needs every point of x > 0");
        // ln 1 = 0 is enclosed at the smallest positive integer argument.
        Assert.True(Encloses(ExactLog.Of(Fraction.One, 64), Fraction.Zero));
    }

    [Fact]
    public void ExactConstants_RejectBitsOutsideTheRangeOrAnAtanhArgumentBeyondOneHalf()
    {
        ArgumentAssert.Rejects(() => ExactConstants.Pi(15), "bits", "bits must be in [16, 65536], got 15");
        ArgumentAssert.Rejects(() => ExactConstants.Ln2(65537), "bits", "bits must be in [16, 65536], got 65537");
        // At the smallest accepted precision (2^-16 ≈ 1.5e-5) π = 3.14159 26… is enclosed within [3.1415, 3.1417].
        var pi = ExactConstants.Pi(16);
        Assert.True(pi.Lower > new Fraction(31415, 10000) && pi.Upper < new Fraction(31417, 10000), $"[{pi.Lower}, {pi.Upper}]");
        ArgumentAssert.Rejects(() => ExactConstants.AtanhOfRational(new Fraction(1, 2) + new Fraction(1, 1L << 40), 64), "z", "|z| must be ≤ 1/2");
        // z = 1/2 is accepted: atanh(1/2) = ln(3)/2 ≈ 0.549306.
        var a = ExactConstants.AtanhOfRational(new Fraction(1, 2), 64);
        Assert.True(a.Lower > new Fraction(549306, 1000000) && a.Upper < new Fraction(549307, 1000000), $"[{a.Lower}, {a.Upper}]");
    }

    [Fact]
    public void DyadicRounding_RejectsBitsBelowTwo()
    {
        ArgumentAssert.Rejects(() => DyadicRounding.Down(new Fraction(1, 3), 1), "bits", "bits must be ≥ 2, got 1");
        // bits = 2: 1/3 = 0.0101…₂ rounds down to 1/4 and up to 3/8 (two significant bits).
        Assert.Equal(new Fraction(1, 4), DyadicRounding.Down(new Fraction(1, 3), 2));
        Assert.Equal(new Fraction(3, 8), DyadicRounding.Up(new Fraction(1, 3), 2));
    }

    [Fact]
    public void ExactMatrix_RejectsEmptyOrMismatchedMatricesAndASingularSolve()
    {
        ArgumentAssert.Rejects(() => new ExactMatrix(new Fraction[0, 0]), "entries", "entries must not be empty");
        ArgumentAssert.Rejects(() => ExactMatrix.FromDoubles(Matrix<double>.Build.Dense(1, 1, double.NaN)), "m", "m must be finite");
        ArgumentAssert.Rejects(() => ExactMatrix.Build(0, 1, (_, _) => Fraction.Zero), "rows", "rows and columns must be ≥ 1, got 0×1");
        var twoByThree = ExactMatrix.Build(2, 3, (_, _) => Fraction.One);
        ArgumentAssert.Rejects(() => _ = twoByThree * twoByThree, "b", "cannot multiply 2×3 by 2×3");
        ArgumentAssert.Rejects(() => _ = twoByThree + ExactMatrix.Identity(2), "b", "shapes differ: 2×3 and 2×2");
        ArgumentAssert.Rejects(() => ExactMatrix.Identity(2).Solve(ExactMatrix.Identity(3)), "b", "b must have 2 rows, got 3");
        ArgumentAssert.Rejects(() => twoByThree.Solve(ExactMatrix.Identity(2)), "this", "this must be square, got 2×3");
        // The singular matrix is the receiver A of AX = B.
        ArgumentAssert.Rejects(() => ExactMatrix.FromIntegers(new long[,] { { 1, 2 }, { 2, 4 } }).Solve(ExactMatrix.Identity(2)), "this", "the matrix is singular");
        ArgumentAssert.Rejects(() => ExactMatrix.Cayley(ExactMatrix.FromIntegers(new long[,] { { 0, 1 }, { 1, 0 } })), "skew", "skew must be skew-symmetric");
        // 2I·X = I gives X = ½I.
        var x = ExactMatrix.FromIntegers(new long[,] { { 2, 0 }, { 0, 2 } }).Solve(ExactMatrix.Identity(2));
        Assert.Equal(new Fraction(1, 2), x[0, 0]);
        Assert.Equal(Fraction.Zero, x[0, 1]);
    }

    [Fact]
    public void ExactLinearAlgebra_RejectsBadPositiveDefinitenessInputAndLengthMismatches()
    {
        ArgumentAssert.Rejects(() => ExactLinearAlgebra.IsPositiveDefinite(new Fraction[2, 3]), "a", "a must be a non-empty square matrix, got 2×3");
        ArgumentAssert.Rejects(() => ExactLinearAlgebra.IsPositiveDefinite(new Fraction[41, 41]), "a", "a must have dimension ≤ 40, got 41");
        ArgumentAssert.Rejects(() => ExactLinearAlgebra.IsPositiveDefinite(new[,] { { Fraction.One, Fraction.Zero }, { Fraction.One, Fraction.One } }), "a", "a must be symmetric: [0,1] ≠ [1,0]");
        Assert.True(ExactLinearAlgebra.IsPositiveDefinite(new[,] { { Fraction.One } }));
        ArgumentAssert.Rejects(() => ExactLinearAlgebra.Dot(new[] { Fraction.One }, new[] { Fraction.One, Fraction.One }), "b", "lengths differ: 1 and 2");
        ArgumentAssert.Rejects(() => ExactLinearAlgebra.Dot(new[] { RationalInterval.Zero }, new[] { RationalInterval.Zero, RationalInterval.Zero }), "b", "lengths differ: 1 and 2");
        ArgumentAssert.Rejects(() => ExactLinearAlgebra.Times(new RationalInterval[2, 3], new[] { RationalInterval.Zero, RationalInterval.Zero }), "m", "m must be 2×2, got 2×3");
        ArgumentAssert.Rejects(() => ExactLinearAlgebra.Times(new Fraction[2, 2], new[] { Fraction.One }), "v", "cannot multiply 2×2 by a vector of length 1");
        ArgumentAssert.Rejects(() => ExactLinearAlgebra.AbsQuadraticForm(new Fraction[2, 3], new[] { Fraction.One, Fraction.One }), "m", "m must be 2×2, got 2×3");
        ArgumentAssert.Rejects(() => ExactLinearAlgebra.Of([1.0, double.NaN]), "v", "v must be finite");
        ArgumentAssert.Rejects(() => ExactLinearAlgebra.Of(Matrix<double>.Build.Dense(1, 1, double.PositiveInfinity)), "m", "m must be finite");
    }

    /// <summary>
    /// A null operand is an ArgumentNullException naming it, raised before the operand is read (without the guard, b.Count
    /// or b.Rows would be a NullReferenceException that names nothing).
    /// </summary>
    [Fact]
    public void DotAndSolve_RejectANullRightOperandByName()
    {
        var dot = Assert.Throws<ArgumentNullException>(() => ExactLinearAlgebra.Dot(new[] { RationalInterval.Zero }, (IReadOnlyList<RationalInterval>)null!));
        Assert.Equal("b", dot.ParamName);
        var solve = Assert.Throws<ArgumentNullException>(() => ExactMatrix.Identity(2).Solve(null!));
        Assert.Equal("b", solve.ParamName);
    }

    /// <summary>
    /// An undecided comparison or sign says what was undecided: the operands and the relation ([0, 2] ≤ [1, 3] holds at 0 ≤ 3
    /// and fails at 2 > 1), or "the sign of" the interval ([−1, 1] holds −1 and 1).
    /// </summary>
    [Fact]
    public void UndecidedComparisonAndSign_NameWhatWasUndecided()
    {
        var a = new RationalInterval(Fraction.Zero, new Fraction(2));
        var b = new RationalInterval(Fraction.One, new Fraction(3));
        var comparison = Assert.Throws<UndecidedException>(() => _ = a <= b);
        Assert.Contains($"{a} ≤ {b}", comparison.Message, StringComparison.Ordinal);
        Assert.Contains("is not decided", comparison.Message, StringComparison.Ordinal);
        var straddling = new RationalInterval(-Fraction.One, Fraction.One);
        var sign = Assert.Throws<UndecidedException>(() => RationalInterval.Sign(straddling));
        Assert.Contains($"the sign of {straddling}", sign.Message, StringComparison.Ordinal);
        Assert.Contains("is not decided", sign.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExactElmoStep_RejectsInputOutsideTheEigenspaceDomain()
    {
        ArgumentAssert.Rejects(() => ExactElmo.Step(double.NaN, 1, 1), "lambda", "lambda must be finite");
        ArgumentAssert.Rejects(() => ExactElmo.Step(1, -double.Epsilon, 1), "gradMagnitude", "gradMagnitude must be ≥ 0");
        ArgumentAssert.Rejects(() => ExactElmo.Step(1, 1, 0), "lipschitz", "lipschitz must be > 0");
        // λ = 0, |g| = ½, L = 1: x* = √(2L|g|)/L = 1 exactly.
        Assert.True(Encloses(ExactElmo.Step(0, 0.5, 1), Fraction.One));
    }
}
