using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Optimizers.Lodo;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Lodo;

/// <summary>
/// The Newton tracker's step −H⁻¹g (lodo.md App. F.1) at the edges of the double range: a finite exact step is returned
/// also where the forward substitution of the Cholesky solve overflows, and a step beyond the range (or a gradient the
/// tracker cannot scale) is a <see cref="DoubleRangeException"/> naming the sample, never ±∞ or NaN.
/// </summary>
public class NewtonTrackerRangeExamples
{
    private static Matrix<double> M(double[,] a) => Matrix<double>.Build.DenseOfArray(a);

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>The first step on f(θ) = gᵀθ, a Quadratic with A = 0 and b = −g, so that ∇f = Aθ − b = g at every θ.</summary>
    private static Vector<double> FirstStep(Matrix<double> hessian, Vector<double> gradient) =>
        new NewtonTracker(hessian)
            .Start(new Quadratic(Matrix<double>.Build.Dense(gradient.Count, gradient.Count), -gradient), Vector<double>.Build.Dense(gradient.Count))
            .Step();

    /// <summary>
    /// H = [[1/2, 3/8], [3/8, 1/2]], g = (1.5e308, 1.5e308): H(1, 1) = (7/8)(1, 1), so the exact step is −(8/7)g ≈
    /// −1.714e308 per entry, a finite double. The plain solve's L⁻¹g = (g₁/√(1/2), …) ≈ 2.1e308 overflows on the way
    /// (asserted below, so this example keeps testing that path); it used to come back as a step of ±∞.
    /// Tolerance 64u relative: a backward-stable 2×2 Cholesky solve with cond(H) = 7 (eigenvalues 7/8 and 1/8).
    /// </summary>
    [Fact]
    public void Step_WhereTheForwardSubstitutionOverflows_IsTheFiniteExactStep()
    {
        var h = M(new[,] { { 0.5, 0.375 }, { 0.375, 0.5 } });
        var g = V(1.5e308, 1.5e308);
        Assert.Contains(h.Cholesky().Solve(g), x => !double.IsFinite(x));
        double exact = -(1.5e308 / 7) * 8; // 1.5e308·8 would overflow; /7 rounds once (1u), ·8 is exact.
        var step = FirstStep(h, g);
        Assert.All(step, x => Assert.InRange(Math.Abs(x - exact), 0, 64 * Math.ScaleB(1, -53) * Math.Abs(exact)));
    }

    /// <summary>
    /// The 2×2 block above with a decoupled third coordinate, g = (1.5e308, 1.5e308, 2): the plain solve overflows, and
    /// g₃ = 2 = 2^(1023 − 1022) is exactly 2^-1022 times the largest entry's power of two, so scaled it is 2^-1022, a
    /// normal double: no digit is lost, and the step is −((8/7)g₁, (8/7)g₂, 2), the last entry exact (H₃₃ = 1).
    /// Tolerance as above (64u relative; the block is decoupled, so the third entry is exact).
    /// </summary>
    [Fact]
    public void Step_WithAGradientSpanningExactlyTheDoubleRange_IsScaledNotRejected()
    {
        var h = M(new[,] { { 0.5, 0.375, 0 }, { 0.375, 0.5, 0 }, { 0, 0, 1 } });
        var g = V(1.5e308, 1.5e308, 2);
        Assert.Equal(-1022, Math.ILogB(g[2]) - Math.ILogB(g[0]));
        Assert.Contains(h.Cholesky().Solve(g), x => !double.IsFinite(x));
        double exact = -(1.5e308 / 7) * 8;
        var step = FirstStep(h, g);
        Assert.InRange(Math.Abs(step[0] - exact), 0, 64 * Math.ScaleB(1, -53) * Math.Abs(exact));
        Assert.InRange(Math.Abs(step[1] - exact), 0, 64 * Math.ScaleB(1, -53) * Math.Abs(exact));
        Assert.Equal(-2.0, step[2]);
    }

