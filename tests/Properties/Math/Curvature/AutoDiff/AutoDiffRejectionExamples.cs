using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// The guards of forward mode (issue 15, item 1) that no range example reaches: an empty point, a function with no or a
/// varying number of components, a non-finite θ, a jet variable index outside [0, d), and jets of different variable
/// counts. Each is an <see cref="ArgumentException"/> naming the parameter and the
/// condition; the smallest accepted input gives the closed-form derivative (d/dx x² = 2x).
/// </summary>
public sealed class AutoDiffRejectionExamples
{
    private static readonly Float64 Three = new(3);

    [Fact]
    public void Expand_RejectsNoComponentAndAVaryingNumberOfComponents()
    {
        ArgumentAssert.Rejects(() => ForwardModeFormulas.Expand<Float64>(_ => [], [Three]), "f", "f must return at least one component");
        // Seeds (0, 0), (0, 1), (1, 1): ε₁ sits on x₀ in the first two only, so the third evaluation returns two components.
        ArgumentAssert.Rejects(() => ForwardModeFormulas.Expand<Float64>(v => v[0].E1.Value == 1 ? [v[0]] : [v[0], v[1]], [Three, Three]),
            "f", "f must return the same number of components at every seed, got 2 after 1");
        var expansion = ForwardModeFormulas.Expand<Float64>(v => [v[0] * v[0]], [Three]);
        Assert.Equal(6.0, expansion.Jacobian[0, 0].Value); // d/dx x² = 2x
        Assert.Equal(2.0, expansion.Hessians[0][0, 0].Value);
    }

    /// <summary>x needs d ≥ 1 coordinates (Expand, Gradient, Hessian, and the jets' Evaluate); d = 1 gives 2x at x = 3.</summary>
    [Fact]
    public void ForwardMode_RejectsAnEmptyPoint()
    {
        ArgumentAssert.Rejects(() => ForwardModeFormulas.Expand<Float64>(v => [v[0]], []), "x", "x must have at least one coordinate");
        ArgumentAssert.Rejects(() => ForwardModeFormulas.Gradient<Float64>(v => v[0], []), "x", "x must have at least one coordinate");
        ArgumentAssert.Rejects(() => ForwardModeFormulas.Hessian<Float64>(v => v[0], []), "x", "x must have at least one coordinate");
        ArgumentAssert.Rejects(() => HessianJet<Float64>.Evaluate(v => v[0], []), "x", "x must have at least one coordinate");
        Assert.Equal(6.0, ForwardModeFormulas.Gradient<Float64>(v => v[0] * v[0], [Three])[0].Value);
        var (value, gradient, hessian) = HessianJet<Float64>.Evaluate(v => v[0] * v[0], [Three]);
        Assert.Equal((9.0, 6.0, 2.0), (value.Value, gradient[0].Value, hessian[0, 0].Value));
    }

    [Fact]
    public void ForwardDerivatives_RejectANonFiniteOrEmptyTheta()
    {
        static HyperDual Square(HyperDual[] t) => t[0] * t[0];
        var nan = Vector<double>.Build.Dense(1, double.NaN);
        ArgumentAssert.Rejects(() => ForwardDerivatives.Gradient(Square, nan), "theta", "theta[0] must be finite, got NaN");
        ArgumentAssert.Rejects(() => ForwardDerivatives.Hessian(Square, nan), "theta", "theta[0] must be finite, got NaN");
        ArgumentAssert.Rejects(() => ForwardDerivatives.Gradient(Square, Vector<double>.Build.Dense(0)), "theta", "theta must not be empty");
        var three = Vector<double>.Build.Dense(1, 3.0);
        Assert.Equal(6.0, ForwardDerivatives.Gradient(Square, three)[0]);
        Assert.Equal(2.0, ForwardDerivatives.Hessian(Square, three)[0, 0]);
    }

    /// <summary>0 ≤ i &lt; d: i = d, i = −1 and d = 0 are rejected; i = d − 1 is the variable x_i with gradient e_i.</summary>
    [Fact]
    public void HessianJetVariable_RejectsAnIndexOutsideTheVariables()
    {
        ArgumentAssert.Rejects(() => HessianJet<Float64>.Variable(Three, 2, 2), "i", "need 0 ≤ i < d, got i = 2, d = 2");
        ArgumentAssert.Rejects(() => HessianJet<Float64>.Variable(Three, -1, 2), "i", "need 0 ≤ i < d, got i = -1, d = 2");
        ArgumentAssert.Rejects(() => HessianJet<Float64>.Variable(Three, 0, 0), "i", "need 0 ≤ i < d, got i = 0, d = 0");
        var last = HessianJet<Float64>.Variable(Three, 1, 2);
        Assert.Equal((0.0, 1.0), (last.Gradient(0).Value, last.Gradient(1).Value));
    }

