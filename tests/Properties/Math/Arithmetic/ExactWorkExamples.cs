using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// <see cref="ExactWork"/>: the budget the engine sets around each exact re-evaluation. It counts only inside a scope, counts
/// the same computation the same way every time (it is a count, not a clock), grows with the operands' size as the cost
/// of rational arithmetic does, and stops a computation whose rationals grow without bound.
/// </summary>
public class ExactWorkExamples
{
    private static RationalInterval Point(long p, long q) => RationalInterval.Exact(new Fraction(p, q));

    /// <summary>x ← x² + 1/3, n times: the numerator and denominator double in size at every step (3^(2^n) in the denominator).</summary>
    private static RationalInterval Squarings(int n)
    {
        var x = Point(1, 3);
        for (int i = 0; i < n; i++)
            x = x * x + Point(1, 3);
        return x;
    }

    [Fact]
    public void OutsideAScope_NothingIsCounted()
    {
        Assert.Null(ExactWork.Limit);
        _ = Squarings(6);
        ExactWork.Charge(1L << 62);
        ExactWork.ChargeOperations(1L << 20, 1L << 20, 1000);
        Assert.Equal(0, ExactWork.Used);
        using (ExactWork.Use(1L << 40))
            _ = Squarings(6);
        Assert.Equal(0, ExactWork.Used); // a scope's work is not left behind where nothing counts
    }

    /// <summary>The budget is inclusive: work equal to it passes, one unit more stops; huge charges saturate, never wrap.</summary>
    [Fact]
    public void TheBudgetIsInclusive_AndChargesSaturate()
    {
        Assert.False(ExactWork.IsSpent); // no budget, nothing to spend
        using (ExactWork.Use(100))
        {
            ExactWork.Charge(100);
            Assert.Equal(100, ExactWork.Used);
            Assert.False(ExactWork.IsSpent);
            Assert.Throws<ExactWorkExceededException>(() => ExactWork.Charge(1));
            Assert.True(ExactWork.IsSpent);
            using (ExactWork.Use(10))
                Assert.False(ExactWork.IsSpent); // an inner scope has its own budget
            Assert.True(ExactWork.IsSpent);
        }
        Assert.False(ExactWork.IsSpent);
        using (ExactWork.Use(long.MaxValue))
        {
            ExactWork.Charge(long.MaxValue - 5);
            ExactWork.Charge(10); // would wrap to a negative count
            Assert.Equal(long.MaxValue, ExactWork.Used);
        }
    }

    [Fact]
    public void TheSameComputation_IsChargedTheSameWork_AndLongerOperandsCostMore()
    {
        long Cost(int n)
        {
            using var scope = ExactWork.Use(long.MaxValue);
            _ = Squarings(n);
            return ExactWork.Used;
        }
        Assert.Equal(Cost(8), Cost(8));
        // Step i works on operands of about 2^i·1.6 bits: past 64 bits a word, each step's charge grows about fourfold.
        long c10 = Cost(10), c11 = Cost(11);
        Assert.True(c11 > 3 * c10, $"10 steps {c10}, 11 steps {c11}");
    }

    /// <summary>
    /// Twenty squarings would build a 2^20·1.6-bit rational (about a million bits, then a gcd on it): far beyond any budget.
    /// A budget of 2^20 word products stops it within the first steps, as an undecided case.
    /// </summary>
    [Fact]
    public void AComputationWhoseRationalsGrowWithoutBound_StopsAtTheBudget_AsUndecided()
    {
        using var scope = ExactWork.Use(1L << 20);
        var e = Assert.Throws<ExactWorkExceededException>(() => Squarings(20));
        Assert.IsAssignableFrom<UndecidedException>(e);
        Assert.Equal(1L << 20, e.Limit);
        Assert.Contains("work budget of 1,048,576 word products", e.Message, StringComparison.Ordinal);
        // Every further charge throws too, so a fallback that catches undecided comparisons cannot run on.
        Assert.Throws<ExactWorkExceededException>(() => Point(1, 3) + Point(1, 5));
    }

    [Fact]
    public void NestedScopes_CarryTheirWorkOut_AndRestoreTheEnclosingBudget()
    {
        using var outer = ExactWork.Use(1L << 40);
        _ = Point(1, 3) * Point(2, 5);
        long before = ExactWork.Used;
        Assert.True(before > 0);
        long inner;
        using (ExactWork.Use(1L << 30))
        {
            Assert.Equal(0, ExactWork.Used);
            Assert.Equal(1L << 30, ExactWork.Limit);
            _ = Squarings(6);
            inner = ExactWork.Used;
        }
        Assert.Equal(1L << 40, ExactWork.Limit);
        Assert.Equal(before + inner, ExactWork.Used);
    }

    [Fact]
    public void Transcendentals_AreChargedTheirSeries_GrowingWithThePrecision()
    {
        long Cost(int bits)
        {
            using var precision = EnclosureSettings.Use(bits);
            using var scope = ExactWork.Use(long.MaxValue);
            _ = RationalInterval.Log(Point(7, 3));
            _ = RationalInterval.Exp(Point(7, 3));
            _ = RationalInterval.Sqrt(Point(7, 3));
            _ = RationalInterval.Erf(Point(7, 3));
            return ExactWork.Used;
        }
        long c128 = Cost(128), c2048 = Cost(2048);
        Assert.True(c128 > 0);
        Assert.True(c2048 > 16 * c128, $"128 bits {c128}, 2048 bits {c2048}");
    }

    /// <summary>
    /// π and ln 2 are cached per precision for the whole process; their fills are charged to nobody, so an evaluation costs the
    /// same whether it fills the caches or finds them warm (found by review: 2 634 780 units cold, 2 529 172 warm, so the
    /// count depended on which claim ran first).
    /// </summary>
    [Fact]
    public void TheConstantCaches_AreChargedToNobody()
    {
        long Measure()
        {
            using var precision = EnclosureSettings.Use(4099);
            using var scope = ExactWork.Use(long.MaxValue);
            _ = RationalInterval.Log(Point(3, 1));
            _ = RationalInterval.Pi;
            return ExactWork.Used;
        }
        Assert.Equal(Measure(), Measure());
    }

    /// <summary>
    /// |x| of a dual number over a box first tries the comparisons x ≥ 0 and x ≤ 0 and treats an undecided one as "no": a
    /// spent budget now passes through that fallback as itself, so the case reads "stopped at its work budget", not "|x| has
    /// no derivative on a box around 0".
    /// </summary>
    [Fact]
    public void AFallbackForUndecidedComparisons_LetsASpentBudgetThrough()
    {
        var x = new Dual<RationalInterval>(Point(1, 3), [Point(1, 1)]);
        using var scope = ExactWork.Use(1);
        Assert.Throws<ExactWorkExceededException>(() => Dual<RationalInterval>.Abs(x));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ANonPositiveBudget_IsRejected(long limit)
    {
        var e = Assert.Throws<ArgumentException>(() => ExactWork.Use(limit));
        Assert.Equal("limit", e.ParamName);
        Assert.Contains($"must be positive, got {limit}", e.Message, StringComparison.Ordinal);
        Assert.Null(ExactWork.Limit);
    }
}