    /// <summary>H = diag(2^-10, 1), g = (2^1020, 1): the exact step's first entry −2^1030 exceeds double.MaxValue.</summary>
    [Fact]
    public void Step_BeyondTheDoubleRange_IsADoubleRangeExceptionNamingTheSample()
    {
        var e = Assert.Throws<DoubleRangeException>(() => FirstStep(M(new[,] { { Math.ScaleB(1, -10), 0 }, { 0, 1 } }), V(Math.ScaleB(1, 1020), 1)));
        Assert.Equal("sample", e.ParamName);
        Assert.Contains("entry 0 beyond the double range", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// H = diag(1, 3·2^-80), g = (2^1000, 2^-1074): g spans more than the double range and the plain solve is finite, but
    /// its L⁻¹g₂ = 2^-1074/(√3·2^-40) is subnormal and keeps a few bits, which the second division carries into a normal
    /// entry. Solved by parts, each entry scaled to [1, 2) on its own, the step is −(2^1000, 2^-994/3), the second
    /// within γ₄ = 4u/(1 − 4u) (√h, two divisions; here bounded by 4.5u). Until stop 47 the plain solve was kept there.
    /// </summary>
    [Fact]
    public void Step_WithAGradientSpanningMoreThanTheRange_KeepsTheSubnormalEntrysDigits()
    {
        var h = M(new[,] { { 1, 0 }, { 0, 3 * Math.ScaleB(1, -80) } });
        var step = FirstStep(h, V(Math.ScaleB(1, 1000), double.Epsilon));
        Assert.Equal(-Math.ScaleB(1, 1000), step[0]);
        double exact = -(Math.ScaleB(1, -994) / 3); // one rounding of the exact −2^-994/3
        Assert.InRange(Math.Abs(step[1] - exact), 0, 4.5 * Math.ScaleB(1, -53) * Math.Abs(exact));
    }

    /// <summary>
    /// The 2×2 block of the first example with a decoupled h₃ = 3·2^-80 and g = (1.5e308, 1.5e308, 2^-1074): the plain solve
    /// overflows and g spans more than the double range, so scaling g to its largest entry would flush 2^-1074 to 0. Until
    /// stop 47 that was a DoubleRangeException although the exact step −((8/7)g₁, (8/7)g₂, 2^-994/3) is finite; solved by
    /// parts it is returned (tolerances as above: 64u for the block, 4.5u for the third entry).
    /// </summary>
    [Fact]
    public void Step_WhereTheSolveOverflowsAndTheGradientSpansMoreThanTheRange_IsSolvedByParts()
    {
        var h = M(new[,] { { 0.5, 0.375, 0 }, { 0.375, 0.5, 0 }, { 0, 0, 3 * Math.ScaleB(1, -80) } });
        var g = V(1.5e308, 1.5e308, double.Epsilon);
        Assert.Contains(h.Cholesky().Solve(g), x => !double.IsFinite(x));
        double block = -(1.5e308 / 7) * 8, third = -(Math.ScaleB(1, -994) / 3);
        var step = FirstStep(h, g);
        Assert.InRange(Math.Abs(step[0] - block), 0, 64 * Math.ScaleB(1, -53) * Math.Abs(block));
        Assert.InRange(Math.Abs(step[1] - block), 0, 64 * Math.ScaleB(1, -53) * Math.Abs(block));
        Assert.InRange(Math.Abs(step[2] - third), 0, 4.5 * Math.ScaleB(1, -53) * Math.Abs(third));
    }

    /// <summary>
    /// Diagonal H where solving by parts of g alone still lost digits (stop 47's review of a first version that grouped g's
    /// entries by magnitude): the solution of a part can underflow where h_i is large (2^100/2^1000 = 2^-900 in a group
    /// scaled to 2^1000 became 0), or the retry at 2^-64 pushes a small member below 2^-1022. Each entry must be within
    /// γ₄·|g_i/h_i| + 2^-1074 of the exact −g_i/h_i (the remarks' bound), checked in rationals.
    /// </summary>
    [Theory]
    [InlineData(new[] { 1.0, 1.0715086071862673e+301, 1.0 }, new[] { 1.0715086071862673e+301, 1.2676506002282294e+30, double.Epsilon })]
    [InlineData(new[] { 1.668805393880401e-308, 1.152921504606847e+18, 1.0 }, new[] { 2.0, 1.2313610403895129e-288, double.Epsilon })]
    [InlineData(new[] { 1.0, 1.7463175965200454e+308 }, new[] { double.Epsilon, 1.9293046209718795e+53 })]
    public void Step_WhereAPartsSolutionWouldUnderflow_IsWithinItsBound(double[] h, double[] g)
    {
        var step = FirstStep(Matrix<double>.Build.DiagonalOfDiagonalArray(h), V(g));
        var gamma4 = 4 * ExactDouble.Pow2(-53) / (1 - 4 * ExactDouble.Pow2(-53));
        for (int i = 0; i < h.Length; i++)
        {
            var exact = -ExactDouble.ToFraction(g[i]) / ExactDouble.ToFraction(h[i]);
            var error = Fractions.Fraction.Abs(ExactDouble.ToFraction(step[i]) - exact);
            Assert.True(error <= gamma4 * Fractions.Fraction.Abs(exact) + ExactDouble.Pow2(-1074),
                $"step[{i}] = {step[i]:R}, exact ≈ {ExactDouble.ToDouble(exact):R}");
        }
    }

    /// <summary>
    /// H = (2^1000), g = (−2^-1074): the exact step 2^-2074 rounds to +0, as the plain solve gives it; a sum of parts that
    /// underflows to 0 keeps its own sign (a first version gave −0 here).
    /// </summary>
    [Fact]
    public void Step_ThatUnderflows_KeepsTheSignOfZero()
    {
        double entry = FirstStep(M(new[,] { { 1.0715086071862673e+301 } }), V(-double.Epsilon))[0];
        Assert.Equal(0.0, entry);
        Assert.False(double.IsNegative(entry), "the step 2^-2074 rounds to +0");
    }

    /// <summary>
    /// H = [[2, 1], [1, 2]], g = (2^-1034, (2^41 + 1)·2^-1074): H⁻¹ = ⅓[[2, −1], [−1, 2]], so the first entry of H⁻¹g is
    /// (2^-1033 − 2^-1033 − 2^-1074)/3 = −2^-1074/3 and the step's +2^-1074/3 rounds to +0, the sign of the exact sum of the
    /// two parts (review: a first version took the sign of the part with the largest exponent, the first on a tie, which
    /// here is the positive one, and gave −0).
    /// </summary>
    [Fact]
    public void Step_WhosePartsCancelBelowTheSubnormals_HasTheSumsSign()
    {
        double entry = FirstStep(M(new[,] { { 2.0, 1.0 }, { 1.0, 2.0 } }), V(Math.ScaleB(1, -1034), (Math.ScaleB(1, 41) + 1) * double.Epsilon))[0];
        Assert.Equal(0.0, entry);
        Assert.False(double.IsNegative(entry), "the step +2^-1074/3 rounds to +0");
    }

    /// <summary>
    /// H = [[2^-1074, b], [b, 1]] with b = 2^-537(1 − 2^-53) (positive definite in doubles: L = [[2^-537, 0], [1 − 2^-53,
    /// 2^-26]]) and g = (2^-1074, b) = H·(1, 0): the step is −(1, 0) exactly. Column 0 of H⁻¹ is about 2^1126, beyond the
    /// range even scaled down by 2^-64, so that part cannot be formed; g solved whole, scaled to its largest entry, is exact
    /// (review: the first per-entry version rejected it as "beyond the double range").
    /// </summary>
    [Fact]
    public void Step_WhoseColumnOfTheInverseExceedsTheRange_IsSolvedWhole()
    {
        double b = Math.ScaleB(1 - Math.ScaleB(1, -53), -537);
        var step = FirstStep(M(new[,] { { double.Epsilon, b }, { b, 1.0 } }), V(double.Epsilon, b));
        Assert.Equal(new[] { -1.0, 0.0 }, step.ToArray());
    }

    /// <summary>
    /// The H above with g = (2^-1074, 0): the exact step is −2^-1074·H⁻¹e₁, about −(2^52, −1e-146). Column 0 of H⁻¹ exceeds
    /// the range even scaled down, and so does g's whole solve scaled to its largest entry (it scales 2^-1074 up to 1), but
    /// at 2^-64 of it, or plain, the solve is finite; it is returned, not rejected (review: the first whole-solve fallback
    /// rejected it). The first entry, exactly −2^52/(1 − 2^-54), is checked to 1e-12 relative: H's condition number is about
    /// 2^1126, so no bound follows from backward stability; the plain solve happens to be exact to the last bit here.
    /// </summary>
    [Fact]
    public void Step_WhoseWholeSolveOverflowsScaledUp_IsStillReturned()
    {
        double b = Math.ScaleB(1 - Math.ScaleB(1, -53), -537);
        var h = M(new[,] { { double.Epsilon, b }, { b, 1.0 } });
        var step = FirstStep(h, V(double.Epsilon, 0.0));
        Assert.All(step, x => Assert.True(double.IsFinite(x)));
        Assert.InRange(step[0], -Math.ScaleB(1, 52) * (1 + 1e-12), -Math.ScaleB(1, 52) * (1 - 1e-12));
    }

    /// <summary>
    /// H = diag(2^-10, 1), g = (2^-1000, 2^-1074): the plain solve is finite and exact (L = diag(2^-5, 1)), so it is kept:
    /// the step is −(2^-990, 2^-1074), subnormal entry included.
    /// </summary>
    [Fact]
    public void Step_WithTinyEntries_IsTheExactStep()
    {
        var step = FirstStep(M(new[,] { { Math.ScaleB(1, -10), 0 }, { 0, 1 } }), V(Math.ScaleB(1, -1000), double.Epsilon));
        Assert.Equal(new[] { -Math.ScaleB(1, -990), -double.Epsilon }, step.ToArray());
    }

    /// <summary>A gradient entry beyond the range (∇f = Aθ − b with A = I, θ = (1e308, 0), b = (−1e308, 0): 2e308 → ∞).</summary>
    [Fact]
    public void Step_WithANonFiniteGradient_IsRejectedNamingTheSample()
    {
        var run = new NewtonTracker(Matrix<double>.Build.DenseIdentity(2))
            .Start(new Quadratic(Matrix<double>.Build.DenseIdentity(2), V(-1e308, 0)), V(1e308, 0));
        ArgumentAssert.Rejects(() => run.Step(), "sample", "must be finite");
    }
}