    [Fact]
    public void HessianJet_RejectsJetsOfDifferentVariableCounts()
    {
        var one = HessianJet<Float64>.Variable(Three, 0, 1);
        var two = HessianJet<Float64>.Variable(Three, 0, 2);
        ArgumentAssert.Rejects(() => _ = one + two, "b", "jets of 1 and 2 variables cannot be combined");
        ArgumentAssert.Rejects(() => _ = one - two, "b", "jets of 1 and 2 variables cannot be combined");
        ArgumentAssert.Rejects(() => _ = one * two, "b", "jets of 1 and 2 variables cannot be multiplied");
        ArgumentAssert.Rejects(() => _ = one / two, "b", "jets of 1 and 2 variables cannot be divided");
        Assert.Equal(1.0, (two / two).Value.Value); // same count: x/x = 1 with gradient 0
        Assert.Equal(0.0, (two / two).Gradient(0).Value);
    }

    /// <summary>
    /// Each of a hyper-dual sum's four parts is checked for ∞ − ∞ on its own: parts ε₂ and ε₁ε₂ of +∞ and −∞ (the value and ε₁
    /// are reached by the range examples) are rejected naming b; of one sign they stay +∞.
    /// </summary>
    [Fact]
    public void HyperDualSum_RejectsInfinitiesOfBothSignsInEachPart()
    {
        const string undetermined = "∞ − ∞ is undetermined in doubles (both are values or parts beyond ±double.MaxValue)";
        double inf = double.PositiveInfinity;
        RejectsOutOfRange(() => _ = new HyperDual(1, 0, inf, 0) + new HyperDual(1, 0, -inf, 0), "b", undetermined);
        RejectsOutOfRange(() => _ = new HyperDual(1, 0, 0, inf) + new HyperDual(1, 0, 0, -inf), "b", undetermined);
        var same = new HyperDual(1, 0, inf, inf) + new HyperDual(1, 0, inf, inf);
        Assert.Equal((2.0, 0.0, inf, inf), (same.Value, same.E1, same.E2, same.E12));
    }

    /// <summary>erf and erfc of a NaN value, in both jets and hyper-duals (their domain is every double, ±∞ included).</summary>
    [Fact]
    public void ErfAndErfc_RejectNaN()
    {
        const string message = "erf and erfc need a number (any double, ±∞ included), got NaN";
        ArgumentAssert.Rejects(() => HessianJet<Float64>.Erfc(HessianJet<Float64>.Variable(new Float64(double.NaN), 0, 1)), "x", message);
        var nan = HyperDualReal<Float64>.Variable(new Float64(double.NaN), true, false);
        ArgumentAssert.Rejects(() => HyperDualReal<Float64>.Erf(nan), "x", message);
        // erf(±∞) = ±1 with derivative 2/√π·e^(−∞) = 0: the ends of the domain are accepted.
        var atInfinity = HyperDualReal<Float64>.Erf(HyperDualReal<Float64>.Variable(new Float64(double.PositiveInfinity), true, false));
        Assert.Equal((1.0, 0.0), (atInfinity.Value.Value, atInfinity.E1.Value));
    }

    /// <summary>
    /// The undetermined-product and quotient-by-overflowed rejections name the range (issue 15, item 1: a rejection names
    /// the documented range). Their messages said "overflowed to ±∞" or "±∞·0" without naming double.MaxValue, so a caller
    /// (and LogDensityForwardModeRangeProperties, which accepts a rejection only where it names the range) could not tell
    /// them from a bad input: the Gaussian mean–variance's forward mode at v = 2^1023 divides by 2v = +∞.
    /// </summary>
    [Fact]
    public void UndeterminedProductsAndQuotientsByAnOverflowedValue_NameTheRange()
    {
        const string range = "double.MaxValue";
        double inf = double.PositiveInfinity;
        var e800 = HyperDual.Exp(new HyperDual(800, 1, 0, 0));
        var eMinus800 = HyperDual.Exp(new HyperDual(-800, 0, 1, 0));
        RejectsOutOfRange(() => _ = e800 * eMinus800, "b", range);
        RejectsOutOfRange(() => _ = new HyperDual(0, 0, 0, 0) * new HyperDual(1, inf, 0, 0), "b", range);
        RejectsOutOfRange(() => _ = HyperDual.Constant(2) / HyperDual.Exp(new HyperDual(710, 1, 1, 0)), "b", range);
        var twoV = HyperDualReal<Float64>.Variable(new Float64(Math.ScaleB(1.0, 1023)), false, true) * HyperDualReal<Float64>.Constant(new Float64(2));
        RejectsOutOfRange(() => _ = HyperDualReal<Float64>.Constant(new Float64(-1)) / twoV, "b", range);
        var jet = HessianJet<Float64>.Exp(HessianJet<Float64>.Variable(new Float64(800), 0, 1));
        var small = HessianJet<Float64>.Exp(HessianJet<Float64>.Variable(new Float64(-800), 0, 1));
        RejectsOutOfRange(() => _ = jet * small, "b", range);
    }

    /// <summary>
    /// Asserts that <paramref name="act"/> throws a <see cref="DoubleRangeException"/> (exactly) with ParamName
    /// <paramref name="parameter"/> and a message containing <paramref name="messagePart"/> (ordinal): the "valid input,
    /// doubles cannot answer" rejection, checked as <see cref="ArgumentAssert.Rejects"/> checks an ArgumentException.
    /// </summary>
    internal static DoubleRangeException RejectsOutOfRange(Action act, string? parameter, string messagePart)
    {
        var e = Assert.Throws<DoubleRangeException>(act);
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(messagePart, e.Message, StringComparison.Ordinal);
        return e;
    }
}
