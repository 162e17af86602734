using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers;
using Verification.Optimizers.SecondOrder;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Verification.Tests.Properties.Optimizers.NaturalGradient;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// The eigenspace optimizers' Update over the whole double range with a diagonal Hessian given exactly (curvatures and
/// gradient at any scale from subnormals to near ±double.MaxValue, ±0, each vector within a spread of 2^1017; L anywhere): the eigenvectors are ±e_i and the projections ±∇f_i exactly,
/// so each entry of Δθ is the per-coordinate step, and Σ x_i·v_i adds only zeros. References (exact rationals, or
/// <see cref="ExactElmo.Step"/>'s 200-bit enclosure of x*): Newton −g_i/λ_i (0 where λ_i = 0) and saddle-free Newton
/// −g_i/|λ_i|, each correctly rounded (<see cref="Verification.Numerics.Elmo.NewtonStep.Along"/> is ½ ulp, bit for bit
/// here); ELMO −sign(g_i)·x*(λ_i, |g_i|, L) and Cauchy −sign(g_i)·sgn(λ_i)·x*(|λ_i|, |g_i|, L) (sgn 0 = +1, App. F.1),
/// within the 1 ulp of <see cref="Verification.Numerics.Elmo.ElmoStep.Step"/>; where g_i = 0 and ELMO steps along a
/// concave direction (x* = 2|λ|/L) the side is the eigensolver's choice, so only |Δθ_i| is compared. Where an exact
/// entry is at or beyond the overflow threshold (MaxValue + ½ ulp) the update must be an ArgumentException that says so
/// (StatelessOptimizer's contract), and it may be one nowhere else.
/// </summary>
[Properties(MaxTest = 300)]
public class EigenspaceOptimizerDiagonalRangeProperties
{
    /// <summary>
    /// n entries ±m·2^s with m from <see cref="FullRangeDoubles.Moderate"/> (exponents −8…8), one s for the vector drawn
    /// over −1070…1010 (subnormal to near MaxValue), two in six of them further scaled by 2^e, e ∈ −1000…0, or ±0 (one in
    /// six). The spread within a vector stays below 2^1017, so SymmetricEigen's power-of-two scaling is exact; across a
    /// spread beyond 2^1022 it rounds the smaller entries to the subnormal grid (documented there and on Newton.Update),
    /// which no exact per-coordinate reference survives.
    /// </summary>
    internal static Gen<double[]> Scaled(int n) =>
        from s in Gen.Choose(-1070, 1010)
        from entries in Gen.Frequency(
            (3, from m in FullRangeDoubles.Moderate from sign in Gen.Elements(1.0, -1.0) select sign * m),
            (2, from m in FullRangeDoubles.Moderate from sign in Gen.Elements(1.0, -1.0) from e in Gen.Choose(-1000, 0)
                select Math.ScaleB(sign * m, e)),
            (1, Gen.Elements(0.0, -0.0))).ArrayOf(n)
        select entries.Select(x => Math.ScaleB(x, s)).ToArray();

    private static Arbitrary<(double[] Lambda, double[] G, double L)> Cases { get; } =
        (from n in Gen.Choose(1, 3)
         from lambda in Scaled(n)
         from g in Scaled(n)
         from l in FullRangeDoubles.Positive
         select (lambda, g, l)).ToArbitrary();

    private static readonly Fraction Threshold = ExactAgreement.OverflowThreshold;

    private static Property Check(StatelessOptimizer optimizer, (double[] Lambda, double[] G, double L) c,
        Func<int, RationalInterval> exactMagnitude, Func<int, int> side)
    {
        string label = $"{optimizer.Name}: λ = ({string.Join(", ", c.Lambda.Select(x => x.ToString("R")))}), g = ({string.Join(", ", c.G.Select(x => x.ToString("R")))}), L = {c.L:R}";
        var exact = Enumerable.Range(0, c.G.Length).Select(exactMagnitude).ToArray();
        bool overflows = exact.Any(x => x.Lower >= Threshold);
        bool undecided = exact.Any(x => x.Lower < Threshold && x.Upper >= Threshold);
        Vector<double> step;
        try
        {
            step = optimizer.Update(new GivenCurvature(c.Lambda, c.G), Vector<double>.Build.Dense(c.G.Length));
        }
        catch (ArgumentException e)
        {
            return ((overflows || undecided) && (e.Message.Contains("overflow") || e.Message.Contains("beyond")))
                .Label($"{label}: rejected ({e.Message}); an exact entry overflows: {overflows}");
        }
        if (overflows)
            return false.Label($"{label}: an exact entry overflows, but {step} was returned");
        var result = true.ToProperty();
        for (int i = 0; i < c.G.Length; i++)
        {
            int s = side(i);
            result = result.And(ExactAgreement.Within(s == 0 ? Math.Abs(step[i]) : s * step[i], exact[i], 1, $"{label}, entry {i} = {step[i]:R}"));
        }
        return result;
    }

    private static int Sign(double x) => x > 0 ? 1 : x < 0 ? -1 : 0;

    [Property]
    public Property Newton_IsTheCorrectlyRoundedQuotient() => Prop.ForAll(Cases, c =>
        Check(new Newton(), c,
            i => c.Lambda[i] == 0 ? RationalInterval.Exact(Fraction.Zero)
                : RationalInterval.Exact(Fraction.Abs(ExactDouble.ToFraction(c.G[i]) / ExactDouble.ToFraction(c.Lambda[i]))),
            i => -Sign(c.G[i]) * Sign(c.Lambda[i])));

    [Property]
    public Property SaddleFreeNewton_IsTheCorrectlyRoundedQuotient() => Prop.ForAll(Cases, c =>
        Check(new SaddleFreeNewton(), c,
            i => c.Lambda[i] == 0 ? RationalInterval.Exact(Fraction.Zero)
                : RationalInterval.Exact(Fraction.Abs(ExactDouble.ToFraction(c.G[i]) / ExactDouble.ToFraction(c.Lambda[i]))),
            i => -Sign(c.G[i])));

    [Property]
    public Property Elmo_IsWithinOneUlpOfTheExactStep() => Prop.ForAll(Cases, c =>
        Check(new ElmoOptimizer(new ConstantLipschitz(c.L)), c,
            i => ExactElmo.Step(c.Lambda[i], Math.Abs(c.G[i]), c.L),
            i => c.G[i] == 0 ? 0 : -Sign(c.G[i])));

    [Property]
    public Property Cauchy_IsWithinOneUlpOfTheExactStep() => Prop.ForAll(Cases, c =>
        Check(new CauchyMethod(new ConstantLipschitz(c.L)), c,
            i => ExactElmo.Step(Math.Abs(c.Lambda[i]), Math.Abs(c.G[i]), c.L),
            i => c.G[i] == 0 ? 0 : -Sign(c.G[i]) * (c.Lambda[i] < 0 ? -1 : 1)));
}
