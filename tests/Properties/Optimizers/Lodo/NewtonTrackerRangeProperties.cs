using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Optimizers.Lodo;
using Verification.Optimizers.Objectives;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Lodo;

/// <summary>
/// The Newton tracker's step −H⁻¹g (lodo.md App. F.1) over the whole double range, for diagonal H (h_i from 2^-1074 to
/// MaxValue) and g with entries from the whole range, subnormal ones often: against the exact −g_i/h_i in rationals.
/// </summary>
[Properties(MaxTest = 3000)] // cheap (1 ms a case); a first by-parts solve of stop 47 failed only 1 case in about 300 here
public class NewtonTrackerRangeProperties
{
    private static readonly Fraction Smallest = ExactDouble.Pow2(-1074);

    private static readonly Fraction Max = ExactDouble.ToFraction(double.MaxValue);

    /// <summary>
    /// γ₄ = 4u/(1 − 4u), u = 2^-53: √h_i (its square within 2u of h_i), the two divisions of the triangular solves (u each);
    /// the scalings by powers of two are exact but for the last one into the subnormals, which with a subnormal
    /// intermediate of the plain solve (only where √h_i &gt; 1, so not magnified) makes the 2^-1074.
    /// </summary>
    private static readonly Fraction Gamma4 = ExactAgreement.Gamma(4);

    /// <summary>
    /// Subnormals of any size, 2^-1074 to 2^-1022 log-uniformly (a uniform mantissa is almost always near 2^-1023), half of
    /// them within 2^-1032 … 2^-1022, whose few lost bits only a curvature near 1 makes visible.
    /// </summary>
    private static Gen<double> Subnormal { get; } =
        from m in FullRangeDoubles.Moderate
        from k in Gen.Frequency((1, Gen.Choose(1023, 1032)), (1, Gen.Choose(1023, 1074)))
        from sign in Gen.Elements(1.0, -1.0)
        select sign * Math.Max(double.Epsilon, Math.ScaleB(Math.ScaleB(m, -Math.ILogB(m)), -k));

    /// <summary>Gradients: full-range entries, one scale, or subnormal entries (all, or one beside full-range ones).</summary>
    private static Gen<double[]> Gradient(int n) => Gen.Frequency(
        (2, FullRangeDoubles.SignedOrOneScale(n)),
        (1, Gen.ArrayOf(Subnormal, n)),
        (1, from g in Gen.ArrayOf(FullRangeDoubles.Signed, n) from s in Subnormal select g.Select((x, i) => i == 0 ? s : x).ToArray()));

    /// <summary>
    /// Curvatures 2^-200 … 1, where √h &lt; 1 magnifies what a subnormal g_i loses into a normal step entry; half of them
    /// 2^-12 … 1, where the subnormals just below 2^-1022 (most of their bits kept) lose theirs (a solve that missed
    /// g_i ≥ 2^-1032 as subnormal passed with the whole range 2^-200 … 1 alone).
    /// </summary>
    private static Gen<double> BelowOne { get; } =
        from m in FullRangeDoubles.Moderate
        from k in Gen.Frequency((1, Gen.Choose(1, 12)), (1, Gen.Choose(1, 200)))
        select Math.ScaleB(Math.ScaleB(m, -Math.ILogB(m)), -k);

    /// <summary>
    /// Each step entry within γ₄·|g_i/h_i| + 2^-1074 of −g_i/h_i, or a <see cref="DoubleRangeException"/> naming the sample
    /// where an exact entry exceeds double.MaxValue (beyond it by more than the bound: required). Until stop 47 a g that
    /// spans more than 2^1022 was rejected where the plain solve overflowed, and the entries of a subnormal g_i were not held
    /// to the bound where g spanned more than 2^1022 or 2^-j·g_i/h_i reached 2^1023 (the remarks' "Left" then); now every
    /// entry is.
    /// </summary>
    [Property]
    public Property Step_OfADiagonalHessian_IsWithinItsBoundOrRejected() => Prop.ForAll(
        (from n in Gen.Choose(1, 3)
         from h in Gen.Frequency((3, Gen.ArrayOf(FullRangeDoubles.Positive, n)), (1, Gen.ArrayOf(BelowOne, n)))
         from g in Gradient(n)
         select (h, g)).ToArbitrary(),
        c =>
        {
            var (h, g) = c;
            int n = h.Length;
            string at = $"h = [{string.Join(", ", h.Select(x => x.ToString("R")))}], g = [{string.Join(", ", g.Select(x => x.ToString("R")))}]";
            var exact = Enumerable.Range(0, n).Select(i => -ExactDouble.ToFraction(g[i]) / ExactDouble.ToFraction(h[i])).ToArray();
            bool beyond = exact.Any(x => Fraction.Abs(x) * (1 - Gamma4) > Max + ExactDouble.Pow2(970));
            bool maybeBeyond = exact.Any(x => Fraction.Abs(x) * (1 + Gamma4) > Max);
            Vector<double> step;
            try
            {
                step = new NewtonTracker(Matrix<double>.Build.DiagonalOfDiagonalArray(h))
                    .Start(new Quadratic(Matrix<double>.Build.Dense(n, n), -Vector<double>.Build.DenseOfArray(g)), Vector<double>.Build.Dense(n))
                    .Step();
            }
            catch (DoubleRangeException e)
            {
                bool named = e.ParamName == "sample";
                bool allowed = maybeBeyond;
                return (named && allowed).Label($"{at}: rejected ({e.ParamName}: {e.Message})");
            }
            if (beyond)
                return false.Label($"{at}: an exact entry is beyond ±double.MaxValue, but the step [{string.Join(", ", step)}] was returned");
            var property = true.ToProperty();
            for (int i = 0; i < n; i++)
            {
                if (!double.IsFinite(step[i]))
                {
                    property = property.And(false.Label($"{at}: step[{i}] = {step[i]:R}"));
                    continue;
                }
                var error = Fraction.Abs(ExactDouble.ToFraction(step[i]) - exact[i]);
                var bound = Gamma4 * Fraction.Abs(exact[i]) + Smallest;
                property = property.And((error <= bound).Label(
                    $"{at}: step[{i}] = {step[i]:R}, exact ≈ {ExactDouble.ToDouble(exact[i]):R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}"));
            }
            return property;
        });

    /// <summary>
    /// H = 3·2^-80, g = 2^-1074 and 3·2^-1070 + 2^-1074: exact steps −2^-994/3 and −(3·2^-990 + 2^-994)/3, normal doubles.
    /// The plain solve divided the subnormal g's one or four bits by √h = √3·2^-40 (y subnormal, 40 bits kept) and the
    /// step came out 3811 and 38 ulp off; solved for the scaled g, within γ₄ as above (4 ulp).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(49)]
    public void Step_WithASubnormalGradientAndACurvatureBelowOne_KeepsItsDigits(int multiple)
    {
        double h = Math.ScaleB(3, -80), g = multiple * double.Epsilon;
        var step = new NewtonTracker(Matrix<double>.Build.DenseOfArray(new[,] { { h } }))
            .Start(new Quadratic(Matrix<double>.Build.Dense(1, 1), Vector<double>.Build.DenseOfArray([-g])), Vector<double>.Build.Dense(1))
            .Step();
        var exact = -ExactDouble.ToFraction(g) / ExactDouble.ToFraction(h);
        Assert.True(ExactDouble.UlpError(step[0], RationalInterval.Exact(exact)) <= 4, $"step = {step[0]:R}, exact ≈ {ExactDouble.ToDouble(exact):R}");
    }
}
